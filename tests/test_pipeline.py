"""The Pipeline: statuses, language handling, batching, ordering and failure isolation."""
from __future__ import annotations

import pytest

from newsintel import Article, Pipeline
from newsintel.schema import schema_errors

FR = "Le groupe italien Navalis va transférer 180 ingénieurs de Milan à Lisbonne d'ici à la fin de 2025, a annoncé son directeur général, Luca Rossi."
EN = "Orbis Analytics will move 250 engineers from Dublin to Warsaw over the next twelve months, its chief technology officer Daniel Okafor said."
DE = "Die Firma Navalis verlagert ihre Ingenieure von Mailand nach Lissabon, teilte das Unternehmen am Dienstag in einer Erklärung mit."


def test_analyze_french(pipeline):
    rec = pipeline.analyze(FR, published="2025-03-01", title="Navalis part à Lisbonne", doc_id="fr1")
    assert rec.status == "ok" and rec.language == "fr" and rec.language_confidence > 0.9
    assert rec.doc_id == "fr1" and rec.title == "Navalis part à Lisbonne"
    names = {(e.type, e.canonical) for e in rec.entities}
    assert ("company", "Navalis") in names
    assert {("region", "Milan"), ("region", "Lisbonne")} <= names
    rossi = next(e for e in rec.entities if e.canonical == "Luca Rossi")
    assert (rossi.type, rossi.role) == ("executive", "ceo")
    assert rec.entity(rossi.organization).canonical == "Navalis"
    (ev,) = rec.events_of("relocation")
    assert rec.entity(ev.actor).canonical == "Navalis"
    assert [rec.entity(x).canonical for x in ev.origin] == ["Milan"]
    assert [rec.entity(x).canonical for x in ev.destination] == ["Lisbonne"]
    assert set(ev.countries) == {"IT", "PT"}
    assert ev.modality == "planned" and ev.tense == "future"
    assert ev.quantity.value == 180 and ev.time.value.startswith("2025")
    assert rec.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text == "transférer"
    assert schema_errors(rec.to_dict()) == []


def test_analyze_english(pipeline):
    rec = pipeline.analyze(EN)
    assert rec.status == "ok" and rec.language == "en"
    (ev,) = rec.events_of("relocation")
    assert rec.entity(ev.actor).canonical == "Orbis Analytics"
    assert set(ev.countries) == {"IE", "PL"}
    okafor = next(e for e in rec.entities if e.canonical == "Daniel Okafor")
    assert okafor.role == "cto"


def test_mentions_index_the_record_text(pipeline):
    rec = pipeline.analyze(FR)
    for ent in rec.entities:
        for m in ent.mentions:
            assert rec.text[m.start:m.end] == m.text


def test_unsupported_language_is_never_analysed_as_english(pipeline):
    rec = pipeline.analyze(DE)
    assert rec.status == "unsupported_language"
    assert rec.language == "de"
    assert "supported: fr, en" in rec.error
    assert rec.entities == [] and rec.events == []


def test_language_override(pipeline):
    rec = pipeline.analyze("Navalis ferme.", lang="fr")
    assert rec.language == "fr" and rec.language_confidence == 1.0


@pytest.mark.parametrize("text,status", [("", "empty"), ("   \n\t ", "empty"), ("12345 67", "unsupported_language")])
def test_degenerate_texts(pipeline, text, status):
    rec = pipeline.analyze(text)
    assert rec.status == status and rec.error


def test_too_long_text_is_an_error_record():
    small = Pipeline(config={"max_chars": 1000})
    rec = small.analyze("Navalis ferme son usine de Douai. " * 100)
    assert rec.status == "error" and "above the 1,000 limit" in rec.error


def test_pipe_keeps_input_order_across_languages(pipeline):
    items = [FR, EN, "", DE, Article(text=EN, doc_id="x"), {"text": FR, "doc_id": "y"}]
    records = list(pipeline.pipe(items, batch_size=2))
    assert [r.status for r in records] == ["ok", "ok", "empty", "unsupported_language", "ok", "ok"]
    assert [r.language for r in records] == ["fr", "en", None, "de", "en", "fr"]
    assert records[4].doc_id == "x" and records[5].doc_id == "y"
    assert records[0].to_dict()["entities"] == records[5].to_dict()["entities"]


def test_models_load_once_and_lazily():
    p = Pipeline()
    assert p.loaded_languages == ()
    p.analyze(EN)
    assert p.loaded_languages == ("en",)
    nlp = p.nlp("en")
    p.analyze(EN)
    assert p.nlp("en") is nlp


def test_batch_uses_nlp_pipe_not_per_document_calls(pipeline, monkeypatch):
    nlp = pipeline.nlp("en")
    calls = {"pipe": 0, "call": 0}
    original_pipe = type(nlp).pipe

    def counting_pipe(self, *a, **k):
        calls["pipe"] += 1
        return original_pipe(self, *a, **k)

    def counting_call(self, *a, **k):
        calls["call"] += 1
        raise AssertionError("nlp() called per document")

    monkeypatch.setattr(type(nlp), "pipe", counting_pipe)
    monkeypatch.setattr(type(nlp), "__call__", counting_call)
    records = list(pipeline.pipe([EN] * 10, batch_size=4))
    assert all(r.status == "ok" for r in records)
    assert calls == {"pipe": 1, "call": 0}


def test_a_failing_document_does_not_sink_its_batch(pipeline, monkeypatch):
    events = pipeline.nlp("en").get_pipe("newsintel_events")
    original = type(events).__call__

    def fragile(self, doc):
        if "Kaboom" in doc.text:
            raise RuntimeError("component exploded")
        return original(self, doc)

    monkeypatch.setattr(type(events), "__call__", fragile)
    records = list(pipeline.pipe([EN, "Kaboom Industries will move 20 engineers from Leeds to York, it said on Monday.", EN]))
    assert [r.status for r in records] == ["ok", "error", "ok"]
    assert "component exploded" in records[1].error


def test_missing_model_gives_error_records_not_a_crash():
    p = Pipeline(config={"models": {"en": "en_core_web_does_not_exist"}})
    records = list(p.pipe([EN, FR]))
    assert records[0].status == "error" and "not installed" in records[0].error
    assert records[1].status == "ok"


def _coarse(value):
    """Floats to 2 decimals: batched sentence embeddings differ by about 1e-7 with the other
    sentences of their batch, which can move a score's fourth decimal."""
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, dict):
        return {k: _coarse(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_coarse(v) for v in value]
    return value


@pytest.mark.slow
def test_parallel_pipe_matches_serial(pipeline):
    items = [FR, EN, DE, ""] * 3
    serial = [_coarse(r.to_dict()) for r in pipeline.pipe(items)]
    parallel = [_coarse(r.to_dict()) for r in pipeline.pipe(items, n_process=2, batch_size=2)]
    assert parallel == serial
