"""The release decision: from the risk in its context, the overrides and the recipient's policy."""

from __future__ import annotations

from collections import Counter

from ..law import Law, load_law
from ..policy import Policy
from ..types import ALWAYS_REDACTED, Decision, DecisionReason, Finding, Level, Risk

_ORDER = [Level.LOW, Level.MEDIUM, Level.HIGH, Level.CRITICAL]


def decide(
    risk: Risk, findings: list[Finding], policy_name: str, policy: Policy, law: Law | None = None,
) -> tuple[Decision, tuple[DecisionReason, ...]]:
    """release, release-redacted or withhold-for-legal-review, each with its reasons and their legal basis.

    A shipped policy is reported with the jurisdiction's law (default: the federal baseline); an
    office's policy of another name with its own description.
    """
    law = law or load_law()
    policy_basis = law.cite("policies", policy_name) or policy.description
    overrides = [r for r in risk.reasons if r.factor.startswith("override:")]
    if overrides:
        return Decision.WITHHOLD, tuple(
            DecisionReason(r.factor, "forces legal review whatever is redacted", r.basis) for r in overrides
        )
    if _ORDER.index(risk.level) >= _ORDER.index(policy.withhold_at):
        return Decision.WITHHOLD, (DecisionReason(
            "risk_level", f"risk {risk.level} reaches the {policy_name} policy's review level {policy.withhold_at}",
            policy_basis),)
    redacted = Counter(str(f.label) for f in findings if f.label in policy.redact or f.label in ALWAYS_REDACTED)
    if redacted:
        counts = ", ".join(f"{label} {count}" for label, count in sorted(redacted.items()))
        return Decision.RELEASE_REDACTED, (DecisionReason(
            "redaction", f"redacted under the {policy_name} policy: {counts}", policy_basis),)
    return Decision.RELEASE, (DecisionReason("nothing_to_redact", "no student PII or sensitive language to redact",
                                             law.require("decisions", "nothing_to_redact")),)
