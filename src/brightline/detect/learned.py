"""brightline's learned name detector: a spaCy NER trained on generated documents (training/).

It runs beside the stock pipeline's NER, on its own copy of each text, so neither model's reading
constrains the other's (the stock NER often calls a name it has not seen an ORG or a GPE, and a
shared Doc would keep the learned model from correcting it). Its spans are left on the stock Doc,
in `doc.user_data`, for the LearnedNameRecognizer to report.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import MissingModelError
from ..resources import models_dir

MODEL_DIR = Path("ner") / "names.v1"
SPANS_KEY = "brightline_learned_names"
LABEL = "PERSON"


@cache
def load_learned_names(root: Path | None = None) -> Language:
    """The learned NER shipped in models/ner; never downloaded, never replaced by a default."""
    path = models_dir(root) / MODEL_DIR
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError) as exc:
        raise MissingModelError(f"learned name model {MODEL_DIR} cannot be loaded: {type(exc).__name__}.") from None
    if nlp.pipe_names != ["ner"] or LABEL not in nlp.get_pipe("ner").labels:
        raise MissingModelError(f"learned name model {MODEL_DIR} is not a {LABEL} recognizer.")
    return nlp


def annotate(nlp: Language, docs: Sequence[Doc]) -> None:
    """Put the learned model's (start, end) character spans of names on each stock Doc."""
    for doc, learned in zip(docs, nlp.pipe((d.text for d in docs), batch_size=len(docs) or 1), strict=True):
        doc.user_data[SPANS_KEY] = [(e.start_char, e.end_char) for e in learned.ents if e.label_ == LABEL]


def learned_spans(doc: Doc) -> list[tuple[int, int]]:
    """The spans `annotate` left on a Doc (none when the learned model is switched off)."""
    return list(doc.user_data.get(SPANS_KEY, []))
