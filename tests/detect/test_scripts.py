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
        # unspaced scripts: a name inside a clause, surname and given name joined, Korean's g read as k
        ("老师好，我是林雨桐的爸爸。雨桐今天发烧", ["lin", "yutong"], [("林雨桐", "lin"), ("雨桐", "yutong")]),
        ("담임 선생님께, 강서윤 엄마입니다. 서윤이가", ["kang", "seoyun"], [("강서윤", "kang"), ("서윤", "seoyun")]),
        ("林老师说网上的消息不对", ["lin", "wang"], []),  # one character is a syllable, not a name
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
