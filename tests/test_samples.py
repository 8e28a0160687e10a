"""End to end on corpora/samples: what an analyst would check in each sample article."""
from __future__ import annotations

import pytest

from newsintel.schema import schema_errors


def rec_of(sample_records, name):
    return sample_records[name]


def names(rec, ids):
    return [rec.entity(i).canonical for i in ids]


def test_every_sample_is_analysed_and_valid(sample_results):
    assert len(sample_results.records) == 14
    langs = sorted(r.language for r in sample_results.records)
    assert langs == ["en"] * 7 + ["fr"] * 7
    for r in sample_results.records:
        assert r.status == "ok", (r.doc_id, r.error)
        assert schema_errors(r.to_dict()) == []
        assert r.sentiment is not None and r.sentiment.sentences


def test_navalis_moves_teams_from_milan_to_lisbon(sample_records):
    rec = rec_of(sample_records, "navalis-lisbonne.txt")
    assert rec.title == "Navalis transfère ses ingénieurs de Milan à Lisbonne"
    ev = next(e for e in rec.events_of("relocation") if e.origin)
    assert rec.entity(ev.actor).canonical == "Navalis"
    assert names(rec, ev.origin) == ["Milan"] and names(rec, ev.destination) == ["Lisbonne"]
    assert {"IT", "PT"} <= set(ev.countries)
    assert ev.modality == "planned" and ev.tense == "future"
    assert ev.time.text == "d'ici à la fin de 2025" and ev.time.value.startswith("2025")
    rossi = next(e for e in rec.entities if e.canonical == "Luca Rossi")
    assert (rossi.type, rossi.role, rec.entity(rossi.organization).canonical) == ("executive", "ceo", "Navalis")
    codes = {e.code for e in rec.entities if e.type == "region"}
    assert {"IT", "PT"} <= codes


def test_klipo_closes_its_shopping_feature(sample_records):
    rec = rec_of(sample_records, "klipo-market-fermeture.md")
    assert rec.published == "2025-03-18"
    product = next(e for e in rec.entities if e.canonical == "Klipo Market")
    assert product.type == "product" and rec.entity(product.owner).canonical == "Klipo"
    assert rec.events_of("product_discontinuation")
    regions = {e.code: e for e in rec.entities if e.type == "region"}
    assert regions["southeast_asia"].kind == "macro_region"
    assert "GB" in regions  # "le marché britannique", "Royaume-Uni"


def test_ardena_names_two_executives_respectively(sample_records):
    rec = rec_of(sample_records, "ardena-nomination.html")
    assert rec.published == "2025-01-09"
    people = {rec.entity(e.person).canonical: e.role for e in rec.events_of("executive_appointment") if e.person}
    assert people.get("Claire Fontaine") == "cfo" and people.get("Marc Lefèvre") == "coo"
    fontaine = next(e for e in rec.entities if e.canonical == "Claire Fontaine")
    assert fontaine.role_text == "directrice financière" and rec.entity(fontaine.organization).canonical == "Ardena"


def test_veltis_results(sample_records):
    rec = next(r for r in sample_records.values() if r.doc_id == "sample-fr-veltis-resultats")
    quantities = [e.quantity for e in rec.events_of("financial_results") if e.quantity]
    assert any(q.value == 12 and q.unit == "percent" and q.direction == "up" and q.measure == "revenue" for q in quantities)
    assert any(q.unit == "percent" and q.direction == "down" and q.measure == "profit" for q in quantities)


def test_hanwei_cp1252_article_leaves_germany(sample_records):
    rec = rec_of(sample_records, "hanwei-retrait-allemagne.txt")
    assert "’" in rec.text and "€" in rec.text
    exit_ = rec.events_of("market_exit")[0]
    assert rec.entity(exit_.actor).canonical == "Hanwei"
    assert "DE" in exit_.countries
    closure = rec.events_of("facility_closure")[0]
    assert {"Berlin", "Munich"} <= set(names(rec, closure.locations))


def test_navalis_denial_is_negated_not_a_closure(sample_records):
    rec = next(r for r in sample_records.values() if r.doc_id == "sample-fr-navalis-turin")
    closures = rec.events_of("facility_closure")
    assert closures and all(e.modality == "negated" for e in closures)
    assert "Turin" in names(rec, closures[0].locations)


def test_brightwell_exit_and_speculative_sale(sample_records):
    rec = rec_of(sample_records, "brightwell-exit.txt")
    exit_ = rec.events_of("market_exit")[0]
    assert rec.entity(exit_.actor).canonical == "Brightwell" and "IE" in exit_.countries
    assert any(e.modality == "speculative" for e in rec.events_of("divestment"))
    marsh = next(e for e in rec.entities if e.canonical == "Helen Marsh")
    assert marsh.role == "ceo"


def test_orbis_relocation_dublin_to_warsaw(sample_records):
    rec = rec_of(sample_records, "orbis-relocation.md")
    ev = next(e for e in rec.events_of("relocation") if e.origin)
    assert names(rec, ev.origin) == ["Dublin"] and names(rec, ev.destination) == ["Warsaw"]
    assert ev.countries == ["IE", "PL"] and ev.quantity.value == 250


def test_meridian_new_chief_executive(sample_records):
    rec = rec_of(sample_records, "meridian-ceo.html")
    appointed = {rec.entity(e.person).canonical: e.role for e in rec.events_of("executive_appointment") if e.person}
    assert appointed.get("Jane Doe") == "ceo" and appointed.get("Raj Patel") == "cfo"
    departed = {rec.entity(e.person).canonical for e in rec.events_of("executive_departure") if e.person}
    assert departed == {"Tom Baker"}


def test_lumio_results_up_and_down(sample_records):
    rec = next(r for r in sample_records.values() if r.doc_id == "sample-en-lumio-results")
    qs = [e.quantity for e in rec.events_of("financial_results") if e.quantity]
    assert any(q.value == 8 and q.direction == "up" and q.measure == "revenue" for q in qs)
    assert any(q.value == 15 and q.direction == "down" and q.measure == "profit" for q in qs)
    assert any(q.currency == "USD" and q.value == pytest.approx(3.1e9) for q in qs)


def test_pulsepay_shutdown_and_layoffs(sample_records):
    rec = rec_of(sample_records, "pulsepay-shutdown.txt")
    shut = rec.events_of("product_discontinuation")[0]
    assert rec.entity(shut.actor).canonical == "Pulsepay"
    assert {"US", "CA"} <= set(shut.countries)
    cuts = rec.events_of("layoffs")[0]
    assert cuts.quantity.value == 120 and cuts.quantity.unit == "jobs"


def test_kestrel_enters_india_and_tessaro_southeast_asia(sample_records):
    kestrel = next(r for r in sample_records.values() if r.doc_id == "sample-en-kestrel-india")
    assert any("IN" in e.countries for e in kestrel.events_of("market_entry"))
    tessaro = next(r for r in sample_records.values() if r.doc_id == "sample-en-tessaro-singapore")
    ev = tessaro.events_of("market_expansion")[0]
    assert "Southeast Asia" in names(tessaro, ev.locations)
    assert tessaro.sentiment.label == "positive"


def test_orsane_enters_belgium(sample_records):
    rec = next(r for r in sample_records.values() if r.doc_id == "sample-fr-orsane-belgique")
    entry = rec.events_of("market_entry")[0]
    assert rec.entity(entry.actor).canonical == "Orsane" and "BE" in entry.countries


def test_folder_entity_ids_join_across_articles(sample_results):
    ents = sample_results.entities
    navalis = ents[(ents.canonical == "Navalis") & (ents.type == "company")]
    assert navalis["entity_id"].nunique() == 1 and navalis["article_id"].nunique() == 2
    italy = ents[ents.code == "IT"]
    assert italy["article_id"].nunique() >= 3
