"""brightline beside stock Presidio on labeled corpora, scored by brightline's own evaluation.

    python bench/compare_corpus.py FOLDER [FOLDER...] [--engines brightline,presidio] [--name TAG]

Each engine runs in its own process over the plain texts of every labeled document (LABELS.md
format) and returns its findings, its redacted copy and its risk level; brightline.evaluate.score
scores them all alike (PII recall and precision against gold PII, sensitive spans covered whole and
in part, leaks after redaction, risk). Engines:
- brightline: this checkout (or the src/ folder given by --engine-src, to measure another one), its
  default settings (police, no legal basis), placeholder redaction;
- brightline-rules: the same without the learned name detector (models/ner), to measure what it adds;
- presidio: bench/stock_presidio.py (Presidio's default recognizers on the same spaCy pipeline).
Results, with every missed span, go to out/measure/TAG-FOLDER.json; a table goes to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
LABELS = ["PERSON", "DATE_OF_BIRTH", "AGE", "STUDENT_ID", "SSN", "PHONE", "EMAIL", "ADDRESS", "SOCIAL_HANDLE",
          "GOV_ID", "HEALTH"]


def run_engine(engine: str, texts_file: Path, out_file: Path) -> None:
    """Child process: predictions for every text, one JSON line each."""
    texts = [json.loads(line) for line in texts_file.read_text(encoding="utf-8").splitlines()]
    with out_file.open("w", encoding="utf-8") as out:
        if engine == "presidio":
            from stock_presidio import build_analyzer, findings, redact

            analyzer = build_analyzer()
            for text in texts:
                found = findings(analyzer, text)
                out.write(json.dumps({"findings": [[f["label"], f["start"], f["end"]] for f in found],
                                      "redacted": redact(text, found), "level": None}) + "\n")
            return
        from brightline import Pipeline, Settings
        from brightline.errors import BrightlineError

        settings = Settings(learned_names=False) if engine == "brightline-rules" else Settings()
        pipeline = Pipeline(settings)
        for result in pipeline.screen_texts((str(i), t) for i, t in enumerate(texts)):
            try:
                redacted = pipeline.redact(result) if result.error is None else None
            except BrightlineError:
                redacted = None
            out.write(json.dumps({
                "findings": [[str(f.label), f.start, f.end] for f in result.findings],
                "redacted": redacted,
                "level": str(result.risk.level) if result.risk is not None else None,
            }) + "\n")


def measure(folder: Path, engines: list[str], engine_src: Path) -> dict[str, dict]:
    from brightline.evaluate import Prediction, load_labeled, score

    docs = [load_labeled(p) for p in sorted(folder.glob("*.txt"))]
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.jsonl"
        texts_file.write_text("".join(json.dumps(d["text"]) + "\n" for d in docs), encoding="utf-8")
        for engine in engines:
            out_file = Path(tmp) / f"{engine}.jsonl"
            env = {**os.environ, "PYTHONPATH": str(engine_src)}
            subprocess.run([sys.executable, __file__, "--engine", engine, "--texts", str(texts_file),
                            "--predictions", str(out_file)], check=True, env=env)
            predictions = [Prediction([tuple(f) for f in p["findings"]], p["redacted"], p["level"])
                           for p in map(json.loads, out_file.read_text(encoding="utf-8").splitlines())]
            reports[engine] = score(docs, predictions)
    return reports


def table(name: str, reports: dict[str, dict]) -> str:
    engines = list(reports)
    rows = [f"## {name} ({next(iter(reports.values()))['documents']} documents)",
            "| measure | " + " | ".join(engines) + " |", "| --- |" + " --- |" * len(engines)]

    def row(title: str, get) -> None:  # type: ignore[no-untyped-def]
        rows.append(f"| {title} | " + " | ".join(str(get(r)) for r in reports.values()) + " |")

    row("PII recall", lambda r: r["pii_recall"])
    row("PII precision", lambda r: r["pii_precision"])
    row("PII spans readable after redaction", lambda r: r["leak_rate"])
    for label in LABELS:
        if any(label in r["pii_recall_by_label"] for r in reports.values()):
            row(f"{label} recall", lambda r, lab=label: r["pii_recall_by_label"].get(lab))
    for label in ("GANG", "SOCIAL_MEDIA", "IMMIGRATION"):
        row(f"{label} span whole / overlap", lambda r, lab=label: f"{r['sensitive_span_recall'].get(lab)} / "
            f"{r['sensitive_span_overlap'].get(lab)}")
        row(f"{label} false flags", lambda r, lab=label: r["sensitive_false_flags"].get(lab))
    row("risk exact / within one", lambda r: f"{r['risk_exact']} / {r['risk_within_one']}")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--engines", default="brightline,presidio")
    parser.add_argument("--name", default="now")
    parser.add_argument("--engine-src", type=Path, default=ROOT / "src", help="brightline's src/ to measure")
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--predictions", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        sys.path.insert(0, os.environ["PYTHONPATH"])
        run_engine(args.engine, args.texts, args.predictions)
        return 0
    out = ROOT / "out" / "measure"
    out.mkdir(parents=True, exist_ok=True)
    for folder in args.folders:
        reports = measure(folder, args.engines.split(","), args.engine_src.resolve())
        (out / f"{args.name}-{folder.name}.json").write_text(json.dumps(reports, indent=1, ensure_ascii=False),
                                                              encoding="utf-8")
        print(table(f"{folder.name}, {args.name}", reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
