"""The pipeline, in order: ingest -> detect -> score -> redact."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path, PurePath

from .config import Settings
from .detect import Detector
from .errors import BrightlineError, VerificationError
from .ingest import (
    CONTAINERS,
    IMAGE_SUFFIXES,
    PDF_SUFFIX,
    PdfText,
    decode_text,
    image_pdf,
    read_file,
    read_pdf,
    refuse_unread,
)
from .law import Law, load_law
from .log import get_logger
from .redact import cover_repeats, make_operator, redact_text, surviving_values
from .redact.operators import Operator
from .redact.pdf import (
    Box,
    PageImage,
    burn,
    even_box_widths,
    redaction_boxes,
    render_pages,
    text_layer_words,
    write_pdf,
)
from .redact.reread import reread
from .redact.verify import PdfRedaction, verify_pdf
from .score import decide, load_weights, score_risk
from .score.context import load_context_table
from .types import Explanation, Finding, Label, ScreenResult

log = get_logger("pipeline")
# a file, or a named document's bytes (an archive entry)
Source = Path | tuple[str, bytes]


class Pipeline:
    """Loads the models once; screens and redacts any number of documents."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.detector = Detector(self.settings.model, self.settings.batch_size, self.settings.learned_names,
                                 self.settings.profile)
        jurisdiction = self.settings.jurisdiction
        self.law = load_law(jurisdiction)
        self.weights = load_weights(jurisdiction)
        self.context_table = load_context_table(jurisdiction)
        # each mark's legal-basis code, when marks carry them: the same for every document
        self.codes = self.settings.redaction_codes() if self.settings.show_codes else None

    def screen_text(self, text: str, path: str = "<text>") -> ScreenResult:
        """Screen one text."""
        return next(self.screen_texts([(path, text)]))

    def screen_texts(self, documents: Iterable[tuple[str, str]]) -> Iterator[ScreenResult]:
        """Screen (path, text) pairs in batches, in order; a document that fails becomes an error result."""
        iterator = iter(documents)
        while batch := list(islice(iterator, self.settings.batch_size)):
            try:
                findings = list(self.detector.detect_many(text for _, text in batch))
            except Exception:  # noqa: BLE001 - retried one by one so one bad document cannot sink the rest
                findings = [self._detect_one(path, text) for path, text in batch]
            for (path, text), found in zip(batch, findings, strict=True):
                yield self._result(path, text, found)

    def screen_paths(self, paths: Iterable[Path]) -> Iterator[ScreenResult]:
        """Read and screen files a batch at a time; unreadable files become error results, in order."""
        return self.screen_sources(paths)

    def screen_sources(self, sources: Iterable[Source]) -> Iterator[ScreenResult]:
        """Screen files, or (name, bytes) documents such as archive entries, a batch at a time, in order.

        The name's suffix says whether a document is a PDF, an image (read as an image-only PDF) or a
        container whose text is decoded (an e-mail, a Word document); unreadable ones become error results.
        """
        iterator = iter(sources)
        while chunk := list(islice(iterator, self.settings.batch_size)):
            readable: list[tuple[str, str]] = []
            order: list[tuple[str, str | None]] = []
            pdfs: dict[str, PdfText] = {}
            for source in chunk:
                name, data = (str(source), None) if isinstance(source, Path) else source
                try:
                    suffix = PurePath(name).suffix.lower()
                    if suffix == PDF_SUFFIX:
                        pdfs[name] = read_pdf(source if data is None else data, self.settings.password, name=name)
                        readable.append((name, pdfs[name].text))
                    elif suffix in IMAGE_SUFFIXES:
                        pdfs[name] = read_pdf(image_pdf(Path(name) if data is None else data, name), name=name)
                        readable.append((name, pdfs[name].text))
                    elif suffix in CONTAINERS:
                        raw = read_file(Path(name), self.settings.max_bytes) if data is None else data
                        readable.append((name, CONTAINERS[suffix](raw, name, self.settings.max_bytes)))
                    else:
                        refuse_unread(name)
                        raw = read_file(Path(name), self.settings.max_bytes) if data is None else data
                        readable.append((name, decode_text(raw, name, self.settings.max_bytes)))
                    order.append((name, None))
                except BrightlineError as exc:
                    order.append((name, str(exc)))
                except Exception as exc:  # noqa: BLE001 - a damaged file must not stop the others; no traceback
                    order.append((name, f"{name}: cannot be read ({type(exc).__name__})."))
            screened = self.screen_texts(readable)
            for name, error in order:
                if error is not None:
                    yield ScreenResult(path=name, text="", error=error)
                    continue
                result = next(screened)
                if name in pdfs:
                    result = _with_pages(result, pdfs[name], self.settings, self.law)
                yield result

    def redact(self, result: ScreenResult) -> str:
        """The redacted text of a screened document, in the configured style."""
        labels = self.settings.labels
        operator = self._operator()
        findings = cover_repeats(result.text, result.findings, labels)
        redacted = redact_text(result.text, findings, labels, operator)
        left = surviving_values(redacted, findings, labels)
        if left:  # fail closed: never hand back a copy that still holds a value it meant to remove
            raise VerificationError(f"{result.path}: a redacted {left[0]} value survived redaction; nothing was written.")
        return redacted

    def redact_pdf(self, result: ScreenResult, target: Path) -> None:
        """Write the redacted PDF of a screened PDF to `target`, verified; on any failure `target` is removed."""
        try:
            plan = self._pdf_plan(result)
            write_pdf(target, plan.pages, self.settings.dpi)
            verify_pdf(target, plan, result.path)
        except BaseException:
            target.unlink(missing_ok=True)
            raise

    def verify_pdf(self, result: ScreenResult, redacted: Path, read_back: bool = False) -> None:
        """Check an existing redaction of a screened PDF as redact checks its own (VerificationError if not clean).

        With `read_back`, the copy's pixels are also read by OCR (seconds a page) and that text screened again.
        """
        plan = self._pdf_plan(result)
        verify_pdf(redacted, plan)
        if read_back:
            reread(redacted, plan, self.detector.detect, self.settings.labels)

    def pdf_boxes(self, result: ScreenResult) -> list[Box]:
        """Where a screened PDF's redaction boxes go, and the placeholder each shows."""
        return self._pdf_redaction(result)[2]

    def _pdf_redaction(self, result: ScreenResult) -> tuple[list[Finding], Operator, list[Box]]:
        if result.pdf is None:
            raise VerificationError(f"{result.path}: not a PDF.")
        labels = self.settings.labels
        operator = self._operator()
        findings = cover_repeats(result.text, result.findings, labels)
        even = even_box_widths() if self.settings.even_boxes else None
        return findings, operator, redaction_boxes(result.pdf, findings, labels, operator, even)

    def _operator(self) -> Operator:
        """A fresh operator (placeholder numbers start at 1 in each document), with codes when asked."""
        return make_operator(self.settings.redaction_style, self.settings.pseudonym_key, self.codes)

    def _pdf_plan(self, result: ScreenResult) -> PdfRedaction:
        findings, operator, boxes = self._pdf_redaction(result)
        assert result.pdf is not None
        labels = self.settings.labels
        dpi = self.settings.dpi
        pages = []
        source = result.pdf.source if result.pdf.source is not None else Path(result.path)
        for number, image in enumerate(render_pages(source, result.path, self.settings.password, dpi), 1):
            burned = burn(image, [b for b in boxes if b.page == number], dpi)
            words = text_layer_words(result.pdf, number, findings, labels, operator, burned, dpi)
            rotation = result.pdf.rotations[number - 1] if result.pdf.rotations else 0
            pages.append(PageImage.from_burned(burned, rotation, words))
        redacted = [f for f in findings if f.label in labels]
        return PdfRedaction(pages, boxes, [f.text for f in redacted], result.text, _blanked(result.text, redacted), dpi,
                            original=str(source) if isinstance(source, Path) else source,
                            password=self.settings.password)

    def _detect_one(self, path: str, text: str) -> list[Finding] | None:
        try:
            return self.detector.detect(text)
        except Exception as exc:  # noqa: BLE001 - reported by type only: a message could quote the text
            log.error("detection failed for %s (%s)", path, type(exc).__name__)
            return None

    def _result(self, path: str, text: str, findings: list[Finding] | None) -> ScreenResult:
        if findings is None:
            return ScreenResult(path=path, text=text, error=f"{path}: detection failed; nothing was written.")
        risk = score_risk(text, findings, self.weights, self.settings.context, self.context_table)
        decision, reasons = decide(risk, findings, *self.settings.recipient_policy, self.law)
        return ScreenResult(path=path, text=text, findings=findings, risk=risk, decision=decision,
                            decision_reasons=reasons)


def _blanked(text: str, findings: list[Finding]) -> str:
    """The text with every finding's characters turned to spaces: what a redacted copy may still say."""
    chars = list(text)
    for finding in findings:
        chars[finding.start:finding.end] = " " * (finding.end - finding.start)
    return "".join(chars)


def _with_pages(result: ScreenResult, pdf: PdfText, settings: Settings, law: Law) -> ScreenResult:
    """A PDF's result: its page count, each finding's page, text left under boxes, and the character boxes."""
    result.pdf = pdf
    result.pages = pdf.pages
    covered = [Finding(Label.COVERED_TEXT, start, end, pdf.text[start:end], _COVERED_EXPLANATION)
               for start, end in pdf.covered]
    unread = [Finding(Label.IMAGE, start, end, pdf.text[start:end], _UNREAD_EXPLANATION) for start, end in pdf.unread]
    findings = sorted(result.findings + covered + unread, key=lambda f: (f.start, f.end))
    result.findings = [replace(f, page=pdf.page_of(f.start)) for f in findings]
    if result.risk is not None:
        result.decision, result.decision_reasons = decide(result.risk, result.findings, *settings.recipient_policy, law)
    return result


_COVERED_EXPLANATION = Explanation(
    detector="pdf_covered_text", rule="pdf:text_under_dark_box", score=1.0, category="earlier_redaction",
    note="text drawn under a black box: hidden to the eye, readable by any extractor",
)
_UNREAD_EXPLANATION = Explanation(
    detector="pdf_picture", rule="ocr:unread_picture", score=1.0, category="unread_picture",
    note="a picture or drawing OCR could not read with confidence (a photo, a logo, a signature): boxed whole",
)
