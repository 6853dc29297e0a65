"""Health details widened over their phrase (detect/phrases.py), through the whole detector (real spaCy parse)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brightline.detect import Detector
from brightline.detect.nlp import load_parser
from brightline.detect.phrases import _closed, widen_phrases
from brightline.detect.words import english_sentence
from brightline.types import Explanation, Finding, Label


def _health(detector: Detector, text: str) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.text) for f in detector.detect(text) if f.label is Label.HEALTH]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb whose object the detail is, from the word's start, and when it happens
        ("The team is re-drafting her IEP today.", (12, 37, "re-drafting her IEP today")),
        # a medicine's own modifiers, and when the verb says it is used
        ("Tam uses an albuterol inhaler with a spacer before recess.",
         (4, 57, "uses an albuterol inhaler with a spacer before recess")),
        # how often and where care happens
        ("Ines meets with a school-based mental health clinician weekly at the county clinic.",
         (5, 82, "meets with a school-based mental health clinician weekly at the county clinic")),
    ],
)
def test_a_health_detail_takes_in_its_phrase(detector: Detector, text: str, expected: tuple[int, int, str]) -> None:
    assert expected in _health(detector, text)


def test_a_health_detail_in_a_table_cell_takes_in_the_cell(detector: Detector) -> None:
    """A roster's notes cell is one student's health, whatever its punctuation."""
    text = "Student\tGr\tNotes\nLund, Tova\t7\tmigraines; may rest in office 2x/wk\tok\n"
    cell = "migraines; may rest in office 2x/wk"
    assert (text.index(cell), text.index("\tok"), cell) in _health(detector, text)


def test_a_phrase_never_takes_in_a_name(detector: Detector) -> None:
    """The widened phrase stops at another finding: the name keeps its own label and placeholder."""
    text = "Nurse note: inhaler given to Oskar Tvedt at 10:40."
    found = detector.detect(text)
    assert any(f.label is Label.PERSON and f.text == "Oskar Tvedt" for f in found), found
    assert all("Oskar" not in f.text for f in found if f.label is Label.HEALTH)


def test_a_family_language_sentence_is_not_parsed_as_english(detector: Detector) -> None:
    """Parsed as English, this Spanish sentence would make "Lo vio el doctor y ahora" part of the detail."""
    text = "Lo vio el doctor y ahora toma sertralina 25 mg todos los días."
    assert _health(detector, text) == [(25, 46, "toma sertralina 25 mg")]


def test_a_family_language_detail_takes_in_its_short_clause(detector: Detector) -> None:
    """The parser cannot read Portuguese; the detail's clause, between commas, goes under the box whole."""
    text = "Ontem, ela está com asma forte, e a escola sabe."
    assert "ela está com asma forte" in [found for _, _, found in _health(detector, text)]


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("The team is re-drafting her IEP", True),
        ("O enfermeiro falou que o menino está com febre", False),
        ("Doktè a ba li yon pòmpe pou opresyon", False),
        ("", False),
    ],
)
def test_english_sentence(sentence: str, english: bool) -> None:
    assert english_sentence(sentence) is english


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Please call the 504 coordinator about the bus.", []),
        ("Her special education teacher met the aunt.", []),
        ("Copy to the Office of Special Education.", []),
        ("Referred for grief counseling with the school social worker.", ["Referred for grief counseling"]),
        ("She gets special education services.", ["gets special education services"]),
    ],
)
def test_a_health_word_naming_a_post_is_no_health_detail(detector: Detector, text: str, kept: list[str]) -> None:
    assert [found for _, _, found in _health(detector, text)] == kept


@pytest.mark.parametrize(
    ("text", "label", "phrase"),
    [
        # the trigger's verb, and what, where and when it says happened
        ("Yesterday he posted on Snapchat about the fight.", Label.SOCIAL_MEDIA, "posted on Snapchat about the fight"),
        ("The family arrived from Eritrea in March 2024.", Label.IMMIGRATION,
         "arrived from Eritrea in March 2024"),
        # a trigger that acts takes in its verb and what it did
        ("Her mother said ICE detained his uncle at work.", Label.IMMIGRATION, "ICE detained his uncle at work"),
        # the trigger's own modifiers: the crew it names
        ("He is a known associate of the Northgate crew.", Label.GANG, "is a known associate of the Northgate crew"),
    ],
)
def test_sensitive_language_takes_in_its_phrase(detector: Detector, text: str, label: Label, phrase: str) -> None:
    assert phrase in [f.text for f in detector.detect(text) if f.label is label]


_WORDS = ["she", "takes", "the", "inhaler", "at", "school", "Aiyana", "has", "asthma", "and", "posted", "on",
          "Snapchat", "after", "lunch", "with", "her", "cousin", "daily", "mg", "10", ","]


def _finding(text: str, label: Label, start: int, end: int) -> Finding:
    return Finding(label, start, end, text[start:end], Explanation("test", "test", 0.9))


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), min_size=4, max_size=14), health_at=st.integers(0, 13),
       name_at=st.integers(0, 13))
def test_a_phrase_holds_its_finding_and_takes_in_no_other(words: list[str], health_at: int, name_at: int) -> None:
    """Widening never shrinks a finding, never reaches into another one, and leaves other labels alone."""
    text = " ".join(words) + "."
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    health_at, name_at = health_at % len(words), name_at % len(words)
    health = _finding(text, Label.HEALTH, starts[health_at], starts[health_at] + len(words[health_at]))
    others = [] if name_at == health_at else [_finding(text, Label.PERSON, starts[name_at],
                                                       starts[name_at] + len(words[name_at]))]
    widened = widen_phrases(text, [health, *others], load_parser())
    assert widened[0].start <= health.start and health.end <= widened[0].end
    assert widened[0].text == text[widened[0].start:widened[0].end]
    assert widened[1:] == others
    for other in others:
        assert widened[0].end <= other.start or other.end <= widened[0].start


@pytest.mark.parametrize(
    ("text", "end", "closed"),
    [
        ('the post says "north side, all day." and', 34, 36),  # the closing quote (and its stop) taken in
        ('the post says "north side and more', 25, 14),  # no closing quote near: cut before the opening one
        ("sent to the Unit (Det. Sgt. Ames) today", 21, 17),  # a half bracket is cut off
        ("sent to the Unit (Det. Sgt. Ames) today", 32, 33),  # a bracket closed right after is taken in
    ],
)
def test_a_phrase_closes_what_it_opens(text: str, end: int, closed: int) -> None:
    assert _closed(text, 0, 9, end) == closed, text[:_closed(text, 0, 9, end)]


def test_a_phrase_never_ends_inside_a_bracket(detector: Detector) -> None:
    """A sentence cut at an abbreviation's full stop ("(Det. Sgt. ...)") leaves no half bracket in the phrase."""
    text = "It went to the Eastfield Police Gang Unit (Det. Sgt. Ames) today. Seen throwing signs of the Harrow Kings (RHX)."
    gang = [f.text for f in detector.detect(text) if f.label is Label.GANG]
    assert gang and all(found.count("(") == found.count(")") for found in gang), gang
    assert any(found.endswith("(RHX)") for found in gang), gang
