"""Measure brightline on an office's own labeled documents (the LABELS.md corpus format).

A labeled file is front matter (``id``, ``risk``) and text with inline marks ``[[span|LABEL]]``.
Reported: PII recall (every letter and digit of a gold span inside some PII finding) and precision
(share of characters flagged as PII that lie inside gold PII spans), per-label recall,
sensitive-language span recall (a span counts only when covered whole; partial overlap is reported
beside it), document recall and false flags, risk level agreement, and leaks: gold PII spans still
readable after redaction, every span of a document whose redaction failed included.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BrightlineError, InputFileError
from .pipeline import Pipeline
from .types import PII_LABELS, SENSITIVE_LABELS, Label, Level, ScreenResult

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


@dataclass
class Prediction:
    """What one engine said about one labeled document: its findings, its redacted copy, its risk level.

    `redacted` is None when redaction failed or was refused: nothing clean was released.
    """

    findings: list[tuple[str, int, int]]
    redacted: str | None
    level: str | None = None


def evaluate(folder: Path, pipeline: Pipeline) -> dict[str, Any]:
    """Run screening and redaction over every labeled document in `folder` and score them."""
    docs = [load_labeled(p) for p in sorted(folder.rglob("*.txt"))]
    results = pipeline.screen_texts((d["id"], d["text"]) for d in docs)
    predictions = [
        Prediction([(str(f.label), f.start, f.end) for f in r.findings], _redacted_or_none(pipeline, r),
                   r.risk.level if r.risk is not None else None)
        for r in results
    ]
    return score(docs, predictions)


def score(docs: list[dict[str, Any]], predictions: list[Prediction]) -> dict[str, Any]:
    """The measures of the module docstring, over labeled documents and one engine's predictions."""
    pii_total = pii_hit = pred_chars = pred_in_gold = 0
    per_label: dict[str, Counter[str]] = defaultdict(Counter)
    sensitive: dict[str, Counter[str]] = defaultdict(Counter)
    doc_level: dict[str, Counter[str]] = defaultdict(Counter)
    risk_exact = risk_near = risk_n = 0
    leaked = checked = failed = 0
    misses: list[dict[str, Any]] = []
    false_alarms: list[dict[str, Any]] = []
    for doc, prediction in zip(docs, predictions, strict=True):
        text = doc["text"]
        pii_mask = [False] * len(text)
        gold_pii = [False] * len(text)
        masks = {label: [False] * len(text) for label, _, _ in prediction.findings} | {
            str(label): [False] * len(text) for label in SENSITIVE_LABELS}
        for label, start, end in prediction.findings:
            for i in range(start, end):
                masks[label][i] = True
                if label in PII_LABELS:
                    pii_mask[i] = True
        for span in doc["spans"]:
            if span["label"] in PII_LABELS:
                for i in range(span["start"], span["end"]):
                    gold_pii[i] = True
        for i, char in enumerate(text):
            if pii_mask[i] and not char.isspace():
                pred_chars += 1
                pred_in_gold += gold_pii[i]
        false_alarms.extend(_false_alarms(doc, prediction.findings, gold_pii))
        redacted = prediction.redacted
        failed += redacted is None
        for span in doc["spans"]:
            label, start, end = span["label"], span["start"], span["end"]
            if label in PII_LABELS:
                ok = _covered(pii_mask, text, start, end)
                pii_total += 1
                pii_hit += ok
                per_label[label]["n"] += 1
                per_label[label]["hit"] += ok
                checked += 1
                # a document whose redaction failed was not released clean: all its spans count as leaked
                leaked += redacted is None or _readable(text, doc["spans"], start, end, redacted)
            elif label in SENSITIVE_LABELS:
                whole = _covered(masks[label], text, start, end)
                sensitive[label]["n"] += 1
                sensitive[label]["whole"] += whole
                sensitive[label]["overlap"] += any(masks[label][start:end])
                ok = whole
            else:
                continue
            if not ok:
                misses.append({"id": doc["id"], "label": label, "text": text[start:end]})
        for label in map(str, SENSITIVE_LABELS):
            key = "pos" if any(s["label"] == label for s in doc["spans"]) else "neg"
            doc_level[label][key] += 1
            doc_level[label][key + "_found"] += any(f[0] == label for f in prediction.findings)
        if doc["risk"] in _LEVELS:
            risk_n += 1
            if prediction.level is not None:
                diff = abs(_LEVELS.index(prediction.level) - _LEVELS.index(doc["risk"]))
                risk_exact += diff == 0
                risk_near += diff <= 1

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {
        "documents": len(docs),
        "pii_recall": ratio(pii_hit, pii_total),
        "pii_precision": ratio(pred_in_gold, pred_chars),
        "pii_recall_by_label": {k: ratio(v["hit"], v["n"]) for k, v in sorted(per_label.items())},
        "sensitive_span_recall": {k: ratio(v["whole"], v["n"]) for k, v in sorted(sensitive.items())},
        "sensitive_span_overlap": {k: ratio(v["overlap"], v["n"]) for k, v in sorted(sensitive.items())},
        "sensitive_doc_recall": {k: ratio(v["pos_found"], v["pos"]) for k, v in sorted(doc_level.items())},
        "sensitive_false_flags": {k: ratio(v["neg_found"], v["neg"]) for k, v in sorted(doc_level.items())},
        "risk_exact": ratio(risk_exact, risk_n),
        "risk_within_one": ratio(risk_near, risk_n),
        "redaction_failures": failed,
        "pii_spans_checked_for_leaks": checked,
        "leaked": leaked,
        "leak_rate": ratio(leaked, checked),
        "misses": misses,
        "false_alarms": false_alarms,
    }


def _false_alarms(doc: dict[str, Any], findings: list[tuple[str, int, int]],
                  gold_pii: list[bool]) -> list[dict[str, Any]]:
    """PII findings that touch no gold PII, with the gold label they fell on (OFFICIAL, SCHOOL...), if any."""
    text, alarms = doc["text"], []
    for label, start, end in findings:
        if label not in PII_LABELS or any(gold_pii[start:end]):
            continue
        under = [s["label"] for s in doc["spans"] if s["start"] < end and start < s["end"]]
        alarms.append({"id": doc["id"], "label": label, "text": text[start:end], "gold": under[0] if under else None})
    return alarms


def _covered(mask: list[bool], text: str, start: int, end: int) -> bool:
    """Every letter and digit of the span lies inside the mask (spaces and punctuation may show)."""
    return all(mask[i] for i in range(start, end) if text[i].isalnum())


def _redacted_or_none(pipeline: Pipeline, result: ScreenResult) -> str | None:
    if result.error is not None:
        return None
    try:
        return pipeline.redact(result)
    except BrightlineError:
        return None


def _readable(text: str, spans: list[dict[str, Any]], start: int, end: int, redacted: str) -> bool:
    """A gold PII span is still readable in the redacted copy.

    Its whole text survives, or one of its words of 4+ letters or digits appears in the copy more often
    than in the original outside every PII span.
    """
    value = text[start:end].strip()
    if len(value) >= 2 and _count(value, redacted):
        return True
    outside = list(text)
    for span in spans:
        if span["label"] in PII_LABELS:
            outside[span["start"]:span["end"]] = " " * (span["end"] - span["start"])
    rest = "".join(outside)
    return any(_count(word, redacted) > _count(word, rest) for word in re.findall(r"\w{4,}", value))


def _count(value: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text, re.IGNORECASE))


def format_report(report: dict[str, Any]) -> str:
    """The report as aligned lines for a terminal; the missed spans are counted, not quoted."""
    lines = [f"{key:28} {value}" for key, value in report.items() if key not in ("misses", "false_alarms")]
    return "\n".join([*lines, f"{'missed_spans':28} {len(report['misses'])}",
                      f"{'false_alarms':28} {len(report['false_alarms'])}"])
