"""Prove a redacted PDF leaks nothing, with extractors of different families; fail closed otherwise.

Checks: the structure holds only page images and the invisible text layer (no metadata, annotations,
forms, attachments, scripts, outlines, layers, structure tree); no redacted value appears in the text
that pdfplumber, pypdf or pypdfium2 extract, nor in any stream or string object; every redaction box
is solid in the output's own rendering, and the page outside the boxes matches the redacted image.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import numpy
import pdfplumber
import pikepdf
import pypdfium2 as pdfium
from PIL import ImageChops
from pypdf import PdfReader

from ..detect.repeats import value_pattern
from ..errors import VerificationError
from .operators import without_placeholders
from .pdf import Box, PageImage

_ROOT_KEYS = {"/Type", "/Pages"}
_PAGE_KEYS = {"/Type", "/Parent", "/MediaBox", "/Resources", "/Contents", "/Rotate"}
_SOLID = 64  # a box pixel must be darker than this
_SOLID_SHARE = 0.99  # of the pixels the box is black in
_BOX_DARK = 0.5  # a box is at least this dark even with its label in it
_MAX_DIFFERENCE = 0.02  # mean difference allowed between the output's rendering and the redacted image


def verify_pdf(path: Path, values: Iterable[str], boxes: list[Box], pages: list[PageImage], dpi: int,
               shown_as: str | None = None) -> None:
    """Raise VerificationError naming the file and the first problem found; return quietly when it is clean.

    `shown_as` names the document in the message: a copy is verified under its temporary name, and the
    records officer needs to know which input failed.
    """
    patterns = {value_pattern(v) for v in values if len(_normal(v).replace(" ", "")) >= 4}
    try:
        _check_structure(path)
        for name, text in _extracted_texts(path).items():
            if any(pattern.search(text) for pattern in patterns):
                raise VerificationError(f"a redacted value is still extractable ({name}).")
        _check_pixels(path, boxes, pages, dpi)
    except VerificationError as exc:
        raise VerificationError(f"{shown_as or path.name}: {exc}") from None


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
    raw = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") != pikepdf.Name.Image:
                raw.append(obj.read_bytes().decode("latin-1"))
            elif isinstance(obj, pikepdf.String):
                raw.append(str(obj))
    texts["objects"] = "\n".join(raw)
    return {name: _normal(without_placeholders(text)) for name, text in texts.items()}


def _core(black: numpy.ndarray) -> numpy.ndarray:
    """The black pixels whose four neighbours are black too (the array loses its one-pixel rim)."""
    return (black[1:-1, 1:-1] & black[:-2, 1:-1] & black[2:, 1:-1] & black[1:-1, :-2] & black[1:-1, 2:])


def _plumber_text(page: pdfplumber.page.Page) -> str:
    text = page.extract_text() or ""
    page.close()  # free the page's objects: a long file would otherwise hold them all
    return text


def _check_pixels(path: Path, boxes: list[Box], pages: list[PageImage], dpi: int) -> None:
    document = pdfium.PdfDocument(str(path))
    try:
        if len(document) != len(pages):
            raise VerificationError("page count changed.")
        scale = dpi / 72
        for number, page_image in enumerate(pages, start=1):
            written = page_image.image()
            page = document[number - 1]
            page.set_rotation(0)
            rendered = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            if rendered.size != written.size:
                rendered = rendered.resize(written.size)
            for box in (b for b in boxes if b.page == number):
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
            difference = ImageChops.difference(rendered, written).histogram()
            changed = sum(difference[128:]) / max(1, sum(difference))
            if changed > _MAX_DIFFERENCE:
                raise VerificationError(f"page {number} differs from its redacted image.")
    finally:
        document.close()
