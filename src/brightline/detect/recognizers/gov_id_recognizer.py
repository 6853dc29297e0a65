"""A-numbers, I-94, passport, visa, SEVIS, licence and plate numbers."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class GovIdRecognizer(RuleSetRecognizer):
    """A-numbers, I-94, passport, visa, SEVIS, licence and plate numbers."""

    RULES_FILE = "patterns/gov_id.v5.yaml"
