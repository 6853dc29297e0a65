"""School names (context, so names of schools are not taken for students)."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class SchoolRecognizer(RuleSetRecognizer):
    """School names (context, so names of schools are not taken for students)."""

    RULES_FILE = "patterns/school.v3.yaml"
