"""Health details widened over their phrase (detect/phrases.py), through the whole detector (real spaCy parse)."""

import pytest

from brightline.detect import Detector
from brightline.detect.words import english_sentence
from brightline.types import Label


def _health(detector: Detector, text: str) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.text) for f in detector.detect(text) if f.label is Label.HEALTH]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb whose object the detail is, from the word's start
        ("The evaluator is re-evaluating his IEP today.", (17, 38, "re-evaluating his IEP")),
        # a medicine's own modifiers
        ("Tam takes hydroxyzine 10 mg as needed for acute anxiety.",
         (4, 55, "takes hydroxyzine 10 mg as needed for acute anxiety")),
    ],
)
def test_a_health_detail_takes_in_its_phrase(detector: Detector, text: str, expected: tuple[int, int, str]) -> None:
    assert expected in _health(detector, text)


def test_a_phrase_never_takes_in_a_name(detector: Detector) -> None:
    """The widened phrase stops at another finding: the name keeps its own label and placeholder."""
    text = "Nurse note: inhaler given to Oskar Brandvold at 10:40."
    found = detector.detect(text)
    assert any(f.label is Label.PERSON and f.text == "Oskar Brandvold" for f in found), found
    assert all("Oskar" not in f.text for f in found if f.label is Label.HEALTH)


def test_a_family_language_sentence_is_not_parsed_as_english(detector: Detector) -> None:
    """Parsed as English, this Spanish sentence would make "Lo vio el doctor y ahora" part of the detail."""
    text = "Lo vio el doctor y ahora toma sertralina 25 mg todos los días."
    assert _health(detector, text) == [(25, 46, "toma sertralina 25 mg")]


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("The evaluator is re-evaluating his IEP", True),
        ("A médica disse que ela está com pressão alta", False),
        ("Doktè a ba li yon pòmpe pou opresyon", False),
        ("", False),
    ],
)
def test_english_sentence(sentence: str, english: bool) -> None:
    assert english_sentence(sentence) is english
