"""A value found once is a finding everywhere it recurs: the one rule for detection, redaction and checks."""

from __future__ import annotations

import re
from collections.abc import Collection

from ..types import Finding, Label

# identifiers whose number may recur without the cue it was found with
IDENTIFIER_LABELS = frozenset({Label.STUDENT_ID, Label.GOV_ID, Label.SSN, Label.PHONE})
# values followed through a document at detection: identifiers and accounts (names are people.py's)
PROPAGATED_LABELS = IDENTIFIER_LABELS | {Label.SOCIAL_HANDLE, Label.EMAIL}
_ID_CORE = re.compile(r"(?<![\w-])[A-Za-z]{0,3}-?\d[\d-]{3,}\d(?![\w-])")
_LEADING_INITIALS = re.compile(r"^(?:[A-Z]\.[ ]?)+(?=[A-Z][a-z])")


def value_pattern(value: str) -> re.Pattern[str]:
    """A redacted value wherever it recurs: as a whole word, however spaced or wrapped, in any case.

    The one rule for covering repeats and for proving none survives. A single capitalised word
    ("Case", "Will") counts as written and in capitals (a surname in a heading or a form's name
    field): in lower case elsewhere it is the ordinary word.
    """
    words = value.split()
    if len(words) == 1 and re.fullmatch(r"[A-Z][a-z'’-]+", words[0]):
        return re.compile(rf"(?<!\w)(?:{re.escape(words[0])}|{re.escape(words[0].upper())})(?!\w)")
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)


def cover_repeats(text: str, findings: list[Finding], labels: Collection[Label]) -> list[Finding]:
    """The findings plus every other occurrence of a redacted value the detectors missed.

    A value redacted once is redacted everywhere: a name spaCy saw on line 3 but not on line 30
    (or in capitals in a header) must not survive there.
    """
    chosen = [f for f in findings if f.label in labels and len(f.text.strip()) >= 3]
    covered = [(f.start, f.end) for f in findings if f.label in labels]
    extra: list[Finding] = []
    sources = {f.text.strip(): f for f in reversed(chosen)}
    # the number inside an identifier taken with its cue ("Student ID 402281936") recurs bare
    sources |= {core: f for f in reversed(chosen) if f.label in IDENTIFIER_LABELS
                for core in _ID_CORE.findall(f.text) if core not in sources}
    # a name written with its initials ("R. Obasogie") recurs without them ("Obasogie", "OBASOGIE")
    sources |= {bare: f for f in reversed(chosen) if f.label is Label.PERSON
                for bare in [_LEADING_INITIALS.sub("", f.text.strip())] if bare != f.text.strip()
                and len(bare) >= 3 and bare not in sources}
    # longest first, so "Ana Ruiz" is covered whole before "Ana" alone; sorted, so every run agrees
    for value in sorted(sources, key=lambda v: (-len(v), v)):
        source = sources[value]
        for match in value_pattern(value).finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in covered):
                continue
            extra.append(Finding(source.label, start, end, value, source.explanation, entity=source.entity))
            covered.append((start, end))
    return findings + extra if extra else findings


