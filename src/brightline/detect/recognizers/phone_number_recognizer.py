"""Presidio's phone recognizer (python-phonenumbers, Presidio's regions), kept inside one table cell."""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

# a column gap: what stands on either side belongs to two cells ("WO-31-0417  02/11"); a line break is
# no gap, as a number wrapped at the end of a line is still a number
_CELL_BREAK = regex.compile(r" {2,}|\t")


class PhoneNumberRecognizer(PhoneRecognizer):
    """Every number phonenumbers accepts in any of Presidio's regions, unless it runs across two cells.

    Families' numbers abroad are PII too, so Presidio's regions stay. A match through a column gap
    joins a work-order number to the date in the next column; no one writes a phone number that way.
    """

    def __init__(self) -> None:
        super().__init__(context=[], name="PhoneRecognizer")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Presidio's phone numbers, less those that run across a column gap."""
        return [result for result in super().analyze(text, entities, nlp_artifacts)
                if not _CELL_BREAK.search(text, result.start, result.end)]
