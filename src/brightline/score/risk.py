"""Score a document's release risk from its findings (pure: findings in, Risk out).

Content points (A) come from the sensitive findings' categories (their explanations), subject
points (B) from who is identifiable; floors lift the score to the level LABELS.md prescribes for
the default context (law-enforcement recipient, no subpoena or court order). The release context
(score/context.py) then moves it for other recipients and bases.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..context import DEFAULT_CONTEXT, RequestContext
from ..detect.roles import load_roles
from ..detect.sentences import sentence_span
from ..types import SENSITIVE_LABELS, Finding, Label, Level, Risk, RiskReason
from .context import ContextTable, Facts, apply_context, load_context_table
from .weights import Weights

_STUDENT_MARKERS = {Label.STUDENT_ID, Label.DATE_OF_BIRTH, Label.SSN, Label.GOV_ID}
_GANG_LABELS = {"L", "H", "N"}
_GANG_INDICATORS = {"A", "S", "G", "M"}
# Sentences that speak in general (policy, negation, conditionals) are not about a specific student.
_GENERAL = regex.compile(
    r"\b(?:not|no|never|unless|if|any|policy|policies|guidance|should|shall|must|may|cannot|can't|don't|doesn't"
    r"|won't|recommend|whether|such\s+as|includes?|including|a\s+student's|students'|every)\b|^\s*(?:Re|RE|Subject)\s*:",
    regex.IGNORECASE | regex.MULTILINE,
)
_AGE_OUT = regex.compile(r"\b1[78]\b")
_STRUCTURAL = regex.compile(
    r"person\.v\d+:(?:field_name|roster_row|relation|caps_last_first|list_item|name_with|caps_name_with|group_member"
    r"|lowercase|alias|quoted)"
)
_STUDENT_WORDS = regex.compile(
    r"\b(?:student|pupil|juvenile|minor|grade|gr\.?|grader|freshman|sophomore|junior|senior|homeroom|"
    r"son|daughter|child|kid|boy|girl|classmate|SASID|DOB|suspect|victim|witness|subject|youth|teen|"
    r"mother|father|mom|dad|guardian|parent|sibling|brother|sister|cousin|period)\b|\b\d{1,2}(?:st|nd|rd|th)\s+grade",
    regex.IGNORECASE,
)
_MAX_EVIDENCE = 4
_HEADING_WORDS = 4
_WORD = regex.compile(r"\b\p{L}[\p{L}'’-]*")
_POLICY_MARKERS = regex.compile(
    r"\b(?:policy|policies|shall|prohibited|regulations?|guidance|procedures?|circular|board\s+of\s+education|"
    r"in\s+accordance\s+with|pursuant\s+to|regardless\s+of|entitled\s+to)\b",
    regex.IGNORECASE,
)
_POLICY_MARKER_COUNT = 3


def score_risk(
    text: str, findings: list[Finding], weights: Weights, context: RequestContext = DEFAULT_CONTEXT,
    table: ContextTable | None = None,
) -> Risk:
    """The risk of releasing this document in `context` (default: police, no basis), with every reason."""
    reasons: list[RiskReason] = []
    students = _private_people(text, findings)
    identifiable = bool(students) or any(f.label in _STUDENT_MARKERS for f in findings)
    policy = not identifiable and _policy_document(text)
    specific: list[Finding] = []
    general: list[Finding] = []
    for finding in (f for f in findings if f.label in SENSITIVE_LABELS):
        (general if policy or _general(text, finding) else specific).append(finding)
    about = specific if not identifiable else [f for f in findings if f.label in SENSITIVE_LABELS]

    def add(factor: str, points: int, items: Iterable[Finding] | str) -> None:
        weight = weights.factors[factor]
        evidence = items if isinstance(items, str) else _evidence(items)
        reasons.append(RiskReason(factor, points, evidence, weight.basis))

    # A. content
    immigration = [f for f in about if f.label is Label.IMMIGRATION]
    status = [f for f in immigration if f.category == "D"] + [
        f for f in findings if f.label is Label.GOV_ID and f.category == "immigration"
    ]
    proxies = [f for f in immigration if f.category in ("P", "S", "L")]
    # a home language or an interpreter alone (L) is too weak a proxy to make a document CRITICAL
    strong_proxies = [f for f in proxies if f.category != "L"]
    enforcement = [f for f in immigration if f.category == "R"]
    gang = [f for f in about if f.label is Label.GANG]
    gang_labels = [f for f in gang if f.category in _GANG_LABELS]
    gang_signs = [f for f in gang if f.category in _GANG_INDICATORS]
    gang_routing = [f for f in gang if f.category == "R"]
    social = [f for f in about if f.label is Label.SOCIAL_MEDIA]
    health = [f for f in findings if f.label is Label.HEALTH] if identifiable else []

    if status:
        w = weights.factors["immigration_status"]
        extra = min(w.extra_cap or 0, (w.per_extra or 0) * (len(_rules(status)) - 1))
        add("immigration_status", w.points + extra, status)
    if proxies:
        w = weights.factors["immigration_proxy"]
        add("immigration_proxy", min(w.cap or 100, w.points * len(_rules(proxies))), proxies)
        if len(_rules(proxies)) >= (weights.factors["linkability"].min_categories or 3):
            add("linkability", weights.factors["linkability"].points, proxies)
    if enforcement:
        add("immigration_enforcement", weights.factors["immigration_enforcement"].points, enforcement)
    if gang_labels:
        add("gang_label", weights.factors["gang_label"].points, gang_labels)
    if gang_signs:
        w = weights.factors["gang_indicator"]
        add("gang_indicator", min(w.cap or 100, w.points * len(gang_signs)), gang_signs)
    if gang_routing:
        add("gang_routing", weights.factors["gang_routing"].points, gang_routing)
    if social:
        w = weights.factors["social_media"]
        add("social_media", w.points + ((w.with_gang or 0) if gang else 0), social)
    if health:
        w = weights.factors["health"]
        add("health", min(w.cap or 100, w.points * len({f.category for f in health})), health)
    if general and not identifiable:
        add("general_language", 0, general)
    content = sum(r.points for r in reasons)
    if content > weights.content_cap:
        add("cap", weights.content_cap - content, f"content points capped at {weights.content_cap}")
        content = weights.content_cap

    # B. subject
    subject_reasons: list[RiskReason] = []
    if identifiable:
        count = max(1, len(students))
        w = weights.factors["identifiable_student"]
        subject_reasons.append(RiskReason("identifiable_student", w.points, _count(count), w.basis))
        if count > 1:
            w = weights.factors["extra_students"]
            subject_reasons.append(RiskReason("extra_students", min(w.cap or 100, w.points * (count - 1)),
                                              _count(count), w.basis))
        if any(f.label is Label.AGE and _AGE_OUT.search(f.text) for f in findings):
            w = weights.factors["age_out_window"]
            subject_reasons.append(RiskReason("age_out_window", w.points, "a subject aged 17 or 18", w.basis))
    subject = sum(r.points for r in subject_reasons)
    reasons += subject_reasons
    if subject > weights.subject_cap:
        add("cap", weights.subject_cap - subject, f"subject points capped at {weights.subject_cap}")
        subject = weights.subject_cap
    score = content + subject
    if score > 100:
        add("cap", 100 - score, "scores stop at 100")
        score = 100

    # Floors: the level LABELS.md gives the combination.
    floor = _floor(identifiable, bool(status or strong_proxies), bool(gang), bool(social), bool(health), bool(specific),
                   reasons)
    if floor is not None:
        name = floor
        level = weights.floors[name].level
        lift = weights.floor_score(level) - score
        if lift > 0:
            reasons.append(RiskReason(name, lift, f"lifts the score to {level}", weights.floors[name].basis))
            score += lift
    # About no named student, the words alone cannot make a document more than MEDIUM (LOW if general).
    ceiling = weights.levels[Level.HIGH if specific else Level.MEDIUM] - 1
    if not identifiable and score > ceiling:
        add("no_named_student", ceiling - score, f"no identifiable student: at most {weights.level_of(ceiling)}")
        score = ceiling
    risk = Risk(score=score, level=weights.level_of(score), reasons=tuple(reasons))
    facts = Facts(identifiable=identifiable, protected=bool(status or strong_proxies or gang),
                  immigration_identifier=any(f.label is Label.GOV_ID and f.category == "immigration" for f in findings))
    return apply_context(risk, facts, context, table or load_context_table(), weights)


def _floor(
    identifiable: bool, immigration: bool, gang: bool, social: bool, health: bool, specific: bool,
    reasons: list[RiskReason],
) -> str | None:
    if identifiable:
        if immigration:
            return "immigration_about_student"
        if gang and social:
            return "gang_from_social_media"
        if gang or health:
            return "gang_or_health_about_student"
        sensitive_factors = {r.factor for r in reasons} - {"identifiable_student", "extra_students", "age_out_window"}
        if len(sensitive_factors) >= 2:
            return "several_factors_about_student"
        return "identifiable_student"
    if specific:
        return "specific_unnamed_student"
    return None


def _private_people(text: str, findings: list[Finding]) -> set[str]:
    """The private individuals a reader can tie to a student.

    Named in a form field, as a relative, or in a sentence about students; a name alone in a
    facilities log (staff without a title) is not one, nor is someone only ever called "Mr. Lund":
    such a name is redacted (nothing says it is staff) but tells no reader which student it is.
    """
    honorific = load_roles().honorific_start
    people: set[str] = set()
    by_honorific_only: dict[str, bool] = {}
    for finding in findings:
        if finding.label is not Label.PERSON:
            continue
        key = finding.entity or finding.text.lower()
        by_honorific_only[key] = by_honorific_only.get(key, True) and honorific.match(finding.text) is not None
        lo, hi = sentence_span(text, finding.start, finding.end)
        if _STRUCTURAL.search(finding.explanation.rule) or _STUDENT_WORDS.search(text, max(0, lo - 80), hi):
            people.add(key)
    return {key for key in people if not by_honorific_only[key]}


def _policy_document(text: str) -> bool:
    """A policy, guidance or rule book: its gang and immigration words describe rules, not a student."""
    return len(_POLICY_MARKERS.findall(text)) >= _POLICY_MARKER_COUNT


def _general(text: str, finding: Finding) -> bool:
    lo, hi = sentence_span(text, finding.start, finding.end)
    if len(_WORD.findall(text, lo, hi)) <= _HEADING_WORDS:
        return True  # a heading ("2. Immigration status.") names a topic, not a student
    return _GENERAL.search(text, lo, hi) is not None


def _rules(findings: list[Finding]) -> set[str]:
    return {f.explanation.rule for f in findings}


def _evidence(findings: Iterable[Finding]) -> str:
    seen: list[str] = []
    for finding in findings:
        if finding.text not in seen:
            seen.append(finding.text)
    shown = "; ".join(seen[:_MAX_EVIDENCE])
    return shown + (f" (+{len(seen) - _MAX_EVIDENCE} more)" if len(seen) > _MAX_EVIDENCE else "")


def _count(count: int) -> str:
    return f"{count} private individual{'s' if count != 1 else ''} identifiable"
