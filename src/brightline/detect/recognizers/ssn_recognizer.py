"""US social security numbers, cued or in their dashed shape."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class SsnRecognizer(RuleSetRecognizer):
    """US social security numbers, cued or in their dashed shape."""

    RULES_FILE = "patterns/ssn.v1.yaml"
