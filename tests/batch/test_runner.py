"""Batch runs end to end: the twin, the manifest, resuming, failures, a kill, and a Dask cluster."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from brightline import Settings
from brightline.batch import run_batch
from tests.redact import pdf_factory

SAMPLES = sorted((Path(__file__).parents[2] / "samples").glob("*.txt"))


def tree(root: Path, copies: int = 1) -> Path:
    """Sample reports in nested folders, a PDF, a binary file posing as text, and a word-processor file."""
    for number in range(copies):
        for sample in SAMPLES:
            target = root / f"year{number % 3}" / f"box{number}" / sample.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(sample.read_bytes())
    pdf_factory.base(root / "year0" / "scanned_in.pdf")
    (root / "year1").mkdir(exist_ok=True)
    (root / "year1" / "broken.txt").write_bytes(b"\x89PNG\x00\x00" * 20)
    (root / "year1" / "minutes.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    return root


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.suffix in (".txt", ".pdf")}


def test_a_folder_becomes_a_redacted_twin_and_resumes(tmp_path: Path) -> None:
    source, out = tree(tmp_path / "source"), tmp_path / "twin"
    report = run_batch(source, out, Settings(), workers=1, quiet=True)
    assert (report.done, report.failed, report.skipped) == (len(SAMPLES) + 1, 1, 1)
    outputs = digests(out)
    rows = {r["path"]: r for r in _manifest(out)}
    held = {path for path, row in rows.items() if row["decision"] == "withhold-for-legal-review"}
    assert 0 < len(held) < len(SAMPLES)  # withheld from the police: under withheld/, never among the others
    assert set(outputs) == {("withheld/" if path in held else "") + path
                            for path in [f"year0/box0/{s.name}" for s in SAMPLES] + ["year0/scanned_in.pdf"]}
    assert report.withheld == len(held)
    assert "QUISPE" not in (out / "withheld" / "year0" / "scanned_in.pdf").read_bytes().decode("latin-1")
    assert rows["year1/broken.txt"]["status"] == "failed" and "binary" in rows["year1/broken.txt"]["error"]
    assert rows["year1/minutes.doc"]["status"] == "skipped"
    done = rows["year0/scanned_in.pdf"]
    assert done["status"] == "done" and done["output_sha256"] == outputs["withheld/year0/scanned_in.pdf"]
    assert json.loads(done["findings"])["PERSON"] >= 1 and done["risk_level"] == "CRITICAL"
    summary = json.loads((out / "summary.json").read_text())
    assert summary["by_status"] == {"done": len(SAMPLES) + 1, "failed": 1, "skipped": 1}
    assert summary["legal_review_first"][0]["risk_level"] == "CRITICAL"
    assert "year1/broken.txt" in (out / "summary.html").read_text() and (out / "summary.csv").exists()

    # again: nothing is redone; a changed input is; a file that now fails loses its old copy
    (source / "year0" / "box0" / SAMPLES[0].name).write_text("Student: Wren Castellano was late to homeroom.\n")
    (source / "year0" / "box0" / SAMPLES[1].name).write_bytes(b"\x00binary now")
    again = run_batch(source, out, Settings(), workers=1, quiet=True)
    assert (again.already_done, again.done, again.failed) == (len(SAMPLES) - 1, 1, 2)
    assert "Castellano" not in (out / "year0" / "box0" / SAMPLES[0].name).read_text()
    for stale in (out / "year0" / "box0" / SAMPLES[1].name, out / "withheld" / "year0" / "box0" / SAMPLES[1].name):
        assert not stale.exists()

    # without copies for counsel, the withheld ones go: none is left, none is written
    run_batch(source, out, Settings(), workers=1, quiet=True, keep_withheld=False)
    assert not list((out / "withheld").rglob("*.*")) and not (out / "year0" / "scanned_in.pdf").exists()


def test_a_zip_archive(tmp_path: Path) -> None:
    archive = tmp_path / "archive.zip"
    victim = tmp_path / "victim.txt"  # a refused entry's name must not reach it, to write or to remove
    victim.write_text("keep me")
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("cases/report.txt", SAMPLES[0].read_bytes())
        handle.writestr("../victim.txt", SAMPLES[0].read_bytes())
        handle.writestr(str(victim), SAMPLES[0].read_bytes())  # an absolute name
    out = tmp_path / "twin"
    report = run_batch(archive, out, Settings(), workers=1, quiet=True)
    assert (report.done, report.refused) == (1, 2)
    assert (out / "cases" / "report.txt").exists()
    assert victim.read_text() == "keep me"


def test_killed_and_resumed_matches_an_uninterrupted_run(tmp_path: Path) -> None:
    source = tree(tmp_path / "source", copies=12)
    command = [sys.executable, "-m", "brightline", "batch", str(source), "--workers", "1", "-q"]
    reference = subprocess.run([*command, "--out", str(tmp_path / "reference")], capture_output=True, timeout=600)
    assert reference.returncode == 6  # the broken file fails; everything else is done

    out = tmp_path / "killed"
    process = subprocess.Popen([*command, "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    total = len(SAMPLES) * 12 + 1
    while process.poll() is None and _done_count(out) < 20:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the coordinator and its workers, at once
    process.wait()
    assert _done_count(out) < total, "the run finished before it could be killed"
    resumed = subprocess.run([*command, "--out", str(out)], capture_output=True, timeout=600)
    assert resumed.returncode == 6
    assert digests(out) == digests(tmp_path / "reference")
    assert not list(out.rglob(".brightline-*")), "a temporary file was left behind"
    paths = [row["path"] for row in _manifest(out)]
    assert len(paths) == len(set(paths)) == total + 2


def test_a_dask_cluster_runs_the_same_job(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    source = tmp_path / "source"
    source.mkdir()
    for sample in SAMPLES[:3]:
        (source / sample.name).write_bytes(sample.read_bytes())
    run_batch(source, tmp_path / "local", Settings(), workers=1, quiet=True)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = run_batch(source, tmp_path / "dask", Settings(), cluster=cluster.scheduler_address, quiet=True)
    assert report.done == 3
    assert digests(tmp_path / "dask") == digests(tmp_path / "local")


def _manifest(out: Path) -> list[dict]:
    with sqlite3.connect(out / "manifest.sqlite") as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT * FROM files ORDER BY path")]


def _done_count(out: Path) -> int:
    try:
        with sqlite3.connect(f"file:{out / 'manifest.sqlite'}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM files WHERE status = 'done'").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_worker_never_raises_with_the_text_in_hand() -> None:
    from brightline.batch.worker import process_chunk

    outcomes = process_chunk([("a.txt", b"Student: Mateo Quispe, SASID 1047712345")], Settings(model="no_such_model"))
    assert [(o.relative, o.output) for o in outcomes] == [("a.txt", None)]
    assert outcomes[0].error and "Quispe" not in outcomes[0].error and "1047712345" not in outcomes[0].error


def test_the_twin_never_overwrites_its_source(tmp_path: Path) -> None:
    from brightline.errors import ConfigError

    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "report.txt").write_text("Student: Wren Castellano\n")
    for out in (tmp_path / "cases", tmp_path):
        with pytest.raises(ConfigError, match="originals would be overwritten"):
            run_batch(tmp_path / "cases", out, Settings(), quiet=True)
    assert (tmp_path / "cases" / "report.txt").read_text() == "Student: Wren Castellano\n"


def test_a_run_for_another_recipient_redoes_every_file(tmp_path: Path) -> None:
    """A twin made for a parent (sensitive language kept) is not passed off as the police's on resuming."""
    from brightline.context import Recipient

    source = tmp_path / "source"
    source.mkdir()
    for sample in SAMPLES[:4]:
        (source / sample.name).write_bytes(sample.read_bytes())
    fresh = tmp_path / "fresh"
    run_batch(source, fresh, Settings(), workers=1, quiet=True)
    out = tmp_path / "twin"
    parent = run_batch(source, out, Settings(recipient=Recipient.PARENT_OR_ELIGIBLE_STUDENT), workers=1, quiet=True)
    assert parent.done == 4 and digests(out) != digests(fresh)
    police = run_batch(source, out, Settings(), workers=1, quiet=True)
    assert (police.already_done, police.done) == (0, 4)
    assert digests(out) == digests(fresh)  # exactly what a police run from scratch writes, nothing of the parent's
    again = run_batch(source, out, Settings(batch_size=3), workers=1, quiet=True)  # nothing that shapes a copy
    assert (again.already_done, again.done) == (4, 0)


def test_a_batch_release_logs_each_copy_and_releases_only_approved_held_ones(tmp_path: Path) -> None:
    from brightline.disclosure import DisclosureLog
    from brightline.release import Approval, ReleaseOrder

    source, out = tmp_path / "source", tmp_path / "released"
    source.mkdir()
    for sample in SAMPLES:
        (source / sample.name).write_bytes(sample.read_bytes())
    key = tmp_path / "office.key"
    key.write_text("k" * 32)
    log = DisclosureLog(f"sqlite:///{tmp_path / 'log.sqlite'}", key)
    order = ReleaseOrder("R. Officer", "request 9", log=log)
    first = run_batch(source, out, Settings(), workers=1, quiet=True, keep_withheld=False, release=order)
    rows = {r["path"]: r for r in _manifest(out)}
    held = sorted(path for path, row in rows.items() if row["decision"] == "withhold-for-legal-review")
    assert held and first.released == len(SAMPLES) - len(held) and first.withheld == len(held)
    assert sorted(digests(out)) == sorted(path for path in rows if path not in held)  # the held ones nowhere
    logged = list(log.rows())
    assert sorted(r["original_sha256"] for r in logged) == sorted(rows[p]["sha256"] for p in rows if p not in held)

    again = run_batch(source, out, Settings(), workers=1, quiet=True, keep_withheld=False, release=order)
    assert (again.already_done, again.released) == (len(SAMPLES), 0) and len(list(log.rows())) == len(logged)

    approval = Approval("A. Counsel", "court order 7", frozenset({rows[held[0]]["sha256"]}))
    approved = ReleaseOrder("R. Officer", "request 9", approval=approval, log=log)
    third = run_batch(source, out, Settings(), workers=1, quiet=True, keep_withheld=False, release=approved)
    assert third.released == first.released + 1 and (out / held[0]).exists()  # a new order: every file again
    assert not any((out / path).exists() for path in held[1:])
    newest = list(log.rows())[-third.released:]
    assert [r["approved_by"] for r in newest if r["decision"] == "withhold-for-legal-review"] == ["A. Counsel"]
    assert json.loads((out / "summary.json").read_text())["released_on_approval"] == [
        {"path": held[0], "approved_by": "A. Counsel"}]
    assert log.verify() == []


def test_a_manifest_from_before_fingerprints_is_redone(tmp_path: Path) -> None:
    source, out = tmp_path / "source", tmp_path / "twin"
    source.mkdir()
    out.mkdir()
    (source / SAMPLES[0].name).write_bytes(SAMPLES[0].read_bytes())
    (out / SAMPLES[0].name).write_text("a copy made under settings nobody recorded")
    digest = hashlib.sha256(SAMPLES[0].read_bytes()).hexdigest()
    output = hashlib.sha256((out / SAMPLES[0].name).read_bytes()).hexdigest()
    with sqlite3.connect(out / "manifest.sqlite") as db:
        db.execute("CREATE TABLE files (path TEXT PRIMARY KEY, sha256 TEXT, status TEXT NOT NULL, output_sha256 TEXT, "
                   "findings TEXT NOT NULL DEFAULT '{}', pages INTEGER, risk_score INTEGER, risk_level TEXT, "
                   "decision TEXT, error TEXT, updated_at TEXT NOT NULL)")
        db.execute("INSERT INTO files (path, sha256, status, output_sha256, decision, updated_at) "
                   "VALUES (?, ?, 'done', ?, 'release-redacted', '2026-01-01')", (SAMPLES[0].name, digest, output))
    report = run_batch(source, out, Settings(), workers=1, quiet=True)
    assert (report.already_done, report.done) == (0, 1)
    assert all(row["fingerprint"] for row in _manifest(out))


def test_ctrl_c_ends_with_130_and_says_how_to_resume(tmp_path: Path) -> None:
    source, out = tree(tmp_path / "source", copies=12), tmp_path / "out"
    command = [sys.executable, "-m", "brightline", "batch", str(source), "--out", str(out), "--workers", "1", "-q"]
    # a shell that started this run in the background may ignore SIGINT, and children inherit that
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while process.poll() is None and _done_count(out) < 5:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C reaches the command and its workers
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Run the same command again" in stderr and "Traceback" not in stderr
    assert not list(out.rglob(".brightline-*")), "a temporary file was left behind"
