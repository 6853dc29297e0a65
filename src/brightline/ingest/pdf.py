"""Read a PDF's text with the box of every character, so findings can be mapped back onto the page.

The document text is the pages' layout text (pdfplumber's TextMap), pages separated by a form feed.
Each character of that text has its page and box, or None for layout whitespace. Pages with no text
layer (scans) and encrypted files without their password are refused: nothing is passed through
unredacted.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pikepdf
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import InputFileError

PAGE_BREAK = "\n\f\n"


@dataclass(frozen=True)
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

    @property
    def pages(self) -> int:
        return len(self.page_sizes)

    def page_of(self, offset: int) -> int:
        """The 1-based page an offset of the text falls on."""
        return self.text.count("\f", 0, offset) + 1


def read_pdf(path: Path, password: str | None = None, max_pages: int = 2000) -> PdfText:
    """The text and character boxes of a PDF, or a clear refusal."""
    source, rotations = _unrotated(path, password)
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
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as exc:  # noqa: BLE001 - a broken page tree raises whatever pdfminer meets
            raise InputFileError(f"{path}: its pages cannot be read ({type(exc).__name__}).") from None
        if count == 0:
            raise InputFileError(f"{path}: a PDF with no pages.")
        if count > max_pages:
            raise InputFileError(f"{path}: {len(pdf.pages)} pages; the limit is {max_pages}.")
        parts: list[str] = []
        boxes: list[CharBox | None] = []
        sizes: list[tuple[float, float]] = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                textmap = page._get_textmap(layout=False, keep_blank_chars=False)
            except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged pages
                raise InputFileError(f"{path}: page {number} cannot be read ({type(exc).__name__}).") from None
            if not any(ch for ch, obj in textmap.tuples if obj is not None and ch.strip()):
                raise InputFileError(f"{path}: page {number} has no text layer (a scan); it needs OCR first.")
            x0, top = page.bbox[0], page.bbox[1]
            if number > 1:
                parts.append(PAGE_BREAK)
                boxes += [None] * len(PAGE_BREAK)
            for ch, obj in textmap.tuples:
                parts.append(ch)
                boxes.append(
                    None if obj is None else CharBox(number, obj["x0"] - x0, obj["top"] - top, obj["x1"] - x0,
                                                     obj["bottom"] - top)
                )
            sizes.append((float(page.width), float(page.height)))
    return PdfText(text="".join(parts), boxes=boxes, page_sizes=sizes, rotations=rotations)


def _unrotated(path: Path, password: str | None) -> tuple[Path | io.BytesIO, list[int]]:
    """What pdfplumber should read, and each page's /Rotate.

    A file with rotated pages is read from an in-memory copy without /Rotate, so text is read (and
    pages rendered) in unrotated page space. When pikepdf cannot open the file, the path itself is
    returned with no rotations, and pdfplumber's refusal says why.
    """
    try:
        with pikepdf.open(path, password=password or "") as pdf:
            rotations = [int(page.obj.get("/Rotate", 0)) % 360 for page in pdf.pages]
            if not any(rotations):
                return path, rotations
            for page in pdf.pages:
                if "/Rotate" in page.obj:
                    del page.obj["/Rotate"]
            buffer = io.BytesIO()
            pdf.save(buffer)
    except (pikepdf.PdfError, pikepdf.PasswordError, OSError, ValueError):
        return path, []
    buffer.seek(0)
    return buffer, rotations
