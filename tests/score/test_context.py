"""Release context: recipient and basis move the risk; overrides force CRITICAL; properties hold for all."""

from hypothesis import given, settings
from hypothesis import strategies as st

from brightline import Pipeline, Settings
from brightline.context import Basis, Recipient, RequestContext
from brightline.policy import default_policy
from brightline.score import decide, load_weights, score_risk
from brightline.types import Decision, Label, Level
from tests.score.test_risk import BASE, SENSITIVE, TEXT, _make

WEIGHTS = load_weights()
CONTEXTS = st.builds(RequestContext, st.sampled_from(list(Recipient)), st.sampled_from(list(Basis)))
ITEMS = st.lists(st.sampled_from([*BASE, (Label.GOV_ID, "immigration"), *SENSITIVE]), max_size=8)
JUDICIAL = (Basis.COURT_ORDER, Basis.JUDICIAL_SUBPOENA)


@settings(max_examples=200, deadline=None)
@given(ITEMS, st.sampled_from(SENSITIVE), CONTEXTS)
def test_adding_a_sensitive_finding_never_lowers_the_score(items: list, extra: tuple, context: RequestContext) -> None:
    before = score_risk(TEXT, _make(items), WEIGHTS, context)
    after = score_risk(TEXT, _make([*items, extra]), WEIGHTS, context)
    assert after.score >= before.score


@settings(max_examples=200, deadline=None)
@given(ITEMS, st.sampled_from(list(Recipient)), st.sampled_from(JUDICIAL))
def test_a_court_order_never_raises_the_score(items: list, recipient: Recipient, judicial: Basis) -> None:
    without = score_risk(TEXT, _make(items), WEIGHTS, RequestContext(recipient, Basis.NONE))
    ordered = score_risk(TEXT, _make(items), WEIGHTS, RequestContext(recipient, judicial))
    assert ordered.score <= without.score


@settings(max_examples=200, deadline=None)
@given(ITEMS, st.sampled_from([b for b in Basis if b not in JUDICIAL]))
def test_immigration_without_a_judicial_order_is_critical_for_an_identifiable_student(items: list, basis: Basis) -> None:
    findings = _make([(Label.STUDENT_ID, None), *items])  # a student ID makes the student identifiable
    risk = score_risk(TEXT, findings, WEIGHTS, RequestContext(Recipient.IMMIGRATION, basis))
    assert risk.level is Level.CRITICAL
    assert any(r.factor == "override:immigration_without_judicial_order" for r in risk.reasons)


@settings(max_examples=200, deadline=None)
@given(ITEMS, CONTEXTS)
def test_reasons_add_up_and_name_their_basis_in_every_context(items: list, context: RequestContext) -> None:
    risk = score_risk(TEXT, _make(items), WEIGHTS, context)
    assert 0 <= risk.score <= 100 and risk.level is WEIGHTS.level_of(risk.score)
    assert sum(r.points for r in risk.reasons) == risk.score
    assert all(r.basis for r in risk.reasons)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([(Label.OFFICIAL, None), (Label.SCHOOL, None)]), max_size=4), CONTEXTS)
def test_nothing_about_a_student_is_released_to_anyone(items: list, context: RequestContext) -> None:
    findings = _make(items)
    risk = score_risk(TEXT, findings, WEIGHTS, context)
    name, policy = default_policy().for_recipient(context.recipient)
    assert risk.level is Level.LOW
    assert decide(risk, findings, name, policy)[0] is Decision.RELEASE


def test_default_context_moves_nothing() -> None:
    items = [(Label.STUDENT_ID, None), (Label.GANG, "L")]
    default = score_risk(TEXT, _make(items), WEIGHTS)
    assert default.level is Level.HIGH
    assert not [r for r in default.reasons if r.factor in ("recipient", "legal_basis")]


def test_consent_and_the_family_lower_the_risk() -> None:
    findings = _make([(Label.STUDENT_ID, None), (Label.IMMIGRATION, "D")])
    police = score_risk(TEXT, findings, WEIGHTS)
    parent = score_risk(TEXT, findings, WEIGHTS, RequestContext(Recipient.PARENT_OR_ELIGIBLE_STUDENT))
    consent = score_risk(TEXT, findings, WEIGHTS, RequestContext(Recipient.RESEARCHER, Basis.WRITTEN_CONSENT))
    assert police.level is Level.CRITICAL
    assert parent.score < police.score and consent.score < police.score


def test_protected_categories_to_a_gang_database_are_critical() -> None:
    findings = _make([(Label.STUDENT_ID, None), (Label.GANG, "A")])
    police = score_risk(TEXT, findings, WEIGHTS)
    unit = score_risk(TEXT, findings, WEIGHTS, RequestContext(Recipient.GANG_UNIT, Basis.COURT_ORDER))
    assert police.level is not Level.CRITICAL
    assert unit.level is Level.CRITICAL
    assert [r.factor for r in unit.reasons if r.factor.startswith("override")] == ["override:protected_to_gang_database"]


def test_an_immigration_identifier_goes_to_the_family_only() -> None:
    findings = _make([(Label.GOV_ID, "immigration")])
    for recipient in Recipient:
        risk = score_risk(TEXT, findings, WEIGHTS, RequestContext(recipient, Basis.COURT_ORDER))
        fired = any(r.factor == "override:immigration_identifier_beyond_family" for r in risk.reasons)
        assert fired is (recipient is not Recipient.PARENT_OR_ELIGIBLE_STUDENT)


def test_decisions_follow_the_recipient_policy(pipeline: Pipeline) -> None:  # the spaCy model is loaded once
    text = "Student: Devon Marsh   Grade 10\nStaff say he is a known associate of the Elm Park Boys."
    police = pipeline.screen_text(text)
    assert police.decision is Decision.WITHHOLD
    assert police.decision_reasons[0].rule == "risk_level"
    parent = Pipeline(Settings(recipient=Recipient.PARENT_OR_ELIGIBLE_STUDENT))
    result = parent.screen_text(text)
    assert result.decision is Decision.RELEASE_REDACTED
    redacted = parent.redact(result)
    assert "known associate" in redacted and "Devon" not in redacted  # the family sees what was written
