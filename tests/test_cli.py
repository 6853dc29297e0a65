"""The command line end to end, as a records officer runs it (real models, separate process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPORT = (
    "STUDENT INCIDENT REPORT\n"
    "Name: QUISPE, Mateo    DOB: 03/14/2009    SASID: 1047712345\n"
    "Mother: Elena Quispe, (508) 555-0172\n"
    "Quispe recently arrived from Peru and staff heard he is a known associate of the crew.\n"
)
PLAIN = "Work order: the boiler in the gym was serviced on Tuesday. No students were involved.\n"


def run(*args: str, profile: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command in its own process; BRIGHTLINE_PROFILE is the given one, else unset (general vocabularies).

    `env` overrides variables of this environment (PATH without Tesseract, say).
    """
    env = {k: v for k, v in os.environ.items() if k != "BRIGHTLINE_PROFILE"} | (env or {})
    if profile is not None:
        env["BRIGHTLINE_PROFILE"] = profile
    return subprocess.run([sys.executable, "-m", "brightline", *args], capture_output=True, text=True, timeout=300,
                          env=env)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "nested" / "work_order.txt").write_text(PLAIN, encoding="utf-8")
    return folder


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "bad"
    folder.mkdir()
    files = {
        "binary": folder / "scan.txt",
        "latin1": folder / "latin1.txt",
        "empty": folder / "empty.txt",
        "huge": folder / "huge.txt",
    }
    files["binary"].write_bytes(b"\x89PNG\x00\x00\x01" * 50)
    files["latin1"].write_bytes("Name: Jos\xe9 Pe\xf1a".encode("latin-1"))
    files["empty"].write_text("   \n", encoding="utf-8")
    files["huge"].write_text("word " * 500_000, encoding="utf-8")
    files["missing"] = folder / "missing.txt"
    return files


def test_screen_json_follows_the_contract(inbox: Path) -> None:
    proc = run("screen", "--json", str(inbox))
    assert proc.returncode == 0, proc.stderr
    lines = {Path(obj["path"]).name: obj for obj in map(json.loads, proc.stdout.splitlines())}
    assert set(lines) == {"report.txt", "work_order.txt"}  # folders are walked recursively
    report = lines["report.txt"]
    # the LABELS.md contract, plus the reasons for the decision
    assert set(report) == {"path", "pages", "findings", "risk", "decision", "decision_reasons"}
    assert set(report["risk"]) == {"score", "level", "reasons"}
    text = (inbox / "report.txt").read_text(encoding="utf-8")
    for finding in report["findings"]:
        assert set(finding) == {"label", "start", "end", "text", "score", "detector", "page"}
        assert text[finding["start"]:finding["end"]] == finding["text"]
    labels = {f["label"] for f in report["findings"]}
    assert {"PERSON", "DATE_OF_BIRTH", "STUDENT_ID", "PHONE", "IMMIGRATION", "GANG"} <= labels
    assert report["risk"]["level"] == "CRITICAL"
    assert report["decision"] == "withhold-for-legal-review"
    assert lines["work_order.txt"]["risk"]["level"] == "LOW" and lines["work_order.txt"]["decision"] == "release"


def test_screen_table_is_readable(inbox: Path) -> None:
    proc = run("screen", str(inbox / "report.txt"))
    assert proc.returncode == 0
    assert "CRITICAL" in proc.stdout and "STUDENT_ID" in proc.stdout


def test_bad_inputs_fail_one_by_one(inbox: Path, bad_files: dict[str, Path]) -> None:
    proc = run("screen", "--json", *map(str, bad_files.values()), str(inbox / "report.txt"))
    assert proc.returncode == 2
    objects = [json.loads(line) for line in proc.stdout.splitlines()]
    errors = {Path(o["path"]).name: o["error"] for o in objects if "error" in o}
    assert set(errors) == {p.name for p in bad_files.values()}
    assert "binary" in errors["scan.txt"] and "UTF-8" in errors["latin1.txt"]
    assert "empty" in errors["empty.txt"] and "too large" in errors["huge.txt"] and "no such file" in errors["missing.txt"]
    assert any(Path(o["path"]).name == "report.txt" and o["findings"] for o in objects)
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == len(bad_files)  # one line each


def test_redact_writes_copies_and_nothing_for_failures(inbox: Path, bad_files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / "latin1.txt"
    stale.write_text("an old unredacted copy", encoding="utf-8")
    proc = run("redact", str(inbox), str(bad_files["latin1"]), str(bad_files["empty"]), "--out", str(out))
    assert proc.returncode == 2
    assert not (out / "report.txt").exists()  # held for legal review: for counsel, not among the releasable
    redacted = (out / "withheld" / "report.txt").read_text(encoding="utf-8")
    assert (out / "nested" / "work_order.txt").read_text(encoding="utf-8") == PLAIN
    for secret in ("Quispe", "QUISPE", "Mateo", "Elena", "03/14/2009", "1047712345", "555-0172"):
        assert secret not in redacted
    assert "[PERSON 1]" in redacted and "[IMMIGRATION]" in redacted
    assert not stale.exists() and not (out / "empty.txt").exists()
    assert not [p for p in out.rglob("*") if p.name.startswith(".brightline-")]


@pytest.mark.parametrize("withheld", ["folder", "omit"])
def test_withheld_documents_never_sit_among_the_releasable(inbox: Path, tmp_path: Path, withheld: str) -> None:
    """A report held for legal review goes under withheld/ for counsel, or nowhere; the terminal says so."""
    out = tmp_path / "out"
    (out / "report.txt").parent.mkdir(parents=True)
    (out / "report.txt").write_text("a copy from an earlier run", encoding="utf-8")
    proc = run("redact", str(inbox), "--out", str(out), "--withheld", withheld)
    assert proc.returncode == 5, proc.stderr
    assert "report.txt: withheld for legal review" in proc.stderr and "1 withheld" in proc.stderr
    assert not (out / "report.txt").exists() and (out / "nested" / "work_order.txt").exists()
    assert (out / "withheld" / "report.txt").exists() is (withheld == "folder")
    if withheld == "folder":
        assert "Quispe" not in (out / "withheld" / "report.txt").read_text(encoding="utf-8")


def test_logs_never_carry_matched_text(inbox: Path, tmp_path: Path) -> None:
    proc = run("redact", "-vv", str(inbox / "report.txt"), "--out", str(tmp_path / "o"))
    assert proc.returncode == 5 and "withheld for legal review" in proc.stderr  # named, with its reason
    for secret in ("Quispe", "QUISPE", "Mateo", "Elena", "1047712345"):
        assert secret not in proc.stderr


def test_pseudonym_style_needs_a_key(inbox: Path, tmp_path: Path) -> None:
    proc = run("redact", "--style", "pseudonym", str(inbox / "report.txt"), "--out", str(tmp_path / "o"))
    assert proc.returncode == 1
    assert "key" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "o" / "report.txt").exists()


def test_eval_scores_a_labeled_folder(tmp_path: Path) -> None:
    folder = tmp_path / "labeled"
    folder.mkdir()
    (folder / "X001.txt").write_text(
        "---\nid: X001\nrisk: CRITICAL\n---\n"
        "Name: [[QUISPE, Mateo|PERSON]]    DOB: [[03/14/2009|DATE_OF_BIRTH]]\n"
        "He is [[undocumented|IMMIGRATION]].\n",
        encoding="utf-8",
    )
    proc = run("eval", "--json", str(folder))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["pii_recall"] == 1.0 and report["leaked"] == 0 and report["risk_exact"] == 1.0


def test_every_command_has_help() -> None:
    for command in ("screen", "redact", "eval"):
        proc = run(command, "--help")
        assert proc.returncode == 0 and "Usage" in proc.stdout


def test_a_profile_adds_a_districts_vocabulary(tmp_path: Path) -> None:
    """--profile, or BRIGHTLINE_PROFILE, turns on a district's own terms: Boston's BRIC is gang language."""
    note = tmp_path / "note.txt"
    note.write_text(REPORT + "The SRO forwarded the report to the BRIC.\n", encoding="utf-8")
    bric = note.read_text(encoding="utf-8").index("BRIC")

    def gang_spans(proc: subprocess.CompletedProcess[str]) -> set[tuple[int, int]]:
        assert proc.returncode == 0, proc.stderr
        return {(f["start"], f["end"]) for f in json.loads(proc.stdout)["findings"] if f["label"] == "GANG"}

    def covers_bric(spans: set[tuple[int, int]]) -> bool:
        return any(start <= bric and bric + 4 <= end for start, end in spans)

    assert covers_bric(gang_spans(run("screen", "--json", "--profile", "massachusetts", str(note))))
    assert covers_bric(gang_spans(run("screen", "--json", str(note), profile="massachusetts")))


@pytest.mark.parametrize("command", ["screen", "redact", "report", "batch", "diff", "eval", "verify"])
def test_an_unknown_profile_is_one_sentence(command: str, tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(PLAIN, encoding="utf-8")
    args = {"screen": [str(tmp_path)], "eval": [str(tmp_path)], "diff": [str(tmp_path), str(tmp_path)],
            "verify": [str(tmp_path / "note.txt"), str(tmp_path / "note.txt")],
            "redact": [str(tmp_path), "--out", str(tmp_path / "out")], "report": [str(tmp_path), "--out",
            str(tmp_path / "report.html")], "batch": [str(tmp_path), "--out", str(tmp_path / "out")]}[command]
    if command == "diff":
        args += ["--policy", "default", "--policy", "default"]
    proc = run(command, *args, "--profile", "nowhere")
    assert proc.returncode in (1, 3), proc.stderr
    assert proc.stderr.strip() == "brightline: unknown profile 'nowhere'; the profiles are: massachusetts."


def test_a_damaged_pdf_is_refused_and_the_others_go_on(inbox: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")
    proc = run("screen", "--json", str(damaged), str(inbox / "report.txt"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    objects = {Path(o["path"]).name: o for o in map(json.loads, proc.stdout.splitlines())}
    assert "error" in objects["damaged.pdf"] and objects["report.txt"]["findings"]


def test_results_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """Set iteration order changes with Python's hash seed; no finding or redaction may depend on it."""
    samples = [str(p) for p in sorted((Path(__file__).parents[1] / "samples").glob("*.txt"))]  # no OCR needed
    outputs = []
    for seed in ("1", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = tmp_path / seed
        screened = subprocess.run([sys.executable, "-m", "brightline", "screen", "--json", *samples],
                                  capture_output=True, text=True, timeout=300, env=env)
        redacted = subprocess.run([sys.executable, "-m", "brightline", "redact", "-q", *samples, "--out", str(out)],
                                  capture_output=True, timeout=300, env=env)
        assert redacted.returncode == 5  # some samples are withheld from the police
        outputs.append((screened.stdout, {p.relative_to(out).as_posix(): p.read_text() for p in sorted(out.rglob("*.txt"))}))
    assert outputs[0] == outputs[1]


def test_redact_never_overwrites_its_input(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    proc = run("redact", str(tmp_path), "--out", str(tmp_path))
    assert proc.returncode == 1 and "overwritten" in proc.stderr
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == REPORT
