"""Building the spaCy pipeline of one language: the base model plus newsintel's components.

``build_nlp("fr", "fr_core_news_md")`` loads the base pipeline (any installed spaCy package
or a path), puts ``newsintel_sentences`` before its parser and appends ``newsintel_lemmas``, ``newsintel_regions``, ``newsintel_entities``, ``newsintel_events``,
``newsintel_event_verifier`` and ``newsintel_sentiment``. The result is an ordinary ``Language`` object: ``nlp.pipe``
runs everything, and ``doc._.ni_entities`` / ``ni_events`` / ``ni_sentiment`` hold records.
"""
from __future__ import annotations

from typing import Optional

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (importing it registers the factories and extensions)

NEWSINTEL_COMPONENTS = ("newsintel_lemmas", "newsintel_regions", "newsintel_entities", "newsintel_events", "newsintel_event_verifier",
                        "newsintel_sentiment")
REQUIRED_BASE = ("parser", "ner")


class ModelNotFound(RuntimeError):
    """The spaCy model configured for a language is not installed."""


def build_nlp(lang: str, model: str, *, max_length: int = 1_000_000, sentiment: Optional[dict] = None,
              aliases: Optional[str] = None, verify_events: bool = True) -> Language:
    """The full newsintel pipeline for ``lang`` on top of the spaCy model ``model``.

    ``sentiment`` configures ``newsintel_sentiment`` (``backend``, ``model``, ``device``,
    ``label_map``); ``aliases`` is a user alias file for ``newsintel_entities``;
    ``verify_events=False`` leaves out ``newsintel_event_verifier`` (every candidate event kept)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {model!r} for language {lang!r} is not installed. Install it with pip "
            f"(for example `pip install {model.replace('_', '-')}`) or choose another model in the "
            f"configuration: Pipeline(config={{'models': {{'{lang}': '<model>'}}}})"
        ) from exc
    if nlp.lang != lang:
        raise ValueError(f"model {model!r} is a {nlp.lang!r} pipeline, configured for {lang!r}")
    missing = [p for p in REQUIRED_BASE if not nlp.has_pipe(p) and not any(p in n for n in nlp.pipe_names)]
    if missing:
        raise ValueError(f"model {model!r} lacks the {', '.join(missing)} component(s) newsintel needs")
    nlp.max_length = max(nlp.max_length, max_length + 1)
    parser = "parser" if nlp.has_pipe("parser") else next((n for n in nlp.pipe_names if "parser" in n), None)
    if parser is not None:
        nlp.add_pipe("newsintel_sentences", before=parser)  # sentence starts the parser must not invent
    for name in NEWSINTEL_COMPONENTS:
        if name == "newsintel_event_verifier" and not verify_events:
            continue
        config = {}
        if name == "newsintel_sentiment":
            config = {k: v for k, v in (sentiment or {}).items() if v is not None}
        elif name == "newsintel_entities" and aliases:
            config = {"aliases": str(aliases)}
        elif name == "newsintel_events":
            config = {"broad": verify_events}  # the verifier judges the triggers whose conditions fail
        nlp.add_pipe(name, config=config)
    return nlp
