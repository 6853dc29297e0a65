"""Compare two redactions of the same document: what B reveals that A hid, the reverse, and relabelling.

A and B may be redacted texts, redacted PDFs (their text layers), or `screen --json` outputs; or
the same documents under two policies. A change carries its context (the words around it, as the
side that shows more prints them), so a reviewer can find it.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher
from pathlib import Path

import pypdfium2 as pdfium

from ..errors import InputFileError
from ..redact import cover_repeats
from ..redact.operators import PLACEHOLDER
from ..redact.pdf import text_layer
from ..types import ALWAYS_REDACTED, PII_LABELS, SENSITIVE_LABELS, Finding, Label, ScreenResult

REVEALED, HIDDEN, RELABELLED, RENUMBERED, OTHER = "revealed", "hidden", "label", "placeholder", "text"
_TOKEN = re.compile(PLACEHOLDER.pattern + r"|█+|\w+(?:['’.-]\w+)*|\S")
_MARK = re.compile(PLACEHOLDER.pattern + r"|█+")
_LABEL = re.compile(r"\[([A-Z_]+)")
_CONTEXT = 6  # tokens either side
_JSON_SUFFIXES = (".json", ".jsonl")


@dataclass(frozen=True)
class Change:
    """One difference: its kind, the label involved, what A and B show there, and the words around it."""

    kind: str
    label: str | None
    a: str
    b: str
    context: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class FileDiff:
    """The changes between A and B of one document."""

    a: str
    b: str
    changes: list[Change]
    error: str | None = None

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def reveals(self) -> bool:
        return self.count(REVEALED) > 0

    def to_json(self) -> dict[str, object]:
        counts = {kind: self.count(kind) for kind in (REVEALED, HIDDEN, RELABELLED, RENUMBERED, OTHER)}
        return {"a": self.a, "b": self.b, "error": self.error, "counts": counts,
                "changes": [c.to_json() for c in self.changes]}


def diff_files(a: Path, b: Path) -> FileDiff:
    """Two redactions of one document, of the same kind: text, PDF or `screen --json` output."""
    try:
        if a.suffix.lower() in _JSON_SUFFIXES:
            return FileDiff(str(a), str(b), diff_screens(_screen_json(a), _screen_json(b)))
        return FileDiff(str(a), str(b), diff_texts(_redacted_text(a), _redacted_text(b)))
    except InputFileError as exc:
        return FileDiff(str(a), str(b), [], error=str(exc))


def diff_texts(a: str, b: str) -> list[Change]:
    """Align two redacted texts word by word and classify each difference."""
    ta, tb = [m for m in _TOKEN.finditer(a)], [m for m in _TOKEN.finditer(b)]
    matcher = SequenceMatcher(None, [m.group() for m in ta], [m.group() for m in tb], autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        seg_a, seg_b = [m.group() for m in ta[i1:i2]], [m.group() for m in tb[j1:j2]]
        marks_a, marks_b = [t for t in seg_a if _MARK.fullmatch(t)], [t for t in seg_b if _MARK.fullmatch(t)]
        words_a, words_b = [t for t in seg_a if not _MARK.fullmatch(t)], [t for t in seg_b if not _MARK.fullmatch(t)]
        shown_a, shown_b = _span(a, ta, i1, i2), _span(b, tb, j1, j2)
        if marks_a and words_b:
            changes.append(Change(REVEALED, _labels(marks_a), shown_a, shown_b, _around(b, tb, j1, j2)))
        if marks_b and words_a:
            changes.append(Change(HIDDEN, _labels(marks_b), shown_a, shown_b, _around(a, ta, i1, i2)))
        if marks_a and marks_b and not words_a and not words_b:
            kind = RELABELLED if _labels(marks_a) != _labels(marks_b) else RENUMBERED
            changes.append(Change(kind, _labels(marks_b), shown_a, shown_b, _around(b, tb, j1, j2)))
        if not marks_a and not marks_b:
            changes.append(Change(OTHER, None, shown_a, shown_b, _around(b, tb, j1, j2)))
    return changes


def diff_screens(a: dict, b: dict) -> list[Change]:  # type: ignore[type-arg]
    """Two `screen --json` results of one document: spans one flags for redaction and the other does not."""
    redacted = {str(label) for label in PII_LABELS | SENSITIVE_LABELS | ALWAYS_REDACTED}
    spans_a = [f for f in a.get("findings", []) if f["label"] in redacted]
    spans_b = [f for f in b.get("findings", []) if f["label"] in redacted]
    changes = []
    for kind, mine, theirs in ((REVEALED, spans_a, spans_b), (HIDDEN, spans_b, spans_a)):
        covered = {i for f in theirs for i in range(f["start"], f["end"])}
        for finding in mine:
            if any(i not in covered for i, c in enumerate(finding["text"], finding["start"]) if not c.isspace()):
                shown = f"[{finding['label']}]"
                a_side, b_side = (shown, finding["text"]) if kind == REVEALED else (finding["text"], shown)
                where = f"offsets {finding['start']}-{finding['end']}"
                changes.append(Change(kind, finding["label"], a_side, b_side, where))
    for finding in spans_a:
        twin = next((f for f in spans_b if (f["start"], f["end"]) == (finding["start"], finding["end"])), None)
        if twin is not None and twin["label"] != finding["label"]:
            changes.append(Change(RELABELLED, twin["label"], f"[{finding['label']}]", f"[{twin['label']}]",
                                  f"offsets {finding['start']}-{finding['end']}"))
    return changes


def diff_policies(result: ScreenResult, labels_a: frozenset[Label], labels_b: frozenset[Label],
                  style_a: str, style_b: str) -> list[Change]:
    """One screened document under two policies: the spans one redacts and the other leaves readable."""
    text = result.text
    covers = []
    for labels in (labels_a | ALWAYS_REDACTED, labels_b | ALWAYS_REDACTED):
        findings = [f for f in cover_repeats(text, result.findings, labels) if f.label in labels]
        covers.append((findings, {i for f in findings for i in range(f.start, f.end)}))
    changes = []
    for kind, (mine, covered_mine), (_, covered_theirs) in ((REVEALED, covers[0], covers[1]),
                                                            (HIDDEN, covers[1], covers[0])):
        for start, end in _runs(sorted(covered_mine - covered_theirs), text):
            label = _innermost(mine, start, end)
            shown = f"[{label}]"
            a_side, b_side = (shown, text[start:end]) if kind == REVEALED else (text[start:end], shown)
            changes.append(Change(kind, label, a_side, b_side, _context(text, start, end)))
    if style_a != style_b:
        changes.append(Change(RENUMBERED, None, style_a, style_b, "every redacted span: the placeholder style differs"))
    return changes


def _runs(indices: list[int], text: str) -> list[tuple[int, int]]:
    """Runs of character offsets, joined across whitespace, trimmed of it."""
    runs: list[tuple[int, int]] = []
    for index in indices:
        if runs and text[runs[-1][1]:index].strip() == "":
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return [(s, e) for s, e in runs if text[s:e].strip()]


def _innermost(findings: list[Finding], start: int, end: int) -> str:
    covering = [f for f in findings if f.start < end and start < f.end]
    return str(min(covering, key=lambda f: f.end - f.start).label) if covering else "?"


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    return re.sub(r"\s+", " ", f"…{text[max(0, start - width):start]}⟦{text[start:end]}⟧{text[end:end + width]}…")


def _labels(marks: list[str]) -> str | None:
    labels = sorted({m.group(1) for t in marks if (m := _LABEL.match(t)) and t != "[REDACTED]"})
    return ",".join(labels) or None


def _span(text: str, tokens: list[re.Match[str]], i: int, j: int) -> str:
    return text[tokens[i].start():tokens[j - 1].end()] if j > i else ""


def _around(text: str, tokens: list[re.Match[str]], i: int, j: int) -> str:
    start = tokens[max(0, i - _CONTEXT)].start() if tokens else 0
    last = min(len(tokens), j + _CONTEXT) - 1
    end = tokens[last].end() if tokens and last >= 0 else len(text)
    inner_start = tokens[i].start() if i < len(tokens) else end
    inner_end = tokens[j - 1].end() if j > i else inner_start
    return re.sub(r"\s+", " ", f"…{text[start:inner_start]}⟦{text[inner_start:inner_end]}⟧{text[inner_end:end]}…")


def _redacted_text(path: Path) -> str:
    try:
        if path.suffix.lower() == ".pdf":
            document = pdfium.PdfDocument(str(path))
            try:
                return text_layer(document)
            finally:
                document.close()
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, pdfium.PdfiumError) as exc:
        raise InputFileError(f"{path}: cannot be read ({type(exc).__name__}).") from None


def _screen_json(path: Path) -> dict:  # type: ignore[type-arg]
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if len(lines) != 1:
            raise InputFileError(f"{path}: expected the `screen --json` output of one document.")
        return json.loads(lines[0])
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputFileError(f"{path}: not a `screen --json` output ({type(exc).__name__}).") from None
