"""The `brightline` command: a thin layer over the library. Only `main` exits.

Exit codes: 0 ok; 1 bad arguments, a bad policy or an unknown profile (and `diff`: B reveals what A
hid); 2 an input file could not be read or screened; 3 a model or data file (a profile among them) is
missing or invalid; 4 a redacted copy failed its check (nothing written) or the disclosure log's chain
is broken; 5 a document was withheld for legal review and not released; 6 a batch finished with failed
or refused files.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console

from .config import Settings
from .context import RECIPIENT_ALIASES, Basis, Recipient, parse_recipient
from .detect.nlp import DEFAULT_MODEL
from .detect.profiles import load_profile
from .disclosure import FIELDS, LOG_ENV, LOG_KEY_ENV, Checkpoint, DisclosureLog, sha256_file
from .errors import BrightlineError, ExitCode, InputFileError, VerificationError
from .files import WITHHELD_FOLDER, withheld_copy, write_atomically, write_text
from .ingest import expand_paths, redacted_name, walk
from .law import FEDERAL, JURISDICTION_ENV, load_law
from .log import configure_logging, get_logger
from .pipeline import Pipeline
from .policy import default_policy, load_policy
from .progress import track
from .redact import make_operator
from .release import Approval, ReleaseOrder, approved_documents, held_for_review
from .report import render_table
from .report.redaction_log import Redactions, write_redaction_log
from .types import RedactionStyle, ScreenResult, label_counts, page_label_counts

log = get_logger("cli")
_NAMED_WITHHELD = 5  # documents withheld for legal review named one by one on the terminal; then counted
_NAMED_UNREAD = 10  # files passed over in a folder, named one by one; then counted
KEY_ENV = "BRIGHTLINE_PSEUDONYM_KEY"
PROFILE_ENV = "BRIGHTLINE_PROFILE"
_RECIPIENT_NAMES = [r.value for r in Recipient] + list(RECIPIENT_ALIASES)


def _settings(recipient: str, basis: str, policy_file: Path | None, jurisdiction: str = FEDERAL,
              **options: object) -> Settings:
    """Settings for a release context; a bad policy file or an unknown jurisdiction is a ConfigError, before any model."""
    load_law(jurisdiction)
    policy = load_policy(policy_file) if policy_file else None
    return Settings(recipient=parse_recipient(recipient), basis=Basis(basis), policy=policy, jurisdiction=jurisdiction,
                    **options)


def _redaction_settings(recipient: str, basis: str, policy_file: Path | None, style: str | None,
                        key_file: Path | None, **options: object) -> Settings:
    """Settings for writing redactions; a pseudonym style without its key is a usage error before any model loads."""
    key = key_file.read_bytes().strip() if key_file else os.environ.get(KEY_ENV, "").encode() or None
    settings = _settings(recipient, basis, policy_file, style=RedactionStyle(style) if style else None,
                         pseudonym_key=key, **options)
    make_operator(settings.redaction_style, key)
    return settings


def _model_option(function):  # type: ignore[no-untyped-def]
    function = click.option("--profile", default=None, envvar=PROFILE_ENV, show_envvar=True, metavar="NAME",
                            help="A district's vocabulary profile in models/profiles (massachusetts: its gang "
                                 "units, agencies and programmes); default: none.")(function)
    return click.option("--model", default=DEFAULT_MODEL, show_default=True,
                        help="spaCy pipeline: installed package name or path (never downloaded).")(function)


def _withheld_option(function):  # type: ignore[no-untyped-def]
    return click.option("--withheld", "withheld_copies", type=click.Choice(["folder", "omit"]), default=None,
                        help=f"Documents held for legal review: their redacted copies for counsel go under "
                             f"OUT/{WITHHELD_FOLDER}/ (folder, the default) or are not written (omit, the default "
                             "with --release-to); never among the copies that may be released.")(function)


def _code_options(function):  # type: ignore[no-untyped-def]
    function = click.option("--redaction-log-ids", type=click.Choice(["name", "hash"]), default="name",
                            show_default=True,
                            help="How OUT/redaction-log.csv and .html name each released document: its file name, "
                                 "or the SHA-256 of the original.")(function)
    return click.option("--codes", "show_codes", is_flag=True,
                        help="Each redaction mark carries its legal-basis code, on PDF boxes too: "
                             "[PERSON 1 · FERPA] (the policy's codes, else the jurisdiction's).")(function)


def _pdf_options(dpi_help: str):  # type: ignore[no-untyped-def]
    def decorate(function):  # type: ignore[no-untyped-def]
        function = click.option("--even-boxes", is_flag=True,
                                help="Widen PDF boxes to one width per label, so a box does not tell how long "
                                     "the name or number under it was.")(function)
        return click.option("--dpi", type=click.IntRange(72, 600), default=200, show_default=True,
                            help=dpi_help)(function)
    return decorate


def _profile(name: str | None) -> str | None:
    """The profile's name, checked before any model loads: an unknown or bad profile is one sentence."""
    if not name:
        return None
    load_profile(name)
    return name


def _password_option(function):  # type: ignore[no-untyped-def]
    return click.option("--password", default=None, help="Password of encrypted PDFs (never logged).")(function)


def _context_options(function):  # type: ignore[no-untyped-def]
    function = click.option("--jurisdiction", default=FEDERAL, show_default=True, envvar=JURISDICTION_ENV,
                            show_envvar=True, metavar="NAME",
                            help="The law reasons cite and redactions carry codes of (models/law): federal, or a "
                                 "state (massachusetts, california, illinois) cited before it.")(function)
    function = click.option("--policy", "policy_file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                            help="An office's policy file (YAML) instead of the shipped policies.")(function)
    function = click.option("--basis", type=click.Choice([b.value for b in Basis]), default=Basis.NONE.value,
                            show_default=True, help="Legal basis of the request.")(function)
    return click.option("--recipient", type=click.Choice(_RECIPIENT_NAMES), default=Recipient.POLICE.value,
                        show_default=True, help="Who would receive the documents.")(function)


def _log_db_option(function):  # type: ignore[no-untyped-def]
    function = click.option("--log-key-file", type=click.Path(path_type=Path, dir_okay=False), default=None,
                            help=f"The office's key that signs the log (default: ${LOG_KEY_ENV}, else a key file in "
                                 "your data folder, created at the first release).")(function)
    return click.option("--log-db", default=None,
                        help=f"Disclosure log database URL (default: ${LOG_ENV}, else a SQLite file in your data folder).")(
        function)


def _release_options(function):  # type: ignore[no-untyped-def]
    options = [
        click.option("--release-to", type=click.Choice(_RECIPIENT_NAMES), default=None,
                     help="Release the copies to this recipient: documents held for legal review are not released "
                          "(nor written, unless --withheld folder) unless approved; each release is logged."),
        click.option("--released-by", default=None, help="Name of the person releasing (with --release-to)."),
        click.option("--releaser-role", default="records officer", show_default=True, help="Their position."),
        click.option("--affiliation", default="", help="The recipient's agency or affiliation."),
        click.option("--purpose", default=None, help="The purpose of the release, as stated by the requester."),
        click.option("--approve", multiple=True, metavar="FILE|SHA256",
                     help="A document held for legal review that counsel approved for this release (repeat it): the "
                          "original file, or its SHA-256. Released only while its content is unchanged."),
        click.option("--approved-by", default=None, help="Who approved the documents given with --approve."),
        click.option("--approval-note", default=None, help="The approval's grounds (a court order's docket, say)."),
        _log_db_option,
    ]
    for option in reversed(options):
        function = option(function)
    return function


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
@_context_options
@_model_option
@_password_option
@_verbose_option
def screen(
    paths: tuple[Path, ...], as_json: bool, recipient: str, basis: str, policy_file: Path | None, jurisdiction: str,
    model: str, profile: str | None, password: str | None, verbose: int, quiet: bool,
) -> None:
    """Find student PII and sensitive language in PATHS (text, PDF or image files, or folders) and score their risk.

    The risk, its level and the release decision are for --recipient on --basis (default: police, none).
    """
    configure_logging(verbose)
    pipeline = Pipeline(_settings(recipient, basis, policy_file, jurisdiction=jurisdiction, model=model,
                                  profile=_profile(profile),
                                  password=password))
    console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    failures = 0
    files, unread = walk(paths)
    _say_unread(unread)
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
              help="Folder for the redacted copies (same file names, an image's copy a PDF: scan.png.pdf; "
                   "folder structure kept).")
@click.option("--style", type=click.Choice([s.value for s in RedactionStyle]), default=None,
              help="placeholder: [PERSON 1]; block: ████; fixed: [REDACTED]; pseudonym: keyed HMAC. "
                   "Default: the recipient's policy.")
@click.option("--key-file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help=f"Key for --style pseudonym (or set {KEY_ENV}).")
@_pdf_options("Resolution of redacted PDFs.")
@_code_options
@_withheld_option
@_release_options
@_context_options
@_model_option
@_password_option
@_verbose_option
def redact(
    paths: tuple[Path, ...], out_dir: Path, style: str | None, key_file: Path | None, dpi: int, even_boxes: bool,
    show_codes: bool, redaction_log_ids: str,
    withheld_copies: str | None, release_to: str | None, recipient: str, basis: str, policy_file: Path | None,
    jurisdiction: str, model: str, profile: str | None, password: str | None, verbose: int, quiet: bool, **release: Any,
) -> None:
    """Write a redacted copy of each document in PATHS to --out; PDFs are rebuilt from pixels and verified.

    With --release-to, only documents whose decision allows it (or that counsel approved with
    --approve) are written, and each one is recorded in the disclosure log (who, to whom, on what
    basis, why, who approved; hashes and counts, never the text).
    """
    configure_logging(verbose)
    # a folder of released copies holds nothing withheld unless asked: it may be sent on whole
    withheld_copies = withheld_copies or ("omit" if release_to is not None else "folder")
    recipient, order = _release_order(release_to, recipient, **release)
    settings = _redaction_settings(recipient, basis, policy_file, style, key_file, jurisdiction=jurisdiction,
                                   model=model, profile=_profile(profile), password=password, dpi=dpi,
                                   even_boxes=even_boxes, show_codes=show_codes)
    pipeline = Pipeline(settings)
    targets, unread = _targets(paths, out_dir)
    _say_unread(unread)
    failures = withheld = written = 0
    released: list[Redactions] = []
    for result in track(pipeline.screen_paths(list(targets)), len(targets), "redacting", quiet):
        target = targets[Path(result.path)]
        try:
            if result.error is not None:
                raise InputFileError(result.error)
            original = sha256_file(Path(result.path)) if order is not None else ""
            if held_for_review(result.decision, original, order):
                withheld += 1
                target.unlink(missing_ok=True)  # never among the copies that may be released
                held = withheld_copy(out_dir, target.relative_to(out_dir))
                held.unlink(missing_ok=True)
                if withheld_copies == "folder":
                    _write_copy(pipeline, result, held)
                if withheld <= _NAMED_WITHHELD:
                    where = f"its copy for counsel under {WITHHELD_FOLDER}/" if withheld_copies == "folder" else "no copy"
                    click.echo(f"brightline: {result.path}: withheld for legal review "
                               f"({result.decision_reasons[0].detail}); not released, {where}.", err=True)
                continue
            _write_copy(pipeline, result, target)
            if order is not None:
                _log_release(order, result, original, target, settings)
            by_hash = redaction_log_ids == "hash"
            document = original or sha256_file(Path(result.path)) if by_hash else target.relative_to(out_dir).as_posix()
            counts = page_label_counts(result.findings, settings.labels, result.pdf is not None)
            released.append(Redactions(document, counts))
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
    write_redaction_log(out_dir, released, settings.redaction_codes(), pipeline.law)
    log.info("%d redacted, %d withheld, %d failed", written, withheld, failures)
    verb = "released" if release_to else "redacted"
    click.echo(f"{written} {verb} cop{'y' if written == 1 else 'ies'} in {out_dir}" +
               (f"; {withheld} withheld for legal review{_counsel(out_dir, withheld_copies)}, not for release"
                if withheld else "") +
               (f"; {failures} failed (see above)" if failures else ""), err=True)
    _warn_unused(order)
    if failures:
        raise _Exit(ExitCode.INPUT_FILE)
    if withheld:
        raise _Exit(ExitCode.RELEASE_BLOCKED)


def _release_order(release_to: str | None, recipient: str, released_by: str | None, purpose: str | None,
                   releaser_role: str, affiliation: str, approve: tuple[str, ...], approved_by: str | None,
                   approval_note: str | None, log_db: str | None, log_key_file: Path | None,
                   ) -> tuple[str, ReleaseOrder | None]:
    """The recipient and the release order (with its log); a usage error for an incomplete release or approval."""
    approving = bool(approve or approved_by or approval_note)
    if release_to is None:
        if approving:
            raise click.UsageError("--approve, --approved-by and --approval-note approve a release: give --release-to.")
        return recipient, None
    if not released_by or not purpose:
        raise click.UsageError("--release-to needs --released-by and --purpose: every release is logged.")
    if recipient != Recipient.POLICE.value and parse_recipient(recipient) != parse_recipient(release_to):
        raise click.UsageError("--recipient and --release-to name different recipients.")
    approval = None
    if approving:
        if not (approve and approved_by and approval_note):
            raise click.UsageError("an approval names the documents (--approve FILE or SHA-256), who approved "
                                   "(--approved-by) and why (--approval-note): give all three.")
        approval = Approval(approved_by, approval_note, approved_documents(approve))
    return release_to, ReleaseOrder(released_by, purpose, releaser_role, affiliation, approval,
                                    DisclosureLog(log_db, log_key_file))


def _warn_unused(order: ReleaseOrder | None) -> None:
    """Say so when an approval released nothing: a wrong file named, or one changed since counsel read it."""
    unused = order.unused_approvals() if order is not None else 0
    if unused:
        click.echo(f"brightline: {unused} approved document{'s' if unused != 1 else ''} matched no document held for "
                   "legal review in this run (a different file, or one changed since it was approved).", err=True)


def _say_unread(unread: list[tuple[Path, str]]) -> None:
    """Name the files in the folders given that brightline passes over, and why: none is skipped in silence."""
    for path, reason in unread[:_NAMED_UNREAD]:
        click.echo(f"brightline: {path}: passed over, {reason}.", err=True)
    if len(unread) > _NAMED_UNREAD:
        click.echo(f"brightline: {len(unread) - _NAMED_UNREAD} more files passed over (formats brightline does not read).",
                   err=True)


def _counsel(out_dir: Path, withheld_copies: str) -> str:
    """Where the copies held for legal review are, to follow a count of them."""
    return f" (their redacted copies for counsel in {out_dir / WITHHELD_FOLDER})" if withheld_copies == "folder" else ""


def _write_copy(pipeline: Pipeline, result: ScreenResult, target: Path) -> None:
    """Write a screened document's redacted copy; a PDF's is verified before it takes the target's name."""
    if result.pdf is not None:
        write_atomically(target, partial(pipeline.redact_pdf, result))
    else:
        write_atomically(target, partial(write_text, content=pipeline.redact(result)))


def _log_release(order: ReleaseOrder, result: ScreenResult, original: str, target: Path, settings: Settings) -> None:
    """Record a release; a copy that cannot be logged is not left to be released."""
    assert result.risk is not None and result.decision is not None
    try:
        order.record(settings, original_sha256=original, redacted_sha256=sha256_file(target),
                     counts=label_counts(result.findings, settings.labels), decision=str(result.decision),
                     risk_score=result.risk.score, risk_level=str(result.risk.level))
    except Exception:
        target.unlink(missing_ok=True)
        raise


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_file", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The HTML file to write (one self-contained page for all PATHS).")
@_context_options
@_model_option
@_password_option
@_verbose_option
def report(
    paths: tuple[Path, ...], out_file: Path, recipient: str, basis: str, policy_file: Path | None, jurisdiction: str,
    model: str, profile: str | None, password: str | None, verbose: int, quiet: bool,
) -> None:
    """Write a reviewer's report of PATHS: original and redacted side by side, findings, risk, decision."""
    from .report.html import render_report
    from .report.review import review

    configure_logging(verbose)
    pipeline = Pipeline(_settings(recipient, basis, policy_file, jurisdiction=jurisdiction, model=model,
                                  profile=_profile(profile),
                                  password=password))
    files, unread = walk(paths)
    _say_unread(unread)
    documents = []
    failures = 0
    for result in track(pipeline.screen_paths(files), len(files), "reporting", quiet):
        try:
            documents.append(review(pipeline, result))
        except BrightlineError as exc:
            click.echo(f"brightline: {exc}", err=True)
            result.error = str(exc)
            documents.append(review(pipeline, result))
        failures += result.error is not None
    write_atomically(out_file, partial(write_text, content=render_report(documents)))
    click.echo(f"report of {len(documents)} document{'s' if len(documents) != 1 else ''} in {out_file}", err=True)
    if failures:
        raise _Exit(ExitCode.INPUT_FILE)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("--policy", "policies", multiple=True,
              help="Twice: compare two policies (a file, or 'default') over PATHS instead of two redactions.")
@click.option("--recipient", type=click.Choice(_RECIPIENT_NAMES), default=Recipient.POLICE.value, show_default=True,
              help="With --policy: the recipient whose policy is compared.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object on stdout.")
@click.option("--html", "html_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write a self-contained HTML page of the differences.")
@_model_option
@_verbose_option
def diff(
    paths: tuple[Path, ...], policies: tuple[str, ...], recipient: str, as_json: bool, html_file: Path | None,
    model: str, profile: str | None, verbose: int, quiet: bool,
) -> None:
    """Compare two redactions A B of the same documents (texts, PDFs, `screen --json` outputs, or folders).

    Lists what B reveals that A hid, what B hides that A showed, and changed labels and placeholders.
    Exit status 1 when B reveals anything A hid: a gate for a policy or model change.
    """
    from .report.compare import compare_paths, compare_policies, render_diff_html, render_diff_text

    configure_logging(verbose)
    if policies:
        if len(policies) != 2:
            raise click.UsageError("--policy is given twice: the policy A and the policy B.")
        sets = [default_policy() if p == "default" else load_policy(Path(p)) for p in policies]
        pipeline = Pipeline(Settings(model=model, profile=_profile(profile), recipient=parse_recipient(recipient)))
        diffs = compare_policies(pipeline, expand_paths(paths), sets, list(policies), quiet)
    else:
        if len(paths) != 2:
            raise click.UsageError("give two redactions A and B (files or folders), or --policy twice.")
        diffs = compare_paths(paths[0], paths[1])
    if as_json:
        click.echo(json.dumps({"files": [d.to_json() for d in diffs],
                               "revealed": sum(d.count("revealed") for d in diffs)}, ensure_ascii=False))
    else:
        click.echo(render_diff_text(diffs), nl=False)
    if html_file is not None:
        write_atomically(html_file, partial(write_text, content=render_diff_html(diffs)))
    if any(d.error for d in diffs):
        raise _Exit(ExitCode.INPUT_FILE)
    if any(d.reveals for d in diffs):
        raise _Exit(ExitCode.DIFF_REVEALS)


@cli.command()
@click.argument("original", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("redacted", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@_pdf_options("Resolution it was redacted at (and --even-boxes if it was).")
@_context_options
@_model_option
@_password_option
@_verbose_option
def verify(
    original: Path, redacted: Path, dpi: int, even_boxes: bool, recipient: str, basis: str, policy_file: Path | None,
    jurisdiction: str, model: str, profile: str | None, password: str | None, verbose: int, quiet: bool,
) -> None:
    """Check that REDACTED (a PDF) leaks nothing of ORIGINAL: extractors, objects, structure, pixels, OCR.

    Give the --recipient (and --policy) it was redacted for: they say what had to be removed.
    """
    configure_logging(verbose)
    pipeline = Pipeline(_settings(recipient, basis, policy_file, jurisdiction=jurisdiction, model=model,
                                  profile=_profile(profile),
                                  password=password, dpi=dpi, even_boxes=even_boxes))
    result = next(pipeline.screen_paths([original]))
    if result.error is not None:
        raise InputFileError(result.error)
    pipeline.verify_pdf(result, redacted, read_back=True)
    click.echo(f"{redacted}: verified; no redacted value, hidden structure or unsolid box found, "
               "and nothing to redact read back by OCR.")


@cli.command(name="eval")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@_model_option
@_verbose_option
def evaluate_command(folder: Path, as_json: bool, model: str, profile: str | None, verbose: int, quiet: bool) -> None:
    """Score brightline on a folder of labeled documents (LABELS.md format): recall, precision, leaks.

    The exit status is 4 when any gold PII span is still readable after redaction.
    """
    from .evaluate import evaluate, format_report

    configure_logging(verbose)
    report = evaluate(folder, Pipeline(Settings(model=model, profile=_profile(profile))))
    click.echo(json.dumps(report) if as_json else format_report(report))
    if report["leaked"]:
        log.error("%d of %d gold PII spans are readable after redaction", report["leaked"],
                  report["pii_spans_checked_for_leaks"])
        raise _Exit(ExitCode.VERIFICATION_FAILED)


@cli.command()
@click.argument("source", type=click.Path(path_type=Path, exists=True))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the redacted twin, its manifest and its summaries.")
@click.option("--workers", type=click.IntRange(1, 256), default=os.cpu_count() or 1, show_default="the cores",
              help="Local worker processes; each loads the model once.")
@click.option("--cluster", default=None, help="Address of a Dask scheduler (tcp://host:8786) to run on instead.")
@click.option("--style", type=click.Choice([s.value for s in RedactionStyle]), default=None,
              help="Redaction style; default: the recipient's policy.")
@click.option("--key-file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help=f"Key for --style pseudonym (or set {KEY_ENV}).")
@_pdf_options("Resolution of redacted PDFs.")
@_code_options
@_withheld_option
@_release_options
@_context_options
@_model_option
@_password_option
@_verbose_option
def batch(
    source: Path, out_dir: Path, workers: int, cluster: str | None, style: str | None, key_file: Path | None, dpi: int,
    even_boxes: bool, show_codes: bool, redaction_log_ids: str, withheld_copies: str | None, release_to: str | None,
    recipient: str, basis: str, policy_file: Path | None, jurisdiction: str, model: str, profile: str | None,
    password: str | None, verbose: int, quiet: bool, **release: Any,
) -> None:
    """Redact a folder tree or a .zip archive into a verified twin, with a manifest and summaries.

    Run it again to resume: finished files are skipped, failed ones retried. Files that are not .txt,
    .pdf, .docx, .eml or images (.png, .jpg, .tif) are listed as skipped with why; unsafe archive entries are refused
    with their reason.
    With --release-to, the twin is a release: each copy is logged, and documents held for legal review
    are left out unless approved (--approve).
    """
    from .batch import run_batch

    configure_logging(verbose)
    recipient, order = _release_order(release_to, recipient, **release)
    settings = _redaction_settings(recipient, basis, policy_file, style, key_file, jurisdiction=jurisdiction,
                                   model=model, profile=_profile(profile), password=password, dpi=dpi,
                                   even_boxes=even_boxes, show_codes=show_codes)
    withheld_copies = withheld_copies or ("omit" if release_to is not None else "folder")
    report = run_batch(source, out_dir, settings, workers=workers, cluster=cluster, quiet=quiet,
                       keep_withheld=withheld_copies == "folder", release=order,
                       log_by_hash=redaction_log_ids == "hash")
    released = f", {report.released} released and logged" if order is not None else ""
    click.echo(f"{report.done} redacted, {report.already_done} already done, {report.failed} failed, "
               f"{report.refused} refused, {report.skipped} skipped{released}; see {out_dir / 'summary.html'}",
               err=True)
    if report.withheld:
        click.echo(f"brightline: {report.withheld} withheld for legal review{_counsel(out_dir, withheld_copies)}, "
                   "not for release; "
                   f"the riskiest first in {out_dir / 'summary.html'}.", err=True)
    _warn_unused(order)
    if report.failed or report.refused:
        raise _Exit(ExitCode.PARTIAL_BATCH_FAILURE)
    if report.withheld:
        raise _Exit(ExitCode.RELEASE_BLOCKED)


@cli.group(name="log", invoke_without_command=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table on the terminal; csv or json to export.")
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the export to this file instead of stdout.")
@_log_db_option
@click.pass_context
def log_command(ctx: click.Context, fmt: str, out_file: Path | None, log_db: str | None,
                log_key_file: Path | None) -> None:
    """List or export the disclosure log (`log verify` checks it, `log checkpoint` prints its head to keep)."""
    ctx.obj = (log_db, log_key_file)
    if ctx.invoked_subcommand is not None:
        return
    rows = list(DisclosureLog(log_db, log_key_file, guard=False).rows())
    if fmt == "table":
        from .report import render_disclosures

        render_disclosures(rows, Console(highlight=False, soft_wrap=not sys.stdout.isatty()))
        return
    if fmt == "json":
        content = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
        content = buffer.getvalue()
    if out_file is None:
        click.echo(content, nl=False)
    else:
        write_atomically(out_file, partial(write_text, content=content))
        click.echo(f"{len(rows)} rows written to {out_file}", err=True)


def _verified(group: tuple[str | None, Path | None], log_db: str | None, log_key_file: Path | None,
              checkpoint: Checkpoint | None = None) -> DisclosureLog:
    """The log the subcommand names (else its group's), verified as found: each problem said, then exit 4.

    Its append-only guards are not restored on opening: verify reports them as they are.
    """
    disclosure_log = DisclosureLog(log_db or group[0], log_key_file or group[1], guard=False)
    problems = disclosure_log.verify(checkpoint)
    for problem in problems:
        click.echo(f"brightline: {problem}", err=True)
    if problems:
        raise _Exit(ExitCode.VERIFICATION_FAILED)
    return disclosure_log


@log_command.command(name="verify")
@click.option("--checkpoint", default=None, metavar="'rows=N head=HASH'",
              help="A checkpoint `brightline log checkpoint` printed earlier: rows removed since are named.")
@_log_db_option
@click.pass_obj
def log_verify(group: tuple[str | None, Path | None], checkpoint: str | None, log_db: str | None,
               log_key_file: Path | None) -> None:
    """Check that no row of the disclosure log was changed, removed or inserted, and that it is still append-only."""
    point = Checkpoint.parse(checkpoint) if checkpoint else None
    disclosure_log = _verified(group, log_db, log_key_file, point)
    count = disclosure_log.checkpoint().rows
    against = f", and it holds the checkpoint's {point.rows}" if point else ""
    click.echo(f"disclosure log intact: {count} row{'s' if count != 1 else ''}, chain unbroken{against}.")


@log_command.command(name="checkpoint")
@_log_db_option
@click.pass_obj
def log_checkpoint(group: tuple[str | None, Path | None], log_db: str | None, log_key_file: Path | None) -> None:
    """Print the log's head (rows and hash) to keep outside the database: paper, e-mail, another system.

    `brightline log verify --checkpoint '...'` later names any row removed since. Only an intact log
    gets a checkpoint.
    """
    disclosure_log = _verified(group, log_db, log_key_file)
    click.echo(f"brightline disclosure log checkpoint {disclosure_log.checkpoint()} "
               f"at {datetime.now(UTC).isoformat(timespec='seconds')}")


class _Exit(Exception):
    def __init__(self, code: ExitCode) -> None:
        self.code = code


def _targets(paths: tuple[Path, ...], out_dir: Path) -> tuple[dict[Path, Path], list[tuple[Path, str]]]:
    """Each input file and where its redacted copy goes (a folder's tree is mirrored under --out); the files passed over."""
    targets: dict[Path, Path] = {}
    unread: list[tuple[Path, str]] = []
    for path in paths:
        files, passed_over = walk([path])
        unread += passed_over
        for file in files:
            relative = file.relative_to(path) if path.is_dir() else Path(file.name)
            target = out_dir / relative.with_name(redacted_name(relative.name))
            if target in targets.values():
                raise click.BadParameter(f"two inputs would both be written to {target}", param_hint="PATHS")
            if target.resolve() == file.resolve():
                raise click.BadParameter(f"{file} would be overwritten by its redacted copy", param_hint="--out")
            targets[file] = target
    return targets, unread


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; errors a user can cause are one sentence on stderr and an exit code."""
    try:
        cli.main(args=argv, prog_name="brightline", standalone_mode=False)
    except _Exit as exc:
        sys.exit(int(exc.code))
    except BrightlineError as exc:
        click.echo(f"brightline: {exc}", err=True)
        sys.exit(int(exc.exit_code))
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # click turns Ctrl-C into an Abort
            _interrupted()
        click.echo("brightline: aborted.", err=True)
        sys.exit(int(ExitCode.BAD_ARGS))
    except click.ClickException as exc:
        exc.show()
        sys.exit(int(ExitCode.BAD_ARGS))
    except KeyboardInterrupt:
        _interrupted()
    except Exception as exc:  # noqa: BLE001 - a traceback could quote a document; name the error type only
        log.debug("internal error", exc_info=False)
        click.echo(f"brightline: internal error ({type(exc).__name__}); please report it. "
                   "Copies already written are complete; none is partial.", err=True)
        sys.exit(int(ExitCode.BAD_ARGS))
    sys.exit(int(ExitCode.OK))


def _interrupted() -> NoReturn:
    click.echo("brightline: interrupted; copies already written are complete, none is partial. Run the same "
               "command again to finish (batch skips what is done).", err=True)
    sys.exit(int(ExitCode.INTERRUPTED))
