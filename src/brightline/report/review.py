"""Gather what a reviewer's report shows for a screened document: its redaction, and for PDFs its pages."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from ..ingest.pdf import PAGE_BREAK
from ..pipeline import Pipeline
from ..redact.pdf import render_pages, text_layer
from ..types import ScreenResult
from .html import PageImages, ReportInput, outline_boxes, png

REPORT_DPI = 60  # page pictures a person can read beside each other, small enough to embed


def review(pipeline: Pipeline, result: ScreenResult) -> ReportInput:
    """The report input of one document: its redacted text, and for a PDF each page before and after."""
    settings = pipeline.settings
    context = {"recipient": str(settings.recipient), "basis": str(settings.basis),
               "policy": f"{settings.policies.name} v{settings.policies.version}: {settings.recipient_policy[0]}"}
    if result.error is not None:
        return ReportInput(result, "", context)
    if result.pdf is None:
        return ReportInput(result, pipeline.redact(result), context)
    boxes = pipeline.pdf_boxes(result)
    source = result.pdf.source if result.pdf.source is not None else Path(result.path)
    scale = REPORT_DPI / 72
    with tempfile.TemporaryDirectory(prefix="brightline-") as folder:
        target = Path(folder) / "redacted.pdf"
        pipeline.redact_pdf(result, target)  # verified, as any copy brightline writes
        document = pdfium.PdfDocument(str(target))
        try:
            redacted_text = text_layer(document, PAGE_BREAK)
            after = [png(document[i].render(scale=scale, grayscale=True).to_pil()) for i in range(len(document))]
        finally:
            document.close()
    pages = []
    for number, image in enumerate(render_pages(source, result.path, settings.password, REPORT_DPI), start=1):
        outlined = outline_boxes(image, [(b.x0, b.top, b.x1, b.bottom) for b in boxes if b.page == number], scale)
        pages.append(PageImages(number, outlined, after[number - 1]))
    return ReportInput(result, redacted_text, context, pages)
