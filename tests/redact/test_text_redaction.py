"""Redacting text: consistent placeholders, styles, overlaps, and the invariants that must hold."""

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brightline import Pipeline
from brightline.config import DEFAULT_REDACTED, RedactionStyle
from brightline.errors import ConfigError
from brightline.redact import cover_repeats, make_operator, redact_text, surviving_values
from brightline.types import Explanation, Finding, Label

REPORT = (
    "Name: VELEZ, Tomas Ignacio    Grade: 10\n"
    "Parent/Guardian: Ines Velez (mother)    Phone: (413) 555-0188\n"
    "Velez said Tomas was not there. Staff heard he is a known associate of the crew.\n"
)


def test_every_mention_of_a_person_gets_the_same_placeholder(pipeline: Pipeline) -> None:
    redacted = pipeline.redact(pipeline.screen_text(REPORT))
    assert "Name: [PERSON 1]" in redacted
    assert "[PERSON 1] said [PERSON 1] was not there" in redacted
    assert "Parent/Guardian: [PERSON 2] (mother)" in redacted
    assert "[PHONE 1]" in redacted and "555-0188" not in redacted
    assert "[GANG]" in redacted and "known associate" not in redacted


def test_no_name_survives(pipeline: Pipeline) -> None:
    redacted = pipeline.redact(pipeline.screen_text(REPORT))
    for word in ("Velez", "VELEZ", "Tomas", "Ignacio", "Ines"):
        assert word not in redacted


def _finding(label: Label, text: str, fragment: str, entity: str | None = None) -> Finding:
    start = text.index(fragment)
    return Finding(label, start, start + len(fragment), fragment, Explanation("test", "test", 1.0), entity=entity)


def test_styles() -> None:
    text = "Call Ana Ruiz at 617-555-0101 today."
    findings = [_finding(Label.PERSON, text, "Ana Ruiz"), _finding(Label.PHONE, text, "617-555-0101")]
    labels = {Label.PERSON, Label.PHONE}
    assert redact_text(text, findings, labels, make_operator(RedactionStyle.FIXED)) == "Call [REDACTED] at [REDACTED] today."
    assert redact_text(text, findings, labels, make_operator(RedactionStyle.BLOCK)) == (
        "Call ████████ at ████████████ today."
    )


OFFICE_KEY = b"an office key of thirty-two bytes or more"


def test_pseudonyms_are_keyed_and_stable_across_documents() -> None:
    one = "Report on Ana Ruiz."
    two = "RUIZ, ANA was absent; later Ana Ruiz returned."
    operator = make_operator(RedactionStyle.PSEUDONYM, OFFICE_KEY)
    first = redact_text(one, [_finding(Label.PERSON, one, "Ana Ruiz")], {Label.PERSON}, operator)
    person = _finding(Label.PERSON, two, "RUIZ, ANA")
    findings = [replace(person, entity="person-1"),
                replace(_finding(Label.PERSON, two, "Ana Ruiz"), entity="person-1")]
    second = redact_text(two, findings, {Label.PERSON}, make_operator(RedactionStyle.PSEUDONYM, OFFICE_KEY))
    token = re.search(r"\[PERSON [0-9a-f]{16}\]", first)  # 64 bits
    assert token and second.count(token.group(0)) == 2  # one person, one token, however written
    other = redact_text(one, [_finding(Label.PERSON, one, "Ana Ruiz")], {Label.PERSON},
                        make_operator(RedactionStyle.PSEUDONYM, OFFICE_KEY + b"!"))
    assert other != first


def test_a_short_pseudonym_key_is_refused() -> None:
    with pytest.raises(ConfigError, match="at least 32"):
        make_operator(RedactionStyle.PSEUDONYM, b"office-key")


def test_overlapping_findings_are_covered_whole() -> None:
    text = "Student ID 204518837 on file."
    findings = [
        _finding(Label.STUDENT_ID, text, "204518837"),
        _finding(Label.PERSON, text, "ID 2045"),
    ]
    redacted = redact_text(text, findings, {Label.STUDENT_ID, Label.PERSON}, make_operator(RedactionStyle.FIXED))
    assert "2045" not in redacted and "18837" not in redacted


def test_repeats_the_detectors_missed_are_covered() -> None:
    text = "Kowalski was late. Later Kowalski left."
    findings = [_finding(Label.PERSON, text, "Kowalski")]
    covered = cover_repeats(text, findings, {Label.PERSON})
    assert len(covered) == 2
    assert "Kowalski" not in redact_text(text, covered, {Label.PERSON}, make_operator(RedactionStyle.FIXED))


@pytest.mark.parametrize(
    ("text", "found", "covered"),
    [
        ("Kowalski was late. KOWALSKI, ANNA signed.", "Kowalski", ["Kowalski", "KOWALSKI"]),
        ("Will was late. He will call.", "Will", ["Will"]),  # the ordinary word stays
        ("Ana Ruiz left. ANA RUIZ signed; ana   ruiz", "Ana Ruiz", ["Ana Ruiz", "ANA RUIZ", "ana   ruiz"]),
        ("R. Obasogie signed. OBASOGIE, R. called; Obasogie left.", "R. Obasogie", ["R. Obasogie", "OBASOGIE", "Obasogie"]),
    ],
    ids=["surname_in_capitals", "lower_case_word_kept", "name_in_any_case_and_spacing", "surname_without_initial"],
)
def test_repeats_in_capitals_are_covered(text: str, found: str, covered: list[str]) -> None:
    findings = cover_repeats(text, [_finding(Label.PERSON, text, found)], {Label.PERSON})
    assert [text[f.start:f.end] for f in findings] == covered
    redacted = redact_text(text, findings, {Label.PERSON}, make_operator(RedactionStyle.FIXED))
    assert surviving_values(redacted, findings, {Label.PERSON}) == []


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=80),
    spans=st.lists(st.tuples(st.integers(0, 80), st.integers(1, 12)), max_size=6),
)
def test_no_character_of_a_redacted_span_survives_in_place(text: str, spans: list[tuple[int, int]]) -> None:
    findings = []
    for start, length in spans:
        start = min(start, len(text) - 1)
        end = min(len(text), start + length)
        findings.append(Finding(Label.PERSON, start, end, text[start:end], Explanation("t", "t", 1.0)))
    redacted = redact_text(text, findings, DEFAULT_REDACTED, make_operator(RedactionStyle.BLOCK))
    # block style keeps length: every covered position is a block (or the line break it keeps)
    assert len(redacted) == len(text)
    for finding in findings:
        for i in range(finding.start, finding.end):
            assert redacted[i] in ("█", "\n")
    uncovered = [i for i in range(len(text)) if not any(f.start <= i < f.end for f in findings)]
    assert all(redacted[i] == text[i] for i in uncovered)
