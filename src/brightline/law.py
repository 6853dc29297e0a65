"""Jurisdictions: the law each reason cites and the code each redaction carries, per place, as data.

models/law/federal.v1.yaml is the baseline every district shares; a state's file extends it, and its
citations come before the federal ones (they add, never replace). Risk factors, floors, recipients,
legal bases, overrides, the shipped policies and the decisions are all cited from here, so a district
outside Massachusetts never gets Massachusetts reasons.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .errors import ConfigError, MissingModelError
from .policy import expand_groups
from .resources import Model, models_dir, read_yaml, validated
from .types import Label

FEDERAL = "federal"
JURISDICTION_ENV = "BRIGHTLINE_JURISDICTION"
SECTIONS = ("factors", "floors", "recipients", "bases", "overrides", "policies", "decisions")


class LawFile(BaseModel):
    """One file of models/law."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    version: int = Field(ge=1)
    title: str = Field(min_length=2)
    extends: str | None = None
    citations: dict[str, dict[str, str]]
    codes: dict[Label, str] = Field(default_factory=dict)
    titles: dict[str, str] = Field(default_factory=dict)

    @field_validator("citations")
    @classmethod
    def _known_sections(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        unknown = sorted(set(value) - set(SECTIONS))
        if unknown:
            raise ValueError(f"unknown sections {unknown}; the sections are {list(SECTIONS)}")
        return value

    @field_validator("codes", mode="before")
    @classmethod
    def _expand_groups(cls, value: object) -> object:
        return expand_groups(value)


class Law:
    """A jurisdiction's citations (its own, then the federal baseline's) and its redaction codes."""

    def __init__(self, own: LawFile, federal: LawFile) -> None:
        self.name, self.title = own.name, own.title
        self._layers = [own, federal] if own is not federal else [federal]

    def cite(self, section: str, key: str) -> str:
        """Every layer's citation for one entry, the jurisdiction's first ("" when none cites it)."""
        parts = [layer.citations.get(section, {}).get(key) for layer in self._layers]
        return "; ".join(part for part in parts if part)

    def require(self, section: str, key: str) -> str:
        """The citation of an entry the scoring needs: the federal baseline must cite every one."""
        citation = self.cite(section, key)
        if not citation:
            raise MissingModelError(f"data file {FEDERAL}.v1.yaml cites nothing for {section}.{key}.")
        return citation

    def code(self, label: Label) -> str | None:
        """The legal-basis code a redaction of `label` carries (the jurisdiction's own, else the federal one)."""
        return next((layer.codes[label] for layer in self._layers if label in layer.codes), None)

    def code_title(self, code: str) -> str:
        """What a code stands for."""
        return next((layer.titles[code] for layer in self._layers if code in layer.titles), code)


def jurisdictions(root: Path | None = None) -> list[str]:
    """The jurisdictions brightline ships (models/law/<name>.v<N>.yaml)."""
    return sorted({path.name.split(".v")[0] for path in (models_dir(root) / "law").glob("*.v*.yaml")})


@cache
def load_law(name: str = FEDERAL, root: Path | None = None) -> Law:
    """A jurisdiction's law; an unknown name is a ConfigError listing the known ones."""
    federal = _read(FEDERAL, root)
    if name == FEDERAL:
        return Law(federal, federal)
    own = _read(name, root)
    if own.extends != FEDERAL:
        raise ConfigError(f"jurisdiction {name}: it must extend the federal baseline (extends: {FEDERAL}).")
    for section, entries in own.citations.items():
        unknown = sorted(set(entries) - set(federal.citations.get(section, {})))
        if unknown:
            raise ConfigError(f"jurisdiction {name} cites {section} the federal baseline does not: {', '.join(unknown)}.")
    return Law(own, federal)


def _read(name: str, root: Path | None) -> LawFile:
    files = sorted((models_dir(root) / "law").glob(f"{name}.v*.yaml"))
    if not files:
        known = ", ".join(jurisdictions(root))
        raise ConfigError(f"no jurisdiction named {name!r}; brightline ships {known}.")
    return validated(LawFile, read_yaml(files[-1]), files[-1])


def load_cited(relative: str, model: type[Model], sections: tuple[str, ...], jurisdiction: str,
               root: Path | None = None) -> Model:
    """A data file of models/ whose entries in `sections` get their `basis` from the jurisdiction's law."""
    law = load_law(jurisdiction, root)
    path = models_dir(root) / relative
    raw = read_yaml(path)
    for section in sections:
        entries = (raw.get(section) or {}) if isinstance(raw, dict) else {}
        for key, entry in entries.items():
            if isinstance(entry, dict):
                entry["basis"] = law.require(section, str(key))
    return validated(model, raw, path)
