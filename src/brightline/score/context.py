"""Move a document's risk for its release context: recipient and basis points, then the overrides.

The default context (police, no basis) moves nothing: its levels are the ones LABELS.md gives. A
judicial basis never adds points, positive points only apply to documents about an identifiable
student, and the overrides lift to CRITICAL whatever the points say.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..context import Basis, Recipient, RequestContext
from ..law import FEDERAL, load_cited
from ..types import Level, Risk, RiskReason
from .weights import Weights

OVERRIDES = ("protected_to_gang_database", "immigration_without_judicial_order", "immigration_identifier_beyond_family")


class RecipientWeight(BaseModel):
    """Points and nature of one recipient."""

    model_config = ConfigDict(extra="forbid")

    points: int = Field(ge=-100, le=100)
    basis: str = Field(min_length=3)
    law_enforcement: bool = False
    gang_database: bool = False
    immigration: bool = False
    family: bool = False


class BasisWeight(BaseModel):
    """Points of one legal basis; a judicial one never adds any."""

    model_config = ConfigDict(extra="forbid")

    points: int = Field(ge=-100, le=100)
    basis: str = Field(min_length=3)
    judicial: bool = False

    @model_validator(mode="after")
    def _judicial_never_raises(self) -> BasisWeight:
        if self.judicial and self.points > 0:
            raise ValueError("a judicial basis cannot add points")
        return self


class Override(BaseModel):
    """A rule that forces CRITICAL."""

    model_config = ConfigDict(extra="forbid")

    basis: str = Field(min_length=3)


class ContextTable(BaseModel):
    """models/scoring/context.v2.yaml, each entry with its citation in a jurisdiction's law."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: int = Field(ge=1)
    recipients: dict[Recipient, RecipientWeight]
    bases: dict[Basis, BasisWeight]
    overrides: dict[str, Override]

    @model_validator(mode="after")
    def _complete(self) -> ContextTable:
        if set(self.recipients) != set(Recipient) or set(self.bases) != set(Basis):
            raise ValueError("every recipient and every basis needs an entry")
        if set(self.overrides) != set(OVERRIDES):
            raise ValueError(f"overrides must be exactly {list(OVERRIDES)}")
        if self.recipients[Recipient.POLICE].points or self.bases[Basis.NONE].points:
            raise ValueError("the default context (police, none) must move nothing: LABELS.md levels are given for it")
        return self


@dataclass(frozen=True)
class Facts:
    """What the content score found that the context rules need."""

    identifiable: bool  # a student a reader can identify
    protected: bool  # M.G.L. c.71 §37L categories (immigration, national origin, gang) about a specific student
    immigration_identifier: bool  # an A-number, visa or similar


@cache
def load_context_table(jurisdiction: str = FEDERAL, root: Path | None = None) -> ContextTable:
    """Load and validate the context table, cited in a jurisdiction's law; a bad file is an error naming it."""
    return load_cited("scoring/context.v2.yaml", ContextTable, ("recipients", "bases", "overrides"), jurisdiction,
                      root)


def apply_context(risk: Risk, facts: Facts, context: RequestContext, table: ContextTable, weights: Weights) -> Risk:
    """The risk for this recipient and basis: its reasons still add up to its score."""
    recipient, basis = table.recipients[context.recipient], table.bases[context.basis]
    reasons = list(risk.reasons)
    score = risk.score
    for factor, weight, name in (("recipient", recipient, context.recipient), ("legal_basis", basis, context.basis)):
        points = weight.points if weight.points < 0 or facts.identifiable else 0
        points = max(-score, min(100 - score, points))  # stays within 0..100
        if points:
            reasons.append(RiskReason(factor, points, f"{factor.replace('_', ' ')}: {name}", weight.basis))
            score += points
    critical = weights.levels[Level.CRITICAL]
    for name in _overrides(facts, context, table):
        lift = max(0, critical - score)
        reasons.append(RiskReason(f"override:{name}", lift, "forces CRITICAL", table.overrides[name].basis))
        score += lift
    return Risk(score=score, level=weights.level_of(score), reasons=tuple(reasons))


def _overrides(facts: Facts, context: RequestContext, table: ContextTable) -> list[str]:
    recipient, basis = table.recipients[context.recipient], table.bases[context.basis]
    fired = []
    if recipient.gang_database and facts.protected:
        fired.append("protected_to_gang_database")
    if recipient.immigration and not basis.judicial and facts.identifiable:
        fired.append("immigration_without_judicial_order")
    if facts.immigration_identifier and not recipient.family:
        fired.append("immigration_identifier_beyond_family")
    return fired
