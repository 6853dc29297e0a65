"""Image files (real Tesseract): screened, redacted into name.ext.pdf by `redact` and batch, refused clearly without OCR."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from brightline import Pipeline, Settings
from brightline.batch import run_batch
from brightline.errors import ExitCode, InputFileError
from brightline.ingest import image_pdf, read_pdf
from tests.assertions import read_by_ocr, requires_ocr
from tests.redact import pdf_factory as make
from tests.redact.test_pdf_redaction import everything_extractable
from tests.test_cli import run


@pytest.fixture(scope="module")
def scan_page(tmp_path_factory: pytest.TempPathFactory) -> Image.Image:
    folder = tmp_path_factory.mktemp("printed")
    return make.page_image(make.base(folder / "printed.pdf"))


def test_a_multipage_tiff_becomes_one_pdf_page_per_frame(scan_page: Image.Image, tmp_path: Path) -> None:
    tiff = tmp_path / "scan.tif"
    scan_page.save(tiff, save_all=True, append_images=[scan_page.rotate(180)], dpi=(300, 300))
    pdf = read_pdf(image_pdf(tiff, tiff.name), name=tiff.name)
    assert pdf.pages == 2 and [round(w) for w, _ in pdf.page_sizes] == [612, 612]


def test_a_damaged_image_is_refused_by_name(tmp_path: Path) -> None:
    broken = tmp_path / "photo.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a picture")
    with pytest.raises(InputFileError, match=r"photo\.jpg: not a readable image"):
        image_pdf(broken, broken.name)


@requires_ocr
@pytest.mark.parametrize("suffix", [".png", ".jpg", ".tiff"])
def test_an_image_is_screened_like_a_scan(pipeline: Pipeline, scan_page: Image.Image, tmp_path: Path,
                                          suffix: str) -> None:
    image = tmp_path / f"statement{suffix}"
    scan_page.save(image, dpi=(300, 300))
    result = next(pipeline.screen_paths([image]))
    assert result.error is None, result.error
    assert result.pdf is not None and "custodian fixed the boiler" in result.text
    assert {"03/14/2009", "Elena Quispe"} <= {f.text for f in result.findings}


@requires_ocr
def test_a_photographed_page_leaves_nothing_legible(pipeline: Pipeline, tmp_path: Path) -> None:
    """A phone's photo of a report (askew, unevenly lit, noisy, JPEG): every name and number is boxed."""
    photo = tmp_path / "photo.jpg"
    make.photographed(make.base(tmp_path / "printed.pdf")).save(photo, quality=60)
    result = next(pipeline.screen_paths([photo]))
    assert result.error is None, result.error
    output = tmp_path / "out" / "photo.jpg.pdf"
    output.parent.mkdir()
    pipeline.redact_pdf(result, output)
    shown = read_by_ocr(output) + everything_extractable(output)
    assert "boiler" in shown
    assert not [secret for secret in make.SECRETS if secret in shown]


@requires_ocr
def test_redact_and_batch_write_an_image_as_a_redacted_pdf(scan_page: Image.Image, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    scan_page.save(inbox / "statement.png", dpi=(300, 300))
    make.base(inbox / "statement.pdf")  # the same name as a PDF beside it: each keeps its own copy
    proc = run("redact", str(inbox), "--out", str(tmp_path / "out"), "-q")
    assert proc.returncode == 5, proc.stderr  # the report is withheld from the police: a copy for counsel
    held = tmp_path / "out" / "withheld"
    assert sorted(p.name for p in held.iterdir()) == ["statement.pdf", "statement.png.pdf"]
    extracted = everything_extractable(held / "statement.png.pdf")
    assert "boiler" in extracted and not any(secret in extracted for secret in make.SECRETS)

    report = run_batch(inbox, tmp_path / "twin", Settings(), workers=1, quiet=True)
    assert (report.done, report.failed, report.skipped) == (2, 0, 0)
    twin = (tmp_path / "twin" / "withheld" / "statement.png.pdf")
    assert not any(secret in everything_extractable(twin) for secret in make.SECRETS)
    again = run_batch(inbox, tmp_path / "twin", Settings(), workers=1, quiet=True)
    assert again.already_done == 2  # the copy is found under its own name when the run resumes


def test_without_an_engine_an_image_is_refused_and_nothing_is_written(scan_page: Image.Image, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    scan_page.save(inbox / "statement.png", dpi=(300, 300))
    (inbox / "note.txt").write_text("The boiler in the gym was serviced on Tuesday.\n", encoding="utf-8")
    python = Path(shutil.which("python3") or "/usr/bin/python3").parent
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if not (Path(p) / "tesseract").exists())
    proc = run("redact", str(inbox), "--out", str(tmp_path / "out"), "-q", env={"PATH": path or str(python)})
    assert proc.returncode == ExitCode.INPUT_FILE
    refusal = [line for line in proc.stderr.splitlines() if "statement.png" in line]
    assert len(refusal) == 1 and "apt-get install tesseract-ocr" in refusal[0] and "Traceback" not in proc.stderr
    copies = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("redaction-log."))
    assert copies == ["note.txt"]  # the others go on
    screened = run("screen", "--json", str(inbox / "statement.png"), env={"PATH": path or str(python)})
    assert screened.returncode == ExitCode.INPUT_FILE and "error" in json.loads(screened.stdout)
