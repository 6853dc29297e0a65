"""@handles, profile URLs, usernames after a cue, and usernames standing alone."""

from __future__ import annotations

import regex

from ..roles import load_roles
from ..vocab import CompiledRule
from ..words import common_english
from .rule_set_recognizer import RuleSetRecognizer

_PART = regex.compile(r"[._]+")
_LETTER = regex.compile(r"[A-Za-z]")


class SocialHandleRecognizer(RuleSetRecognizer):
    """@handles, profile URLs, usernames after a cue, and usernames standing alone."""

    RULES_FILE = "patterns/social_handle.v6.yaml"

    def accept(self, text: str, start: int, end: int, rule: CompiledRule) -> bool:
        return rule.id != "bare_username" or _username_alone(text[start:end])


def _username_alone(token: str) -> bool:
    """A dotted or underscored token that only a username would be.

    Not initials or abbreviations ("U.S.", "p.m."), sections and doses ("Sec.504", "2.5mg"), a
    capitalised pair a missing space joined ("St.Louis"), a field name of ordinary words
    ("student.last_name") nor a constant in capitals ("INCIDENT_DATE"); a username made of names
    ("maria.lopez") stays one.
    """
    parts = [part for part in _PART.split(token) if part]
    worded = [part for part in parts if _LETTER.search(part)]
    if not any(sum(c.isalpha() for c in part) >= 3 for part in worded):
        return False
    letters_with_digits = "_" in token and len(worded) < len(parts)
    if len(worded) < 2 and not letters_with_digits:
        return False
    if any(c.isupper() for c in token) and "_" not in token and not any(c.isdigit() for c in token):
        return False
    if not any(c.islower() for c in token):
        return False  # "INCIDENT_DATE": a column or a constant in capitals
    names = load_roles().name_words
    plain = [part.lower() for part in worded if part.isalpha()]
    return len(plain) < len(worded) or not all(common_english(w) and w not in names for w in plain)
