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
    # "l'usine" is in the town the plant was built in, not in the department situating it, even
    # when the gazetteer knows neither
    ("fr", "Vergéa investit 140 millions d'euros dans une usine à Bazancourt, dans la Marne. Pour faire tourner "
           "l'usine, le groupe va recruter 120 personnes.", "Bazancourt"),
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
    ("fr", "Le groupe Ardelis a gelé les embauches à Cherbourg depuis le début de l'année.", "hiring"),
])
def test_postponed_abandoned_and_frozen_moves_are_negated(pipeline, lang, text, etype):
    rec = pipeline.analyze(text, lang=lang)
    assert (etype, "negated") in {(t, m) for t, _, m in events(rec)}


def test_a_coordinated_clause_keeps_its_own_negation(pipeline):
    rec = pipeline.analyze("Autavia a repoussé le lancement de sa berline en Allemagne, et son bénéfice "
                           "d'exploitation a reculé de 22 % au troisième trimestre.", lang="fr")
    results = [e for e in rec.events if e.type == "financial_results"]
    assert results and all(e.modality != "negated" for e in results)


@pytest.mark.parametrize("lang,text,etype,modality", [
    # after "or", an infinitive stays under the negation of the first; a modal makes a clause
    ("en", "Frostvale said it had no plans to close any of its plants or to cut jobs.", "layoffs", "negated"),
    ("en", "Frostvale did not close the plant and will cut 200 jobs.", "layoffs", "planned"),
    ("fr", "Frostvale n'a pas l'intention de fermer l'usine ni de supprimer des emplois.", "layoffs", "negated"),
    # a verb that negates by its meaning acts on its own object, not on a coordinated verb
    ("en", "Pellucid shelved plans for a stock market listing in 2022 as valuations fell, and cut about 8% of its "
           "workforce in January.", "layoffs", "asserted"),
    ("en", "Revenue at Salar Nevado fell 38% to $612m last year as lithium prices slumped, and the company postponed "
           "a second processing plant near Calama.", "financial_results", "asserted"),
    # a negation in a relative clause stays there, even on a bare verb after "does"
    ("en", "The company, which does not publish regional figures, reported revenue of $1.4bn last year.",
     "financial_results", "asserted"),
    # a negation does not reach a participle or a clause after a colon
    ("fr", "Le constructeur ne fermera pas l'usine de Lyon, lancée en 2010.", "product_launch", "asserted"),
    ("fr", "La directrice de la création, Astrid Nyberg, qui dirige le studio depuis 2015, ne suivra pas l’équipe : "
           "elle quittera Furuhem en juin.", "executive_departure", "planned"),
    # "would" plans as well as forecasts; studying a move is speculation
    ("en", "Navalis said it would close the plant next year.", "facility_closure", "planned"),
    ("en", "Chief executive Otieno Wekesa said Pamoja was studying an entry into Uganda.", "market_entry", "speculative"),
    # a failed attempt did not happen
    ("en", "Bramblebox had tried to sell its Canadian operations to the grocery chain Épicerie Beaulac, but the talks "
           "collapsed in February.", "divestment", "negated"),
    ("fr", "Selon Le Fil Métropolitain, Kaptrajet aurait tenté en vain de céder ses activités canadiennes à Voyagio.",
     "divestment", "negated"),
    # negative words: a preposition, a pronoun subject, a noun of failure, a denied clause
    ("fr", "Kowhai Bank reprendra les 1 100 salariés de la branche, sans suppression de poste.", "layoffs", "negated"),
    ("fr", "« Personne ne sera licencié chez Navalis », assure la déléguée syndicale.", "layoffs", "negated"),
    ("fr", "Vertigo a été placée en redressement judiciaire après l'échec d'une levée de fonds.", "investment_funding",
     "negated"),
    ("fr", "Vertigo a été placée en redressement judiciaire après l'échec d'une levée de fonds.", "bankruptcy",
     "asserted"),
    ("en", "Kang denied that Lumio had hired banks for an initial public offering.", "ipo", "negated"),
    # a denied report keeps the rumour it reports; talks towards a deal, even in hearsay, are speculation
    ("en", "Copper Canyon denied a report that it was exploring a sale of its 11 local TV stations.", "divestment",
     "speculative"),
    ("fr", "Selon Mobilis Info, Telvia aurait engagé des discussions en vue d'un rapprochement avec Kolibri.", "merger",
     "speculative"),
    ("fr", "Le constructeur automobile Savel n’exclut plus de quitter la Russie.", "market_exit", "speculative"),
    ("fr", "Selon plusieurs sources syndicales, Van Loenhout serait intéressé par une reprise partielle de Brelco.",
     "acquisition", "speculative"),
    # "would" with an indefinite subject is a hypothesis; dropped plans did not happen
    ("en", "Any takeover of Lumio would be examined by the Competition and Markets Authority.",
     "legal_regulatory", "speculative"),
    ("en", "A sale of the Dutch unit would give Lumio a stronger balance sheet.", "divestment", "speculative"),
    ("en", "Hestvold said it had dropped plans to build a new ammonia plant in Rotterdam.", "facility_opening", "negated"),
    # an intention in the past perfect, a plan shelved or pulled, a negative subject of a predicate
    ("en", "The group had intended to open 25 outlets in Lagos and Abuja by 2026.", "facility_opening", "negated"),
    ("en", "Brockwell had been preparing a listing in Helsinki but shelved the plan last fall.", "ipo", "negated"),
    ("en", "Quorvane Energy pulled its planned initial public offering on Wednesday.", "ipo", "negated"),
    ("en", "Maple Hollow said the plant would keep making its other lines and that no jobs were at risk.", "layoffs",
     "negated"),
    ("en", "Olatunbosun said none of the 450 IT staff would be made redundant.", "layoffs", "negated"),
    ("fr", "Le projet de rachat du chantier polonais Baltyard a été reporté sine die.", "acquisition", "negated"),
    ("en", "Menon said the company would look at acquisitions in central Europe, but ruled out a stock market "
           "listing before 2027.", "ipo", "negated"),
])
def test_modality_of_clauses_failures_and_denials(pipeline, lang, text, etype, modality):
    rec = pipeline.analyze(text, lang=lang, published="2025-03-01")
    assert [e.modality for e in rec.events_of(etype)] == [modality]


@pytest.mark.parametrize("lang,text,etype,places", [
    ("fr", "Volantia prévoit de construire une raffinerie à Kénitra, au Maroc, d'ici à 2027.", "facility_opening",
     ["Kénitra", "Maroc"]),
    ("fr", "Logiqa prévoit d'ouvrir un bureau à Boston, dans le Massachusetts, d'ici à l'automne.", "facility_opening",
     ["Boston", "Massachusetts"]),
    ("en", "Sampan will hire about 150 engineers over the next 18 months, most of them in Ho Chi Minh City, Vietnam.",
     "hiring", ["Ho Chi Minh City", "Vietnam"]),
    ("fr", "Le groupe Dalvane compte ouvrir quatre plateformes en Pologne et en Tchéquie d'ici à 2028.", "facility_opening",
     ["Pologne", "Tchéquie"]),
    # a list the parse does not coordinate is still one list
    ("en", "Solvary will use the money to build solar farms in Extremadura and Castilla-La Mancha by 2026.",
     "facility_opening", ["Castilla-La Mancha", "Extremadura"]),
    ("en", "Brewlane plans to open 25 cafés in Chicago, Boston and Los Angeles by the end of 2026.",
     "facility_opening", ["Boston", "Chicago", "Los Angeles"]),
])
def test_a_place_keeps_the_place_that_situates_it_and_its_coordinates(pipeline, lang, text, etype, places):
    rec = pipeline.analyze(text, lang=lang, published="2024-05-14")
    event = next(e for e in rec.events if e.type == etype)
    assert sorted(rec.entity(i).canonical for i in event.locations) == sorted(places)


@pytest.mark.parametrize("lang,text,origin,destination", [
    ("fr", "Ferlinde va transférer sa production de Sarreguemines, en Moselle, vers son usine de Tanger, au Maroc.",
     ["Sarreguemines"], ["Tanger"]),
    ("fr", "Son siège, installé depuis 2008 à Saint-Denis, sera transféré à Lille d'ici à 2025.", ["Saint-Denis"], ["Lille"]),
    ("fr", "Le siège de Barcelone sera fermé et ses fonctions rapatriées à Lyon.", ["Barcelone"], ["Lyon"]),
    ("en", "Dunecrest Logistics will move its regional headquarters from its Dubai office to Riyadh by July.",
     ["Dubai"], ["Riyadh"]),
])
def test_the_ends_of_a_move(pipeline, lang, text, origin, destination):
    rec = pipeline.analyze(text, lang=lang, published="2024-05-14")
    move = next(e for e in rec.events if e.type == "relocation")
    assert [rec.entity(i).canonical for i in move.origin] == origin
    assert [rec.entity(i).canonical for i in move.destination] == destination


@pytest.mark.parametrize("text,etype,modality", [
    ("Le laboratoire Norvelle a annoncé mardi qu'il investirait 25 millions de dollars dans son usine.",
     "investment_funding", "planned"),  # a future seen from the past, not a rumour
    ("Le laboratoire Norvelle a annoncé mardi qu'il retirait du marché son antidiabétique Glycora.",
     "product_discontinuation", "asserted"),  # an imperfect, though it ends in -rait
    ("Selon Les Echos, Norvelle envisagerait de céder sa filiale belge.", "divestment", "speculative"),
    ("Le groupe Norvelle a indiqué qu'il pourrait fermer son usine de Lyon.", "facility_closure", "speculative"),
    ("La marque Pas de Géant a lancé lundi en Chine sa gamme Orchidée.", "product_launch", "asserted"),
])
def test_french_conditionals_and_names_that_look_like_negations(pipeline, text, etype, modality):
    rec = pipeline.analyze(text, lang="fr", published="2025-03-01")
    assert [e.modality for e in rec.events_of(etype)] == [modality]


@pytest.mark.parametrize("lang,text,etype", [
    ("en", "Its finance chief told analysts that Pathwell had not ruled out closing its loss-making plant in Nashik.",
     "facility_closure"),
    ("fr", "Le groupe Bricoval n'a pas exclu de fermer son usine de Lille.", "facility_closure"),
])
def test_not_ruling_out_is_speculation(pipeline, lang, text, etype):
    rec = pipeline.analyze(text, lang=lang, published="2025-03-01")
    assert [e.modality for e in rec.events_of(etype)] == ["speculative"]
    assert not [e for e in rec.events if e.modality == "negated"]  # and no denial either


@pytest.mark.parametrize("lang,text,places", [
    ("en", "Cheongpa Heavy Industries will raise the Busan yard's annual capacity to 30 ships by 2027.", {"Busan"}),
    ("en", "Karayel Airways will add a third daily flight to Nairobi in June.", {"Nairobi"}),
    ("fr", "Le groupe Ferlande va augmenter la capacité de son usine d'Aveiro, au Portugal.", {"Aveiro", "Portugal"}),
])
def test_capacity_added_where_a_company_operates_is_expansion(pipeline, lang, text, places):
    rec = pipeline.analyze(text, lang=lang, published="2025-01-10")
    expansions = rec.events_of("market_expansion")
    assert len(expansions) == 1
    found = {rec.entity(x).canonical for x in expansions[0].locations}
    assert found and found <= places


@pytest.mark.parametrize("lang,text,trigger", [
    ("en", "South Korea's Cheongpa Heavy Industries has won a $1.5 billion order from Greek shipowner Aegean Crest "
           "Shipping for six carriers.", "order"),
    ("en", "Last month Kilcoole Aviation agreed to lease 12 jets to Indian low-cost airline SkyDhara.", "lease"),
    ("fr", "Les Chantiers Marsouin ont remporté une commande ferme de deux paquebots auprès de l'armateur Navalis.",
     "commande"),
])
def test_orders_won_and_leases_are_partnerships(pipeline, lang, text, trigger):
    rec = pipeline.analyze(text, lang=lang, published="2025-01-10")
    assert [e.trigger.text for e in rec.events_of("partnership")] == [trigger]


def test_orders_as_a_figure_are_no_partnership(pipeline):
    rec = pipeline.analyze("Orders at Cheongpa rose 12% in the quarter, and the order book reached $3bn.", lang="en",
                           published="2025-01-10")
    assert not rec.events_of("partnership")


def test_a_cited_publication_is_never_a_party(pipeline):
    rec = pipeline.analyze("Selon le site spécialisé Le Monde du Progiciel, Axiome chercherait à vendre son activité "
                           "de logiciels de paie, Payrolis.", lang="fr", published="2025-01-10")
    source = next(e for e in rec.entities if e.source_role == "source")
    assert rec.events and all(source.entity_id not in (e.actor, e.target) for e in rec.events)


@pytest.mark.parametrize("text,places", [
    ("Ochre Basin Resources will close its Kambalda nickel mine in Western Australia at the end of May.",
     {"Kambalda", "Western Australia"}),
    ("Ochre Basin will spend US$310 million to double lithium output at its operation in the Antofagasta region "
     "of Chile.", {"Antofagasta", "Chile"}),
])
def test_a_region_after_an_unknown_town_situates_it(pipeline, text, places):
    rec = pipeline.analyze(text, lang="en", published="2025-01-10")
    [event] = [e for e in rec.events if e.type in ("facility_closure", "market_expansion")]
    assert {rec.entity(x).canonical for x in event.locations} == places


@pytest.mark.parametrize("text,etype", [
    ("L'éditeur Lune Rousse retire du marché son jeu Ashen Tides, sorti en mai.", "product_discontinuation"),
    ("Le constructeur Vélorion met un terme à la production de sa citadine Pixa.", "product_discontinuation"),
    ("Le groupe Vélorion se retire du marché britannique.", "market_exit"),
    # a named product near the trigger is cue enough
    ("Le groupe Fabrelle a annoncé l'arrêt de Chronéo, son ancien logiciel de gestion des temps.", "product_discontinuation"),
    ("Les Laboratoires Vérancis ont annoncé mardi le retrait du marché de Tensidor, leur traitement contre "
     "l'hypertension.", "product_discontinuation"),
    # an airline's routes, a way out of a country
    ("La compagnie toulousaine Aérivo suspendra à partir de janvier ses vols vers Bamako et Niamey.", "market_exit"),
    ("La compagnie Falaj Airways mettra fin le 1er juin à sa liaison entre Abou Dhabi et Sydney.", "market_exit"),
    ("Le groupe Marmion a écarté toute sortie d’Espagne.", "market_exit"),
])
def test_withdrawing_a_product_is_not_leaving_a_market(pipeline, text, etype):
    rec = pipeline.analyze(text, lang="fr", published="2025-01-10")
    assert [e.type for e in rec.events] == [etype]


@pytest.mark.parametrize("lang,text,actor,target", [
    ("en", "Nordtinde Energy Services said revenue rose. Nordtinde, which the private equity firm Brattberg Equity "
           "bought in 2019, reported a 9% rise in first-quarter revenue.", "Brattberg Equity", "Nordtinde Energy Services"),
    ("fr", "L'opérateur Sirvane va lancer une offre. Sirvane, racheté en 2019 par le fonds luxembourgeois Quernel "
           "Capital, revendique 7,8 millions de clients.", "Quernel Capital", "Sirvane"),
])
def test_a_deal_told_in_a_relative_clause_keeps_buyer_and_bought(pipeline, lang, text, actor, target):
    rec = pipeline.analyze(text, lang=lang)
    deal = next(e for e in rec.events if e.type == "acquisition")
    assert (rec.entity(deal.actor).canonical, rec.entity(deal.target).canonical) == (actor, target)


@pytest.mark.parametrize("lang,text", [
    ("en", "Under Tom Baker, Meridian, which makes soups sold under the Hearthside and Meridian Kitchen brands, "
           "lifted annual revenue to £2.4bn."),
    ("fr", "Les soupes de Navalis, vendues sous la marque Potager, sont fabriquées à Lyon."),
])
def test_goods_sold_under_a_brand_are_no_divestment(pipeline, lang, text):
    rec = pipeline.analyze(text, lang=lang, published="2025-03-01")
    assert not rec.events_of("divestment")


def test_a_person_who_leaves_and_joins_without_a_title_in_the_sentence(pipeline):
    rec = pipeline.analyze("Radu Vasilescu, qui dirige la filiale roumaine depuis 2016, quittera Hemmler à la "
                           "finalisation de la vente. Il rejoindra Carpatis comme directeur des opérations, a indiqué "
                           "le groupe de Bucarest.", lang="fr", published="2024-05-01")
    moves = [(e.type, rec.entity(e.person).canonical) for e in rec.events if e.person]
    assert moves == [("executive_departure", "Radu Vasilescu"), ("executive_appointment", "Radu Vasilescu")]
    assert next(e for e in rec.events if e.type == "executive_appointment").role == "coo"
    # a company leaving a market stays a market exit
    rec = pipeline.analyze("Le groupe Navalis quittera le marché allemand en 2025.", lang="fr", published="2024-05-01")
    assert [e.type for e in rec.events] == ["market_exit"]


@pytest.mark.parametrize("lang,text,etype,company", [
    # the company a person joins is the appointment's actor
    ("fr", "La banque Lumio a annoncé le départ de Claire Morin. Elle rejoindra le groupe Navalis comme directrice "
           "financière en juin.", "executive_appointment", "Navalis"),
    ("en", "Lumio Bank said its finance director, Claire Morin, was leaving. She will join Navalis Group as chief "
           "financial officer in June.", "executive_appointment", "Navalis Group"),
    # the antecedent of "dont" / "whose" owns the figures of its clause
    ("fr", "Prairie Grill a accepté de céder 14 établissements au groupe munichois Hofbrot, numéro un de la "
           "restauration rapide outre-Rhin, dont les ventes ont bondi de 15 % l'an dernier.", "financial_results",
     "Hofbrot"),
    ("en", "Garrison & Pell's troubles contrast with the fortunes of its rival Bargain Bay, whose same-store sales "
           "rose 6% last quarter.", "financial_results", "Bargain Bay"),
])
def test_the_actor_the_text_names(pipeline, lang, text, etype, company):
    rec = pipeline.analyze(text, lang=lang, published="2024-05-01")
    [event] = rec.events_of(etype)
    assert rec.entity(event.actor).canonical == company


@pytest.mark.parametrize("text", [
    "Swedish furniture retailer Fjällmark opened its first three stores in Mexico on Saturday.",
    "Quillmore plans to add 20 more stores by 2027.",
])
def test_new_sites_are_facility_openings(pipeline, text):
    rec = pipeline.analyze(text, lang="en", published="2024-05-01")
    assert [e.type for e in rec.events] == ["facility_opening"]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Telesol va distribuer en France les téléphones du constructeur chinois Lanhu Mobile. Telesol compte 410 "
           "boutiques et Telesol revendique 9 millions de clients. Lanhu Mobile a vu ses expéditions mondiales "
           "progresser de 23 % en 2024. Le groupe ouvrira par ailleurs un bureau à Madrid en avril."),
    ("en", "Ridgeway Telecom will sell phones made by Chinese manufacturer Lanhu Mobile in Britain. Ridgeway Telecom "
           "has 410 stores and Ridgeway Telecom has 9 million customers. Lanhu Mobile's global shipments rose 23% in "
           "2024. The group will also open an office in Madrid in April."),
])
def test_the_group_is_the_company_just_discussed_not_the_main_one(pipeline, lang, text):
    rec = pipeline.analyze(text, lang=lang, published="2024-05-01")
    [opening] = rec.events_of("facility_opening")
    assert rec.entity(opening.actor).canonical == "Lanhu Mobile"


@pytest.mark.parametrize("text", [
    "Navalis will expand its plant near Chennai and plans to launch the Azurine compact SUV in the autumn.",
    "Its Ginestra handbag line, launched in Italy in 2023, now accounts for a fifth of European sales.",
])
def test_a_named_product_launched_is_a_product_launch(pipeline, text):
    rec = pipeline.analyze(text, lang="en", published="2024-05-01")
    assert "product_launch" in [e.type for e in rec.events]
    assert not rec.events_of("market_entry") and not rec.events_of("facility_opening")


def test_a_named_organization_near_a_review_makes_it_regulatory(pipeline):
    rec = pipeline.analyze("The European Central Bank opened a review of Navalis's provisioning for commercial loans "
                           "in September.", lang="en", published="2024-05-01")
    assert [e.type for e in rec.events] == ["legal_regulatory"]


def test_who_reports_a_deal_is_neither_its_party_nor_a_place(pipeline):
    text = ("Selon le quotidien La Crónica Económica, Stratalis serait par ailleurs en discussions pour racheter "
            "l'opérateur portugais Datanorte.")
    rec = pipeline.analyze(text, lang="fr", published="2024-05-01")
    source = next(e for e in rec.entities if e.canonical == "La Crónica Económica")
    assert (source.type, source.source_role) == ("company", "source")
    [deal] = rec.events_of("acquisition")
    assert deal.target != source.entity_id and deal.actor != source.entity_id


@pytest.mark.parametrize("text,origin,destination", [
    # the places closed just before are where the work leaves
    ("Under the plan, Telvo will shut its call centres in Sunderland and Swansea and move much of its customer "
     "service work to Cape Town, South Africa.", ["Sunderland", "Swansea"], ["Cape Town"]),
    ("Calderwick will close its bottling plant in Wolverhampton by the end of next year and move production to its "
     "larger site in Burton upon Trent.", ["Wolverhampton"], ["Burton"]),
    # "out of" is where a move starts
    ("Tamberlane Home Furnishings will move most of its furniture production out of China over the next 18 months.",
     ["China"], []),
])
def test_where_a_move_starts(pipeline, text, origin, destination):
    rec = pipeline.analyze(text, lang="en", published="2024-05-01")
    [move] = rec.events_of("relocation")
    names = {e.entity_id: e.canonical for e in rec.entities}
    assert [names[e] for e in move.origin] == origin
    assert [names[e] for e in move.destination] == destination


@pytest.mark.parametrize("text,origin,destination", [
    ("Une partie des projets menés à Bordeaux par le studio Nuage Gris sera transférée au studio de Montréal, où les "
     "crédits d'impôt sont plus généreux.", ["Bordeaux"], ["Montréal"]),
    ("La direction de Lumeo dément toute réduction d’effectifs en France, où certaines missions de back-office seront "
     "pourtant transférées vers Casablanca.", ["France"], ["Casablanca"]),
])
def test_where_the_moved_work_is_before_the_move_is_its_origin(pipeline, text, origin, destination):
    rec = pipeline.analyze(text, lang="fr", published="2024-05-01")
    [move] = rec.events_of("relocation")
    names = {e.entity_id: e.canonical for e in rec.entities}
    assert ([names[e] for e in move.origin], [names[e] for e in move.destination]) == (origin, destination)


@pytest.mark.parametrize("lang,text,product", [
    ("fr", "Le groupe Norvane a retiré Clikado de son offre. Lancée en 2023, l'application de fidélité ne comptait plus "
           "que 40 000 utilisateurs.", "Clikado"),
    ("en", "Pellmark rolled out its Parcelwing app across Britain in 2022. The app will be shut down in June, the "
           "company said.", "Parcelwing"),
])
def test_a_product_noun_refers_to_the_product_named_before(pipeline, lang, text, product):
    rec = pipeline.analyze(text, lang=lang, published="2024-05-01")
    [event] = [ev for ev in rec.events if ev.type in ("product_launch", "product_discontinuation") and ev.sentence == 1]
    assert rec.entity(event.product).canonical == product
