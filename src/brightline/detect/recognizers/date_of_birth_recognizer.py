"""Birth dates, told apart from other dates by a cue."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class DateOfBirthRecognizer(RuleSetRecognizer):
    """A date after DOB/born/date of birth (a DOB column's cells: TableColumnRecognizer)."""

    RULES_FILE = "patterns/date_of_birth.v6.yaml"
