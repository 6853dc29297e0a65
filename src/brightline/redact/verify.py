"""Prove a redacted PDF leaks nothing, with extractors of different families; fail closed otherwise.

Checks: the structure holds only page images and the invisible text layer (no metadata, annotations,
forms, attachments, scripts, outlines, layers, structure tree); no redacted value, of any length, is
found more often in the text that pdfplumber, pypdf or pypdfium2 extract, or in any stream or string
object, than in what the redaction meant to keep; every redaction box is solid in the output's own
rendering, and the page outside the boxes matches the redacted image. Last, independently of the
redactor's own geometry, pdfium locates every redacted value in the original, and the output's
rendering must be dark where its glyphs were drawn.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy
import pdfplumber
import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageChops
from pypdf import PdfReader

from ..detect.repeats import value_pattern
from ..errors import VerificationError
from .operators import without_placeholders
from .pdf import Box, PageImage, render_pages

_ROOT_KEYS = {"/Type", "/Pages"}
_PAGE_KEYS = {"/Type", "/Parent", "/MediaBox", "/Resources", "/Contents", "/Rotate"}
_SOLID = 64  # a box pixel must be darker than this
_SOLID_SHARE = 0.99  # of the pixels the box is black in
_BOX_DARK = 0.5  # a box is at least this dark even with its label in it
_MAX_DIFFERENCE = 0.02  # mean difference allowed between the output's rendering and the redacted image
_INK = 128  # a pixel darker than this is ink
_DRAWN = 0.03  # a glyph box with less ink than this was not drawn (hidden text)
_COVERED = 0.85  # one with more is under a box already (an earlier redaction): nobody reads it
_UNCHANGED = 0.9  # a glyph box whose pixels are this much the original's is still legible
WORD = re.compile(r"\w+")


@dataclass
class PdfRedaction:
    """A PDF's redaction: the pages as written, the boxes burned, and what had to go and what may stay."""

    pages: list[PageImage]
    boxes: list[Box]
    values: list[str]  # every redacted value, as found in the original
    read_text: str  # the original's text as the redactor read it
    kept_text: str  # the same with every redacted span blanked: what a reader may still find
    dpi: int
    original: Path | bytes | None = None  # for the glyph check; None skips it
    password: str | None = None


def verify_pdf(path: Path, redaction: PdfRedaction, shown_as: str | None = None) -> None:
    """Raise VerificationError naming the file and the first problem found; return quietly when it is clean.

    `shown_as` names the document in the message: a copy is verified under its temporary name, and the
    records officer needs to know which input failed.
    """
    values = patterns(redaction.values)
    allowed = counts(values, _normal(redaction.kept_text))
    try:
        _check_structure(path)
        for name, text in _extracted_texts(path).items():
            if counts(values, text) - allowed:
                raise VerificationError(f"a redacted value is still extractable ({name}).")
        _check_pixels(path, redaction)
    except VerificationError as exc:
        raise VerificationError(f"{shown_as or path.name}: {exc}") from None


def patterns(values: list[str]) -> dict[str, re.Pattern[str]]:
    """One pattern per distinct redacted value that holds a letter or a digit."""
    distinct = {_normal(v) for v in values}
    return {v: value_pattern(v) for v in sorted(distinct) if any(c.isalnum() for c in v)}


def counts(patterns: dict[str, re.Pattern[str]], text: str) -> Counter[str]:
    """How often each pattern's value is found in a text (values never found are left out)."""
    return Counter({value: n for value, pattern in patterns.items() if (n := len(pattern.findall(text)))})


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _check_structure(path: Path) -> None:
    with pikepdf.open(path) as pdf:
        problems = []
        if pdf.trailer.get("/Info") is not None and len(pdf.docinfo) > 0:
            problems.append("document information")
        extra = set(pdf.Root.keys()) - _ROOT_KEYS
        if extra:
            problems.append("catalog entries " + ", ".join(sorted(extra)))
        for number, page in enumerate(pdf.pages, start=1):
            keys = set(page.obj.keys()) - _PAGE_KEYS
            if keys:
                problems.append(f"page {number} entries " + ", ".join(sorted(keys)))
        if problems:
            raise VerificationError(f"unexpected structure ({'; '.join(problems)}).")


def _extracted_texts(path: Path) -> dict[str, str]:
    texts = {}
    with pdfplumber.open(path) as pdf:
        texts["pdfplumber"] = "\n".join(_plumber_text(page) for page in pdf.pages)
    texts["pypdf"] = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    document = pdfium.PdfDocument(str(path))
    try:
        texts["pypdfium2"] = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    texts["objects"] = _raw_strings(path)
    return {name: _normal(without_placeholders(text)) for name, text in texts.items()}


def _raw_strings(path: Path) -> str:
    """Every string a raw object scan finds.

    String objects, the text operands of page contents, and every other stream but images whole: the
    numbers of page contents are coordinates, not text.
    """
    raw = []
    with pikepdf.open(path) as pdf:
        contents = set()
        for page in pdf.pages:
            streams = page.obj.get("/Contents")
            for stream in streams if isinstance(streams, pikepdf.Array) else [streams]:
                if isinstance(stream, pikepdf.Stream):
                    contents.add(stream.objgen)
            for operands, _ in pikepdf.parse_content_stream(page):
                raw += [bytes(o).decode("latin-1") for o in _strings(operands)]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") != pikepdf.Name.Image:
                if obj.objgen not in contents:
                    raw.append(obj.read_bytes().decode("latin-1"))
            elif isinstance(obj, pikepdf.String):
                raw.append(str(obj))
    return "\n".join(raw)


def _strings(operands: object) -> list[pikepdf.String]:
    """The strings among an operator's operands, arrays (TJ) included."""
    found = []
    for operand in operands if isinstance(operands, (list, pikepdf.Array)) else [operands]:
        if isinstance(operand, pikepdf.String):
            found.append(operand)
        elif isinstance(operand, pikepdf.Array):
            found += _strings(operand)
    return found


def _core(black: numpy.ndarray) -> numpy.ndarray:
    """The black pixels whose four neighbours are black too (the array loses its one-pixel rim)."""
    return (black[1:-1, 1:-1] & black[:-2, 1:-1] & black[2:, 1:-1] & black[1:-1, :-2] & black[1:-1, 2:])


def _plumber_text(page: pdfplumber.page.Page) -> str:
    text = page.extract_text() or ""
    page.close()  # free the page's objects: a long file would otherwise hold them all
    return text


def _check_pixels(path: Path, redaction: PdfRedaction) -> None:
    """Boxes solid, pages as burned, and no word of a redacted value legible where the original drew it.

    Words, not whole values, are counted: two extractors read columns and line ends in different orders,
    but they agree on words.
    """
    words = patterns([word for value in redaction.values for word in WORD.findall(value)])
    read_pages, kept_pages = redaction.read_text.split("\f"), redaction.kept_text.split("\f")
    originals = _original_pages(redaction) if redaction.original is not None else None
    for number, rendered in enumerate(_rendered(path, redaction), start=1):
        page_image = redaction.pages[number - 1]
        written = page_image.image()
        if rendered.size != written.size:
            rendered = rendered.resize(written.size)
        _check_boxes(number, rendered, written, redaction)
        difference = ImageChops.difference(rendered, written).histogram()
        changed = sum(difference[128:]) / max(1, sum(difference))
        if changed > _MAX_DIFFERENCE:
            raise VerificationError(f"page {number} differs from its redacted image.")
        if originals is not None:
            page = next(originals)
            legible = _legible_words(page, numpy.asarray(rendered), words, redaction.dpi)
            # what pdfium reads and the redactor never saw (an /ActualText over other glyphs) is no glyph
            # of a redacted value; the rest must be dark unless the redaction kept it
            unseen = counts(words, page.text) - counts(words, read_pages[number - 1])
            if legible - unseen - counts(words, kept_pages[number - 1]):
                raise VerificationError(f"a redacted value is still legible on page {number}.")


def _rendered(path: Path, redaction: PdfRedaction) -> Iterator[Image.Image]:
    """The output's pages as a reader sees them, unrotated, at the redaction's resolution."""
    document = pdfium.PdfDocument(str(path))
    try:
        if len(document) != len(redaction.pages):
            raise VerificationError("page count changed.")
        for index in range(len(document)):
            page = document[index]
            page.set_rotation(0)
            yield page.render(scale=redaction.dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def _check_boxes(number: int, rendered: Image.Image, written: Image.Image, redaction: PdfRedaction) -> None:
    scale = redaction.dpi / 72
    for box in (b for b in redaction.boxes if b.page == number):
        inner = (int(box.x0 * scale) + 2, int(box.top * scale) + 2, int(box.x1 * scale) - 2,
                 int(box.bottom * scale) - 2)
        if inner[2] <= inner[0] or inner[3] <= inner[1]:
            continue
        # solid: black except its own placeholder label, pixel for pixel as burned
        region, burned = rendered.crop(inner), written.crop(inner)
        shown, meant = numpy.asarray(region), numpy.asarray(burned)
        dark = float((shown < _SOLID).mean())
        core = _core(meant < 128)  # the box without its white label and the label's soft edges
        lit = int((shown[1:-1, 1:-1][core] >= _SOLID).sum())
        if dark < _BOX_DARK or lit > (1 - _SOLID_SHARE) * max(1, int(core.sum())):
            raise VerificationError(f"a box on page {number} is not solid.")


@dataclass
class _OriginalPage:
    """An original page as pdfium reads and draws it.

    Its text, each character's box, the corner boxes are measured from, and where its rendering at the
    redaction's resolution is dark.
    """

    text: str
    boxes: list[tuple[float, float, float, float]]
    left: float
    top: float
    ink: numpy.ndarray  # True where the original page is dark


def _original_pages(redaction: PdfRedaction) -> Iterator[_OriginalPage]:
    """The original's pages read by pdfium, which the redactor's own geometry (pdfplumber's) does not use."""
    assert redaction.original is not None
    try:
        document = pdfium.PdfDocument(redaction.original, password=redaction.password)
    except pdfium.PdfiumError as exc:
        raise VerificationError(f"the original cannot be read for the glyph check ({exc}).") from None
    renders = render_pages(redaction.original, "the original", redaction.password, redaction.dpi)
    try:
        for index, image in zip(range(len(document)), renders, strict=True):
            page = document[index]
            textpage = page.get_textpage()
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count else ""
            if len(text) != count:  # a character pdfium reads as two code units: take them one by one
                text = "".join(textpage.get_text_range(i, 1)[:1] or " " for i in range(count))
            left, bottom, right, top = page.get_bbox()  # the area pdfium renders: CropBox within MediaBox
            yield _OriginalPage(text, [textpage.get_charbox(i) for i in range(count)], min(left, right),
                                max(bottom, top), numpy.asarray(image) < _INK)
    finally:
        renders.close()
        document.close()


def _legible_words(page: _OriginalPage, shown: numpy.ndarray, words: dict[str, re.Pattern[str]],
                   dpi: int) -> Counter[str]:
    """How often each word is still legible on the output page.

    Legible: where pdfium saw the original draw it, the output's pixels are still the original's. A box
    turns the page's white to black around its own white label, so it never looks like the glyphs it
    hides. Where nothing was drawn (hidden text), under a box already, or off the page, nobody reads it.
    """
    legible: Counter[str] = Counter()
    ink = shown < _INK
    scale = dpi / 72
    for word, pattern in words.items():
        for match in pattern.finditer(page.text):
            same = inked = total = 0
            for left, bottom, right, top in page.boxes[match.start():match.end()]:
                x0, x1 = int((left - page.left) * scale), int((right - page.left) * scale) + 1
                y0, y1 = int((page.top - top) * scale), int((page.top - bottom) * scale) + 1
                before = page.ink[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]
                after = ink[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]
                if before.shape != after.shape:
                    continue  # the output's page size differs: the page check reports it
                same += int((before == after).sum())
                inked += int(before.sum())
                total += before.size
            if total and _DRAWN * total < inked < _COVERED * total and same > _UNCHANGED * total:
                legible[word] += 1
    return legible
