"""Long documents are analysed in pieces; the findings must be those of the whole, in whole-text offsets."""

import pytest

import brightline.detect as detect
from brightline.detect import Detector

PARAGRAPH = (
    "Name: QUISPE, Mateo    DOB: 03/14/2009    SASID: 1047712345\n"
    "Quispe recently arrived from Peru and staff heard he is a known associate of the crew.\n\n"
)


def test_pieces_give_the_same_findings_in_whole_text_offsets(detector: Detector, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Filler line about the boiler.\n" * 40 + PARAGRAPH * 12
    whole = {(f.label, f.start, f.end) for f in detector.detect(text)}
    monkeypatch.setattr(detect, "PIECE_CHARS", 700)
    assert len(detect._pieces(text)) > 3
    pieced = detector.detect(text)
    assert {(f.label, f.start, f.end) for f in pieced} == whole
    for finding in pieced:
        assert text[finding.start:finding.end] == finding.text
