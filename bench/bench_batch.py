"""Batch throughput and memory: documents per second with 1 and 2 workers, peak memory for 200 and 2,000 documents.

    python bench/bench_batch.py [--documents 2000] [--small 200]

Reports are generated from samples/ with synthetic names swapped in, one in twenty as a PDF. Each
run is a separate process (a fresh interpreter, its own workers); peak RSS is the coordinator's and
the largest worker's. Prints one line per run and the speed-up from 1 to 2 workers.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST = ["Ava", "Bruno", "Chiara", "Dmitri", "Esme", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca"]
LAST = ["Albescu", "Brennan", "Castellanos", "Dvorak", "Engstrom", "Fairweather", "Gallardo", "Halloran"]


def make_archive(folder: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_pdf import make_pdf  # noqa: PLC0415 - reportlab only when PDFs are made

    rng = random.Random(7)
    samples = [p.read_text() for p in sorted((ROOT / "samples").glob("*.txt"))]
    for number in range(count):
        target = folder / f"year{number % 4}" / f"box{number // 100}" / f"report{number:05}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if number % 20 == 19:
            make_pdf(target.with_suffix(".pdf"), 1 + number % 3)
            continue
        text = samples[number % len(samples)]
        text = f"Student: {rng.choice(FIRST)} {rng.choice(LAST)}   Grade {rng.randint(6, 12)}\n" + text
        target.with_suffix(".txt").write_text(text)


def run(source: Path, workers: int) -> dict[str, float]:
    """One batch in this process; what it measured."""
    from brightline import Settings
    from brightline.batch import run_batch

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        report = run_batch(source, Path(out), Settings(), workers=workers, quiet=True)
        elapsed = time.perf_counter() - start
    documents = report.done + report.failed
    return {
        "documents": documents, "workers": workers, "seconds": round(elapsed, 1),
        "documents_per_second": round(documents / elapsed, 2),
        "coordinator_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--run", nargs=2, metavar=("SOURCE", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run(Path(args.run[0]), int(args.run[1]))))
        return 0
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (args.small, args.documents):
            make_archive(Path(tmp) / str(count), count)
        for count, workers in ((args.small, 1), (args.documents, 1), (args.documents, 2)):
            proc = subprocess.run([sys.executable, __file__, "--run", str(Path(tmp) / str(count)), str(workers)],
                                  capture_output=True, text=True, check=True)
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            results[(count, workers)] = result
            print(json.dumps(result), flush=True)
    one, two = results[(args.documents, 1)], results[(args.documents, 2)]
    small = results[(args.small, 1)]
    print(f"speed-up 1 -> 2 workers: {two['documents_per_second'] / one['documents_per_second']:.2f}x")
    for part in ("coordinator_mb", "worker_mb"):
        print(f"peak {part}: {small[part]} MB for {args.small} documents, {one[part]} MB for {args.documents} "
              f"({(one[part] / small[part] - 1) * 100:+.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
