"""Time expressions and figures, in French and English."""
from __future__ import annotations

import pytest

from newsintel.quantities import find_quantities, parse_number
from newsintel.timex import find_times

PUBLISHED = "2025-05-14"


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Le groupe a fermé son usine le printemps dernier.", ("le printemps dernier", "2024-03/2024-05")),
    ("fr", "Il est présent en Chine depuis 2020.", ("depuis 2020", "2020/..")),
    ("fr", "Les ventes ont reculé au troisième trimestre 2024.", ("au troisième trimestre 2024", "2024-Q3")),
    ("fr", "Le site fermera d'ici la fin de 2025.", ("d'ici la fin de 2025", "2025-10/2025-12")),
    ("fr", "Le groupe vise l'an prochain.", ("l'an prochain", "2026")),
    ("fr", "Les résultats de mars 2025 sont bons.", ("mars 2025", "2025-03")),
    ("en", "Sales fell last quarter.", ("last quarter", "2025-Q1")),
    ("en", "It expects growth next year.", ("next year", "2026")),
    ("en", "The plant has run since 2019.", ("since 2019", "2019/..")),
    ("en", "Revenue rose in the first half of 2024.", ("in the first half of 2024", "2024-H1")),
    ("en", "It will close by the end of 2026.", ("by the end of 2026", "2026-10/2026-12")),
    ("en", "Results for Q3 were weak.", ("Q3", "2025-Q3")),
])
def test_time_expressions_resolve(lang, text, expected):
    found = [(t.text, t.value) for t in find_times(text, lang, PUBLISHED)]
    assert expected in found


def test_relative_time_without_publication_date_keeps_text():
    (t,) = find_times("Sales fell last quarter.", "en", None)
    assert t.text == "last quarter" and t.value is None


def test_numbers_are_not_years():
    assert [t.text for t in find_times("Il emploie 2 025 personnes et vend 1,2025 million.", "fr", PUBLISHED)] == []


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Le chiffre d'affaires progresse de 12 % à 4,2 milliards d'euros.",
     [(12.0, "percent", None, "up", "revenue"), (4.2e9, "currency", "EUR", "none", "revenue")]),
    ("fr", "Le résultat net recule de 3,5 %.", [(3.5, "percent", None, "down", "profit")]),
    ("fr", "Navalis va supprimer 1 200 postes.", [(1200.0, "jobs", None, "none", "jobs")]),
    ("en", "Revenue rose 8% to $3.1bn.", [(8.0, "percent", None, "up", "revenue"), (3.1e9, "currency", "USD", "none", "revenue")]),
    ("en", "Net profit fell 15% and it raised €310 million.", [(15.0, "percent", None, "down", "profit"), (3.1e8, "currency", "EUR", "none", None)]),
    ("en", "It will cut 2,500 jobs.", [(2500.0, "jobs", None, "none", "jobs")]),
    # the verb before a change gives its direction, so the change is kept over the level
    ("en", "Overall net sales slipped 4% to $1.12 billion.",
     [(4.0, "percent", None, "down", "sales"), (1.12e9, "currency", "USD", "none", "sales")]),
    ("fr", "Le bénéfice net a bondi de 24 %, à 13,8 milliards de yuans.",
     [(24.0, "percent", None, "up", "profit"), (1.38e10, "currency", "CNY", "none", "profit")]),
    # counts in words with a partitive, hyphenated adjectives, an adjective that is also a unit
    ("en", "It will close three of its 21 boutiques.", [(3.0, "stores", None, "none", "stores")]),
    ("fr", "La marque va fermer six de ses quatorze boutiques.", [(6.0, "stores", None, "none", "stores")]),
    ("en", "Tran plans to shut a further eight loss-making stores.", [(8.0, "stores", None, "none", "stores")]),
    ("en", "It will cut 45 office jobs in Montreal.", [(45.0, "jobs", None, "none", "jobs")]),
    # a scale, then "de": "1,3 million d'abonnés"
    ("fr", "Le service revendique 1,3 million d'abonnés.", [(1.3e6, "users", None, "none", "users")]),
    ("fr", "Il compte 7,8 millions de clients mobiles.", [(7.8e6, "users", None, "none", "users")]),
    # a brand between the figure and what it counts; a year before a name counts nothing
    ("en", "The franchisee will open 12 Calima stores by 2026.", [(12.0, "stores", None, "none", "stores")]),
    ("en", "It plans to open 20 new Ridgeline depots in Arizona.", [(20.0, "sites", None, "none", "sites")]),
    ("en", "Corrib would hire 80 claims handlers in Cork.", [(80.0, "people", None, "none", "headcount")]),
    ("en", "In 2024 Navalis stores grew.", []),
])
def test_quantities(lang, text, expected):
    got = [(q.quantity.value, q.quantity.unit, q.quantity.currency, q.quantity.direction, q.quantity.measure)
           for q in find_quantities(text, lang)]
    assert got == expected


@pytest.mark.parametrize("text,lang,value", [("4,2", "fr", 4.2), ("1 200", "fr", 1200.0), ("1,200", "en", 1200.0), ("3.1", "en", 3.1), ("1.200", "fr", 1200.0)])
def test_parse_number(text, lang, value):
    assert parse_number(text, lang) == value


def test_a_level_of_users_is_a_result(pipeline):
    # "revendique" is often tagged an adjective modifying the subject; a figure after it keeps it a verb
    rec = pipeline.analyze("Le groupe, racheté en 2019 par le fonds Quernel Capital, revendique 7,8 millions de clients "
                           "mobiles en France, loin derrière les trois premiers opérateurs du pays.", lang="fr")
    results = rec.events_of("financial_results")
    assert len(results) == 1 and results[0].quantity.value == 7.8e6 and results[0].quantity.measure == "users"


def test_write_downs_are_results_figures(pipeline):
    rec = pipeline.analyze("Kestrel will book a $120 million write-down on its Texas plant.", lang="en",
                           published="2025-01-10")
    [ev] = rec.events_of("financial_results")
    assert ev.quantity.measure == "impairment" and ev.quantity.value == 120_000_000
    rec = pipeline.analyze("Le groupe Ferlande passera une dépréciation de 40 millions d'euros sur son usine russe.",
                           lang="fr", published="2025-01-10")
    assert [e.quantity.measure for e in rec.events_of("financial_results")] == ["impairment"]


@pytest.mark.parametrize("lang,text,value,currency", [
    ("en", "Its net loss widened to KSh 9.4bn in the six months to September.", 9.4e9, "KES"),
    ("en", "Revenue more than doubled to 1.9bn rand in the first nine months.", 1.9e9, "ZAR"),
    ("en", "The wearables division lost NT$1.9 billion in 2024.", 1.9e9, "TWD"),
    ("en", "It reported an operating loss of SKr180m for the quarter.", 1.8e8, "SEK"),
    ("fr", "Le groupe a réalisé un chiffre d'affaires de 2,4 milliards de zlotys.", 2.4e9, "PLN"),
])
def test_more_currencies(lang, text, value, currency):
    [q] = [q for q in find_quantities(text, lang) if q.quantity.unit == "currency"]
    assert q.quantity.value == value and q.quantity.currency == currency


@pytest.mark.parametrize("lang,text,expected", [
    # a change told as a multiple, with no figure: +100 %, +200 %, -50 %
    ("fr", "Les ventes aux États-Unis ont doublé.", [(100.0, "percent", "up", "sales")]),
    ("fr", "Son bénéfice net a triplé en deux ans.", [(200.0, "percent", "up", "profit")]),
    ("en", "Orders more than doubled last year.", [(100.0, "percent", "up", "orders")]),
    ("en", "Net profit halved in the first quarter.", [(50.0, "percent", "down", "profit")]),
    # a plan for capacity is no result
    ("fr", "Thermivor va doubler sa capacité de production.", []),
    ("en", "It will spend $310m to double output at the plant.", []),
])
def test_multiples_are_changes_in_percent(lang, text, expected):
    got = [(q.quantity.value, q.quantity.unit, q.quantity.direction, q.quantity.measure)
           for q in find_quantities(text, lang) if q.quantity.unit == "percent"]
    assert got == expected


def test_an_amount_beats_a_multiple_for_the_same_figure(pipeline):
    rec = pipeline.analyze("L'an dernier, le chiffre d'affaires de Velbrune a doublé, à 18 millions d'euros.", lang="fr")
    [ev] = rec.events_of("financial_results")
    assert ev.quantity.unit == "currency" and ev.quantity.value == 18e6
    rec = pipeline.analyze("Les ventes de Velbrune aux États-Unis ont doublé l'an dernier.", lang="fr")
    [ev] = rec.events_of("financial_results")
    assert (ev.quantity.value, ev.quantity.unit, ev.quantity.direction) == (100.0, "percent", "up")


@pytest.mark.parametrize("text,value,currency,measure", [
    ("L'entreprise a essuyé une perte opérationnelle de 19 millions de francs.", 19e6, "CHF", "operating_profit"),
    ("Son excédent brut d'exploitation a atteint 310 millions d'euros.", 310e6, "EUR", "ebitda"),
])
def test_french_results_vocabulary(text, value, currency, measure):
    [q] = find_quantities(text, "fr")
    assert (q.quantity.value, q.quantity.currency, q.quantity.measure) == (value, currency, measure)


@pytest.mark.parametrize("lang,text", [
    ("fr", "L'action Morvillier a reculé de 9 % lundi."),
    ("fr", "La Russie pesait 7 % des ventes mondiales du constructeur en 2021."),
    ("en", "Shares in Granite Harbor tumbled 14% on Wednesday."),
])
def test_share_price_moves_and_shares_of_sales_are_no_results(pipeline, lang, text):
    assert pipeline.analyze(text, lang=lang).events_of("financial_results") == []


def test_a_share_price_move_beside_a_result_leaves_the_result(pipeline):
    rec = pipeline.analyze("Group revenue rose 8% to $2.8 billion, and the shares fell 4% in after-hours trading.", lang="en")
    assert [(e.quantity.value, e.quantity.measure) for e in rec.events_of("financial_results")] == [(8.0, "revenue")]
