"""Phone numbers phonenumbers' region rules reject: test exchanges, cued numbers, foreign numbers."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class PhonePatternRecognizer(RuleSetRecognizer):
    """Phone numbers phonenumbers' region rules reject: test exchanges, cued numbers, foreign numbers."""

    RULES_FILE = "patterns/phone.v4.yaml"
