"""Pictures on born-digital pages (real Tesseract): text in them is screened; what cannot be read is boxed whole."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from PIL import ImageFilter
from reportlab.pdfgen import canvas

from brightline import Pipeline
from brightline.ingest import read_pdf
from brightline.ingest.reading import UNREAD
from tests.assertions import requires_ocr
from tests.ingest.test_ocr import ink_under
from tests.redact import pdf_factory as make
from tests.redact.test_pdf_redaction import everything_extractable, redact

STATEMENT = ["Witness statement by Darnell Okoye", "Reached at (508) 555-0133 after school"]


def images_of(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages[0].images)


@requires_ocr
def test_text_in_a_picture_is_screened_and_redacted_word_by_word(pipeline: Pipeline, tmp_path: Path) -> None:
    source = make.base(tmp_path / "screenshot.pdf", extra=make.with_picture(make.text_picture(STATEMENT)))
    result = next(pipeline.screen_paths([source]))
    assert result.error is None, result.error
    found = {(str(f.label), f.text) for f in result.findings}
    assert ("PERSON", "Darnell Okoye") in found and ("PHONE", "(508) 555-0133") in found
    assert not any(f.label == "IMAGE" for f in result.findings)  # read with confidence: not boxed whole
    output = redact(pipeline, source, tmp_path)
    extracted = everything_extractable(output)
    assert "Okoye" not in extracted and "555-0133" not in extracted
    assert "Witness statement" in extracted and "after school" in extracted  # its other words stay, searchable


@requires_ocr
@pytest.mark.parametrize("picture", ["photo", "blurred_text"])
def test_a_picture_that_cannot_be_read_is_boxed_whole(pipeline: Pipeline, tmp_path: Path, picture: str) -> None:
    image = make.photo() if picture == "photo" else make.text_picture(STATEMENT).filter(ImageFilter.GaussianBlur(5))
    source = make.base(tmp_path / f"{picture}.pdf", extra=make.with_picture(image, at=(300, 200)))
    result = next(pipeline.screen_paths([source]))
    unread = [f for f in result.findings if f.label == "IMAGE"]
    assert len(unread) == 1 and unread[0].text == UNREAD and unread[0].page == 1
    box = result.pdf.boxes[unread[0].start]
    size = (image.width * 72 / 300, image.height * 72 / 300)
    assert abs(box.x0 - 300) < 1 and abs(box.x1 - 300 - size[0]) < 1  # the whole picture, where it is drawn
    assert abs(box.bottom - (792 - 200)) < 1 and abs(box.bottom - box.top - size[1]) < 1
    output = redact(pipeline, source, tmp_path)
    page = make.page_image(output, dpi=72)
    assert ink_under(page, box, 72) > 0.95  # solid black over the whole picture


@requires_ocr
def test_drawn_text_outside_the_text_layer_is_read(pipeline: Pipeline, tmp_path: Path) -> None:
    """Text turned into vector shapes (no characters in the text layer) is read from the rendering."""
    def outlined(c: canvas.Canvas) -> None:
        picture = make.text_picture(["Witness SASID 1047799999"], size=16, dpi=150)
        pixels = picture.load()
        for y in range(picture.height):  # every run of dark pixels drawn as a filled six-point path
            x = 0
            while x < picture.width:
                if pixels[x, y] < 128:
                    start = x
                    while x < picture.width and pixels[x, y] < 128:
                        x += 1
                    left, right, top = 72 + start * 72 / 150, 72 + x * 72 / 150, 400 - y * 72 / 150
                    path = c.beginPath()
                    path.moveTo(left, top)
                    path.lineTo((left + right) / 2, top)
                    path.lineTo(right, top)
                    path.lineTo(right, top - 72 / 150)
                    path.lineTo((left + right) / 2, top - 72 / 150)
                    path.lineTo(left, top - 72 / 150)
                    path.close()
                    c.drawPath(path, stroke=0, fill=1)
                x += 1

    source = make.base(tmp_path / "outlined.pdf", extra=outlined)
    assert images_of(source) == 0
    pdf = read_pdf(source)
    assert "SASID 1047799999" in pdf.text
    result = next(pipeline.screen_paths([source]))
    found = next(f for f in result.findings if f.label == "STUDENT_ID" and "1047799999" in f.text)
    output = redact(pipeline, source, tmp_path)
    assert "1047799999" not in everything_extractable(output)
    source_page = make.page_image(source, dpi=72)
    boxes = pipeline.pdf_boxes(result)  # redact verified each of them solid in the output
    for digit in result.pdf.boxes[found.end - 10:found.end]:
        assert ink_under(source_page, digit, 72) > 0.05  # the box lies on the drawn digit
        assert any(b.x0 <= digit.x0 and digit.x1 <= b.x1 and b.top <= digit.top and digit.bottom <= b.bottom
                   for b in boxes)


def test_without_an_engine_a_picture_is_boxed_whole_unread(pipeline: Pipeline, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    source = make.base(tmp_path / "screenshot.pdf", extra=make.with_picture(make.text_picture(STATEMENT)))
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))  # no tesseract on PATH: as on a bare machine
    result = next(pipeline.screen_paths([source]))
    assert result.error is None, result.error
    assert [f.text for f in result.findings if f.label == "IMAGE"] == [UNREAD]
    output = redact(pipeline, source, tmp_path)
    assert "Okoye" not in everything_extractable(output)
    picture = result.pdf.boxes[next(f.start for f in result.findings if f.label == "IMAGE")]
    assert ink_under(make.page_image(output, dpi=72), picture, 72) > 0.9
