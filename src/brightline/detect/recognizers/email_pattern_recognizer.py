"""E-mail addresses Presidio's recognizer leaves: spelled out ("name at gmail dot com"), or on internal domains."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class EmailPatternRecognizer(RuleSetRecognizer):
    """E-mail addresses Presidio's recognizer leaves: spelled out ("name at gmail dot com"), or on internal domains."""

    RULES_FILE = "patterns/email.v3.yaml"
