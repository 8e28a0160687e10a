"""Awkward but valid input never raises: no entities, walls of capitals, huge mention
counts, thousands of sentences, verbless lines and tables flattened into text."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang,text", [
    ("fr", "il pleuvait ce matin et la réunion a été reportée à demain, sans plus de précisions."),
    ("en", " ".join(["Alpha", "Beta", "Gamma", "Delta", "Omega"] * 40) + "."),
    ("fr", " ".join(["Navalis"] * 5000) + "."),
    ("en", "Q3 | Revenue | 1,200 | +12%\nQ4 | Revenue | 1,350 | +9%\nTotal | | 2,550 |\n" * 50),
    ("fr", "\n".join(["Chiffre d'affaires : 4,2 milliards d'euros.", "Effectifs : 1 200.", "Siège : Lyon."] * 30)),
    # a list of 1,600 places, most unknown to the gazetteer, in one sentence
    ("en", "The company will hire staff in " + ", ".join(["Adama", "Varkaus", "Hawassa", "Lyon"] * 400) + " and Paris."),
])
def test_awkward_texts(pipeline, lang, text):
    rec = pipeline.analyze(text, lang=lang)
    assert rec.status == "ok", rec.error
    for ent in rec.entities:
        for m in ent.mentions:
            assert rec.text[m.start:m.end] == m.text
    for ev in rec.events:
        assert rec.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text


def test_many_mentions_are_grouped(pipeline):
    rec = pipeline.analyze("Le groupe Navalis annonce. " + "Navalis recrute. " * 2000, lang="fr")
    navalis = [e for e in rec.entities if e.canonical == "Navalis"]
    assert len(navalis) == 1 and len(navalis[0].mentions) >= 2000


@pytest.mark.slow
def test_two_thousand_sentences(pipeline):
    text = " ".join(f"Navalis a ouvert le site numéro {i} à Lyon." for i in range(2000))
    rec = pipeline.analyze(text, lang="fr")
    assert rec.status == "ok"
    assert len(rec.sentiment.sentences) >= 1900
    assert sum(1 for e in rec.events if e.type == "facility_opening") >= 1000
