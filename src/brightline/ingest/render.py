"""Render PDF pages as pdfium draws them unrotated: the space character boxes and redactions share."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ..errors import InputFileError


def open_document(source: Path | bytes, name: str, password: str | None) -> pdfium.PdfDocument:
    """The PDF file or bytes opened with pdfium; one that cannot be opened is refused by name."""
    try:
        return pdfium.PdfDocument(str(source) if isinstance(source, Path) else source, password=password)
    except pdfium.PdfiumError as exc:
        raise InputFileError(f"{name}: cannot be rendered ({exc}).") from None


def render_page(document: pdfium.PdfDocument, index: int, name: str, dpi: int) -> Image.Image:
    """One page (0-based) in grayscale at `dpi`, unrotated, without annotations or form widgets."""
    page = document[index]
    page.set_rotation(0)
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True, draw_annots=False, may_draw_forms=False)
    except pdfium.PdfiumError as exc:
        raise InputFileError(f"{name}: page {index + 1} cannot be rendered ({exc}).") from None
    return bitmap.to_pil().convert("L")
