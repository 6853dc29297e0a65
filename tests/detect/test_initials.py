"""A named person's initials stand for them (detect/initials.py), through the whole detector."""

import pytest

from brightline.detect import Detector
from brightline.types import Label
from tests.assertions import offsets


@pytest.mark.parametrize(
    ("text", "fragment", "occurrence"),
    [
        ("Name: VALE, Corbin   Grade 8\nCV walked off from the table. Later CV said no.", "CV", 1),
        ("Student: T.K. Ogundipe, grade 9. Mom will text TK at noon.", "TK", 0),
        ("Name: VALE, Corbin   Grade 8\nStaff spoke with C.V. at noon.", "C.V.", 0),
    ],
)
def test_initials_of_a_named_person_are_that_person(detector: Detector, text: str, fragment: str,
                                                    occurrence: int) -> None:
    start, end = offsets(text, fragment, occurrence)
    found = [f for f in detector.detect(text) if f.label is Label.PERSON and f.start <= start and end <= f.end]
    assert found, f"{fragment!r} not covered"


@pytest.mark.parametrize(
    "text",
    [
        # initials that are a common word, or part of a form's number, are not the person
        "1040\tMalik, Amir\t5520871\t6\tAM medication\tgiven",
        "Name: Ben Adair   Grade 11\nSend Form BA-220 to the league office.",
    ],
)
def test_look_alike_initials_stay_words(detector: Detector, text: str) -> None:
    names = [f.text for f in detector.detect(text) if f.label is Label.PERSON]
    assert "AM" not in names and "BA" not in names, names
