"""Typed settings: what the CLI builds and the library accepts."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from .detect.nlp import DEFAULT_MODEL
from .types import PII_LABELS, SENSITIVE_LABELS, Label


class RedactionStyle(StrEnum):
    """How a redacted span is written in a text copy."""

    PLACEHOLDER = "placeholder"  # [PERSON 1], numbered consistently within the document
    BLOCK = "block"  # █████, as long as the span
    FIXED = "fixed"  # [REDACTED]
    PSEUDONYM = "pseudonym"  # [PERSON 7f3a9c], keyed HMAC: stable across documents for one key


DEFAULT_REDACTED: frozenset[Label] = PII_LABELS | SENSITIVE_LABELS


class Settings(BaseModel):
    """Everything a screening or redaction run needs to know."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = DEFAULT_MODEL
    style: RedactionStyle = RedactionStyle.PLACEHOLDER
    # the office's key for pseudonyms; never logged, never written out
    pseudonym_key: bytes | None = Field(default=None, repr=False)
    redact_labels: frozenset[Label] = DEFAULT_REDACTED
    max_bytes: int = Field(default=2_000_000, ge=1)
    password: str | None = Field(default=None, repr=False)  # for encrypted PDFs; never logged
    dpi: int = Field(default=200, ge=72, le=600)
    batch_size: int = Field(default=16, ge=1, le=1024)
