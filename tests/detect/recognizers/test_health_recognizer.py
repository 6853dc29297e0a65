import pytest

from brightline.detect.recognizers import HealthRecognizer
from tests.assertions import assert_exact, assert_none
from tests.detect.recognizers.run import run

recognizer = HealthRecognizer()

POSITIVE = [
    ("Student has an IEP for reading.", "has an IEP"),
    ("She is on a 504 plan.", "is on a 504 plan"),
    ("He was diagnosed with ADHD last year.", "was diagnosed with ADHD"),
    ("She is about nine weeks pregnant.", "is about nine weeks pregnant"),
    ("He did not take his Focalin this morning.", "did not take his Focalin"),
    ("She was prescribed sertraline by her doctor.", "was prescribed sertraline"),
    ("He endorses passive suicidal ideation.", "passive suicidal ideation"),
    ("Tablets identified as alprazolam 1 mg.", "alprazolam 1 mg"),
    ("He was hospitalized for two weeks in November.", "hospitalized for two weeks in November"),
]
NEGATIVE = [
    "The bus stopped in front of room 504.",
    "Lunch will be served at 11:50.",
]


@pytest.mark.parametrize(("text", "fragment"), POSITIVE)
def test_finds_health_details(text: str, fragment: str) -> None:
    assert_exact(run(recognizer, text), "HEALTH", text, fragment)


@pytest.mark.parametrize("text", NEGATIVE)
def test_ignores_ordinary_words(text: str) -> None:
    assert_none(run(recognizer, text), "HEALTH")
