"""Health details take in the words that make them a statement ("re-evaluating his IEP").

A health rule matches a detail's core ("IEP", "Vyvanse 30 mg"); LABELS.md marks the phrase that carries
it, and a redaction that leaves "re-evaluating his" or "as needed for" beside a box tells what the box
hides. The phrase is read from a dependency parse of the sentence holding the finding: the verb whose
object the detail is ("takes | Vyvanse 30 mg", "referred for | a 504 plan") and the detail's own
modifiers ("hydroxyzine 10 mg | as needed for acute anxiety"), at most MAX_EXTRA_TOKENS more. Only
these sentences are parsed (the parser would double the time over whole documents), only English ones
(the English parser misreads a family's Spanish or Creole note), and a phrase never takes in another
finding: a name stays a name under its own placeholder.
"""

from __future__ import annotations

from dataclasses import replace

import regex
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..types import Finding, Label
from .words import english_sentence

# a sentence ends at its punctuation, and a table's cell at its separator (tab, " | ", a run of spaces)
_BOUNDARY = regex.compile(r"\n|[.;?!](?=\s)|\t|[ \t]\|[ \t]|[ \t]{2,}")
MAX_EXTRA_TOKENS = 8
# the detail is the object of this verb ("has | ADHD", "takes | Vyvanse")
_OBJECT = frozenset({"dobj", "attr", "acomp", "oprd", "xcomp", "dative"})
# a detail's modifiers that are not part of it: its subject, a clause of its own, punctuation
_NOT_MODIFIER = frozenset({
    "nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "mark", "advcl", "relcl", "punct", "cc", "conj",
    "parataxis", "aux", "auxpass", "intj", "dep", "meta", "agent", "appos",
})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def widen_health(text: str, findings: list[Finding], parser: Language) -> list[Finding]:
    """The findings, each HEALTH finding widened over its phrase."""
    sentences: dict[tuple[int, int], list[Finding]] = {}
    for finding in findings:
        if finding.label is Label.HEALTH:
            sentences.setdefault(_sentence(text, finding.start, finding.end), []).append(finding)
    english_sentences = [bounds for bounds in sentences if english_sentence(text[bounds[0]:bounds[1]])]
    if not english_sentences:
        return findings
    widened: dict[int, Finding] = {}
    docs = parser.pipe(text[lo:hi] for lo, hi in english_sentences)
    for (lo, hi), doc in zip(english_sentences, docs, strict=True):
        for finding in sentences[(lo, hi)]:
            start, end = _phrase(doc, lo, finding)
            start, end = _trimmed(text, *_clear_of_others(findings, finding, start, end))
            if (start, end) != (finding.start, finding.end):
                widened[id(finding)] = replace(finding, start=start, end=end, text=text[start:end])
    return [widened.get(id(finding), finding) for finding in findings]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence or table cell around text[start:end]."""
    lo = 0
    for match in _BOUNDARY.finditer(text, max(0, start - 400), start):
        lo = match.end()
    after = _BOUNDARY.search(text, end)
    return lo, after.start() if after is not None else len(text)


def _phrase(doc: Doc, offset: int, finding: Finding) -> tuple[int, int]:
    """The (start, end) of the finding's phrase in the document's text."""
    tokens = [t for t in doc if offset + t.idx < finding.end and offset + t.idx + len(t) > finding.start]
    inside = {t.i for t in tokens}
    start, end = finding.start, finding.end
    for root in (t for t in tokens if t.head.i not in inside or t.head == t):
        phrase = _contiguous(sorted({t.i for t in [*tokens, *_governor(root, inside), *_modifiers(root)]}), inside)
        if len(phrase) - len(inside) > MAX_EXTRA_TOKENS:
            continue
        first, last = doc[phrase[0]], doc[phrase[-1]]
        start, end = min(start, offset + first.idx), max(end, offset + last.idx + len(last))
    return start, end


def _governor(root: Token, inside: set[int]) -> list[Token]:
    """The verb whose object the detail is, and the preposition between them ("referred | for")."""
    head = root.head
    if root.dep_ in _OBJECT and head.pos_ in ("VERB", "AUX") and head.i not in inside:
        return [head]
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and head.head.i not in inside:
        return [head, head.head]
    return []


def _modifiers(root: Token) -> list[Token]:
    """A nominal detail's modifiers ("as needed for acute anxiety"); a verb's objects and particles."""
    if root.pos_ in _NOMINAL:
        children = [c for c in root.children if c.dep_ not in _NOT_MODIFIER]
    else:
        children = [c for c in root.children if c.dep_ in _OBJECT or c.dep_ in ("prt", "neg")]
    return [t for child in children for t in child.subtree if not t.is_punct or t.i > child.left_edge.i]


def _contiguous(indices: list[int], inside: set[int]) -> list[int]:
    """The run of consecutive token indices that holds the finding's tokens."""
    run: list[int] = []
    for index in indices:
        if run and index != run[-1] + 1:
            if inside & set(run):
                break
            run = []
        run.append(index)
    return run


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span from a word's start ("re-evaluating"), without punctuation at its end but a closing bracket."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-" and text[start - 2:start - 1].isalnum()):
        start -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")]\"'”’":
        end -= 1
    return start, end


def _clear_of_others(findings: list[Finding], finding: Finding, start: int, end: int) -> tuple[int, int]:
    """The widened span, cut back so that it takes in no other finding."""
    for other in findings:
        if other is finding or other.end <= start or other.start >= end:
            continue
        if other.end <= finding.start:
            start = max(start, other.end)
        elif other.start >= finding.end:
            end = min(end, other.start)
    return start, end
