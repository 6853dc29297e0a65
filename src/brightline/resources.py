"""Locate the versioned data in models/: explicit path > BRIGHTLINE_MODELS_DIR > packaged copy > checkout."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

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


def load_data(relative: str, model: type[Model], root: Path | None = None) -> Model:
    """A YAML file of models/, validated by its pydantic model; a missing or bad file is an error naming it."""
    path = models_dir(root) / relative
    try:
        return model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except OSError:
        raise MissingModelError(f"data file {path.name} cannot be read.") from None
    except (yaml.YAMLError, ValidationError) as exc:
        raise MissingModelError(f"data file {path.name} is invalid: {str(exc).splitlines()[0]}") from None
