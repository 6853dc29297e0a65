"""@handles, profile URLs, usernames after a cue, and usernames standing alone."""

from __future__ import annotations

import regex

from ..roles import load_roles
from ..tables import YAML_KEY_INDENT
from ..vocab import CompiledRule
from ..words import common_english
from .rule_set_recognizer import RuleSetRecognizer

_PART = regex.compile(r"[._]+")
_KEY_INDENT = regex.compile(YAML_KEY_INDENT)
_KEY_END = regex.compile(r"[ \t]*:")
_LETTER = regex.compile(r"[A-Za-z]")


class SocialHandleRecognizer(RuleSetRecognizer):
    """@handles, profile URLs, usernames after a cue, and usernames standing alone."""

    RULES_FILE = "patterns/social_handle.v6.yaml"

    def accept(self, text: str, start: int, end: int, rule: CompiledRule) -> bool:
        token = text[start:end]
        if rule.id in ("bare_username", "chat_speaker") and _export_key(text, start, end):
            # an indented chat line's speaker has a username's digits ("  miko_07: ..."); a key has none
            return any(c.isdigit() for c in token) and _username_alone(token)
        return rule.id != "bare_username" or _username_alone(token)


def _export_key(text: str, start: int, end: int) -> bool:
    """An indented or listed snake_case key before its colon ("  preferred_name: ..."), not a username."""
    line_start = text.rfind("\n", 0, start) + 1
    return ("_" in text[start:end] and _KEY_INDENT.fullmatch(text, line_start, start) is not None
            and _KEY_END.match(text, end) is not None)


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
