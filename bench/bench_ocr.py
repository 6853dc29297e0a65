"""Measure OCR: seconds per scanned page on one core, what dominates, whether deskew matters, and PII
recall on scans of a labeled corpus beside the same documents as born-digital PDFs.

    python bench/bench_ocr.py CORPUS_DIR [--out out/bench-ocr] [--timing-pages 10] [--profile massachusetts]
        [--kit ../shared/eval]

CORPUS_DIR is a folder of labeled documents (LABELS.md format) with corpus.py and make_pdfs.py in its
parent folder, as ../shared/eval/dev is, or in --kit. Each document is laid out as a PDF by make_pdfs.py (its plain
variant), then printed and scanned: rendered at 300 or 200 dpi (alternately), turned by a slight skew
(up to 1.5 degrees either way), specked and noised, and written as an image-only PDF. Both sets are
screened as `brightline screen --json` screens (the same Pipeline, in process, so each document's text
is at hand). A gold span is found when every letter and digit of it that the document's text holds
lies inside a PII finding (score.py's rule), the gold text being aligned to the screened text
character by character (difflib), as a PDF's line breaks and an OCR's misreadings move the offsets;
a span more than half of which the text lacks counts as missed.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import os
import random
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

import numpy
import pypdfium2 as pdfium
from PIL import Image
from reportlab.pdfgen import canvas

from brightline import Pipeline, Settings
from brightline.ingest import read_pdf
from brightline.ingest import scan as scan_module
from brightline.ingest.ocr import installed_engine
from brightline.ingest.reading import OCR_DPI
from brightline.ingest.render import open_document, render_page
from brightline.types import PII_LABELS


def load_module(path: Path) -> ModuleType:
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scanned_copy(source: Path, target: Path, dpi: int, rng: random.Random) -> None:
    """The PDF printed and scanned: grey pixels at `dpi`, a slight skew, specks and noise, no text layer."""
    document = pdfium.PdfDocument(str(source))
    c = canvas.Canvas(str(target))
    for index in range(len(document)):
        page = document[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        page = page.rotate(rng.uniform(-1.5, 1.5), fillcolor=255, resample=Image.Resampling.BILINEAR)
        pixels = numpy.asarray(page, dtype=numpy.float32)
        pixels += numpy.random.default_rng(rng.randrange(1 << 30)).normal(0, 12, pixels.shape)
        specks = numpy.random.default_rng(rng.randrange(1 << 30)).random(pixels.shape) < 0.0005
        pixels[specks] = 0
        page = Image.fromarray(numpy.clip(pixels, 0, 255).astype(numpy.uint8))
        size = (page.width * 72 / dpi, page.height * 72 / dpi)
        c.setPageSize(size)
        c.drawInlineImage(page, 0, 0, *size)
        c.showPage()
    document.close()
    c.save()


def alignment(gold: str, screened: str) -> list[int | None]:
    """For each character of the gold text, the index of the same character in the screened text, or None."""
    g = [i for i, ch in enumerate(gold) if not ch.isspace()]
    s = [i for i, ch in enumerate(screened) if not ch.isspace()]
    matcher = difflib.SequenceMatcher(None, [gold[i].lower() for i in g], [screened[i].lower() for i in s],
                                      autojunk=False)
    mapped: list[int | None] = [None] * len(gold)
    for tag, g0, g1, s0, s1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and g1 - g0 == s1 - s0):  # a misread letter keeps its place
            for k in range(g1 - g0):
                mapped[g[g0 + k]] = s[s0 + k]
    return mapped


def recall(docs: list[dict], results: dict[str, tuple[str, list[dict]]]) -> tuple[float, int, list[str]]:
    hit = total = 0
    misses = []
    for doc in docs:
        text, findings = results[doc["id"]]
        mask = [False] * len(text)
        for finding in findings:
            if finding["label"] in {str(label) for label in PII_LABELS}:
                for i in range(finding["start"], finding["end"]):
                    mask[i] = True
        mapped = alignment(doc["text"], text)
        for span in doc["spans"]:
            if span["label"] not in {str(label) for label in PII_LABELS}:
                continue
            places = [mapped[i] for i in range(span["start"], span["end"]) if doc["text"][i].isalnum()]
            known = [p for p in places if p is not None]
            ok = bool(places) and len(known) * 2 >= len(places) and all(mask[p] for p in known)
            total += 1
            hit += ok
            if not ok:
                misses.append(f"{doc['id']} {span['label']}")
    return hit / max(total, 1), total, misses


def screen_folder(pipeline: Pipeline, folder: Path) -> tuple[dict[str, tuple[str, list[dict]]], float, int]:
    started = time.perf_counter()
    results, pages = {}, 0
    for result in pipeline.screen_paths(sorted(folder.glob("*.pdf"))):
        assert result.error is None, result.error
        results[Path(result.path).stem] = (result.text, result.to_json()["findings"])
        pages += result.pages
    return results, time.perf_counter() - started, pages


def timing(scans: list[Path], pages: int) -> None:
    """Seconds per page of OCR on one core, split into its parts; and deskew on and off."""
    engine = installed_engine()
    assert engine is not None, "Tesseract is not installed"
    parts: dict[str, list[float]] = {"render": [], "skew": [], "tesseract": [], "whole page": []}  # seconds
    accuracy: dict[bool, list[float]] = {True: [], False: []}
    seconds: dict[bool, list[float]] = {True: [], False: []}
    done = 0
    for path in scans:
        document = open_document(path, path.name, None)
        for index in range(len(document)):
            if done >= pages:
                break
            started = time.perf_counter()
            image = render_page(document, index, path.name, OCR_DPI)
            parts["render"].append(time.perf_counter() - started)
            started = time.perf_counter()
            scan_module._skew(image)
            parts["skew"].append(time.perf_counter() - started)
            started = time.perf_counter()
            engine.words(image, OCR_DPI)
            parts["tesseract"].append(time.perf_counter() - started)
            for deskew in (True, False):
                started = time.perf_counter()
                words = scan_module.read_scan(image, engine, OCR_DPI, deskew=deskew)
                seconds[deskew].append(time.perf_counter() - started)
                accuracy[deskew].append(_agreement(path, index, " ".join(w.text for w in words)))
            parts["whole page"].append(parts["render"][-1] + seconds[True][-1])  # what read_pdf does for a scan
            done += 1
        document.close()
    print(f"OCR on one core (OMP_THREAD_LIMIT={os.environ.get('OMP_THREAD_LIMIT', '1')}), {done} pages at {OCR_DPI} dpi:")
    for name, values in parts.items():
        if values:
            print(f"  {name:<10} median {1000 * statistics.median(values):7.0f} ms/page")
    for deskew in (True, False):
        print(f"  read_scan with deskew={deskew!s:<5}: median {1000 * statistics.median(seconds[deskew]):6.0f} ms/page, "
              f"words agreeing with the born-digital page {statistics.mean(accuracy[deskew]):.3f}")


_BORN_DIGITAL: dict[str, list[str]] = {}


def _agreement(scan: Path, index: int, read: str) -> float:
    """The share of the born-digital page's words that the OCR reading holds, in order."""
    digital = _BORN_DIGITAL[scan.stem][index].split()
    matcher = difflib.SequenceMatcher(None, digital, read.split(), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(digital), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=Path("out/bench-ocr"))
    parser.add_argument("--timing-pages", type=int, default=10)
    parser.add_argument("--profile", default="massachusetts", help="'' for none (a corpus from elsewhere)")
    parser.add_argument("--kit", type=Path, default=None,
                        help="the folder of corpus.py and make_pdfs.py (default: the corpus's parent)")
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    kit = args.kit or args.corpus.parent
    corpus_module = load_module(kit / "corpus.py")
    make_pdfs = load_module(kit / "make_pdfs.py")
    docs = corpus_module.load(args.corpus)
    digital, scans = args.out / "digital", args.out / "scanned"
    digital.mkdir(parents=True, exist_ok=True)
    scans.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240611)
    for number, doc in enumerate(docs):
        source = digital / f"{doc['id']}.pdf"
        make_pdfs.render(doc, source, 0)
        scanned_copy(source, scans / source.name, 300 if number % 2 == 0 else 200, rng)
        pdf = read_pdf(source)
        _BORN_DIGITAL[doc["id"]] = [pdf.text[slice(*pdf.page_span(p))] for p in range(1, pdf.pages + 1)]
    print(f"{len(docs)} documents laid out and scanned in {args.out}", file=sys.stderr)
    timing(sorted(scans.glob("*.pdf")), args.timing_pages)
    pipeline = Pipeline(Settings(profile=args.profile or None))
    figures = {}
    for name, folder in (("born-digital", digital), ("scanned", scans)):
        results, seconds, pages = screen_folder(pipeline, folder)
        figures[name] = recall(docs, results)
        score, spans, misses = figures[name]
        print(f"{name:<13} PII recall {score:.3f} over {spans} spans; {pages} pages screened in {seconds:.0f} s "
              f"({1000 * seconds / max(pages, 1):.0f} ms/page); missed: {', '.join(misses[:12])}"
              f"{' ...' if len(misses) > 12 else ''}")
    gap = figures["born-digital"][0] - figures["scanned"][0]
    print(f"recall gap (born-digital - scanned): {gap:+.3f} (target: within 0.05)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
