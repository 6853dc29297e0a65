"""Immigration status, its proxies and enforcement."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class ImmigrationRecognizer(RuleSetRecognizer):
    """Immigration status, its proxies and enforcement."""

    RULES_FILE = "terms/immigration.v10.yaml"
