"""Company, organization or product: the evidence the trained entity-type model weighs.

The entity rules decide a name's type from the base model's label, cue nouns and a few
patterns, one clue at a time; they confuse a company with the product it sells ("Velomaar"
after "launched a cheaper model, the Pendler") or a union with a company. ``type_features``
gathers every clue of an entity across its mentions (the rules' own decision, the base
model's labels, the nouns before and in apposition, the verbs it is subject or object of, a
possessive before it, the words of the name); ``retype_entities`` lets the multinomial model
of ``models/entities/types.json`` (trained by ``scripts/train_entities.py``) choose among
company, organization and product (and, for a place the gazetteer does not know, region),
and keeps every id that refers to a changed entity in
step. The same feature function serves training and inference.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..linear import LinearClassifier
from ..records import Entity, entity_id_for

RETYPED = ("company", "organization", "product")
PLACE_GUESS = "region"  # a name the base model calls a place but the gazetteer does not know
POSSESSIVE_WORDS = {"its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs"}
CONTENT_POS = {"NOUN", "PROPN", "ADJ"}


def retypable(entity: Entity) -> bool:
    """Company, organization and product entities, and places that only the base model saw
    ("Fertilys", "Glenarvon Drilling" tagged LOC): these may be companies too."""
    return entity.type in RETYPED or (
        entity.type == PLACE_GUESS and entity.kind is None and all(m.source == "ner" for m in entity.mentions))


def type_features(doc: Doc, entity: Entity, lang: str, given_names: frozenset[str] = frozenset()) -> dict[str, float]:
    """Features of one company, organization or product entity of ``doc``."""
    f: dict[str, float] = {f"lang={lang}": 1.0, f"rule={entity.type}": 1.0, f"rule_lang={entity.type}|{lang}": 1.0}
    words = entity.canonical.split()
    for w in words:
        f[f"word={w.lower()}"] = 1.0
    if words:
        f[f"last={words[-1].lower()}"] = 1.0
        f[f"tokens={min(len(words), 4)}"] = 1.0
        if words[0] in given_names:
            f["given_name_first"] = 1.0
    if entity.canonical.isupper() and len(entity.canonical) <= 6:
        f["acronym"] = 1.0
    if any(ch.isdigit() for ch in entity.canonical):
        f["digit"] = 1.0
    if entity.owner:
        f["has_owner"] = 1.0
    if entity.source_role:
        f["source"] = 1.0
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in entity.mentions]
    spans = [s for s in spans if s is not None and len(s)]
    n = max(1, len(spans))
    f[f"mentions={min(len(spans), 5)}"] = 1.0
    clues: dict[str, float] = {}

    def add(name: str) -> None:
        clues[name] = clues.get(name, 0.0) + 1.0 / n

    ents = {(e.start, e.end): e.label_ for e in doc.ents}
    for span in spans:
        label = ents.get((span.start, span.end)) or next(
            (e.label_ for e in doc.ents if e.start <= span.start < e.end), "none")
        add(f"ner={label}")
        root = span.root
        add(f"dep={root.dep_}")
        if root.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "pobj", "obl", "nmod", "appos", "compound"):
            add(f"head={root.dep_}|{root.head.lemma_.lower()}")
        for child in root.children:
            if child.dep_ == "appos" and child.i not in range(span.start, span.end):
                add(f"appos={child.lemma_.lower()}")
        if root.dep_ == "appos":
            add(f"appos_of={root.head.lemma_.lower()}")
        before = [t for t in doc[max(0, span.start - 3):span.start]]
        for t in before:
            if t.pos_ in CONTENT_POS and not t.is_punct:
                add(f"before={t.lemma_.lower()}")
        if before and before[-1].lower_ in POSSESSIVE_WORDS:
            add("possessive_before")
        if span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"):
            add("possessor")
        if span.start == span.sent.start:
            add("sentence_start")
    f.update(clues)
    return f


def retype_entities(doc: Doc, entities: list[Entity], token_entity: dict[int, str], model: LinearClassifier,
                    lang: str, given_names: frozenset[str] = frozenset()) -> None:
    """Let ``model`` choose the type of each company, organization and product; update ids."""
    renamed: dict[str, str] = {}
    ids = {e.entity_id for e in entities}
    for ent in entities:
        if not retypable(ent) or ent.identifiers:
            continue  # a user's alias file has the last word on its entries
        if ent.type == "product" and ent.owner:
            continue  # the text says whose product it is ("Klipo Market, sa fonctionnalité d'achats")
        probs = model.probabilities(type_features(doc, ent, lang, given_names))
        # a named company never becomes a place; an unknown place may become a company
        choices = RETYPED + (PLACE_GUESS,) if ent.type == PLACE_GUESS else RETYPED
        choices = [t for t in choices if t in probs]
        if ent.type not in choices:
            continue  # a model trained without places keeps its hands off them
        best = max(choices, key=probs.get)
        new_id = entity_id_for(best, ent.canonical)
        if best != ent.type and new_id not in ids:
            renamed[ent.entity_id] = new_id
            ids.add(new_id)
            if ent.type == PLACE_GUESS:
                ent.code = ent.country = ent.subdivision = None
            ent.type = best
            ent.entity_id = new_id
    if not renamed:
        return
    for ent in entities:
        for attr in ("organization", "owner", "parent"):
            value = getattr(ent, attr)
            if value in renamed:
                setattr(ent, attr, renamed[value])
    for i, eid in list(token_entity.items()):
        if eid in renamed:
            token_entity[i] = renamed[eid]
