"""The disclosure log: every release, append-only and tamper-evident (FERPA 34 CFR 99.32; 603 CMR 23.07).

Rows live in SQLite by default, or in any database SQLAlchemy reaches (an office's shared
PostgreSQL). A row records who released what to whom, on which basis and why, the SHA-256 of the
original and of the redacted copy, how many spans of each label were redacted (never their text),
the decision and the risk. Each row carries the hash of the one before it and its own hash over
all its fields, so a changed, removed or inserted row breaks the chain `verify` walks.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, create_engine, event, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError

from .errors import ConfigError

LOG_ENV = "BRIGHTLINE_LOG_DB"
GENESIS = "0" * 64
_ATTEMPTS = 5  # a concurrent writer took the same predecessor: read the new head and try again

metadata = MetaData()
disclosures = Table(
    "disclosures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", String(32), nullable=False),
    Column("tool_version", String(32), nullable=False),
    Column("released_by", Text, nullable=False),
    Column("releaser_role", Text, nullable=False),
    Column("recipient", String(64), nullable=False),
    Column("recipient_affiliation", Text, nullable=False),
    Column("basis", String(64), nullable=False),
    Column("purpose", Text, nullable=False),
    Column("policy", String(128), nullable=False),
    Column("original_sha256", String(64), nullable=False),
    Column("redacted_sha256", String(64), nullable=False),
    Column("redacted_counts", Text, nullable=False),  # JSON {label: count}
    Column("decision", String(32), nullable=False),
    Column("risk_score", Integer, nullable=False),
    Column("risk_level", String(16), nullable=False),
    Column("prev_hash", String(64), nullable=False, unique=True),  # one successor per row: a single chain
    Column("row_hash", String(64), nullable=False, unique=True),
)
FIELDS = [c.name for c in disclosures.columns]


@dataclass(frozen=True)
class Release:
    """What is recorded of one release."""

    released_by: str
    releaser_role: str
    recipient: str
    recipient_affiliation: str
    basis: str
    purpose: str
    policy: str
    original_sha256: str
    redacted_sha256: str
    redacted_counts: dict[str, int]
    decision: str
    risk_score: int
    risk_level: str
    tool_version: str


def default_url() -> str:
    """$BRIGHTLINE_LOG_DB, else a SQLite file in the user's data folder."""
    if os.environ.get(LOG_ENV):
        return os.environ[LOG_ENV]
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "brightline"
    return f"sqlite:///{base / 'disclosures.sqlite'}"


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def row_hash(row: dict[str, object]) -> str:
    """The hash of every field of a row but its own hash (and its id, which the database assigns)."""
    payload = {k: row[k] for k in FIELDS if k not in ("id", "row_hash")}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class DisclosureLog:
    """An append-only, hash-chained table of releases."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        if self.url.startswith("sqlite:///") and self.url != "sqlite:///:memory:":
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine: Engine = create_engine(self.url)
            if self.engine.dialect.name == "sqlite":
                _sqlite_write_lock(self.engine)
                event.listen(disclosures, "after_create", _sqlite_append_only)
            metadata.create_all(self.engine)
        except ArgumentError:
            raise ConfigError("the disclosure log address is not a database URL.") from None
        except OperationalError as exc:
            raise ConfigError(f"the disclosure log cannot be opened ({type(exc.orig).__name__}).") from None
        finally:
            if event.contains(disclosures, "after_create", _sqlite_append_only):
                event.remove(disclosures, "after_create", _sqlite_append_only)

    def record(self, release: Release) -> dict[str, object]:
        """Append one release after the current head of the chain; returns the row written."""
        for _ in range(_ATTEMPTS):
            try:
                with self.engine.begin() as connection:  # rolled back whole if anything below fails
                    head = connection.execute(select(disclosures.c.row_hash).order_by(disclosures.c.id.desc()).limit(1))
                    row: dict[str, object] = {
                        **asdict(release),
                        "redacted_counts": json.dumps(release.redacted_counts, sort_keys=True),
                        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                        "prev_hash": head.scalar() or GENESIS,
                    }
                    row["row_hash"] = row_hash(row)
                    result = connection.execute(insert(disclosures).values(**row))
                    row["id"] = result.inserted_primary_key[0]
                return row
            except IntegrityError:
                continue  # elsewhere than SQLite, another writer may append after the same row first: retry
        raise ConfigError("the disclosure log is busy; try the release again.")

    def rows(self) -> Iterator[dict[str, object]]:
        """Every row, oldest first."""
        with self.engine.connect() as connection:
            for row in connection.execute(select(disclosures).order_by(disclosures.c.id)):
                yield dict(row._mapping)

    def verify(self) -> list[str]:
        """Problems with the chain, one sentence each; empty when every row is intact and linked."""
        problems = []
        previous = GENESIS
        for row in self.rows():
            if row["prev_hash"] != previous:
                problems.append(f"row {row['id']}: does not follow the row before it (a row was removed or inserted).")
            if row_hash(row) != row["row_hash"]:
                problems.append(f"row {row['id']}: its contents changed after it was written.")
            previous = str(row["row_hash"])
        return problems


def _sqlite_write_lock(engine: Engine) -> None:
    """Each transaction takes SQLite's write lock at once, so reading the head and appending after it is atomic."""

    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_append_only(target: Table, connection, **_: object) -> None:  # type: ignore[no-untyped-def]
    """Refuse UPDATE and DELETE in the database itself; the chain catches whoever drops the triggers."""
    for action in ("UPDATE", "DELETE"):
        connection.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS disclosures_no_{action.lower()} BEFORE {action} ON disclosures "
            "BEGIN SELECT RAISE(ABORT, 'the disclosure log is append-only'); END"
        )
