"""Policy diff over a labeled corpus: the default policy against one that keeps gang language readable.

    python bench/policy_diff_dev.py [FOLDER]   (default ../shared/eval/dev; BRIGHTLINE_PROFILE as the CLI reads it)

Every change listed should be a GANG span that B reveals, and nothing else. Prints the labels of the
changes, and how they line up with the gold GANG spans: the share of gold spans a change overlaps,
and the share of changes that overlap a gold GANG span.
"""

from __future__ import annotations

import collections
import os
import sys
import tempfile
from pathlib import Path

from brightline import Pipeline, Settings
from brightline.evaluate import load_labeled
from brightline.policy import default_policy, load_policy
from brightline.redact import cover_repeats
from brightline.report.diff import diff_policies

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval" / "dev"
    text = (ROOT / "models" / "policies" / "default.v1.yaml").read_text()
    keep_gang = text.replace("    redact: [PII, SENSITIVE]\n    style: placeholder",
                             "    redact: [PII, IMMIGRATION, SOCIAL_MEDIA]\n    style: placeholder")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "keep-gang.yaml").write_text(keep_gang)
        second = load_policy(Path(tmp) / "keep-gang.yaml")
    pipeline = Pipeline(Settings(profile=os.environ.get("BRIGHTLINE_PROFILE") or None))
    first_policy, second_policy = (p.for_recipient(pipeline.settings.recipient)[1] for p in (default_policy(), second))
    kinds: collections.Counter[tuple[str, str | None]] = collections.Counter()
    gold_hit = gold_total = change_hit = change_total = 0
    for path in sorted(folder.glob("*.txt")):
        document = load_labeled(path)
        result = pipeline.screen_text(document["text"], path.name)
        changes = diff_policies(result, first_policy.redact, second_policy.redact, "placeholder", "placeholder")
        kinds.update((c.kind, c.label) for c in changes)
        # where each change lies: recompute the revealed runs as offsets
        labels_b = second_policy.redact
        hidden_b = {i for f in cover_repeats(result.text, result.findings, labels_b) if f.label in labels_b
                    for i in range(f.start, f.end)}
        shown = {i for f in cover_repeats(result.text, result.findings, first_policy.redact)
                 if f.label in first_policy.redact for i in range(f.start, f.end)} - hidden_b
        gold = [g for g in document["spans"] if g["label"] == "GANG"]
        gold_total += len(gold)
        gold_hit += sum(1 for g in gold if any(i in shown for i in range(g["start"], g["end"])))
        change_total += len(changes)
        change_hit += sum(1 for c in changes if any(c.b in result.text[g["start"]:g["end"]] or
                                                     result.text[g["start"]:g["end"]] in c.b for g in gold))
    print("changes by kind and label:", dict(kinds))
    print(f"gold GANG spans revealed by the diff: {gold_hit}/{gold_total} = {gold_hit / max(1, gold_total):.4f}")
    print(f"changes that are gold GANG spans: {change_hit}/{change_total} = {change_hit / max(1, change_total):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
