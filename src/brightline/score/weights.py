"""The risk weights in models/scoring: validated on load, one table for the whole scheme."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..law import FEDERAL, load_cited
from ..types import Level


class FactorWeight(BaseModel):
    """Points of one factor and the legal basis it is reported with."""

    model_config = ConfigDict(extra="forbid")

    points: int = Field(ge=0, le=100)
    basis: str = Field(min_length=3)
    cap: int | None = Field(default=None, ge=0, le=100)
    per_extra: int | None = None
    extra_cap: int | None = None
    min_categories: int | None = None
    with_gang: int | None = None


class FloorWeight(BaseModel):
    """A rule that lifts a document to at least a level."""

    model_config = ConfigDict(extra="forbid")

    level: Level
    basis: str = Field(min_length=3)


_FACTORS = {
    "immigration_status", "immigration_proxy", "linkability", "immigration_enforcement", "gang_label",
    "gang_indicator", "gang_routing", "social_media", "health", "identifiable_student", "age_out_window",
    "extra_students", "general_language", "cap", "no_named_student",
}
_FLOORS = {
    "immigration_about_student", "gang_from_social_media", "gang_or_health_about_student",
    "several_factors_about_student", "identifiable_student", "specific_unnamed_student",
}


class Weights(BaseModel):
    """models/scoring/weights.v2.yaml, each factor and floor with its citation in a jurisdiction's law."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: int = Field(ge=1)
    levels: dict[Level, int]
    content_cap: int = Field(ge=0, le=100)
    subject_cap: int = Field(ge=0, le=100)
    factors: dict[str, FactorWeight]
    floors: dict[str, FloorWeight]

    @model_validator(mode="after")
    def _complete(self) -> Weights:
        if set(self.factors) != _FACTORS:
            raise ValueError(f"factors must be exactly {sorted(_FACTORS)}")
        if set(self.floors) != _FLOORS:
            raise ValueError(f"floors must be exactly {sorted(_FLOORS)}")
        thresholds = [self.levels[level] for level in (Level.MEDIUM, Level.HIGH, Level.CRITICAL)]
        if thresholds != sorted(thresholds) or len(set(thresholds)) != 3:
            raise ValueError("level thresholds must rise: MEDIUM < HIGH < CRITICAL")
        return self

    def level_of(self, score: int) -> Level:
        """The level a score falls in (LABELS.md: LOW < 25 <= MEDIUM < 50 <= HIGH < 75 <= CRITICAL)."""
        for level in (Level.CRITICAL, Level.HIGH, Level.MEDIUM):
            if score >= self.levels[level]:
                return level
        return Level.LOW

    def floor_score(self, level: Level) -> int:
        return 0 if level is Level.LOW else self.levels[level]


@cache
def load_weights(jurisdiction: str = FEDERAL, root: Path | None = None) -> Weights:
    """Load and validate the weight table, cited in a jurisdiction's law; a bad file is an error naming it."""
    return load_cited("scoring/weights.v2.yaml", Weights, ("factors", "floors"), jurisdiction, root)
