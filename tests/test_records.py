"""Records: dict round-trips, stable ids, and the shipped JSON Schema."""
from __future__ import annotations

import json

from newsintel.records import (
    ArticleRecord, Entity, Event, Mention, Quantity, SentenceSentiment, Sentiment, Span, TimeExpression,
    article_id_for, entity_id_for,
)
from newsintel.schema import build_schema, load_schema, schema_errors


def make_record() -> ArticleRecord:
    text = "Navalis transfère 180 ingénieurs de Milan à Lisbonne."
    return ArticleRecord(
        article_id=article_id_for(text), doc_id="a.txt", title="T", published="2025-05-14", language="fr",
        language_confidence=0.99, char_count=len(text), word_count=8, text=text,
        entities=[
            Entity(entity_id=entity_id_for("company", "Navalis"), type="company", canonical="Navalis",
                   mentions=[Mention(0, 7, "Navalis", 0, "ner")], salience=1.0),
            Entity(entity_id="reg-IT:Milan", type="region", canonical="Milan", kind="city", code="IT", country="IT",
                   mentions=[Mention(36, 41, "Milan", 0, "gazetteer")]),
        ],
        events=[Event(
            event_id="ev1", type="relocation", trigger=Span(8, 17, "transfère"), evidence=Span(0, len(text), text),
            actor=entity_id_for("company", "Navalis"), origin=["reg-IT:Milan"], countries=["IT", "PT"],
            quantity=Quantity(180.0, "people", "180 ingénieurs", measure="headcount"),
            time=TimeExpression("d'ici 2025", "2025"), modality="planned", tense="future", confidence=0.8,
        )],
        sentiment=Sentiment("neutral", 0.0, [SentenceSentiment(0, len(text), "neutral", 0.0)]),
    )


def test_round_trip_through_json():
    record = make_record()
    data = json.loads(json.dumps(record.to_dict()))
    again = ArticleRecord.from_dict(data)
    assert again == record
    assert isinstance(again.events[0].quantity, Quantity)
    assert again.events[0].trigger.text == "transfère"


def test_record_validates_against_shipped_schema():
    assert schema_errors(make_record().to_dict()) == []


def test_schema_rejects_bad_labels_and_missing_fields():
    data = make_record().to_dict()
    data["events"][0]["modality"] = "certain"
    data["entities"][0]["type"] = "brand"
    del data["article_id"]
    errors = "\n".join(schema_errors(data))
    assert "certain" in errors and "brand" in errors and "article_id" in errors


def test_shipped_schema_matches_the_dataclasses():
    assert load_schema() == build_schema(), "run `python -m newsintel.schema` to regenerate the shipped schema"


def test_ids_are_stable_and_normalized():
    assert article_id_for("Navalis  quitte\u00a0Milan.") == article_id_for("Navalis quitte Milan.")
    assert article_id_for("l’usine") == article_id_for("l'usine")
    assert article_id_for("A") != article_id_for("B")
    assert entity_id_for("company", "Société Générale") == entity_id_for("company", "societe generale")
    assert entity_id_for("company", "Navalis") != entity_id_for("product", "Navalis")
    assert len(article_id_for("x")) == 16
