"""A private individual's age in its many spellings, and the cells of a table's Age column."""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..tables import column_cells, heading_pattern
from .rule_set_recognizer import RuleSetRecognizer

_AGE_COLUMN = heading_pattern(r"Age|Age\s*\(yrs?\)|Yrs|Years")
_CELL_AGE = regex.compile(r"(?<![\w/.:-])\d{1,2}(?![\w/.:-])")


class AgeRecognizer(RuleSetRecognizer):
    """A private individual's age in its many spellings."""

    RULES_FILE = "patterns/age.v1.yaml"

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        cell_rule = next(rule for rule in self.rules.rules if rule.id == "age_field")
        for lo, hi in column_cells(text, _AGE_COLUMN):
            results += [self.result(m.start(), m.end(), cell_rule) for m in _CELL_AGE.finditer(text, lo, hi)]
        return results
