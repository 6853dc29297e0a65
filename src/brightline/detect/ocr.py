r"""Undo the commonest OCR confusions before detection, keeping a map back to the original offsets.

Scanned forms come back as "SAS1D: l048823536", "M0NTEIR0, Dari0", "undoc-\\numented". Detection
runs on a repaired copy ("SASID: 1048823536", "MONTEIRO, Dario", "undocumented"); every finding is
mapped back to the original characters, so what is reported and redacted is the document as it is.

Repairs, each decided token by token (a token is a run of letters and digits):
- a number with look-alike letters in it ("l048823536", "0l/05", "555-0l72") gets digits, and so
  does one after an identifier's capital letters ("A20l 447");
- a word with 0 or 1 in it ("M0NTEIR0", "B0ys", "c0untry") gets letters, in the word's case;
- a capitals word with a lower-case l in it ("lCE", "VlCTIM", "lD") gets a capital I, and so does a
  word opening with an l and a consonant, which no English word does ("lnterpreter", "lvanova");
- a word broken at a line end ("Alva-\\nrado") is joined.
Tokens that are ordinary mixed forms ("3L", "10th", "A208774519", "F-1") are left alone.
"""

from __future__ import annotations

import regex

from .words import english_zipf, load_words

_TOKEN = regex.compile(r"[\p{L}\d]+")
_BROKEN_WORD = regex.compile(r"(?<=\p{L})-[ \t]*\r?\n[ \t]*(?=\p{Ll})")
_SHORT_AFFIX = regex.compile(r"\d+\p{L}{1,3}|\p{L}{1,3}\d+")
_LOOK_ALIKE_DIGITS = {"l": "1", "I": "1", "O": "0", "o": "0"}
_NUMERIC_NEIGHBOUR = set("0123456789/-.:")
# a username's number stands at an end of it ("skyrunner07"); misread letters may stand anywhere
_END_DIGIT_PAIR = regex.compile(r"^\d\d|\d\d$")
# no ordinal or size opens with a zero: "0pal" is a word read with a zero for its O ("3L", "10th" are not)
_ZERO_WORD = regex.compile(r"0\p{Ll}+")
_TITLE_L = regex.compile(r"\p{Lu}l+")
# no English word opens with an l and a consonant: "lrving", "lsland" are an I read as l
_L_FOR_I = regex.compile(r"l[b-df-hj-km-np-tv-xz]\p{Ll}{2,}")
# an identifier's letter prefix, then a number read with look-alike letters in it ("A20l 447", "N1O0")
_PREFIXED_NUMBER = regex.compile(r"(?P<prefix>\p{Lu}{1,3})(?P<number>[\dlIOo]*\d[\dlIOo]*)")
# ...with at least two real digits in at least three characters
_PREFIXED_DIGITS = 2
_PREFIXED_LENGTH = 3


def repair(text: str) -> tuple[str, list[int] | None]:
    """The repaired text and, when anything changed, the original index of each of its characters."""
    chars = list(text)
    changed = False
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        fixed = _repair_token(token, _numeric_context(text, match.start(), match.end()))
        if fixed != token:
            chars[match.start():match.end()] = list(fixed)
            changed = True
    keep = [True] * len(text)
    for match in _BROKEN_WORD.finditer(text):
        changed = True
        for i in range(match.start(), match.end()):
            keep[i] = False
    if not changed:
        return text, None
    index = [i for i in range(len(text)) if keep[i]]
    return "".join(chars[i] for i in index), index


def to_original(start: int, end: int, index: list[int] | None) -> tuple[int, int]:
    """Map a span of the repaired text back to the original text."""
    if index is None:
        return start, end
    return index[start], index[end - 1] + 1


def _numeric_context(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (before in _NUMERIC_NEIGHBOUR and before != "") or (after in _NUMERIC_NEIGHBOUR and after != "")


def _repair_token(token: str, numeric_context: bool) -> str:
    digits = sum(c.isdigit() for c in token)
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return token
    look_alikes_only = all(c in _LOOK_ALIKE_DIGITS for c in letters)
    if look_alikes_only and (digits or (numeric_context and 2 <= len(token) <= 4)):
        return "".join(_LOOK_ALIKE_DIGITS.get(c, c) for c in token)  # a number read with letters in it
    prefixed = _PREFIXED_NUMBER.fullmatch(token)
    if (prefixed and digits >= _PREFIXED_DIGITS and len(prefixed["number"]) >= _PREFIXED_LENGTH
            and set(prefixed["number"]) & set(_LOOK_ALIKE_DIGITS)):
        return prefixed["prefix"] + "".join(_LOOK_ALIKE_DIGITS.get(c, c) for c in prefixed["number"])
    if digits and _SHORT_AFFIX.fullmatch(token) and not _ZERO_WORD.fullmatch(token):
        return token  # "3L", "10th", "A12": ordinary mixed forms
    if digits and set(c for c in token if c.isdigit()) <= {"0", "1"} and len(letters) > digits:
        if _END_DIGIT_PAIR.search(token) and any(c.islower() for c in letters):
            return token  # "skyrunner07": a username's number, not misread letters
        return _as_word(token)
    # ...unless the word is in use as written ("lmfao")
    if not digits and _L_FOR_I.fullmatch(token) and english_zipf(token) < load_words().ocr_in_use_zipf:
        return "I" + token[1:]
    others = [c for c in letters if c != "l"]
    if not digits and "l" in token and others and all(c.isupper() for c in others) and not _TITLE_L.fullmatch(token):
        return token.replace("l", "I")  # "lCE", "VlCTIM", "lD"; not "El", "All", "Fl"
    return token


def _as_word(token: str) -> str:
    """0 and 1 inside a word are the letters O and l (I in a capitals word), in the word's case."""
    upper = sum(c.isupper() for c in token if c.isalpha()) > sum(c.islower() for c in token if c.isalpha())
    out = []
    for i, c in enumerate(token):
        if c == "0":
            title_start = i == 0 and len(token) > 1 and token[1].islower()
            out.append("O" if upper or title_start else "o")
        elif c == "1":
            out.append("I" if upper else "l")
        elif c == "l" and upper:
            out.append("I")
        else:
            out.append(c)
    return "".join(out)
