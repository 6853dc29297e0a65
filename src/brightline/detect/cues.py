"""Findings take in the words that introduce them ("Student ID", "A#", "age") or close them ("YOA").

LABELS.md marks such a span cue and value together; a redaction that leaves "SASID" beside a box
says nothing the box does not, so the cue goes under the box with its value. The same holds for a
private person's honorific, and for the qualifier and noun around sensitive language and health
details (a qualifier before a crew's name, the noun after it), which LABELS.md counts as one
phrase, with the nouns it qualifies ("gang database", "immigration lawyer"). The cues are data
(models/structure/cues.v4.yaml); a widened finding keeps its detector and rule.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator
from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import MissingModelError
from ..resources import load_data
from ..types import Finding, Label
from .vocab import expand_macros, joined_macros

CUES_FILE = "structure/cues.v4.yaml"
_NEXT_WORD = regex.compile(r"[ \t-]([\p{L}]+)")


class LabelCuesModel(BaseModel):
    """The cues of one label."""

    model_config = ConfigDict(extra="forbid")

    before: list[str] = []
    after: list[str] = []
    # how many nouns right after a finding it takes in (sensitive language qualifies a noun)
    head_nouns: int = Field(default=0, ge=0, le=3)


class CuesModel(BaseModel):
    """models/structure/cues.v4.yaml."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: int
    # fragments used in cues as {name}, as in the rule files (a list is one alternative per line)
    macros: dict[str, str] = Field(default_factory=dict)
    labels: dict[Label, LabelCuesModel]
    not_heads: list[str] = []
    joiners: str

    _macro_alternatives = field_validator("macros", mode="before")(joined_macros)


@dataclass(frozen=True)
class Nouns:
    """The lemmatizer's nouns, and its verbs: "means" and "reads" end in s like plural nouns."""

    nouns: frozenset[str]
    verbs: frozenset[str]

    def head(self, word: str) -> bool:
        """A noun a sensitive word can qualify ("database", "lawyers"), not a verb's -s form ("shows")."""
        if word in self.nouns and not (word.endswith("s") and word[:-1] in self.verbs):
            return True
        return word.endswith("s") and word[:-1] in self.nouns and word[:-1] not in self.verbs


@dataclass(frozen=True)
class _Cues:
    before: regex.Pattern[str] | None
    after: regex.Pattern[str] | None
    head_nouns: int = 0


@cache
def _load() -> tuple[dict[Label, _Cues], frozenset[str]]:
    """Each label's compiled cues, and the nouns that never head a sensitive phrase."""
    model = load_data(CUES_FILE, CuesModel)
    flags = regex.IGNORECASE

    def alternation(cues: list[str]) -> str:
        return "|".join(expand_macros(cue, model.macros) for cue in cues)

    try:
        cues = {
            label: _Cues(
                before=regex.compile(rf"(?<![\w#])(?:{alternation(c.before)}){model.joiners}$", flags) if c.before else None,
                after=regex.compile(rf"(?:{alternation(c.after)})(?!\w)", flags) if c.after else None,
                head_nouns=c.head_nouns,
            )
            for label, c in model.labels.items()
        }
    except (regex.error, ValueError) as exc:
        raise MissingModelError(f"data file {CUES_FILE} has an invalid pattern: {exc}") from None
    return cues, frozenset(model.not_heads)


def with_cues(text: str, findings: list[Finding], nouns: Nouns) -> list[Finding]:
    """The findings, each widened over the cue right before or after it on its line.

    `nouns` are English nouns (the lemmatizer's lists): a label with `head_nouns` takes in those that follow.
    """
    cues, not_heads = _load()
    out = []
    for finding in findings:
        label_cues = cues.get(finding.label)
        if label_cues is None:
            out.append(finding)
            continue
        start, end = finding.start, finding.end
        line_start = text.rfind("\n", 0, start) + 1
        if label_cues.before is not None:
            match = label_cues.before.search(text, max(line_start, start - 40), start)
            if match is not None:
                start = match.start()
        if label_cues.after is not None:
            line_end = text.find("\n", end)
            match = label_cues.after.match(text, end, min(end + 20, len(text) if line_end < 0 else line_end))
            if match is not None:
                end = match.end()
        end = _head_nouns(text, end, label_cues.head_nouns, nouns, not_heads)
        out.append(finding if (start, end) == (finding.start, finding.end)
                   else replace(finding, start=start, end=end, text=text[start:end]))
    return out


def _head_nouns(text: str, end: int, most: int, nouns: Nouns, not_heads: frozenset[str]) -> int:
    """The end after up to `most` nouns that follow on the same line ("gang | database", "TikTok | account")."""
    for _ in range(most):
        match = _NEXT_WORD.match(text, end)
        if match is None:
            break
        word = match.group(1)
        # only a lower-case noun: a capitalised word after "gang member" may be a name ("Mark", "Hunter")
        if not word.islower() or word in not_heads or word in STOP_WORDS or not nouns.head(word):
            break
        end = match.end()
    return end
