"""Redaction of text (PDF redaction builds on it later)."""

from ..detect.repeats import cover_repeats
from .operators import make_operator
from .text import redact_text, surviving_values

__all__ = ["cover_repeats", "make_operator", "redact_text", "surviving_values"]
