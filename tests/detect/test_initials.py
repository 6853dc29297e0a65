"""A named person's initials stand for them (detect/initials.py), through the whole detector."""

import pytest

from brightline.detect import Detector
from brightline.detect.initials import with_adjacent_initials
from brightline.types import Explanation, Finding, Label
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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PLAN FOR — Corbin T. Vale            10/17/2024\nCorbin Vale will meet staff weekly.", "Corbin T. Vale"),
        ("CARE PLAN — Nadia K.-L., 13 yo\nNadia Kamau-Lind is in grade 8.", "Nadia K.-L."),
    ],
)
def test_an_initial_beside_a_name_is_part_of_it(detector: Detector, text: str, name: str) -> None:
    start, end = offsets(text, name, 0)
    found = [f for f in detector.detect(text) if f.label is Label.PERSON and f.start <= start and end <= f.end]
    assert found, f"{name!r} not covered whole"


def test_an_initial_across_a_column_gap_is_not_taken_in(detector: Detector) -> None:
    text = "Teacher: Corbin Vale      W. 4th St lot"
    assert all(not f.text.endswith("W.") for f in detector.detect(text) if f.label is Label.PERSON)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Signed: R. Okoye / counselor", ["Okoye"], [(8, 16)]),  # a leading initial
        ("Corbin T. Vale", ["Corbin", "Vale"], [(0, 14)]),  # a middle initial joins the two parts
        ("Nadia K.-L., 13 yo", ["Nadia"], [(0, 11)]),  # trailing initials
        ("Corbin Vale   W. Main", ["Corbin Vale"], [(0, 11)]),  # a column gap is no initial's
    ],
)
def test_adjacent_initials_join_the_name(text: str, names: list[str], expected: list[tuple[int, int]]) -> None:
    findings = [Finding(Label.PERSON, *offsets(text, name, 0), name, Explanation("test", "test", 0.8)) for name in names]
    assert [(f.start, f.end) for f in with_adjacent_initials(text, findings)] == expected
