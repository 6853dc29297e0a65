"""Detection: Presidio's AnalyzerEngine over a spaCy pipeline plus brightline's recognizers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..types import Explanation, Finding, Label
from .cues import Nouns as _Nouns
from .cues import with_cues
from .initials import with_adjacent_initials, with_initials
from .learned import annotate, load_learned_names
from .nlp import DEFAULT_MODEL, build_nlp_engine, known_pos, known_words, load_parser
from .ocr import repair, to_original
from .people import PeopleResolver
from .phrases import widen_phrases, without_staff_posts
from .recognizers import build_recognizers
from .repeats import PROPAGATED_LABELS, cover_repeats
from .resolve import resolve
from .roles import load_roles

__all__ = ["DEFAULT_MODEL", "Detector"]

# Presidio's entity names, mapped to LABELS.md at this boundary.
_PRESIDIO_LABELS = {"PHONE_NUMBER": Label.PHONE, "EMAIL_ADDRESS": Label.EMAIL}
_DETECTORS = {"SpacyRecognizer": "spacy_ner", "EmailRecognizer": "presidio_email", "PhoneRecognizer": "presidio_phone"}
# Below this, a result is noise (Presidio's weak patterns score 0.01-0.05).
SCORE_THRESHOLD = 0.3
# Longer documents are analysed in paragraph-aligned pieces of about this many characters.
PIECE_CHARS = 50_000
_BATCH_CHARS = 2 * PIECE_CHARS  # what spaCy holds at once: two full pieces, or many short reports


class Detector:
    """Finds every labelled span of a document; built once, used for many documents."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 16, learned_names: bool = True,
                 profile: str | None = None) -> None:
        self.nlp_engine = build_nlp_engine(model)
        self.learned_names = load_learned_names() if learned_names else None
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in build_recognizers(profile):
            registry.add_recognizer(recognizer)
        self.analyzer = AnalyzerEngine(
            nlp_engine=self.nlp_engine,
            registry=registry,
            supported_languages=["en"],
            context_aware_enhancer=_NoContextBoost(),
        )
        roles = load_roles()
        self.people = PeopleResolver(roles, known_words(model))
        self.post = roles.post
        self.parser = load_parser(model)
        self.nouns = _Nouns(known_pos("noun", model), known_pos("verb", model))
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
        # long documents go through the analyzer in paragraph-aligned pieces (spaCy's memory grows with
        # a document's length); people and overlaps are then settled over the whole document
        pieces = [(number, lo, text[lo:hi]) for number, (text, _) in enumerate(repaired) for lo, hi in _pieces(text)]
        raw: list[list[Finding]] = [[] for _ in originals]
        for (number, lo, piece), artifacts in zip(pieces, self._artifacts([p for _, _, p in pieces]), strict=True):
            results = self.analyzer.analyze(
                text=piece,
                language="en",
                nlp_artifacts=artifacts,
                score_threshold=SCORE_THRESHOLD,
                return_decision_process=True,
            )
            raw[number] += [_finding(piece, result, lo) for result in results]
        for original, (text, index), found in zip(originals, repaired, raw, strict=True):
            people = self.people.apply(text, without_staff_posts(text, found, self.post))
            people = with_cues(text, with_adjacent_initials(text, with_initials(text, people)), self.nouns)
            phrases = widen_phrases(text, people, self.parser)
            findings = resolve(text, cover_repeats(text, phrases, PROPAGATED_LABELS))
            yield findings if index is None else [_in_original(original, f, index) for f in findings]


    def _artifacts(self, pieces: list[str]) -> Iterator[NlpArtifacts]:
        """SpaCy's output per piece, in batches of at most batch_size pieces and _BATCH_CHARS characters.

        A long document is many full pieces: batched by count alone, they would all sit in memory at once.
        """
        group: list[str] = []
        for piece in [*pieces, None]:
            full = piece is None or len(group) >= self.batch_size or sum(map(len, group)) + len(piece) > _BATCH_CHARS
            if group and full:
                batch = [artifacts for _, artifacts in self.nlp_engine.process_batch(group, "en", batch_size=len(group))]
                if self.learned_names is not None:
                    annotate(self.learned_names, [artifacts.tokens for artifacts in batch])
                yield from batch
                group = []
            if piece is not None:
                group.append(piece)


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


def _pieces(text: str) -> list[tuple[int, int]]:
    """Paragraph-aligned (start, end) pieces of at most about PIECE_CHARS characters."""
    if len(text) <= PIECE_CHARS:
        return [(0, len(text))]
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + PIECE_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end))
            end = cut + 1 if cut > start else end
        pieces.append((start, end))
        start = end
    return pieces


def _finding(text: str, result: RecognizerResult, offset: int = 0) -> Finding:
    metadata = result.recognition_metadata or {}
    recognizer = metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "presidio")
    explanation = result.analysis_explanation
    rule = metadata.get("rule") or (explanation.pattern_name if explanation and explanation.pattern_name else recognizer)
    label = _PRESIDIO_LABELS.get(result.entity_type) or Label(result.entity_type)
    return Finding(
        label=label,
        start=result.start + offset,
        end=result.end + offset,
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
