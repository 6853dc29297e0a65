"""A person's initials stand for them: "Corbin Vale" is "CV" or "C.V." further on, "T.K. Ogundipe" is "TK".

Reports shorten the people they name to initials once the full name has been given ("CV walked off, DR followed").
Only initials built from a name the document gives are followed, so an acronym of the school's own
("AP", "SRO") is not taken for a person unless someone in the document bears those initials.

An initial written beside a name is part of it ("R. Obasogie", "Corbin T. Vale", "Nadia K.-L."): left
outside the box, it tells a reader whose name the box hides.
"""

from __future__ import annotations

import regex

from ..types import Explanation, Finding, Label
from .words import common_english, particles

_PEOPLE = (Label.PERSON, Label.OFFICIAL)
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}'’\-]*")
_DOTTED = regex.compile(r"(?:\p{Lu}\.){2,3}(?=\s|$)")
_WORDS = regex.compile(r"[^\s,]+")
# one or two capital initials ("R.", "K.-L.") one space before or after a name (a wider gap is a column)
_INITIAL = r"\p{Lu}\.(?:-?\p{Lu}\.)?"
_INITIAL_BEFORE = regex.compile(r"(?<![\w.'’\-])" + _INITIAL + r" $")
_INITIAL_AFTER = regex.compile(r" " + _INITIAL + r"(?![\w\-])")


def with_initials(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings, and every standalone use of a named person's initials as a finding of that person."""
    people = _initials(findings)
    if not people:
        return findings
    # one pass over the text for every person's initials (a roster names hundreds)
    forms = "|".join(_forms(initials) for initials in sorted(people, key=len, reverse=True))
    taken = [(f.start, f.end) for f in findings]
    added: list[Finding] = []
    for match in regex.finditer(rf"(?<![\w.\-])(?:{forms})(?![\w\-])", text):
        span = match.span()
        if _overlaps(span, taken):
            continue
        person = people[match.group().replace(".", "")]
        explanation = Explanation("name_initials", f"initials of {person.entity or person.text}", 0.7)
        added.append(Finding(person.label, *span, match.group(), explanation, entity=person.entity))
        taken.append(span)
    return findings + added


def _initials(findings: list[Finding]) -> dict[str, Finding]:
    """Initials ("CV") of each person named in full or by dotted initials; a private person's win a tie."""
    found: dict[str, Finding] = {}
    for finding in sorted(findings, key=lambda f: f.label is Label.PERSON):
        if finding.label not in _PEOPLE:
            continue
        name = finding.text.strip()
        dotted = _DOTTED.match(name)
        if dotted is not None:  # "T.K." or "T.K. Ogundipe": the dotted initials, undotted too
            letters = dotted.group().replace(".", "")
        else:
            words = [w for w in _WORDS.findall(name) if w.lower() not in particles()]
            if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in words):
                continue
            if "," in name:  # "VALE, Corbin": the given name first, as initials are read
                words = words[1:] + words[:1]
            letters = "".join(w[0] for w in words)
        found[letters.upper()] = finding
    return found


def _forms(initials: str) -> str:
    """"CV" and "C.V." (a final full stop optional); undotted only when no common word ("AM", "AP", "OK")."""
    dotted = r"\.".join(regex.escape(letter) for letter in initials)
    if common_english(initials.lower()):
        return rf"{dotted}\.?"
    return rf"(?:{regex.escape(initials)}|{dotted}\.?)"


def with_adjacent_initials(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings, and each initial written right before or after a name as a finding of that person.

    The initial is a finding of its own, so the name's value is unchanged: a redacted name is still
    followed to its bare repeats ("Obasogie" and "OBASOGIE" after "R. Obasogie"). A middle initial between
    two parts of a name ("Corbin T. Vale") is taken once.
    """
    people = [f for f in findings if f.label in _PEOPLE]
    taken = [(f.start, f.end) for f in findings]
    added: list[Finding] = []
    for finding in people:
        spans = []
        before = _INITIAL_BEFORE.search(text, max(0, finding.start - 8), finding.start)
        if before is not None and text[finding.start:finding.start + 1].isupper():
            spans.append((before.start(), before.end() - 1))  # without the space before the name
        after = _INITIAL_AFTER.match(text, finding.end)
        if after is not None and text[finding.end - 1:finding.end].isalpha():
            spans.append((after.start() + 1, after.end()))
        for start, end in spans:
            if _overlaps((start, end), taken):
                continue
            explanation = Explanation("name_initials", f"an initial beside {finding.entity or 'a name'}", 0.7)
            added.append(Finding(finding.label, start, end, text[start:end], explanation, entity=finding.entity))
            taken.append((start, end))
    return findings + added


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in taken)
