"""A model's name candidates cleaned to their name (detect/name_spans.py), with the shipped word lists."""

import pytest

from brightline.detect.name_spans import NameSpans
from brightline.detect.nlp import known_words
from brightline.detect.roles import load_roles
from brightline.detect.words import DocumentWords, foreign_words

# invented notes: Swahili (which wordfreq has no list for), Spanish, and an English chat
SWAHILI = ("Tunapenda kuwajulisha kwamba mtoto wenu alichelewa shuleni leo asubuhi. "
           "Mwalimu wa darasa Zawadi Kamau alisema atapiga simu kesho.")
SPANISH_CHAT = "oye ya llegaste? la maestra dijo que yadira no vino hoy porque estaba enferma"
ENGLISH_CHAT = "ok so dara nkem said she saw the whole thing after lunch"


def spans_of(text: str) -> NameSpans:
    roles = load_roles()
    return NameSpans(roles, DocumentWords(roles, known_words(), text))


def clean(text: str, candidate: str) -> str | None:
    start = text.index(candidate)
    kept = spans_of(text).clean(text, start, start + len(candidate), learned=True, vetted=True, model=True)
    return None if kept is None else text[kept[0]:kept[1]]


@pytest.mark.parametrize(
    ("text", "candidate", "foreign"),
    [
        (SWAHILI, "Zawadi Kamau", True),
        (SPANISH_CHAT, "yadira", True),
        (ENGLISH_CHAT, "dara nkem", False),  # the chat's lower-case names are left out of the count
        ("The student was escorted to the office by Zawadi Kamau.", "Zawadi Kamau", False),
    ],
)
def test_a_sentence_in_another_language_is_told_by_its_lower_case_words(
    text: str, candidate: str, foreign: bool
) -> None:
    start = text.index(candidate)
    assert foreign_words(text, 0, len(text), start, start + len(candidate)) is foreign


# an English report quoting a family's words: the sentence is English, a model's span is a clause
QUOTED_LETTER = ("The mother wrote: \"Saludos cordiales para la profesora Lucinda Ferreira, mi hijo llega tarde.\" "
                 "Staff met with Ana María de la Cruz and her aunt.")


@pytest.mark.parametrize(
    ("candidate", "kept"),
    [
        ("Saludos cordiales para la profesora Lucinda Ferreira", "Lucinda Ferreira"),  # lower-case words: a clause
        ("Lucinda Ferreira, mi hijo llega tarde", "Lucinda Ferreira"),
        ("Ana María de la Cruz", "Ana María de la Cruz"),  # particles are part of a name
    ],
)
def test_a_span_shaped_like_a_clause_keeps_its_capitalised_run(candidate: str, kept: str) -> None:
    start = QUOTED_LETTER.index(candidate)
    spans = spans_of(QUOTED_LETTER)
    found = spans.clean(QUOTED_LETTER, start, start + len(candidate))  # as a pattern proposes it, no model
    assert found is not None and QUOTED_LETTER[found[0]:found[1]] == kept


@pytest.mark.parametrize(
    ("text", "candidate", "kept"),
    [
        (SWAHILI, "Tunapenda kuwajulisha kwamba", None),  # a clause opening the sentence
        (SWAHILI, "darasa Zawadi Kamau alisema", "Zawadi Kamau"),  # the capitalised words only
        (SWAHILI, "Mwalimu wa darasa Zawadi", "Zawadi"),  # the run that does not open the sentence
        (SPANISH_CHAT, "yadira", "yadira"),  # a listed given name in a lower-case chat stays
        (SPANISH_CHAT, "la maestra", None),
        (ENGLISH_CHAT, "dara nkem", "dara nkem"),  # an English chat's lower-case name stays a name
    ],
)
def test_a_models_span_in_another_language_keeps_its_capitalised_words(
    text: str, candidate: str, kept: str | None
) -> None:
    assert clean(text, candidate) == kept


@pytest.mark.parametrize(
    ("text", "candidate", "kept"),
    [
        ("Guardian: Del Fox (grandfather)", "Del Fox", "Del Fox"),  # a particle as a given name
        ("Guardian: Van Hill (father)", "Van Hill", "Van Hill"),
    ],
)
def test_a_capitalised_particle_opening_a_name_is_a_given_name(text: str, candidate: str, kept: str) -> None:
    start = text.index(candidate)
    found = spans_of(text).clean(text, start, start + len(candidate), learned=False, vetted=False, model=False)
    assert found is not None and text[found[0]:found[1]] == kept


# an invented nurse-log row: cells joined by commas with no space between them
CSV_ROW = "2025-01-09,10:05,Noor Haddad,headache,rest,back to class,none,,JT"


@pytest.mark.parametrize(
    ("candidate", "kept"),
    [
        ("Noor Haddad,headache,rest", "Noor Haddad"),  # cell words after the name are trimmed
        ("class,none,,JT", None),  # once crashed: words split at commas, trimming split at spaces
    ],
)
def test_a_models_span_over_comma_joined_cells_is_trimmed_by_the_same_words(candidate: str, kept: str | None) -> None:
    assert clean(CSV_ROW, candidate) == kept


@pytest.mark.parametrize(
    ("text", "candidate"),
    [
        ("Records are protected by FERPA and R.C. 2151.99 as well.", "R.C."),  # a code by its section
        ("Funds under ESSA Sec. 1112(c) may not be used.", "ESSA Sec"),
        ("See Tinker v. Des Moines for the standard.", "Tinker v."),  # a case's party with its "v."
    ],
)
def test_a_citation_is_no_name(text: str, candidate: str) -> None:
    assert clean(text, candidate) is None


@pytest.mark.parametrize(
    ("text", "candidate"),
    [
        ('{"givenName": "x", "relationship": "aunt"}', "givenName"),  # an export's camelCase key
        ('{"Guardian": "x"}', "Guardian"),  # a quoted key
        ("X-Original-Sender: notices", "X-Original-Sender"),  # a mail header's field
        ("Authentication-Results: spf=pass", "spf=pass"),
    ],
)
def test_an_export_key_or_a_header_field_is_no_name(text: str, candidate: str) -> None:
    assert clean(text, candidate) is None


def test_a_name_with_capitals_inside_stays() -> None:
    text = "Staff met DeShawn McKinney and his aunt LaToya."
    assert clean(text, "DeShawn McKinney") == "DeShawn McKinney"


@pytest.mark.parametrize("kin", ["Ammu", "Hooyo", "Manman"])
def test_a_kin_word_of_a_family_language_is_no_name_alone(kin: str) -> None:
    text = f"{kin}  7:41 PM   call me when you leave school"  # an invented chat line
    assert clean(text, kin) is None
