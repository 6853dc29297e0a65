"""OCR repair: look-alike characters and broken words, with offsets mapped back to the original."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brightline.detect import Detector
from brightline.detect.ocr import repair, to_original
from brightline.types import Label

CASES = [
    ("SAS1D: l048823536", "SASID: 1048823536"),
    ("D0B: 0l/l9/2008   Age: l5", "DOB: 01/19/2008   Age: 15"),
    ("Ph: (508) 555-0l72", "Ph: (508) 555-0172"),
    ("Name: M0NTEIR0, Dari0", "Name: MONTEIRO, Dario"),
    ("the Flint Street B0ys", "the Flint Street Boys"),
    ("lCE VlCTIM lD", "ICE VICTIM ID"),
    ("undoc-\numented", "undocumented"),
    ("Verbal dispute, Marla Tr00per / Quinn 0sgood", "Verbal dispute, Marla Trooper / Quinn Osgood"),
    ("412 0pal Hollow Rd", "412 Opal Hollow Rd"),
    ("Parent: lvanova, lrina - lnterpreter requested", "Parent: Ivanova, Irina - Interpreter requested"),
    ("A-numbers: A20l 447 90O, A20l-447-9O1", "A-numbers: A201 447 900, A201-447-901"),
]
UNCHANGED = [
    "Apt 3L, 10th grade, 1st floor",
    "A# on the notice A208774519, I-94, F-1 visa",
    "snap: skyrunner07",
    "gamer tag 00rik and zed_99",
    "lmfao the lbs and the llama",  # words in use as written, and no word opens with "ll" misread
    "El Salvador. All three. I'll call. Fl 2",
    "(617) 555-0143",
]


@pytest.mark.parametrize(("scanned", "repaired"), CASES)
def test_repairs(scanned: str, repaired: str) -> None:
    assert repair(scanned)[0] == repaired


@pytest.mark.parametrize("text", UNCHANGED)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert repair(text) == (text, None)


def test_findings_come_back_in_original_offsets(detector: Detector) -> None:
    text = "STUDENT INCIDENT REPORT\nName: M0NTEIR0, Dari0     SAS1D: l048823536\nHe is undoc-\numented."
    findings = detector.detect(text)
    by_label = {f.label: f for f in findings}
    assert by_label[Label.STUDENT_ID].text == "SAS1D: l048823536"  # the cue belongs to the span (LABELS.md)
    assert by_label[Label.PERSON].text == "M0NTEIR0, Dari0"
    assert by_label[Label.IMMIGRATION].text == "undoc-\numented"
    for finding in findings:
        assert text[finding.start:finding.end] == finding.text


@given(st.text(alphabet="abl0O1I -\n/.A7", max_size=40))
def test_index_maps_every_repaired_character_back(text: str) -> None:
    repaired, index = repair(text)
    if index is None:
        assert repaired == text
        return
    assert len(index) == len(repaired)
    assert index == sorted(set(index))
    if repaired:
        start, end = to_original(0, len(repaired), index)
        assert 0 <= start < end <= len(text)
