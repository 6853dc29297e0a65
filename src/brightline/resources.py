"""Locate the versioned data in models/: explicit path > BRIGHTLINE_MODELS_DIR > packaged copy > checkout."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import MissingModelError

Model = TypeVar("Model", bound=BaseModel)

ENV_VAR = "BRIGHTLINE_MODELS_DIR"


def models_dir(explicit: Path | None = None) -> Path:
    """The folder holding brightline's vocabularies, patterns and weights."""
    candidates: list[Path] = []
    if explicit is not None:
        candidates.append(explicit)
    if os.environ.get(ENV_VAR):
        candidates.append(Path(os.environ[ENV_VAR]))
    here = Path(__file__).resolve().parent
    candidates += [here / "_models", here.parents[1] / "models"]
    for candidate in candidates:
        if (candidate / "terms").is_dir():
            return candidate
    raise MissingModelError("brightline's data folder (models/) was not found; reinstall brightline.")


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, but a key written twice in one mapping is an error, not a silent override."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is written twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml_text(text: str) -> Any:
    """Data files' and policy files' YAML: the safe subset, with no key written twice in one mapping."""
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


def read_yaml(path: Path) -> Any:
    """A data file's YAML; an unreadable or malformed file is an error naming it."""
    try:
        return read_yaml_text(path.read_text(encoding="utf-8"))
    except OSError:
        raise MissingModelError(f"data file {path.name} cannot be read.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise MissingModelError(f"data file {path.name} is not valid YAML{where}.") from None


def validated(model: type[Model], raw: Any, path: Path, strip: str = "") -> Model:
    """`raw` as `model`, or an error naming the file and the first invalid field (`strip` drops a leading key)."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(p) for p in first["loc"]]
        if strip and loc[:1] == [strip]:
            loc = loc[1:]
        where = ".".join(loc)
        raise MissingModelError(f"data file {path.name} is invalid at {where}: {first['msg']}.") from None


def load_data(relative: str, model: type[Model], root: Path | None = None) -> Model:
    """A YAML file of models/, validated by its pydantic model; a missing or bad file is an error naming it."""
    path = models_dir(root) / relative
    return validated(model, read_yaml(path), path)
