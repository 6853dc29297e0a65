"""The base of brightline's own recognizers: a Presidio recognizer driven by a rule set in models/."""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..sentences import sentence_span
from ..vocab import CompiledRule, RuleSet, rule_set
from .explained import explained_result


class RuleSetRecognizer(EntityRecognizer):
    """Finds the spans of every rule of one rule set; subclasses name the file and may veto spans."""

    RULES_FILE: str = ""

    def __init__(self, profile: str | None = None) -> None:
        # a profile (models/profiles) adds a jurisdiction's own rules and macro alternatives
        self.rules: RuleSet = rule_set(self.RULES_FILE, profile=profile)
        super().__init__(
            supported_entities=[str(self.rules.label)],
            supported_language="en",
            name=self.__class__.__name__,
        )

    def load(self) -> None:
        """Nothing to load: the rule set is compiled in the constructor."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every accepted span of every rule, each with its explanation."""
        results: list[RecognizerResult] = []
        for rule in self.active_rules():
            for start, end in rule.spans(text):
                start, end = _trim(text, start, end)
                if end <= start or self.suppressed(text, start, end):
                    continue
                if not self.accept(text, start, end, rule):
                    continue
                results.append(self.result(start, end, rule))
        return results

    def rule(self, rule_id: str) -> CompiledRule:
        """One rule of the set by id (its explanation is reused for structural matches)."""
        return next(rule for rule in self.rules.rules if rule.id == rule_id)

    def active_rules(self) -> list[CompiledRule]:
        """The rules applied by `analyze` (all by default)."""
        return self.rules.rules

    def accept(self, text: str, start: int, end: int, rule: CompiledRule) -> bool:
        """A subclass's veto on one candidate span."""
        return True

    def suppressed(self, text: str, start: int, end: int) -> bool:
        """Whether the span's sentence matches one of the rule set's look-alike contexts."""
        if not self.rules.suppressors:
            return False
        lo, hi = sentence_span(text, start, end)
        return any(s.search(text, lo, hi) for s in self.rules.suppressors)

    def result(self, start: int, end: int, rule: CompiledRule, score: float | None = None) -> RecognizerResult:
        """A Presidio result that carries the rule set, rule and category as its explanation."""
        return explained_result(self, str(self.rules.label), start, end, rule.score if score is None else score,
                                rule.ref, rule.note, rule.category)


_TRAILING = regex.compile(r"[\s.,;:!?'\"”’)\]]+$")
_LEADING = regex.compile(r"^[\s,;:'\"“‘(\[]+")
_INITIAL_END = regex.compile(r"(?<![\p{L}\d])\p{L}$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and punctuation a pattern may have swallowed (a handle's final period)."""
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead:
        start += lead.end()
    trail = _TRAILING.search(text[start:end])
    if trail:
        end = start + trail.start()
        if _INITIAL_END.search(text, start, end) and text[end:end + 1] == ".":
            end += 1  # an initial or a one-letter abbreviation keeps its period ("K.T.", "2011 р.")
    # keep a closing bracket or quote that pairs with one inside the span ("Calle 18)")
    inner = text[start:end]
    if end < len(text) and text[end] == ")" and inner.count("(") > inner.count(")"):
        end += 1
    return start, end
