"""Redact a text from its resolved findings: spans replaced end to start, overlaps covered whole."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from ..detect.repeats import value_pattern
from ..types import Finding, Label
from .operators import Operator, canonical_forms, entity_key, without_placeholders

_NORMAL = re.compile(r"\s+")


def redact_text(text: str, findings: list[Finding], labels: Collection[Label], operator: Operator) -> str:
    """The text with every finding of `labels` replaced; overlapping findings become one replacement."""
    chosen = sorted((f for f in findings if f.label in labels), key=lambda f: (f.start, -(f.end - f.start)))
    canonical = canonical_forms(chosen)
    # merge overlaps first so no character of any chosen finding survives
    spans: list[tuple[int, int, Finding]] = []
    for finding in chosen:
        if spans and finding.start < spans[-1][1]:
            start, end, first = spans[-1]
            spans[-1] = (start, max(end, finding.end), first)
            continue
        spans.append((finding.start, finding.end, finding))
    replacements = []
    for start, end, lead in spans:
        key = entity_key(lead)
        # the operator sees the whole merged span, under the entity of the finding that leads it
        merged = replace(lead, start=start, end=end, text=text[start:end], entity=key)
        replacements.append((start, end, operator.replacement(merged, canonical[key])))
    pieces: list[str] = []
    cursor = len(text)
    for start, end, replacement in reversed(replacements):
        pieces.append(text[end:cursor])
        pieces.append(replacement)
        cursor = start
    pieces.append(text[:cursor])
    return "".join(reversed(pieces))


def surviving_values(redacted: str, findings: list[Finding], labels: Collection[Label]) -> list[Label]:
    """Labels of redacted values still present in the output (the check before anything is written)."""
    left = []
    redacted = without_placeholders(redacted)
    for finding in findings:
        value = finding.text.strip()
        if finding.label in labels and len(value) >= 4 and value_pattern(value).search(redacted):
            left.append(finding.label)
    return left
