"""Run one recognizer alone on a text (real Presidio recognizer, no NLP needed)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult


def run(recognizer: EntityRecognizer, text: str) -> list[RecognizerResult]:
    return recognizer.analyze(text, recognizer.supported_entities, None)
