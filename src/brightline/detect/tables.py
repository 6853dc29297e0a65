"""Tables in plain text: a heading line naming columns, then rows until the first blank line.

Reports exported from a student information system, rosters and persons tables keep one record
per line with cells separated by "|", tabs, " / " or runs of spaces. A cell under a column headed
"DOB", "Age" or "SASID" holds that kind of value, whatever it looks like.
"""

from __future__ import annotations

import regex

_SEPARATOR = regex.compile(r"[ \t]*(?:\||\t|[ \t]/[ \t]|[ \t]{2,})[ \t]*")


def heading_pattern(column: str) -> regex.Pattern[str]:
    """A heading cell naming `column` (a regex), as a whole cell."""
    return regex.compile(rf"^\W*(?:{column})\W*$", regex.IGNORECASE)


def split_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell of the line text[start:end]."""
    cells = []
    cursor = start
    for match in _SEPARATOR.finditer(text, start, end):
        cells.append((cursor, match.start()))
        cursor = match.end()
    cells.append((cursor, end))
    return cells


def column_cells(text: str, heading: regex.Pattern[str]) -> list[tuple[int, int]]:
    """The cells under every column whose heading matches, in rows down to the first blank line."""
    found: list[tuple[int, int]] = []
    position = 0
    lines = text.split("\n")
    offsets = []
    for line in lines:
        offsets.append((position, position + len(line)))
        position += len(line) + 1
    for number, (lo, hi) in enumerate(offsets):
        header = split_cells(text, lo, hi)
        if len(header) < 3:
            continue  # a table has several columns; a field line "DOB: x" is not a heading
        columns = [i for i, (s, e) in enumerate(header) if heading.match(text[s:e])]
        if not columns:
            continue
        for row_lo, row_hi in offsets[number + 1:]:
            if row_lo == row_hi or not text[row_lo:row_hi].strip():
                break
            row = split_cells(text, row_lo, row_hi)
            if len(row) < len(header) - 1:
                continue  # a note between rows, not a record
            found += [row[i] for i in columns if i < len(row) and row[i][1] > row[i][0]]
    return found
