"""What OCR adds to a PDF page: a scan's words, or its pictures' words and marks for those it could not read.

Pages are rendered at OCR_DPI only when there is something to read: a page without a text layer, a
page drawing images or shapes, or one whose text is set in a font that draws what it likes (Type3).
Boxes come back in points from the top-left of the page as pdfium renders it unrotated, the space of
the text layer's characters.
"""

from __future__ import annotations

import math
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from PIL import Image

from ..errors import InputFileError
from .ocr import INSTALL_HINT, OcrEngine, OcrError
from .pictures import image_boxes, is_page_scan, may_hold_pictures, read_pictures, regions
from .render import open_document, render_page
from .scan import Rect, layout, read_scan

OCR_DPI = 300  # Tesseract reads best at 300 dpi; less loses small print, more only costs time
_MAX_PIXELS = 60_000_000  # a poster-sized page is read at a lower resolution rather than fill the memory
UNREAD = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: stands in the text for a picture boxed whole
Char = tuple[str, Rect | None]


class PageOcr:
    """Reads the scans and pictures of one PDF's pages, rendering each page that needs it once."""

    def __init__(self, source: Path | bytes, name: str, password: str | None, engine: OcrEngine | None) -> None:
        self.source, self.name, self.password, self.engine = source, name, password, engine
        self._document: pdfium.PdfDocument | None = None

    def read(self, page: pdfplumber.page.Page, number: int, chars: list[Rect], untrusted: bool = False) -> list[Char]:
        """The characters OCR adds after the page's own `chars` (boxes in points): words, then UNREAD marks.

        `chars` are the characters whose ink their text explains; `untrusted` says the page draws others
        (a Type3 font's), whose ink is read as drawn ink is.
        """
        images = image_boxes(page)
        size = (float(page.width), float(page.height))
        scans = {i for i, box in enumerate(images) if is_page_scan(box, size)}
        dpi = min(OCR_DPI, int(math.sqrt(_MAX_PIXELS / max(size[0] * size[1] / 72 / 72, 1e-6))))
        if not chars and (scans or not images):
            return self._scan(number, dpi)
        if chars and not untrusted and not may_hold_pictures(page):
            return []
        return self._pictures(number, dpi, images, chars, scans)

    def __enter__(self) -> PageOcr:
        return self

    def __exit__(self, *_: object) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None

    def _scan(self, number: int, dpi: int) -> list[Char]:
        if self.engine is None:
            raise InputFileError(f"{self.name}: page {number} has no text layer (a scan or an image) and no OCR "
                                 f"engine is installed to read it; install Tesseract: {INSTALL_HINT}")
        try:
            words = read_scan(self._render(number, dpi), self.engine, dpi)
        except OcrError as exc:
            raise InputFileError(f"{self.name}: page {number} could not be read by OCR ({exc}).") from None
        return _in_points(layout(words), dpi)

    def _pictures(self, number: int, dpi: int, images: list[Rect], chars: list[Rect], scans: set[int]) -> list[Char]:
        if scans and self.engine is None:
            return self._scan(number, dpi)  # refused: the page is a scan under a text layer, and cannot be read
        rendered = self._render(number, dpi)
        scale = dpi / 72
        in_pixels = [_scaled(r, scale) for r in chars]
        found = regions(rendered, [_scaled(r, scale) for r in images], in_pixels)
        try:
            reading = read_pictures(rendered, found, in_pixels, self.engine, dpi, scans)
        except OcrError as exc:
            raise InputFileError(f"{self.name}: page {number} could not be read by OCR ({exc}).") from None
        added = _in_points(layout(reading.words), dpi)
        for box in reading.unread:
            added += [("\n", None), (UNREAD, _scaled(box, 1 / scale))]
        return ([("\n", None), ("\n", None)] if added and chars and added[0][0] != "\n" else []) + added

    def _render(self, number: int, dpi: int) -> Image.Image:
        if self._document is None:
            self._document = open_document(self.source, self.name, self.password)
        return render_page(self._document, number - 1, self.name, dpi)


def _scaled(rect: Rect, scale: float) -> Rect:
    return rect[0] * scale, rect[1] * scale, rect[2] * scale, rect[3] * scale


def _in_points(chars: list[tuple[str, Rect | None]], dpi: int) -> list[Char]:
    scale = 72 / dpi
    return [(c, None if r is None else _scaled(r, scale)) for c, r in chars]
