"""A private individual's age in its many spellings, and the cells of a table's Age column."""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..tables import heading_pattern
from .rule_set_recognizer import RuleSetRecognizer

_AGE_COLUMN = heading_pattern(r"Age|Age\s*\(yrs?\)|Yrs|Years")
_CELL_AGE = regex.compile(r"(?<![\w/.:-])\d{1,2}(?![\w/.:-])")


class AgeRecognizer(RuleSetRecognizer):
    """A private individual's age in its many spellings."""

    RULES_FILE = "patterns/age.v1.yaml"

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        cells = self.cell_results(text, _AGE_COLUMN, _CELL_AGE, self.rule("age_field"))
        return super().analyze(text, entities, nlp_artifacts) + cells
