"""Run diffs over files, folders and policies, and show them: text for the terminal, or an HTML page."""

from __future__ import annotations

import html
from pathlib import Path

from ..ingest import SUPPORTED_SUFFIXES
from ..pipeline import Pipeline
from ..policy import PolicySet
from ..progress import track
from .diff import HIDDEN, OTHER, RELABELLED, RENUMBERED, REVEALED, FileDiff, diff_files, diff_policies

_KINDS = {REVEALED: "REVEALED in B", HIDDEN: "hidden in B", RELABELLED: "label changed", RENUMBERED: "placeholder changed",
          OTHER: "text differs"}
_COMPARED = SUPPORTED_SUFFIXES | {".json", ".jsonl"}


def compare_paths(a: Path, b: Path) -> list[FileDiff]:
    """Two files, or two folders paired by relative path (a file on one side only is reported)."""
    if not a.is_dir():
        return [diff_files(a, b)]
    left, right = _files(a), _files(b)
    diffs = []
    for relative in sorted(set(left) | set(right)):
        if relative not in right or relative not in left:
            side = "B" if relative not in right else "A"
            diffs.append(FileDiff(str(a / relative), str(b / relative), [], error=f"{relative}: missing from {side}."))
        else:
            diffs.append(diff_files(left[relative], right[relative]))
    return diffs


def compare_policies(pipeline: Pipeline, files: list[Path], policies: list[PolicySet], names: list[str],
                     quiet: bool = False) -> list[FileDiff]:
    """The same documents screened once and redacted under two policies, for the pipeline's recipient."""
    recipient = pipeline.settings.recipient
    (_, first), (_, second) = (p.for_recipient(recipient) for p in policies)
    diffs = []
    for result in track(pipeline.screen_paths(files), len(files), "comparing", quiet):
        if result.error is not None:
            diffs.append(FileDiff(f"{result.path} ({names[0]})", f"{result.path} ({names[1]})", [], error=result.error))
            continue
        changes = diff_policies(result, first.redact, second.redact, str(first.style), str(second.style))
        diffs.append(FileDiff(f"{result.path} ({names[0]})", f"{result.path} ({names[1]})", changes))
    return diffs


def render_diff_text(diffs: list[FileDiff]) -> str:
    """One block per document with differences; a total line."""
    lines = []
    for diff in diffs:
        if diff.error is not None:
            lines.append(f"{diff.a}: {diff.error}")
            continue
        if not diff.changes:
            lines.append(f"{diff.a} -> {diff.b}: no differences")
            continue
        counts = ", ".join(f"{diff.count(kind)} {name}" for kind, name in _KINDS.items() if diff.count(kind))
        lines.append(f"{diff.a} -> {diff.b}: {counts}")
        for change in diff.changes:
            label = f"[{change.label}] " if change.label else ""
            lines.append(f"  {_KINDS[change.kind]:<19} {label}{change.a!r} -> {change.b!r}   {change.context}")
    revealed = sum(d.count(REVEALED) for d in diffs)
    lines.append(f"{len(diffs)} document{'s' if len(diffs) != 1 else ''} compared; "
                 f"{revealed} span{'s' if revealed != 1 else ''} revealed in B that A hid.")
    return "\n".join(lines) + "\n"


def render_diff_html(diffs: list[FileDiff]) -> str:
    """A self-contained page of the differences, the revealing ones first."""
    def e(value: object) -> str:
        return html.escape(str(value), quote=True)

    sections = []
    for diff in sorted(diffs, key=lambda d: (not d.reveals, d.a)):
        if diff.error is not None:
            sections.append(f"<section><h2>{e(diff.a)}</h2><p>{e(diff.error)}</p></section>")
            continue
        rows = "".join(f"<tr class='{e(c.kind)}'><td>{e(_KINDS[c.kind])}</td><td>{e(c.label or '')}</td>"
                       f"<td>{e(c.a)}</td><td>{e(c.b)}</td><td>{e(c.context)}</td></tr>" for c in diff.changes)
        table = ("<table><thead><tr><th scope='col'>change</th><th scope='col'>label</th><th scope='col'>A shows</th>"
                 f"<th scope='col'>B shows</th><th scope='col'>context</th></tr></thead><tbody>{rows}</tbody></table>"
                 if diff.changes else "<p>No differences.</p>")
        sections.append(f"<section><h2>{e(diff.a)} → {e(diff.b)}</h2>{table}</section>")
    revealed = sum(d.count(REVEALED) for d in diffs)
    style = ("body{font-family:system-ui,sans-serif;margin:2rem;color:#111;background:#fff}table{border-collapse:collapse}"
             "th,td{border:1px solid #555;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#e8e8e8}"
             ".revealed{background:#ffd6d6}.hidden{background:#d9f2d9}")
    return (f"<!doctype html>\n<html lang='en'><head><meta charset='utf-8'><title>brightline diff</title>"
            f"<style>{style}</style></head><body><main><h1>brightline diff</h1>"
            f"<p>{len(diffs)} documents compared; <strong>{revealed} spans revealed in B that A hid</strong>.</p>"
            f"{''.join(sections)}</main></body></html>\n")


def _files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix.lower() in _COMPARED and not p.name.startswith(".")}
