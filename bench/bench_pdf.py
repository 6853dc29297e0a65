"""Time PDF redaction end to end (screen, redact, verify) and weigh its output.

    python bench/bench_pdf.py [--dpi 200] [--large 300]

Text PDFs of 1 to 20 pages are made from samples/ with reportlab; the model is loaded once. Prints
the median milliseconds per page and the output bytes per page, then the time and peak memory of
one large document (--large pages; 0 to skip).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from brightline import Pipeline, Settings

ROOT = Path(__file__).resolve().parents[1]


def make_pdf(path: Path, pages: int) -> None:
    lines = [line for p in sorted((ROOT / "samples").glob("*.txt")) for line in p.read_text().splitlines()]
    c = canvas.Canvas(str(path), pagesize=letter)
    index = 0
    for _ in range(pages):
        c.setFont("Helvetica", 10)
        y = 740
        while y > 60:
            c.drawString(54, y, lines[index % len(lines)][:110])
            index += 1
            y -= 13
        c.showPage()
    c.save()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--large", type=int, default=300)
    args = parser.parse_args()
    pipeline = Pipeline(Settings(dpi=args.dpi))
    per_page: list[float] = []
    sizes: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (1, 2, 5, 10, 20):
            source = Path(tmp) / f"doc{pages}.pdf"
            target = Path(tmp) / f"out{pages}.pdf"
            make_pdf(source, pages)
            start = time.perf_counter()
            result = next(pipeline.screen_paths([source]))
            pipeline.redact_pdf(result, target)
            elapsed = time.perf_counter() - start
            per_page.append(elapsed * 1000 / pages)
            sizes.append(target.stat().st_size / pages)
            kilobytes = target.stat().st_size / pages / 1024
            print(f"{pages:2} pages: {elapsed * 1000 / pages:7.0f} ms/page, {kilobytes:6.1f} KB/page")
        median_kb = statistics.median(sizes) / 1024
        print(f"median: {statistics.median(per_page):.0f} ms/page, {median_kb:.1f} KB/page at {args.dpi} dpi")
        if args.large:
            source, target = Path(tmp) / "large.pdf", Path(tmp) / "large-out.pdf"
            make_pdf(source, args.large)
            start = time.perf_counter()
            pipeline.redact_pdf(next(pipeline.screen_paths([source])), target)
            elapsed = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{args.large} pages: {elapsed * 1000 / args.large:.0f} ms/page, "
                  f"{target.stat().st_size / args.large / 1024:.1f} KB/page, peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
