"""Reading a redacted copy back by OCR of its pixels alone (real Tesseract)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brightline import Pipeline
from brightline.errors import VerificationError
from tests.assertions import requires_ocr
from tests.redact import pdf_factory as make
from tests.redact.test_pdf_redaction import redact


@requires_ocr
def test_reading_the_copy_back_by_ocr(pipeline: Pipeline, tmp_path: Path) -> None:
    """The copy's pixels alone, read by OCR: a clean copy passes, a page with the names left fails."""
    from brightline.redact.pdf import PageImage, render_pages, write_pdf
    from brightline.redact.reread import reread

    source = make.base(tmp_path / "report.pdf")
    plan = pipeline._pdf_plan(next(pipeline.screen_paths([source])))
    reread(redact(pipeline, source, tmp_path), plan)
    unburned = next(render_pages(source, "report.pdf", None, 200))  # names visible, no text layer at all
    tampered = tmp_path / "tampered.pdf"
    write_pdf(tampered, [PageImage.from_burned(unburned, 0, [])], 200)
    with pytest.raises(VerificationError, match="read off the page by OCR"):
        reread(tampered, plan)


@requires_ocr
def test_the_text_read_back_is_screened_again(pipeline: Pipeline, tmp_path: Path) -> None:
    """A name nobody redacted or kept (a picture of text never read) fails the copy; the clean copy passes."""
    from PIL import ImageDraw, ImageFont

    from brightline.redact.pdf import PageImage, write_pdf
    from brightline.redact.reread import reread

    source = make.base(tmp_path / "report.pdf")
    plan = pipeline._pdf_plan(next(pipeline.screen_paths([source])))
    screen, labels = pipeline.detector.detect, pipeline.settings.labels
    reread(redact(pipeline, source, tmp_path), plan, screen, labels)  # labels on boxes are not read as names
    page = plan.pages[0].image()
    ImageDraw.Draw(page).text((150, 1000), "Emergency contact: Yolanda Achterberg", fill=0,
                              font=ImageFont.load_default(size=34))
    pictured = tmp_path / "pictured.pdf"
    write_pdf(pictured, [PageImage.from_burned(page, 0, [])], 200)
    reread(pictured, plan)  # no word of a redacted value is on the page ...
    with pytest.raises(VerificationError, match=r"still shows what the redaction removes \(PERSON\)"):
        reread(pictured, plan, screen, labels)  # ... but a name is, and the detector reads it
