"""How one redacted span is written: one small operator per style behind one interface."""

from __future__ import annotations

import hashlib
import hmac
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping

from ..errors import ConfigError
from ..types import SENSITIVE_LABELS, Finding, Label, RedactionStyle

_NORMAL = re.compile(r"[^0-9a-z]+")
_WORDS = re.compile(r"[^\W_]+")


def entity_key(finding: Finding) -> str:
    """What makes two findings the same thing: the linked person, else the normalised text."""
    if finding.entity is not None:
        return finding.entity
    return f"{finding.label}:{_NORMAL.sub('', finding.text.lower())}"


def canonical_forms(findings: Iterable[Finding]) -> dict[str, str]:
    """Each entity's fullest mention in one canonical form, which keyed pseudonyms hash.

    The form is lower case, punctuation dropped, and a name written surname first with a comma
    ("ALVAREZ, Jose") turned round, so "Jose Alvarez" in another document gets the same token.
    """
    canonical: dict[str, str] = {}
    for finding in findings:
        key = entity_key(finding)
        form = _canonical(finding.text, finding.label is Label.PERSON)
        if key not in canonical or len(form) > len(canonical[key]):
            canonical[key] = form
    return canonical


def _canonical(text: str, is_name: bool) -> str:
    if is_name and text.count(",") == 1:
        surname, given = text.split(",")
        text = f"{given} {surname}"
    return " ".join(_WORDS.findall(text.lower()))


class Operator(ABC):
    """Writes the replacement of one finding (findings arrive in document order)."""

    @abstractmethod
    def replacement(self, finding: Finding, canonical: str) -> str:
        """The text standing for `finding`; `canonical` is the fullest text of its entity."""


class PlaceholderOperator(Operator):
    """[LABEL n], n counted per label in order of first appearance; sensitive language is [LABEL].

    Sensitive phrases are not entities a reader follows through the narrative, so they are not numbered.
    """

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.per_label: dict[str, int] = {}

    def replacement(self, finding: Finding, canonical: str) -> str:
        if finding.label in SENSITIVE_LABELS:
            return f"[{finding.label}]"
        key = entity_key(finding)
        if key not in self.numbers:
            label = str(finding.label)
            self.per_label[label] = self.per_label.get(label, 0) + 1
            self.numbers[key] = self.per_label[label]
        return f"[{finding.label} {self.numbers[key]}]"


class BlockOperator(Operator):
    """Solid blocks as long as the span (line breaks kept, so layout holds)."""

    def replacement(self, finding: Finding, canonical: str) -> str:
        return "".join(c if c == "\n" else "█" for c in finding.text)


class FixedOperator(Operator):
    """The same [REDACTED] everywhere."""

    def replacement(self, finding: Finding, canonical: str) -> str:
        return "[REDACTED]"


class PseudonymOperator(Operator):
    """[LABEL 16 hex digits]: 64 bits of HMAC-SHA256 of the entity's canonical form under the office's key.

    64 bits: among a district's hundred thousand students, two sharing a token is a one-in-a-billion
    chance; 32 bits made it likely in a large archive.
    """

    def __init__(self, key: bytes) -> None:
        self.key = key

    def replacement(self, finding: Finding, canonical: str) -> str:
        digest = hmac.new(self.key, f"{finding.label}:{canonical}".encode(), hashlib.sha256).hexdigest()
        return f"[{finding.label} {digest[:16]}]"


class CodedOperator(Operator):
    """Another operator's mark with the legal basis of the redaction: [PERSON 1 · FERPA], [REDACTED · 37L].

    Blocks stand in for the text character by character and get no code.
    """

    def __init__(self, inner: Operator, codes: Mapping[Label, str]) -> None:
        self.inner, self.codes = inner, codes

    def replacement(self, finding: Finding, canonical: str) -> str:
        mark = self.inner.replacement(finding, canonical)
        code = self.codes.get(finding.label)
        return f"{mark[:-1]}{CODE_SEPARATOR}{code}]" if code and mark.endswith("]") else mark


CODE_SEPARATOR = " · "
MIN_KEY_BYTES = 32  # as long as the hash: a shorter key is guessable from the tokens of known names


def make_operator(style: RedactionStyle, key: bytes | None = None, codes: Mapping[Label, str] | None = None) -> Operator:
    """The operator for a style, its marks carrying `codes` when given; pseudonyms need the office's key (32 bytes+)."""
    operator = _plain_operator(style, key)
    return CodedOperator(operator, codes) if codes else operator


def _plain_operator(style: RedactionStyle, key: bytes | None) -> Operator:
    if style is RedactionStyle.PSEUDONYM:
        if not key:
            raise ConfigError("pseudonyms need a key: set BRIGHTLINE_PSEUDONYM_KEY or pass --key-file.")
        if len(key) < MIN_KEY_BYTES:
            raise ConfigError(f"the pseudonym key is {len(key)} bytes; it must be at least {MIN_KEY_BYTES} "
                              "(for example: head -c 48 /dev/urandom | base64 > office.key).")
        return PseudonymOperator(key)
    return {
        RedactionStyle.PLACEHOLDER: PlaceholderOperator,
        RedactionStyle.BLOCK: BlockOperator,
        RedactionStyle.FIXED: FixedOperator,
    }[style]()


# What any operator writes, so checks for surviving values can look past brightline's own marks:
# [LABEL], [LABEL n] or [LABEL hex], or [REDACTED], each perhaps with its code ([PERSON 1 · FERPA]).
_MARK_NAME = r"(?:" + "|".join(label.value for label in Label) + r")(?:\s+[0-9a-f]+)?|REDACTED"
_MARK_CODE = r"(?:" + re.escape(CODE_SEPARATOR) + r"[^\]\n]{1,32})?"
PLACEHOLDER = re.compile(r"\[(?:" + _MARK_NAME + r")" + _MARK_CODE + r"\]")


def without_placeholders(text: str) -> str:
    """The text with every placeholder brightline writes blanked out."""
    return PLACEHOLDER.sub(" ", re.sub(r"\s+", " ", text))
