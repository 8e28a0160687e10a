"""Typed records: what newsintel hands back for each article.

``Article`` is what goes in (text plus metadata, or the reason it could not be read);
``ArticleRecord`` and the classes it holds are what comes out. Every record converts to
plain JSON-ready dicts with ``to_dict`` and back with ``from_dict``, and the JSON Schema in
``newsintel/data/article_record.schema.json`` describes exactly that dict form.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Optional

from .taxonomy import ENTITY_TYPES, EVENT_TYPES, MODALITIES, QUANTITY_DIRECTIONS, REGION_KINDS, TENSES

SCHEMA_VERSION = "1.0"

STATUSES = ("ok", "empty", "unsupported_language", "error")


def enum(*values: str) -> dict:
    """Field metadata naming the values a string field may take (used by the JSON Schema)."""
    return {"enum": values}


class _Record:
    """Dict conversion shared by every record class."""

    def to_dict(self) -> dict:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict):
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_load(item, v) for v in value]
    if origin is dict:
        _, item = typing.get_args(hint)
        return {k: _load(item, v) for k, v in value.items()}
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint.from_dict(value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value


@dataclass
class Article(_Record):
    """One input document: its text and what is known about it.

    A reader that fails to read a file still yields an ``Article`` with ``error`` set, so that
    the document gets a record saying why instead of disappearing from the batch.
    """

    text: str = ""
    title: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    doc_id: Optional[str] = None
    lang: Optional[str] = None
    error: Optional[str] = None
    encoding: Optional[str] = None


@dataclass
class Span(_Record):
    """A stretch of the record's text, by character offsets (``text[start:end]``)."""

    start: int
    end: int
    text: str


@dataclass
class Mention(_Record):
    """One occurrence of an entity in the text."""

    start: int
    end: int
    text: str
    sentence: int = 0
    source: str = field(default="ner", metadata=enum("ner", "gazetteer", "rule", "alias", "title"))


@dataclass
class Entity(_Record):
    """An entity of one article: its mentions grouped, typed and normalized.

    ``entity_id`` depends only on the type and the normalized canonical name, so the same
    company gets the same id in every article. Region fields (``code``, ``subdivision``,
    ``kind``, ``country``) are set for regions; ``role``, ``role_text`` and ``organization``
    for executives; ``owner`` for products and ``parent`` for subsidiaries (both entity ids);
    ``identifiers`` carries what the user's alias file gives (ticker, LEI...).
    """

    entity_id: str
    type: str = field(metadata=enum(*ENTITY_TYPES))
    canonical: str
    mentions: list[Mention] = field(default_factory=list)
    salience: float = 0.0
    kind: Optional[str] = field(default=None, metadata=enum(*REGION_KINDS))
    code: Optional[str] = None
    country: Optional[str] = None
    subdivision: Optional[str] = None
    role: Optional[str] = None
    role_text: Optional[str] = None
    organization: Optional[str] = None
    owner: Optional[str] = None
    parent: Optional[str] = None
    source_role: Optional[str] = None
    identifiers: dict[str, str] = field(default_factory=dict)
    sentiment_label: Optional[str] = None
    sentiment_score: Optional[float] = None
    sentiment_sentences: list[int] = field(default_factory=list)

    @property
    def mention_count(self) -> int:
        return len(self.mentions)


@dataclass
class Quantity(_Record):
    """A figure attached to an event: 12 %, 4.2 billion euros, 300 jobs."""

    value: float
    unit: str = "other"
    text: str = ""
    currency: Optional[str] = None
    direction: str = field(default="none", metadata=enum(*QUANTITY_DIRECTIONS))
    measure: Optional[str] = None


@dataclass
class TimeExpression(_Record):
    """When an event happens: the words of the text and, when resolvable, an ISO value."""

    text: str
    value: Optional[str] = None


@dataclass
class Event(_Record):
    """A strategic move reported by the article, with its arguments as entity ids."""

    event_id: str
    type: str = field(metadata=enum(*EVENT_TYPES))
    trigger: Span
    evidence: Span
    sentence: int = 0
    actor: Optional[str] = None
    target: Optional[str] = None
    person: Optional[str] = None
    role: Optional[str] = None
    product: Optional[str] = None
    locations: list[str] = field(default_factory=list)
    origin: list[str] = field(default_factory=list)
    destination: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    quantity: Optional[Quantity] = None
    time: Optional[TimeExpression] = None
    modality: str = field(default="asserted", metadata=enum(*MODALITIES))
    tense: str = field(default="past", metadata=enum(*TENSES))
    confidence: float = 0.5
    polarity: Optional[float] = None


@dataclass
class SentenceSentiment(_Record):
    """The tone of one sentence."""

    start: int
    end: int
    label: str = field(metadata=enum("positive", "negative", "neutral"))
    score: float = 0.0


@dataclass
class Sentiment(_Record):
    """The tone of the article, with one entry per sentence."""

    label: str = field(default="neutral", metadata=enum("positive", "negative", "neutral", "mixed"))
    score: float = 0.0
    sentences: list[SentenceSentiment] = field(default_factory=list)


@dataclass
class ArticleRecord(_Record):
    """Everything newsintel extracted from one article.

    ``status`` tells whether the analysis ran (``ok``) or why it did not (``empty``,
    ``unsupported_language``, ``error``, with ``error`` saying what went wrong). Offsets of
    mentions, triggers and sentences index into ``text``.
    """

    article_id: str
    doc_id: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    language: Optional[str] = None
    language_confidence: Optional[float] = None
    char_count: int = 0
    word_count: int = 0
    status: str = field(default="ok", metadata=enum(*STATUSES))
    error: Optional[str] = None
    text: str = ""
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentiment: Optional[Sentiment] = None
    schema_version: str = SCHEMA_VERSION

    def entity(self, entity_id: str) -> Optional[Entity]:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.entity_id == entity_id), None)

    def entities_of(self, type_: str) -> list[Entity]:
        return [e for e in self.entities if e.type == type_]

    def events_of(self, type_: str) -> list[Event]:
        return [e for e in self.events if e.type == type_]


_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC, unified apostrophes and collapsed white space: what the article id is computed on."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip()


def article_id_for(text: str, fallback: str = "") -> str:
    """Stable id of an article: a hash of its normalized text (of ``fallback`` when empty)."""
    basis = normalize_text(text) or f"no-text:{fallback}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def entity_id_for(type_: str, canonical: str) -> str:
    """Stable id of an entity across articles, from its type and normalized canonical name."""
    key = unicodedata.normalize("NFKD", canonical.casefold())
    key = "".join(c for c in key if not unicodedata.combining(c))
    key = re.sub(r"[^\w]+", " ", key).strip()
    return f"{type_[:3]}-{hashlib.sha1(f'{type_}:{key}'.encode('utf-8')).hexdigest()[:10]}"


RECORD_CLASSES = (Article, Span, Mention, Entity, Quantity, TimeExpression, Event, SentenceSentiment, Sentiment, ArticleRecord)
