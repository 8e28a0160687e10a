"""Tidy pandas tables from records: one row per observation, joined by ``article_id``.

``articles`` (one row per input document, errors included), ``entities`` (one row per entity
per article), ``mentions`` (one row per mention), ``events`` (one row per event, one column per
argument), ``sentences`` (one row per sentence with its tone) and ``errors`` (one row per
document that could not be analysed). Entity ids are stable across articles, so
``entities.groupby("entity_id")`` aggregates a company over a whole folder.
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from .records import ArticleRecord

ARTICLE_COLUMNS = {
    "article_id": "string", "doc_id": "string", "source": "string", "title": "string",
    "published": "datetime64[ns, UTC]", "language": "string", "language_confidence": "Float64",
    "status": "string", "error": "string", "char_count": "Int64", "word_count": "Int64",
    "n_entities": "Int64", "n_events": "Int64", "sentiment_label": "string", "sentiment_score": "Float64",
}
ENTITY_COLUMNS = {
    "article_id": "string", "entity_id": "string", "type": "string", "canonical": "string",
    "kind": "string", "code": "string", "country": "string", "subdivision": "string",
    "role": "string", "role_text": "string", "organization_id": "string", "organization": "string",
    "owner_id": "string", "owner": "string", "parent_id": "string", "parent": "string",
    "source_role": "string", "mention_count": "Int64", "salience": "Float64",
    "sentiment_label": "string", "sentiment_score": "Float64",
    "language": "string", "published": "datetime64[ns, UTC]",
}
MENTION_COLUMNS = {
    "article_id": "string", "entity_id": "string", "type": "string", "text": "string",
    "start": "Int64", "end": "Int64", "sentence": "Int64", "source": "string",
}
EVENT_COLUMNS = {
    "article_id": "string", "event_id": "string", "type": "string",
    "actor_id": "string", "actor": "string", "target_id": "string", "target": "string",
    "person_id": "string", "person": "string", "role": "string", "product_id": "string", "product": "string",
    "locations": "string", "location_codes": "string", "origin": "string", "destination": "string",
    "countries": "string",
    "quantity_value": "Float64", "quantity_unit": "string", "quantity_currency": "string",
    "quantity_direction": "string", "quantity_measure": "string", "quantity_text": "string",
    "time_text": "string", "time_value": "string", "modality": "string", "tense": "string",
    "confidence": "Float64", "polarity": "Float64", "trigger": "string", "trigger_start": "Int64",
    "trigger_end": "Int64", "sentence": "Int64", "evidence": "string", "evidence_start": "Int64",
    "evidence_end": "Int64", "language": "string", "published": "datetime64[ns, UTC]",
}
SENTENCE_COLUMNS = {
    "article_id": "string", "sentence": "Int64", "start": "Int64", "end": "Int64",
    "label": "string", "score": "Float64", "language": "string",
}
ERROR_COLUMNS = {
    "article_id": "string", "doc_id": "string", "source": "string", "status": "string", "error": "string",
}
LIST_SEPARATOR = "; "


def _frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(columns))
    for col, dtype in columns.items():
        if dtype.startswith("datetime"):
            df[col] = pd.to_datetime(df[col], errors="coerce", utc=True, format="mixed")
        else:
            df[col] = df[col].astype(dtype)
    return df


def articles_table(records: Iterable[ArticleRecord]) -> pd.DataFrame:
    rows = [{
        "article_id": r.article_id, "doc_id": r.doc_id, "source": r.source, "title": r.title,
        "published": r.published, "language": r.language, "language_confidence": r.language_confidence,
        "status": r.status, "error": r.error, "char_count": r.char_count, "word_count": r.word_count,
        "n_entities": len(r.entities), "n_events": len(r.events),
        "sentiment_label": r.sentiment.label if r.sentiment else None,
        "sentiment_score": r.sentiment.score if r.sentiment else None,
    } for r in records]
    return _frame(rows, ARTICLE_COLUMNS)


def entities_table(records: Iterable[ArticleRecord]) -> pd.DataFrame:
    rows = []
    for r in records:
        names = {e.entity_id: e.canonical for e in r.entities}
        for e in r.entities:
            rows.append({
                "article_id": r.article_id, "entity_id": e.entity_id, "type": e.type, "canonical": e.canonical,
                "kind": e.kind, "code": e.code, "country": e.country, "subdivision": e.subdivision,
                "role": e.role, "role_text": e.role_text,
                "organization_id": e.organization, "organization": names.get(e.organization),
                "owner_id": e.owner, "owner": names.get(e.owner), "parent_id": e.parent, "parent": names.get(e.parent),
                "source_role": e.source_role, "mention_count": len(e.mentions), "salience": e.salience,
                "sentiment_label": e.sentiment_label, "sentiment_score": e.sentiment_score,
                "language": r.language, "published": r.published,
            })
    return _frame(rows, ENTITY_COLUMNS)


def mentions_table(records: Iterable[ArticleRecord]) -> pd.DataFrame:
    rows = [{
        "article_id": r.article_id, "entity_id": e.entity_id, "type": e.type, "text": m.text,
        "start": m.start, "end": m.end, "sentence": m.sentence, "source": m.source,
    } for r in records for e in r.entities for m in e.mentions]
    return _frame(rows, MENTION_COLUMNS)


def events_table(records: Iterable[ArticleRecord]) -> pd.DataFrame:
    rows = []
    for r in records:
        by_id = {e.entity_id: e for e in r.entities}

        def name(eid):
            return by_id[eid].canonical if eid in by_id else None

        def names(ids):
            return LIST_SEPARATOR.join(name(i) or i for i in ids) or None

        for ev in r.events:
            q, t = ev.quantity, ev.time
            places = ev.locations + ev.origin + ev.destination
            rows.append({
                "article_id": r.article_id, "event_id": ev.event_id, "type": ev.type,
                "actor_id": ev.actor, "actor": name(ev.actor), "target_id": ev.target, "target": name(ev.target),
                "person_id": ev.person, "person": name(ev.person), "role": ev.role,
                "product_id": ev.product, "product": name(ev.product),
                "locations": names(ev.locations),
                "location_codes": LIST_SEPARATOR.join(by_id[i].code for i in places if i in by_id and by_id[i].code) or None,
                "origin": names(ev.origin), "destination": names(ev.destination),
                "countries": LIST_SEPARATOR.join(ev.countries) or None,
                "quantity_value": q.value if q else None, "quantity_unit": q.unit if q else None,
                "quantity_currency": q.currency if q else None, "quantity_direction": q.direction if q else None,
                "quantity_measure": q.measure if q else None, "quantity_text": q.text if q else None,
                "time_text": t.text if t else None, "time_value": t.value if t else None,
                "modality": ev.modality, "tense": ev.tense, "confidence": ev.confidence, "polarity": ev.polarity,
                "trigger": ev.trigger.text, "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
                "sentence": ev.sentence, "evidence": ev.evidence.text,
                "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
                "language": r.language, "published": r.published,
            })
    return _frame(rows, EVENT_COLUMNS)


def sentences_table(records: Iterable[ArticleRecord]) -> pd.DataFrame:
    rows = [{
        "article_id": r.article_id, "sentence": n, "start": s.start, "end": s.end,
        "label": s.label, "score": s.score, "language": r.language,
    } for r in records if r.sentiment for n, s in enumerate(r.sentiment.sentences)]
    return _frame(rows, SENTENCE_COLUMNS)


def errors_table(records: Iterable[ArticleRecord]) -> pd.DataFrame:
    rows = [{
        "article_id": r.article_id, "doc_id": r.doc_id, "source": r.source, "status": r.status, "error": r.error,
    } for r in records if r.status != "ok"]
    return _frame(rows, ERROR_COLUMNS)


TABLES = {
    "articles": articles_table,
    "entities": entities_table,
    "mentions": mentions_table,
    "events": events_table,
    "sentences": sentences_table,
    "errors": errors_table,
}
