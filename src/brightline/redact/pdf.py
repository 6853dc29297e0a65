"""Redact a PDF by rebuilding it from pixels: nothing of the original page survives but its image.

Each page is rendered in unrotated page space (pypdfium2; annotations and form widgets not drawn:
annotations that are earlier redactions are burned back in as boxes), every redacted span is burned
into the pixels as a solid box, and
a new PDF is written with pikepdf holding, per page, only that image (1 bit per pixel) and an invisible
text layer of the words still visibly inked on it, placeholders where spans were removed. No metadata,
annotations, forms, attachments, scripts, outlines, layers or structure tree are carried over.
"""

from __future__ import annotations

import zlib
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

import pikepdf
import pypdfium2 as pdfium
from pdfminer.fontmetrics import FONT_METRICS
from PIL import Image, ImageDraw, ImageFont
from pydantic import BaseModel, ConfigDict, Field

from ..ingest.pdf import CharBox, PdfText
from ..ingest.render import open_document, render_page
from ..resources import load_data
from ..types import Finding, Label
from .operators import Operator, canonical_forms, entity_key

DEFAULT_DPI = 200
_PAD = 1.0  # points around each redacted line of characters
_INK = 128  # a pixel darker than this is ink
_COVERED = 0.85  # a word whose box is this dark is under a box already, not text a reader sees
_HELVETICA: dict[str, int] = FONT_METRICS["Helvetica"][1]  # glyph widths in 1/1000 em
_FIT = 0.92  # a word fills this share of its box, so extractors still see the gap to the next one
_TALL = 36.0  # points; a box this tall covers a picture, not a line, and its label is sized to its width
_NARROWEST = 0.5  # a label too wide for its box is narrowed to this share of its width before it shrinks
_SMALLEST = 6  # pixels: the smallest letters a label is written in


@dataclass(frozen=True)
class Box:
    """A redaction rectangle on a page, in points from the top-left, with the placeholder it shows."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    label: str


class BoxWidths(BaseModel):
    """models/redaction/box_widths: the width, in ems of the line's height, of each label's even boxes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: int = Field(ge=1)
    widths: dict[Label, Annotated[float, Field(gt=0, le=60)]]


@cache
def even_box_widths() -> Mapping[Label, float]:
    """The shipped widths for --even-boxes, validated on load."""
    return load_data("redaction/box_widths.v1.yaml", BoxWidths).widths


def redaction_boxes(pdf: PdfText, findings: list[Finding], labels: Collection[Label], operator: Operator,
                    even: Mapping[Label, float] | None = None) -> list[Box]:
    """One rectangle per line of characters of every redacted finding, and one per covering annotation.

    With `even` (ems of the line's height per label), a box narrower than its label's width is widened
    to it, so its width no longer tells the length of what it hides.
    """
    boxes: list[Box] = []
    chosen = sorted((f for f in findings if f.label in labels), key=lambda f: f.start)
    canonical = canonical_forms(chosen)
    for finding in chosen:
        placeholder = operator.replacement(finding, canonical[entity_key(finding)])
        lines: dict[tuple[int, float], list[CharBox]] = {}
        for char in pdf.boxes[finding.start:finding.end]:
            if char is not None:
                lines.setdefault((char.page, round(char.bottom)), []).append(char)
        for (page, _), chars in lines.items():
            top, bottom = min(c.top for c in chars), max(c.bottom for c in chars)
            x0, x1 = min(c.x0 for c in chars), max(c.x1 for c in chars)
            if even and finding.label in even:
                x0, x1 = _widened(x0, x1, even[finding.label] * (bottom - top), pdf.page_sizes[page - 1][0])
            boxes.append(Box(page, x0 - _PAD, top - _PAD, x1 + _PAD, bottom + _PAD, placeholder))
    # an earlier redaction made as an annotation is not drawn from the page: it is burned back in, unlabelled
    return boxes + [Box(r.page, r.x0, r.top, r.x1, r.bottom, "") for r in pdf.covering]


def _widened(x0: float, x1: float, width: float, page_width: float) -> tuple[float, float]:
    """[x0, x1] grown to `width` to the right, or to the left where the page ends; never narrowed."""
    if x1 - x0 >= width:
        return x0, x1
    if x0 + width <= page_width:
        return x0, x0 + width
    return max(0.0, min(x0, page_width - width)), max(x1, page_width)


def render_pages(source: Path | bytes, name: str, password: str | None, dpi: int) -> Iterator[Image.Image]:
    """Each page as a grayscale image in unrotated page space, where the character boxes are; one at a time."""
    document = open_document(source, name, password)
    try:
        for index in range(len(document)):
            yield render_page(document, index, name, dpi)
    finally:
        document.close()


def text_layer(document: pdfium.PdfDocument, separator: str = "\n") -> str:
    """The text pdfium reads from every page of an open PDF, pages joined by `separator`."""
    return separator.join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def burn(image: Image.Image, boxes: list[Box], dpi: int) -> Image.Image:
    """The page image with every box filled solid black and its placeholder written in it when it fits.

    All boxes are filled before any label is written. A label that would overlap one already written
    moves right within its box, or is left out when there is no room: labels drawn over each other
    would leave a box more white than black.
    """
    burned = image.copy()
    draw = ImageDraw.Draw(burned)
    scale = dpi / 72
    rects = [(box.x0 * scale, box.top * scale, box.x1 * scale, box.bottom * scale) for box in boxes]
    for rect in rects:
        draw.rectangle(rect, fill=0)
    written: list[tuple[int, int, int, int]] = []
    for box, rect in zip(boxes, rects, strict=True):
        label = _label_image(box.label, int(rect[2] - rect[0]) - 2, int(rect[3] - rect[1]) - 2, dpi) if box.label else None
        if label is None:
            continue
        area = _label_area(label, rect, written)
        if area is not None:
            burned.paste(label, area[:2])
            written.append(area)
    return burned


def _label_area(label: Image.Image, rect: tuple[float, float, float, float],
                written: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int] | None:
    """Where in its box a label goes: at the box's left, or right after the labels it would cover; None if nowhere."""
    left, top = int(rect[0]) + 1, int((rect[1] + rect[3] - label.height) / 2)
    while left + label.width <= rect[2] - 1:
        area = (left, top, left + label.width, top + label.height)
        overlapped = [a for a in written if area[0] < a[2] and a[0] < area[2] and area[1] < a[3] and a[1] < area[3]]
        if not overlapped:
            return area
        left = max(a[2] for a in overlapped) + 4  # a gap, so two labels read as two
    return None


def _label_image(text: str, width: int, height: int, dpi: int) -> Image.Image | None:
    """A placeholder in white on black that fits a box of `width` x `height` pixels; None when none can.

    Letters are 70% of the box's height. A label too wide is narrowed, to half its width at most, and then
    made smaller: a box as narrow as a pair of initials still says what it hides, as the text layer does.
    A picture's tall box sizes its label to its width.
    """
    if width <= 0 or height <= 0:
        return None
    size = max(_SMALLEST, int(height * 0.7))
    if height > _TALL * dpi / 72:
        natural = ImageFont.load_default(size=size).getlength(text)
        size = max(_SMALLEST, int(size * min(1.0, width / max(natural, 1.0))))
    font = ImageFont.load_default(size=size)
    left, top, right, bottom = font.getbbox(text)
    natural_width, natural_height = right - left, bottom - top
    if natural_width <= 0 or natural_height <= 0:
        return None
    label = Image.new("L", (natural_width, natural_height), 0)
    ImageDraw.Draw(label).text((-left, -top), text, fill=255, font=font)
    fit_width = min(natural_width, width)
    # narrowed to half at most; beyond that the letters shrink with the width
    fit_height = min(height, int(natural_height * min(1.0, fit_width / (natural_width * _NARROWEST))))
    if fit_height < _SMALLEST:
        return None
    if (fit_width, fit_height) == (natural_width, natural_height):
        return label
    return label.resize((fit_width, fit_height), Image.Resampling.LANCZOS)


def text_layer_words(pdf: PdfText, page: int, findings: list[Finding], labels: Collection[Label],
                     operator: Operator, image: Image.Image, dpi: int) -> list[tuple[str, CharBox]]:
    """The words of a page that are visibly inked on the redacted image, placeholders for redactions."""
    first, last = pdf.page_span(page)
    canonical = canonical_forms(f for f in findings if f.label in labels)  # the whole file's, as its boxes
    redacted = [f for f in findings if f.label in labels and f.start < last and first < f.end]
    covered = set()
    for finding in redacted:
        covered.update(range(finding.start, finding.end))
    words: list[tuple[str, CharBox]] = []
    placed: set[int] = set()
    start = None
    for index in range(first, last + 1):
        char = pdf.boxes[index] if index < len(pdf.text) else None
        inside = char is not None and char.page == page and not pdf.text[index].isspace()
        if inside and start is None:
            start = index
        if not inside and start is not None:
            words += _word(pdf, start, index, covered, redacted, placed, operator, canonical, image, dpi)
            start = None
    return words


def _word(pdf: PdfText, start: int, end: int, covered: set[int], redacted: list[Finding], placed: set[int],
          operator: Operator, canonical: dict[str, str], image: Image.Image, dpi: int) -> list[tuple[str, CharBox]]:
    """A word's redacted parts as placeholders and its kept parts as written: "Quispe," keeps its comma."""
    words: list[tuple[str, CharBox]] = []
    for part_start, part_end in _runs(start, end, covered):
        chars = [c for c in pdf.boxes[part_start:part_end] if c is not None]
        if not chars:
            continue
        box = CharBox(chars[0].page, min(c.x0 for c in chars), min(c.top for c in chars), max(c.x1 for c in chars),
                      max(c.bottom for c in chars))
        if part_start in covered:
            finding = next(f for f in redacted if f.start < part_end and part_start < f.end)
            if id(finding) not in placed:
                placed.add(id(finding))
                words.append((operator.replacement(finding, canonical[entity_key(finding)]), box))
            continue
        share = _ink_share(image, box, dpi)
        if 0 < share < _COVERED:  # not inked is hidden text; darker is under a box already (an earlier redaction)
            words.append((pdf.text[part_start:part_end], box))
    return words


def _runs(start: int, end: int, covered: set[int]) -> list[tuple[int, int]]:
    """[start, end) cut where it passes in or out of the redacted characters."""
    runs: list[tuple[int, int]] = []
    for index in range(start, end):
        if runs and (index in covered) == (runs[-1][0] in covered):
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def _ink_share(image: Image.Image, box: CharBox, dpi: int) -> float:
    scale = dpi / 72
    area = image.crop((int(box.x0 * scale), int(box.top * scale), max(int(box.x1 * scale), int(box.x0 * scale) + 1),
                       max(int(box.bottom * scale), int(box.top * scale) + 1)))
    histogram = area.histogram()
    total = sum(histogram)
    return sum(histogram[:_INK]) / total if total else 0.0


@dataclass(frozen=True)
class PageImage:
    """A redacted page as written: its 1-bit pixels, Flate-compressed (a few tens of KB), and its text layer."""

    width: int
    height: int
    bits: bytes
    rotation: int
    words: list[tuple[str, CharBox]]

    @classmethod
    def from_burned(cls, burned: Image.Image, rotation: int, words: list[tuple[str, CharBox]]) -> PageImage:
        # thresholded, not dithered: dithering costs time and bytes and adds noise
        bits = burned.convert("1", dither=Image.Dither.NONE)
        return cls(burned.width, burned.height, zlib.compress(bits.tobytes(), 6), rotation, words)

    def image(self) -> Image.Image:
        """The page's pixels, grayscale, exactly as written."""
        return Image.frombytes("1", (self.width, self.height), zlib.decompress(self.bits)).convert("L")


def write_pdf(target: Path, pages: Iterable[PageImage], dpi: int) -> None:
    """A new PDF of bilevel page images with invisible text; no metadata of any kind."""
    out = pikepdf.new()
    font = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    for page_image in pages:
        width_pt, height_pt = page_image.width * 72 / dpi, page_image.height * 72 / dpi
        xobject = pikepdf.Stream(out, page_image.bits)
        xobject.Type, xobject.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        xobject.Width, xobject.Height = page_image.width, page_image.height
        xobject.ColorSpace, xobject.BitsPerComponent = pikepdf.Name.DeviceGray, 1
        xobject.Filter = pikepdf.Name.FlateDecode
        content = [f"q {width_pt:.3f} 0 0 {height_pt:.3f} 0 0 cm /Im0 Do Q BT 3 Tr".encode()]
        current = None
        for text, box in page_image.words:  # one text object, few operators per word: extractors parse it fast
            size = round(max(box.bottom - box.top, 1.0), 2)
            if size != current:
                content.append(b"/F1 %.2f Tf" % size)
                current = size
            baseline = height_pt - box.bottom + size * 0.2
            # squeeze or stretch the word to its box, so extractors keep words apart and in place
            natural = max(sum(_HELVETICA.get(c, 556) for c in text) / 1000 * size, 0.1)
            stretch = 100 * _FIT * max(box.x1 - box.x0, 0.5) / natural
            content.append(b"%.1f Tz 1 0 0 1 %.3f %.3f Tm (%s) Tj" % (stretch, box.x0, baseline, _pdf_string(text)))
        content.append(b"ET")
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, width_pt, height_pt],
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobject), Font=pikepdf.Dictionary(F1=font)),
            Contents=pikepdf.Stream(out, b"\n".join(content)),
        )
        if page_image.rotation:
            page.Rotate = page_image.rotation  # shown as the original page was
        out.pages.append(pikepdf.Page(page))
    out.save(target, fix_metadata_version=False, deterministic_id=True)


def _pdf_string(text: str) -> bytes:
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
