"""Tables in plain text: a heading line naming columns, then rows until the first blank line.

The heading line may open with a label ("Columns: ID;Name;DOB") and be set off from its rows by one
blank line.

Reports exported from a student information system, rosters and persons tables keep one record
per line (headings may run words together: "LAST_NAME", "LastName"), with cells separated by "|"
(Markdown rows too) or tabs (then only by them), " / " or runs of spaces, or written as CSV (commas
or semicolons, cells in double quotes when they hold one). A table has at least three columns, so a field line
("DOB: x") or a sentence with two commas is not one; a line between rows with far fewer cells (a
note) is skipped. In a table aligned with runs of spaces, a row's cell belongs to the heading it
stands under, so a row with an empty cell, or a heading holding " / ", still lines up; such a row
needs half the headings' cells. Under a ruler of dashes each dash run sets its column's width. A row
opened by "|" with too few cells runs on over the lines after it that "|" does not open (wrapped).

Machine exports' fields (JSON, key=value, XML, YAML, contact cards) and a form's "Label: value" lines
are read as one-cell columns by their own readers.
"""

from __future__ import annotations

import itertools
from collections.abc import Generator, Iterator
from dataclasses import dataclass

import regex

_SEPARATOR = regex.compile(r"[ \t]*(?:\||\t|[ \t]/[ \t]|[ \t]{2,})[ \t]*")
# in a line with cell marks only the marks separate cells ("| Guardian / phone |")
_MARK_SEPARATOR = regex.compile(r"[ \t]*[|\t][ \t]*")
_CSV_DELIMITERS = (",", ";")
# a line aligned with runs of spaces, and one with cell marks (read cell by cell, not by position)
_SPACED = regex.compile(r"\S {2,}\S")
_CELL_MARK = regex.compile(r"[|\t]")
_MIN_COLUMNS = 3
_WRAPPED_LINES = 4  # a wrapped row runs over at most this many more lines
# a heading is a label, not a sentence or a value; "#" or "No." heads a column of row numbers
_HEADING = regex.compile(r"[\p{L}][\p{L}\d .,#/()'’_?&+\-]{0,40}|#|No\.?")
# words run together in an export's headings: "LAST_NAME", "FAMILY-NAME", "LastName", "StudentID"
_JOINED = regex.compile(r"_|(?<=\p{L})-(?=\p{L})|(?<=\p{Ll})(?=\p{Lu})")
# a ruler of dash runs under a heading line marks each column's width, as a mainframe report or a
# database client prints it ("------- ---- -"): a column may be one character wide
_RULER = regex.compile(r"[ \t]*-+(?:[ \t+]+-+){2,}[ \t]*")
_RULE = regex.compile(r"-+")
_QUOTES = "\"'“”"
# a JSON member ("key": "value", "key": 15) or a key=value pair ("student.age=15 | student.id=81"); a
# pair whose value is a JSON object or list ("body={...}") is left to that value's own members
_FIELD = regex.compile(
    r'"(?P<key>[\w.\- ]{1,40})"[ \t]*:[ \t]*(?P<value>"[^"\n]*"|[^\s,{}\[\]"]+)'
    r"|(?<![\w.])(?P<key>[A-Za-z][\w.]{0,40})=(?P<value>[^\s|;&,={\[][^|;&\n=]*?)(?=[ \t]*(?:[|;&\n]|$))"
)
# an XML element on one line, read as its tag's field: <BirthDate>2011-03-09</BirthDate>
_ELEMENT = regex.compile(
    r"<(?P<key>[A-Za-z][\w.\-]{0,40})(?:[ \t][^<>\n]*)?>"
    r"(?P<value>[^<>\n]+)"
    r"</(?P=key)>"
)
# what stands before a key of a YAML export on its line: indentation, or a list item's dash
YAML_KEY_INDENT = r"(?:[ \t]{2,}(?:-[ \t]+)?|[ \t]*-[ \t]+)"
# a YAML export's field: an indented or listed key, a colon, a value; a snake_case key or a quoted
# value tells it from an indented form line ("  Guardian: ...")
_YAML_FIELD = regex.compile(
    rf"(?m)^{YAML_KEY_INDENT}"
    r'(?:(?P<key>[A-Za-z]\w{0,40}_\w{1,40}):[ \t]+(?P<value>"[^"\n]*"|[^\s#"][^\n#]*?)'
    r'|(?P<key>[A-Za-z][\w.]{0,40}):[ \t]+(?P<value>"[^"\n]*"))[ \t]*$'
)
# a contact card's or a calendar's property line (RFC 6350, RFC 5545): "TEL;TYPE=CELL:704-555-0100";
# read only in a text that holds a card or a calendar
_CARD = regex.compile(r"BEGIN:(?:VCARD|VCALENDAR)")
_PROPERTY = regex.compile(r"(?m)^(?!(?:UID|PRODID|VERSION|BEGIN|END)[;:])"  # the card's own machinery
                          r"(?P<key>[A-Z][A-Z\-]{0,30})(?:;[^:\n]*)?:(?P<value>[^\n]+?)[ \t]*$")
# a form's field: a label and a colon opening a line (after a list number), its value the rest of the
# line, or, when the line ends at the colon, the list items indented or numbered under it
_FORM_FIELD = regex.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[.)][ \t]+)?(?P<key>\p{L}[\p{L}\d /&()\-]{0,40}?)[ \t]*:[ \t]*(?P<value>[^\n]*?)[ \t]*$"
)
_LIST_MARK = r"(?:\d{1,2}[.)]|[-*•])[ \t]+"
_LIST_ITEM = regex.compile(rf"(?:[ \t]+(?:{_LIST_MARK})?|{_LIST_MARK})(?P<value>\S[^\n]*?)[ \t]*")
_EDGES = _QUOTES + "|/;"
# a label before a line of headings ("Columns: ", "Fields - ")
_LABEL = regex.compile(r"[ \t]*\p{L}[\p{L} ]{0,20}[ \t]*(?::|[ \t]-)[ \t]+")


@dataclass(frozen=True)
class Column:
    """One column of a table: its heading, the (start, end) of each non-empty cell below it, and which table.

    Tables are numbered in the order they stand; an export's field is a table of its own (-1).
    """

    heading: str
    cells: tuple[tuple[int, int], ...]
    table: int = -1


def read_columns(text: str) -> Iterator[Column]:
    """Every column of every table in the text."""
    lines = _lines(text)
    number = table = 0
    while number < len(lines):
        lo, hi = lines[number]
        if number + 1 < len(lines) and _RULER.fullmatch(text, *lines[number + 1]):
            number = yield from _ruled_columns(text, lines, number, table)
            table += 1
            continue
        delimiter, header = _header(text, lo, hi)
        if header is None:
            number += 1
            continue
        rows: list[list[tuple[int, int]]] = []
        aligned = delimiter is None and _aligned(text, lo, hi)
        number += 1
        # a blank line may stand between the headings and the first row
        if (number + 1 < len(lines) and not text[lines[number][0]:lines[number][1]].strip()
                and len(_split(text, *lines[number + 1], delimiter)) >= len(header) - 1):
            number += 1
        while number < len(lines) and text[lines[number][0]:lines[number][1]].strip():
            if _wider_header(text, *lines[number], len(header)):
                break  # a report's title line read as headings: the real headings start here
            last = _wrapped_row(text, lines, number, len(header)) if delimiter is None else number
            row = _split(text, lines[number][0], lines[last][1], delimiter)
            number = last
            if aligned and _aligned(text, *lines[number]) and len(row) >= max(2, len(header) // 2):
                rows.append(_under_headings(row, header, lines[number][0] - lo))
            elif len(row) >= len(header) - 1:
                rows.append(row)
            number += 1
        for index, (start, end) in enumerate(header):
            cells = tuple(_unquoted(text, *row[index]) for row in rows if index < len(row))
            heading = _JOINED.sub(" ", text[start:end].strip(_QUOTES + " "))
            yield Column(heading, tuple(c for c in cells if c[1] > c[0]), table)
        table += 1


def _ruled_columns(
    text: str, lines: list[tuple[int, int]], number: int, table: int
) -> Generator[Column, None, int]:
    """The columns of a table whose heading line stands over a ruler; returns the line number after it.

    Each dash run is a column: its heading and its cells are what stands above and below it, so a
    heading of one letter or an empty cell keeps its place. The last column runs to the line's end.
    """
    lo, hi = lines[number]
    ruler_start = lines[number + 1][0]
    widths = [(m.start() - ruler_start, m.end() - ruler_start) for m in _RULE.finditer(text, *lines[number + 1])]

    def cells(start: int, end: int) -> list[tuple[int, int]]:
        bounds = [(min(start + a, end), min(start + b, end)) for a, b in widths]
        bounds[-1] = (bounds[-1][0], end)
        return [_unquoted(text, *bound) for bound in bounds]

    header = cells(lo, hi)
    if not all(_HEADING.fullmatch(text[s:e]) for s, e in header):
        return number + 1
    number += 2
    rows = []
    gaps = [b for (_, b), (a, _) in itertools.pairwise(widths) if a > b]
    while number < len(lines) and text[lines[number][0]:lines[number][1]].strip():
        start, end = lines[number]
        # a row keeps the gaps between columns; a trailer line ("TOTAL=0009 ...") runs across them
        if sum(start + gap < end and not text[start + gap].isspace() for gap in gaps) <= 1:
            rows.append(cells(start, end))
        number += 1
    for index, (start, end) in enumerate(header):
        heading = _JOINED.sub(" ", text[start:end])
        yield Column(heading, tuple(c for row in rows if (c := row[index])[1] > c[0]), table)
    return number


def read_fields(text: str) -> Iterator[Column]:
    """Every field of a machine export as a one-cell column: JSON, key=value pairs, XML elements, YAML, vCard.

    JSON members ("age": 15), key=value pairs, XML elements holding text (<Zip>12345</Zip>) and the
    indented or listed fields of a YAML export, and the property lines of a contact card or a calendar.
    A dotted key is read by its last part ("student.age" is "age"); a quoted value is read inside its quotes.
    """
    properties = _PROPERTY.finditer(text) if _CARD.search(text) else ()
    for match in (*_FIELD.finditer(text), *_ELEMENT.finditer(text), *_YAML_FIELD.finditer(text), *properties):
        key = match.group("key").rsplit(".", 1)[-1]
        start, end = _unquoted(text, *match.span("value"))
        if end > start:
            yield Column(_JOINED.sub(" ", key), ((start, end),))


def read_form_fields(text: str) -> Iterator[Column]:
    """Every "Label: value" line of a form as a one-cell column; a label alone on its line heads its list."""
    for match in _FORM_FIELD.finditer(text):
        key = _JOINED.sub(" ", match.group("key"))
        if match.group("value"):
            yield Column(key, (match.span("value"),))
            continue
        items, position = [], match.end() + 1
        while position < len(text):
            line_end = text.find("\n", position)
            item = _LIST_ITEM.fullmatch(text, position, len(text) if line_end < 0 else line_end)
            if item is None:
                break
            items.append(item.span("value"))
            position = item.end() + 1
        if items:
            yield Column(key, tuple(items))


def _wrapped_row(text: str, lines: list[tuple[int, int]], number: int, columns: int) -> int:
    """The last line of a row opened by "|" that wraps: too few cells, continued by lines not opened by "|".

    A wide Markdown table read back from a PDF, or sent through a mail client, is wrapped at the page's
    width, so one row runs over two or three lines.
    """
    start = lines[number][0]
    if not text[start:lines[number][1]].lstrip(" \t").startswith("|"):
        return number
    last = number
    while (len(_split(text, start, lines[last][1], None)) < columns and last + 1 < len(lines)
           and last - number < _WRAPPED_LINES):
        following = text[lines[last + 1][0]:lines[last + 1][1]].strip(" \t")
        if not following or following.startswith("|"):
            break
        last += 1
    return last


def _aligned(text: str, start: int, end: int) -> bool:
    return bool(_SPACED.search(text, start, end)) and not _CELL_MARK.search(text, start, end)


def _under_headings(row: list[tuple[int, int]], header: list[tuple[int, int]], shift: int) -> list[tuple[int, int]]:
    """A space-aligned row's cells, one per heading: each under the heading whose start is nearest its own.

    Hand-aligned rows drift a few characters; a cell is never moved left of one already placed.
    """
    cells = [(0, 0)] * len(header)
    starts = [start + shift for start, _ in header]
    placed = -1
    for start, end in row:
        index = min(range(placed + 1, len(starts)), key=lambda i: abs(starts[i] - start), default=None)
        if index is not None:
            placed = index
            cells[index] = (start, end)
    return cells


def _lines(text: str) -> list[tuple[int, int]]:
    offsets, position = [], 0
    for line in text.split("\n"):
        offsets.append((position, position + len(line)))
        position += len(line) + 1
    return offsets


def _header(text: str, start: int, end: int) -> tuple[str | None, list[tuple[int, int]] | None]:
    """The delimiter and cells of a heading line (None, None when the line is not one)."""
    label = _LABEL.match(text, start, end)  # "Columns: ID;Name;DOB" names its columns after a label
    if label is not None:
        start = label.end()
    for delimiter in (None, *_CSV_DELIMITERS):
        cells = _split(text, start, end, delimiter)
        if len(cells) >= _MIN_COLUMNS and all(_HEADING.fullmatch(text[s:e].strip(_QUOTES + " \t")) for s, e in cells):
            return delimiter, cells
    return None, None


def _wider_header(text: str, start: int, end: int, columns: int) -> bool:
    """Whether the line is a heading line with more columns than the table above it."""
    header = _header(text, start, end)[1]
    return header is not None and len(header) > columns


def _split(text: str, start: int, end: int, delimiter: str | None) -> list[tuple[int, int]]:
    """The (start, end) of each cell of the line text[start:end]."""
    if delimiter is None:
        # a Markdown row opens and closes with "|"
        start, end = _unquoted_edge(text, start, end, "|")
        cells, cursor = [], start
        separator = _MARK_SEPARATOR if _CELL_MARK.search(text, start, end) else _SEPARATOR
        for match in separator.finditer(text, start, end):
            cells.append((cursor, match.start()))
            cursor = match.end()
        return [*cells, (cursor, end)]
    cells, cursor, quoted = [], start, False
    for position in range(start, end):
        char = text[position]
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cells.append((cursor, position))
            cursor = position + 1
    return [*cells, (cursor, end)]


def _unquoted_edge(text: str, start: int, end: int, edge: str) -> tuple[int, int]:
    """The line without one opening and one closing `edge` character (and the spaces beside them)."""
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if start < end and text[start] == edge:
        start += 1
    if end > start and text[end - 1] == edge:
        end -= 1
    return start, end


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """A cell without its spaces, quotes and a row's closing "|" or "/"."""
    while start < end and (text[start].isspace() or text[start] in _EDGES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGES):
        end -= 1
    return start, end
