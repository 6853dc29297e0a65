"""The release decision: from the risk in its context, the overrides and the recipient's policy."""

from __future__ import annotations

from collections import Counter

from ..policy import Policy
from ..types import ALWAYS_REDACTED, Decision, DecisionReason, Finding, Level, Risk

_ORDER = [Level.LOW, Level.MEDIUM, Level.HIGH, Level.CRITICAL]
_NO_PII_BASIS = "FERPA 34 CFR 99.3, 99.31(b)(1): no personally identifiable information found"


def decide(
    risk: Risk, findings: list[Finding], policy_name: str, policy: Policy,
) -> tuple[Decision, tuple[DecisionReason, ...]]:
    """release, release-redacted or withhold-for-legal-review, each with its reasons and their legal basis."""
    overrides = [r for r in risk.reasons if r.factor.startswith("override:")]
    if overrides:
        return Decision.WITHHOLD, tuple(
            DecisionReason(r.factor, "forces legal review whatever is redacted", r.basis) for r in overrides
        )
    if _ORDER.index(risk.level) >= _ORDER.index(policy.withhold_at):
        return Decision.WITHHOLD, (DecisionReason(
            "risk_level", f"risk {risk.level} reaches the {policy_name} policy's review level {policy.withhold_at}",
            policy.description),)
    redacted = Counter(str(f.label) for f in findings if f.label in policy.redact or f.label in ALWAYS_REDACTED)
    if redacted:
        counts = ", ".join(f"{label} {count}" for label, count in sorted(redacted.items()))
        return Decision.RELEASE_REDACTED, (DecisionReason(
            "redaction", f"redacted under the {policy_name} policy: {counts}", policy.description),)
    return Decision.RELEASE, (DecisionReason("nothing_to_redact", "no student PII or sensitive language to redact",
                                             _NO_PII_BASIS),)
