"""Gang language: labels, associations, symbols, names, units and databases."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class GangRecognizer(RuleSetRecognizer):
    """Gang language: labels, associations, symbols, names, units and databases."""

    RULES_FILE = "terms/gang.v1.yaml"
