"""The data model: findings that carry their explanation, risk with its reasons, per-document results."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ingest.pdf import PdfText


class Label(StrEnum):
    """The labels of LABELS.md, and brightline's own two for PDFs: COVERED_TEXT and IMAGE."""

    PERSON = "PERSON"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    AGE = "AGE"
    STUDENT_ID = "STUDENT_ID"
    SSN = "SSN"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    ADDRESS = "ADDRESS"
    SOCIAL_HANDLE = "SOCIAL_HANDLE"
    GOV_ID = "GOV_ID"
    HEALTH = "HEALTH"
    GANG = "GANG"
    SOCIAL_MEDIA = "SOCIAL_MEDIA"
    IMMIGRATION = "IMMIGRATION"
    OFFICIAL = "OFFICIAL"
    SCHOOL = "SCHOOL"
    # brightline's own, for PDFs: text left under a black box by an earlier redaction; always redacted
    COVERED_TEXT = "COVERED_TEXT"
    # brightline's own, for PDFs and images: a picture OCR could not read with confidence; boxed whole, always
    IMAGE = "IMAGE"


PII_LABELS: frozenset[Label] = frozenset(
    {
        Label.PERSON, Label.DATE_OF_BIRTH, Label.AGE, Label.STUDENT_ID, Label.SSN, Label.PHONE,
        Label.EMAIL, Label.ADDRESS, Label.SOCIAL_HANDLE, Label.GOV_ID, Label.HEALTH,
    }
)
SENSITIVE_LABELS: frozenset[Label] = frozenset({Label.GANG, Label.SOCIAL_MEDIA, Label.IMMIGRATION})
CONTEXT_LABELS: frozenset[Label] = frozenset({Label.OFFICIAL, Label.SCHOOL})
# redacted whatever the policy: someone already tried to hide it, or nobody could read it
ALWAYS_REDACTED: frozenset[Label] = frozenset({Label.COVERED_TEXT, Label.IMAGE})


class RedactionStyle(StrEnum):
    """How a redacted span is written in a text copy."""

    PLACEHOLDER = "placeholder"  # [PERSON 1], numbered consistently within the document
    BLOCK = "block"  # █████, as long as the span
    FIXED = "fixed"  # [REDACTED]
    PSEUDONYM = "pseudonym"  # [PERSON 7f3a9c], keyed HMAC: stable across documents for one key


class Level(StrEnum):
    """Risk levels, lowest first."""

    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    CRITICAL = "CRITICAL"


class Decision(StrEnum):
    """What may be done with a document."""

    RELEASE = "release"
    RELEASE_REDACTED = "release-redacted"
    WITHHOLD = "withhold-for-legal-review"


@dataclass(frozen=True)
class Explanation:
    """Why a span was flagged: which detector, which rule, how sure, and what it means."""

    detector: str
    rule: str
    score: float
    category: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Finding:
    """A labelled span of a document's plain text (end exclusive) with its explanation."""

    label: Label
    start: int
    end: int
    text: str
    explanation: Explanation
    page: int = 1
    # the same person or value across mentions ("Mejia" and "MEJIA, Carlos"), for consistent placeholders
    entity: str | None = None

    @property
    def score(self) -> float:
        return self.explanation.score

    @property
    def detector(self) -> str:
        return self.explanation.detector

    @property
    def category(self) -> str | None:
        return self.explanation.category

    def to_json(self) -> dict[str, Any]:
        """The finding as LABELS.md's `screen --json` contract spells it."""
        return {
            "label": str(self.label),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 2),
            "detector": self.detector,
            "page": self.page,
        }


def page_label_counts(findings: list[Finding], labels: frozenset[Label], paged: bool) -> list[tuple[int | None, str, int]]:
    """(page, label, count) of the findings of `labels`, by page (None when the document has none), then label."""
    counts: dict[tuple[int | None, str], int] = {}
    for finding in findings:
        if finding.label in labels:
            key = (finding.page if paged else None, str(finding.label))
            counts[key] = counts.get(key, 0) + 1
    return [(page, label, count) for (page, label), count in sorted(counts.items(), key=lambda i: (i[0][0] or 0, i[0][1]))]


def label_counts(findings: list[Finding], labels: frozenset[Label]) -> dict[str, int]:
    """How many findings of each of `labels` there are (what a log or manifest keeps instead of the text)."""
    counts: dict[str, int] = {}
    for finding in findings:
        if finding.label in labels:
            counts[str(finding.label)] = counts.get(str(finding.label), 0) + 1
    return counts


@dataclass(frozen=True)
class RiskReason:
    """One factor of a risk score: its points, the evidence behind it and its legal basis."""

    factor: str
    points: int
    evidence: str
    basis: str

    def to_json(self) -> dict[str, Any]:
        return {"factor": self.factor, "points": self.points, "evidence": self.evidence, "basis": self.basis}


@dataclass(frozen=True)
class DecisionReason:
    """Why a document gets its decision: the rule, what it found, and its legal basis."""

    rule: str
    detail: str
    basis: str

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "detail": self.detail, "basis": self.basis}


@dataclass(frozen=True)
class Risk:
    """A document's risk score (0-100), its level and the reasons that add up to it."""

    score: int
    level: Level
    reasons: tuple[RiskReason, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "level": str(self.level),
            "reasons": [reason.to_json() for reason in self.reasons],
        }


@dataclass
class ScreenResult:
    """Everything brightline knows about one document after screening it."""

    path: str
    text: str
    findings: list[Finding] = field(default_factory=list)
    risk: Risk | None = None
    decision: Decision | None = None
    decision_reasons: tuple[DecisionReason, ...] = ()
    pages: int = 1
    error: str | None = None
    # a PDF's character boxes, kept for redaction; never part of the JSON output
    pdf: PdfText | None = field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        """One line of `screen --json` output (LABELS.md)."""
        if self.error is not None:
            return {"path": self.path, "error": self.error, "findings": []}
        assert self.risk is not None and self.decision is not None
        return {
            "path": self.path,
            "pages": self.pages,
            "findings": [finding.to_json() for finding in self.findings],
            "risk": self.risk.to_json(),
            "decision": str(self.decision),
            "decision_reasons": [reason.to_json() for reason in self.decision_reasons],
        }
