"""The batch manifest: one row per input, in DST, so a run can stop at any moment and resume.

A row is written only after the input's output is renamed into place (or removed, when the input
failed), in its own transaction: a run killed at any moment leaves every finished file recorded.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

MANIFEST_NAME = "manifest.sqlite"
DONE = "done"
FAILED = "failed"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    sha256 TEXT,
    status TEXT NOT NULL,
    output_sha256 TEXT,
    findings TEXT NOT NULL DEFAULT '{}',
    pages INTEGER,
    risk_score INTEGER,
    risk_level TEXT,
    decision TEXT,
    error TEXT,
    fingerprint TEXT,
    approved_by TEXT,
    redactions TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL
)
"""


@dataclass
class Row:
    """What the manifest knows of one input."""

    path: str
    status: str
    sha256: str | None = None
    output_sha256: str | None = None
    findings: dict[str, int] = field(default_factory=dict)  # counts per label, never text
    pages: int | None = None
    risk_score: int | None = None
    risk_level: str | None = None
    decision: str | None = None
    error: str | None = None
    fingerprint: str | None = None  # of the settings its output was made under (Settings.fingerprint)
    approved_by: str | None = None  # held for legal review, released on this person's approval
    redactions: list[tuple[int | None, str, int]] = field(default_factory=list)  # (page, label, count)


class Manifest:
    """SQLite table of the batch's inputs and how each ended."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MANIFEST_NAME
        self.connection = sqlite3.connect(self.path, isolation_level=None)  # autocommit: each row durable at once
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=FULL")
        self.connection.execute(_SCHEMA)
        columns = {row[1] for row in self.connection.execute("PRAGMA table_info(files)")}
        for column, kind in (("fingerprint", "TEXT"), ("approved_by", "TEXT"), ("redactions", "TEXT NOT NULL DEFAULT '[]'")):
            if column not in columns:  # a manifest from before them: its rows are redone (no fingerprint)
                self.connection.execute(f"ALTER TABLE files ADD COLUMN {column} {kind}")

    def get(self, path: str) -> Row | None:
        cursor = self.connection.execute("SELECT * FROM files WHERE path = ?", (path,))
        record = cursor.fetchone()
        return _row(cursor, record) if record else None

    def put(self, row: Row) -> None:
        values = asdict(row)
        values["findings"] = json.dumps(row.findings, sort_keys=True)
        values["redactions"] = json.dumps(row.redactions)
        values["updated_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        names = ", ".join(values)
        self.connection.execute(
            f"INSERT OR REPLACE INTO files ({names}) VALUES ({', '.join('?' for _ in values)})", tuple(values.values())
        )

    def rows(self) -> Iterator[Row]:
        cursor = self.connection.execute("SELECT * FROM files ORDER BY path")
        for record in cursor:
            yield _row(cursor, record)

    def close(self) -> None:
        self.connection.close()


def _row(cursor: sqlite3.Cursor, record: tuple) -> Row:  # type: ignore[type-arg]
    values = {column[0]: value for column, value in zip(cursor.description, record, strict=True)}
    values.pop("updated_at")
    values["findings"] = json.loads(values["findings"])
    values["redactions"] = [tuple(item) for item in json.loads(values["redactions"])]
    return Row(**values)
