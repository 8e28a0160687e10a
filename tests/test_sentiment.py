"""Sentiment: the lexicon's rules, the trained encoder backend, and the transformers backend
run offline on a tiny model built here."""
from __future__ import annotations

import pytest

from newsintel import Pipeline
from newsintel.sentiment.hf import normalize_label


@pytest.fixture(scope="module")
def lexicon_pipeline():
    return Pipeline({"sentiment": "lexicon"})


def sentence_score(pipeline, text, lang):
    rec = pipeline.analyze(text, lang=lang)
    return rec.sentiment.sentences[0].score


@pytest.mark.parametrize("lang,good,bad", [
    ("fr", "Le bénéfice de Navalis a bondi de 20 % et le groupe signe une année record.",
           "Navalis a dû fermer son usine et supprimer 300 postes après de lourdes pertes."),
    ("en", "Navalis posted record profit and its sales jumped 20%.",
           "Navalis was forced to close its plant and cut 300 jobs after heavy losses."),
])
def test_lexicon_polarity(lexicon_pipeline, lang, good, bad):
    assert sentence_score(lexicon_pipeline, good, lang) > 0.3
    assert sentence_score(lexicon_pipeline, bad, lang) < -0.3


def test_lexicon_negation_and_contrast(lexicon_pipeline):
    grew = sentence_score(lexicon_pipeline, "Les ventes ont progressé.", "fr")
    not_grew = sentence_score(lexicon_pipeline, "Les ventes n'ont pas progressé.", "fr")
    assert grew > 0 > not_grew
    despite = sentence_score(lexicon_pipeline, "Malgré des pertes, le groupe garde le cap et accélère sa croissance.", "fr")
    assert despite > 0
    however = sentence_score(lexicon_pipeline, "Sales grew, but the group warned of heavy losses and job cuts.", "en")
    assert however < 0


def test_encoder_backend_is_the_default_and_labels_everything(pipeline):
    assert pipeline.config.sentiment == "encoder"
    rec = pipeline.analyze(
        "Navalis a fermé son usine de Douai et supprimé 300 postes. Le groupe a enregistré une perte record. "
        "Ses concurrents profitent de ses difficultés.", lang="fr")
    assert rec.sentiment.label == "negative" and rec.sentiment.score < 0
    assert len(rec.sentiment.sentences) == 3
    assert all(s.label in ("positive", "negative", "neutral") for s in rec.sentiment.sentences)
    navalis = next(e for e in rec.entities if e.canonical == "Navalis")
    assert navalis.sentiment_label == "negative" and navalis.sentiment_sentences == [0]


def test_encoder_is_multilingual(pipeline):
    fr = pipeline.analyze("Le chiffre d'affaires de Lumio a bondi de 30 %, un record historique.", lang="fr")
    en = pipeline.analyze("Lumio's revenue jumped 30% to a record high.", lang="en")
    assert fr.sentiment.sentences[0].label == en.sentiment.sentences[0].label == "positive"


def test_event_cues_name_what_the_sentence_reports():
    from newsintel.records import Event, Quantity, Span
    from newsintel.sentiment.encoder import cue_matrix, event_cues

    span = Span(0, 5, "ferme")
    closure = Event("e1", "facility_closure", span, span)
    denied = Event("e2", "market_exit", span, span, modality="negated")
    results = Event("e3", "financial_results", span, span, quantity=Quantity(12.0, "percent", direction="up"))
    assert event_cues([closure, denied]) == {"facility_closure": 1.0, "market_exit|unrealised": 1.0}
    assert event_cues([results]) == {"financial_results": 1.0, "figure_up": 1.0}
    names = ["facility_closure", "market_exit|unrealised", "figure_up"]
    assert cue_matrix([[closure], [], [results]], names, 3).tolist() == [[1, 0, 0], [0, 0, 0], [0, 0, 1]]
    assert cue_matrix(None, names, 2).tolist() == [[0, 0, 0], [0, 0, 0]]


def test_reported_news_counts_realised_good_and_bad_news():
    from newsintel.records import Event, Quantity, Span
    from newsintel.sentiment.encoder import document_features, document_probabilities, reported_news
    from newsintel.taxonomy import EVENT_TONE

    assert EVENT_TONE["layoffs"] == "negative" and EVENT_TONE["hiring"] == "positive"
    assert EVENT_TONE["executive_appointment"] == "neutral"
    span = Span(0, 5, "cut")
    events = [Event("e1", "layoffs", span, span), Event("e2", "facility_closure", span, span),
              Event("e3", "hiring", span, span, modality="negated"),  # denied: no news
              Event("e4", "financial_results", span, span, quantity=Quantity(8.0, "percent", direction="down"))]
    bad, good, up, down, balance = reported_news(events)
    assert (bad, good, up, down) == (0.4, 0.0, 0.0, 0.2)
    assert balance == pytest.approx(-3 / 4)
    assert reported_news([]) == [0.0, 0.0, 0.0, 0.0, 0.0]
    assert len(document_features([0.2, -0.5], ["neutral", "negative"], 0.1, events)) == 18
    # a document model fitted on the first 13 features still reads them
    old = {"classes": ["negative", "positive"], "coef": [[0.0] * 13, [1.0] + [0.0] * 12], "intercept": [0.0, 0.0]}
    probs = document_probabilities(old, [0.9, 0.8], ["positive", "positive"], 0.0, events)
    assert probs["positive"] > probs["negative"]


def test_the_encoder_weighs_the_events_of_a_sentence():
    from newsintel.records import Event, Span
    from newsintel.sentiment.encoder import EncoderModel

    model = EncoderModel.load()
    assert "facility_closure" in model.event_cues and "figure_down" in model.event_cues
    text = "Navalis will close its Douai plant next year."
    plain = model.probabilities([text], [0.0])
    trigger = Span(14, 19, "close")
    closure = Event("e1", "facility_closure", trigger, trigger, modality="planned")
    with_cue = model.probabilities([text], [0.0], [[closure]])
    neg = model.classes.index("negative")
    assert with_cue[0, neg] > plain[0, neg]


@pytest.mark.parametrize("lang,text,name,role,prep", [
    ("en", "Pellucid Semiconductor, a chipmaker based in Austin, posted record revenue.", "Austin", "prep_object", "in"),
    ("en", "Pellucid Semiconductor, a chipmaker based in Austin, posted record revenue.", "Pellucid Semiconductor", "subject", ""),
    ("fr", "Navalis a fermé son usine de Douai.", "Navalis", "subject", ""),
    ("fr", "Navalis a fermé son usine de Douai.", "Douai", "prep_object", "de"),
])
def test_mention_roles_say_how_an_entity_is_named(pipeline, lang, text, name, role, prep):
    from newsintel.sentiment.targets import mention_roles

    nlp = pipeline.nlp(lang)
    doc = nlp(text)
    entity = next(e for e in doc._.ni_entities if e.canonical == name)
    assert mention_roles(doc, entity) == [(role, prep)]


def test_transformers_backend_without_torch_says_how_to_install(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_torch(name, *args, **kwargs):
        if name == "torch" or name.startswith("torch."):
            raise ImportError("No module named 'torch'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_torch)
    rec = Pipeline({"sentiment": "transformers", "sentiment_model": "x"}).analyze("The group closes its plant.", lang="en")
    assert rec.status == "error" and 'pip install "newsintel[transformers]"' in rec.error


def test_event_polarity_follows_its_sentence(pipeline):
    rec = pipeline.analyze("Pulsepay will shut down its wallet app and cut 120 jobs after heavy losses.", lang="en")
    assert rec.events and all(ev.polarity is not None and ev.polarity < 0 for ev in rec.events)


@pytest.mark.parametrize("raw,n,i,expected", [
    ("POSITIVE", 2, 1, "positive"), ("negative", 3, 0, "negative"), ("Neutral", 3, 1, "neutral"),
    ("1 star", 5, 0, "negative"), ("3 stars", 5, 2, "neutral"), ("5 stars", 5, 4, "positive"),
    ("LABEL_0", 3, 0, "negative"), ("LABEL_2", 3, 2, "positive"), ("LABEL_1", 2, 1, "positive"), ("joy", 6, 0, None),
])
def test_label_normalization(raw, n, i, expected):
    assert normalize_label(raw, n, i) == expected


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory):
    """A two-layer BERT classifier with a 30-word vocabulary, biased towards 'positive'."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    folder = tmp_path_factory.mktemp("tiny-sentiment")
    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "le", "groupe", "navalis", "ferme", "son", "usine",
             "the", "group", "closes", "its", "plant", "sales", "rose", ".", ",", "a", "de", "et", "and"]
    vocab = {w: i for i, w in enumerate(words)}
    tokenizer = transformers.BertTokenizer(vocab=vocab, do_lower_case=True)
    config = transformers.BertConfig(vocab_size=len(words), hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                                     intermediate_size=32, max_position_embeddings=64, num_labels=3,
                                     id2label={0: "negative", 1: "neutral", 2: "positive"},
                                     label2id={"negative": 0, "neutral": 1, "positive": 2})
    torch.manual_seed(0)
    model = transformers.BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([0.0, 1.0, 6.0]))
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_transformers_backend_runs_offline_from_a_local_folder(tiny_model_dir, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    p = Pipeline({"sentiment": "transformers", "sentiment_model": str(tiny_model_dir), "sentiment_device": "cpu"})
    rec = p.analyze("Le groupe Navalis ferme son usine de Douai. Les ventes de Navalis ont reculé.", lang="fr")
    assert rec.status == "ok", rec.error
    assert [s.label for s in rec.sentiment.sentences] == ["positive", "positive"]
    assert rec.sentiment.label == "positive" and rec.sentiment.score > 0.9
    records = list(p.pipe([{"text": t, "lang": "en"} for t in ["The group closes its plant.", "Sales rose."] * 20], batch_size=8))
    assert all(r.sentiment.label == "positive" for r in records)


def test_transformers_backend_maps_labels_with_a_label_map(tiny_model_dir):
    p = Pipeline({"sentiment": "transformers", "sentiment_model": str(tiny_model_dir),
                  "sentiment_label_map": {"positive": "negative", "negative": "positive"}})
    rec = p.analyze("The group closes its plant.", lang="en")
    assert rec.sentiment.sentences[0].label == "negative"


def test_hub_names_fail_cleanly_offline(monkeypatch):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    p = Pipeline({"sentiment": "transformers", "sentiment_model": "some-org/not-cached-sentiment-model"})
    rec = p.analyze("The group closes its plant.", lang="en")
    assert rec.status == "error" and "not-cached-sentiment-model" in rec.error
