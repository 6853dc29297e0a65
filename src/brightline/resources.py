"""Locate the versioned data in models/: explicit path > BRIGHTLINE_MODELS_DIR > packaged copy > checkout."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import MissingModelError

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
