"""Detection: Presidio's AnalyzerEngine over a spaCy pipeline plus brightline's recognizers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

from ..types import Explanation, Finding, Label
from .nlp import DEFAULT_MODEL, build_nlp_engine, known_words
from .ocr import repair, to_original
from .people import PeopleResolver, load_roles
from .recognizers import build_recognizers
from .resolve import resolve

__all__ = ["DEFAULT_MODEL", "Detector"]

# Presidio's entity names, mapped to LABELS.md at this boundary.
_PRESIDIO_LABELS = {"PHONE_NUMBER": Label.PHONE, "EMAIL_ADDRESS": Label.EMAIL}
_DETECTORS = {"SpacyRecognizer": "spacy_ner", "EmailRecognizer": "presidio_email", "PhoneRecognizer": "presidio_phone"}
# Below this, a result is noise (Presidio's weak patterns score 0.01-0.05).
SCORE_THRESHOLD = 0.3


class Detector:
    """Finds every labelled span of a document; built once, used for many documents."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 16) -> None:
        self.nlp_engine = build_nlp_engine(model)
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in build_recognizers():
            registry.add_recognizer(recognizer)
        self.analyzer = AnalyzerEngine(
            nlp_engine=self.nlp_engine,
            registry=registry,
            supported_languages=["en"],
            context_aware_enhancer=_NoContextBoost(),
        )
        self.people = PeopleResolver(load_roles(), known_words(model))
        self.batch_size = batch_size

    def detect(self, text: str) -> list[Finding]:
        """The findings of one text."""
        return next(self.detect_many([text]))

    def detect_many(self, texts: Iterable[str]) -> Iterator[list[Finding]]:
        """The findings of each text, in order; spaCy runs over them in batches.

        Detection reads an OCR-repaired copy of each text; findings come back in the original's offsets.
        """
        originals = list(texts)
        repaired = [repair(text) for text in originals]
        batch = self.nlp_engine.process_batch([text for text, _ in repaired], "en", batch_size=self.batch_size)
        for original, (text, index), (_, artifacts) in zip(originals, repaired, batch, strict=True):
            results = self.analyzer.analyze(
                text=text,
                language="en",
                nlp_artifacts=artifacts,
                score_threshold=SCORE_THRESHOLD,
                return_decision_process=True,
            )
            findings = resolve(text, self.people.apply(text, [_finding(text, result) for result in results]))
            yield findings if index is None else [_in_original(original, f, index) for f in findings]


class _NoContextBoost(ContextAwareEnhancer):
    """Presidio's lemma context boost, switched off.

    brightline's rules carry their context in their patterns, and the lemmatizer is not run, so the
    boost would cost time (about a tenth of it) and change nothing.
    """

    def __init__(self) -> None:
        super().__init__(context_similarity_factor=0.0, min_score_with_context_similarity=0.0, context_prefix_count=0,
                         context_suffix_count=0)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):  # type: ignore[no-untyped-def]
        return raw_results


def _finding(text: str, result: RecognizerResult) -> Finding:
    metadata = result.recognition_metadata or {}
    recognizer = metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "presidio")
    explanation = result.analysis_explanation
    rule = metadata.get("rule") or (explanation.pattern_name if explanation and explanation.pattern_name else recognizer)
    label = _PRESIDIO_LABELS.get(result.entity_type) or Label(result.entity_type)
    return Finding(
        label=label,
        start=result.start,
        end=result.end,
        text=text[result.start:result.end],
        explanation=Explanation(
            detector=_DETECTORS.get(recognizer, _snake(recognizer)),
            rule=str(rule),
            score=float(result.score),
            category=metadata.get("category"),
        ),
    )


def _in_original(original: str, finding: Finding, index: list[int]) -> Finding:
    start, end = to_original(finding.start, finding.end, index)
    return replace(finding, start=start, end=end, text=original[start:end])


def _snake(name: str) -> str:
    name = name.removesuffix("Recognizer")
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))
