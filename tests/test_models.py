"""The data in models/: every file loads and validates; a broken file is a clear error, never a fallback."""

from pathlib import Path

import pytest

from brightline.detect.profiles import load_profile, read_profile, rule_set_files
from brightline.detect.roles import load_roles
from brightline.detect.vocab import load_rule_set
from brightline.errors import ConfigError, MissingModelError
from brightline.redact.pdf import BoxWidths, even_box_widths
from brightline.resources import models_dir, read_yaml, validated
from brightline.score import load_weights
from brightline.types import Label

RULE_SETS = sorted((models_dir() / "terms").glob("*.yaml")) + sorted((models_dir() / "patterns").glob("*.yaml"))


@pytest.mark.parametrize("path", RULE_SETS, ids=lambda p: p.name)
def test_rule_sets_load(path: Path) -> None:
    rules = load_rule_set(path)
    assert rules.rules and rules.ref.endswith(f".v{rules.version}")
    assert path.name == f"{rules.model.name}.v{rules.version}.yaml"


def test_roles_and_weights_load() -> None:
    assert load_roles().not_names
    assert load_weights().levels
    assert even_box_widths()[Label.PERSON] > even_box_widths()[Label.AGE]  # a name needs the wider box


def test_box_widths_name_only_labels(tmp_path: Path) -> None:
    path = tmp_path / "box_widths.v1.yaml"
    path.write_text("name: box_widths\nversion: 1\nwidths: {PERSON: 11, NICKNAME: 4}\n", encoding="utf-8")
    with pytest.raises(MissingModelError, match="invalid at widths.NICKNAME"):
        validated(BoxWidths, read_yaml(path), path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name: x\nversion: 1\nlabel: GANG\nrules: [{id: a, pattern: '(unclosed'}]\n", "invalid pattern"),
        ("name: x\nversion: 1\nlabel: NOT_A_LABEL\nrules: [{id: a, pattern: 'a'}]\n", "invalid at label"),
        ("name: x\nversion: 1\nlabel: GANG\nrules: [{id: a, pattern: 'a'}, {id: a, pattern: 'b'}]\n", "duplicate"),
        ("name: x\nversion: 1\n  label: GANG\n", "not valid YAML at line"),
        # a macro written twice would silently replace the first one: the file is refused instead
        ("name: x\nversion: 1\nlabel: GANG\nmacros: {a: 'x', b: 'y'}\nmacros: {a: 'z'}\nrules: []\n",
         "not valid YAML at line 5"),
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

    data = yaml.safe_load((models_dir() / "scoring" / "context.v2.yaml").read_text())
    for section in ("recipients", "bases", "overrides"):  # the citations a jurisdiction's law fills in
        for entry in data[section].values():
            entry["basis"] = "a statute"
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


PROFILES = sorted((models_dir() / "profiles").glob("*.yaml"))


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_shipped_profiles_load(path: Path) -> None:
    profile = read_profile(path)
    assert path.name == f"{profile.ref}.yaml" and profile.model.rule_sets


@pytest.fixture
def models_root(tmp_path: Path) -> Path:
    """A models/ folder with the shipped rule sets and a profiles/ folder of the test's own."""
    for folder in ("terms", "patterns"):
        (tmp_path / folder).symlink_to(models_dir() / folder, target_is_directory=True)
    (tmp_path / "profiles").mkdir()
    return tmp_path


def write_profile(root: Path, body: str, name: str = "district") -> Path:
    path = root / "profiles" / f"{name}.v1.yaml"
    path.write_text(f"name: {name}\nversion: 1\ndescription: a test district\n{body}", encoding="utf-8")
    return path


def test_a_profile_adds_rules_and_macro_alternatives(models_root: Path) -> None:
    body = (
        "gang:\n"
        "  macros:\n    unit_or_database: ['Eastgate\\s+Crime\\s+Center']\n"
        "  rules:\n    - {id: local_unit, category: R, score: 0.9, pattern: '\\bECC\\b', case_sensitive: true}\n"
    )
    profile = read_profile(write_profile(models_root, body), models_root)
    gang = rule_set_files(models_root)["gang"]
    base, merged = load_rule_set(gang), load_rule_set(gang, profile)
    assert merged.model.macros["unit_or_database"] == base.model.macros["unit_or_database"] + "|Eastgate\\s+Crime\\s+Center"
    assert [r.id for r in merged.rules] == [r.id for r in base.rules] + ["local_unit"]
    added = merged.rules[-1]
    assert added.ref == "district.v1:gang.local_unit" and added.spans("sent to ECC today") == [(8, 11)]
    units = next(r for r in merged.rules if r.id == "units_and_databases")
    assert units.spans("the Eastgate Crime Center") == [(4, 25)] and not base.rules[0].spans("the Eastgate Crime Center")
    assert load_profile("district", models_root).ref == "district.v1"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("gangs:\n  macros: {gang_name: ['X']}\n", "'gangs' is not a rule set"),
        ("gang:\n  rules: [{id: known_member, category: A, pattern: 'x'}]\n", "rule id 'known_member' is already"),
        ("gang:\n  macros: {no_such_macro: ['x']}\n", "has no macro 'no_such_macro'"),
        ("gang:\n  rules: [{id: local, category: Q, pattern: 'x'}]\n", "category 'Q'"),
        ("gang:\n  rules: [{id: local, category: R, pattern: '(unclosed'}]\n", "invalid pattern"),
        ("gang:\n  rulez: []\n", "invalid at gang.rulez"),
        ("gang:\n  - x\n y\n", "not valid YAML"),
    ],
    ids=["unknown_rule_set", "clashing_id", "unknown_macro", "undeclared_category", "bad_pattern", "unknown_key", "yaml"],
)
def test_a_bad_profile_is_refused_naming_its_file(models_root: Path, body: str, message: str) -> None:
    path = write_profile(models_root, body)
    with pytest.raises(MissingModelError, match=message) as refused:
        read_profile(path, models_root)
    assert str(refused.value).startswith("data file district.v1.yaml")


def test_an_unknown_profile_names_the_profiles(models_root: Path) -> None:
    write_profile(models_root, "gang:\n  macros: {gang_context: ['x']}\n", name="eastgate")
    with pytest.raises(ConfigError, match=r"unknown profile 'nowhere'; the profiles are: eastgate\."):
        load_profile("nowhere", models_root)
