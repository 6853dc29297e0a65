"""Scanned pages read by OCR (real Tesseract): screened and redacted like born-digital ones, boxes in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from brightline import Pipeline
from brightline.ingest import read_pdf
from tests.assertions import requires_ocr
from tests.redact import pdf_factory as make
from tests.redact.test_pdf_redaction import everything_extractable, redact


def ink_under(image, box, dpi: int) -> float:
    """The share of dark pixels in a box (points) of a page image."""
    scale = dpi / 72
    area = image.crop((int(box.x0 * scale), int(box.top * scale), int(box.x1 * scale) + 1, int(box.bottom * scale) + 1))
    histogram = area.convert("L").histogram()
    return sum(histogram[:128]) / max(1, sum(histogram))


@requires_ocr
@pytest.mark.parametrize(("name", "kwargs"), [("upright", {}), ("sideways", {"turn": 90}),
                                              ("upside_down", {"turn": 180}), ("skewed", {"skew": 2.0})])
def test_scanned_page_is_read_screened_and_redacted(pipeline: Pipeline, tmp_path: Path, name: str, kwargs: dict) -> None:
    source = make.scanned(tmp_path / f"{name}.pdf", **kwargs)
    result = next(pipeline.screen_paths([source]))
    assert result.error is None, result.error
    assert "custodian fixed the boiler" in result.text
    found = {f.text for f in result.findings}
    assert {"03/14/2009", "Elena Quispe"} <= found and any("1047712345" in text for text in found)
    output = redact(pipeline, source, tmp_path)
    extracted = everything_extractable(output)
    for secret in make.SECRETS:
        assert secret not in extracted, f"{secret!r} survives in {name}"
    assert "boiler" in extracted  # the copy stays searchable


@requires_ocr
def test_boxes_of_ocr_words_lie_on_their_ink(tmp_path: Path) -> None:
    """A character's box, mapped back from the upright reading, covers that character's ink on the page."""
    source = make.scanned(tmp_path / "turned.pdf", turn=90)
    pdf = read_pdf(source)
    start = pdf.text.index("1047712345")
    page = make.page_image(source, dpi=72)
    digits = [pdf.boxes[index] for index in range(start, start + 10)]
    assert all(box is not None and box.page == 1 for box in digits)
    for box, following in zip(digits, digits[1:], strict=False):
        assert abs(following.top - box.top) > 3 * abs(following.x0 - box.x0)  # sideways: the line runs down the page
    for box in digits:
        assert ink_under(page, box, 72) > 0.05


@requires_ocr
def test_blank_scan_is_an_empty_page_not_an_error(tmp_path: Path) -> None:
    from PIL import Image

    source = make.image_only_pdf(tmp_path / "blank.pdf", [Image.new("L", (2550, 3300), 255)])
    pdf = read_pdf(source)
    assert pdf.pages == 1 and not pdf.text.strip()
