"""Release policies: per recipient, which labels are redacted, in which style, and when to withhold.

A policy file is YAML, validated on load; a malformed one is a ConfigError naming the file and the
line, never a silent fallback to the defaults.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .context import Recipient
from .errors import ConfigError
from .resources import models_dir, read_yaml_text
from .types import CONTEXT_LABELS, PII_LABELS, SENSITIVE_LABELS, Label, Level, RedactionStyle

_GROUPS: dict[str, frozenset[Label]] = {"PII": PII_LABELS, "SENSITIVE": SENSITIVE_LABELS, "CONTEXT": CONTEXT_LABELS}
DEFAULT_POLICY_FILE = "default.v2.yaml"


class Policy(BaseModel):
    """What one kind of recipient gets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = Field(min_length=3)
    redact: frozenset[Label]
    style: RedactionStyle = RedactionStyle.PLACEHOLDER
    withhold_at: Level = Level.HIGH
    # the legal-basis code a redaction of a label (or group) carries; the jurisdiction's law codes the rest
    codes: dict[Label, str] = Field(default_factory=dict)

    @field_validator("redact", mode="before")
    @classmethod
    def _expand_groups(cls, value: object) -> object:
        if not isinstance(value, list):
            return value
        labels: set[object] = set()
        for item in value:
            labels |= _GROUPS.get(item, {item}) if isinstance(item, str) else {item}
        return labels

    @field_validator("codes", mode="before")
    @classmethod
    def _expand_code_groups(cls, value: object) -> object:
        return expand_groups(value)


def expand_groups(value: object) -> object:
    """A mapping keyed by labels or groups (PII, SENSITIVE) keyed by labels only; a label named alone wins."""
    if not isinstance(value, dict):
        return value
    expanded: dict[object, object] = {}
    for key, item in value.items():
        for label in _GROUPS.get(key, ()) if isinstance(key, str) else ():
            expanded[label] = item
    expanded.update({key: item for key, item in value.items() if key not in _GROUPS})
    return expanded


class PolicySet(BaseModel):
    """A policy file: named policies and the one each recipient gets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    version: int = Field(ge=1)
    policies: dict[str, Policy]
    recipients: dict[Recipient, str]

    @model_validator(mode="after")
    def _complete(self) -> PolicySet:
        missing = [str(r) for r in Recipient if r not in self.recipients]
        if missing:
            raise ValueError(f"recipients without a policy: {', '.join(missing)}")
        unknown = sorted({p for p in self.recipients.values() if p not in self.policies})
        if unknown:
            raise ValueError(f"recipients point to undefined policies: {', '.join(unknown)}")
        return self

    def for_recipient(self, recipient: Recipient) -> tuple[str, Policy]:
        """The name and the policy a recipient gets."""
        name = self.recipients[recipient]
        return name, self.policies[name]


def load_policy(path: Path) -> PolicySet:
    """Load an office's policy file: ConfigError naming the file and line when anything is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"policy file {path}: cannot be read ({type(exc).__name__}).") from None
    return _parse(text, str(path))


@cache
def default_policy() -> PolicySet:
    """The policies brightline ships (models/policies/default.v2.yaml)."""
    path = models_dir() / "policies" / DEFAULT_POLICY_FILE
    return _parse(path.read_text(encoding="utf-8"), path.name)


def _parse(text: str, name: str) -> PolicySet:
    try:
        tree = yaml.compose(text)
        data = read_yaml_text(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax"
        raise ConfigError(f"policy file {name}{where}: not valid YAML ({problem}).") from None
    try:
        return PolicySet.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        line = _line_of(tree, error["loc"])
        field = ".".join(str(part) for part in error["loc"]) or "top level"
        where = f", line {line}" if line else ""
        raise ConfigError(f"policy file {name}{where}: {field}: {error['msg']}.") from None


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the YAML node a validation error points to (as deep as the path exists)."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if str(k.value) == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            match = node.value[part]
        else:
            match = None
        if match is None:
            break
        node, line = match, match.start_mark.line + 1
    return line
