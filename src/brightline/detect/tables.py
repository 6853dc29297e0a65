"""Tables in plain text: a heading line naming columns, then rows until the first blank line."""

from __future__ import annotations

import regex

_SEPARATED = r"[^\n]*(?:/|\||\t| {2,})[^\n]*"


def heading_pattern(column: str) -> regex.Pattern[str]:
    """A heading line that names `column` (a regex) among other, separated columns."""
    return regex.compile(
        rf"^(?=[^\n]*\b(?:{column})\b){_SEPARATED}$", regex.IGNORECASE | regex.MULTILINE | regex.VERSION1
    )


def table_bodies(text: str, heading: regex.Pattern[str]) -> list[tuple[int, int]]:
    """The rows under each heading that matches: from the next line to the first blank line."""
    bodies = []
    for match in heading.finditer(text):
        start = match.end() + 1
        blank = text.find("\n\n", start)
        bodies.append((start, len(text) if blank < 0 else blank))
    return bodies
