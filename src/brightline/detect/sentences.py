"""Sentence-like windows without a parser: reports are forms and notes, so lines count as sentences."""

from __future__ import annotations

import regex

_BOUNDARY = regex.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])|\n")
_LAST_BOUNDARY = regex.compile(r"(?r)(?<=[.!?])\s+(?=[A-Z\"“(])|\n")  # searched backwards


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) holding text[start:end]."""
    last = _LAST_BOUNDARY.search(text, 0, start)
    lo = last.end() if last else 0
    hi_match = _BOUNDARY.search(text, end)
    hi = hi_match.start() if hi_match else len(text)
    return lo, hi


def line_span(text: str, position: int) -> tuple[int, int]:
    """The bounds of the line holding `position`."""
    lo = text.rfind("\n", 0, position) + 1
    hi = text.find("\n", position)
    return lo, len(text) if hi < 0 else hi
