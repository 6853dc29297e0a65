"""Diffs between two redactions: classification table, golden output, policy gates, exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from brightline import Pipeline
from brightline.context import Recipient
from brightline.evaluate import load_labeled
from brightline.policy import default_policy, load_policy
from brightline.redact import cover_repeats
from brightline.report.compare import compare_paths, compare_policies, render_diff_text
from brightline.report.diff import diff_texts
from brightline.types import Label
from tests.report.golden_files import assert_golden

ROOT = Path(__file__).parents[2]
KEEP_GANG = (ROOT / "models" / "policies" / "default.v2.yaml").read_text().replace(
    "    redact: [PII, SENSITIVE]\n    style: placeholder",
    "    redact: [PII, IMMIGRATION, SOCIAL_MEDIA]\n    style: placeholder",
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("He is a [GANG] member.", "He is a known associate member.", [("revealed", "GANG", "known associate")]),
        ("Call [PHONE 1] now.", "Call (617) 555-0143 now.", [("revealed", "PHONE", "(617) 555-0143")]),
        ("Mother Ana Ruiz called.", "Mother [PERSON 2] called.", [("hidden", "PERSON", "[PERSON 2]")]),
        ("Student [PERSON 1] left.", "Student [PERSON 3] left.", [("placeholder", "PERSON", "[PERSON 3]")]),
        ("Student [PERSON 1] left.", "Student [REDACTED] left.", [("label", None, "[REDACTED]")]),
        ("Student [PERSON 1] left.", "Student ████ left.", [("label", None, "████")]),
        ("Same text [GANG].", "Same text [GANG].", []),
    ],
    ids=["gang_revealed", "phone_revealed", "name_hidden", "renumbered", "fixed_style", "block_style", "equal"],
)
def test_changes_are_classified(a: str, b: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert [(c.kind, c.label, c.b) for c in diff_texts(a, b)] == expected


def test_policy_diff_lists_the_gang_spans_and_nothing_else(pipeline: Pipeline, tmp_path: Path) -> None:
    policy = tmp_path / "keep-gang.yaml"
    policy.write_text(KEEP_GANG)
    files = sorted((ROOT / "samples").glob("*.txt"))
    for labeled in sorted((ROOT / "tests" / "corpus").glob("*.txt")):  # the labeled corpus as plain texts
        document = load_labeled(labeled)
        files.append(tmp_path / labeled.name)
        files[-1].write_text(document["text"], encoding="utf-8")
    diffs = compare_policies(pipeline, files, [default_policy(), load_policy(policy)], ["default", "keep-gang"], True)
    changes = [c for d in diffs for c in d.changes]
    assert changes and {c.kind for c in changes} == {"revealed"} and {c.label for c in changes} == {"GANG"}
    kept = load_policy(policy).for_recipient(Recipient.POLICE)[1].redact
    for diff, result in zip(diffs, pipeline.screen_paths(files), strict=True):
        still_hidden = {i for f in cover_repeats(result.text, result.findings, kept) if f.label in kept
                        for i in range(f.start, f.end)}
        revealed = {c.b for c in diff.changes}
        for finding in (f for f in result.findings if f.label is Label.GANG):
            if all(i in still_hidden or result.text[i].isspace() for i in range(finding.start, finding.end)):
                continue  # wholly inside PII that stays hidden
            assert any(part in finding.text or finding.text in part for part in revealed), finding.text


def test_diff_of_two_styles_golden(pipeline: Pipeline, tmp_path: Path) -> None:
    sample = ROOT / "samples" / "cafeteria_fight_gang_rumor.txt"
    result = pipeline.screen_text(sample.read_text(), "cafeteria.txt")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "cafeteria.txt").write_text(pipeline.redact(result))
    keep = Pipeline(pipeline.settings.model_copy(update={"policy": _keep_gang(tmp_path)}))
    (tmp_path / "b" / "cafeteria.txt").write_text(keep.redact(result))
    diffs = compare_paths(tmp_path / "a", tmp_path / "b")
    text = render_diff_text(diffs).replace(str(tmp_path), "TMP")
    assert_golden("diff_keep_gang.txt", text)
    assert diffs[0].reveals and {c.label for c in diffs[0].changes} == {"GANG"}


def test_diff_command_gates_on_reveals(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Student [PERSON 1] is a [GANG].\n")
    (tmp_path / "b.txt").write_text("Student [PERSON 1] is a known associate.\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "brightline", "diff", *args], capture_output=True, text=True)

    worse = run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json", "--html", str(tmp_path / "d.html"))
    assert worse.returncode == 1 and json.loads(worse.stdout)["revealed"] == 1
    assert "known associate" in (tmp_path / "d.html").read_text()
    better = run(str(tmp_path / "b.txt"), str(tmp_path / "a.txt"))
    assert better.returncode == 0 and "hidden in B" in better.stdout


def _keep_gang(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "keep-gang.yaml"
    path.write_text(KEEP_GANG)
    policies = load_policy(path)
    assert Label.GANG not in policies.for_recipient(Recipient.POLICE)[1].redact
    return policies


def test_folders_pair_by_relative_path(tmp_path: Path) -> None:
    for side, text in (("a", "Student [PERSON 1] is a [GANG]."), ("b", "Student [PERSON 1] is a [GANG].")):
        (tmp_path / side / "x").mkdir(parents=True)
        (tmp_path / side / "x" / "same.txt").write_text(text)
    (tmp_path / "a" / "only_in_a.txt").write_text("Student [PERSON 1].")
    diffs = compare_paths(tmp_path / "a", tmp_path / "b")
    assert [(Path(d.a).name, d.error, d.changes) for d in diffs] == [
        ("only_in_a.txt", "only_in_a.txt: missing from B.", []), ("same.txt", None, [])]
    assert "same.txt: no differences" in render_diff_text(diffs)
