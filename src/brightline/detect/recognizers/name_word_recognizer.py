"""Names that are not words: a capitalised given name no English text uses as a word, and its surname.

"My name is Zeynep", "Wojciech: see you", "said Bogdan to Zdenka": a word in the given-name gazetteer
(models/people/given_names.v2.txt) that wordfreq does not count among common English words
(Zipf below 4: "Zeynep", "Bogdan", not "Will", "Grace" or "Paris") is a name wherever it stands, and
so is any listed given name joined to a short prefix by an apostrophe ("La'Tonya", "Ja'Marcus"); the
capitalised words right after it that are surnames or no English word go with it. detect/people.py
then decides who is staff, as for every other proposal.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..roles import load_roles
from ..words import common_english
from .explained import explained_result

RULE = "given_names.v2:name_word"
_NOTE = "a given name that is no English word"
SCORE = 0.7
# a short capitalised prefix joined by an apostrophe to a capitalised given name ("La'Tonya", "Ja'Marcus")
_PREFIX = r"\p{Lu}\p{Ll}{0,2}['’](?=\p{Lu})"
_WORD = regex.compile(r"(?<![\w\-'’@#./])(?:" + _PREFIX + r")?\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?(?![\w@#])")
_LEADING_PREFIX = regex.compile(_PREFIX)
_NEXT = regex.compile(r"[ \t]+(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?)(?![\w@#])")


class NameWordRecognizer(EntityRecognizer):
    """A given name that is no English word, with the surname after it."""

    def __init__(self) -> None:
        self.roles = load_roles()
        super().__init__(supported_entities=["PERSON"], supported_language="en", name=self.__class__.__name__)

    def load(self) -> None:
        """Nothing to load: the gazetteers come with the role vocabulary."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One PERSON result per given name found, taking in the surnames after it."""
        results = []
        for match in _WORD.finditer(text):
            if not self._given(match.group()):
                continue
            end = match.end()
            for _ in range(2):
                following = _NEXT.match(text, end)
                if following is None or not self._surname(following.group(1)):
                    break
                end = following.end()
            results.append(explained_result(self, "PERSON", match.start(), end, SCORE, RULE, _NOTE))
        return results

    def _given(self, word: str) -> bool:
        prefix = _LEADING_PREFIX.match(word)
        lower = word[prefix.end() if prefix else 0:].lower()
        return lower in self.roles.given_names and (prefix is not None or not common_english(lower))

    def _surname(self, word: str) -> bool:
        lower = word.lower()
        return lower not in self.roles.not_names and (lower in self.roles.name_words or not common_english(lower))
