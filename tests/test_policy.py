"""Policy files: the shipped ones load; an office's own is validated, and a bad one names its line."""

from pathlib import Path

import pytest

from brightline.context import Recipient
from brightline.errors import ConfigError
from brightline.policy import default_policy, load_policy
from brightline.types import PII_LABELS, SENSITIVE_LABELS, Label, Level, RedactionStyle

GOOD = """\
name: office
version: 3
policies:
  strict:
    description: everything redacted, held from MEDIUM
    redact: [PII, SENSITIVE]
    withhold_at: MEDIUM
  keep-gang:
    description: gang language kept
    redact: [PII, IMMIGRATION, SOCIAL_MEDIA]
    style: fixed
recipients:
  police: keep-gang
  school-police: strict
  gang-unit: strict
  immigration: strict
  court: strict
  parent-or-eligible-student: strict
  public-records: strict
  researcher: strict
"""


def test_the_shipped_policies() -> None:
    policies = default_policy()
    name, law = policies.for_recipient(Recipient.POLICE)
    assert name == "law-enforcement" and law.redact == PII_LABELS | SENSITIVE_LABELS and law.withhold_at is Level.HIGH
    _, parent = policies.for_recipient(Recipient.PARENT_OR_ELIGIBLE_STUDENT)
    assert parent.redact == PII_LABELS
    assert policies.for_recipient(Recipient.RESEARCHER)[0] == "public-records"


def test_an_office_policy(tmp_path: Path) -> None:
    path = tmp_path / "office.yaml"
    path.write_text(GOOD)
    name, policy = load_policy(path).for_recipient(Recipient.POLICE)
    assert name == "keep-gang" and Label.GANG not in policy.redact and policy.style is RedactionStyle.FIXED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("withhold_at: MEDIUM", "withhold_at: SEVERE"), "line 7: policies.strict.withhold_at"),
        (("[PII, IMMIGRATION, SOCIAL_MEDIA]", "[PII, IMMIGRANT]"), "line 10: policies.keep-gang.redact"),
        (("  researcher: strict\n", ""), "recipients without a policy: researcher"),
        (("  court: strict", "  court: lenient"), "undefined policies: lenient"),
        (("    style: fixed", "    style: fixed\n    colour: red"), "line 12: policies.keep-gang.colour"),
        (("version: 3", "version: [3"), "not valid YAML"),
    ],
    ids=["unknown_level", "unknown_label", "missing_recipient", "undefined_policy", "unknown_key", "bad_yaml"],
)
def test_a_malformed_policy_is_a_clear_error(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    path = tmp_path / "office.yaml"
    path.write_text(GOOD.replace(*change))
    with pytest.raises(ConfigError, match="policy file") as error:
        load_policy(path)
    assert message in str(error.value)
