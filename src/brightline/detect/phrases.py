"""Health details and sensitive language take in the words that make them a statement; staff posts are none.

A rule matches a detail's core ("IEP", "Vyvanse 30 mg", "Snapchat", "asylum"); LABELS.md marks the phrase
that carries it (the trigger and its immediate object), and a redaction that leaves "revising her"
or "as needed for" beside a box tells what the box hides. The phrase is read from a dependency parse of
the sentence holding the finding: the verb whose object the finding is ("takes | Vyvanse 30 mg",
"posted on | Snapchat"), the finding's own modifiers ("albuterol inhaler | with a
spacer", "asylum | pending") and how, where and when its verb says it happened ("arrived | in May"),
at most MAX_EXTRA_TOKENS more. Only these sentences are parsed (the
parser would double the time over whole documents), and only English ones: the English parser misreads
a family's Spanish or Creole note, where the phrase is the finding's short clause instead. A phrase
never takes in another finding: a name stays a name under its own placeholder. In a table row (tabs
or pipes) a health detail's phrase is its cell, when the cell is short and not written in sentences.

A health word that names a post ("504 coordinator", "special education teacher", "Office of Special
Education") says nothing about a student's health: it is dropped (the posts are in models/people/roles).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..types import SENSITIVE_LABELS, Finding, Label
from .sentences import line_span
from .words import english_sentence

# a sentence ends at its punctuation, and a table's cell at its separator (tab, " | ", a run of spaces)
_BOUNDARY = regex.compile(r"\n|[.;?!](?=\s)|\t|[ \t]\|[ \t]|[ \t]{2,}")
MAX_EXTRA_TOKENS = 12
# a table row's cells are split by tabs or pipes
_CELL_SEPARATOR = regex.compile(r"\t|\|")
_SENTENCE_END = regex.compile(r"[.!?]\s")
# in a sentence the parser cannot read, a finding's clause ends at these, and is taken in when this short
_CLAUSE_BOUNDARY = regex.compile(r"[,;:()\[\]]")
MAX_CLAUSE_WORDS = 12
_WORD = regex.compile(r"\w+")
# a sentence is read at most this far either side of its finding (a run-on page is not parsed whole)
_REACH = 400
PHRASE_LABELS = frozenset({Label.HEALTH, *SENSITIVE_LABELS})
# the detail is the object of this verb ("has | ADHD", "takes | Vyvanse")
_OBJECT = frozenset({"dobj", "attr", "acomp", "oprd", "xcomp", "dative"})
# a detail's modifiers that are not part of it: its subject, a clause of its own, punctuation
_NOT_MODIFIER = frozenset({
    "nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "mark", "advcl", "relcl", "punct", "cc", "conj",
    "parataxis", "aux", "auxpass", "intj", "dep", "meta", "agent", "appos",
})
# the detail is the subject of this verb ("ICE | detained ...")
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
# how, where and when a detail happens: its verb's prepositions, adverbs, measures, appositions
_CIRCUMSTANCE = frozenset({"prep", "advmod", "npadvmod", "appos", "prt", "neg", "dobj", "acomp", "attr"})
# Penn Treebank tags (the tagger's own; the attribute ruler that maps them to coarse ones is not run)
_NOMINAL_TAG = regex.compile(r"NN|JJ|CD")
_VERB_TAG = regex.compile(r"VB|MD")


def without_staff_posts(text: str, findings: list[Finding], post: regex.Pattern[str]) -> list[Finding]:
    """The findings but health words that name a staff post or office (models/people/roles: posts)."""
    post_after, post_before = _post_patterns(post.pattern)
    return [
        finding for finding in findings
        if finding.label is not Label.HEALTH
        or not (post_after.match(text, finding.end) or post_before.search(text, max(0, finding.start - 40), finding.start))
    ]


@cache
def _post_patterns(post: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A post right after a health word ("504 | coordinator"), and one with "of" right before it."""
    return (regex.compile(rf"[ \t]+(?:{post})", regex.IGNORECASE),
            regex.compile(rf"(?<!\w)(?:{post})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$", regex.IGNORECASE))


def widen_phrases(text: str, findings: list[Finding], parser: Language) -> list[Finding]:
    """The findings, each health detail and sensitive-language finding widened over its phrase.

    In a sentence of another language, which the parser cannot read, the phrase is the finding's clause
    (between commas, semicolons or brackets) when it is short.
    """
    sentences: dict[tuple[int, int], list[Finding]] = {}
    phrases: dict[int, tuple[int, int]] = {}
    for finding in findings:
        cell = _cell(text, finding) if finding.label is Label.HEALTH else None
        if cell is not None:
            phrases[id(finding)] = cell
        elif finding.label in PHRASE_LABELS:
            sentences.setdefault(_sentence(text, finding.start, finding.end), []).append(finding)
    english = [bounds for bounds in sentences if english_sentence(text[bounds[0]:bounds[1]])]
    for (lo, hi), doc in zip(english, parser.pipe(text[lo:hi] for lo, hi in english), strict=True):
        phrases.update((id(finding), _phrase(doc, lo, finding)) for finding in sentences[(lo, hi)])
    for bounds in set(sentences) - set(english):
        phrases.update((id(finding), _clause(text, bounds, finding)) for finding in sentences[bounds])
    widened = []
    for finding in findings:
        if id(finding) not in phrases:
            widened.append(finding)
            continue
        start, end = phrases[id(finding)]
        start, end = _clear_of_others(findings, finding, _from_word_start(text, start), end)
        start, end = _trimmed(text, start, _closed(text, start, max(start, finding.end), end))
        start, end = min(start, finding.start), max(end, finding.end)  # a phrase never loses its finding
        widened.append(replace(finding, start=start, end=end, text=text[start:end]))
    return widened


def _cell(text: str, finding: Finding) -> tuple[int, int] | None:
    """The table cell holding a health detail, when it is short: a roster's notes cell is one detail.

    A row of tabs or pipes is a table's; its cell ("migraines; may rest in office 2x/wk") tells one
    student's health, whatever its punctuation.
    """
    line = line_span(text, finding.start)
    if finding.end > line[1] or not _CELL_SEPARATOR.search(text, *line):
        return None
    lo, hi = _between(text, line, finding, _CELL_SEPARATOR)
    if len(_WORD.findall(text, lo, hi)) > MAX_CLAUSE_WORDS or _SENTENCE_END.search(text, lo, hi):
        return None  # a long cell, or one written in sentences, is read sentence by sentence
    return lo, hi


def _clause(text: str, sentence: tuple[int, int], finding: Finding) -> tuple[int, int]:
    """The (start, end) of the finding's clause in a sentence, or of the finding when the clause is long."""
    lo, hi = _between(text, sentence, finding, _CLAUSE_BOUNDARY)
    if len(_WORD.findall(text, lo, hi)) > MAX_CLAUSE_WORDS:
        return finding.start, finding.end
    return lo, hi


def _between(text: str, bounds: tuple[int, int], finding: Finding, separator: regex.Pattern[str]) -> tuple[int, int]:
    """The (start, end) within bounds from the last separator before the finding to the first after it."""
    lo, hi = bounds
    for match in separator.finditer(text, lo, finding.start):
        lo = match.end()
    after = separator.search(text, finding.end, hi)
    return lo, after.start() if after is not None else hi


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence or table cell around text[start:end], at most _REACH either side."""
    lo = max(0, start - _REACH)
    for match in _BOUNDARY.finditer(text, lo, start):
        lo = match.end()
    after = _BOUNDARY.search(text, end, min(len(text), end + _REACH))
    return lo, after.start() if after is not None else min(len(text), end + _REACH)


def _phrase(doc: Doc, offset: int, finding: Finding) -> tuple[int, int]:
    """The (start, end) of the finding's phrase in the document's text.

    A detail is a statement about the student as a whole: it also takes in how, where and when its
    verb says it happens ("sees her counselor | on Mondays | at the clinic", "is pregnant, | about
    20 weeks", "arrived | in May 2023"), when that still fits in MAX_EXTRA_TOKENS; else its core.
    """
    tokens = [t for t in doc if offset + t.idx < finding.end and offset + t.idx + len(t) > finding.start]
    inside = {t.i for t in tokens}
    start, end = finding.start, finding.end
    for root in (t for t in tokens if t.head.i not in inside or t.head == t):
        governor = _governor(root, inside)
        core = [*tokens, *governor, *_modifiers(root)]
        readings = [[*core, *_circumstances(root, governor, inside)], core]
        for reading in readings:
            phrase = _contiguous(sorted({t.i for t in reading}), inside)
            if len(phrase) - len(inside) <= MAX_EXTRA_TOKENS:
                first, last = doc[phrase[0]], doc[phrase[-1]]
                start, end = min(start, offset + first.idx), max(end, offset + last.idx + len(last))
                break
    return start, end


def _circumstances(root: Token, governor: list[Token], inside: set[int]) -> list[Token]:
    """How, where and when: the adverbials of the detail's verb (or of the detail itself) and their words."""
    heads = [governor[-1]] if governor else [root]
    return [t for head in heads for child in head.children
            if child.dep_ in _CIRCUMSTANCE and child.i not in inside for t in child.subtree]


def _governor(root: Token, inside: set[int]) -> list[Token]:
    """The verb whose object or subject the detail is, and the preposition between ("referred | for").

    A detail that acts is a statement with its verb ("ICE | detained his father").
    """
    head = root.head
    if root.dep_ in _OBJECT and _VERB_TAG.match(head.tag_) and head.i not in inside:
        return [head]
    if root.dep_ in _SUBJECT and _VERB_TAG.match(head.tag_) and head.i not in inside and head.i > root.i:
        return [head]
    if root.dep_ == "pobj" and head.dep_ == "prep" and _VERB_TAG.match(head.head.tag_) and head.head.i not in inside:
        return [head, head.head]
    return []


def _modifiers(root: Token) -> list[Token]:
    """A nominal detail's modifiers ("as needed for acute anxiety"); a verb's objects and particles."""
    if _NOMINAL_TAG.match(root.tag_):
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


def _from_word_start(text: str, start: int) -> int:
    """The start of the word holding `start` ("re-reading", which the parser splits at its hyphen)."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-" and text[start - 2:start - 1].isalnum()):
        start -= 1
    return start


def _closed(text: str, start: int, after: int, end: int) -> int:
    """The end of text[start:end], a bracket or quote opened after `after` closed right after it, or cut before it.

    ("Gang Unit (Det" loses " (Det"; 'reads "up, no cap' takes in '."').
    """
    opened = text.rfind("(", after, end)
    if opened >= 0 and ")" not in text[opened:end]:
        closing = regex.match(r"[^\S\n]*\)", text[end:end + 3])
        return end + closing.end() if closing is not None else opened
    quote = text.rfind('"', after, end)
    if quote >= 0 and text.count('"', start, end) % 2:
        closing = regex.match(r'[.,!?]?"', text[end:end + 2])
        return end + closing.end() if closing is not None else quote
    return end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without spaces at its start, nor punctuation at its end but a closing bracket or quote."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")]\"'”’":
        end -= 1
    return start, end


def _clear_of_others(findings: list[Finding], finding: Finding, start: int, end: int) -> tuple[int, int]:
    """The widened span, cut back so that it takes in no more of any other finding than the finding did."""
    for other in findings:
        if other is finding or other.end <= start or other.start >= end:
            continue
        if other.end <= finding.start:
            start = max(start, other.end)
        elif other.start >= finding.end:
            end = min(end, other.start)
        else:  # the two overlap: neither side grows over the other
            start = max(start, finding.start) if other.start < finding.start else start
            end = min(end, finding.end) if other.end > finding.end else end
    return start, end
