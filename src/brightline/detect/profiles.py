"""Profiles: what a district turns on beyond the general (any US state) vocabularies.

A profile, models/profiles/<name>.v<N>.yaml, names per rule set ``rules`` appended to the set (their
findings name the profile: ``massachusetts.v1:gang.bric``) and ``macros`` whose alternatives are
appended to the set's macro of the same name: the names of a district's own gang units, agencies
and programmes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import ConfigError, MissingModelError
from ..resources import models_dir, read_yaml, validated
from .vocab import RuleModel, RuleSet, RuleSetModel, joined_macros, read_rule_set_model

PROFILES = "profiles"
_PROFILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_PROFILE_KEYS = ("name", "version", "description")


class ProfileSectionModel(BaseModel):
    """A profile's additions to one rule set."""

    model_config = ConfigDict(extra="forbid")

    # appended to the rule set, same schema as its rules; ids must not clash
    rules: list[RuleModel] = Field(default_factory=list)
    # each alternative is appended to the rule set's macro of the same name
    macros: dict[str, str] = Field(default_factory=dict)

    _macro_alternatives = field_validator("macros", mode="before")(joined_macros)


class ProfileModel(BaseModel):
    """models/profiles/<name>.v<N>.yaml: name, version, description and one block per rule set."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=_PROFILE_NAME.pattern)
    version: int = Field(ge=1)
    description: str
    rule_sets: dict[str, ProfileSectionModel] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _sections(cls, data: Any) -> Any:
        """Every key but name, version and description is a rule set's name (``gang:``, ``address:``)."""
        if not isinstance(data, dict):
            return data
        return {**{k: v for k, v in data.items() if k in _PROFILE_KEYS},
                "rule_sets": {k: v for k, v in data.items() if k not in _PROFILE_KEYS}}


class Profile:
    """A validated profile and the file it came from."""

    def __init__(self, model: ProfileModel, path: Path) -> None:
        self.model = model
        self.path = path

    @property
    def ref(self) -> str:
        return f"{self.model.name}.v{self.model.version}"

    def merged(self, base: RuleSetModel) -> tuple[RuleSetModel, list[RuleModel]]:
        """The base rule set with this profile's macro alternatives and rules, and the rules added."""
        section = self.model.rule_sets.get(base.name)
        if section is None:
            return base, []
        where = f"data file {self.path.name}"
        macros = dict(base.macros)
        for name, alternatives in section.macros.items():
            if name not in macros:
                raise MissingModelError(f"{where}: {base.name}.v{base.version} has no macro {name!r} to add to.")
            macros[name] = f"{macros[name]}|{alternatives}"
        ids = {rule.id for rule in base.rules}
        for rule in section.rules:
            if rule.id in ids:
                raise MissingModelError(f"{where}: rule id {rule.id!r} is already a rule of {base.name}.v{base.version}.")
            if base.categories and rule.category not in base.categories:
                raise MissingModelError(f"{where}: rule {rule.id!r}: category {rule.category!r} is not one of "
                                        f"{base.name}.v{base.version}'s.")
            ids.add(rule.id)
        merged = base.model_copy(update={"macros": macros, "rules": [*base.rules, *section.rules]})
        return merged, list(section.rules)


def rule_set_files(root: Path | None = None) -> dict[str, Path]:
    """Each rule set's name and its file (the highest version when several are present)."""
    files: dict[str, Path] = {}
    for folder in ("terms", "patterns"):
        for path in sorted((models_dir(root) / folder).glob("*.v*.yaml"), key=_version):
            files[path.name.split(".v")[0]] = path
    return files


def available_profiles(root: Path | None = None) -> list[str]:
    """The names of the profiles in models/profiles."""
    folder = models_dir(root) / PROFILES
    return sorted({path.name.split(".v")[0] for path in folder.glob("*.v*.yaml")}) if folder.is_dir() else []


def read_profile(path: Path, root: Path | None = None) -> Profile:
    """Load and validate one profile against the rule sets it adds to; a bad one is an error naming the file."""
    model = validated(ProfileModel, read_yaml(path), path, strip="rule_sets")
    if path.name != f"{model.name}.v{model.version}.yaml":
        raise MissingModelError(f"data file {path.name} declares name {model.name!r} and version {model.version}.")
    profile = Profile(model, path)
    files = rule_set_files(root)
    for name in model.rule_sets:
        if name not in files:
            raise MissingModelError(f"data file {path.name}: {name!r} is not a rule set (they are "
                                    f"{', '.join(sorted(files))}).")
        RuleSet(read_rule_set_model(files[name]), profile)  # clashes, unknown macros, bad patterns
    return profile


@cache
def load_profile(name: str, root: Path | None = None) -> Profile:
    """The profile models/profiles/<name>.v<N>.yaml (its highest version), validated; loaded once."""
    folder = models_dir(root) / PROFILES
    paths = sorted(folder.glob(f"{name}.v*.yaml"), key=_version) if _PROFILE_NAME.match(name) else []
    paths = [path for path in paths if path.name.split(".v")[0] == name]
    if not paths:
        known = available_profiles(root)
        raise ConfigError(f"unknown profile {name!r}; the profiles are: {', '.join(known) or 'none'}.")
    return read_profile(paths[-1], root)


def _version(path: Path) -> int:
    match = re.search(r"\.v(\d+)\.yaml$", path.name)
    return int(match.group(1)) if match else 0
