"""PDF redaction end to end: every leak vector is gone from the rebuilt file, by extractors of our choosing."""

from __future__ import annotations

import re
from pathlib import Path

import numpy
import pdfplumber
import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader

from brightline import Pipeline
from brightline.errors import InputFileError, VerificationError
from brightline.ingest import read_pdf
from brightline.redact.pdf import Box, burn
from tests.assertions import read_by_ocr, requires_ocr
from tests.redact import pdf_factory as make


def redact(pipeline: Pipeline, source: Path, tmp_path: Path) -> Path:
    result = next(pipeline.screen_paths([source]))
    assert result.error is None, result.error
    target = tmp_path / "out" / source.name
    target.parent.mkdir(exist_ok=True)
    pipeline.redact_pdf(result, target)
    return target


def everything_extractable(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        plumber = "\n".join(page.extract_text() or "" for page in pdf.pages)
    pypdf_text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    raw = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") != pikepdf.Name.Image:
                raw.append(obj.read_bytes().decode("latin-1"))
            elif isinstance(obj, pikepdf.String):
                raw.append(str(obj))
        meta = [str(v) for v in pdf.docinfo.values()] if "/Info" in pdf.trailer else []
    return "\n".join([plumber, pypdf_text, *raw, *meta])


@pytest.mark.parametrize(
    ("name", "extra", "kwargs"),
    [
        ("plain", None, {}),
        ("text_under_box", make.text_under_box, {}),
        ("white_on_white", make.white_on_white, {}),
        ("invisible_render_mode", make.invisible_mode, {}),
        ("off_page_text", make.off_page, {}),
        ("rotated_page", None, {"rotate": 90}),
    ],
)
def test_leak_vectors_are_gone(pipeline: Pipeline, tmp_path: Path, name: str, extra, kwargs: dict) -> None:
    source = make.base(tmp_path / f"{name}.pdf", extra=extra, **kwargs)
    output = redact(pipeline, source, tmp_path)
    found = everything_extractable(output)
    for secret in make.SECRETS:
        assert secret not in found, f"{secret!r} survives in {name}"
    assert "custodian fixed the boiler" in found  # ordinary words stay searchable
    if name == "text_under_box":
        assert "Darnell" not in found and "Okoye" not in found


def test_structures_are_not_carried_over(pipeline: Pipeline, tmp_path: Path) -> None:
    output = redact(pipeline, make.with_structures(tmp_path / "structures.pdf"), tmp_path)
    found = everything_extractable(output)
    for secret in [*make.SECRETS, "undocumented"]:
        assert secret not in found
    with pikepdf.open(output) as pdf:
        assert set(pdf.Root.keys()) == {"/Type", "/Pages"}
        assert "/Annots" not in pdf.pages[0].obj
        assert not pdf.attachments and len(pdf.docinfo) == 0


def test_rotation_is_kept_and_size_is_small(pipeline: Pipeline, tmp_path: Path) -> None:
    output = redact(pipeline, make.base(tmp_path / "rotated.pdf", rotate=90), tmp_path)
    with pikepdf.open(output) as pdf:
        assert int(pdf.pages[0].get("/Rotate", 0)) == 90
    assert output.stat().st_size < 150_000


def test_a_scan_without_an_ocr_engine_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "scan.pdf"
    make.base(source)
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Contents = pdf.make_stream(b"0 0 m 100 100 l S")
        pdf.save(source)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))  # no tesseract on PATH: as on a bare machine
    with pytest.raises(InputFileError, match="no text layer") as refused:
        read_pdf(source)
    assert "scan.pdf: page 1" in str(refused.value) and "apt-get install tesseract-ocr" in str(refused.value)


def test_encrypted_pdf_needs_its_password(pipeline: Pipeline, tmp_path: Path) -> None:
    source = make.base(tmp_path / "locked.pdf")
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.save(source, encryption=pikepdf.Encryption(user="s3cret", owner="s3cret"))
    with pytest.raises(InputFileError, match="password"):
        read_pdf(source)
    assert "QUISPE" in read_pdf(source, password="s3cret").text


def test_verification_failure_leaves_no_file(pipeline: Pipeline, tmp_path: Path) -> None:
    from brightline.redact.verify import PdfRedaction, verify_pdf

    source = make.base(tmp_path / "original.pdf")
    nothing_kept = PdfRedaction([], [], ["QUISPE, Mateo"], "QUISPE, Mateo", "", 200)
    with pytest.raises(VerificationError):
        verify_pdf(source, nothing_kept)  # the original itself leaks: caught
    # a copy is checked under a temporary name; the message names the input it was made from
    with pytest.raises(VerificationError, match=r"^inbox/report\.pdf: unexpected structure"):
        verify_pdf(source, nothing_kept, shown_as="inbox/report.pdf")


@requires_ocr  # verify reads the copy back by OCR
def test_verify_command_accepts_a_redaction_and_rejects_the_original(pipeline: Pipeline, tmp_path: Path) -> None:
    import subprocess
    import sys

    source = make.base(tmp_path / "report.pdf")
    output = redact(pipeline, source, tmp_path)
    ok = subprocess.run([sys.executable, "-m", "brightline", "verify", str(source), str(output)],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run([sys.executable, "-m", "brightline", "verify", str(source), str(source)],
                         capture_output=True, text=True)
    assert bad.returncode == 4 and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    "boxes",
    [
        {"MediaBox": [-100, -50, 512, 742]},
        {"MediaBox": [612, 792, 0, 0]},
        {"MediaBox": [512, 742, -100, -50]},
        {"CropBox": [36, 36, 576, 756]},
        {"CropBox": [40, 20, 600, 760]},
        {"CropBox": [600, 760, 40, 20]},
        {"CropBox": [-50, -50, 700, 900]},  # larger than the MediaBox: clipped to it
        {"UserUnit": 2.0},
    ],
    ids=["non_zero_origin", "inverted", "inverted_and_moved", "cropped", "cropped_unevenly", "inverted_crop",
         "crop_beyond_media", "user_unit"],
)
def test_odd_page_boxes(pipeline: Pipeline, tmp_path: Path, boxes: dict) -> None:
    """Boxes land on the glyphs pdfium draws; redact's own check from the original's glyphs proves it."""
    source = make.base(tmp_path / "box.pdf")
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        for key, value in boxes.items():
            pdf.pages[0][f"/{key}"] = value
        pdf.save(source)
    found = everything_extractable(redact(pipeline, source, tmp_path))
    for secret in make.SECRETS:
        assert secret not in found
    assert "custodian fixed the boiler" in found  # the text layer sits where the words are drawn


def test_a_crop_inherited_from_the_page_tree(pipeline: Pipeline, tmp_path: Path) -> None:
    source = make.base(tmp_path / "inherited.pdf")
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.Root.Pages.CropBox = [40, 20, 600, 760]
        pdf.save(source)
    result = next(pipeline.screen_paths([source]))
    name = result.text.index("QUISPE")
    assert result.pdf is not None and result.pdf.page_sizes == [(560.0, 740.0)]
    box = result.pdf.boxes[name]
    # drawn at x 72 after "Name: " (35.45 pt of 11 pt Helvetica) on baseline 722: seen from the crop's corner
    assert box is not None
    assert (box.x0, box.bottom) == (pytest.approx(72 + 35.45 - 40, abs=0.1), pytest.approx(760 - 722 + 2.3, abs=0.1))
    redact(pipeline, source, tmp_path)  # verified against the glyphs pdfium draws


@pytest.mark.parametrize("font", ["Vera", "HeiseiMin-W3"], ids=["truetype", "cid_type0"])
def test_other_font_kinds(pipeline: Pipeline, tmp_path: Path, font: str) -> None:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if font == "Vera":
        pdfmetrics.registerFont(TTFont("Vera", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    else:
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    found = everything_extractable(redact(pipeline, make.in_font(tmp_path / f"{font}.pdf", font), tmp_path))
    for secret in make.SECRETS:
        assert secret not in found
    assert "custodian fixed the boiler" in found


def test_text_under_an_earlier_box_is_a_finding_and_is_redacted(pipeline: Pipeline, tmp_path: Path) -> None:
    def both(c) -> None:
        make.words_under_box(c)
        make.heading_on_dark_band(c)

    source = make.base(tmp_path / "earlier.pdf", extra=both)
    result = next(pipeline.screen_paths([source]))
    covered = [f for f in result.findings if f.label == "COVERED_TEXT"]
    assert [(f.text, f.page, f.detector) for f in covered] == [(": fight over the vending m", 1, "pdf_covered_text")]
    assert result.decision == "withhold-for-legal-review"  # decided by the rest of the report, not lowered
    found = everything_extractable(redact(pipeline, source, tmp_path))
    assert "vending" not in found and "[COVERED_TEXT 1]" in found
    assert "SECTION TWO NARRATIVE" in found  # white on black is seen, so it stays


def test_hidden_layer_and_actual_text_are_gone(pipeline: Pipeline, tmp_path: Path) -> None:
    output = redact(pipeline, make.hidden_layer_and_actual_text(tmp_path / "layers.pdf"), tmp_path)
    found = everything_extractable(output)
    for secret in make.SECRETS:
        assert secret not in found
    with pikepdf.open(output) as pdf:
        assert "/OCProperties" not in pdf.Root


def test_a_box_that_does_not_cover_is_caught(pipeline: Pipeline, tmp_path: Path) -> None:
    from brightline.redact.pdf import PageImage, render_pages, write_pdf
    from brightline.redact.verify import verify_pdf

    source = make.base(tmp_path / "report.pdf")
    result = next(pipeline.screen_paths([source]))
    plan = pipeline._pdf_plan(result)
    unburned = next(render_pages(source, "report.pdf", None, 200))  # the page as it was, names visible
    tampered = tmp_path / "tampered.pdf"
    write_pdf(tampered, [PageImage.from_burned(unburned, 0, [])], 200)
    with pytest.raises(VerificationError, match="not solid"):
        verify_pdf(tampered, plan)


def test_boxes_off_the_text_are_caught_by_the_original_glyphs(pipeline: Pipeline, tmp_path: Path) -> None:
    """Solid boxes in the wrong place, written exactly as planned: only the check from the original sees it."""
    from dataclasses import replace

    from brightline.redact.pdf import PageImage, burn, render_pages, write_pdf
    from brightline.redact.verify import verify_pdf

    source = make.base(tmp_path / "report.pdf")
    plan = pipeline._pdf_plan(next(pipeline.screen_paths([source])))
    shifted = [replace(box, top=box.top + 36, bottom=box.bottom + 36) for box in plan.boxes]
    page = PageImage.from_burned(burn(next(render_pages(source, "report.pdf", None, 200)), shifted, 200), 0, [])
    misplaced = tmp_path / "misplaced.pdf"
    write_pdf(misplaced, [page], 200)
    with pytest.raises(VerificationError, match="still legible on page 1"):
        verify_pdf(misplaced, replace(plan, pages=[page], boxes=shifted))
    verify_pdf(redact(pipeline, source, tmp_path), plan)  # the real redaction passes the same check


@pytest.mark.parametrize(
    ("fill", "flags", "looped", "covered"),
    [
        ([0, 0, 0], 4, False, [": QUISPE, Mateo DOB: 03/14/2009", "Quispe recently arrived fro"]),
        ([1, 1, 1], 4, False, ["Quispe recently arrived fro"]),  # a white box hides nothing
        ([0, 0, 0], 6, False, ["Quispe recently arrived fro"]),  # nor does an annotation flagged hidden
        # an annotation that refers to itself is read, not refused as malformed
        ([0, 0, 0], 4, True, [": QUISPE, Mateo DOB: 03/14/2009", "Quispe recently arrived fro"]),
    ],
    ids=["dark_square", "white_square", "hidden_square", "self_referring_note"],
)
def test_annotation_boxes_are_earlier_redactions(pipeline: Pipeline, tmp_path: Path, fill: list[float], flags: int,
                                                 looped: bool, covered: list[str]) -> None:
    import pypdfium2 as pdfium

    source = make.with_annotation_boxes(tmp_path / "annotated.pdf", square_fill=fill, square_flags=flags,
                                        looped=looped)
    result = next(pipeline.screen_paths([source]))
    assert [f.text for f in result.findings if f.label == "COVERED_TEXT"] == covered
    output = redact(pipeline, source, tmp_path)
    found = everything_extractable(output)
    assert "recently arrived" not in found and "see the custodian" not in found
    document = pdfium.PdfDocument(str(output))
    try:
        shown = numpy.asarray(document[0].render(scale=1, grayscale=True).to_pil().convert("L"))
    finally:
        document.close()
    mark = shown[94:110, 70:200]  # the Redact mark's rectangle, from the page's top-left
    assert (mark < 128).mean() > 0.75  # burned back in black, not dropped with the other annotations


def test_pseudonyms_follow_the_person_across_pdfs_and_text(tmp_path: Path) -> None:
    """Two students in two PDFs get two tokens; one student gets one token in a PDF and in text."""
    from brightline.config import RedactionStyle, Settings

    keyed = Pipeline(Settings(style=RedactionStyle.PSEUDONYM, pseudonym_key=b"an office key of thirty-two bytes or more"))
    first = make.base(tmp_path / "first.pdf")
    other = [line.replace("QUISPE, Mateo", "OKAFOR, Chidi").replace("Elena Quispe", "Ngozi Okafor")
             .replace("Quispe", "Okafor") for line in make.LINES]
    second = make.base(tmp_path / "second.pdf", lines=other)
    tokens = []
    for source in (first, second):
        found = everything_extractable(redact(keyed, source, tmp_path))
        tokens.append(set(re.findall(r"\[PERSON ([0-9a-f]{16})\]", found)))
    assert tokens[0] and tokens[1] and not tokens[0] & tokens[1]
    text = keyed.redact(keyed.screen_text("Incident: Mateo Quispe left the room early."))
    in_text = set(re.findall(r"\[PERSON ([0-9a-f]{16})\]", text))
    assert in_text and in_text <= tokens[0]



def test_punctuation_beside_a_box_stays_in_the_text_layer(pipeline: Pipeline, tmp_path: Path) -> None:
    output = redact(pipeline, make.base(tmp_path / "comma.pdf"), tmp_path)
    with pdfplumber.open(output) as pdf:
        text = pdf.pages[0].extract_text()
    assert re.search(r"Mother: \[PERSON \d+\] ?, \[PHONE \d+\]", text), text  # the comma after the mother's name


@pytest.mark.parametrize(
    ("width", "labelled"),
    [
        (90.0, True),  # the label fits as drawn
        (36.0, True),  # narrowed: a box as narrow as a pair of initials still says what it hides
        (4.0, False),  # too narrow for any letters: solid black
    ],
)
def test_a_box_shows_its_label_when_it_can(width: float, labelled: bool) -> None:
    dpi = 200
    page = Image.new("L", (600, 200), 255)
    burned = burn(page, [Box(1, 10.0, 10.0, 10.0 + width, 23.0, "[DATE_OF_BIRTH 1]")], dpi)
    scale = dpi / 72
    inside = numpy.asarray(burned.crop((int(10 * scale) + 1, int(10 * scale) + 1, int((10 + width) * scale) - 1,
                                        int(23 * scale) - 1)))
    assert (inside < 128).mean() > 0.5  # still a black box
    assert bool((inside >= 128).any()) is labelled


def test_even_boxes_hide_how_long_a_name_is(pipeline: Pipeline, tmp_path: Path) -> None:
    """With --even-boxes every name's box is one width: the lone surname's as wide as the full name's."""
    from brightline.config import Settings

    source = make.base(tmp_path / "even.pdf")

    def person_widths(screener: Pipeline) -> set[float]:
        result = next(screener.screen_paths([source]))
        return {round(b.x1 - b.x0, 1) for b in screener.pdf_boxes(result) if b.label.startswith("[PERSON")}

    even = Pipeline(Settings(even_boxes=True))
    assert len(person_widths(pipeline)) > 1  # as drawn, each box tells its name's length
    assert len(person_widths(even)) == 1
    output = redact(even, source, tmp_path)  # verified as any copy is
    assert "Quispe" not in everything_extractable(output)


@requires_ocr
def test_text_in_a_font_that_draws_other_letters_is_read_from_its_pixels(pipeline: Pipeline, tmp_path: Path) -> None:
    """A Type3 font may draw "Quispe" where every extractor reads "Rvjtqf": its ink is read by OCR."""
    source = make.type3_text(tmp_path / "type3.pdf")
    with pdfplumber.open(source) as pdf:
        assert "Quispe" not in pdf.pages[0].extract_text()  # the text layer says something else
    result = next(pipeline.screen_paths([source]))
    assert any("Quispe" in f.text for f in result.findings if f.label == "PERSON")  # read off the pixels
    shown = read_by_ocr(redact(pipeline, source, tmp_path))
    assert "custodian" in shown and "Quispe" not in shown and "Mateo" not in shown
