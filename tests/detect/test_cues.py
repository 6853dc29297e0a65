"""Cues around findings (detect/cues.py), through the whole detector (real spaCy and Presidio)."""

import pytest

from brightline.detect import Detector
from brightline.types import Label


@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        ("The report went to the gang database coordinator.", "gang database coordinator", Label.GANG),
        ("Her aunt has an immigration lawyer appointment.", "immigration lawyer appointment", Label.IMMIGRATION),
        ("He posted it on Instagram yesterday.", "Instagram", Label.SOCIAL_MEDIA),  # a time is no head
    ],
)
def test_sensitive_language_takes_in_the_nouns_it_qualifies(
    detector: Detector, text: str, phrase: str, label: Label
) -> None:
    found = [f.text for f in detector.detect(text) if f.label is label]
    assert phrase in found, found
