"""Image files (PNG, JPEG, TIFF with its pages) become image-only PDFs in memory, read like any scan.

Wrapping the pixels in a PDF lets one path serve scans and images alike: OCR, boxes, burning, the
text layer and verification. The pixels are kept as they are (in grayscale, as redaction renders
them), upright as a viewer shows them (EXIF orientation applied), at the resolution the file states.
"""

from __future__ import annotations

import io
import warnings
import zlib
from pathlib import Path

import pikepdf
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from ..errors import InputFileError

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
_DEFAULT_DPI = 300.0  # a file that states no resolution is taken for a 300 dpi scan
_PLAUSIBLE_DPI = (50.0, 1200.0)
_MAX_PIXELS = 150_000_000  # per page: an A4 page at 1200 dpi is 140 million


def image_pdf(origin: Path | bytes, name: str, max_pages: int = 2000) -> bytes:
    """An image-only PDF of an image file's pages (a file, or its bytes), or a clear refusal naming it."""
    try:
        data = origin.read_bytes() if isinstance(origin, Path) else origin
    except FileNotFoundError:
        raise InputFileError(f"{name}: no such file.") from None
    except OSError as exc:
        raise InputFileError(f"{name}: cannot be read ({exc.strerror}).") from None
    out = pikepdf.new()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                    if number > max_pages:
                        raise InputFileError(f"{name}: more than {max_pages} pages; the limit is {max_pages}.")
                    if frame.width * frame.height > _MAX_PIXELS:
                        raise InputFileError(f"{name}: page {number} is larger than {_MAX_PIXELS} pixels.")
                    _add_page(out, ImageOps.exif_transpose(frame).convert("L"), _dpi(frame))
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputFileError(f"{name}: not a readable image.") from None
    except (OSError, ValueError, SyntaxError) as exc:  # truncated or damaged files raise any of these
        raise InputFileError(f"{name}: not a readable image ({type(exc).__name__}).") from None
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def _dpi(frame: Image.Image) -> float:
    stated = frame.info.get("dpi")
    try:
        dpi = float(stated[0]) if stated else _DEFAULT_DPI
    except (TypeError, ValueError, IndexError):
        dpi = _DEFAULT_DPI
    return dpi if _PLAUSIBLE_DPI[0] <= dpi <= _PLAUSIBLE_DPI[1] else _DEFAULT_DPI


def _add_page(out: pikepdf.Pdf, pixels: Image.Image, dpi: float) -> None:
    width, height = pixels.width * 72 / dpi, pixels.height * 72 / dpi
    image = pikepdf.Stream(out, zlib.compress(pixels.tobytes(), 1))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height = pixels.width, pixels.height
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    image.Filter = pikepdf.Name.FlateDecode
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, width, height],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
        Contents=pikepdf.Stream(out, f"q {width:.3f} 0 0 {height:.3f} 0 0 cm /Im0 Do Q".encode()),
    )
    out.pages.append(pikepdf.Page(page))
