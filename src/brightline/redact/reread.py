"""Read a redacted PDF as an outsider would, by OCR of its pixels alone.

The checks in verify.py read the copy's text layer and compare its pixels with the original's glyphs;
this one trusts neither the text layer nor any geometry: it reads the page images with the OCR engine,
and a word of a redacted value (four letters or more) found there more often than the redaction kept
it fails the copy. It costs seconds a page, so `brightline verify` runs it and `redact` does not.

Screening the OCR text again with the full detector was tried and left out: OCR reads the black boxes
and their white labels as invented words ("ESSE"), which the detector takes for names, so 25 of 30
clean copies failed.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import VerificationError
from ..ingest.ocr import INSTALL_HINT, OcrError, installed_engine
from ..ingest.render import open_document, render_page
from ..types import Label
from .operators import PLACEHOLDER
from .verify import WORD, PdfRedaction, counts, patterns

OCR_DPI = 300
_LABEL_WORDS = frozenset(word for label in Label for word in label.value.split("_"))


def reread(path: Path, redaction: PdfRedaction) -> None:
    """Raise VerificationError when the copy's pixels, read by OCR, still show what was redacted."""
    engine = installed_engine()
    if engine is None:
        raise VerificationError(f"{path.name}: the OCR check needs Tesseract ({INSTALL_HINT}).")
    # short words are OCR noise as often as the page's ("ID", "son" of "Season"): the other checks count them
    # nor are the labels: OCR reads "[IMMIGRATION]" without its brackets, and the placeholder stays
    words = patterns([word for value in redaction.values for word in WORD.findall(value)
                      if len(word) >= 4 and word.upper() not in _LABEL_WORDS])
    kept = counts(words, redaction.kept_text)
    seen = []
    document = open_document(path, path.name, None)
    try:
        for index in range(len(document)):
            try:
                read = engine.words(render_page(document, index, path.name, OCR_DPI), OCR_DPI)
            except OcrError as exc:
                raise VerificationError(f"{path.name}: page {index + 1} cannot be read back ({exc}).") from None
            seen.append(" ".join(word.text for word in read))
    finally:
        document.close()
    text = PLACEHOLDER.sub(" ", "\n".join(seen))
    if counts(words, text) - kept:
        raise VerificationError(f"{path.name}: a redacted value can still be read off the page by OCR.")
