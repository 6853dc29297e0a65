"""The batch summary: summary.json, summary.csv (one row a file) and a one-page, self-contained summary.html."""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from ..report.html import html_table, plain_page
from .manifest import DONE, Row

_LEVELS = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
_FIELDS = ["path", "status", "risk_level", "risk_score", "decision", "approved_by", "pages", "findings", "error",
           "sha256", "output_sha256"]


def summarise(rows: list[Row]) -> dict[str, object]:
    """Counts by status, risk level, decision and label; the files for legal review first; the failures."""
    done = [r for r in rows if r.status == DONE]
    labels: Counter[str] = Counter()
    for row in done:
        labels.update(row.findings)
    held = [r for r in done if r.decision == "withhold-for-legal-review"]
    review = sorted((r for r in held if not r.approved_by), key=lambda r: (-(r.risk_score or 0), r.path))
    return {
        "files": len(rows),
        "by_status": dict(Counter(r.status for r in rows)),
        "by_risk_level": {level: sum(1 for r in done if r.risk_level == level) for level in _LEVELS},
        "by_decision": dict(Counter(r.decision for r in done if r.decision)),
        "by_label": dict(sorted(labels.items())),
        "pages": sum(r.pages or 0 for r in done),
        "legal_review_first": [{"path": r.path, "risk_level": r.risk_level, "risk_score": r.risk_score} for r in review],
        "released_on_approval": [{"path": r.path, "approved_by": r.approved_by} for r in held if r.approved_by],
        "not_redacted": [{"path": r.path, "status": r.status, "reason": r.error} for r in rows if r.status != DONE],
    }


def write_summaries(out: Path, rows: list[Row]) -> None:
    """Write the three summaries into the batch's output folder."""
    summary = summarise(rows)
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    with (out / "summary.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=_FIELDS)
        writer.writeheader()
        for row in rows:
            values = asdict(row)
            values["findings"] = json.dumps(row.findings, sort_keys=True)
            writer.writerow({name: values[name] for name in _FIELDS})
    (out / "summary.html").write_text(_html(summary), encoding="utf-8")


def _html(summary: dict) -> str:  # type: ignore[type-arg]
    parts = [
        html_table("Files by outcome", ["outcome", "files"], list(summary["by_status"].items())),
        html_table("Redacted files by risk level", ["level", "files"], list(summary["by_risk_level"].items())),
        html_table("Redacted files by decision", ["decision", "files"], list(summary["by_decision"].items())),
        html_table("Redacted spans by label", ["label", "spans"], list(summary["by_label"].items())),
        "<h2>Legal review first</h2>",
        html_table("Withheld for legal review, riskiest first", ["file", "level", "score"],
               [[r["path"], r["risk_level"], r["risk_score"]] for r in summary["legal_review_first"]]),
        html_table("Held for legal review, released on approval", ["file", "approved by"],
               [[r["path"], r["approved_by"]] for r in summary["released_on_approval"]]),
        "<h2>Not redacted</h2>",
        html_table("Failed, refused and skipped files", ["file", "outcome", "reason"],
               [[r["path"], r["status"], r["reason"]] for r in summary["not_redacted"]]),
    ]
    return plain_page("brightline batch summary",
                      f"<p>{summary['files']} files, {summary['pages']} pages redacted.</p>{''.join(parts)}")
