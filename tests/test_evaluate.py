"""The independent labeled corpus in tests/corpus, measured as `brightline eval` measures an office's own.

The corpus was written without sight of the code (see tests/corpus/README.md). The floors sit a
little below what this corpus measured when they were last set, with the honest measures of issue 10
(precision against gold PII only, so a redacted official counts against it; sensitive spans covered
whole): recall 0.970, precision 0.80, GANG/SOCIAL_MEDIA/IMMIGRATION whole 0.62/0.72/0.71 and touched
0.94/0.95/0.94, risk 0.90 exact and 0.95 within one. A change that drops detection below them fails.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from brightline import Pipeline
from brightline.evaluate import Prediction, evaluate, load_labeled, score
from tests.report.golden_files import GOLDEN, assert_golden

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def report(pipeline: Pipeline) -> dict:
    return evaluate(CORPUS, pipeline)


def test_pii(report: dict) -> None:
    assert report["pii_recall"] >= 0.96
    assert report["pii_precision"] >= 0.78
    assert report["leak_rate"] <= 0.05


def test_sensitive_language(report: dict) -> None:
    for label in ("GANG", "SOCIAL_MEDIA", "IMMIGRATION"):
        assert report["sensitive_doc_recall"][label] >= 0.95
        assert report["sensitive_span_recall"][label] >= 0.60
        assert report["sensitive_span_overlap"][label] >= 0.90
        assert report["sensitive_false_flags"][label] <= 0.10


def test_risk(report: dict) -> None:
    assert report["risk_within_one"] >= 0.93
    assert report["risk_exact"] >= 0.85


def test_labeled_format_round_trips() -> None:
    doc = load_labeled(CORPUS / "H001.txt")
    raw = (CORPUS / "H001.txt").read_text(encoding="utf-8")
    assert doc["id"] == "H001" and doc["risk"] in {"LOW", "MEDIUM", "HIGH", "CRITICAL"}
    for span in doc["spans"]:
        assert f"[[{doc['text'][span['start']:span['end']]}|{span['label']}]]" in raw


DOC = {"id": "x", "risk": "MEDIUM", "text": "Ana Ruiz met Ofc. Lee about gang stuff.",
       "spans": [{"start": 0, "end": 8, "label": "PERSON"}, {"start": 18, "end": 21, "label": "OFFICIAL"},
                 {"start": 28, "end": 38, "label": "GANG"}]}


def test_precision_counts_only_gold_pii() -> None:
    """A redacted official is a PII finding off every gold PII span: it lowers precision."""
    found = [("PERSON", 0, 8), ("PERSON", 18, 21)]
    report = score([DOC], [Prediction(found, "[PERSON 1] met Ofc. [PERSON 2] about gang stuff.")])
    assert report["pii_recall"] == 1.0
    assert report["pii_precision"] == round(7 / 10, 4)  # "AnaRuiz" of "AnaRuizLee"
    assert report["false_alarms"] == [{"id": "x", "label": "PERSON", "text": "Lee", "gold": "OFFICIAL"}]


def test_sensitive_spans_count_only_when_covered_whole() -> None:
    report = score([DOC], [Prediction([("GANG", 28, 32)], DOC["text"])])
    assert report["sensitive_span_recall"]["GANG"] == 0.0
    assert report["sensitive_span_overlap"]["GANG"] == 1.0


def test_a_failed_redaction_counts_as_leaked() -> None:
    report = score([DOC], [Prediction([("PERSON", 0, 8)], None)])
    assert report["redaction_failures"] == 1 and report["leaked"] == 1


def test_a_surviving_word_of_a_name_is_a_leak() -> None:
    report = score([DOC], [Prediction([("PERSON", 0, 3)], "[PERSON 1] Ruiz met Ofc. Lee about gang stuff.")])
    assert report["leaked"] == 1


def test_eval_exits_non_zero_when_a_span_stays_readable(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("---\nid: d\nrisk: LOW\n---\nThe [[lunch table|HEALTH]] was wiped.\n",
                                      encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "brightline", "eval", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 4
    assert "lunch" not in proc.stderr  # the log counts spans, never quotes them


def test_a_missing_golden_file_fails() -> None:
    with pytest.raises(AssertionError, match="missing"):
        assert_golden("no_such_golden.txt", "anything")
    assert not (GOLDEN / "no_such_golden.txt").exists()
