"""A release order: who releases, why, and which documents held for legal review counsel approved.

`redact` and `batch` share it. Approval is bound to content: counsel names each document (or its
SHA-256), and only a document whose bytes still hash to an approved value is released; the
disclosure log records the approver beside the release.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .config import Settings
from .disclosure import DisclosureLog, Release, sha256_file
from .errors import ConfigError
from .types import Decision

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Approval:
    """Counsel's approval to release documents held for legal review, each named by its SHA-256."""

    approved_by: str
    note: str
    documents: frozenset[str]


@dataclass(frozen=True)
class ReleaseOrder:
    """What every release of a run shares; the recipient, basis and policy are the run's settings."""

    released_by: str
    purpose: str
    releaser_role: str = "records officer"
    affiliation: str = ""
    approval: Approval | None = None
    log: DisclosureLog | None = field(default=None, compare=False, repr=False)  # where releases are recorded
    used: set[str] = field(default_factory=set, compare=False, repr=False)  # approvals that released a document

    def approves(self, original_sha256: str) -> bool:
        """Whether counsel approved these bytes for this release."""
        return self.approval is not None and original_sha256 in self.approval.documents

    def unused_approvals(self) -> int:
        """Approved documents that no held document of the run matched (a wrong file, or one since edited)."""
        return len(self.approval.documents - self.used) if self.approval else 0

    def fingerprint(self) -> str:
        """A digest of the order: a batch released under another one is released (and logged) again."""
        approval = self.approval
        order = {"released_by": self.released_by, "purpose": self.purpose, "role": self.releaser_role,
                 "affiliation": self.affiliation,
                 "approval": approval and [approval.approved_by, approval.note, sorted(approval.documents)]}
        return hashlib.sha256(json.dumps(order, sort_keys=True).encode()).hexdigest()

    def record(self, settings: Settings, *, original_sha256: str, redacted_sha256: str, counts: dict[str, int],
               decision: str, risk_score: int, risk_level: str) -> None:
        """Log one release; a held document's row names who approved it and why."""
        if self.log is None:
            raise ConfigError("a release needs its disclosure log.")
        approved = decision == Decision.WITHHOLD and self.approves(original_sha256)
        if approved:
            self.used.add(original_sha256)
        policy_name, _ = settings.recipient_policy
        self.log.record(Release(
            released_by=self.released_by, releaser_role=self.releaser_role, recipient=str(settings.recipient),
            recipient_affiliation=self.affiliation, basis=str(settings.basis), purpose=self.purpose,
            policy=f"{settings.policies.name} v{settings.policies.version}: {policy_name}",
            original_sha256=original_sha256, redacted_sha256=redacted_sha256, redacted_counts=counts,
            decision=decision, risk_score=risk_score, risk_level=risk_level, tool_version=__version__,
            approved_by=self.approval.approved_by if approved and self.approval else "",
            approval_note=self.approval.note if approved and self.approval else "",
        ))


def held_for_review(decision: str | None, original_sha256: str, release: ReleaseOrder | None) -> bool:
    """Whether a screened document stays held: legal review's decision, unless counsel approved these bytes."""
    return decision == Decision.WITHHOLD and not (release is not None and release.approves(original_sha256))


def approved_documents(values: tuple[str, ...]) -> frozenset[str]:
    """The SHA-256 of each approved document: given as the hash itself, or as the file, hashed now."""
    hashes = set()
    for value in values:
        if _SHA256.fullmatch(value.lower()):
            hashes.add(value.lower())
        elif Path(value).is_file():
            hashes.add(sha256_file(Path(value)))
        else:
            raise ConfigError(f"--approve {value}: neither a file nor a SHA-256 (64 hexadecimal digits).")
    return frozenset(hashes)
