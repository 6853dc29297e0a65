"""Ordinary words and name words: what people.py asks of each word of a candidate name.

A word is ordinary when English, or a language the district's families write in, uses it often
(wordfreq's Zipf scale; thresholds and languages in models/people/words.v6.yaml). A word the name
gazetteers list stays a possible name unless the document itself also writes it in lower case.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import available_languages, zipf_frequency

from ..resources import load_data
from .roles import Roles

WORDS_FILE = "people/words.v6.yaml"
_LOWER_WORD = regex.compile(r"\b\p{Ll}[\p{Ll}\p{M}\'’\-]+\b")
_WORD = regex.compile(r"\p{L}+")
_LETTER = regex.compile(r"\p{L}")
_CAPITAL = regex.compile(r"\p{Lu}")
# a document whose letters are mostly capitals is a form written in capitals throughout
_CAPITALS_SHARE = 0.6
# an all-capitals word this short in a mixed-case text is an acronym ("PTO", "HIPAA"), unless a known name
_ACRONYM_LETTERS = 6


class WordsModel(BaseModel):
    """models/people/words.v6.yaml."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: int
    common_zipf: float = Field(gt=0, lt=8)
    lone_name_zipf: float = Field(gt=0, lt=8)
    lone_initial_zipf: float = Field(gt=0, lt=8)
    lone_lower_zipf: float = Field(gt=0, lt=8)
    lone_lower_surname_zipf: float = Field(gt=0, lt=8)
    lower_surname_zipf: float = Field(gt=0, lt=8)
    ocr_in_use_zipf: float = Field(gt=0, lt=8)
    edge_zipf: float = Field(gt=0, lt=8)
    family_word_zipf: float = Field(gt=0, lt=8)
    english_zipf: float = Field(gt=0, lt=8)
    english_share: float = Field(gt=0, le=1)
    foreign_words: int = Field(ge=1)
    foreign_share: float = Field(gt=0, le=1)
    family_languages: list[str]
    language_words: int = Field(ge=1)
    name_particles: list[str]

    @field_validator("family_languages")
    @classmethod
    def _known_languages(cls, languages: list[str]) -> list[str]:
        unknown = sorted(set(languages) - set(available_languages()))
        if unknown:
            raise ValueError(f"wordfreq has no word list for {', '.join(unknown)}")
        return languages

    @model_validator(mode="after")
    def _ordered(self) -> WordsModel:
        if not self.lone_initial_zipf <= self.lone_name_zipf <= self.common_zipf:
            raise ValueError("thresholds must satisfy lone_initial_zipf <= lone_name_zipf <= common_zipf")
        if not self.lone_lower_zipf <= self.lone_lower_surname_zipf <= self.common_zipf:
            raise ValueError("thresholds must satisfy lone_lower_zipf <= lone_lower_surname_zipf <= common_zipf")
        return self


@cache
def load_words(root: Path | None = None) -> WordsModel:
    """The thresholds and languages, validated; a bad file is an error naming it."""
    return load_data(WORDS_FILE, WordsModel, root)


@cache
def particles() -> frozenset[str]:
    """Lower-case words inside names that are no name alone ("de", "van", "bin", "thị")."""
    return frozenset(load_words().name_particles)


@cache
def english_zipf(word: str) -> float:
    """How often English uses the word (wordfreq's Zipf scale)."""
    return zipf_frequency(word.strip(".,'’"), "en")


@cache
def common_english(word: str) -> bool:
    """A common English word (a stop word, or frequent in wordfreq), not a name on its own."""
    return word in STOP_WORDS or english_zipf(word) >= load_words().common_zipf


def english_sentence(sentence: str) -> bool:
    """Mostly English words, so that an English parser reads it right (not a family's Creole note)."""
    words = _WORD.findall(sentence)
    settings = load_words()
    english = sum(english_zipf(word.lower()) >= settings.english_zipf for word in words)
    return bool(words) and english >= settings.english_share * len(words)


def foreign_words(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether text[lo:hi] is written in another language, judged by its lower-case words outside start:end.

    Names are capitalised in running text, so lower-case words are the language's own: in a letter
    in Swahili or in transliterated Arabic, which wordfreq has no list for, most are no English words.
    The span a model called a name is left out, so that a chat's lower-case names do not count.
    """
    settings = load_words()
    words = [m.group() for m in _LOWER_WORD.finditer(text, lo, hi) if m.end() <= start or m.start() >= end]
    other = sum(english_zipf(word) < settings.english_zipf for word in words)
    return other >= settings.foreign_words and other > settings.foreign_share * len(words)


@cache
def common_in(word: str, language: str) -> bool:
    """A frequent word of one language ("và" in Vietnamese, "hijo" in Spanish)."""
    return zipf_frequency(word.strip(".,'’"), language) >= load_words().common_zipf


def spelled_out(word: str) -> bool:
    """A word spelled letter by letter ("m-o-n-t-e-i-r-o"): a name being spelled for the record."""
    parts = word.split("-")
    return len(parts) > 2 and all(len(part) == 1 for part in parts)


class DocumentWords:
    """Word judgements for one document (what counts as an ordinary word depends on the document)."""

    def __init__(self, roles: Roles, common_words: frozenset[str], text: str) -> None:
        self.roles = roles
        self.common_words = common_words
        # a dictionary word counts as a common word only where the document also uses it in lower case
        # ("will", "rose"); surnames the dictionary happens to hold ("Reid", "Diaz") stay names
        self.lower_words = frozenset(_LOWER_WORD.findall(text))
        letters = len(_LETTER.findall(text))
        self.capitals_only = letters > 0 and len(_CAPITAL.findall(text)) > _CAPITALS_SHARE * letters
        # the family languages the document is (partly) written in: in an English report a Spanish word
        # is a nickname ("her cousin chepe"); in a letter in Spanish it is a word ("su hija")
        foreign = [word for word in self.lower_words if not common_english(word)]
        settings = load_words()
        self.languages = tuple(
            language for language in settings.family_languages
            if sum(common_in(word, language) for word in foreign) >= settings.language_words
        )

    def family_word(self, word: str) -> bool:
        """A frequent word of a family language the document is written in."""
        return any(common_in(word, language) for language in self.languages)

    def not_a_name(self, word: str) -> bool:
        """A heading, role or title word ("Head", "Custodians", "Grade"), never part of a name."""
        return word in self.roles.not_names or word in particles() or self.roles.role_word.fullmatch(word) is not None

    def trimmable(self, word: str) -> bool:
        """A heading or role word at the edge of a longer name, unless it is also a name ("Tyrone White").

        A particle stays: "VAN DIJK, Pieter" is one name.
        """
        return self.not_a_name(word) and word not in self.roles.also_names and word not in particles()

    def plain_word(self, word: str) -> bool:
        """An English word that is nobody's name in the gazetteers ("about", "member", "well-known")."""
        if word in STOP_WORDS:
            return True  # "her" is also a surname, but never a name on its own
        if word in self.roles.name_words or word in particles() or len(word.strip(".")) == 1:
            return False  # a name, a particle of one ("DA SILVA"), or an initial
        parts = [part for part in word.split("-") if part]
        if spelled_out(word):
            return False  # a name spelled out ("m-o-n-t-e-i-r-o")
        return bool(parts) and all(self.ordinary(part) or common_english(part) for part in parts)

    def everyday_as_written(self, word: str, surface: str) -> bool:
        """An everyday word; capitalised, one English writes as it stands here, not only its stem.

        A rare name can look like an inflection ("Tarrys" is "tarry" + s); in lower case nothing marks a
        name, so an inflection ("backpacks") is a word there.
        """
        if not self.everyday_word(word) or surface[:1].islower():
            return self.everyday_word(word)
        parts = [part for part in word.split("-") if part]
        return all(self.dictionary_word(part) or common_english(part) or self.family_word(part) for part in parts)

    def dictionary_word(self, word: str) -> bool:
        """In the dictionary as written, or an inflection of a dictionary word that English uses ("knocked")."""
        lower = word.lower().strip(".")
        if lower in STOP_WORDS:
            return True
        if len(lower) <= 2:
            return False  # an initial, or a name's short part ("Ng", "Su-bin")
        return lower in self.common_words or (self.ordinary(lower) and english_zipf(lower) >= load_words().english_zipf)

    def everyday_word(self, word: str) -> bool:
        """A plain word of English or of a family language ("su", "và", "hijo", "Atentamente")."""
        if self.plain_word(word):
            return True
        if spelled_out(word):
            return False
        bare = word.strip(".")
        initial_or_name = len(bare) <= 1 or word in self.roles.name_words or word in particles()
        return not initial_or_name and self.family_word(word)

    def name_word(self, word: str, surface: str) -> bool:
        """A word that can be (part of) a name: a known name, or no common word and no acronym."""
        if word in self.roles.name_words:
            return True
        bare = surface.strip(".,")
        acronym = surface.isupper() and "." not in bare and len(bare) <= _ACRONYM_LETTERS and not self.capitals_only
        return not acronym and not self.everyday_word(word)

    def lower_word(self, word: str) -> bool:
        """A word written in lower case that is a word: everyday, or fairly frequent and no given name.

        A listed surname must be more frequent ("hall" is a word, "okafor" a name). Nothing marks a
        lower-case name, so the bar is lower than for capitalised words ("inline"), in English and in
        the family languages the document is written in ("reclamar", "amable").
        """
        if self.everyday_word(word):
            return True
        bare = word.strip(".,'’")
        settings = load_words()
        if any(zipf_frequency(bare, language) >= settings.family_word_zipf for language in self.languages):
            return True  # "durante" in a letter in Spanish, though some gazetteer holds it as a surname
        if bare in self.roles.given_names:
            return False
        threshold = settings.lone_lower_surname_zipf if bare in self.roles.name_words else settings.lone_lower_zipf
        return english_zipf(bare) >= threshold or any(
            zipf_frequency(bare, language) >= threshold for language in self.languages
        )

    def lone_word(self, word: str, surface: str, initial: bool) -> bool:
        """A word a model called a name on its own that is an ordinary word.

        Capitalised: frequent in English and in no gazetteer ("Volunteers", "Giants"). In lower case,
        where nothing marks a name: frequent in English or a family language, unless a rarer given name.
        """
        words = load_words()
        if spelled_out(word):
            return False
        if surface.islower():
            if common_english(word) or (word not in self.roles.name_words and self.family_word(word)):
                return True
            return self.lower_word(word)
        if word in self.roles.name_words:
            return False
        threshold = words.lone_initial_zipf if initial else words.lone_name_zipf
        # a family language's word is a word where the document writes in that language ("Học" beside "học")
        return english_zipf(word) >= threshold or (word in self.lower_words and self.family_word(word))

    def namelike(self, word: str) -> bool:
        lower = word.lower()
        return lower not in self.roles.not_names and lower not in self.common_words and lower not in particles()

    def common(self, word: str) -> bool:
        """A word the document uses as a word: never a name when it stands alone."""
        lower = word.lower()
        if spelled_out(lower):
            return False
        if lower in STOP_WORDS or (lower in self.roles.not_names and lower not in self.roles.also_names):
            return True
        if self.capitals_only:  # no lower-case usage to go by: only function words are surely words
            return False
        if lower not in self.lower_words:
            return False
        if lower in self.common_words:
            # a given name the lexicon lists ("dylan", "brooke") is a word only where English uses it
            # often ("joy", "will"): a chat writes its names in lower case too
            return lower not in self.roles.given_names or common_english(lower)
        # inflected forms ("records", "returned"), when no gazetteer lists them
        return lower not in self.roles.name_words and common_english(lower)

    def word_here(self, word: str) -> bool:
        """A word the document uses as a word, in English or in the family language it is written in."""
        lower = word.lower()
        return self.common(lower) or (lower in self.lower_words and lower not in self.roles.name_words
                                      and self.family_word(lower))

    def ordinary(self, word: str) -> bool:
        """A dictionary word in any inflection ("knocked", "says"), for trimming lower-case spans."""
        lower = word.lower().strip(".")
        if len(lower) <= 2:
            return False  # an initial
        stems = {lower}
        for suffix, replacements in (("ing", ("", "e")), ("ed", ("", "e")), ("es", ("",)), ("s", ("",))):
            if lower.endswith(suffix):
                stems.update(lower[: -len(suffix)] + r for r in replacements)
        return lower in STOP_WORDS or bool(stems & self.common_words)

    @staticmethod
    def sentence_initial(text: str, position: int) -> bool:
        before = text[max(0, position - 3):position].rstrip(" \t\"“'(")
        return not before or before[-1] in ".!?\n:-"
