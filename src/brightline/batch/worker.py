"""The work a batch worker does: screen and redact a chunk of documents with a pipeline loaded once.

The same function runs in a local process pool and on Dask workers. Inputs arrive as bytes and
outputs leave as bytes: a worker needs no shared file system, and an original never touches its disk.
A PDF's redacted copy is built and verified in a private temporary folder that is always removed.
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..errors import BrightlineError
from ..pipeline import Pipeline
from ..types import ScreenResult, label_counts, page_label_counts

_PIPELINES: dict[str, Pipeline] = {}  # one per process and settings: the model is loaded once


@dataclass
class Outcome:
    """How one document ended: its redacted bytes, or the reason it has none."""

    relative: str
    output: bytes | None = None
    error: str | None = None
    findings: dict[str, int] = field(default_factory=dict)
    redactions: list[tuple[int | None, str, int]] = field(default_factory=list)  # (page, label, count)
    pages: int | None = None
    risk_score: int | None = None
    risk_level: str | None = None
    decision: str | None = None


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's pipeline for these settings, loaded on first use."""
    key = hashlib.sha256(pickle.dumps(settings)).hexdigest()
    if key not in _PIPELINES:
        _PIPELINES.clear()
        _PIPELINES[key] = Pipeline(settings)
    return _PIPELINES[key]


def process_chunk(chunk: list[tuple[str, bytes]], settings: Settings) -> list[Outcome]:
    """Screen a chunk together (spaCy batches it) and redact each document; failures are outcomes, never raises."""
    try:
        pipeline = pipeline_for(settings)
        return [_redact(pipeline, result) for result in pipeline.screen_sources(chunk)]
    except Exception as exc:  # noqa: BLE001 - never raise: a scheduler's report of a failed task shows its arguments
        reason = str(exc) if isinstance(exc, BrightlineError) else f"the worker failed ({type(exc).__name__})"
        return [Outcome(name, error=f"{name}: {reason}") for name, _ in chunk]


def _redact(pipeline: Pipeline, result: ScreenResult) -> Outcome:
    outcome = Outcome(relative=result.path, error=result.error, pages=result.pages)
    if result.error is not None or result.risk is None:
        return outcome
    outcome.findings = label_counts(result.findings, pipeline.settings.labels)
    outcome.redactions = page_label_counts(result.findings, pipeline.settings.labels,
                                            result.pdf is not None)
    outcome.risk_score, outcome.risk_level = result.risk.score, str(result.risk.level)
    outcome.decision = str(result.decision)
    try:
        if result.pdf is not None:
            with tempfile.TemporaryDirectory(prefix="brightline-") as folder:
                target = Path(folder) / "redacted.pdf"
                pipeline.redact_pdf(result, target)  # verified; removed on any failure
                outcome.output = target.read_bytes()
        else:
            outcome.output = pipeline.redact(result).encode("utf-8")
    except BrightlineError as exc:
        outcome.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - reported by type only: a message could quote the document
        outcome.error = f"{result.path}: internal error ({type(exc).__name__}); nothing was written."
    return outcome
