"""Build brightline's learned name detector: generate documents, train spaCy's NER, ship it in models/.

    python training/train.py [--docs 4000] [--dev-docs 400] [--seed 13]

Generated documents (training/generate.py) are tokenized with spaCy's English tokenizer and saved
as DocBins; spans that do not fall on token boundaries are widened to them (and counted). spaCy
trains training/config.cfg on 2 threads with fixed seeds; the best model is written to
models/ner/names.v1 with a meta.json that records the data, steps and scores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = ROOT / "out" / "training"
TARGET = ROOT / "models" / "ner" / "names.v1"


def generate(docs: int, seed: int, path: Path) -> None:
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--docs", str(docs), "--seed", str(seed),
                    "--out", str(path)], check=True)


def to_docbin(source: Path, target: Path) -> dict[str, int]:
    """JSON lines -> DocBin; spans widened to token boundaries. Returns counts."""
    nlp = spacy.blank("en")
    out = DocBin()
    counts = {"docs": 0, "spans": 0, "widened": 0, "dropped": 0}
    for line in source.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        doc = nlp.make_doc(record["text"])
        ents = []
        for start, end, label in record["spans"]:
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
            if span is None:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                counts["widened"] += 1
            # spaCy's NER cannot learn a span that starts or ends on punctuation or holds a line break
            unlearnable = span is not None and (span[0].is_punct or span[-1].is_punct or any(t.is_space for t in span))
            if span is None or unlearnable or any(span.start < e.end and e.start < span.end for e in ents):
                counts["dropped"] += 1
                continue
            ents.append(span)
        doc.ents = ents
        out.add(doc)
        counts["docs"] += 1
        counts["spans"] += len(ents)
    out.to_disk(target)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--dev-docs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--config", type=Path, default=HERE / "config.cfg")
    parser.add_argument("--target", type=Path, default=TARGET, help="where the trained pipeline goes")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    counts = {}
    for part, docs, seed in (("train", args.docs, args.seed), ("dev", args.dev_docs, args.seed + 1000)):
        generate(docs, seed, WORK / f"{part}.jsonl")
        counts[part] = to_docbin(WORK / f"{part}.jsonl", WORK / f"{part}.spacy")
        print(part, counts[part], file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(args.config), "--output", str(WORK / "model"),
         "--paths.train", str(WORK / "train.spacy"), "--paths.dev", str(WORK / "dev.spacy"),
         "--system.seed", str(args.seed)],
        check=True, env={**os.environ, "OMP_NUM_THREADS": "2"},
    )
    minutes = round((time.perf_counter() - started) / 60, 1)
    best = WORK / "model" / "model-best"
    if args.target.exists():
        shutil.rmtree(args.target)
    shutil.copytree(best, args.target)
    meta_path = args.target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(name="brightline_names", version="1.0.0",
                description="brightline's learned name detector (PERSON), trained on generated documents only",
                brightline_training={"data": counts, "seed": args.seed, "minutes": minutes})
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"trained in {minutes} min -> {args.target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
