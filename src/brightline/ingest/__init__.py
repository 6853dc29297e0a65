"""Ingest: turn files (or archive entries' bytes) into documents: plain text, and PDFs with character boxes.

Image files are read as image-only PDFs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath

from ..errors import InputFileError
from .email import MESSAGE_SUFFIX, decode_message
from .images import IMAGE_SUFFIXES, image_pdf
from .pdf import PdfText, read_pdf
from .text import decode_text, read_file
from .word import WORD_SUFFIX, decode_word

__all__ = ["CONTAINERS", "IMAGE_SUFFIXES", "PDF_SUFFIX", "SUPPORTED_SUFFIXES", "PdfText", "decode_text",
           "expand_paths", "image_pdf", "is_paged", "read_file", "read_pdf", "redacted_name", "refuse_unread",
           "walk", "why"]

PDF_SUFFIX = ".pdf"
TEXT_SUFFIXES = frozenset({".txt", ".text"})
# documents whose text is decoded out of a container (a MIME message, a Word package): their copy is text
CONTAINERS = {MESSAGE_SUFFIX: decode_message, WORD_SUFFIX: decode_word}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {PDF_SUFFIX} | set(CONTAINERS) | IMAGE_SUFFIXES
READ = "text (.txt), PDF, Word (.docx), e-mail (.eml) and image (.png, .jpg, .tif) files"
# formats people keep reports in that brightline does not read yet, each with what to do
_NOT_READ = {
    ".zip": "an archive: brightline batch reads .zip archives (give it this one on its own)",
    ".doc": "a Word document, not read yet: save it as PDF and redact that",
    ".msg": "an Outlook message, not read yet: save it as .eml or PDF and redact that",
    ".rtf": "a rich-text document, not read yet: save it as PDF and redact that",
    ".odt": "an OpenDocument text, not read yet: save it as PDF and redact that",
}


def is_paged(name: str) -> bool:
    """Whether a document is read as pages (a PDF, or an image file): heavy, screened and redacted as a PDF."""
    return PurePath(name).suffix.lower() in IMAGE_SUFFIXES | {PDF_SUFFIX}


def redacted_name(name: str) -> str:
    """The file name of a document's redacted copy.

    An image's copy is a PDF named after the whole image name (scan.tif -> scan.tif.pdf), so it never
    takes the name of a PDF beside it; an e-mail's or a Word document's is text (note.eml.txt,
    report.docx.txt); other documents keep their name.
    """
    suffix = PurePath(name).suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return name + PDF_SUFFIX
    return name + ".txt" if suffix in CONTAINERS else name


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and supported files found recursively in folders, in a stable order."""
    return walk(paths)[0]


def walk(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files to read (named directly, or found in folders), and the folders' files passed over, each with why.

    One walk of each folder gives both: none is skipped in silence.
    """
    found: list[Path] = []
    unread: list[tuple[Path, str]] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            if _read(file):
                found.append(file)
            else:
                unread.append((file, why(file)))
    return found, unread


def why(path: PurePath) -> str:
    """Why brightline does not read a file: hidden, or of a format it does not read (and what to do)."""
    if path.name.startswith("."):
        return "a hidden file"
    return _NOT_READ.get(path.suffix.lower(), f"not a format brightline reads ({READ})")


def refuse_unread(name: str) -> None:
    """A file named directly in a format brightline does not read is refused in a sentence saying what to do."""
    suffix = PurePath(name).suffix.lower()
    if suffix in _NOT_READ:
        raise InputFileError(f"{name}: {_NOT_READ[suffix]}.")


def _read(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(".")
