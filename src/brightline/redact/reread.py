"""Read a redacted PDF as an outsider would, by OCR of its pixels alone.

The checks in verify.py read the copy's text layer and compare its pixels with the original's glyphs;
this one trusts neither the text layer nor any geometry: it reads the page images with the OCR engine.
Two checks follow. A word of a redacted value (four letters or more) found there more often than the
redaction kept it fails the copy. And the text read is screened again with the full detector: a
finding of a label the redaction removes fails the copy unless every word of it was in the text the
redaction kept, so a name the boxes missed, or a picture of text nobody read, is caught. Solid boxes
are whited out, labels and all, before OCR: it would make invented words of the labels, which the
detector takes for names. It costs seconds a page, so `brightline verify` runs it and `redact` does not.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

import numpy
from anyascii import anyascii
from PIL import Image
from scipy import ndimage

from ..errors import VerificationError
from ..ingest.ocr import INSTALL_HINT, OcrError, OcrWord, installed_engine
from ..ingest.render import open_document, render_page
from ..types import Finding, Label
from .operators import PLACEHOLDER
from .verify import WORD, PdfRedaction, counts, patterns

OCR_DPI = 300
_LABEL_WORDS = frozenset(word for label in Label for word in label.value.split("_"))
_INK = 128  # a pixel darker than this is ink
# pixels at OCR_DPI (300): a box's body is dark in runs of 30 across (a tenth of an inch) and 5 thick; its
# label lies within 45 (about 11 points) of body above and below
_BODY_RUN, _BODY_THICK, _LABEL_GAP = 30, 5, 45
_MISREAD = 0.8  # difflib's ratio from which a word read back is a kept word misread

Screen = Callable[[str], Iterable[Finding]]


def reread(path: Path, redaction: PdfRedaction, screen: Screen | None = None,
           redacted: Collection[Label] = ()) -> None:
    """Raise VerificationError when the copy's pixels, read by OCR, still show what was redacted.

    With `screen` (the detector), the text read is screened again, and a finding of any `redacted`
    label fails the copy.
    """
    engine = installed_engine()
    if engine is None:
        raise VerificationError(f"{path.name}: the OCR check needs Tesseract ({INSTALL_HINT}).")
    # short words are OCR noise as often as the page's ("ID", "son" of "Season"): the other checks count them
    # nor are the labels: OCR reads "[IMMIGRATION]" without its brackets, and the placeholder stays
    words = patterns([word for value in redaction.values for word in WORD.findall(value)
                      if len(word) >= 4 and word.upper() not in _LABEL_WORDS])
    kept = counts(words, redaction.kept_text)
    pages = []
    document = open_document(path, path.name, None)
    try:
        for index in range(len(document)):
            image = _without_boxes(render_page(document, index, path.name, OCR_DPI))
            try:
                read = engine.words(image, OCR_DPI)
            except OcrError as exc:
                raise VerificationError(f"{path.name}: page {index + 1} cannot be read back ({exc}).") from None
            pages.append(_page_text(read))
    finally:
        document.close()
    text = PLACEHOLDER.sub(" ", "\n\n".join(pages))
    if counts(words, text) - kept:
        raise VerificationError(f"{path.name}: a redacted value can still be read off the page by OCR.")
    if screen is not None:
        seen = sorted(_folded(redaction.kept_text))
        found = sorted({f.label.value for f in screen(text) if f.label in redacted and not _kept(f.text, seen)})
        if found:
            raise VerificationError(f"{path.name}: read back by OCR, the copy still shows what the redaction "
                                    f"removes ({', '.join(found)}).")


def _kept(value: str, seen: list[str]) -> bool:
    """Whether every word of a value read back is a word the redaction kept, as OCR may have misread it.

    What the original's screening read in full context and kept (an official's name) stays kept: read
    back without its role, the detector may judge it otherwise. OCR misreads a letter or an accent, or
    runs two words together ("ofthe"); a word that close to a kept one (difflib's ratio 0.8) is that word.
    """
    return all(word in seen or difflib.get_close_matches(word, seen, n=1, cutoff=_MISREAD) for word in _folded(value))


def _folded(text: str) -> set[str]:
    """A text's words without case or accents: OCR reads "é" as "è" as readily as an "l" for an "I"."""
    return {anyascii(word).casefold() for word in WORD.findall(text)}


def _without_boxes(image: Image.Image) -> Image.Image:
    """The page with every solid dark box turned white, its label included.

    A box's body: dark in runs long across (_BODY_RUN) and thick (_BODY_THICK), which no stroke of text
    is, nor a thin rule. Above and below its label the body closes over it (_LABEL_GAP), so the label
    goes too; a box's rim of soft pixels goes with a little more.
    """
    dark = numpy.asarray(image) < _INK
    body = ndimage.binary_opening(dark, numpy.ones((1, _BODY_RUN), bool))
    body = ndimage.binary_opening(body, numpy.ones((_BODY_THICK, 1), bool))
    box = ndimage.binary_closing(body, numpy.ones((_LABEL_GAP, 1), bool))
    box = ndimage.binary_dilation(box, numpy.ones((3, 3), bool), iterations=2)
    pixels = numpy.asarray(image).copy()
    pixels[box] = 255
    return Image.fromarray(pixels)


def _page_text(words: list[OcrWord]) -> str:
    """The words OCR read on a page, a line to a line."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    return "\n".join(" ".join(line) for line in lines.values())
