"""Profiles: the general vocabularies find the general forms; a district's profile adds its own."""

from __future__ import annotations

from functools import cache

import pytest
from presidio_analyzer import EntityRecognizer

from brightline.detect.recognizers import (
    AddressRecognizer,
    GangRecognizer,
    GovIdRecognizer,
    HealthRecognizer,
    ImmigrationRecognizer,
    SchoolRecognizer,
    SocialMediaRecognizer,
)
from tests.assertions import assert_exact, offsets, spans_of
from tests.detect.recognizers.run import run

MA = "massachusetts"


@cache
def recognizer(kind: type[EntityRecognizer], profile: str | None) -> EntityRecognizer:
    return kind(profile)


# (recognizer, profile, label, text, fragment): a finding covers exactly the fragment
FOUND = [
    (GangRecognizer, MA, "GANG", "Report forwarded to the BRIC gang unit.", "BRIC gang unit"),
    (GangRecognizer, MA, "GANG", "Report forwarded to the BRIC.", "BRIC"),
    (GangRecognizer, MA, "GANG", "Listed by the Boston Regional Intelligence Center.",
     "Boston Regional Intelligence Center"),
    (GangRecognizer, MA, "GANG", "He has three points under Rule 335.", "Rule 335"),
    (GangRecognizer, None, "GANG", "Listed by the regional intelligence center.", "regional intelligence center"),
    (GangRecognizer, None, "GANG", "Shared with the state fusion center.", "fusion center"),
    (GangRecognizer, None, "GANG", "Referred to the Youth Violence Strike Force.", "Youth Violence Strike Force"),
    (ImmigrationRecognizer, MA, "IMMIGRATION", "Her father is held at Plymouth County on an ICE detainer.",
     "Plymouth County"),
    (ImmigrationRecognizer, None, "IMMIGRATION", "Her uncle is in the Harris County Jail on an ICE hold.",
     "Harris County Jail"),
    (ImmigrationRecognizer, MA, "IMMIGRATION", "He was placed in HILT this fall.", "HILT"),
    (ImmigrationRecognizer, MA, "IMMIGRATION", "Referred the aunt to the PAIR Project.", "PAIR Project"),
    (HealthRecognizer, MA, "HEALTH", "He was taken to the ER on a Section 12.", "Section 12"),
    (HealthRecognizer, None, "HEALTH", "She was placed on an involuntary psychiatric hold.", "involuntary psychiatric hold"),
    (GovIdRecognizer, MA, "GOV_ID", "RMV ID 123456789 shown", "123456789"),
    (AddressRecognizer, None, "ADDRESS", "Home: 12 Elm St, Springfield, Illinois 62704\n",
     "12 Elm St, Springfield, Illinois 62704"),
    (AddressRecognizer, None, "ADDRESS", "Home: 12 Elm St, Worcester, MA 01608\n", "12 Elm St, Worcester, MA 01608"),
    (AddressRecognizer, MA, "ADDRESS", "Home: 12 Elm St, Worcester, Mass. 01608\n", "12 Elm St, Worcester, Mass. 01608"),
    (SchoolRecognizer, None, "SCHOOL", "She attends Chelsea High School.", "Chelsea High School"),
    (SchoolRecognizer, None, "SCHOOL", "A student at Excel Academy of Boston.", "Excel Academy"),
    (SchoolRecognizer, MA, "SCHOOL", "A student at Excel Academy of Boston.", "Excel Academy of Boston"),
    (SocialMediaRecognizer, None, "SOCIAL_MEDIA", "Follow BPS's Instagram account for closings.", "Instagram account"),
]
# (recognizer, profile, label, text, fragment): nothing of the label touches the fragment
ABSENT = [
    (GangRecognizer, None, "GANG", "Report forwarded to the BRIC.", "BRIC"),
    (GangRecognizer, None, "GANG", "He has three points under Rule 335.", "Rule 335"),
    (ImmigrationRecognizer, None, "IMMIGRATION", "Her father is held at Plymouth County on an ICE detainer.",
     "Plymouth County"),
    (ImmigrationRecognizer, None, "IMMIGRATION", "He spent the weekend in the Cook County Jail.", "Cook County Jail"),
    (ImmigrationRecognizer, MA, "IMMIGRATION", "He spent the weekend in the Cook County Jail.", "Cook County Jail"),
    (ImmigrationRecognizer, None, "IMMIGRATION", "He was placed in HILT this fall.", "HILT"),
    (HealthRecognizer, None, "HEALTH", "He was taken to the ER on a Section 12.", "Section 12"),
    (GovIdRecognizer, None, "GOV_ID", "RMV ID 123456789 shown", "123456789"),
    (SchoolRecognizer, None, "SCHOOL", "Boston Public Schools will close early.", "Boston Public Schools"),
    (SchoolRecognizer, None, "SCHOOL", "BOSTON PUBLIC SCHOOLS INCIDENT REPORT", "BOSTON PUBLIC SCHOOLS"),
    (SocialMediaRecognizer, MA, "SOCIAL_MEDIA", "Follow BPS's Instagram account for closings.", "Instagram"),
]


@pytest.mark.parametrize(("kind", "profile", "label", "text", "fragment"), FOUND)
def test_found(kind: type[EntityRecognizer], profile: str | None, label: str, text: str, fragment: str) -> None:
    assert_exact(run(recognizer(kind, profile), text), label, text, fragment)


@pytest.mark.parametrize(("kind", "profile", "label", "text", "fragment"), ABSENT)
def test_absent(kind: type[EntityRecognizer], profile: str | None, label: str, text: str, fragment: str) -> None:
    start, end = offsets(text, fragment)
    touching = {(s, e) for s, e in spans_of(run(recognizer(kind, profile), text), label) if s < end and start < e}
    assert not touching, f"{label} over {fragment!r}: {sorted(touching)}"


def test_a_profiles_rules_are_named_for_it() -> None:
    results = run(recognizer(GangRecognizer, MA), "Report forwarded to the BRIC gang unit.")
    rules = {r.recognition_metadata["rule"] for r in results}
    assert "massachusetts.v1:gang.bric" in rules and "gang.v8:units_and_databases" in rules
