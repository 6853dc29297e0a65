"""Run a batch: scan the source, skip what the manifest says is done, farm chunks out, write the twin.

The coordinator alone reads the source, writes outputs and keeps the manifest; workers (a local
process pool, or a Dask cluster) only screen and redact. Each output is written under a temporary
name and renamed into place after the worker verified it; its manifest row follows. A run killed at
any moment resumes where it stopped: temporary files it left are removed first.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import multiprocessing
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..config import Settings
from ..disclosure import sha256_file
from ..errors import BrightlineError, ConfigError
from ..files import remove_leftovers, withheld_copy, write_atomically, write_bytes
from ..ingest import is_paged, redacted_name
from ..law import load_law
from ..log import get_logger
from ..release import ReleaseOrder, held_for_review
from ..report.redaction_log import Redactions, write_redaction_log
from ..types import Decision
from .manifest import DONE, FAILED, Manifest, Row
from .progress import BatchProgress
from .sources import Entry, Limits, Refusal, scan
from .summary import write_summaries
from .worker import Outcome, process_chunk

log = get_logger("batch")
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class BatchReport:
    """Counts of a run, by how each input ended."""

    done: int = 0
    failed: int = 0
    refused: int = 0
    skipped: int = 0
    already_done: int = 0
    withheld: int = 0  # of those done or already done: held for legal review, outside the releasable tree
    released: int = 0  # of those done, with a release order: logged as released


@dataclass(frozen=True)
class _Placement:
    """Where a finished document's copy belongs: held for legal review (unless approved), or releasable."""

    keep_withheld: bool
    release: ReleaseOrder | None

    def held(self, decision: str | None, original_sha256: str | None) -> bool:
        return held_for_review(decision, original_sha256 or "", self.release)


def run_batch(source: Path, out: Path, settings: Settings, workers: int = 1, cluster: str | None = None,
              limits: Limits | None = None, quiet: bool = False, keep_withheld: bool = True,
              release: ReleaseOrder | None = None, log_by_hash: bool = False) -> BatchReport:
    """Screen and redact every document of `source` (folder or .zip) into `out`; resumable.

    A document held for legal review never lands in the releasable tree: its copy goes under
    `out/withheld/` for counsel (`keep_withheld`), or nowhere; with a release order, unless counsel
    approved it. With a release order every copy in the releasable tree is logged as released; a
    copy that cannot be logged is removed and its document failed. The redaction log lists every
    releasable copy (by name, or by the original's SHA-256 with `log_by_hash`).
    """
    if source.resolve() == out.resolve() or source.resolve().is_relative_to(out.resolve()):
        raise ConfigError("--out must not be the source folder or contain it: the originals would be overwritten.")
    out.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    manifest = Manifest(out)
    report = BatchReport()
    limits = limits or Limits()
    try:
        items = list(scan(source, limits, exclude=out))
        work = [item for item in items if isinstance(item, Entry)]
        progress = BatchProgress(len(work), quiet)
        with _executor(workers, cluster, settings) as executor, progress:
            for item in items:
                if isinstance(item, Refusal):
                    _remove(out, item.relative)
                    manifest.put(Row(item.relative, item.status, error=item.reason))
                    setattr(report, item.status, getattr(report, item.status) + 1)
            pending: dict[Any, dict[str, str]] = {}
            placement = _Placement(keep_withheld, release)
            fingerprint = _fingerprint(settings, release)
            record = partial(_record, out=out, manifest=manifest, report=report, placement=placement,
                             fingerprint=fingerprint, settings=settings)
            for chunk, hashes in _chunks(work, manifest, out, settings.batch_size, report, progress, placement,
                                         fingerprint):
                while len(pending) >= 2 * max(1, executor.capacity):
                    _collect(executor.wait_any(list(pending)), pending, record, progress)
                pending[executor.submit(chunk)] = hashes
            while pending:
                _collect(executor.wait_any(list(pending)), pending, record, progress)
        rows = list(manifest.rows())
        write_summaries(out, rows)
        released = [Redactions(row.sha256 if log_by_hash and row.sha256 else redacted_name(row.path), row.redactions)
                    for row in rows if row.status == DONE and not placement.held(row.decision, row.sha256)]
        write_redaction_log(out, released, settings.redaction_codes(), load_law(settings.jurisdiction))
    finally:
        manifest.close()
    return report


def _fingerprint(settings: Settings, release: ReleaseOrder | None) -> str:
    """The settings' fingerprint, and the release order's: a new release redoes (and logs) every file."""
    if release is None:
        return settings.fingerprint()
    return hashlib.sha256(f"{settings.fingerprint()} {release.fingerprint()}".encode()).hexdigest()


def _chunks(work: list[Entry], manifest: Manifest, out: Path, size: int, report: BatchReport, progress: BatchProgress,
            placement: _Placement, fingerprint: str) -> Iterator[tuple[list[tuple[str, bytes]], dict[str, str]]]:
    """Chunks of (name, bytes) still to do, with their SHA-256; a PDF or an image travels alone, texts together.

    Done means done under these settings: a copy made for another recipient, policy, style or release is redone.
    """
    chunk: list[tuple[str, bytes]] = []
    hashes: dict[str, str] = {}
    for entry in work:
        try:
            data = entry.read()
        except Exception as exc:  # noqa: BLE001 - an unreadable entry is that entry's failure only
            reason = (str(exc) if isinstance(exc, BrightlineError)
                      else f"{entry.relative}: cannot be read ({type(exc).__name__}).")
            _remove(out, entry.relative)  # fail closed: no copy of an earlier run stands for it
            manifest.put(Row(entry.relative, FAILED, error=reason))
            report.failed += 1
            progress.advance(0)
            continue
        digest = hashlib.sha256(data).hexdigest()
        row = manifest.get(entry.relative)
        if (row is not None and row.status == DONE and row.sha256 == digest and row.fingerprint == fingerprint
                and _output_intact(out, row, placement)):
            report.already_done += 1
            report.withheld += placement.held(row.decision, row.sha256)
            progress.advance(row.pages or 0)
            continue
        if is_paged(entry.relative):
            yield [(entry.relative, data)], {entry.relative: digest}
            continue
        chunk.append((entry.relative, data))
        hashes[entry.relative] = digest
        if len(chunk) >= size:
            yield chunk, hashes
            chunk, hashes = [], {}
    if chunk:
        yield chunk, hashes


def _collect(done: set[Any], pending: dict[Any, dict[str, str]], record: Callable[[Outcome, str], None],
             progress: BatchProgress) -> None:
    for future in done:
        hashes = pending.pop(future)
        try:
            outcomes: list[Outcome] = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker that died fails its chunk, never the run
            outcomes = [Outcome(name, error=f"{name}: the worker failed ({type(exc).__name__}).") for name in hashes]
        for outcome in outcomes:
            record(outcome, hashes[outcome.relative])
            progress.advance(outcome.pages or 0)


def _record(outcome: Outcome, digest: str, out: Path, manifest: Manifest, report: BatchReport, placement: _Placement,
            fingerprint: str, settings: Settings) -> None:
    row = Row(outcome.relative, FAILED, sha256=digest, findings=outcome.findings, redactions=outcome.redactions,
              pages=outcome.pages,
              risk_score=outcome.risk_score, risk_level=outcome.risk_level, decision=outcome.decision,
              error=outcome.error, fingerprint=fingerprint)
    _remove(out, outcome.relative)  # fail closed, and a copy now withheld must not stay releasable
    held = placement.held(outcome.decision, digest)
    if outcome.output is None or outcome.error is not None:
        report.failed += 1
        manifest.put(row)
        return
    target = _output(out, outcome.relative, held)
    if not held or placement.keep_withheld:
        write_atomically(target, partial(write_bytes, content=outcome.output))
        row.output_sha256 = hashlib.sha256(outcome.output).hexdigest()
    if not held and placement.release is not None:
        try:
            _log_release(outcome, digest, row, placement.release, settings)
        except Exception as exc:  # noqa: BLE001 - an unlogged copy is its file's failure, never the run's
            target.unlink(missing_ok=True)
            reason = str(exc) if isinstance(exc, BrightlineError) else type(exc).__name__
            row.output_sha256, row.error = None, f"{outcome.relative}: the release could not be logged ({reason})."
            report.failed += 1
            manifest.put(row)
            return
        report.released += 1
    row.status, row.error = DONE, None
    report.done += 1
    report.withheld += held
    manifest.put(row)


def _log_release(outcome: Outcome, digest: str, row: Row, release: ReleaseOrder, settings: Settings) -> None:
    """Record a released copy in the disclosure log; the row notes who approved a document legal review held."""
    assert outcome.decision is not None and row.output_sha256 is not None
    release.record(settings, original_sha256=digest, redacted_sha256=row.output_sha256, counts=outcome.findings,
                   decision=outcome.decision, risk_score=outcome.risk_score or 0, risk_level=outcome.risk_level or "")
    if outcome.decision == Decision.WITHHOLD and release.approval is not None:
        row.approved_by = release.approval.approved_by


def _output_intact(out: Path, row: Row, placement: _Placement) -> bool:
    """Whether a finished input's output is where this run would put it, as it was written."""
    held = placement.held(row.decision, row.sha256)
    if held and not placement.keep_withheld:
        return row.output_sha256 is None and not _output(out, row.path, True).exists()
    target = _output(out, row.path, held)
    return row.output_sha256 is not None and target.is_file() and sha256_file(target) == row.output_sha256


def _remove(out: Path, relative: str) -> None:
    """Remove an input's stale outputs, releasable and withheld; only inside `out` (a refused name may point anywhere)."""
    for withheld in (False, True):
        target = _output(out, relative, withheld).resolve()
        if target.is_relative_to(out.resolve()) and target != out.resolve():
            target.unlink(missing_ok=True)


def _output(out: Path, relative: str, withheld: bool = False) -> Path:
    """Where the redacted copy of an input goes (an image's copy is a PDF; a withheld one under withheld/)."""
    return withheld_copy(out, redacted_name(relative)) if withheld else out / redacted_name(relative)


class _Executor(ABC):
    """Where chunks run: submit one, wait for any to finish."""

    capacity: int  # chunks that can run at once

    @abstractmethod
    def submit(self, chunk: list[tuple[str, bytes]]) -> Any:
        """Start a chunk; a future whose result() is its list of outcomes."""

    @abstractmethod
    def wait_any(self, futures: list[Any]) -> set[Any]:
        """The futures that have finished, once at least one has."""

    @abstractmethod
    def close(self) -> None:
        """Stop the workers (or the connection to them)."""

    def __enter__(self) -> _Executor:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class _LocalPool(_Executor):
    """Processes on this machine, each loading the pipeline once."""

    def __init__(self, workers: int, settings: Settings) -> None:
        self.capacity = workers
        self.settings = settings
        # one math thread per worker, as Dask runs them: no oversubscription, and the same floating-point
        # sums (so the same findings) on a cluster as here; the workers inherit this environment
        self.saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
        os.environ.update(dict.fromkeys(_THREAD_VARIABLES, "1"))
        self.pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    def submit(self, chunk: list[tuple[str, bytes]]) -> Any:
        return self.pool.submit(process_chunk, chunk, self.settings)

    def wait_any(self, futures: list[Any]) -> set[Any]:
        done, _ = concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED)
        return done

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        for name, value in self.saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _DaskCluster(_Executor):
    """An existing Dask distributed cluster; its workers load the pipeline once each."""

    def __init__(self, address: str, settings: Settings) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("--cluster needs Dask distributed: pip install 'dask[distributed]'.") from None
        try:
            self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}).") from None
        self.capacity = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))
        self.settings = self.client.scatter(settings, broadcast=True)

    def submit(self, chunk: list[tuple[str, bytes]]) -> Any:
        return self.client.submit(process_chunk, chunk, self.settings, pure=False)

    def wait_any(self, futures: list[Any]) -> set[Any]:
        from distributed import wait

        return set(wait(futures, return_when="FIRST_COMPLETED").done)

    def close(self) -> None:
        self.client.close()


def _executor(workers: int, cluster: str | None, settings: Settings) -> _Executor:
    return _DaskCluster(cluster, settings) if cluster else _LocalPool(max(1, workers), settings)
