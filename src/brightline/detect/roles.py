"""The role vocabulary behind detect/people.py: who is staff, what is not a name, which words are given names.

models/people/roles.v6.yaml holds lists of regex alternatives (titles, staff fields, mail domains,
relations ...); models/people/given_names.v2.txt and surnames.v1.txt the names of many cultures
(training/build_gazetteer.py). Both are validated on load; a bad file is an error, never a fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict

from ..errors import MissingModelError
from ..resources import load_data, models_dir

ROLES_FILE = "people/roles.v6.yaml"
# models/people/<name>.v<version>.txt, built by training/build_gazetteer.py
GAZETTEER_VERSIONS = {"given_names": 2, "surnames": 1}
_MIN_NAMES = 1000


class RolesModel(BaseModel):
    """models/people/roles.v6.yaml: lists of role vocabulary, one regex alternative per item."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: int
    honorifics: list[str]
    titles: list[str]
    staff_fields: list[str]
    mail_fields: list[str]
    institutional_mail: list[str]
    credentials: list[str]
    role_modifiers: list[str]
    roles_after: list[str]
    relations: list[str]
    not_names: list[str]
    also_names: list[str]
    posts: list[str]
    organisation_tails: list[str]


@dataclass(frozen=True)
class Roles:
    """Compiled role vocabulary."""

    title_before: regex.Pattern[str]
    title_prefix: regex.Pattern[str]
    honorific_before: regex.Pattern[str]
    honorific_start: regex.Pattern[str]
    staff_field_line: regex.Pattern[str]
    mail_field_line: regex.Pattern[str]
    institutional_mail: regex.Pattern[str]
    role_after: regex.Pattern[str]
    role_next_line: regex.Pattern[str]
    relation_before: regex.Pattern[str]
    relation_after: regex.Pattern[str]
    role_word: regex.Pattern[str]
    post: regex.Pattern[str]
    not_names: frozenset[str]
    organisation_tails: frozenset[str]
    also_names: frozenset[str]
    # lower-case words that are given names or surnames somewhere (gazetteers of many cultures)
    name_words: frozenset[str]
    given_names: frozenset[str]


@cache
def load_roles(root: Path | None = None) -> Roles:
    """Load and compile the role vocabulary; a bad file is an error, never a fallback."""
    model = load_data(ROLES_FILE, RolesModel, root)
    path = models_dir(root) / ROLES_FILE
    titles, roles_after, relations = "|".join(model.titles), "|".join(model.roles_after), "|".join(model.relations)
    honorifics = "|".join(model.honorifics)
    credentials, modifiers = "|".join(model.credentials), "|".join(model.role_modifiers)
    given_names = _gazetteer("given_names", root)
    try:
        return Roles(
            # a title, then perhaps an honorific ("Assistant Principal Ms. Dana Lund")
            # ... and perhaps an article between ("el director, el Sr. ...")
            title_before=regex.compile(rf"(?:^|[\s(])(?:{titles})[ \t]*[:,]?[ \t]*(?:(?:el|la|the)[ \t]+)?"
                                       rf"(?:(?:{honorifics})[ \t]+)?$",
                                       regex.IGNORECASE),
            title_prefix=regex.compile(rf"^(?:(?:{honorifics}|{titles})[ \t]+)+"),
            honorific_before=regex.compile(rf"(?<![\w.])(?:{honorifics}|{titles})[ \t]+$"),
            honorific_start=regex.compile(rf"(?:{honorifics})[ \t]+\S+$"),
            staff_field_line=regex.compile(rf"^[ \t>]*(?:{'|'.join(model.staff_fields)})[ \t]*:", regex.IGNORECASE),
            mail_field_line=regex.compile(rf"^[ \t>]*(?:{'|'.join(model.mail_fields)})[ \t]*:", regex.IGNORECASE),
            institutional_mail=regex.compile(rf"@(?:{'|'.join(model.institutional_mail)})\b", regex.IGNORECASE),
            role_after=regex.compile(
                r"^(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]+-[ \t]+|[ \t]+)"
                rf"(?:(?:{credentials})[ \t]*,?[ \t]*)*"
                rf"(?:(?:[A-Z][\w.]*|(?i:{modifiers}))[ \t]+){{0,3}}"
                rf"(?i:{roles_after})\b"
                r"|^[ \t]*#\d{2,6}\b",
            ),
            role_next_line=regex.compile(rf"^[ \t]*\n[ \t]*(?:[A-Z][\w.&]*[ \t]+){{0,4}}(?:{roles_after})\b"),
            relation_before=regex.compile(
                rf"\b(?:{relations})s?\b[ \t]*[:,(]?[ \t]*(?:(?:{honorifics})[ \t]+)?$", regex.IGNORECASE
            ),
            relation_after=regex.compile(rf"^[ \t]*[,(][ \t]*(?:{relations})\b", regex.IGNORECASE),
            role_word=regex.compile(rf"(?:{titles}|{roles_after}|head|chief|senior|assistant)s?\.?", regex.IGNORECASE),
            post=regex.compile(rf"(?:{'|'.join(model.posts)})(?!\w)", regex.IGNORECASE),
            not_names=frozenset(w.lower() for w in model.not_names),
            organisation_tails=frozenset(w.lower() for w in model.organisation_tails),
            also_names=frozenset(w.lower() for w in model.also_names),
            name_words=given_names | _gazetteer("surnames", root),
            given_names=given_names,
        )
    except regex.error as exc:
        raise MissingModelError(f"data file {path.name} has an invalid pattern: {exc}") from None


def _gazetteer(name: str, root: Path | None) -> frozenset[str]:
    path = models_dir(root) / "people" / f"{name}.v{GAZETTEER_VERSIONS[name]}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        raise MissingModelError(f"data file {path.name} cannot be read.") from None
    names = frozenset(line for line in lines if line and not line.startswith("#"))
    if len(names) < _MIN_NAMES or any(not regex.fullmatch(r"[\p{Ll}\p{M}'’\-]+", n) for n in names):
        raise MissingModelError(f"data file {path.name} is not a list of lower-case names.")
    return names
