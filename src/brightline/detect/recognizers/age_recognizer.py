"""A private individual's age in its many spellings."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class AgeRecognizer(RuleSetRecognizer):
    """A private individual's age in its many spellings (an Age column's cells: TableColumnRecognizer)."""

    RULES_FILE = "patterns/age.v11.yaml"
