"""The disclosure log: every release, append-only, keyed and tamper-evident (FERPA 34 CFR 99.32).

Rows live in SQLite by default, or in an office's shared PostgreSQL. A row records who released what
to whom, on which basis and why, who approved a release legal review had held, the SHA-256 of the
original and of the redacted copy, how many spans of each label were redacted (never their text),
the decision and the risk. Each row carries its place in the chain, the hash of the row before it and
an HMAC of all its fields under the office's key: a changed, removed or inserted row breaks the chain,
and without the key nobody can write a chain that verifies. What a chain cannot show is rows cut off
its end; a checkpoint (count and head hash) kept outside the database shows that.

The database itself refuses UPDATE, DELETE and TRUNCATE (triggers brightline creates on SQLite and
PostgreSQL alike); `verify` reports a trigger that was dropped or disabled.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import NullPool

from .errors import ConfigError
from .log import get_logger

log = get_logger("disclosure")
LOG_ENV = "BRIGHTLINE_LOG_DB"
LOG_KEY_ENV = "BRIGHTLINE_LOG_KEY_FILE"
GENESIS = "0" * 64
KEYED = "hmac-sha256"  # rows written before the chain had a key say nothing here: unsigned
_ATTEMPTS = 5  # a concurrent writer took the same predecessor: read the new head and try again
_PRIVATE = 0o600
_CHECKPOINT = re.compile(r"rows=(?P<rows>\d+)\s+head=(?P<head>[0-9a-f]{64})")

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
    # added with the keyed chain; empty in rows written before it
    Column("seq", Integer),  # the row's place in the chain, from 1: a gap names the rows removed
    Column("approved_by", Text),  # who approved releasing a document held for legal review
    Column("approval_note", Text),
    Column("key_id", String(16)),  # which key signed the row (a digest of it, never the key)
    Column("chain", String(16)),
)
_SEQ_INDEX = Index("disclosures_seq", disclosures.c.seq, unique=True)
FIELDS = [c.name for c in disclosures.columns]
_KEYED_COLUMNS = ("seq", "approved_by", "approval_note", "key_id", "chain")
_GUARDS = {
    "sqlite": {
        "disclosures_no_update": "CREATE TRIGGER IF NOT EXISTS disclosures_no_update BEFORE UPDATE ON disclosures "
                                 "BEGIN SELECT RAISE(ABORT, 'the disclosure log is append-only'); END",
        "disclosures_no_delete": "CREATE TRIGGER IF NOT EXISTS disclosures_no_delete BEFORE DELETE ON disclosures "
                                 "BEGIN SELECT RAISE(ABORT, 'the disclosure log is append-only'); END",
    },
    "postgresql": {
        "disclosures_no_change": "CREATE OR REPLACE TRIGGER disclosures_no_change BEFORE UPDATE OR DELETE ON "
                                 "disclosures FOR EACH ROW EXECUTE FUNCTION disclosures_append_only()",
        "disclosures_no_truncate": "CREATE OR REPLACE TRIGGER disclosures_no_truncate BEFORE TRUNCATE ON "
                                   "disclosures FOR EACH STATEMENT EXECUTE FUNCTION disclosures_append_only()",
    },
}
_PG_REFUSAL = (
    "CREATE OR REPLACE FUNCTION disclosures_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'the disclosure log is append-only'; END $$"
)


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
    approved_by: str = ""
    approval_note: str = ""


@dataclass(frozen=True)
class Checkpoint:
    """The head of the chain at one moment: kept outside the database, it shows rows cut off the end."""

    rows: int
    head: str

    def __str__(self) -> str:
        return f"rows={self.rows} head={self.head}"

    @classmethod
    def parse(cls, value: str) -> Checkpoint:
        """A checkpoint as `log checkpoint` prints it (other words around it are ignored)."""
        match = _CHECKPOINT.search(value)
        if match is None:
            raise ConfigError("the checkpoint is not one `brightline log checkpoint` printed (rows=N head=HASH).")
        return cls(int(match["rows"]), match["head"])


def default_url() -> str:
    """$BRIGHTLINE_LOG_DB, else a SQLite file in the user's data folder."""
    if os.environ.get(LOG_ENV):
        return os.environ[LOG_ENV]
    return f"sqlite:///{_data_folder() / 'disclosures.sqlite'}"


def default_key_file() -> Path:
    """$BRIGHTLINE_LOG_KEY_FILE, else a key file in the user's data folder."""
    return Path(os.environ.get(LOG_KEY_ENV) or _data_folder() / "disclosure-log.key")


def _data_folder() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "brightline"


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def key_id(key: bytes) -> str:
    """A short public name of a key: which key signed a row, without revealing it."""
    return hashlib.sha256(b"brightline disclosure log key\0" + key).hexdigest()[:16]


def row_hash(row: dict[str, object], key: bytes) -> str:
    """A row's seal: an HMAC under the office's key over every field but its id and the seal itself."""
    payload = {k: row[k] for k in FIELDS if k not in ("id", "row_hash")}
    return hmac.new(key, json.dumps(payload, sort_keys=True, ensure_ascii=False).encode(), hashlib.sha256).hexdigest()


class DisclosureLog:
    """An append-only, keyed, hash-chained table of releases.

    `guard` (the default) creates the append-only triggers when they are missing; `verify` opens the
    log without it, so that it reports the triggers as it finds them.
    """

    def __init__(self, url: str | None = None, key_file: Path | None = None, guard: bool = True) -> None:
        self.url = url or default_url()
        self.key_file = key_file or default_key_file()
        self._key: bytes | None = None
        try:
            if self.url.startswith("sqlite:///") and self.url != "sqlite:///:memory:":
                _private_file(Path(self.url.removeprefix("sqlite:///")))
            # a connection per use, closed after it: a log object may live as long as a batch, or be dropped anywhere
            self.engine: Engine = create_engine(self.url, poolclass=NullPool)
        except (ArgumentError, NoSuchModuleError):
            raise ConfigError("the disclosure log address is not a SQLite or PostgreSQL database URL.") from None
        except OSError as exc:
            raise ConfigError(f"the disclosure log cannot be opened ({type(exc).__name__}).") from None
        if self.engine.dialect.name not in _GUARDS:
            raise ConfigError("the disclosure log runs on SQLite or PostgreSQL: no other database is append-only here.")
        try:
            if self.engine.dialect.name == "sqlite":
                _sqlite_write_lock(self.engine)
            metadata.create_all(self.engine)
            self._add_keyed_columns()
            if guard:
                self._guard()
        except OperationalError as exc:
            raise ConfigError(f"the disclosure log cannot be opened ({type(exc.orig).__name__}).") from None

    def record(self, release: Release) -> dict[str, object]:
        """Append one release after the current head of the chain; returns the row written."""
        key = self._signing_key()
        for _ in range(_ATTEMPTS):
            try:
                with self.engine.begin() as connection:  # rolled back whole if anything below fails
                    head = _head(connection)
                    if head is not None and head["chain"] == KEYED and head["key_id"] != key_id(key):
                        raise ConfigError(f"the key in {self.key_file} is not the one this disclosure log was "
                                          f"written with (key id {head['key_id']}).")
                    row: dict[str, object] = {
                        **asdict(release),
                        "redacted_counts": json.dumps(release.redacted_counts, sort_keys=True),
                        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                        "prev_hash": head["row_hash"] if head else GENESIS,
                        "seq": _seq(head) + 1 if head else 1,
                        "key_id": key_id(key),
                        "chain": KEYED,
                    }
                    row["row_hash"] = row_hash(row, key)
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

    def checkpoint(self) -> Checkpoint:
        """The head now: the number of rows and the last row's seal."""
        with self.engine.connect() as connection:
            head = _head(connection)
        return Checkpoint(_seq(head), str(head["row_hash"])) if head else Checkpoint(0, GENESIS)

    def verify(self, checkpoint: Checkpoint | None = None) -> list[str]:
        """Problems with the log, one sentence each; empty when every row is intact, linked and in place.

        With a checkpoint, rows removed from the end since it was taken are named too.
        """
        problems = [f"the append-only guard {name} is missing or disabled: rows could be changed or removed unseen "
                    "by the database (brightline restores it at its next release)." for name in self._missing_guards()]
        rows = list(self.rows())
        key = self._verifying_key(rows)
        previous, position = GENESIS, 0
        for row in rows:
            place = _seq(row)
            name = f"row {place}"
            if row["chain"] != KEYED or key is None:
                problems.append(f"{name}: unsigned (written before the log was keyed, or forged without the key).")
            elif row["key_id"] != key_id(key):
                problems.append(f"{name}: signed with another key (key id {row['key_id']}); verify it with that key.")
            elif row_hash(row, key) != row["row_hash"]:
                problems.append(f"{name}: its contents changed after it was written (or it was signed without "
                                "the office's key).")
            if place > position + 1:
                problems.append(f"{name}: {_rows(position + 1, place - 1)} removed from before it.")
            elif row["prev_hash"] != previous:
                problems.append(f"{name}: does not follow the row before it (a row was removed or inserted).")
            previous, position = str(row["row_hash"]), place
        if checkpoint is not None:
            problems += _against(checkpoint, rows)
        return problems

    def _signing_key(self) -> bytes:
        """The office's key; created (readable by its owner only) for a log no key has signed yet."""
        if self._key is not None:
            return self._key
        if not self.key_file.exists():
            with self.engine.connect() as connection:
                head = _head(connection)
            if head is not None and head["chain"] == KEYED:
                raise ConfigError(f"the disclosure log is keyed and its key file {self.key_file} is missing "
                                  f"(--log-key-file or ${LOG_KEY_ENV}).")
            try:
                _private_file(self.key_file, secrets.token_hex(32).encode())
            except OSError as exc:
                raise ConfigError(f"the disclosure log's key file {self.key_file} cannot be created "
                                  f"({type(exc).__name__}).") from None
            log.warning("created the disclosure log's key in %s; keep a copy elsewhere: the log cannot be verified "
                        "without it.", self.key_file)
        self._key = self._read_key()
        return self._key

    def _verifying_key(self, rows: list[dict[str, object]]) -> bytes | None:
        if not any(row["chain"] == KEYED for row in rows):
            return None  # nothing signed: nothing to check with a key
        if not self.key_file.exists():
            raise ConfigError(f"the disclosure log is keyed and its key file {self.key_file} is missing "
                              f"(--log-key-file or ${LOG_KEY_ENV}).")
        return self._read_key()

    def _read_key(self) -> bytes:
        try:
            key = self.key_file.read_bytes().strip()
        except OSError as exc:
            raise ConfigError(f"the disclosure log's key file {self.key_file} cannot be read "
                              f"({type(exc).__name__}).") from None
        if len(key) < 16:
            raise ConfigError(f"the disclosure log's key file {self.key_file} holds fewer than 16 bytes.")
        return key

    def _add_keyed_columns(self) -> None:
        """A log written before the keyed chain gets its columns; its rows stay as they were, and verify as unsigned."""
        present = {column["name"] for column in inspect(self.engine).get_columns("disclosures")}
        missing = [disclosures.c[name] for name in _KEYED_COLUMNS if name not in present]
        if not missing:
            return
        with self.engine.begin() as connection:
            for column in missing:
                kind = column.type.compile(dialect=self.engine.dialect)
                connection.execute(text(f"ALTER TABLE disclosures ADD COLUMN {column.name} {kind}"))
        _SEQ_INDEX.create(self.engine, checkfirst=True)

    def _guard(self) -> None:
        """Create the triggers that refuse UPDATE, DELETE (and TRUNCATE), when they are missing."""
        dialect = self.engine.dialect.name
        if not self._missing_guards():
            return
        with self.engine.begin() as connection:
            if dialect == "postgresql":
                connection.execute(text(_PG_REFUSAL))
            for statement in _GUARDS[dialect].values():
                connection.execute(text(statement))

    def _missing_guards(self) -> list[str]:
        dialect = self.engine.dialect.name
        with self.engine.connect() as connection:
            if dialect == "sqlite":
                query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'disclosures'"
            else:  # a disabled trigger guards nothing
                query = ("SELECT tgname FROM pg_trigger WHERE tgrelid = 'disclosures'::regclass "
                         "AND NOT tgisinternal AND tgenabled <> 'D'")
            present = {name for (name,) in connection.execute(text(query))}
        return [name for name in _GUARDS[dialect] if name not in present]


def _head(connection: Connection) -> dict[str, object] | None:
    row = connection.execute(select(disclosures).order_by(disclosures.c.id.desc()).limit(1)).first()
    return dict(row._mapping) if row is not None else None


def _seq(row: dict[str, object]) -> int:
    """A row's place in the chain (rows from before the keyed chain have only their id)."""
    return int(row["seq"] if row["seq"] is not None else row["id"])  # type: ignore[call-overload]


def _rows(first: int, last: int) -> str:
    return f"row {first} was" if first == last else f"rows {first}-{last} were"


def _against(checkpoint: Checkpoint, rows: list[dict[str, object]]) -> list[str]:
    """What the log lost since a checkpoint: its head row must still stand where the checkpoint saw it."""
    if checkpoint.rows == 0:
        return []
    at = next((row for row in rows if _seq(row) == checkpoint.rows), None)
    if at is not None and at["row_hash"] == checkpoint.head:
        return []
    last = max((_seq(row) for row in rows), default=0)
    if last < checkpoint.rows:
        return [f"the checkpoint counts {checkpoint.rows} rows and the log ends at row {last}: "
                f"{_rows(last + 1, checkpoint.rows)} removed since it was taken."]
    return [f"row {checkpoint.rows} is not the row the checkpoint names: the log was rewritten since it was taken."]


def _private_file(path: Path, content: bytes | None = None) -> None:
    """Create a file only its owner can read (in a folder only they can enter), or make an existing one so."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if path.exists():
        if path.stat().st_mode & 0o077:
            path.chmod(_PRIVATE)
        return
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content or b"")


def _sqlite_write_lock(engine: Engine) -> None:
    """Each transaction takes SQLite's write lock at once, so reading the head and appending after it is atomic."""

    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")
