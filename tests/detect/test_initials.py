"""A named person's initials stand for them (detect/initials.py), through the whole detector."""

import pytest

from brightline.detect import Detector
from brightline.detect.initials import with_adjacent_initials
from brightline.detect.repeats import cover_repeats
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
    covered = {i for f in detector.detect(text) if f.label is Label.PERSON for i in range(f.start, f.end)}
    assert all(i in covered for i in range(start, end) if not text[i].isspace()), f"{name!r} not covered whole"


def test_an_initial_across_a_column_gap_is_not_taken_in(detector: Detector) -> None:
    text = "Teacher: Corbin Vale      W. 4th St lot"
    assert all(not f.text.endswith("W.") for f in detector.detect(text) if f.label is Label.PERSON)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Signed: R. Obasogie / counselor", ["Obasogie"], [(8, 10), (11, 19)]),  # a leading initial
        ("Corbin T. Vale", ["Corbin", "Vale"], [(0, 6), (7, 9), (10, 14)]),  # a middle initial, taken once
        ("Nadia K.-L., 13 yo", ["Nadia"], [(0, 5), (6, 11)]),  # trailing initials
        ("Corbin Vale   W. Main", ["Corbin Vale"], [(0, 11)]),  # a column gap is no initial's
    ],
)
def test_adjacent_initials_are_the_persons(text: str, names: list[str], expected: list[tuple[int, int]]) -> None:
    findings = [Finding(Label.PERSON, *offsets(text, name, 0), name, Explanation("test", "test", 0.8), entity="p1")
                for name in names]
    found = with_adjacent_initials(text, findings)
    assert sorted((f.start, f.end) for f in found) == expected
    assert all(f.entity == "p1" for f in found)  # the initial is the same person's


def test_a_name_beside_an_initial_is_still_followed_to_its_bare_repeats() -> None:
    """The initial is its own finding: the name's value, and so its repeats, stay the name's."""
    text = "Signed: R. Obasogie / counselor\nOBASOGIE is the aunt on file."
    name = Finding(Label.PERSON, 11, 19, "Obasogie", Explanation("test", "test", 0.8), entity="p1")
    findings = cover_repeats(text, with_adjacent_initials(text, [name]), {Label.PERSON})
    start, end = offsets(text, "OBASOGIE", 0)
    assert any(f.start == start and f.end == end for f in findings)
