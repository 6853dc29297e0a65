"""Typed settings: what the CLI builds and the library accepts."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata

from pydantic import BaseModel, ConfigDict, Field

from .context import Basis, Recipient, RequestContext
from .detect.nlp import DEFAULT_MODEL
from .law import FEDERAL, load_law
from .policy import Policy, PolicySet, default_policy
from .resources import models_dir
from .types import ALWAYS_REDACTED, PII_LABELS, SENSITIVE_LABELS, Label, RedactionStyle

DEFAULT_REDACTED: frozenset[Label] = PII_LABELS | SENSITIVE_LABELS


class Settings(BaseModel):
    """Everything a screening or redaction run needs to know.

    The recipient and basis choose the policy (from `policy`, else the shipped one); `style` and
    `redact_labels` override what that policy says when given.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = DEFAULT_MODEL
    # a district's profile (models/profiles/<name>.v<N>.yaml): its own vocabulary beyond the general one
    profile: str | None = None
    # brightline's learned name detector (models/ner) beside the spaCy pipeline's NER
    learned_names: bool = True
    # the law reasons cite and redactions carry codes of (models/law): the federal baseline, or a state's
    jurisdiction: str = FEDERAL
    recipient: Recipient = Recipient.POLICE
    basis: Basis = Basis.NONE
    policy: PolicySet | None = None
    style: RedactionStyle | None = None
    # the office's key for pseudonyms; never logged, never written out
    pseudonym_key: bytes | None = Field(default=None, repr=False)
    redact_labels: frozenset[Label] | None = None
    max_bytes: int = Field(default=2_000_000, ge=1)
    password: str | None = Field(default=None, repr=False)  # for encrypted PDFs; never logged
    dpi: int = Field(default=200, ge=72, le=600)
    # PDF boxes widened to one width per label (models/redaction), so a box does not tell a name's length
    even_boxes: bool = False
    # each redaction mark carries its legal-basis code: [PERSON 1 · FERPA], on PDF boxes too
    show_codes: bool = False
    batch_size: int = Field(default=16, ge=1, le=1024)

    @property
    def context(self) -> RequestContext:
        return RequestContext(self.recipient, self.basis)

    @property
    def policies(self) -> PolicySet:
        return self.policy or default_policy()

    @property
    def recipient_policy(self) -> tuple[str, Policy]:
        """The name and policy the recipient gets."""
        return self.policies.for_recipient(self.recipient)

    @property
    def labels(self) -> frozenset[Label]:
        """What is redacted: the explicit labels, else the recipient's policy; and always what was hidden before."""
        chosen = self.redact_labels if self.redact_labels is not None else self.recipient_policy[1].redact
        return chosen | ALWAYS_REDACTED

    @property
    def redaction_style(self) -> RedactionStyle:
        return self.style or self.recipient_policy[1].style

    def redaction_codes(self) -> dict[Label, str]:
        """The legal-basis code of each redacted label: the recipient's policy's, else the jurisdiction's law's."""
        law, policy = load_law(self.jurisdiction), self.recipient_policy[1]
        codes = {label: policy.codes.get(label) or law.code(label) for label in self.labels}
        return {label: code for label, code in codes.items() if code}

    def fingerprint(self) -> str:
        """A digest of everything that shapes an output: a copy made under another one is not this copy.

        The policy's content, jurisdiction, recipient, basis, style, a digest of the pseudonym key (never the key),
        labels, DPI, box widths, profile, model (and its version when it is installed under its own
        name), brightline's version and the content of its data folder. The password and batch size
        change nothing written.
        """
        key = hashlib.sha256(self.pseudonym_key).hexdigest() if self.pseudonym_key else None
        shaping = self.model_dump(mode="json", exclude={"pseudonym_key", "password", "batch_size", "policy"})
        parts = {**shaping, "policy": self.policies.model_dump(mode="json"), "key": key,
                 "model_version": _installed_version(self.model), "brightline": _brightline_version(),
                 "data": _data_digest()}
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _installed_version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None  # a model given by path: its name stands for it


def _brightline_version() -> str:
    from . import __version__

    return __version__


@cache
def _data_digest() -> str:
    """A digest of every file in models/ (vocabularies, patterns, weights, the learned model), read once."""
    root = models_dir()
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
