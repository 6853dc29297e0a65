"""Health, disability, medication, mental-health and pregnancy details."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class HealthRecognizer(RuleSetRecognizer):
    """Health, disability, medication, mental-health and pregnancy details."""

    RULES_FILE = "terms/health.v11.yaml"
