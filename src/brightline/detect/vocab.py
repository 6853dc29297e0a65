"""Versioned rule sets from models/: loaded through pydantic, regexes compiled and checked on load.

A rule set is a YAML file:

    name: gang            # file stem without version
    version: 1
    label: GANG           # a LABELS.md label
    macros: {gang_name: ["MS-?13", ...]} # fragments used in patterns as {gang_name}
    suppress: [{id: ..., pattern: ...}]  # a match whose sentence matches one of these is dropped
    rules:
      - {id: gang_label, category: L, score: 0.9, pattern: "...", case_sensitive: false}

A rule's span is its whole match, or the named group ``span`` when the pattern has one. A pattern
or macro may be written as a list, one alternative per line (joined as an alternation), so that a
reviewer can read what a vocabulary matches.

The shipped rule sets are general (any US state); a profile a district turns on adds what only its
jurisdiction uses (detect/profiles.py).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import MissingModelError
from ..resources import models_dir, read_yaml, validated
from ..types import Label

if TYPE_CHECKING:
    from .profiles import Profile

_MACRO_REF = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def _alternation(value: Any) -> Any:
    """A list of alternatives, one per line in the file, as one regex alternation."""
    if isinstance(value, list):
        return "(?:" + "|".join(str(item) for item in value) + ")"
    return value


def joined_macros(macros: Any) -> Any:
    """Macros as written (a string, or a list of alternatives one per line) as regex fragments."""
    if not isinstance(macros, dict):
        return macros
    return {name: "|".join(map(str, v)) if isinstance(v, list) else v for name, v in macros.items()}


class RuleModel(BaseModel):
    """One pattern rule."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    pattern: str
    score: float = Field(default=0.85, ge=0.0, le=1.0)
    category: str | None = None
    case_sensitive: bool = False
    # the rule fires only when this pattern also matches within `window` characters either side
    requires: str | None = None
    window: int = Field(default=250, ge=0, le=2000)
    note: str | None = None

    _alternatives = field_validator("pattern", "requires", mode="before")(_alternation)


class SuppressModel(BaseModel):
    """A context that turns a rule set's matches off within one sentence."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    pattern: str
    case_sensitive: bool = False

    _alternatives = field_validator("pattern", mode="before")(_alternation)


class RuleSetModel(BaseModel):
    """A versioned file of rules for one label."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: int = Field(ge=1)
    label: Label
    description: str = ""
    categories: dict[str, str] = Field(default_factory=dict)
    macros: dict[str, str] = Field(default_factory=dict)
    suppress: list[SuppressModel] = Field(default_factory=list)
    rules: list[RuleModel] = Field(min_length=1)

    _macro_alternatives = field_validator("macros", mode="before")(joined_macros)

    @field_validator("rules")
    @classmethod
    def _unique_ids(cls, rules: list[RuleModel]) -> list[RuleModel]:
        seen: set[str] = set()
        for rule in rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        return rules

    @model_validator(mode="after")
    def _categories_declared(self) -> RuleSetModel:
        for rule in self.rules:
            if self.categories and rule.category not in self.categories:
                raise ValueError(f"rule {rule.id!r}: category {rule.category!r} is not declared")
        return self


class CompiledRule:
    """A rule with its macros expanded and its regex compiled."""

    def __init__(self, model: RuleModel, compiled: regex.Pattern[str], ref: str = "") -> None:
        self.id = model.id
        # how findings name the rule: "gang.v8:known_member", or a profile's "massachusetts.v1:gang.bric"
        self.ref = ref or model.id
        self.score = model.score
        self.category = model.category
        self.note = model.note
        self.regex = compiled
        self.has_span_group = "span" in compiled.groupindex
        self.requires: regex.Pattern[str] | None = None
        self.window = model.window

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of every match (the ``span`` group when the rule has one)."""
        found = []
        for match in self.regex.finditer(text):
            start, end = match.span("span") if self.has_span_group else match.span()
            if start < 0 or end <= start:
                continue
            if self.requires is not None:
                lo, hi = max(0, match.start() - self.window), min(len(text), match.end() + self.window)
                if not self.requires.search(text, lo, hi):
                    continue
            found.append((start, end))
        return found


class RuleSet:
    """A loaded, compiled rule set, with the rules and macro alternatives of a profile when one is on."""

    def __init__(self, model: RuleSetModel, profile: Profile | None = None) -> None:
        self.profile = profile
        added: list[RuleModel] = []
        if profile is not None:
            model, added = profile.merged(model)
        self.model = model
        self.label = model.label
        self.version = model.version
        try:
            self._compile({rule.id for rule in added})
        except MissingModelError as exc:
            if profile is None:
                raise
            raise MissingModelError(f"data file {profile.path.name} (with {self.ref}): {exc}") from None

    def _compile(self, added_ids: set[str]) -> None:
        model = self.model
        self.rules: list[CompiledRule] = []
        for rule_model in model.rules:
            ref = (f"{self.profile.ref}:{model.name}.{rule_model.id}"
                   if self.profile is not None and rule_model.id in added_ids else f"{self.ref}:{rule_model.id}")
            compiled = _compile(rule_model.pattern, model.macros, rule_model.case_sensitive, rule_model.id)
            rule = CompiledRule(rule_model, compiled, ref)
            if rule_model.requires is not None:
                rule.requires = _compile(rule_model.requires, model.macros, False, rule_model.id)
            self.rules.append(rule)
        self.suppressors = [_compile(s.pattern, model.macros, s.case_sensitive, s.id) for s in model.suppress]

    @property
    def ref(self) -> str:
        return f"{self.model.name}.v{self.version}"


def expand_macros(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    """Replace {name} references by their (group-wrapped) macro text, recursively."""
    if depth > 5:
        raise ValueError("macros nest too deeply")

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            return match.group(0)  # a regex quantifier such as {2} never matches this name pattern
        return "(?:" + expand_macros(macros[name], macros, depth + 1) + ")"

    return _MACRO_REF.sub(substitute, pattern)


def _compile(pattern: str, macros: dict[str, str], case_sensitive: bool, rule_id: str) -> regex.Pattern[str]:
    # VERSION0 on purpose: VERSION1's full case-folding makes case-insensitive patterns ~10x slower
    flags = regex.MULTILINE if case_sensitive else regex.MULTILINE | regex.IGNORECASE
    try:
        return regex.compile(expand_macros(pattern, macros), flags)
    except (regex.error, ValueError) as exc:
        raise MissingModelError(f"rule {rule_id!r} has an invalid pattern: {exc}") from None


def read_rule_set_model(path: Path) -> RuleSetModel:
    """One rule set file, validated but not compiled."""
    return validated(RuleSetModel, read_yaml(path), path)


def load_rule_set(path: Path, profile: Profile | None = None) -> RuleSet:
    """Load and validate one rule set file, with a profile's additions; a bad file is an error naming it."""
    return RuleSet(read_rule_set_model(path), profile)


@cache
def rule_set(relative: str, root: Path | None = None, profile: str | None = None) -> RuleSet:
    """A rule set by its path relative to models/ (``terms/gang.v8.yaml``) and a profile's additions, loaded once."""
    from .profiles import load_profile  # profiles build on rule sets: imported here, not at the top

    return load_rule_set(models_dir(root) / relative, load_profile(profile, root) if profile else None)
