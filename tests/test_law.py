"""Jurisdictions: each shipped one cites its own statutes before the federal baseline, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brightline import Pipeline
from brightline.errors import ConfigError
from brightline.law import jurisdictions, load_law
from brightline.resources import models_dir
from brightline.score import decide, load_weights, score_risk
from brightline.score.context import load_context_table
from brightline.types import Label
from tests.test_cli import REPORT, run

# a statute each state's reasons must cite for the sample report (immigration and gang language about a student)
STATE_STATUTES = {"massachusetts": "M.G.L. c.71 §37L", "california": "Cal. Educ. Code §234.7", "illinois": "5 ILCS 805"}
PROJECT_FILES = ("LABELS.md", "domain.md", ".yaml", "../", "notes/")


def test_three_states_ship_beside_the_federal_baseline() -> None:
    assert {"federal", *STATE_STATUTES} <= set(jurisdictions())


@pytest.mark.parametrize("jurisdiction", ["federal", *STATE_STATUTES])
def test_the_same_report_cites_each_jurisdictions_statutes(pipeline: Pipeline, jurisdiction: str) -> None:
    findings = pipeline.detector.detect(REPORT)
    law = load_law(jurisdiction)
    risk = score_risk(REPORT, findings, load_weights(jurisdiction), table=load_context_table(jurisdiction))
    _, reasons = decide(risk, findings, *pipeline.settings.recipient_policy, law)
    cited = [r.basis for r in risk.reasons] + [r.basis for r in reasons]
    assert cited and all(basis for basis in cited)
    assert all("FERPA" in basis for basis in cited if "override" not in basis)  # the baseline stays
    for state, statute in STATE_STATUTES.items():
        assert any(statute in basis for basis in cited) == (state == jurisdiction), state
    assert not [basis for basis in cited if any(name in basis for name in PROJECT_FILES)]


def test_codes_are_the_jurisdictions_then_the_federal_ones() -> None:
    assert load_law().code(Label.PERSON) == "FERPA" and load_law().code(Label.GANG) == "FERPA"
    assert load_law("massachusetts").code(Label.GANG) == "37L"
    assert load_law("massachusetts").code(Label.PERSON) == "FERPA"
    assert load_law("california").code(Label.PERSON) == "EC 49076"
    assert "105 ILCS 10" in load_law("illinois").code_title("ISSRA")


def _law_root(tmp_path: Path, state: str) -> Path:
    root = tmp_path / "models"
    (root / "terms").mkdir(parents=True)
    shutil.copytree(models_dir() / "law", root / "law")
    (root / "law" / "elsewhere.v1.yaml").write_text(state, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("name: elsewhere\nversion: 1\ntitle: Elsewhere\ncitations: {}\n", "must extend the federal baseline"),
        ("name: elsewhere\nversion: 1\ntitle: Elsewhere\nextends: federal\ncitations:\n  factors: {made_up: x}\n",
         "cites factors the federal baseline does not: made_up"),
        ("name: elsewhere\nversion: 1\ntitle: Elsewhere\nextends: federal\ncitations:\n  chapters: {}\n",
         "unknown sections"),
    ],
    ids=["no_baseline", "unknown_entry", "unknown_section"],
)
def test_a_broken_jurisdiction_is_refused(tmp_path: Path, state: str, message: str) -> None:
    with pytest.raises(Exception, match=message):
        load_law("elsewhere", _law_root(tmp_path, state))


def test_an_unknown_jurisdiction_names_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no jurisdiction named 'atlantis'; brightline ships .*california"):
        load_law("atlantis")
    (tmp_path / "a.txt").write_text("The boiler was serviced.\n")
    proc = run("screen", str(tmp_path / "a.txt"), "--jurisdiction", "atlantis")
    assert proc.returncode == 1 and "brightline ships" in proc.stderr and "Traceback" not in proc.stderr
