"""Names in the shapes forms use: fields, roster rows, LAST, First, family relations, quoted aliases."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class PersonPatternRecognizer(RuleSetRecognizer):
    """Name candidates from form structure; detect/people.py cleans and classifies them."""

    RULES_FILE = "patterns/person.v12.yaml"
