"""The redaction log of a release: per document, page and label, the spans redacted and their code.

A requester or a court can be given it: it holds counts and legal-basis codes, never the redacted
text, and names each document by its file name or, by option, by the SHA-256 of the original.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from html import escape
from pathlib import Path

from ..files import write_atomically, write_text
from ..law import Law
from ..types import Label
from .html import html_table, plain_page

LOG_NAME = "redaction-log"
HEADER = ["document", "page", "label", "code", "count"]


@dataclass(frozen=True)
class Redactions:
    """One released document's redactions: (page, label, count), page None for a text."""

    document: str
    counts: list[tuple[int | None, str, int]]


def write_redaction_log(out: Path, documents: list[Redactions], codes: Mapping[Label, str], law: Law) -> None:
    """Write OUT/redaction-log.csv and OUT/redaction-log.html for the documents released."""
    rows = [[d.document, "" if page is None else page, label, codes.get(Label(label), ""), count]
            for d in sorted(documents, key=lambda d: d.document) for page, label, count in d.counts]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    write_atomically(out / f"{LOG_NAME}.csv", partial(write_text, content=buffer.getvalue()))
    legend = [[code, law.code_title(code)] for code in sorted(set(codes.values()))]
    body = (f"<p>{len(documents)} document{'s' if len(documents) != 1 else ''} released; the law: {escape(law.title)}.</p>"
            f"{html_table('Redactions by document, page and label', HEADER, rows)}"
            f"{html_table('Codes', ['code', 'legal basis'], legend)}")
    write_atomically(out / f"{LOG_NAME}.html", partial(write_text, content=plain_page("Redaction log", body)))
