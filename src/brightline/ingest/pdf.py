"""Read a PDF's text with the box of every character, so findings can be mapped back onto the page.

The document text is the pages' layout text (pdfplumber's TextMap), pages separated by a form feed.
Each character of that text has its page and box, or None for layout whitespace. A page with no text
layer (a scan) is read by OCR; on other pages, pictures, drawn text the text layer does not hold and
text in fonts that draw what they like (Type3, fonts.py) are read too, their words appended to the
page's text, and what cannot be read is marked to be boxed whole (reading.py). Without an OCR engine a
scan is refused, as are encrypted files without their password: nothing is passed through
unredacted. Text drawn in a dark colour under a dark filled rectangle, or under a Redact annotation
or a dark Square annotation (earlier redactions that left the text in place, what x-ray looks for),
is marked as covered.
"""

from __future__ import annotations

import bisect
import io
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pdfplumber
import pikepdf
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import InputFileError
from .fonts import drawn_fonts
from .ocr import OcrEngine, installed_engine
from .reading import UNREAD, PageOcr

PAGE_BREAK = "\n\f\n"


@dataclass(frozen=True, slots=True)
class CharBox:
    """Where a character is drawn: its page (1-based) and box in points from the page's top-left."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class PdfText:
    """A PDF's text, one box (or None) per character, and its pages' sizes in points."""

    text: str
    boxes: list[CharBox | None]
    page_sizes: list[tuple[float, float]]
    rotations: list[int]
    # (start, end) offsets of text hidden under a dark box in the input
    covered: list[tuple[int, int]] = field(default_factory=list)
    # annotations drawn as boxes over the page (earlier redactions): they stay black in the output
    covering: list[CharBox] = field(default_factory=list)
    # (start, end) offsets of the UNREAD marks standing for pictures that could not be read
    unread: list[tuple[int, int]] = field(default_factory=list)
    # the file, or its bytes (an archive entry), for rendering at redaction
    source: Path | bytes | None = field(default=None, repr=False)

    @property
    def pages(self) -> int:
        return len(self.page_sizes)

    @cached_property
    def _breaks(self) -> list[int]:
        return [index for index, char in enumerate(self.text) if char == "\f"]

    def page_of(self, offset: int) -> int:
        """The 1-based page an offset of the text falls on."""
        return bisect.bisect_right(self._breaks, offset - 1) + 1 if offset else 1

    def page_span(self, page: int) -> tuple[int, int]:
        """The offsets of one page's text (1-based page), so a page's work never walks the whole file."""
        breaks = self._breaks
        start = breaks[page - 2] + 1 if page > 1 else 0
        return start, breaks[page - 1] if page - 1 < len(breaks) else len(self.text)


def read_pdf(origin: Path | bytes, password: str | None = None, max_pages: int = 2000, name: str | None = None,
             engine: OcrEngine | None = None) -> PdfText:
    """The text and character boxes of a PDF file, or of a PDF's bytes, or a clear refusal naming it.

    Scans and pictures are read with `engine`, else with the OCR engine installed, if any.
    """
    path = name or (str(origin) if isinstance(origin, Path) else "<pdf>")
    ocr = PageOcr(origin, path, password, engine or installed_engine())
    source, rotations = _normalised(origin, password)
    try:
        pdf = pdfplumber.open(source, password=password or "")
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file.") from None
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputFileError(f"{path}: encrypted PDF; give its password with --password.") from None
        raise InputFileError(f"{path}: not a readable PDF ({type(cause).__name__}).") from None
    except (PDFSyntaxError, OSError, ValueError, TypeError, KeyError) as exc:
        raise InputFileError(f"{path}: not a readable PDF ({type(exc).__name__}).") from None
    with pdf, ocr:
        try:
            count = len(pdf.pages)
        except Exception as exc:  # noqa: BLE001 - a broken page tree raises whatever pdfminer meets
            raise InputFileError(f"{path}: its pages cannot be read ({type(exc).__name__}).") from None
        if count == 0 and rotations:  # pikepdf found pages that pdfplumber's page tree walk cannot reach
            found = f"{len(rotations)} page{'s' if len(rotations) != 1 else ''}"
            raise InputFileError(f"{path}: its page tree is damaged ({found} listed, none readable).")
        if count == 0:
            raise InputFileError(f"{path}: a PDF with no pages.")
        if count > max_pages:
            raise InputFileError(f"{path}: {len(pdf.pages)} pages; the limit is {max_pages}.")
        parts: list[str] = []
        boxes: list[CharBox | None] = []
        sizes: list[tuple[float, float]] = []
        hidden: list[bool] = []
        covering: list[CharBox] = []
        unread: list[int] = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                textmap = page._get_textmap(layout=False, keep_blank_chars=False)
            except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged pages
                raise InputFileError(f"{path}: page {number} cannot be read ({type(exc).__name__}).") from None
            x0, top = page.bbox[0], page.bbox[1]
            dark_boxes = _dark_boxes(page)
            annotations = _covering_annotations(page)
            covering += [CharBox(number, a[0] - x0, a[1] - top, a[2] - x0, a[3] - top) for a in annotations]
            if number > 1:
                parts.append(PAGE_BREAK)
                boxes += [None] * len(PAGE_BREAK)
                hidden += [False] * len(PAGE_BREAK)
            for ch, obj in textmap.tuples:
                parts.append(ch)
                hidden.append(obj is not None and (_under(obj, dark_boxes) or _centre_in(obj, annotations)))
                boxes.append(
                    None if obj is None else CharBox(number, obj["x0"] - x0, obj["top"] - top, obj["x1"] - x0,
                                                     obj["bottom"] - top)
                )
            drawn = drawn_fonts(page)  # characters whose text need not be what they draw explain no ink
            glyphs = [(ch, obj) for ch, obj in textmap.tuples if obj is not None and ch.strip()]
            inked = [(obj["x0"] - x0, obj["top"] - top, obj["x1"] - x0, obj["bottom"] - top)
                     for ch, obj in glyphs if obj.get("fontname") not in drawn]
            untrusted = len(inked) < len(glyphs)
            for ch, rect in ocr.read(page, number, inked, untrusted):  # a scan's words, or what pictures add
                unread += [len(boxes)] if ch == UNREAD else []
                parts.append(ch)
                hidden.append(False)
                boxes.append(None if rect is None else CharBox(number, *rect))
            sizes.append((float(page.width), float(page.height)))
            page.close()  # pdfplumber keeps every page's objects otherwise: gigabytes for a long file
    text = "".join(parts)
    return PdfText(text=text, boxes=boxes, page_sizes=sizes, rotations=rotations, covered=_runs(text, hidden),
                   covering=covering, unread=[(i, i + 1) for i in unread], source=origin)


_DARK = 0.35  # luminance (0 black, 1 white) below which a fill hides dark text
_HIDDEN_FLAG = 2  # an annotation's /F bit that keeps viewers from showing it
Rect = tuple[float, float, float, float]


def _luminance(color: object) -> float | None:
    """A fill colour's luminance, or None for patterns and colours pdfplumber cannot read."""
    if color is None:
        return 0.0  # the default fill is black
    values = color if isinstance(color, (tuple, list)) else (color,)
    if not all(isinstance(v, (int, float)) for v in values):
        return None
    if len(values) == 1:
        return float(values[0])
    if len(values) == 3:
        return 0.299 * values[0] + 0.587 * values[1] + 0.114 * values[2]
    if len(values) == 4:
        return (1 - values[3]) * (1 - max(values[:3]))
    return None


def _dark_boxes(page: pdfplumber.page.Page) -> list[Rect]:
    """The filled rectangles of a page drawn in a dark colour."""
    found = []
    for rect in page.rects:
        shade = _luminance(rect.get("non_stroking_color"))
        if rect.get("fill") and shade is not None and shade < _DARK:
            found.append((rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
    return found


def _covering_annotations(page: pdfplumber.page.Page) -> list[Rect]:
    """Annotations that are earlier redactions: Redact marks, and shown Square boxes filled dark.

    A viewer draws them over the page, so the text beneath is hidden to the eye yet read by every
    extractor. Other annotations (notes, stamps, links, form fields) are dropped from the output unread.
    Only the four entries needed are resolved: pdfplumber's `annots` resolves every reference in an
    annotation, and one that leads back to itself recursed until Python gave up.
    """
    found = []
    height = page.root_page.height
    for reference in resolve1(page.page_obj.annots) or []:
        data = resolve1(reference)
        if not isinstance(data, dict):
            continue
        subtype = resolve1(data.get("Subtype"))
        subtype = getattr(subtype, "name", subtype)
        flags = resolve1(data.get("F"))
        hidden = isinstance(flags, int) and flags & _HIDDEN_FLAG
        fill = resolve1(data.get("IC"))
        shade = _luminance([resolve1(v) for v in fill]) if isinstance(fill, (list, tuple)) and fill else None
        rect = [resolve1(v) for v in resolve1(data.get("Rect")) or []]
        if len(rect) != 4 or not all(isinstance(v, (int, float)) for v in rect):
            continue
        if subtype == "Redact" or (subtype == "Square" and not hidden and shade is not None and shade < _DARK):
            # pdfplumber's page space: from the MediaBox's top, which is the area shown (see _normalised)
            found.append((min(rect[0], rect[2]), height - max(rect[1], rect[3]),
                          max(rect[0], rect[2]), height - min(rect[1], rect[3])))
    return found


def _under(char: dict, dark_boxes: list[Rect]) -> bool:
    """A dark character whose centre lies in a dark box: nobody sees it, every extractor reads it."""
    shade = _luminance(char.get("non_stroking_color"))
    if shade is None or shade >= _DARK:
        return False  # light text on a dark band is a visible heading, not a hidden one
    return _centre_in(char, dark_boxes)


def _centre_in(char: dict, rects: list[Rect]) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in rects)


def _runs(text: str, hidden: list[bool]) -> list[tuple[int, int]]:
    """Spans of hidden characters, joined across the spaces between them on one line."""
    runs: list[tuple[int, int]] = []
    for index, flag in enumerate(hidden):
        if not flag or text[index].isspace():
            continue
        if runs and text[runs[-1][1]:index].strip(" ") == "":
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def _normalised(origin: Path | bytes, password: str | None) -> tuple[Path | io.BytesIO, list[int]]:
    """What pdfplumber should read, and each page's /Rotate.

    A file with rotated pages, inverted page boxes or a CropBox is read from an in-memory copy without
    /Rotate whose MediaBox is the area shown, so text is read in the unrotated page space that pdfium renders.
    When pikepdf cannot open the file, the file itself is returned with no rotations, and pdfplumber's
    refusal says why.
    """
    unchanged = origin if isinstance(origin, Path) else io.BytesIO(origin)
    try:
        with pikepdf.open(origin if isinstance(origin, Path) else io.BytesIO(origin), password=password or "") as pdf:
            rotations = [int(page.obj.get("/Rotate", 0)) % 360 for page in pdf.pages]
            changed = False
            for page in pdf.pages:
                if "/Rotate" in page.obj:
                    del page.obj["/Rotate"]
                    changed = True
                shown = _shown_area(page)
                if shown is not None and shown != [float(v) for v in page.mediabox]:
                    page.mediabox = pikepdf.Array(shown)  # pikepdf writes it on the page: inherited boxes too
                    changed = True
                if "/CropBox" in page.obj:
                    del page.obj["/CropBox"]
                    changed = True
            if not changed:
                return unchanged, rotations
            buffer = io.BytesIO()
            pdf.save(buffer)
    except (pikepdf.PdfError, pikepdf.PasswordError, OSError, ValueError):
        return unchanged, []
    buffer.seek(0)
    return buffer, rotations


def _ordered(box: pikepdf.Array) -> list[float] | None:
    """A page box's corners as (left, bottom, right, top), however they were written; None if malformed."""
    values = [float(v) for v in box]
    if len(values) != 4:
        return None
    return [min(values[0], values[2]), min(values[1], values[3]), max(values[0], values[2]), max(values[1], values[3])]


def _shown_area(page: pikepdf.Page) -> list[float] | None:
    """The part of the page pdfium renders: the CropBox clipped to the MediaBox (pikepdf resolves inheritance).

    Character boxes are read in this area, so they land where the renderer draws the characters; a crop
    read as the MediaBox would shift every redaction box off the text it covers.
    """
    media, crop = _ordered(page.mediabox), _ordered(page.cropbox)
    if media is None or crop is None:
        return media
    shown = [max(media[0], crop[0]), max(media[1], crop[1]), min(media[2], crop[2]), min(media[3], crop[3])]
    return shown if shown[0] < shown[2] and shown[1] < shown[3] else media
