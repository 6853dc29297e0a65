"""Legal-basis codes on redaction marks and PDF boxes, and the redaction log a release comes with."""

from __future__ import annotations

import csv
from pathlib import Path

import pdfplumber

from brightline import Settings
from brightline.redact import make_operator
from brightline.redact.operators import PLACEHOLDER
from brightline.types import Explanation, Finding, Label, RedactionStyle
from tests.redact import pdf_factory
from tests.test_cli import run

NOTE = ["STUDENT ATTENDANCE NOTE", "Name: HALLOWAY, Wren      DOB: 04/02/2010", "Wren was late to homeroom on Tuesday."]
SECRETS = ["HALLOWAY", "Halloway", "Wren", "04/02/2010"]


def _finding(label: Label, text: str) -> Finding:
    return Finding(label, 0, len(text), text, Explanation(detector="test", rule="test", score=1.0))


def test_marks_carry_their_code_and_stay_recognisable() -> None:
    codes = {Label.PERSON: "FERPA", Label.GANG: "37L"}
    person, gang = _finding(Label.PERSON, "Wren Halloway"), _finding(Label.GANG, "known associate")
    placeholder = make_operator(RedactionStyle.PLACEHOLDER, codes=codes)
    marks = [placeholder.replacement(person, "wren halloway"), placeholder.replacement(gang, "known associate"),
             make_operator(RedactionStyle.FIXED, codes=codes).replacement(person, "wren halloway"),
             make_operator(RedactionStyle.BLOCK, codes=codes).replacement(person, "wren halloway")]
    assert marks == ["[PERSON 1 · FERPA]", "[GANG · 37L]", "[REDACTED · FERPA]", "█" * 13]
    assert all(PLACEHOLDER.fullmatch(mark) for mark in marks[:3])


def test_a_policy_code_wins_over_the_jurisdictions() -> None:
    assert Settings(jurisdiction="massachusetts").redaction_codes()[Label.GANG] == "37L"
    assert Settings(jurisdiction="massachusetts").redaction_codes()[Label.PERSON] == "FERPA"
    assert Label.OFFICIAL not in Settings().redaction_codes()  # context is not redacted, so it has no code


def test_a_release_comes_with_its_redaction_log(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    (inbox / "note.txt").write_text("\n".join(NOTE) + "\n", encoding="utf-8")
    pdf_factory.base(inbox / "note.pdf", lines=NOTE)
    proc = run("redact", str(inbox), "--out", str(out), "--codes", "--jurisdiction", "california", "-q")
    assert proc.returncode == 0, proc.stderr
    assert "[PERSON 1 · EC 49076]" in (out / "note.txt").read_text(encoding="utf-8")
    with pdfplumber.open(out / "note.pdf") as pdf:  # the box labels, in the copy's text layer as on its pixels
        assert "EC 49076" in (pdf.pages[0].extract_text() or "")

    with (out / "redaction-log.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["document"], r["page"]) for r in rows} == {("note.txt", ""), ("note.pdf", "1")}
    assert {r["code"] for r in rows if r["label"] == "PERSON"} == {"EC 49076"}
    assert sum(int(r["count"]) for r in rows if r["document"] == "note.txt" and r["label"] == "PERSON") >= 2
    page = (out / "redaction-log.html").read_text(encoding="utf-8")
    assert "Cal. Educ. Code §49076" in page
    written = (out / "redaction-log.csv").read_text(encoding="utf-8") + page
    assert not [secret for secret in SECRETS if secret in written]
