"""Read a text document, refusing clearly what cannot be screened safely."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputFileError

_BINARY_SAMPLE = 8192


def read_file(path: Path, max_bytes: int) -> bytes:
    """A document file's bytes; a missing, special or huge file is refused in one sentence naming it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file.") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror}).") from None
    if not path.is_file():
        raise InputFileError(f"{path}: not a regular file.")
    if size > max_bytes:
        raise InputFileError(f"{path}: too large to screen ({size} bytes; the limit is {max_bytes}).")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror}).") from None


def decode_text(data: bytes, name: str, max_bytes: int) -> str:
    """The text of a document's bytes (a file's, or an archive entry's), refused like a file would be."""
    if len(data) > max_bytes:
        raise InputFileError(f"{name}: too large to screen ({len(data)} bytes; the limit is {max_bytes}).")
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise InputFileError(f"{name}: binary file, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start}).") from None
    if not text.strip():
        raise InputFileError(f"{name}: empty document.")
    return text
