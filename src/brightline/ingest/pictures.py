"""Pictures of text on born-digital pages: ink the text layer does not explain is read, or boxed whole.

A page holding images or drawn shapes (vector outlines, as text turned into curves is) is rendered,
and its regions are found: each image, and each cluster of drawn ink outside the text layer's
characters (thin rules and frames left aside). The engine reads each region; its confident words that
the text layer does not already hold become the page's text. A region whose ink the text layer and
those words do not explain (a photo, a logo, a signature, a word read without confidence) is boxed
whole. An image covering most of the page is that page's scan (a scanner's image under its own text
layer): its words are added, and, as on a scanned page, it is never boxed whole.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
import pdfplumber
from PIL import Image

from .ocr import OcrEngine
from .scan import ReadWord, Rect, read_region

CONFIDENT = 70.0  # a word read with less confidence does not explain its ink
PAGE_SCAN_SHARE = 0.8  # an image covering this share of the page is the page's scan
_INK = 160  # a pixel darker than this is ink
_PAD = 4  # pixels around a character or a word that its own ink may reach (anti-aliasing, serifs)
_CELL = 12  # pixels per cell when clustering drawn ink into regions (1 mm at 300 dpi)
_LEFT_OVER = 40  # unexplained ink pixels (after thin lines are worn away) that make a region a picture
_MIN_SIZE = 3.0  # points; a smaller image holds nothing legible


@dataclass(frozen=True)
class Region:
    """A part of a page to read: its box in pixels, and whether it is an image (else drawn ink)."""

    box: Rect
    image: bool


@dataclass
class PageReading:
    """What the pictures of a page add: words to screen, and regions to box whole."""

    words: list[ReadWord]
    unread: list[Rect]


def may_hold_pictures(page: pdfplumber.page.Page) -> bool:
    """Whether a page draws anything but text, rules and rectangles (which cost no rendering)."""
    return bool(page.images or page.curves)


def image_boxes(page: pdfplumber.page.Page) -> list[Rect]:
    """The page's images, in points from the page's top-left, cut to the page; specks left out."""
    x0, top = page.bbox[0], page.bbox[1]
    boxes = []
    for image in page.images:
        box = (max(image["x0"] - x0, 0.0), max(image["top"] - top, 0.0), min(image["x1"] - x0, float(page.width)),
               min(image["bottom"] - top, float(page.height)))
        if box[2] - box[0] >= _MIN_SIZE and box[3] - box[1] >= _MIN_SIZE:
            boxes.append(box)
    return boxes


def is_page_scan(box: Rect, page_size: tuple[float, float]) -> bool:
    """Whether an image (points) covers most of its page: a scan under a text layer, not a picture on it."""
    return (box[2] - box[0]) * (box[3] - box[1]) >= PAGE_SCAN_SHARE * page_size[0] * page_size[1]


def regions(rendered: Image.Image, images: list[Rect], chars: list[Rect]) -> list[Region]:
    """The images, and the clusters of drawn ink outside the characters and images (pixel boxes)."""
    ink = numpy.asarray(rendered.convert("L")) < _INK
    _clear(ink, chars + images, _PAD)
    cells = _cells(_worn(ink))
    found = [Region(box, True) for box in images]
    for x0, y0, x1, y1 in _clusters(cells):
        found.append(Region((float(x0 * _CELL), float(y0 * _CELL), float(min((x1 + 1) * _CELL, rendered.width)),
                             float(min((y1 + 1) * _CELL, rendered.height))), False))
    return found


def read_pictures(rendered: Image.Image, found: list[Region], chars: list[Rect], engine: OcrEngine | None,
                  dpi: int, page_scans: set[int]) -> PageReading:
    """Read each region; keep the confident words the text layer lacks; box whole what is not explained.

    Regions whose index is in `page_scans` are the page's own scan: read, never boxed whole. Without an
    engine nothing can be read, so every other region is boxed whole.
    """
    reading = PageReading([], [])
    for index, region in enumerate(found):
        words = read_region(rendered, region.box, engine, dpi) if engine is not None else []
        new = [w for w in words if not _inside_any(w.box, chars)]
        confident = [w for w in new if w.confidence >= CONFIDENT]
        reading.words += confident if index not in page_scans else [w for w in new if w.confidence > 0]
        if index in page_scans:
            continue
        doubtful = any(w.confidence < CONFIDENT and any(c.isalnum() for c in w.text) for w in new)
        if engine is None or doubtful or _left_over(rendered, region.box, chars + [w.box for w in confident]):
            reading.unread.append(region.box)
    return reading


def _left_over(rendered: Image.Image, box: Rect, explained: list[Rect]) -> bool:
    """Whether a region holds ink outside the explained boxes, once thin lines are worn away."""
    left, top = int(box[0]), int(box[1])
    ink = numpy.asarray(rendered.crop((left, top, int(box[2]) + 1, int(box[3]) + 1)).convert("L")) < _INK
    _clear(ink, [(r[0] - left, r[1] - top, r[2] - left, r[3] - top) for r in explained], _PAD)
    return int(_worn(ink).sum()) > _LEFT_OVER


def _clear(ink: numpy.ndarray, boxes: list[Rect], pad: int) -> None:
    height, width = ink.shape
    for x0, top, x1, bottom in boxes:
        ink[max(int(top) - pad, 0):min(int(bottom) + pad + 1, height),
            max(int(x0) - pad, 0):min(int(x1) + pad + 1, width)] = False


def _worn(ink: numpy.ndarray) -> numpy.ndarray:
    """Ink whose eight neighbours are ink too: lines one or two pixels wide (rules, frames, specks) vanish."""
    worn = numpy.zeros_like(ink)
    if ink.shape[0] < 3 or ink.shape[1] < 3:
        return worn
    core = ink[1:-1, 1:-1].copy()
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            core &= ink[dy:dy + ink.shape[0] - 2, dx:dx + ink.shape[1] - 2]
    worn[1:-1, 1:-1] = core
    return worn


def _cells(ink: numpy.ndarray) -> numpy.ndarray:
    """Which cells of a coarse grid hold enough ink to matter."""
    rows, cols = -(-ink.shape[0] // _CELL), -(-ink.shape[1] // _CELL)
    padded = numpy.zeros((rows * _CELL, cols * _CELL), dtype=bool)
    padded[:ink.shape[0], :ink.shape[1]] = ink
    counts = padded.reshape(rows, _CELL, cols, _CELL).sum(axis=(1, 3))
    return counts >= 4


def _clusters(cells: numpy.ndarray) -> list[tuple[int, int, int, int]]:
    """The bounding cells (x0, y0, x1, y1) of groups of inked cells at most one empty cell apart."""
    seen = numpy.zeros_like(cells)
    rows, cols = cells.shape
    found = []
    for y, x in zip(*numpy.nonzero(cells), strict=True):
        if seen[y, x]:
            continue
        seen[y, x] = True
        stack, box = [(int(y), int(x))], [int(x), int(y), int(x), int(y)]
        while stack:
            cy, cx = stack.pop()
            box = [min(box[0], cx), min(box[1], cy), max(box[2], cx), max(box[3], cy)]
            for ny in range(max(cy - 2, 0), min(cy + 3, rows)):
                for nx in range(max(cx - 2, 0), min(cx + 3, cols)):
                    if cells[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        found.append((box[0], box[1], box[2], box[3]))
    return found


def _inside_any(box: Rect, chars: list[Rect]) -> bool:
    """Whether a word's centre lies on a character of the text layer: the text layer holds it already."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(c[0] - _PAD <= x <= c[2] + _PAD and c[1] - _PAD <= y <= c[3] + _PAD for c in chars)
