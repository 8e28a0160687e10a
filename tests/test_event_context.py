"""Event rules that read beyond one clause: denials of an earlier rumour, places named by a
word that points back, and moves that were postponed, abandoned or frozen."""
from __future__ import annotations

import pytest


def events(rec):
    return [(e.type, e.trigger.text, e.modality) for e in rec.events]


def test_a_denial_is_a_negated_copy_of_the_rumour(pipeline):
    rec = pipeline.analyze("Selon Les Echos, Navalis serait en discussions pour racheter Orvia. "
                           "Interrogé mardi, le groupe Navalis a démenti toute discussion.", lang="fr")
    found = [(t, m) for t, _, m in events(rec) if t == "acquisition"]
    assert ("acquisition", "negated") in found and len(found) == 2
    denial = next(e for e in rec.events if e.modality == "negated")
    assert rec.entity(denial.actor).canonical == "Navalis" and denial.sentence == 1


def test_a_denial_with_nothing_to_deny_adds_nothing(pipeline):
    rec = pipeline.analyze("Navalis denied wrongdoing on Monday.", lang="en")
    assert not [e for e in rec.events if e.modality == "negated" and e.trigger.text == "denied"]


@pytest.mark.parametrize("lang,text,place", [
    ("en", "Corvane opened a data centre in Cork last year. The company plans to hire 40 people there by 2025.", "Cork"),
    ("fr", "Volantia va ouvrir une base à Nantes. Le groupe y investira 60 millions d'euros.", "Nantes"),
    ("en", "Kettleby runs 300 stores in Canada. Sales in the country rose 12% in the third quarter.", None),
])
def test_places_named_by_a_word_that_points_back(pipeline, lang, text, place):
    rec = pipeline.analyze(text, lang=lang, published="2024-05-14")
    later = [e for e in rec.events if e.sentence == 1 and e.type != "financial_results"]
    if place is None:  # a results figure takes no place from an earlier sentence
        assert all(not e.locations for e in rec.events if e.sentence == 1 and e.type == "financial_results")
        return
    assert later and all(place in [rec.entity(i).canonical for i in e.locations] for e in later)


@pytest.mark.parametrize("lang,text,etype", [
    ("en", "Sentorak has postponed a stock market listing planned for the first quarter.", "ipo"),
    ("en", "Ashcombe Bridge walked away from a proposed £85m recapitalisation of the airline.", "investment_funding"),
    ("fr", "Pour préserver sa trésorerie, Armavel gèle les recrutements jusqu'à la fin de l'année.", "hiring"),
    ("fr", "Le groupe a reporté son introduction en Bourse à une date indéterminée.", "ipo"),
])
def test_postponed_abandoned_and_frozen_moves_are_negated(pipeline, lang, text, etype):
    rec = pipeline.analyze(text, lang=lang)
    assert (etype, "negated") in {(t, m) for t, _, m in events(rec)}


def test_a_coordinated_clause_keeps_its_own_negation(pipeline):
    rec = pipeline.analyze("Autavia a repoussé le lancement de sa berline en Allemagne, et son bénéfice "
                           "d'exploitation a reculé de 22 % au troisième trimestre.", lang="fr")
    results = [e for e in rec.events if e.type == "financial_results"]
    assert results and all(e.modality != "negated" for e in results)
