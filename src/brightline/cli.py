"""The `brightline` command: a thin layer over the library. Only `main` exits.

Exit codes: 0 ok; 1 bad arguments; 2 an input file could not be read or screened; 3 a model or data
file is missing; 4 a redacted copy failed its check (nothing written).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import click
from rich.console import Console

from .config import RedactionStyle, Settings
from .detect.nlp import DEFAULT_MODEL
from .errors import BrightlineError, ExitCode, InputFileError, VerificationError
from .ingest import expand_paths
from .log import configure_logging, get_logger
from .pipeline import Pipeline
from .progress import track
from .redact import make_operator
from .report import render_table

log = get_logger("cli")
KEY_ENV = "BRIGHTLINE_PSEUDONYM_KEY"


def _model_option(function):  # type: ignore[no-untyped-def]
    return click.option("--model", default=DEFAULT_MODEL, show_default=True,
                        help="spaCy pipeline: installed package name or path (never downloaded).")(function)


def _password_option(function):  # type: ignore[no-untyped-def]
    return click.option("--password", default=None, help="Password of encrypted PDFs (never logged).")(function)


def _verbose_option(function):  # type: ignore[no-untyped-def]
    function = click.option("-q", "--quiet", is_flag=True, help="No progress bar.")(function)
    return click.option("-v", "--verbose", count=True, help="More log lines on stderr (labels and counts only).")(function)


@click.group()
@click.version_option(package_name="brightline")
def cli() -> None:
    """Screen and redact school incident reports before they reach law enforcement."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document on stdout (LABELS.md).")
@_model_option
@_password_option
@_verbose_option
def screen(paths: tuple[Path, ...], as_json: bool, model: str, password: str | None, verbose: int, quiet: bool) -> None:
    """Find student PII and sensitive language in PATHS (text or PDF files, or folders) and score their risk."""
    configure_logging(verbose)
    pipeline = Pipeline(Settings(model=model, password=password))
    console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    failures = 0
    files = expand_paths(paths)
    for result in track(pipeline.screen_paths(files), len(files), "screening", quiet or not as_json):
        if result.error is not None:
            failures += 1
            click.echo(f"brightline: {result.error}", err=True)
        if as_json:
            click.echo(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            render_table(result, console)
    if failures:
        raise _Exit(ExitCode.INPUT_FILE)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the redacted copies (same file names; folder structure kept).")
@click.option("--style", type=click.Choice([s.value for s in RedactionStyle]), default=RedactionStyle.PLACEHOLDER.value,
              show_default=True, help="placeholder: [PERSON 1]; block: ████; fixed: [REDACTED]; pseudonym: keyed HMAC.")
@click.option("--key-file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help=f"Key for --style pseudonym (or set {KEY_ENV}).")
@click.option("--dpi", type=click.IntRange(72, 600), default=200, show_default=True, help="Resolution of redacted PDFs.")
@_model_option
@_password_option
@_verbose_option
def redact(
    paths: tuple[Path, ...], out_dir: Path, style: str, key_file: Path | None, dpi: int, model: str,
    password: str | None, verbose: int, quiet: bool,
) -> None:
    """Write a redacted copy of each document in PATHS to --out; PDFs are rebuilt from pixels and verified."""
    configure_logging(verbose)
    key = key_file.read_bytes().strip() if key_file else os.environ.get(KEY_ENV, "").encode() or None
    make_operator(RedactionStyle(style), key)  # a missing key is a usage error, before any model loads
    pipeline = Pipeline(Settings(model=model, style=RedactionStyle(style), pseudonym_key=key, password=password, dpi=dpi))
    targets = _targets(paths, out_dir)
    failures = 0
    written = 0
    for result in track(pipeline.screen_paths(list(targets)), len(targets), "redacting", quiet):
        target = targets[Path(result.path)]
        try:
            if result.error is not None:
                raise InputFileError(result.error)
            if result.pdf is not None:
                _write_atomically(target, partial(pipeline.redact_pdf, result))  # verified before the rename
            else:
                _write_atomically(target, partial(_write_text, content=pipeline.redact(result)))
            written += 1
        except BrightlineError as exc:
            failures += 1
            target.unlink(missing_ok=True)  # fail closed: no stale or partial copy where an output belongs
            suffix = " Nothing was written." if isinstance(exc, VerificationError) else ""
            click.echo(f"brightline: {exc}{suffix}", err=True)
        except Exception as exc:  # noqa: BLE001 - one file's fault must not stop the others; no traceback text
            failures += 1
            target.unlink(missing_ok=True)
            click.echo(f"brightline: {result.path}: internal error ({type(exc).__name__}); nothing was written.", err=True)
    log.info("%d redacted, %d failed", written, failures)
    click.echo(f"{written} redacted cop{'y' if written == 1 else 'ies'} in {out_dir}" +
               (f"; {failures} failed (see above)" if failures else ""), err=True)
    if failures:
        raise _Exit(ExitCode.INPUT_FILE)


@cli.command()
@click.argument("original", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("redacted", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--dpi", type=click.IntRange(72, 600), default=200, show_default=True, help="Resolution it was redacted at.")
@_model_option
@_password_option
@_verbose_option
def verify(original: Path, redacted: Path, dpi: int, model: str, password: str | None, verbose: int, quiet: bool) -> None:
    """Check that REDACTED (a PDF) leaks nothing of ORIGINAL: extractors, objects, structure, pixels."""
    configure_logging(verbose)
    pipeline = Pipeline(Settings(model=model, password=password, dpi=dpi))
    result = next(pipeline.screen_paths([original]))
    if result.error is not None:
        raise InputFileError(result.error)
    pipeline.verify_pdf(result, redacted)
    click.echo(f"{redacted}: verified; no redacted value, hidden structure or unsolid box found.")


@cli.command(name="eval")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@_model_option
@_verbose_option
def evaluate_command(folder: Path, as_json: bool, model: str, verbose: int, quiet: bool) -> None:
    """Score brightline on a folder of labeled documents (LABELS.md format): recall, precision, leaks."""
    from .evaluate import evaluate, format_report

    configure_logging(verbose)
    report = evaluate(folder, Pipeline(Settings(model=model)))
    click.echo(json.dumps(report) if as_json else format_report(report))


class _Exit(Exception):
    def __init__(self, code: ExitCode) -> None:
        self.code = code


def _targets(paths: tuple[Path, ...], out_dir: Path) -> dict[Path, Path]:
    """Each input file and where its redacted copy goes (a folder's tree is mirrored under --out)."""
    targets: dict[Path, Path] = {}
    for path in paths:
        files = expand_paths([path])
        for file in files:
            relative = file.relative_to(path) if path.is_dir() else Path(file.name)
            target = out_dir / relative
            if target in targets.values():
                raise click.BadParameter(f"two inputs would both be written to {target}", param_hint="PATHS")
            targets[file] = target
    return targets


def _write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Let `write` fill a temporary file beside the target, then rename: never a half-written copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".brightline-", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_text(path: Path, *, content: str) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; errors a user can cause are one sentence on stderr and an exit code."""
    try:
        cli.main(args=argv, prog_name="brightline", standalone_mode=False)
    except _Exit as exc:
        sys.exit(int(exc.code))
    except BrightlineError as exc:
        click.echo(f"brightline: {exc}", err=True)
        sys.exit(int(exc.exit_code))
    except click.exceptions.Abort:
        click.echo("brightline: aborted.", err=True)
        sys.exit(int(ExitCode.BAD_ARGS))
    except click.ClickException as exc:
        exc.show()
        sys.exit(int(ExitCode.BAD_ARGS))
    except KeyboardInterrupt:
        click.echo("brightline: interrupted; copies already written are complete, none is partial.", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - a traceback could quote a document; name the error type only
        log.debug("internal error", exc_info=False)
        click.echo(f"brightline: internal error ({type(exc).__name__}); please report it. "
                   "Copies already written are complete; none is partial.", err=True)
        sys.exit(int(ExitCode.BAD_ARGS))
    sys.exit(int(ExitCode.OK))
