"""Names in the shapes reports use, through the whole detector (real spaCy and Presidio)."""

import pytest

from brightline.detect import Detector
from brightline.types import Label
from tests.assertions import offsets

CASES = [
    # (text, fragment that must be PERSON)
    ("Name: MEJIA, Carlos Andres    Grade: 10\nLater Mejia said no.", "MEJIA, Carlos Andres"),
    ("Name: MEJIA, Carlos Andres    Grade: 10\nLater Mejia said no.", "Mejia"),
    ("Name: MEJIA, Carlos Andres    Grade: 10\nCarlos left at noon.", "Carlos"),
    ("Student: Tavares, Dominic          Grade: 9\nDominic had his phone out.", "Dominic"),
    ("1. BARNES, MICHAEL \"MIKEY B\"   B/M   DOB 05/30/2002", "MIKEY B"),
    ("We have a juvenile, DIAZ, Christopher a/k/a \"Pito\", DOB 9.14.2002.", "Pito"),
    ("Parent contact: mother, Andrea Tavares, reached by phone.", "Andrea Tavares"),
    ("- DARIUS HOLLOWAY (\"D-Lo\"), grade 11, SASID 1033907724", "DARIUS HOLLOWAY"),
    ("Student: Joy Nakamura   Grade 8\nWe spoke to Joy after lunch. It was a joy to see her calm.", "Joy"),
    ("name: marisol reyes, grade 7\nspoke w/ marisol and her mom after 3rd period", "marisol"),
    ("Emergency contact\n1. Abreu, Gabriel / Lidia Abreu 617-555-0104", "Lidia Abreu"),
]


@pytest.mark.parametrize(("text", "fragment"), CASES)
def test_person_found(detector: Detector, text: str, fragment: str) -> None:
    occurrence = 1 if fragment == "marisol" else 0
    start, end = offsets(text, fragment, occurrence)
    covered = [f for f in detector.detect(text) if f.label is Label.PERSON and f.start <= start and end <= f.end]
    assert covered, f"{fragment!r} not covered by a PERSON finding"


def test_common_word_stays_a_word(detector: Detector) -> None:
    text = "Student: Joy Nakamura   Grade 8\nWe spoke to Joy after lunch. It was a joy to see her calm."
    start, end = offsets(text, "joy")
    assert not [f for f in detector.detect(text) if f.label is Label.PERSON and f.start <= start < f.end]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Reporting officer: Ofc. Daniel Keane, Badge #1187\nOfc. Keane arrived.", "Daniel Keane"),
        ("I was called by cafeteria monitor Linda Foley to the table.", "Linda Foley"),
        ("Thanks,\nHector Salgado\nDean of Students, English High School", "Hector Salgado"),
    ],
)
def test_officials_are_told_apart(detector: Detector, text: str, fragment: str) -> None:
    start, end = offsets(text, fragment)
    labels = {f.label for f in detector.detect(text) if f.start <= start and end <= f.end}
    assert labels == {Label.OFFICIAL}


def test_a_student_sharing_an_officials_surname_stays_private(detector: Detector) -> None:
    text = "Officer: Sgt. Maria Ortiz #22\nStudent: ORTIZ, Camila   Grade 6\nOrtiz was calm."
    start, end = offsets(text, "Ortiz was")
    labels = {f.label for f in detector.detect(text) if f.start <= start < f.end}
    assert labels == {Label.PERSON}


def test_mentions_of_one_person_share_an_entity(detector: Detector) -> None:
    text = "Name: PORTILLO, Jonathan    Grade: 11\nMother: Marta Portillo\nPortillo stated he was pushed."
    findings = [f for f in detector.detect(text) if f.label is Label.PERSON]
    by_text = {f.text: f.entity for f in findings}
    assert by_text["Portillo"] == by_text["PORTILLO, Jonathan"]
    assert by_text["Marta Portillo"] != by_text["PORTILLO, Jonathan"]


def test_school_named_for_a_person_is_not_a_person(detector: Detector) -> None:
    text = "School: Jeremiah E. Burke High School\nLocation: main entrance"
    assert not [f for f in detector.detect(text) if f.label is Label.PERSON]
