"""A name written in a family's script beside its Latin form ("Rasha" ... "رشا"), found by transliteration.

A letter from home or a chat in Arabic, Pashto, Nepali, Korean or Russian names the student in its
own script, while the school's notes name them in Latin letters. Each word (and pair of words) in a
script other than Latin is transliterated (anyascii) and compared with the words of the names the
document already holds: spelled the same ("Ульяна", "Ulyana"), or with the same consonants where the
script leaves vowels unwritten ("عبد الرحیم", "Abdulrahim"). A name is only ever matched to a name
found elsewhere in the document, so a word is never taken for a name on its script alone.

Chinese, Japanese and Korean write a name inside a clause without spaces ("我是学生林雨桐的爸爸"):
there every stretch of two to four characters is compared, with a name word or two of them joined
("林雨桐", "Lin Yutong"), and Korean's romanisation (g, d, b, r) is read as names are spelled (k, t,
p, l: "김", "Kim"). A single character is too common a syllable to be taken for a name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex
from anyascii import anyascii

# a word of letters outside the Latin script, with its combining marks (Devanagari's vowel signs)
_OTHER_SCRIPT_WORD = regex.compile(r"(?:(?!\p{Latin})\p{L})[\p{L}\p{M}]*")
# a run of the scripts that write no spaces between words
_UNSPACED = regex.compile(r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]+")
_UNSPACED_NAME = (2, 4)  # characters a name takes there, fewest and most
_KOREAN_SPELLING = str.maketrans("gdbr", "ktpl")
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
    words = sorted(set(name_words))
    keys: dict[str, str] = {}
    for word in words:
        spelling = _spelling(word)
        for key in (f"s:{spelling}", f"c:{_consonants(spelling)}"):
            if len(key) - 2 >= _MIN_KEY:
                keys.setdefault(key, word)
    if not keys:
        return
    yield from _spaced_forms(text, keys)
    yield from _unspaced_forms(text, _unspaced_keys(words))


def _spaced_forms(text: str, keys: dict[str, str]) -> Iterator[tuple[int, int, str]]:
    words = [w for w in _OTHER_SCRIPT_WORD.finditer(text) if not _UNSPACED.match(w.group())]
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


def _unspaced_keys(words: list[str]) -> dict[str, str]:
    """Each name word's spelling, and each two joined in either order, as Korean romanisation reads them."""
    keys: dict[str, str] = {}
    spellings = [(word, _spelling(word)) for word in words]
    for word, spelling in spellings:
        keys.setdefault(spelling.translate(_KOREAN_SPELLING), word)
        for _, other in spellings:
            if other != spelling:
                keys.setdefault((spelling + other).translate(_KOREAN_SPELLING), word)
    return {key: word for key, word in keys.items() if len(key) >= _MIN_KEY}


def _unspaced_forms(text: str, keys: dict[str, str]) -> Iterator[tuple[int, int, str]]:
    """The longest stretches of an unspaced run that write a name word or two, left to right."""
    fewest, most = _UNSPACED_NAME
    for run in _UNSPACED.finditer(text):
        position = run.start()
        while position <= run.end() - fewest:
            for length in range(min(most, run.end() - position), fewest - 1, -1):
                key = _spelling(text[position:position + length]).translate(_KOREAN_SPELLING)
                if key in keys:
                    yield position, position + length, keys[key]
                    position += length
                    break
            else:
                position += 1
