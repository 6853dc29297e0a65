"""Cues around findings (detect/cues.py), through the whole detector (real spaCy and Presidio)."""

import pytest

from brightline.detect import Detector
from brightline.types import Label


@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        ("The report went to the gang database coordinator.", "gang database coordinator", Label.GANG),
        ("Her aunt has an immigration lawyer appointment.", "immigration lawyer appointment", Label.IMMIGRATION),
        ("He posted it on Instagram yesterday.", "Instagram yesterday", Label.SOCIAL_MEDIA),  # when: through its verb
        ("He is a known gang associate Hunter said.", "known gang associate", Label.GANG),  # a name is no head
    ],
)
def test_sensitive_language_takes_in_the_nouns_it_qualifies(
    detector: Detector, text: str, phrase: str, label: Label
) -> None:
    """The phrase holds the nouns (its verb and when it happened may join it: detect/phrases.py)."""
    found = [f.text for f in detector.detect(text) if f.label is label]
    assert any(text_found.endswith(phrase) for text_found in found), found


def test_a_name_after_sensitive_words_stays_a_name(detector: Detector) -> None:
    """A capitalised noun after sensitive words ("Hunter", "Mark") is read as a name, not taken into the phrase."""
    text = "Student: Hunter Vale   Grade 9\nStaff believe he is a known gang associate Hunter denied it."
    found = detector.detect(text)
    assert any(f.label is Label.PERSON and f.text == "Hunter" and f.start > 40 for f in found)


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Chaperone ID checked: NV DL 5520-118-334", "NV DL 5520-118-334", Label.GOV_ID),
        ("Vehicle: NM tag 4KX2207, grey sedan", "NM tag 4KX2207", Label.GOV_ID),  # a plate's cue and its state
        ("Record: NM SSID 4410022913, grade 8", "NM SSID 4410022913", Label.STUDENT_ID),
    ],
)
def test_an_identifier_takes_in_its_cue_and_its_state(detector: Detector, text: str, span: str, label: Label) -> None:
    assert span in [f.text for f in detector.detect(text) if f.label is label]
