"""Settle overlapping findings by a fixed rule, so counts, risk and redaction read one clean list.

- PII: where two PII findings overlap, the longer one stands and takes in the other's characters
  (a redaction must cover both); the label of the longer (then higher-scored) one is kept.
- Sensitive language: overlapping findings of the same label merge into one span.
- Health details a connector apart ("EpiPen for peanut allergy") become one span: redacting the two
  ends and leaving "for" reads as a clue, not a redaction.
- Names a quote apart ('Ana "Nita" Ruiz', 'TERRELL "T-BONE" SOTO') become one span, and so do two
  mentions of one person a comma apart ("SOTO, MARCUS"): a box each side of a bare quote or comma
  still shows where the name was and how it was written.
- Context (OFFICIAL, SCHOOL): dropped wherever they touch PII; PII wins, for safety.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..types import CONTEXT_LABELS, PII_LABELS, SENSITIVE_LABELS, Finding, Label

_CONNECTOR = regex.compile(
    r"[ \t]*(?:(?:for|and|with|of|due\s+to|,|/|;|-|–)(?:[ \t]+(?:a|an|the|his|her|their))?)?[ \t]*", regex.IGNORECASE
)
_QUOTE_GAP = regex.compile(r"[ \t]*[\"“”'‘’]+[ \t]*")
_COMMA_GAP = regex.compile(r",[ \t]*")
# a witness verb before a health detail belongs to it ("saw cuts on her forearm", "reports nightmares")
_HEALTH_LEAD = regex.compile(
    r"(?:saw|noticed|observed|reports?|reported|denies|denied|endorses?|endorsed|screened\s+for|complains?\s+of)[ \t]+$",
    regex.IGNORECASE,
)


def resolve(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings with overlaps settled, in document order."""
    pii = _join_health(_join_names(_merge([f for f in findings if f.label in PII_LABELS], text), text), text)
    sensitive: list[Finding] = []
    for label in SENSITIVE_LABELS:
        sensitive += _merge([f for f in findings if f.label == label], text)
    context = [
        f for f in _dedupe([f for f in findings if f.label in CONTEXT_LABELS])
        if not any(p.start < f.end and f.start < p.end for p in pii)
    ]
    return sorted(pii + sensitive + context, key=lambda f: (f.start, f.end, str(f.label)))


def _merge(findings: list[Finding], text: str) -> list[Finding]:
    """Overlapping findings become one, labelled as the longest (then highest-scored) of them."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), -f.score))
    merged: list[Finding] = []
    for finding in ordered:
        if merged and finding.start < merged[-1].end:
            current = merged[-1]
            if finding.end > current.end:
                keep = current if (current.end - current.start) >= (finding.end - finding.start) else finding
                merged[-1] = replace(keep, start=current.start, end=finding.end,
                                     text=text[current.start:finding.end])
            continue
        merged.append(finding)
    return merged


def _join_names(findings: list[Finding], text: str) -> list[Finding]:
    joined: list[Finding] = []
    for finding in findings:
        previous = joined[-1] if joined else None
        if previous is not None and previous.label is Label.PERSON and finding.label is Label.PERSON and (
            _QUOTE_GAP.fullmatch(text, previous.end, finding.start)
            or (previous.entity is not None and previous.entity == finding.entity
                and _COMMA_GAP.fullmatch(text, previous.end, finding.start))
        ):
            joined[-1] = replace(previous, end=finding.end, text=text[previous.start:finding.end])
            continue
        joined.append(finding)
    return joined


def _join_health(findings: list[Finding], text: str) -> list[Finding]:
    joined: list[Finding] = []
    for finding in findings:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label is Label.HEALTH
            and finding.label is Label.HEALTH
            and _CONNECTOR.fullmatch(text, previous.end, finding.start)
        ):
            joined[-1] = replace(previous, end=finding.end, text=text[previous.start:finding.end])
            continue
        if finding.label is Label.HEALTH:
            lead = _HEALTH_LEAD.search(text, max(0, finding.start - 30), finding.start)
            if lead is not None and (previous is None or previous.end <= lead.start()):
                finding = replace(finding, start=lead.start(), text=text[lead.start():finding.end])
        joined.append(finding)
    return joined


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Context findings overlapping each other: the longer stands."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in ordered:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept
