"""Names in the shapes forms use: fields, roster rows, LAST, First, family relations, quoted aliases."""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..tables import heading_pattern
from .rule_set_recognizer import RuleSetRecognizer

# Columns whose cells hold private individuals' names (staff columns are deliberately absent).
_NAME_COLUMN = heading_pattern(
    r"(?:Student\s+|Full\s+|Last\s+|First\s+)?Name(?:\s*\([^)]*\))?|Student|Subject|Juvenile|Victim|Suspect|Witness|"
    r"Guardian(?:\s*\([^)]*\))?|Parent(?:/Guardian)?(?:\s+name)?|Emergency\s+contact|Contact|Mother|Father|Person|"
    r"Student\s*\(\s*ID\s*#?\s*\)"
)
_CELL_NAME = regex.compile(
    r"\p{Lu}[\p{L}'’\-]*\.?"
    r"(?:(?:,[ \t]?|[ \t])(?:(?:de|da|del|dos|van|von|la|le|di|du|bin|al)[ \t])?\p{Lu}[\p{L}'’\-]*\.?){0,4}"
)


class PersonPatternRecognizer(RuleSetRecognizer):
    """Name candidates from form structure; detect/people.py cleans and classifies them."""

    RULES_FILE = "patterns/person.v2.yaml"

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        cells = self.cell_results(text, _NAME_COLUMN, _CELL_NAME, self.rule("field_name"), first_only=True)
        return super().analyze(text, entities, nlp_artifacts) + cells
