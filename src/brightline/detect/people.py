"""People: clean name candidates, tell officials from private individuals, link and propagate mentions.

spaCy and the form patterns propose name spans; detect/name_spans.py trims each to its name or drops
it (a school, a platform, a heading word). This step decides each mention's role from the words
around it (a title or role makes an OFFICIAL, a family word or form field a private PERSON), groups
mentions of one person ("MEJIA, Carlos Andres", "Mejia", "Carlos"), and finds that person's other
mentions in the document, upper, title or lower case. Where a private person and an official share
a name, the private reading wins: an unredacted student is the failure that matters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from ..types import Explanation, Finding, Label
from .name_spans import NameSpans
from .roles import Roles
from .scripts import other_script_forms
from .sentences import line_span
from .words import DocumentWords, particles

_BLOCKING = {Label.SCHOOL, Label.EMAIL, Label.SOCIAL_HANDLE, Label.ADDRESS}
# a known person's name is propagated even into a school-looking span: a false school must not hide a student
_PROPAGATION_BLOCKING = {Label.EMAIL, Label.SOCIAL_HANDLE, Label.ADDRESS}
_ALIAS_RULES = (
    "alias_quoted", "alias_preferred", "alias_field", "alias_identified", "alias_list_item", "quoted_after_name",
    "quoted_name_cue", "alias_called",
)
_LETTER = regex.compile(r"\p{L}")
# a cell under a name heading is a name even where it is also a word or an acronym ("MOON", "SAY")
_HEADED_RULES = ("name_column",)
# ...when written in capitals, as such rosters write names ("mom" or "Aunt" in a contact column is a relation)
_HEADED_NAME = regex.compile(r"[\p{Lu}'’\-]+(?:[ ,]+[\p{Lu}'’\-]+)*")
_NAME_SPLIT = regex.compile(r"[\s,]+")
# the longest piece of a word a scan split in two ("Esper anza") that is joined to its neighbour
_SPLIT_PIECE = 3
# a capitalised word, hyphenated parts capitalised or not ("Jean-Robert", "Al-amin")
_CAPITALISED = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*"
_SPEAKER = "lowercase_chat_speaker"
_LOWERCASE_RULES = ("field_name_lowercase", "lowercase_relation", "lowercase_honorific", "lowercase_initial",
                    "lowercase_relation_bare", "lowercase_met_with", _SPEAKER)
_CAPITALS_RULES = ("caps_last_first", "caps_name_with_particulars")
_PRIVATE_RULES = ("field_name", "name_column", "roster_row", "relation_name", "relation_label", "name_before_age",
                  *_LOWERCASE_RULES)
# the learned model reads a name from its context (it was trained on lower-case chats), so its lower-case
# names are kept unless every word is English; spaCy's lower-case entities are mostly not names
_LOWER_CASE_READERS = ("learned_name",)
_MODEL_DETECTORS = ("learned_name", "spacy_ner", "name_word")
_PHRASE_LABELS = (Label.GANG, Label.SOCIAL_MEDIA, Label.IMMIGRATION, Label.SCHOOL)


@dataclass
class _Person:
    """One person: the name tokens of their full-name mentions and how those mentions were read."""

    key: str
    tokens: frozenset[str]
    whole: bool  # an alias: matched as a whole string, never token by token
    single: bool = False  # known only by one name word so far; never merged with a full name
    private_votes: int = 0
    official_votes: int = 0

    @property
    def official(self) -> bool:
        return self.official_votes > 0 and self.private_votes == 0


class PeopleResolver:
    """Turns raw PERSON candidates into PERSON and OFFICIAL findings with entity keys."""

    def __init__(self, roles: Roles, common_words: frozenset[str]) -> None:
        self.roles = roles
        self.common_words = common_words

    def apply(self, text: str, findings: list[Finding]) -> list[Finding]:
        """All findings, with PERSON candidates replaced by cleaned, classified, linked mentions."""
        return _DocumentPeople(self.roles, self.common_words, text).apply(text, findings)


class _DocumentPeople:
    """The people of one document (what counts as an ordinary word depends on the document)."""

    def __init__(self, roles: Roles, common_words: frozenset[str], text: str) -> None:
        self.roles = roles
        self.common_words = common_words
        self.words = DocumentWords(roles, common_words, text)
        self.spans = NameSpans(roles, self.words)

    def apply(self, text: str, findings: list[Finding]) -> list[Finding]:
        candidates = [f for f in findings if f.label is Label.PERSON]
        others = [f for f in findings if f.label is not Label.PERSON]
        blockers = [(f.start, f.end) for f in others if f.label in _BLOCKING]
        sensitive = {(f.start, f.end) for f in others if f.label in (Label.GANG, Label.SOCIAL_MEDIA, Label.IMMIGRATION)}
        phrases = [(f.start, f.end) for f in others if f.label in _PHRASE_LABELS]

        mentions: list[tuple[int, int, Finding, str | None]] = []
        for finding in sorted(candidates, key=lambda f: (f.start, -(f.end - f.start))):
            alias = finding.explanation.rule.endswith(_ALIAS_RULES)
            lowercase = finding.explanation.rule.endswith(_LOWERCASE_RULES)
            learned = finding.explanation.detector in _LOWER_CASE_READERS or finding.explanation.rule.endswith("name_column")
            # the learned model and the capitals patterns also read headings and acronyms as names
            vetted = finding.explanation.detector == "learned_name" or finding.explanation.rule.endswith(_CAPITALS_RULES)
            model = finding.explanation.detector in _MODEL_DETECTORS
            if alias and finding.text.strip("\"'“”‘’").lower() in STOP_WORDS:
                continue  # '"me" = the phone's owner' names no one
            cued = finding.explanation.rule.endswith(_PRIVATE_RULES)
            headed = finding.explanation.rule.endswith(_HEADED_RULES)
            span = (finding.start, finding.end) if alias else self.spans.clean(
                text, finding.start, finding.end, lowercase, learned, vetted, model,
                "relation" in finding.explanation.rule or headed, finding.explanation.rule.endswith(_SPEAKER))
            if span is None and headed and _HEADED_NAME.fullmatch(finding.text):
                span = (finding.start, finding.end)  # the heading says it is a name, word or not
            if span is not None and text[span[0]:span[1]].islower():
                span = (span[0], self.spans.lower_surname_end(text, *span))
            if span is None or _inside_any(span, blockers) or (span in sensitive and not headed):
                continue
            if model and _inside_any(span, phrases):
                continue  # a word of a crew's, school's or agency's name ("Kane" in "Kane Block")
            if any(s <= span[0] and span[1] <= e for s, e, _, _ in mentions):
                continue
            role = "private" if cued else self._role(text, *span)
            mentions.append((span[0], span[1], finding, role))

        people = self._group(text, mentions)
        hard_blockers = [(f.start, f.end) for f in others if f.label in _PROPAGATION_BLOCKING]
        return others + self._emit(text, mentions, people, hard_blockers)

    # -- roles ----------------------------------------------------------------------------------
    def _role(self, text: str, start: int, end: int) -> str | None:
        line_start, line_end = line_span(text, start)
        before, after = text[line_start:start], text[end:]
        if self.roles.relation_before.search(before[-40:]) or self.roles.relation_after.match(after[:40]):
            return "private"
        line = text[line_start:line_end]
        if self.roles.staff_field_line.match(line):
            return "official"
        if self.roles.mail_field_line.match(line) and self.roles.institutional_mail.search(line):
            return "official"  # a sender or recipient at an institution; elsewhere only a title or role tells
        if self.roles.title_before.search(before[-45:]):
            return "official"
        if self.roles.role_after.match(after[:60]) or self.roles.role_next_line.match(after[:80]):
            return "official"
        return None

    # -- grouping -------------------------------------------------------------------------------
    def _group(self, text: str, mentions: list[tuple[int, int, Finding, str | None]]) -> list[_Person]:
        people: list[_Person] = []
        for start, end, finding, role in mentions:
            alias = finding.explanation.rule.endswith(_ALIAS_RULES)
            tokens = frozenset({text[start:end].lower()}) if alias else _name_tokens(text[start:end])
            if not tokens:
                continue
            if len(tokens) == 1 and not alias:
                # a lone name ("marisol") is followed through the text too, unless it is an ordinary word
                token = next(iter(tokens))
                if self.words.word_here(token) or any(token in p.tokens for p in people):
                    continue
                person = _Person(key=f"person-{len(people) + 1}", tokens=tokens, whole=False, single=True)
                people.append(person)
                _vote(person, role)
                continue
            person = next(
                (p for p in people if not p.single and p.whole == alias and (tokens <= p.tokens or p.tokens <= tokens)),
                None,
            )
            if person is None:
                person = _Person(key=f"person-{len(people) + 1}", tokens=tokens, whole=alias)
                people.append(person)
            else:
                person.tokens = person.tokens | tokens
            _vote(person, role)
        return people

    def _emit(
        self,
        text: str,
        mentions: list[tuple[int, int, Finding, str | None]],
        people: list[_Person],
        blockers: list[tuple[int, int]],
    ) -> list[Finding]:
        taken: list[tuple[int, int]] = []
        out: list[Finding] = []

        def owner(words: frozenset[str], alias: bool) -> _Person | None:
            matches = [p for p in people if p.whole == alias and words and words <= p.tokens]
            matches.sort(key=lambda p: p.single)  # a full name owns its words before a lone mention does
            private = [p for p in matches if not p.official]
            return (private or matches or [None])[0]

        def follow(start: int, end: int, target: _Person, why: str) -> None:
            """A mention found by following a known person through the document."""
            explanation = Explanation("name_propagation", why, 0.8)
            label = Label.OFFICIAL if target.official else Label.PERSON
            out.append(Finding(label, start, end, text[start:end], explanation, entity=target.key))
            taken.append((start, end))

        for start, end, finding, role in mentions:
            alias = finding.explanation.rule.endswith(_ALIAS_RULES)
            words = frozenset({text[start:end].lower()}) if alias else _name_tokens(text[start:end])
            person = owner(words, alias)
            official = person.official if person is not None else role == "official"
            out.append(_as(finding, start, end, text, official, person.key if person else None))
            taken.append((start, end))

        for person in people:
            # in a fixed order (longest first): which word is propagated first decides how spans join
            needles = sorted(person.tokens, key=lambda token: (-len(token), token))
            followed: set[str] = set()
            while needles:
                needle = needles.pop(0)
                followed.add(needle)
                if len(needle) < 2 or needle in particles():
                    continue
                target = owner(frozenset({needle}), person.whole) or person
                for start, end in self._occurrences(text, needle, person.whole):
                    if _overlaps_any((start, end), taken) or _overlaps_any((start, end), blockers):
                        continue
                    start, end = self._extend(text, start, end, taken, blockers, person.tokens)
                    follow(start, end, target, f"same name as {target.key}")
                    if not person.whole:
                        # a given name taken in beside the surname ("Jean-Robert Pierre-Louis") is followed too
                        needles += sorted(_name_tokens(text[start:end]) - followed - set(needles))
        named = {token: person for person in people if not person.whole for token in person.tokens}
        for start, end, word in other_script_forms(text, sorted(named)):
            if _overlaps_any((start, end), taken) or _overlaps_any((start, end), blockers):
                continue
            target = owner(frozenset({word}), False) or named[word]
            follow(start, end, target, f"{target.key} written in another script")
        return out

    def _extend(
        self, text: str, start: int, end: int, taken: list[tuple[int, int]], blockers: list[tuple[int, int]],
        tokens: frozenset[str],
    ) -> tuple[int, int]:
        """Take in a capitalised word right before or after a known name: a relative's given name.

        A particle is taken in only where it is the person's own surname ("DO, Minh Anh" ... "Minh Anh Do").
        """
        def namelike(word: str) -> bool:
            return self.words.namelike(word) or word.lower() in tokens

        before = regex.search(rf"(?<![\w\-])({_CAPITALISED})[ \t]$", text[max(0, start - 25):start])
        if before is not None and namelike(before.group(1)):
            candidate = start - len(before.group(0))
            if not _overlaps_any((candidate, start), taken + blockers):
                start = candidate
        own = False  # past one new word, only the person's own words ("Minh Anh | Do")
        while (after := regex.match(rf"[ \t]({_CAPITALISED})(?![\w\-])", text[end:end + 25])) is not None:
            word = after.group(1).lower()
            candidate = end + len(after.group(0))
            if (own and word not in tokens) or not namelike(after.group(1)):
                break
            if _overlaps_any((end, candidate), taken + blockers):
                break
            end, own = candidate, True
        return start, end

    def _occurrences(self, text: str, needle: str, whole: bool) -> list[tuple[int, int]]:
        found = []
        pattern = regex.compile(r"(?<![\w\-])" + regex.escape(needle) + r"(?![\w\-])", regex.IGNORECASE)
        for match in pattern.finditer(text):
            surface = match.group(0)
            if whole:
                if surface[:1].isupper() or surface == needle:
                    found.append(match.span())
                continue
            if surface.islower():
                if not self.words.word_here(needle):
                    found.append(match.span())
                continue
            if self.words.word_here(needle) and (self.words.sentence_initial(text, match.start()) or surface.isupper()):
                continue
            found.append(match.span())
        return found


def _vote(person: _Person, role: str | None) -> None:
    if role == "private":
        person.private_votes += 1
    elif role == "official":
        person.official_votes += 1


def _name_tokens(name: str) -> frozenset[str]:
    """Lower-case name words, without initials and particles ("MEJIA, Carlos A." -> {mejia, carlos}).

    A surname standing alone before the comma stays, particle or not ("DO, Minh Anh": Do is the surname).
    A word split by a scan ("Esper anza") is also followed whole: a short piece joins its neighbour.
    """
    pieces = _NAME_SPLIT.split(name)
    words = [w.strip(".,'’\"").lower() for w in pieces]
    # pieces of one word: letters only, no abbreviation's full stop and no comma between them
    joined = [a.lower() + b.lower() for a, b in zip(pieces, pieces[1:], strict=False)
              if a.isalpha() and b.isalpha() and 2 <= min(len(a), len(b)) <= _SPLIT_PIECE
              and f"{a} {b}" in name]
    head, comma, _ = name.partition(",")
    surname = head.strip().lower() if comma and " " not in head.strip() else None
    return frozenset(w for w in (*words, *joined) if len(w) >= 2 and (w not in particles() or w == surname)
                     and regex.fullmatch(r"[\w'’\-]+", w) and _LETTER.search(w))


def _inside_any(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in others)


def _overlaps_any(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in others)


def _as(finding: Finding, start: int, end: int, text: str, official: bool, entity: str | None) -> Finding:
    label = Label.OFFICIAL if official else Label.PERSON
    return replace(finding, label=label, start=start, end=end, text=text[start:end], entity=entity)
