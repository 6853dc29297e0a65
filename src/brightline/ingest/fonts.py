"""Fonts whose extracted text need not be what their glyphs draw.

A Type3 font's glyphs are drawings of any shape, and the text an extractor reads for them comes from
a ToUnicode map or glyph names the file's author chose: "Tuvefou" may draw "Student". Characters in
such a font do not explain their ink, so that ink is read by OCR as a picture's is (reading.py).
"""

from __future__ import annotations

from typing import Any

import pdfplumber
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral

_DEPTH = 4  # forms within forms, as deep as a page's resources are followed
_UNNAMED = "unknown"  # the name pdfminer gives a font whose descriptor names none


def drawn_fonts(page: pdfplumber.page.Page) -> frozenset[str]:
    """The names pdfplumber's characters carry for the Type3 fonts a page, or a form on it, uses."""
    names: set[str] = set()
    _collect(resolve1(page.page_obj.resources), names, 0, set())
    return frozenset(names)


def _collect(resources: Any, names: set[str], depth: int, seen: set[int]) -> None:
    if not isinstance(resources, dict) or depth > _DEPTH or id(resources) in seen:
        return
    seen.add(id(resources))
    fonts = resolve1(resources.get("Font"))
    for spec in (fonts.values() if isinstance(fonts, dict) else []):
        spec = resolve1(spec)
        if isinstance(spec, dict) and _name(spec.get("Subtype")) == "Type3":
            descriptor = resolve1(spec.get("FontDescriptor"))
            named = _name(descriptor.get("FontName")) if isinstance(descriptor, dict) else None
            names.add(named or _UNNAMED)
    forms = resolve1(resources.get("XObject"))
    for form in (forms.values() if isinstance(forms, dict) else []):
        form = resolve1(form)
        if isinstance(form, PDFStream):
            _collect(resolve1(form.attrs.get("Resources")), names, depth + 1, seen)


def _name(value: Any) -> str | None:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        return str(value.name)
    return value if isinstance(value, str) else None
