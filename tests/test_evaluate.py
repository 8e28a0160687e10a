"""Scoring functions of newsintel evaluate, on hand-made gold and predictions."""
from __future__ import annotations

from newsintel.evaluate import format_report, macro_f1, match_events, prf, score_events, score_mentions, score_sentiment
from newsintel.records import ArticleRecord, Entity, Event, Mention, Quantity, Sentiment, SentenceSentiment, Span

TEXT = "Navalis va transférer 180 ingénieurs de Milan à Lisbonne. Le groupe reste prudent."
GOLD = {
    "id": "t1", "lang": "fr", "split": "test", "text": TEXT,
    "entities": [
        {"id": "nav", "type": "company", "canonical": "Navalis", "mentions": [{"start": 0, "end": 7, "text": "Navalis"}]},
        {"id": "mil", "type": "region", "canonical": "Milan", "kind": "city", "code": "IT", "mentions": [{"start": 40, "end": 45, "text": "Milan"}]},
        {"id": "lis", "type": "region", "canonical": "Lisbonne", "kind": "city", "code": "PT", "mentions": [{"start": 48, "end": 56, "text": "Lisbonne"}]},
    ],
    "executives": [],
    "events": [{
        "type": "relocation", "modality": "planned", "tense": "future",
        "trigger": {"start": 11, "end": 21, "text": "transférer"}, "evidence": {"start": 0, "end": 57},
        "arguments": {"actor": "nav", "origin": ["mil"], "destination": ["lis"], "quantity": {"value": 180, "unit": "people"}},
    }],
    "sentiment": {"document": "neutral", "entities": {"nav": "neutral"},
                  "sentences": [{"start": 58, "end": 82, "label": "neutral"}]},
}


def record(origin_id="reg-mil", unit="people", region_code="IT") -> ArticleRecord:
    ents = [
        Entity("com-nav", "company", "Navalis", [Mention(0, 7, "Navalis")], sentiment_label="neutral"),
        Entity("reg-mil", "region", "Milan", [Mention(40, 45, "Milan")], code=region_code),
        Entity("reg-lis", "region", "Lisbonne", [Mention(48, 56, "Lisbonne")], code="PT"),
    ]
    ev = Event("ev1", "relocation", Span(11, 21, "transférer"), Span(0, 57, TEXT[:57]), actor="com-nav",
               origin=[origin_id], destination=["reg-lis"], quantity=Quantity(180.0, unit), modality="planned", tense="future")
    return ArticleRecord("a", text=TEXT, entities=ents, events=[ev],
                         sentiment=Sentiment("neutral", 0.0, [SentenceSentiment(0, 57, "neutral"), SentenceSentiment(58, 82, "negative", -0.3)]))


def test_prf_and_macro_f1():
    assert prf(2, 4, 2) == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "tp": 2, "pred": 4, "gold": 2}
    m = macro_f1([("positive", "positive"), ("negative", "positive"), ("negative", "negative")])
    assert m["accuracy"] == 0.6667 and m["macro_f1"] == 0.6667


def test_perfect_prediction_scores_one():
    r = record()
    ents = score_mentions([([{**m, "type": e["type"], "entity": e} for e in GOLD["entities"] for m in e["mentions"]],
                            [{"start": m.start, "end": m.end, "type": e.type, "entity": e} for e in r.entities for m in e.mentions])])
    assert ents["exact"]["all"]["f1"] == 1.0 and ents["region_code_accuracy"] == 1.0
    ev = score_events([(GOLD, r)])
    assert ev["type"]["f1"] == 1.0 and ev["all_arguments"]["f1"] == 1.0 and ev["modality_accuracy"] == 1.0


def test_wrong_argument_or_code_is_counted():
    assert score_events([(GOLD, record(origin_id="reg-lis"))])["all_arguments"]["f1"] == 0.0
    assert score_events([(GOLD, record(unit="jobs"))])["argument_accuracy"]["quantity"] == 0.0
    r = record(region_code="FR")
    ents = score_mentions([([{**m, "type": e["type"], "entity": e} for e in GOLD["entities"] for m in e["mentions"]],
                            [{"start": m.start, "end": m.end, "type": e.type, "entity": e} for e in r.entities for m in e.mentions])])
    assert ents["region_code_accuracy"] == 0.5


def test_event_outside_the_evidence_sentence_does_not_match():
    r = record()
    r.events[0].trigger = Span(60, 65, "groupe")
    assert match_events(GOLD, r) == []


def test_sentiment_levels():
    s = score_sentiment([(GOLD, record())])
    assert s["document"]["accuracy"] == 1.0
    assert s["sentence"]["accuracy"] == 0.0  # the labelled sentence was predicted negative
    assert s["entity"]["accuracy"] == 1.0


def test_format_report_renders_tables():
    from newsintel.evaluate import evaluate_articles

    text = format_report({"split": "test", "languages": {"fr": evaluate_articles([GOLD], [record()], baselines=False)}})
    assert "== fr: 1 articles ==" in text and "type + all arguments" in text
