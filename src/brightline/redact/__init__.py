"""Redaction of text (PDF redaction builds on it later)."""

from .operators import make_operator
from .text import cover_repeats, redact_text, surviving_values

__all__ = ["cover_repeats", "make_operator", "redact_text", "surviving_values"]
