"""A name written in a family's script beside its Latin form ("Rasha" ... "رشا"), found by transliteration.

A letter from home or a chat in Arabic, Pashto, Nepali, Korean or Russian names the student in its
own script, while the school's notes name them in Latin letters. Each word (and pair of words) in a
script other than Latin is transliterated (anyascii) and compared with the words of the names the
document already holds: spelled the same ("Ульяна", "Ulyana"), or with the same consonants where the
script leaves vowels unwritten ("عبد الرحیم", "Abdulrahim"). A name is only ever matched to a name
found elsewhere in the document, so a word is never taken for a name on its script alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex
from anyascii import anyascii

# a word of letters outside the Latin script, with its combining marks (Devanagari's vowel signs)
_OTHER_SCRIPT_WORD = regex.compile(r"(?:(?!\p{Latin})\p{L})[\p{L}\p{M}]*")
_VOWELS = regex.compile(r"[aeiouyw]")
_DOUBLED = regex.compile(r"(.)\1+")
# shorter keys match too many ordinary words
_MIN_KEY = 3


def _spelling(text: str) -> str:
    """The word in lower-case ASCII letters only."""
    return "".join(c for c in anyascii(text).lower() if "a" <= c <= "z")


def _consonants(spelling: str) -> str:
    """The consonants, doubles as one ("abdulrahim" -> "bdlrhm"): Arabic script writes few vowels."""
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", spelling))


def other_script_forms(text: str, name_words: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, name word) of each word or pair of words in another script that writes a name word."""
    keys: dict[str, str] = {}
    for word in name_words:
        spelling = _spelling(word)
        for key in (f"s:{spelling}", f"c:{_consonants(spelling)}"):
            if len(key) - 2 >= _MIN_KEY:
                keys.setdefault(key, word)
    if not keys:
        return
    words = list(_OTHER_SCRIPT_WORD.finditer(text))
    taken_to = -1
    for index, first in enumerate(words):
        if first.start() < taken_to:
            continue
        candidates = [(first.start(), first.end())]
        if index + 1 < len(words) and text[first.end():words[index + 1].start()] == " ":
            candidates.insert(0, (first.start(), words[index + 1].end()))  # a two-word name first
        for start, end in candidates:
            spelling = _spelling(text[start:end])
            word = keys.get(f"s:{spelling}") or keys.get(f"c:{_consonants(spelling)}")
            if word is not None:
                yield start, end, word
                taken_to = end
                break
