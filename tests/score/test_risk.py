"""Risk: the LABELS.md levels for the default context, and invariants of the scheme."""

from hypothesis import given, settings
from hypothesis import strategies as st

from brightline import Pipeline
from brightline.score import load_weights, score_risk
from brightline.types import Explanation, Finding, Label, Level

WEIGHTS = load_weights()


def level(pipeline: Pipeline, text: str) -> Level:
    result = pipeline.screen_text(text)
    assert result.risk is not None
    return result.risk.level


def test_named_student_with_immigration_status_is_critical(pipeline: Pipeline) -> None:
    text = "Student: Ana Lucia Ramos   Grade 9\nHer mother said the family is undocumented."
    assert level(pipeline, text) is Level.CRITICAL


def test_gang_label_from_social_media_is_critical(pipeline: Pipeline) -> None:
    text = "Student: Devon Marsh   Grade 10\nHe posted a video on Instagram and is a known associate of the crew."
    assert level(pipeline, text) is Level.CRITICAL


def test_gang_label_alone_is_high(pipeline: Pipeline) -> None:
    text = "Student: Devon Marsh   Grade 10\nStaff say he is a known associate of the Elm Park Boys."
    assert level(pipeline, text) is Level.HIGH


def test_health_details_are_high(pipeline: Pipeline) -> None:
    text = "Student: Priya Natarajan   Grade 7\nShe has an IEP and was diagnosed with ADHD."
    assert level(pipeline, text) is Level.HIGH


def test_an_interpreter_alone_does_not_make_health_details_critical(pipeline: Pipeline) -> None:
    """A home language or an interpreter is a weak proxy: it adds points but sets no CRITICAL floor."""
    text = ("Student: Priya Natarajan   Grade 7\nShe has an IEP and was diagnosed with ADHD.\n"
            "Her mother needs a Tamil interpreter for meetings.")
    result = pipeline.screen_text(text)
    assert any(f.label.value == "IMMIGRATION" for f in result.findings)
    assert result.risk is not None and result.risk.level is Level.HIGH


def test_limited_english_said_in_words_does_not_make_health_details_critical(pipeline: Pipeline) -> None:
    text = ("Student: Priya Natarajan   Grade 7\nShe has an IEP and was diagnosed with ADHD.\n"
            "Mother has limited English; we met with an interpreter.")
    assert level(pipeline, text) is Level.HIGH


def test_ordinary_discipline_is_medium(pipeline: Pipeline) -> None:
    text = "Student: Owen Fitzgerald   Grade 8\nHe left class without a pass and was given detention."
    assert level(pipeline, text) is Level.MEDIUM


def test_unnamed_but_specific_is_medium(pipeline: Pipeline) -> None:
    text = "A group of boys at the bus stop were throwing up signs at passing cars yesterday."
    assert level(pipeline, text) is Level.MEDIUM


def test_an_adult_quoted_beside_students_in_general_is_no_student(pipeline: Pipeline) -> None:
    """Students and parents in the plural are a population: a name beside them is not a student's."""
    text = ("County news digest, week 14\nICE agents were seen near a transit yard on Monday, a local station "
            "reported. Corinna Vasbinder, who runs a support line for parents and students, said families were "
            "frightened.")
    assert level(pipeline, text) is Level.MEDIUM


def test_policy_memo_is_low(pipeline: Pipeline) -> None:
    text = "Staff must not record a student's immigration status or describe anyone as a gang member."
    assert level(pipeline, text) is Level.LOW


def test_every_reason_names_a_legal_basis(pipeline: Pipeline) -> None:
    result = pipeline.screen_text("Student: Ana Lucia Ramos\nShe is undocumented and has an IEP.")
    assert result.risk is not None and result.risk.reasons
    assert all(reason.basis for reason in result.risk.reasons)
    assert sum(reason.points for reason in result.risk.reasons) == result.risk.score


# -- invariants over synthetic finding lists (the scorer is pure) ------------------------------------
TEXT = "x" * 400
SENSITIVE = [
    (Label.GANG, "L"), (Label.GANG, "A"), (Label.GANG, "R"), (Label.SOCIAL_MEDIA, "platform"),
    (Label.IMMIGRATION, "D"), (Label.IMMIGRATION, "P"), (Label.IMMIGRATION, "R"), (Label.HEALTH, "diagnosis"),
]
BASE = [(Label.PERSON, None), (Label.STUDENT_ID, None), (Label.PHONE, None)]


def _make(items: list[tuple[Label, str | None]]) -> list[Finding]:
    return [
        Finding(label, i * 10, i * 10 + 5, "x" * 5, Explanation("t", f"r{i}", 0.9, category), entity=f"e{i}")
        for i, (label, category) in enumerate(items)
    ]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(BASE + SENSITIVE), max_size=8), st.sampled_from(SENSITIVE))
def test_adding_a_sensitive_finding_never_lowers_the_score(items: list, extra: tuple) -> None:
    before = score_risk(TEXT, _make(items), WEIGHTS)
    after = score_risk(TEXT, _make([*items, extra]), WEIGHTS)
    assert after.score >= before.score


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(BASE + SENSITIVE), max_size=10))
def test_score_in_range_and_level_matches_score(items: list) -> None:
    risk = score_risk(TEXT, _make(items), WEIGHTS)
    assert 0 <= risk.score <= 100
    assert risk.level is WEIGHTS.level_of(risk.score)
    assert sum(reason.points for reason in risk.reasons) == risk.score  # the reasons add up to the score


def test_nothing_found_is_low() -> None:
    assert score_risk(TEXT, [], WEIGHTS).level is Level.LOW
