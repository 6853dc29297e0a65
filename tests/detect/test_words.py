"""Ordinary words and name words (detect/words.py), with the shipped gazetteers and wordfreq."""

import pytest

from brightline.detect.nlp import known_words
from brightline.detect.roles import load_roles
from brightline.detect.words import DocumentWords, load_words, spelled_out

ENGLISH = "The student was escorted to the office and the parent was called about the incident."
SPANISH = ("Querida familia: queremos informarle que su hija tuvo un problema en la escuela "
           "después del recreo. Si tiene preguntas, por favor llame a la oficina.")
VIETNAMESE = ("Kính gửi quý phụ huynh: nhà trường xin thông báo về sự việc xảy ra với em vào buổi sáng "
              "thứ Năm. Em đã được đưa đến phòng y tế và về nhà cùng gia đình.")

# an invented note in Polish
POLISH = ("Dzień dobry, piszę w sprawie syna. Wczoraj nie było go w szkole, bo był chory i został w domu. "
          "Proszę o informację, czy może nadrobić zadania.")


def words_of(text: str) -> DocumentWords:
    return DocumentWords(load_roles(), known_words(), text)


@pytest.mark.parametrize(
    ("text", "languages"),
    [(ENGLISH, ()), (SPANISH, ("es",)), (VIETNAMESE, ("vi",)), (POLISH, ("pl",))],
)
def test_the_languages_a_document_is_written_in(text: str, languages: tuple[str, ...]) -> None:
    found = words_of(text).languages
    assert set(languages) <= set(found)
    assert ("vi" in found) == ("vi" in languages)
    assert ("es" in found) == ("es" in languages)


@pytest.mark.parametrize(
    ("text", "word", "everyday"),
    [
        (SPANISH, "hija", True),  # a Spanish word in a letter in Spanish
        (ENGLISH + " Her cousin chepe was there.", "chepe", False),  # a nickname in an English report
        (VIETNAMESE, "với", True),
        (ENGLISH, "abara", False),
        (ENGLISH, "m-o-r-a-l-e-s", False),  # a name spelled out
        (SPANISH, "de", False),  # a particle of names, never trimmed as a word
    ],
)
def test_everyday_words_depend_on_the_document(text: str, word: str, everyday: bool) -> None:
    assert words_of(text).everyday_word(word) is everyday


@pytest.mark.parametrize(
    ("word", "surface", "initial", "lone"),
    [
        ("volunteers", "Volunteers", True, True),  # "Volunteers arrived ..."
        ("giants", "Giants", False, True),
        ("arrived", "Arrived", False, True),
        ("kiet", "Kiet", False, False),  # rare: a name
        ("anouk", "Anouk", False, False),  # in mid-sentence a rarer word stays a name
        ("finna", "finna", False, False),  # lower case, rare and in no dictionary: it may be a name
        ("liberties", "liberties", False, True),  # lower case, fairly frequent, no given name
        ("king", "king", False, True),  # lower case and frequent, though a surname
        ("marisol", "marisol", False, False),
    ],
)
def test_lone_words_a_model_took_for_names(word: str, surface: str, initial: bool, lone: bool) -> None:
    assert words_of(ENGLISH).lone_word(word, surface, initial) is lone


def test_spelled_out() -> None:
    assert spelled_out("a-b-c")
    assert not spelled_out("al-rashid")


def test_the_thresholds_are_ordered() -> None:
    words = load_words()
    assert words.lone_initial_zipf <= words.lone_name_zipf <= words.common_zipf
    assert words.lone_lower_zipf <= words.lone_lower_surname_zipf <= words.common_zipf
    assert "es" in words.family_languages


@pytest.mark.parametrize(
    ("text", "word", "lower_word"),
    [
        (SPANISH, "reclamar", True),  # a less frequent Spanish word, in a letter in Spanish
        (ENGLISH, "reclamar", False),  # in an English report it may be a nickname
        (SPANISH, "rosa", False),  # a word, but also a given name: a lower-case name stays possible
        (SPANISH, "durante", True),  # very frequent in Spanish: a word, though a gazetteer lists the surname
        (ENGLISH, "durante", False),
        (ENGLISH, "vaping", True),  # fairly frequent and in no gazetteer: a word
        (ENGLISH, "hall", True),  # a listed surname, but frequent enough to be a word
        (POLISH, "nie", True),  # Polish's "not", in a note in Polish
    ],
)
def test_lower_case_words_of_the_documents_languages(text: str, word: str, lower_word: bool) -> None:
    assert words_of(text).lower_word(word) is lower_word


@pytest.mark.parametrize(
    ("word", "dictionary"),
    [
        ("knocked", True),  # an inflection English uses
        ("brother", True),
        ("tarrys", False),  # looks like "tarry" + s, but English never writes it: a name
    ],
)
def test_a_dictionary_word_is_written_as_english_writes_it(word: str, dictionary: bool) -> None:
    assert words_of(ENGLISH).dictionary_word(word) is dictionary


def test_the_given_names_hold_the_census_but_not_family_language_words() -> None:
    given = load_roles().given_names
    assert {"adell", "zulema"} <= given  # census first names Faker's locales lack
    assert not {"esta", "kami"} & given  # census names that are everyday Spanish and Tagalog words
