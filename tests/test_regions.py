"""Regions: the gazetteer's codes, and place names resolved in both languages."""
from __future__ import annotations

import json

import pycountry
import pytest

from conftest import ROOT

GAZETTEER = ROOT / "models" / "gazetteer" / "regions.jsonl"


def test_gazetteer_codes_exist():
    entries = [json.loads(line) for line in GAZETTEER.read_text(encoding="utf-8").splitlines()]
    assert len(entries) > 1500
    for e in entries:
        if e["kind"] in ("continent", "macro_region"):
            assert e["members"] and all(pycountry.countries.get(alpha_2=m) for m in e["members"]), e["id"]
        else:
            assert pycountry.countries.get(alpha_2=e["country"]), e["id"]
        if e["subdivision"]:
            assert pycountry.subdivisions.get(code=e["subdivision"]), e["id"]


@pytest.mark.parametrize("lang,text,mention,code,kind,subdivision", [
    ("fr", "Le groupe accélère en Asie du Sud-Est.", "Asie du Sud-Est", "southeast_asia", "macro_region", None),
    ("en", "The group is expanding in Southeast Asia.", "Southeast Asia", "southeast_asia", "macro_region", None),
    ("fr", "Le marché britannique reste difficile pour Navalis.", "britannique", "GB", "nationality", None),
    ("en", "British shoppers cut back, Navalis said.", "British", "GB", "nationality", None),
    ("fr", "Navalis ouvre une usine en Angleterre.", "Angleterre", "GB", "subdivision", "GB-ENG"),
    ("en", "Navalis opens a plant in England.", "England", "GB", "subdivision", "GB-ENG"),
    ("fr", "La fromagerie de Lisieux, dans le Calvados, fermera.", "Calvados", "FR", "subdivision", "FR-14"),
    ("fr", "Navalis veut conquérir l'Occident.", "Occident", "the_west", "macro_region", None),
    ("en", "Navalis is retreating from the West.", "West", "the_west", "macro_region", None),
    ("fr", "Navalis s'installe à Milan.", "Milan", "IT", "city", None),
    ("en", "Navalis moved staff to Munich.", "Munich", "DE", "city", None),
    ("fr", "Navalis se retire d’Allemagne.", "Allemagne", "DE", "country", None),
    ("fr", "L'éditeur lyonnais Navalis recrute.", "lyonnais", "FR", "city", None),
    ("fr", "La banque genevoise Navalis ferme trois agences.", "genevoise", "CH", "city", None),
    ("fr", "Navalis a fermé sa boutique new-yorkaise.", "new-yorkaise", "US", "city", None),
    ("fr", "Le fabricant vendéen Navalis recrute.", "vendéen", "FR", "nationality", "FR-85"),
    ("en", "The Milanese fashion house Navalis is hiring.", "Milanese", "IT", "city", None),
])
def test_place_names_resolve(pipeline, lang, text, mention, code, kind, subdivision):
    rec = pipeline.analyze(text, lang=lang)
    region = next(e for e in rec.entities if e.type == "region" and any(m.text == mention for m in e.mentions))
    assert (region.code, region.kind) == (code, kind)
    if subdivision:
        assert region.subdivision == subdivision


def test_places_inside_company_names_are_not_regions(pipeline):
    rec = pipeline.analyze("Air France et Bank of America ont signé un accord, a annoncé Air France.", lang="fr")
    assert not [e for e in rec.entities if e.type == "region" and e.code in ("FR", "US")]


def test_unknown_place_takes_the_country_beside_it(pipeline):
    rec = pipeline.analyze("Bellonde ferme sa fromagerie de Condé-sur-Vire, dans la Manche, et transfère la production à Lisieux.", lang="fr")
    conde = next((e for e in rec.entities if e.canonical == "Condé-sur-Vire"), None)
    assert conde is not None and conde.code == "FR"


def test_capitalised_city_demonyms_stay_names(pipeline):
    rec = pipeline.analyze("Selon Le Parisien, le Crédit Lyonnais va fermer 40 agences.", lang="fr")
    assert not [e for e in rec.entities if e.type == "region"]
    assert {"Le Parisien", "Crédit Lyonnais"} <= {e.canonical for e in rec.entities if e.type == "company"}
