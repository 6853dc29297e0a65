"""Ingest: turn files (or archive entries' bytes) into documents: plain text, and PDFs with character boxes.

Image files are read as image-only PDFs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath

from .images import IMAGE_SUFFIXES, image_pdf
from .pdf import PdfText, read_pdf
from .text import decode_text, read_text

__all__ = ["IMAGE_SUFFIXES", "PDF_SUFFIX", "SUPPORTED_SUFFIXES", "PdfText", "decode_text", "expand_paths", "image_pdf",
           "is_paged", "read_pdf", "read_text", "redacted_name"]

PDF_SUFFIX = ".pdf"
SUPPORTED_SUFFIXES = frozenset({".txt", ".text", PDF_SUFFIX}) | IMAGE_SUFFIXES


def is_paged(name: str) -> bool:
    """Whether a document is read as pages (a PDF, or an image file): heavy, screened and redacted as a PDF."""
    return PurePath(name).suffix.lower() in IMAGE_SUFFIXES | {PDF_SUFFIX}


def redacted_name(name: str) -> str:
    """The file name of a document's redacted copy.

    An image's copy is a PDF named after the whole image name (scan.tif -> scan.tif.pdf), so it never
    takes the name of a PDF beside it; other documents keep their name.
    """
    return name + PDF_SUFFIX if PurePath(name).suffix.lower() in IMAGE_SUFFIXES else name


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and supported files found recursively in folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
            )
        else:
            found.append(path)
    return found
