"""The trained deciders (event verifier, argument selectors, entity types, sentiment models)
and the rules added with them: what they load, what they decide on clear cases, and that
the pipeline still works without them."""
from __future__ import annotations

import json

import pytest

from newsintel import Pipeline
from newsintel.linear import LinearClassifier, LinearDecider
from newsintel.quantities import find_quantities
from newsintel.resources import model_path


def names(rec, ids):
    return [rec.entity(i).canonical for i in ids]


def test_linear_decider_round_trip(tmp_path):
    model = LinearDecider({"a": 2.0, "b": -1.0}, intercept=-0.5, threshold=0.6, meta={"trained": "today"})
    path = tmp_path / "m.json"
    model.save(path)
    loaded = LinearDecider.load(path)
    assert loaded.weights == {"a": 2.0, "b": -1.0} and loaded.threshold == 0.6 and loaded.meta["trained"] == "today"
    assert loaded.probability({"a": 1.0}) == pytest.approx(1 / (1 + 2.718281828 ** -1.5), rel=1e-6)
    assert loaded.accepts({"a": 1.0}) and not loaded.accepts({"b": 1.0})
    assert loaded.probability({"unknown": 5.0}) == pytest.approx(1 / (1 + 2.718281828 ** 0.5), rel=1e-6)


def test_linear_classifier_round_trip():
    clf = LinearClassifier(["neg", "pos"], [{"x": -1.0}, {"x": 1.0}], [0.0, 0.0])
    again = LinearClassifier.from_dict(json.loads(json.dumps(clf.to_dict())))
    assert again.predict({"x": 2.0}) == "pos" and again.predict({"x": -2.0}) == "neg"
    assert sum(again.probabilities({"x": 0.3}).values()) == pytest.approx(1.0)


@pytest.mark.parametrize("name", ["events/verifier.json", "events/locations.json", "events/actors.json",
                                  "events/targets.json"])
def test_packaged_event_models_load(name):
    model = LinearDecider.load(model_path(*name.split("/")))
    assert len(model.weights) > 50 and 0.0 <= model.threshold < 1.0
    assert "train" in model.meta["training_data"] and "test" not in model.meta["training_data"]


def test_packaged_entity_type_model_loads():
    data = json.loads(model_path("entities", "types.json").read_text(encoding="utf-8"))
    assert set(data["classes"]) == {"company", "organization", "product", "region"}
    assert data["meta"]["cv_mention_accuracy_model"] > data["meta"]["cv_mention_accuracy_rules"]


@pytest.mark.parametrize("lang,text,name,etype", [
    # names the base model tags as places and the gazetteer does not know
    ("fr", "Le groupe chimique Ambrine a renoncé à vendre Fertilys, sa division engrais.", "Fertilys", "company"),
    ("fr", "Valmont avait racheté en 2016 le foreur écossais Glenarvon Drilling.", "Glenarvon Drilling", "company"),
    # towns the gazetteer does not know stay places, with the country beside them
    ("fr", "Le laboratoire s’est installé dans les anciens bâtiments de Pharmelia, à Woippy, en Moselle.", "Woippy", "region"),
    ("en", "The company will cut 300 jobs at its plant in Kambalda, Western Australia.", "Kambalda", "region"),
])
def test_places_unknown_to_the_gazetteer_are_retyped(pipeline, lang, text, name, etype):
    rec = pipeline.analyze(text, lang=lang)
    found = {e.canonical: e for e in rec.entities}
    assert found[name].type == etype
    if etype == "company":
        assert found[name].code is None and found[name].entity_id.startswith("com-")


def test_verifier_off_keeps_every_candidate():
    text = ("Navalis va fermer son usine de Turin et supprimer 300 postes. Le groupe a aussi annoncé "
            "l'ouverture d'un bureau à Lisbonne. Son chiffre d'affaires a reculé de 5 % l'an dernier.")
    kept = Pipeline().analyze(text, lang="fr", published="2024-05-14")
    every = Pipeline({"event_verifier": False}).analyze(text, lang="fr", published="2024-05-14")
    assert {e.type for e in kept.events} >= {"facility_closure", "layoffs", "financial_results"}
    assert len(every.events) >= len(kept.events)
    assert all(0.0 < e.confidence <= 1.0 for e in kept.events)
    assert [e.event_id for e in kept.events] == [f"ev{n}" for n in range(1, len(kept.events) + 1)]


def test_typographic_apostrophe_lemmas(pipeline):
    nlp = pipeline.nlp("fr")
    doc = nlp("Vireline s’implante en Espagne et lance un plan d’économies.")
    assert [t.lemma_ for t in doc if t.text in ("s’", "d’")] == ["se", "de"]
    rec = pipeline.analyze("Vireline s’implante en Espagne et lance un plan d’économies de 40 millions d’euros.",
                           lang="fr", published="2024-02-01")
    types = {e.type for e in rec.events}
    assert "market_entry" in types and "restructuring" in types


def test_partitive_figures_count_the_part():
    found = [(q.quantity.value, q.quantity.unit) for q in find_quantities("will close 25 of its 210 stores and cut 350 jobs", "en")]
    assert found == [(25.0, "stores"), (350.0, "jobs")]
    found = [(q.quantity.value, q.quantity.unit) for q in find_quantities("va fermer 12 de ses 80 magasins", "fr")]
    assert found == [(12.0, "stores")]


def test_layoff_figures_are_jobs(pipeline):
    rec = pipeline.analyze("Stackhouse Burgers will close its Italian business. About 600 employees will lose their jobs.",
                           lang="en", published="2025-01-10")
    cuts = rec.events_of("layoffs")
    assert cuts and cuts[0].quantity.value == 600 and cuts[0].quantity.unit == "jobs"


def test_appointment_sets_the_new_role_and_pairs_titles(pipeline):
    rec = pipeline.analyze(
        "Trivana Technologies also named Ananya Rao as chief people officer and Tom Pendleford as chief operating "
        "officer. Finance director Priyanka Sood was appointed interim chief executive of Trivana Technologies.",
        lang="en", published="2025-01-10")
    roles = {e.canonical: e.role for e in rec.entities if e.type == "executive"}
    assert roles["Ananya Rao"] == "director" and roles["Tom Pendleford"] == "coo"
    assert roles["Priyanka Sood"] == "ceo"  # the role in force after the story
    appointed = {rec.entity(e.person).canonical: e.role for e in rec.events_of("executive_appointment")}
    assert appointed.get("Tom Pendleford") == "coo"


def test_a_place_that_opens_a_name_is_a_person(pipeline):
    rec = pipeline.analyze("“The margin is thin,” said Jordan Pike, an analyst at Oakhurst Equity.", lang="en")
    assert not [e for e in rec.entities if e.type == "region"]
    pike = next(e for e in rec.entities if e.canonical == "Jordan Pike")
    assert pike.type == "executive" and pike.role == "analyst"


def test_cited_publication_is_a_source_company(pipeline):
    rec = pipeline.analyze("Selon La Lettre du Jouet, le groupe Grelotte réfléchirait à la cession de sa marque Mosaïka.",
                           lang="fr", published="2024-09-12")
    source = next(e for e in rec.entities if e.canonical == "La Lettre du Jouet")
    assert source.type == "company" and source.source_role == "source"
    assert rec.events_of("divestment")[0].modality == "speculative"


def test_forecast_is_speculative_and_own_plan_is_planned(pipeline):
    rec = pipeline.analyze("Grelotte table désormais sur une baisse de ses ventes annuelles d'environ 7 %. "
                           "Les nouveaux magasins de Grelotte devraient créer 400 emplois dans la région.",
                           lang="fr", published="2024-09-12")
    assert rec.events_of("financial_results")[0].modality == "speculative"
    assert rec.events_of("hiring")[0].modality == "planned"


def test_negation_stays_in_its_clause(pipeline):
    rec = pipeline.analyze("She said the Chandler site, which opened in August, would not reach full output until "
                           "next year. Vantor has put on hold plans to expand in the United States.",
                           lang="en", published="2025-01-10")
    assert all(e.modality != "negated" for e in rec.events_of("facility_opening"))
    assert rec.events_of("market_exit") and rec.events_of("market_exit")[0].modality != "negated"


def test_entity_sentiment_weighs_the_events(pipeline):
    rec = pipeline.analyze(
        "Harland Media will close two newspapers and cut 140 jobs in Ohio after a steep fall in advertising. "
        "Its rival Crestview Newspapers reported record profits and hired 50 reporters.",
        lang="en", published="2025-03-01")
    tone = {e.canonical: e.sentiment_label for e in rec.entities if e.type == "company"}
    assert tone["Harland Media"] == "negative" and tone["Crestview Newspapers"] == "positive"


def test_executive_belongs_to_the_company_of_the_title(pipeline):
    rec = pipeline.analyze(
        "Le groupe Domarex rachète les magasins polonais de Lumibrac. « Nous avons préféré concentrer nos moyens "
        "là où nous sommes rentables », a expliqué Régis Fontanieu, PDG de Lumibrac, lors d’une conférence.",
        lang="fr", published="2024-04-03")
    ceo = next(e for e in rec.entities if e.canonical == "Régis Fontanieu")
    assert ceo.role == "ceo" and rec.entity(ceo.organization).canonical == "Lumibrac"
