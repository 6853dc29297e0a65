"""Ingest: turn files (or archive entries' bytes) into documents: plain text, and PDFs with character boxes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .pdf import PdfText, read_pdf
from .text import decode_text, read_text

__all__ = ["PDF_SUFFIX", "SUPPORTED_SUFFIXES", "PdfText", "decode_text", "expand_paths", "read_pdf", "read_text"]

PDF_SUFFIX = ".pdf"
SUPPORTED_SUFFIXES = frozenset({".txt", ".text", PDF_SUFFIX})


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
