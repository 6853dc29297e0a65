"""The one way brightline's recognizers build a Presidio result: it carries its rule and why."""

from __future__ import annotations

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult


def explained_result(
    recognizer: EntityRecognizer, label: str, start: int, end: int, score: float, rule: str,
    note: str | None = None, category: str | None = None,
) -> RecognizerResult:
    """A result whose explanation and metadata name the recognizer, the rule, its note and category."""
    explanation = AnalysisExplanation(recognizer=recognizer.name, original_score=score, pattern_name=rule,
                                      pattern=None, textual_explanation=note)
    return RecognizerResult(
        entity_type=label, start=start, end=end, score=score, analysis_explanation=explanation,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            "rule": rule,
            "category": category,
        },
    )
