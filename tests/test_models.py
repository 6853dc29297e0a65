"""The data in models/: every file loads and validates; a broken file is a clear error, never a fallback."""

from pathlib import Path

import pytest

from brightline.detect.roles import load_roles
from brightline.detect.vocab import load_rule_set
from brightline.errors import MissingModelError
from brightline.resources import models_dir
from brightline.score import load_weights

RULE_SETS = sorted((models_dir() / "terms").glob("*.yaml")) + sorted((models_dir() / "patterns").glob("*.yaml"))


@pytest.mark.parametrize("path", RULE_SETS, ids=lambda p: p.name)
def test_rule_sets_load(path: Path) -> None:
    rules = load_rule_set(path)
    assert rules.rules and rules.ref.endswith(f".v{rules.version}")
    assert path.name == f"{rules.model.name}.v{rules.version}.yaml"


def test_roles_and_weights_load() -> None:
    assert load_roles().not_names
    assert load_weights().levels


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name: x\nversion: 1\nlabel: GANG\nrules: [{id: a, pattern: '(unclosed'}]\n", "invalid pattern"),
        ("name: x\nversion: 1\nlabel: NOT_A_LABEL\nrules: [{id: a, pattern: 'a'}]\n", "invalid at label"),
        ("name: x\nversion: 1\nlabel: GANG\nrules: [{id: a, pattern: 'a'}, {id: a, pattern: 'b'}]\n", "duplicate"),
        ("name: x\nversion: 1\n  label: GANG\n", "not valid YAML at line"),
    ],
)
def test_broken_rule_sets_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.v1.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MissingModelError, match=message):
        load_rule_set(path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["bases"]["court-order"].update(points=5), "a judicial basis cannot add points"),
        (lambda d: d["recipients"]["police"].update(points=3), "the default context"),
        (lambda d: d["recipients"].pop("researcher"), "every recipient and every basis"),
    ],
    ids=["court_order_adds", "default_moves", "missing_recipient"],
)
def test_a_broken_context_table_is_refused(change, message: str) -> None:  # type: ignore[no-untyped-def]
    import yaml
    from pydantic import ValidationError

    from brightline.score.context import ContextTable

    data = yaml.safe_load((models_dir() / "scoring" / "context.v1.yaml").read_text())
    change(data)
    with pytest.raises(ValidationError, match=message):
        ContextTable.model_validate(data)


MODEL_FILES = sorted(models_dir().rglob("*.yaml"))


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: str(p.relative_to(models_dir())))
def test_model_files_are_readable(path: Path) -> None:
    """No line over 100 characters: long regexes are lists of alternatives, one per line, or macros."""
    long_lines = [
        f"{path.name}:{number}: {len(line)} characters"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > 100
    ]
    assert not long_lines, "\n".join(long_lines)
