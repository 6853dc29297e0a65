"""Birth dates, told apart from other dates by a cue or by a DOB column heading in a table."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..tables import heading_pattern
from ..vocab import CompiledRule
from .rule_set_recognizer import RuleSetRecognizer

_DOB_COLUMN = heading_pattern(r"D\.?[O0]\.?B\.?|Date\s+of\s+Birth|Birth\s*date|Birthday|Born")


class DateOfBirthRecognizer(RuleSetRecognizer):
    """A date after DOB/born/date of birth, or in a table cell under a DOB column."""

    RULES_FILE = "patterns/date_of_birth.v1.yaml"
    TABLE_RULE = "any_date"

    def active_rules(self) -> list[CompiledRule]:
        return [rule for rule in self.rules.rules if rule.id != self.TABLE_RULE]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        table_rule = self.rule(self.TABLE_RULE)
        cells = self.cell_results(text, _DOB_COLUMN, table_rule.regex, table_rule)
        return super().analyze(text, entities, nlp_artifacts) + cells
