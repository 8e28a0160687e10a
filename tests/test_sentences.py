"""newsintel_sentences: the sentence starts the French parser must not invent."""
from __future__ import annotations


def sentences(pipeline, text, lang="fr"):
    return [s.text.strip() for s in pipeline.nlp(lang)(text).sents]


def test_a_subject_is_not_cut_from_its_verb(pipeline):
    text = ("Le distributeur alimentaire Marchéval a publié mercredi des ventes en hausse. "
            "Soo-ah Park, directrice des ressources humaines de Lunaforge, a confirmé le plan.")
    assert sentences(pipeline, text) == [
        "Le distributeur alimentaire Marchéval a publié mercredi des ventes en hausse.",
        "Soo-ah Park, directrice des ressources humaines de Lunaforge, a confirmé le plan.",
    ]


def test_paragraphs_and_full_stops_still_end_sentences(pipeline):
    text = "Ferlinde ferme son usine de Sarreguemines.\n\nFerlinde, filiale de Kernwerk, justifie cette décision."
    assert sentences(pipeline, text) == ["Ferlinde ferme son usine de Sarreguemines.",
                                         "Ferlinde, filiale de Kernwerk, justifie cette décision."]


def test_the_guard_runs_before_the_parser_and_leaves_parsed_docs_alone(pipeline):
    nlp = pipeline.nlp("en")
    assert nlp.pipe_names.index("newsintel_sentences") < nlp.pipe_names.index("parser")
    doc = nlp("Navalis will close its plant. It said so on Monday.")
    assert nlp.get_pipe("newsintel_sentences")(doc) is doc  # a parsed doc is not touched


def test_a_paragraph_opening_with_a_quotation_mark_is_a_new_sentence(pipeline):
    text = ("Bruno Keller et Agathe Roux ont été nommés respectivement directeur financier et directrice du pôle "
            "immobilier.\n\n« Ce départ n'a aucun lien avec nos comptes », assure le président, Marc Delorme.")
    assert sentences(pipeline, text) == [
        "Bruno Keller et Agathe Roux ont été nommés respectivement directeur financier et directrice du pôle immobilier.",
        "« Ce départ n'a aucun lien avec nos comptes », assure le président, Marc Delorme.",
    ]
