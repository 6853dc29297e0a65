"""Cells under a table column headed as student PII, and an export's fields so named (models/structure/columns.v8.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ...errors import MissingModelError
from ...resources import load_data
from ...types import PII_LABELS, Label
from ..tables import read_columns, read_fields, read_form_fields
from ..vocab import expand_macros, joined_macros
from .explained import explained_result

COLUMNS_FILE = "structure/columns.v8.yaml"
# above the form patterns: a cell under a Name heading is a name, however its words read ("PAW, EH KU")
SCORE = 0.9
_NAME_PART = regex.compile(r"[^\d(\[/@#;\"“]+")
_NUMBER = regex.compile(r"(?<![\w-])\d{4,12}(?![\w-])")
# a form field's value that speaks of students at large is a notice's rule, not one student's detail
# ("Medications: any student who needs one must ...")
_POPULATION = regex.compile(r"\b(?:(?:any|all|every|each)\s+(?:students?|child(?:ren)?|pupils?)|students)\b", regex.I)
# a heading in two languages, its halves either side of a spaced slash
_BILINGUAL = regex.compile(r"[^/\n]+\s/\s[^/\n]+")
_BRACKETED_NAME = regex.compile(r"\([ \t]*(\p{L}[\p{L}\p{M}'’\- ]{0,40}?)[ \t]*\)")


class ColumnModel(BaseModel):
    """A kind of column: its label and the headings that name it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: Label
    headings: list[str] = Field(min_length=1)
    note: str | None = None
    # the id of a kind of column that must stand in the same table ("assessment" beside "complaint")
    beside: str | None = None
    # a form's field so labelled holds it too ("Diagnosis: ..."); other kinds' form fields are read by
    # their own recognizers, which know an e-mail's "Subject:" from a report's
    in_forms: bool = False


class ColumnsModel(BaseModel):
    """models/structure/columns.v8.yaml."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: int = Field(ge=1)
    # fragments used in headings as {name}, as in the rule files (a list is one alternative per line)
    macros: dict[str, str] = Field(default_factory=dict)
    columns: list[ColumnModel] = Field(min_length=1)
    blanks: list[str]

    _macro_alternatives = field_validator("macros", mode="before")(joined_macros)


@dataclass(frozen=True)
class _Column:
    id: str
    label: Label
    heading: regex.Pattern[str]
    beside: str | None
    in_forms: bool


@cache
def _load() -> tuple[tuple[_Column, ...], regex.Pattern[str], str]:
    model = load_data(COLUMNS_FILE, ColumnsModel)
    try:
        columns = tuple(
            _Column(c.id, c.label, regex.compile(
                r"^\W*(?:" + "|".join(expand_macros(h, model.macros) for h in c.headings) + r")\W*$",
                regex.IGNORECASE), c.beside, c.in_forms)
            for c in model.columns
        )
        blank = regex.compile(r"(?:" + "|".join(model.blanks) + r")", regex.IGNORECASE)
    except (regex.error, ValueError) as exc:
        raise MissingModelError(f"data file {COLUMNS_FILE} has an invalid pattern: {exc}") from None
    if any(c.label not in PII_LABELS for c in columns):
        raise MissingModelError(f"data file {COLUMNS_FILE}: a column's label is not a PII label.")
    if not {c.beside for c in columns} - {None} <= {c.id for c in columns}:
        raise MissingModelError(f"data file {COLUMNS_FILE}: a column stands beside a kind it does not define.")
    return columns, blank, f"{model.name}.v{model.version}"


class TableColumnRecognizer(EntityRecognizer):
    """Every non-blank cell under a column headed Name, DOB, SASID, Phone... is that PII, whatever its shape."""

    def __init__(self) -> None:
        self.columns, self.blank, self.ref = _load()
        super().__init__(
            supported_entities=sorted({str(c.label) for c in self.columns}),
            supported_language="en",
            name=self.__class__.__name__,
        )

    def load(self) -> None:
        """Nothing to load: the columns are compiled in the constructor."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per cell of every PII column, and per value of every PII field."""
        results = []
        found = [(column, self._kind(column.heading)) for column in [*read_columns(text), *read_fields(text)]]
        in_table = {(column.table, kind.id) for column, kind in found if kind is not None and column.table >= 0}
        found += [(field, kind) for field in read_form_fields(text)
                  if (kind := self._kind(field.heading, in_forms=True)) is not None
                  and not any(_POPULATION.search(text, *cell) for cell in field.cells)]
        for column, kind in found:
            if kind is None or (kind.beside is not None and (column.table, kind.beside) not in in_table):
                continue
            for start, end in column.cells:
                if self.blank.fullmatch(text, start, end):
                    continue
                if kind.label is not Label.PERSON:
                    results.append(self._result(kind, start, end))
                    continue
                # a name cell may go on with the student's number or an alias: "Lia Moreau (700123)"
                name = _NAME_PART.match(text, start, end)
                if name is not None and name.group().strip():
                    results.append(self._result(kind, start, start + len(name.group().rstrip(" ,;-"))))
                # a bracket of letters is the name again, often in the family's script: "Ana Ruiz (Anita)"
                results += [self._result(kind, *m.span(1)) for m in _BRACKETED_NAME.finditer(text, start, end)]
                results += [self._result(kind, *m.span(), Label.STUDENT_ID) for m in _NUMBER.finditer(text, start, end)]
        return results

    def _kind(self, heading: str, in_forms: bool = False) -> _Column | None:
        """The first kind of column the heading names; of a form's field, only a kind read in forms.

        A heading in two languages ("Naissance / DOB", "Nom / Name") names the kind one of its halves
        does, when no half names another.
        """
        kind = self._named(heading, in_forms)
        if kind is not None or _BILINGUAL.fullmatch(heading) is None:
            return kind
        kinds = {k.id: k for k in (self._named(half, in_forms) for half in heading.split("/")) if k is not None}
        return next(iter(kinds.values())) if len(kinds) == 1 else None

    def _named(self, heading: str, in_forms: bool) -> _Column | None:
        return next((c for c in self.columns if (c.in_forms or not in_forms) and c.heading.match(heading)), None)

    def _result(self, column: _Column, start: int, end: int, label: Label | None = None) -> RecognizerResult:
        return explained_result(self, str(label or column.label), start, end, SCORE, f"{self.ref}:{column.id}",
                                "a cell under a column of student PII")
