"""Typed errors and the exit codes they map to: a stable interface of the CLI."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the `brightline` command."""

    OK = 0
    BAD_ARGS = 1
    DIFF_REVEALS = 1  # `diff`: B reveals something A hid (the same status as a usage error, by convention)
    INPUT_FILE = 2
    MISSING_MODEL = 3
    VERIFICATION_FAILED = 4
    RELEASE_BLOCKED = 5
    PARTIAL_BATCH_FAILURE = 6
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class BrightlineError(Exception):
    """Base of every error a user can cause; its message is one clear sentence, free of PII."""

    exit_code: ExitCode = ExitCode.BAD_ARGS


class InputFileError(BrightlineError):
    """A document cannot be read: missing, binary, not UTF-8, empty or too large."""

    exit_code = ExitCode.INPUT_FILE


class MissingModelError(BrightlineError):
    """The spaCy pipeline or a data file in models/ is absent or invalid; nothing is downloaded."""

    exit_code = ExitCode.MISSING_MODEL


class ConfigError(BrightlineError):
    """An option or configuration value is invalid."""

    exit_code = ExitCode.BAD_ARGS


class VerificationError(BrightlineError):
    """A redacted copy failed its check; it is not written."""

    exit_code = ExitCode.VERIFICATION_FAILED
