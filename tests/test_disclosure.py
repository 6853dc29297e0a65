"""The disclosure log: one signed row per release, chained, append-only on SQLite and PostgreSQL, free of text.

The PostgreSQL cases run against the server $BRIGHTLINE_TEST_POSTGRES names (CI starts one); without
it they are skipped, unless $BRIGHTLINE_REQUIRE_POSTGRES says the server must be there.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from brightline.disclosure import Checkpoint, DisclosureLog, Release, row_hash
from brightline.errors import ConfigError
from tests.test_cli import PLAIN, REPORT, run

SECRETS = ["QUISPE", "Quispe", "Mateo", "Elena", "1047712345", "03/14/2009", "555-0172", "Peru", "known associate"]
POSTGRES_ENV = "BRIGHTLINE_TEST_POSTGRES"
_GUARDS = {"sqlite": ["disclosures_no_update", "disclosures_no_delete"],
           "postgresql": ["disclosures_no_change", "disclosures_no_truncate"]}


def release(number: int) -> Release:
    return Release(
        released_by="R. Officer", releaser_role="records officer", recipient="court", recipient_affiliation="Suffolk",
        basis="court-order", purpose=f"docket {number}", policy="default v1: law-enforcement",
        original_sha256="a" * 64, redacted_sha256="b" * 64, redacted_counts={"PERSON": number}, decision="release-redacted",
        risk_score=40, risk_level="MEDIUM", tool_version="test",
    )


class Database:
    """A log's database, and a way in that bypasses brightline: what an administrator could do."""

    def __init__(self, url: str, key_file: Path) -> None:
        self.url, self.key_file = url, key_file
        self.engine = create_engine(url, poolclass=NullPool)
        self.dialect = self.engine.dialect.name

    def log(self, guard: bool = True) -> DisclosureLog:
        return DisclosureLog(self.url, self.key_file, guard=guard)

    def execute(self, *statements: str) -> None:
        with self.engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))

    def drop_guards(self) -> None:
        self.execute(*(f"DROP TRIGGER {name}" + (" ON disclosures" if self.dialect == "postgresql" else "")
                       for name in _GUARDS[self.dialect]))


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    key_file = tmp_path / "office.key"
    key_file.write_text("k" * 32)
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'log.sqlite'}"
    else:
        url = os.environ.get(POSTGRES_ENV, "")
        if not url:
            if os.environ.get("BRIGHTLINE_REQUIRE_POSTGRES"):
                pytest.fail(f"${POSTGRES_ENV} is not set, and the PostgreSQL log tests are required")
            pytest.skip(f"no PostgreSQL server (${POSTGRES_ENV})")
        Database(url, key_file).execute("DROP TABLE IF EXISTS disclosures CASCADE",
                                        "DROP FUNCTION IF EXISTS disclosures_append_only() CASCADE")
    return Database(url, key_file)


def filled(database: Database, rows: int = 3) -> DisclosureLog:
    log = database.log()
    for n in range(rows):
        log.record(release(n))
    return log


def test_rows_are_signed_chained_and_numbered(database: Database) -> None:
    log = filled(database)
    rows = list(log.rows())
    assert [r["seq"] for r in rows] == [1, 2, 3]
    assert rows[1]["prev_hash"] == rows[0]["row_hash"] and rows[2]["prev_hash"] == rows[1]["row_hash"]
    assert rows[0]["row_hash"] == row_hash(rows[0], b"k" * 32)  # an HMAC under the office's key
    assert log.verify() == []


@pytest.mark.parametrize("statement", ["UPDATE disclosures SET purpose = 'edited'", "DELETE FROM disclosures",
                                       "TRUNCATE disclosures"])
def test_the_database_refuses_changes(database: Database, statement: str) -> None:
    if statement.startswith("TRUNCATE") and database.dialect == "sqlite":
        pytest.skip("SQLite has no TRUNCATE (an unqualified DELETE is refused above)")
    filled(database, 1)
    with pytest.raises(DBAPIError, match="append-only"):
        database.execute(statement)


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        (["UPDATE disclosures SET redacted_counts = '{\"PERSON\": 0}' WHERE seq = 2"], "row 2: its contents changed"),
        (["UPDATE disclosures SET released_by = 'Someone Else' WHERE seq = 1"], "row 1: its contents changed"),
        (["DELETE FROM disclosures WHERE seq = 2"], "row 3: row 2 was removed from before it"),
        (["DELETE FROM disclosures WHERE seq = 1"], "row 2: row 1 was removed from before it"),
        (["DELETE FROM disclosures WHERE seq < 3"], "row 3: rows 1-2 were removed from before it"),
        # the whole chain rewritten as if unsigned, each seal recomputed: no key, no valid row
        (["UPDATE disclosures SET chain = NULL, key_id = NULL"], "row 1: unsigned"),
        (["UPDATE disclosures SET key_id = '0123456789abcdef'"], "row 1: signed with another key"),
    ],
    ids=["changed_counts", "changed_releaser", "removed_middle_row", "removed_first_row", "removed_first_rows",
         "rewritten_unsigned", "another_key"],
)
def test_tampering_is_detected(database: Database, tamper: list[str], problem: str) -> None:
    log = filled(database)
    database.drop_guards()  # someone with administrator rights drops the guard first
    database.execute(*tamper)
    problems = log.verify()
    guards = [p for p in problems if "append-only guard" in p]
    assert len(guards) == len(_GUARDS[database.dialect])
    assert problem in (problems[len(guards)] if len(problems) > len(guards) else "")


def test_a_checkpoint_shows_rows_cut_off_the_end(database: Database) -> None:
    log = filled(database)
    checkpoint = Checkpoint.parse(f"kept on paper: {log.checkpoint()}")
    log.record(release(3))
    assert log.verify(checkpoint) == []  # rows after the checkpoint are fine
    database.drop_guards()
    database.execute("DELETE FROM disclosures WHERE seq >= 3")
    log = database.log()  # brightline restores the guards: only the checkpoint can tell now
    assert log.verify() == []
    assert log.verify(checkpoint) == [
        "the checkpoint counts 3 rows and the log ends at row 2: row 3 was removed since it was taken."]
    database.drop_guards()
    database.execute("DELETE FROM disclosures")
    assert "rows 1-3 were removed" in database.log().verify(checkpoint)[0]


def test_a_checkpoint_shows_a_rewritten_head(database: Database) -> None:
    log = filled(database)
    checkpoint = log.checkpoint()
    database.drop_guards()
    database.execute("DELETE FROM disclosures WHERE seq = 3")
    database.log().record(release(9))  # a new row 3 in place of the one removed: the chain is whole again
    assert log.verify() == []
    assert "row 3 is not the row the checkpoint names" in log.verify(checkpoint)[0]


def test_a_disabled_guard_is_reported(database: Database) -> None:
    if database.dialect != "postgresql":
        pytest.skip("only PostgreSQL can disable a trigger without dropping it")
    filled(database, 1)
    database.execute("ALTER TABLE disclosures DISABLE TRIGGER disclosures_no_change")
    assert "disclosures_no_change is missing or disabled" in database.log(guard=False).verify()[0]


def test_a_log_needs_its_key(database: Database, tmp_path: Path) -> None:
    filled(database, 1)
    other = tmp_path / "other.key"
    other.write_text("o" * 32)
    with pytest.raises(ConfigError, match="not the one this disclosure log was written with"):
        DisclosureLog(database.url, other).record(release(2))
    with pytest.raises(ConfigError, match="key file .* is missing"):
        DisclosureLog(database.url, tmp_path / "lost.key").verify()


def test_a_log_written_before_keys_gets_its_columns_and_verifies_as_unsigned(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:  # the table as the first release of the log wrote it
        db.execute("CREATE TABLE disclosures (id INTEGER PRIMARY KEY, created_at TEXT, tool_version TEXT, "
                   "released_by TEXT, releaser_role TEXT, recipient TEXT, recipient_affiliation TEXT, basis TEXT, "
                   "purpose TEXT, policy TEXT, original_sha256 TEXT, redacted_sha256 TEXT, redacted_counts TEXT, "
                   "decision TEXT, risk_score INTEGER, risk_level TEXT, prev_hash TEXT UNIQUE, row_hash TEXT UNIQUE)")
        db.execute("INSERT INTO disclosures VALUES (1, 't', 'v', 'r', 'r', 'court', '', 'b', 'p', 'x', 'a', 'b', '{}', "
                   f"'release', 0, 'LOW', '{'0' * 64}', '{'1' * 64}')")
    key = tmp_path / "office.key"
    key.write_text("k" * 32)
    log = DisclosureLog(f"sqlite:///{path}", key)
    row = log.record(release(2))
    assert row["seq"] == 2 and row["prev_hash"] == "1" * 64
    assert log.verify() == ["row 1: unsigned (written before the log was keyed, or forged without the key)."]


def test_the_log_and_its_key_are_private(tmp_path: Path) -> None:
    path, key = tmp_path / "log.sqlite", tmp_path / "keys" / "office.key"
    DisclosureLog(f"sqlite:///{path}", key).record(release(1))  # the key is created at the first release
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(key.read_bytes().strip()) == 64


def test_concurrent_writers_keep_one_chain(database: Database) -> None:
    from concurrent.futures import ThreadPoolExecutor

    logs = [database.log() for _ in range(2)]  # two offices' desks, one database
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda n: logs[n % 2].record(release(n)), range(30)))
    assert [r["seq"] for r in logs[0].rows()] == list(range(1, 31)) and logs[0].verify() == []


def test_a_release_from_the_command_line(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "report.txt").write_text(REPORT, encoding="utf-8")
    (inbox / "work_order.txt").write_text(PLAIN, encoding="utf-8")
    log_file, key = tmp_path / "log.sqlite", tmp_path / "office.key"
    url = f"sqlite:///{log_file}"
    db = ["--log-db", url, "--log-key-file", str(key)]
    common = ["--released-by", "R. Officer", "--purpose", "records request 41", *db, "-q"]

    police = run("redact", str(inbox), "--out", str(tmp_path / "police"), "--release-to", "police", *common)
    assert police.returncode == 5, police.stderr  # the report is withheld for legal review
    assert "withheld for legal review" in police.stderr
    assert not (tmp_path / "police" / "report.txt").exists() and (tmp_path / "police" / "work_order.txt").exists()
    assert not (tmp_path / "police" / "withheld").exists()  # a folder of released copies holds nothing withheld

    parent = run("redact", str(inbox), "--out", str(tmp_path / "parent"), "--release-to",
                 "parent-or-eligible-student", *common)
    assert parent.returncode == 0, parent.stderr
    copy = tmp_path / "parent" / "report.txt"
    assert "known associate" in copy.read_text()  # the family sees what the school wrote

    listed = run("log", "--format", "json", *db)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["recipient"], r["decision"]) for r in rows] == [
        ("police", "release"), ("parent-or-eligible-student", "release-redacted"),
        ("parent-or-eligible-student", "release"),
    ]
    report_row = rows[1]
    assert report_row["redacted_sha256"] == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert report_row["original_sha256"] == hashlib.sha256((inbox / "report.txt").read_bytes()).hexdigest()
    assert json.loads(report_row["redacted_counts"])["PERSON"] >= 3
    stored = log_file.read_bytes().decode("latin-1") + listed.stdout + run("log", "--format", "csv", *db).stdout
    for secret in SECRETS:
        assert secret not in stored
    verified = run("log", "verify", *db)
    assert verified.returncode == 0 and "3 rows" in verified.stdout
    checkpoint = run("log", "checkpoint", *db)
    assert checkpoint.returncode == 0 and Checkpoint.parse(checkpoint.stdout).rows == 3
    with sqlite3.connect(log_file) as admin:
        admin.execute("DROP TRIGGER disclosures_no_delete")
        admin.execute("DELETE FROM disclosures WHERE seq = 3")
    cut = run("log", "verify", "--checkpoint", checkpoint.stdout.strip(), *db)
    assert cut.returncode == 4 and "row 3 was removed since" in cut.stderr and "disclosures_no_delete" in cut.stderr


def test_counsel_approves_documents_by_content(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("first.txt", "second.txt", "third.txt"):  # each held for legal review when the police ask
        (inbox / name).write_text(REPORT + f"\n{name}\n", encoding="utf-8")
    approved_then = hashlib.sha256((inbox / "third.txt").read_bytes()).hexdigest()
    (inbox / "third.txt").write_text(REPORT + "\nedited after counsel read it\n", encoding="utf-8")
    db = ["--log-db", f"sqlite:///{tmp_path / 'log.sqlite'}", "--log-key-file", str(tmp_path / "office.key")]
    release_args = ["--release-to", "police", "--basis", "court-order", "--released-by", "R. Officer",
                    "--purpose", "order 7", *db, "-q"]
    approval = ["--approved-by", "A. Counsel", "--approval-note", "court order, docket 7"]

    out = tmp_path / "out"
    proc = run("redact", str(inbox), "--out", str(out), *release_args, *approval, "--approve", str(inbox / "first.txt"),
               "--approve", approved_then, "--redaction-log-ids", "hash")
    assert proc.returncode == 5, proc.stderr  # the second was never approved, the third changed since
    assert sorted(p.name for p in out.glob("*.txt")) == ["first.txt"]
    assert "1 approved document matched no document held" in proc.stderr  # the approval of the old third
    rows = [json.loads(line) for line in run("log", "--format", "json", *db).stdout.splitlines()]
    first = hashlib.sha256((inbox / "first.txt").read_bytes()).hexdigest()
    assert [(r["original_sha256"], r["decision"], r["approved_by"], r["approval_note"]) for r in rows] == [
        (first, "withhold-for-legal-review", "A. Counsel", "court order, docket 7")]
    with (out / "redaction-log.csv").open(encoding="utf-8") as handle:  # named by content, not by file name
        assert {row["document"] for row in csv.DictReader(handle)} == {first}

    lone = run("redact", str(inbox), "--out", str(tmp_path / "x"), "--approve", first, "-q")
    assert lone.returncode == 1 and "--release-to" in lone.stderr
    partial = run("redact", str(inbox), "--out", str(tmp_path / "x"), *release_args, "--approve", first)
    assert partial.returncode == 1 and "give all three" in partial.stderr


def test_a_release_needs_a_name_and_a_purpose(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PLAIN)
    proc = run("redact", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--release-to", "court")
    assert proc.returncode == 1 and "--released-by" in proc.stderr and "Traceback" not in proc.stderr
