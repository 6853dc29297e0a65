"""The disclosure log: one row per release, hash-chained, append-only, and free of the redacted text."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from brightline.disclosure import DisclosureLog, Release
from tests.test_cli import PLAIN, REPORT, run

SECRETS = ["QUISPE", "Quispe", "Mateo", "Elena", "1047712345", "03/14/2009", "555-0172", "Peru", "known associate"]


def release(number: int) -> Release:
    return Release(
        released_by="R. Officer", releaser_role="records officer", recipient="court", recipient_affiliation="Suffolk",
        basis="court-order", purpose=f"docket {number}", policy="default v1: law-enforcement",
        original_sha256="a" * 64, redacted_sha256="b" * 64, redacted_counts={"PERSON": number}, decision="release-redacted",
        risk_score=40, risk_level="MEDIUM", tool_version="test",
    )


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    return tmp_path / "log.sqlite"


def test_rows_chain_and_verify(log_file: Path) -> None:
    log = DisclosureLog(f"sqlite:///{log_file}")
    rows = [log.record(release(n)) for n in range(3)]
    assert [r["id"] for r in log.rows()] == [1, 2, 3]
    assert rows[1]["prev_hash"] == rows[0]["row_hash"] and rows[2]["prev_hash"] == rows[1]["row_hash"]
    assert log.verify() == []


def test_the_database_refuses_changes(log_file: Path) -> None:
    DisclosureLog(f"sqlite:///{log_file}").record(release(1))
    with sqlite3.connect(log_file) as db, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE disclosures SET purpose = 'edited'")


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        ("UPDATE disclosures SET redacted_counts = '{\"PERSON\": 0}' WHERE id = 2", "row 2: its contents changed"),
        ("DELETE FROM disclosures WHERE id = 2", "row 3: does not follow"),
        ("UPDATE disclosures SET released_by = 'Someone Else' WHERE id = 1", "row 1: its contents changed"),
    ],
    ids=["changed_counts", "removed_row", "changed_releaser"],
)
def test_tampering_is_detected(log_file: Path, tamper: str, problem: str) -> None:
    log = DisclosureLog(f"sqlite:///{log_file}")
    for n in range(3):
        log.record(release(n))
    with sqlite3.connect(log_file) as db:  # someone with write access drops the guard first
        db.execute("DROP TRIGGER disclosures_no_update")
        db.execute("DROP TRIGGER disclosures_no_delete")
        db.execute(tamper)
    problems = log.verify()
    assert problems and problem in problems[0]


def test_a_release_from_the_command_line(tmp_path: Path, log_file: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "report.txt").write_text(REPORT, encoding="utf-8")
    (inbox / "work_order.txt").write_text(PLAIN, encoding="utf-8")
    url = f"sqlite:///{log_file}"
    common = ["--released-by", "R. Officer", "--purpose", "records request 41", "--log-db", url, "-q"]

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

    listed = run("log", "--format", "json", "--log-db", url)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["recipient"], r["decision"]) for r in rows] == [
        ("police", "release"), ("parent-or-eligible-student", "release-redacted"),
        ("parent-or-eligible-student", "release"),
    ]
    report_row = rows[1]
    assert report_row["redacted_sha256"] == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert report_row["original_sha256"] == hashlib.sha256((inbox / "report.txt").read_bytes()).hexdigest()
    assert json.loads(report_row["redacted_counts"])["PERSON"] >= 3
    stored = log_file.read_bytes().decode("latin-1") + listed.stdout + run("log", "--format", "csv", "--log-db", url).stdout
    for secret in SECRETS:
        assert secret not in stored
    verified = run("log", "verify", "--log-db", url)
    assert verified.returncode == 0 and "3 rows" in verified.stdout


def test_a_release_needs_a_name_and_a_purpose(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PLAIN)
    proc = run("redact", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--release-to", "court")
    assert proc.returncode == 1 and "--released-by" in proc.stderr and "Traceback" not in proc.stderr


def test_concurrent_writers_keep_one_chain(log_file: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    logs = [DisclosureLog(f"sqlite:///{log_file}") for _ in range(2)]  # two offices' desks, one database
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda n: logs[n % 2].record(release(n)), range(30)))
    assert len(list(logs[0].rows())) == 30 and logs[0].verify() == []
