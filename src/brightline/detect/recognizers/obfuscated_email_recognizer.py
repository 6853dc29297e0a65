"""E-mail addresses spelled out to dodge scrapers ("name at gmail dot com")."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class ObfuscatedEmailRecognizer(RuleSetRecognizer):
    """E-mail addresses spelled out to dodge scrapers ("name at gmail dot com")."""

    RULES_FILE = "patterns/email.v1.yaml"
