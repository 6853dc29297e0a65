"""Birth dates, told apart from other dates by a cue or by a DOB column heading in a table."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..tables import heading_pattern, table_bodies
from ..vocab import CompiledRule
from .rule_set_recognizer import RuleSetRecognizer

# A heading line that names a DOB column among others ("Name / DOB / Student ID").
_DOB_HEADING = heading_pattern(r"DOB|D\.O\.B|Date\s+of\s+Birth|Birth\s*date")


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
        for lo, hi in table_bodies(text, _DOB_HEADING):
            for start, end in table_rule.spans(text[lo:hi]):
                results.append(self.result(lo + start, lo + end, table_rule))
        return results

