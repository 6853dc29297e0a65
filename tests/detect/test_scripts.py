"""Names written in a family's script beside their Latin form (detect/scripts.py), with exact offsets."""

import pytest

from brightline.detect import Detector
from brightline.detect.scripts import other_script_forms
from brightline.types import Label


@pytest.mark.parametrize(
    ("text", "names", "found"),
    [
        ("ملاحظة: رشا غابت اليوم", ["rasha"], [("رشا", "rasha")]),  # vowels unwritten
        ("Записка: Ульяна заболела", ["ulyana"], [("Ульяна", "ulyana")]),  # spelled the same
        ("नोट: रमिला बिरामी छ", ["ramila"], [("रमिला", "ramila")]),
        ("یادداشت: عبد الرحیم نیامد", ["abdulrahim"], [("عبد الرحیم", "abdulrahim")]),  # two words, one name
        ("ملاحظة: رشا غابت اليوم", ["karim"], []),  # no name of the document
        ("Записка: Ульяна заболела", [], []),
    ],
)
def test_a_name_in_another_script_is_matched_to_a_name_word(
    text: str, names: list[str], found: list[tuple[str, str]]
) -> None:
    assert [(text[s:e], w) for s, e, w in other_script_forms(text, names)] == found


def test_the_script_form_of_a_student_name_is_redacted_as_that_person(detector: Detector) -> None:
    text = "Student: Rasha Qandil (grade 7)\nNote from home: رشا مريضة اليوم ولن تحضر."
    findings = [f for f in detector.detect(text) if f.label == Label.PERSON]
    latin = next(f for f in findings if f.text == "Rasha Qandil")
    script = next(f for f in findings if f.text == "رشا")
    assert script.start == text.index("رشا") and script.entity == latin.entity
