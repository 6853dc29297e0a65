"""Redact every PDF under a folder (default ../shared/pdfs, read in place) and count how each ended.

    python bench/robustness.py [FOLDER] [--timeout 120]

Each file runs in its own `brightline redact` process with a time limit, so one pathological file
cannot stop the run. A file ends verified (a redacted copy was written and passed verification) or
refused with the one-line reason brightline gave; a verified copy held for legal review (under
withheld/) is counted apart, and so is a crash (a traceback, or a signal), which should never happen.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?", default=ROOT.parent / "shared" / "pdfs")
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args()
    files = sorted(args.folder.rglob("*.pdf"))
    outcomes: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for number, path in enumerate(files):
            out = Path(tmp) / str(number)
            try:
                proc = subprocess.run([sys.executable, "-m", "brightline", "redact", "-q", str(path), "--out", str(out)],
                                      capture_output=True, text=True, timeout=args.timeout)
            except subprocess.TimeoutExpired:
                outcomes["timeout"] += 1
                print(f"timeout {path.relative_to(args.folder)}: over {args.timeout} s", file=sys.stderr)
                continue
            written, held = out / path.name, out / "withheld" / path.name
            if "Traceback" in proc.stderr or proc.returncode < 0:
                outcomes["crash"] += 1
                print(f"CRASH {path}", file=sys.stderr)
            elif proc.returncode == 0 and written.exists():
                outcomes["verified"] += 1
            elif proc.returncode == 5 and held.exists() and not written.exists():
                outcomes["verified, withheld for legal review"] += 1
            elif not written.exists():
                outcomes["refused"] += 1
                ours = [line for line in proc.stderr.splitlines() if line.startswith("brightline:")]
                line = ours[0] if ours else "no message"
                reasons[line.split(": ", 2)[-1][:80]] += 1
                print(f"refused {path.relative_to(args.folder)}: {line.split(': ', 2)[-1]}", file=sys.stderr)
            else:
                outcomes["output despite failure"] += 1
    print(json.dumps({"files": len(files), **outcomes, "seconds": round(time.perf_counter() - started, 1)}))
    for reason, count in reasons.most_common():
        print(f"  {count:3}  {reason}")
    return 1 if outcomes["crash"] or outcomes["output despite failure"] else 0


if __name__ == "__main__":
    sys.exit(main())
