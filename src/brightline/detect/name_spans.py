"""One name candidate's span, cleaned: what of a proposed name is the name, or None when it is none.

A model or pattern proposes a span; here it loses a title, a possessive, a heading or role word, the
ordinary words a model took in around a name ("Vice chair ... noted") and a verb between two names,
and it is dropped when what is left is no name: a common word, an acronym, a word of a family
language, an organisation's or a publication's name, a party to a cited case, a code or an act cited
by its section. A lower-case name may take in the surname after it. detect/people.py then decides
whose name it is.
"""

from __future__ import annotations

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from .roles import Roles
from .sentences import line_span, sentence_span
from .words import DocumentWords, common_english, english_zipf, foreign_words, load_words, particles

_NAME_END = regex.compile(r"\n|\t|;| {2,}| [-–—|]+(?: |$)")
_POSSESSIVE_TAIL = regex.compile(r"(?:[\'’]s|[\'’])?[\s.,;:!?\"”)]*$")
_NOT_NAME_CHARS = regex.compile(r"[\d@/#_()\[\]]")
# no name holds markup: an export's attributes and tags (primary="yes", <Notes>)
_MARKUP = regex.compile(r"\w=[\"']|</?\p{L}|\p{L}>")
_LETTER = regex.compile(r"\p{L}")
_QUOTES = "\"“”'‘’"
_WORD_EDGES = _QUOTES + ".,;:"
_NAME_SPLIT = regex.compile(r"[\s,]+")
_NAME_WORD = regex.compile(r"[^\s,]+")
_TOKEN = regex.compile(r"\S+")
# what no name holds: an identifier written in camelCase, a mail header's "X-" field, a key=value pair
_MACHINE_WORD = regex.compile(r"(?<![\p{L}'’])\p{Ll}+\p{Lu}\p{L}*|(?<![\p{L}])[Xx]-\p{L}+-|=")
# a quoted key of an export ("givenName": ...)
_KEY_AFTER = regex.compile(r"[\"']\s*:")
# a section number after a citation's name: dotted, or with a subsection in brackets
_SECTION_NUMBER = regex.compile(r"\.?[ \t]*(?:§+[ \t]*)?\d+(?:\.\d+|\([a-z0-9]{1,3}\))")
_OPEN_TAIL = regex.compile(r"[\s(\[{/,;:]+$")
_CAPITAL = regex.compile(r"\p{Lu}")
# letters of a script without case (Arabic, Hebrew, Chinese...), where no capital marks a name
_UNCASED = regex.compile(r"\p{Lo}")
# the most lower-case surname words taken in after a lower-case name
_LOWER_SURNAME_WORDS = 2
# a span with this many lower-case words that are no particles is a clause ("Saludos cordiales para ...")
_CLAUSE_LOWER_WORDS = 2


class NameSpans:
    """Cleans name candidates for one document (its words decide what is ordinary)."""

    def __init__(self, roles: Roles, words: DocumentWords) -> None:
        self.roles = roles
        self.words = words

    def clean(
        self, text: str, start: int, end: int, lowercase: bool = False, learned: bool = False, vetted: bool = False,
        model: bool = False, relation: bool = False, speaker: bool = False,
    ) -> tuple[int, int] | None:
        span = text[start:end]
        cut = _NAME_END.search(span)  # a line break, column gap, semicolon or spaced dash ends a name
        if cut is not None:
            span = span[: cut.start()]
        span = _OPEN_TAIL.sub("", span)  # a model's span may run into the bracket after a name ("Ana Ruiz (")
        if _MACHINE_WORD.search(span) or _KEY_AFTER.match(text, start + len(span)):
            return None  # an export's key or a mail header's field ("givenName", "X-Spam-Flag", "dkim=pass")
        clause = _clause_shaped(span)
        if model or clause:
            kept = self._foreign_reading(text, start, start + len(span), clause)
            if kept is None:
                return None
            start, span = kept[0], text[kept[0]:kept[1]]
        prefix = self.roles.title_prefix.match(span)
        # a title, honorific or relation before it ("Ms.", "his uncle") says a capitalised word is a name
        titled = prefix is not None or self.roles.honorific_before.search(text, max(0, start - 12), start) is not None
        titled = titled or (relation and not span.islower()) or speaker  # a chat line's speaker too
        if prefix:
            start += prefix.end()
            span = span[prefix.end():]
        stripped = _POSSESSIVE_TAIL.sub("", span)
        # a trailing initial or "Jr." keeps its period ("Washington, Terrell J.")
        if regex.search(r"\b(?:[A-Z]|Jr|Sr)$", stripped) and span[len(stripped):len(stripped) + 1] == ".":
            stripped += "."
        span = stripped
        end = start + len(span)
        if not span or _NOT_NAME_CHARS.search(span) or _MARKUP.search(span) or not _LETTER.search(span):
            return None
        if span.islower():  # a hurried note: keep the name words, drop the ordinary ones after them
            lowercase = True
            # a model's span is trimmed of common words only ("obi" is in the dictionary, and a surname)
            ordinary = common_english if learned else self.words.ordinary
            while " " in span and ordinary(span.rsplit(" ", 1)[1]):
                span = span.rsplit(" ", 1)[0]
            end = start + len(span)
        elif not regex.search(r"\p{Lu}", span) and (model or not _UNCASED.search(span)):
            return None  # no capital: no name, unless a form or table gives one in a script without case
        named_initial = regex.fullmatch(r"\p{Ll}+ \p{Ll}\.?", span) is not None  # "will r." is a name shape
        if speaker:
            if span in STOP_WORDS or common_english(span):
                return None  # "me", "admin": a chat line's speaker is a name unless a common word
        elif lowercase and not named_initial and (
            all(self.words.lower_word(w.strip(".,'’")) or w in particles() for w in span.split()) if learned
            else any(w in STOP_WORDS or self.words.common(w) for w in span.split())
        ):
            return None  # "student: see attached" is not a name; a model's "joy okafor" is one
        surfaces = _span_surfaces(span)
        words = [surface.lower() for surface in surfaces]
        if not words or all(self.words.not_a_name(w) for w in words):
            return None
        if any(w in self.roles.organisation_tails for w in words[1:]):
            return None  # "Harbor Valley Gazette", "Familias Unidas": an organisation, not a person
        # quotes mark a nickname ("Spider", "Tiny"): a word in quotes may name someone; a quoted
        # acronym is a tag or a sign ("the "XV" sign")
        quoted = (len(words) == 1 and not span.isupper() and start > 0 and end < len(text)
                  and text[start - 1] in _QUOTES and text[end] in _QUOTES)
        titled = titled or quoted
        # a capitalised particle opening a name is a given name ("Van", "Del"); "de la" is no name
        if not titled and all(self.words.everyday_as_written(w, surface) or (w in particles() and surface.islower())
                              for w, surface in zip(words, surfaces, strict=False)):
            return None  # "To: Front Office", "de la": words of English or a family language, no name
        while words and self.words.trimmable(words[0]):  # "Narrative Portillo" -> "Portillo"
            first = regex.match(r"\S+\s*", text[start:end])
            if first is None:
                return None
            start += first.end()
            words.pop(0)
        while words and self.words.trimmable(words[-1]):  # "Ethan Kowalczyk, Grade" -> "Ethan Kowalczyk"
            last = regex.search(r"[\s,]+\S+$", text[start:end])
            if last is None:
                return None
            end = start + last.start()
            words.pop()
        if vetted:
            # a model or a capitals pattern may take in words around a name ("Vice chair Ana Ruiz noted");
            # words split as _span_words splits them: a CSV row's "word,word,,XY" is three words
            tokens = [m for m in _NAME_WORD.finditer(text, start, end) if _LETTER.search(m.group())]
            while len(tokens) > 1 and self._edge_word(_span_words(tokens[-1].group())[0], tokens[-1].group()):
                tokens.pop()
                end = tokens[-1].end()
            while len(tokens) > 1 and self._edge_word(_span_words(tokens[0].group())[0], tokens[0].group()):
                tokens.pop(0)
                start = tokens[0].start()
            words = _span_words(text[start:end])
            # a verb between two names ends the first ("Ruiz saw OKEKE"): the second is its own
            verb = next((m for m in regex.finditer(r"(?<=\s)\p{Ll}[\p{Ll}'’\-]*(?=\s)", text[start:end])
                         if self.words.everyday_word(m.group()) and m.group() not in particles()), None)
            if verb is not None:
                end = start + len(text[start:start + verb.start()].rstrip())
                words = _span_words(text[start:end])
            surfaces = _span_surfaces(text[start:end])
            if not titled and not any(self.words.name_word(w, surface) for w, surface in zip(words, surfaces, strict=False)):
                return None  # "Annual Review List", "FALL OPEN HOUSE", "PTO": words and acronyms, not a name
        initial = self.words.sentence_initial(text, start)
        if len(words) == 1 and self.words.common(words[0]) and initial:
            return None
        if model and not titled and len(words) == 1 and self.words.lone_word(words[0], text[start:end], initial):
            return None  # "Volunteers arrived", "Went back to gym": words a model read as names
        if model and not titled and len(words) == 1 and not self.words.name_word(words[0], text[start:end]):
            return None  # "TEAP", "JJAEP": an acronym a model read as a name (a known name such as "KIM" stays)
        if len(words) == 1 and text[start:end].isupper() and words[0] in self.words.common_words:
            return None  # "SNOW" in a heading
        if (regex.match(r"\s+v\.?\s+\p{Lu}", text[end:end + 8]) or regex.search(r"\bv\.\s+$", text[max(0, start - 4):start])
                or regex.search(r"\sv\.?$", text[start:end])):
            return None  # a party to a cited case ("Plyler v. Doe"), not a person in the report
        if _SECTION_NUMBER.match(text, end):
            return None  # a code or an act cited by its section ("Ed. Code 48204.1", "ESSA Sec. 1112(c)")
        return (start, end) if end > start else None

    def _foreign_reading(self, text: str, start: int, end: int, clause: bool) -> tuple[int, int] | None:
        """A model's span in a sentence of another language, cut to its capitalised words, or None.

        Models trained on English read whole clauses of a letter in Swahili or Spanish as names
        ("Tunapenda kuwajulisha kwamba"). There, names are what is capitalised: a lower-case word is
        the language's own, and a lone capitalised word opening the sentence is a name only when a
        gazetteer lists it or a title stands before it (elsewhere the document names that person
        mid-sentence, and the mention is followed from there). A span shaped like a clause is read
        the same way in any language ("Saludos cordiales para la profesora Lucinda Ferreira").
        """
        lo, hi = sentence_span(text, start, end)
        if not clause and not foreign_words(text, lo, hi, start, end):
            return start, end
        runs = self._capitalised_runs(text, start, end)
        if not runs:
            words = [w.strip(_QUOTES + ".,") for w in text[start:end].split()]
            names = [w for w in words if w not in particles()]
            return (start, end) if names and all(w in self.roles.name_words for w in names) else None
        listed = self.roles.name_words

        def rank(run: tuple[int, int]) -> tuple[bool, bool, int]:
            words = _span_words(text[run[0]:run[1]])
            return (any(w in listed for w in words), not self.words.sentence_initial(text, run[0]), run[1] - run[0])

        best = max(runs, key=rank)
        words = _span_words(text[best[0]:best[1]])
        titled = self.roles.honorific_before.search(text, max(0, best[0] - 12), best[0]) is not None
        if (len(words) == 1 and words[0] not in listed and not titled
                and self.words.sentence_initial(text, best[0])):
            return None  # "Tunapenda ...", "Le informamos: ...": the sentence's first word
        return best

    @staticmethod
    def _capitalised_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The runs of words with a capital in text[start:end], joined by particles ("Ana de la Cruz")."""
        runs: list[tuple[int, int]] = []
        run: list[tuple[int, int]] = []  # its words' bounds; trailing particles are dropped at its end
        for token in [*_TOKEN.finditer(text, start, end), None]:
            word = token.group().strip(_WORD_EDGES) if token is not None else ""
            if token is not None and _CAPITAL.search(word):
                run.append(token.span())
                continue
            if token is not None and run and word in particles():
                run.append(token.span())
                continue
            while run and text[run[-1][0]:run[-1][1]].strip(_WORD_EDGES) in particles():
                run.pop()
            if run:
                runs.append((run[0][0], run[-1][1]))
            run = []
        return runs

    def _edge_word(self, word: str, surface: str) -> bool:
        """A word to trim off a model's name: an everyday word in lower case, a common one capitalised.

        "Vice chair Ana Ruiz noted" loses "noted"; a rare English word that is also a name stays.
        """
        if surface.islower():
            return self.words.everyday_word(word)
        return self.words.plain_word(word) and english_zipf(word) >= load_words().edge_zipf

    def lower_surname_end(self, text: str, start: int, end: int) -> int:
        """The end of a lower-case name a gazetteer knows, in an English line, with up to two surnames after it.

        A transcription app writes "tameka tidwell": a model may stop after the given name. A word
        after it is a surname when English hardly uses it, or when a gazetteer lists it and English
        does not use it often ("robinson" is taken, "hall" and "said" are not); never a word of the
        family language the document is written in.
        """
        if text[start:end].split()[-1] not in self.roles.name_words:
            return end  # only a known name vouches for what follows it
        if foreign_words(text, *line_span(text, start), start, end):
            return end  # a family's note in Spanish or Creole: its lower-case words are that language's
        bars = load_words()
        for _ in range(_LOWER_SURNAME_WORDS):
            after = regex.match(r"[ \t]+(\p{Ll}[\p{Ll}'’\-]{2,})(?![\w'’])", text[end:end + 30])
            if after is None:
                break
            word = after.group(1)
            zipf = english_zipf(word)
            listed = word in self.roles.name_words and zipf < bars.lower_surname_zipf
            if (word in STOP_WORDS or word in particles() or self.words.family_word(word)
                    or not (listed or zipf < bars.lone_lower_zipf)):
                break
            end += after.end()
        return end


def _clause_shaped(span: str) -> bool:
    """Capitalised words with two or more lower-case words that are no particles: a clause, not a name.

    A name holds lower-case words only as particles ("Ana María de la Cruz"); a chat's all-lower-case
    names are read elsewhere.
    """
    surfaces = _span_surfaces(span)
    lower = [w for w in surfaces if w[:1].islower() and w not in particles()]
    return len(lower) >= _CLAUSE_LOWER_WORDS and any(_CAPITAL.match(w) for w in surfaces)


def _span_surfaces(span: str) -> list[str]:
    """A candidate's words as written, without the punctuation around them."""
    return [w.strip(".,'’") for w in _NAME_SPLIT.split(span) if _LETTER.search(w)]


def _span_words(span: str) -> list[str]:
    """A candidate's words, lower-cased, without the punctuation around them."""
    return [surface.lower() for surface in _span_surfaces(span)]
