"""Names found by brightline's learned NER (detect/learned.py), as PERSON candidates for detect/people.py."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..learned import MODEL_DIR, learned_spans
from .explained import explained_result

# The model gives no per-span confidence. Below every rule's score on purpose: Presidio drops a result
# inside another of the same type with a higher or equal score, and a learned span that runs over
# ("mtg w/ dara nkem gr") must not hide the rule's exact one inside it.
SCORE = 0.6
RULE = f"{MODEL_DIR.as_posix()}:ner"


class LearnedNameRecognizer(EntityRecognizer):
    """Reports the learned model's PERSON spans left on the Doc; adds nothing when the model is off."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], supported_language="en", name=self.__class__.__name__)

    def load(self) -> None:
        """Nothing to load: the model runs with the spaCy pipeline (detect/learned.py)."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One PERSON result per learned span."""
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        return [explained_result(self, "PERSON", start, end, SCORE, RULE, "learned name detector")
                for start, end in learned_spans(nlp_artifacts.tokens)]
