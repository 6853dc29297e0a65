"""Assertions shared by the tests, and the mark of tests that need the OCR engine."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from presidio_analyzer import RecognizerResult

from brightline.ingest.ocr import installed_engine
from brightline.types import Finding

requires_ocr = pytest.mark.skipif(installed_engine() is None and not os.environ.get("BRIGHTLINE_REQUIRE_OCR"),
                                  reason="Tesseract is not installed (set BRIGHTLINE_REQUIRE_OCR=1 to fail instead)")


def read_by_ocr(pdf: Path, dpi: int = 300) -> str:
    """The words OCR reads on a PDF's first page as a reader sees it: pixels only, no text layer."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    engine = installed_engine()
    assert engine is not None, "Tesseract is needed"
    return " ".join(word.text for word in engine.words(page, dpi))


def offsets(text: str, fragment: str, occurrence: int = 0) -> tuple[int, int]:
    """The (start, end) of the n-th occurrence of fragment in text."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def spans_of(results: Iterable[RecognizerResult | Finding], label: str) -> set[tuple[int, int]]:
    """The (start, end) of every result with the label."""
    found = set()
    for result in results:
        kind = result.entity_type if isinstance(result, RecognizerResult) else str(result.label)
        if kind == label:
            found.add((result.start, result.end))
    return found


def assert_exact(results: Iterable[RecognizerResult | Finding], label: str, text: str, fragment: str) -> None:
    """A result of `label` covers exactly `fragment`."""
    expected = offsets(text, fragment)
    found = spans_of(results, label)
    assert expected in found, f"{label} {fragment!r} at {expected}; found {sorted(found)}"


def assert_none(results: Iterable[RecognizerResult | Finding], label: str) -> None:
    found = spans_of(results, label)
    assert not found, f"unexpected {label} at {sorted(found)}"
