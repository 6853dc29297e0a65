"""Birth dates, told apart from other dates by a cue or by a DOB column heading in a table."""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..vocab import CompiledRule
from .rule_set_recognizer import RuleSetRecognizer

# A heading line that names a DOB column among others ("Name / DOB / Student ID").
_DOB_HEADING = regex.compile(
    r"^[^\n]*\b(?:DOB|D\.O\.B\.?|Date\s+of\s+Birth|Birth\s*date)\b[^\n]*(?:/|\||\t| {2,})[^\n]*$",
    regex.IGNORECASE | regex.MULTILINE,
)


class DateOfBirthRecognizer(RuleSetRecognizer):
    """A date after DOB/born/date of birth, or in the rows under a table heading that has a DOB column."""

    RULES_FILE = "patterns/date_of_birth.v1.yaml"
    TABLE_RULE = "any_date"

    def active_rules(self) -> list[CompiledRule]:
        return [rule for rule in self.rules.rules if rule.id != self.TABLE_RULE]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        table_rule = next(rule for rule in self.rules.rules if rule.id == self.TABLE_RULE)
        for lo, hi in _table_bodies(text):
            for start, end in table_rule.spans(text[lo:hi]):
                results.append(self.result(lo + start, lo + end, table_rule))
        return results


def _table_bodies(text: str) -> list[tuple[int, int]]:
    """The rows under each DOB heading: from the next line to the first blank line."""
    bodies = []
    for heading in _DOB_HEADING.finditer(text):
        start = heading.end() + 1
        blank = text.find("\n\n", start)
        bodies.append((start, len(text) if blank < 0 else blank))
    return bodies
