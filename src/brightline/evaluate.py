"""Measure brightline on an office's own labeled documents (the LABELS.md corpus format).

A labeled file is front matter (``id``, ``risk``) and text with inline marks ``[[span|LABEL]]``.
Reported: PII recall (every letter and digit of a gold span inside some PII finding) and precision
(share of flagged characters inside gold spans), per-label recall, sensitive-language span and
document recall and false flags, risk level agreement, and leaks: gold PII still present after
redaction.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .errors import BrightlineError, InputFileError
from .pipeline import Pipeline
from .types import PII_LABELS, SENSITIVE_LABELS, Label, Level

_MARK = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]", re.DOTALL)
_LEVELS = [level.value for level in Level]


def load_labeled(path: Path) -> dict[str, Any]:
    """One labeled document: id, risk, plain text and gold spans."""
    raw = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    body = raw
    if raw.startswith("---\n"):
        head, _, body = raw[4:].partition("\n---\n")
        for line in head.splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    text_parts: list[str] = []
    spans: list[dict[str, Any]] = []
    cursor = 0
    length = 0
    for match in _MARK.finditer(body):
        before = body[cursor:match.start()]
        text_parts.append(before)
        length += len(before)
        span_text, label = match.group(1), match.group(2)
        if label not in Label.__members__:
            raise InputFileError(f"{path}: unknown label {label!r}.")
        spans.append({"start": length, "end": length + len(span_text), "label": label})
        text_parts.append(span_text)
        length += len(span_text)
        cursor = match.end()
    text_parts.append(body[cursor:])
    return {"id": meta.get("id", path.stem), "risk": meta.get("risk"), "text": "".join(text_parts), "spans": spans}


def evaluate(folder: Path, pipeline: Pipeline) -> dict[str, Any]:
    """Run screening and redaction over every labeled document in `folder` and score them."""
    docs = [load_labeled(p) for p in sorted(folder.rglob("*.txt"))]
    results = list(pipeline.screen_texts((d["id"], d["text"]) for d in docs))
    pii_total = pii_hit = pred_chars = pred_in_gold = 0
    per_label: dict[str, Counter[str]] = defaultdict(Counter)
    sensitive: dict[str, Counter[str]] = defaultdict(Counter)
    doc_level: dict[str, Counter[str]] = defaultdict(Counter)
    risk_exact = risk_near = risk_n = 0
    leaked = checked = 0
    for doc, result in zip(docs, results, strict=True):
        text = doc["text"]
        mask = [False] * len(text)
        gold = [False] * len(text)
        by_label: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for finding in result.findings:
            by_label[finding.label].append((finding.start, finding.end))
            if finding.label in PII_LABELS:
                for i in range(finding.start, finding.end):
                    mask[i] = True
        for span in doc["spans"]:
            for i in range(span["start"], span["end"]):
                gold[i] = True
        for i, char in enumerate(text):
            if mask[i] and not char.isspace():
                pred_chars += 1
                pred_in_gold += gold[i]
        try:
            redacted = pipeline.redact(result) if result.error is None else ""
        except BrightlineError:
            redacted = ""
        for span in doc["spans"]:
            label, start, end = span["label"], span["start"], span["end"]
            if label in PII_LABELS:
                ok = all(mask[i] for i in range(start, end) if text[i].isalnum())
                pii_total += 1
                pii_hit += ok
                per_label[label]["n"] += 1
                per_label[label]["hit"] += ok
                value = text[start:end].strip()
                if len(value) >= 2:
                    checked += 1
                    leaked += bool(re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", redacted))
            elif label in SENSITIVE_LABELS:
                sensitive[label]["n"] += 1
                sensitive[label]["hit"] += any(s < end and start < e for s, e in by_label[label])
        for label in map(str, SENSITIVE_LABELS):
            key = "pos" if any(s["label"] == label for s in doc["spans"]) else "neg"
            doc_level[label][key] += 1
            doc_level[label][key + "_found"] += bool(by_label[label])
        if doc["risk"] in _LEVELS and result.risk is not None:
            risk_n += 1
            diff = abs(_LEVELS.index(result.risk.level) - _LEVELS.index(doc["risk"]))
            risk_exact += diff == 0
            risk_near += diff <= 1

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {
        "documents": len(docs),
        "pii_recall": ratio(pii_hit, pii_total),
        "pii_precision": ratio(pred_in_gold, pred_chars),
        "pii_recall_by_label": {k: ratio(v["hit"], v["n"]) for k, v in sorted(per_label.items())},
        "sensitive_span_recall": {k: ratio(v["hit"], v["n"]) for k, v in sorted(sensitive.items())},
        "sensitive_doc_recall": {k: ratio(v["pos_found"], v["pos"]) for k, v in sorted(doc_level.items())},
        "sensitive_false_flags": {k: ratio(v["neg_found"], v["neg"]) for k, v in sorted(doc_level.items())},
        "risk_exact": ratio(risk_exact, risk_n),
        "risk_within_one": ratio(risk_near, risk_n),
        "pii_spans_checked_for_leaks": checked,
        "leaked": leaked,
    }


def format_report(report: dict[str, Any]) -> str:
    """The report as aligned lines for a terminal."""
    return "\n".join(f"{key:28} {value}" for key, value in report.items())
