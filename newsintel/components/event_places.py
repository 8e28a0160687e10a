"""Which places of a sentence are an event's locations: the evidence the trained selector weighs.

A sentence often names more places than the event is about: the company's home city
("the Austin, Texas, company will shut its Denver office"), a country next to its city
("Monterrey, Mexico"), a market mentioned in a subordinate clause. ``place_features``
describes one candidate place relative to the event's trigger (parse distance, rank among the
candidates, preposition, clause, kind of place, the rule's own choice); the
``locations`` model of ``models/events`` (trained by ``scripts/train_events.py``) decides
from them. The same function serves training and inference.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Entity

BASED_WORDS = {"base", "based", "basé", "headquarter", "headquartered", "siège", "siéger", "domicilier", "installer"}
RELATIVE_DEPS = {"relcl", "acl:relcl", "acl", "advcl"}


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree (99 across sentences)."""
    depth = {a.i: 0}
    for n, anc in enumerate(a.ancestors, 1):
        depth[anc.i] = n
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return depth[t.i] + n
    return 99


def attached_preposition(tok: Token) -> str:
    """The preposition the parse attaches to ``tok`` ("en Pologne", "in Texas"), or ""."""
    for child in tok.children:
        if child.dep_ in ("case", "prep"):
            return child.lower_
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.lower_
    return ""


def place_features(trigger: Token, place: Token, entity: Entity, etype: str,
                   candidates: list[tuple[Entity, Token]], rule_pick: bool, market_nouns: set[str]) -> dict[str, float]:
    """Features of one candidate place for the event whose trigger is ``trigger``."""
    dist = tree_distance(trigger, place)
    dists = sorted(tree_distance(trigger, t) for _, t in candidates)
    rank = dists.index(dist) if dist in dists else len(dists)
    kind = entity.kind or "place"
    prep = attached_preposition(place)
    f: dict[str, float] = {
        "bias": 1.0,
        f"kind={kind}": 1.0,
        f"type_kind={etype}|{kind}": 1.0,
        f"dist={min(dist, 6)}": 1.0,
        f"rank={min(rank, 3)}": 1.0,
        f"gap_to_best={min(dist - dists[0], 4)}": 1.0,
        f"prep={prep}": 1.0,
        f"dep={place.dep_}": 1.0,
        f"side={'before' if place.i < trigger.i else 'after'}": 1.0,
        f"candidates={min(len(candidates), 4)}": 1.0,
        "linear_distance": min(abs(place.i - trigger.i), 30) / 30,
    }
    if rule_pick:
        f["rule_pick"] = 1.0
        f[f"rule_pick|{etype}"] = 1.0
    ancestors = {a.i for a in place.ancestors}
    if trigger.i in ancestors:
        f["under_trigger"] = 1.0
    if place.head.i == trigger.i:
        f["child_of_trigger"] = 1.0
    trigger_side = {trigger.i} | {a.i for a in trigger.ancestors}
    path = []
    for a in place.ancestors:  # up to the lowest common ancestor with the trigger
        if a.i in trigger_side:
            break
        path.append(a)
    if any(a.dep_ in RELATIVE_DEPS for a in [place, *path]):
        f["in_other_clause"] = 1.0
    window = {t.lemma_.lower() for t in place.doc[max(place.sent.start, place.i - 3):min(place.sent.end, place.i + 3)]}
    if window & BASED_WORDS:
        f["home_cue"] = 1.0
    if place.head.lemma_.lower() in market_nouns:
        f["market_noun"] = 1.0
    if kind == "nationality" and place.dep_ in ("amod", "compound", "nmod") and place.head.lemma_.lower() not in market_nouns:
        f["nationality_of_name"] = 1.0
    if kind == "country" and any(e.kind in ("city", "subdivision") and e.country == entity.code for e, _ in candidates):
        f["country_of_named_place"] = 1.0
    if kind in ("city", "subdivision") and any(e.kind == "country" and e.code == entity.country and e is not entity
                                               for e, _ in candidates):
        f["place_with_country"] = 1.0
    if place.dep_ in ("amod", "compound") and place.head.pos_ == "NOUN" and place.head.lemma_.lower() not in market_nouns:
        # "its first US factory, in New Braunfels, Texas": the town says where, the country
        # word only qualifies the site
        f["qualifies_noun"] = 1.0
        if any(e.kind in ("city", "subdivision") and e is not entity for e, _ in candidates):
            f["qualifies_noun|with_town"] = 1.0
    if place.dep_ == "conj":
        f["coordinated"] = 1.0
    if place.dep_ == "appos" or (place.i > 0 and place.nbor(-1).text == ","):
        f["after_comma"] = 1.0
    return f


SITUATING_WORDS = {"in", "en", "au", "aux", "dans", "le", "la", "les", "l'", "l’"}
PLACING_WORDS = {"in", "of", "en", "au", "aux", "dans"}
DETERMINERS_BEFORE_PLACE = {"the", "le", "la", "les", "l'", "l’"}


def _apposed_to(outer: Token, inner: Token) -> bool:
    """``outer`` is the place written after ``inner`` to situate it: "Kénitra, au Maroc",
    "Monterrey, Mexico", "Condé-sur-Vire, dans la Manche"."""
    if outer.i <= inner.i or outer.sent.start != inner.sent.start:
        return False
    between = outer.doc[inner.i + 1:outer.i]
    commas = [t.i for t in between if t.text == ","]
    if len(commas) != 1:
        return False
    rest_of_name = outer.doc[inner.i + 1:commas[0]]
    situating = outer.doc[commas[0] + 1:outer.i]
    return len(rest_of_name) <= 4 and all(t.is_title or t.is_punct or len(t) <= 3 for t in rest_of_name) \
        and len(situating) <= 3 and all(t.lower_ in SITUATING_WORDS for t in situating)


def _inside(outer: Entity, inner: Entity) -> bool:
    """``outer`` contains ``inner``: the country of a city or region, or the region of a town."""
    if outer is inner or inner.kind not in ("city", "subdivision", None) or not inner.country:
        return False
    if outer.kind == "country":
        return outer.code == inner.country
    return outer.kind == "subdivision" and inner.kind != "subdivision" and outer.country == inner.country


def _placed_in(outer: Token, inner: Token) -> bool:
    """``outer`` follows ``inner`` closely through "in" / "of" / "en" with no verb between: "its
    Kambalda nickel mine in Western Australia", "the Antofagasta region of Chile"."""
    if outer.i <= inner.i or outer.sent.start != inner.sent.start or outer.i - inner.i > 6:
        return False
    between = outer.doc[inner.i + 1:outer.i]
    if any(t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text != ",") for t in between):
        return False
    k = outer.i - 1
    while k > inner.i and outer.doc[k].lower_ in DETERMINERS_BEFORE_PLACE:
        k -= 1
    return k > inner.i and outer.doc[k].lower_ in PLACING_WORDS


def written_to_situate(place: Token, other: Token) -> bool:
    """``place`` is written after ``other`` the way a place situates another ("Bazancourt,
    dans la Marne", "its mine in Western Australia"), whatever the gazetteer knows of either."""
    return _apposed_to(place, other) or _placed_in(place, other)


def situates(place: Token, entity: Entity, other: Token, other_entity: Entity) -> bool:
    """``place`` is written after ``other`` to say where it is ("Kénitra, au Maroc", "its Kambalda
    mine in Western Australia": a country or region after a town it holds, or after a town
    the gazetteer does not know)."""
    if _apposed_to(place, other) and _inside(entity, other_entity):
        return True
    unknown_town = other_entity.kind is None and entity.kind in ("country", "subdivision")
    return _placed_in(place, other) and (_inside(entity, other_entity) or unknown_town)


LIST_LINKS = {",", "and", "et", "or", "ou", "&"}
LIST_FILLERS = LIST_LINKS | {"the", "le", "la", "les", "l'", "l’", "in", "en", "à", "au", "aux", "dans", "-"}


def _listed_with(tok: Token, other: Token) -> bool:
    """The two places are items of one list in the text ("in Poland and the Czech Republic",
    "à Brno, Ostrava et Olomouc"), whatever the parse made of it: only commas, "and" / "et",
    articles, repeated prepositions and the words of multi-word names lie between them."""
    first, last = sorted((tok, other), key=lambda t: t.i)
    if first.sent.start != last.sent.start or last.i - first.i > 10:
        return False
    between = first.doc[first.i + 1:last.i]
    return any(t.lower_ in LIST_LINKS for t in between) and all(
        t.lower_ in LIST_FILLERS or (t.is_title and t.pos_ == "PROPN") for t in between)


def choose_places(accepted: list[bool], tokens: list[Token], entities: list[Entity] | None = None) -> list[int]:
    """Indices of the chosen candidates: those accepted, the places coordinated with them
    ("à Berlin et à Munich", "en Pologne et en Tchéquie" are both in or both out) and the
    country or region written after a chosen city to situate it ("Kénitra, au Maroc")."""
    chosen = {i for i, ok in enumerate(accepted) if ok}

    def coordinated(tok: Token, other: Token) -> bool:
        if tok.dep_ == "conj" and tok.head.i in (other.i, other.head.i) and tok.head.i != tok.i:
            return True
        return (other.dep_ == "conj" and other.head.i in (tok.i, tok.head.i)) or _listed_with(tok, other)

    changed = bool(chosen)
    while changed:
        changed = False
        for i, tok in enumerate(tokens):
            if i in chosen:
                continue
            linked = any(coordinated(tok, tokens[j]) for j in chosen)
            if not linked and entities is not None:
                # the place that situates a chosen one, or the town a chosen region situates
                linked = any(situates(tok, entities[i], tokens[j], entities[j])
                             or situates(tokens[j], entities[j], tok, entities[i]) for j in chosen)
            if linked:
                chosen.add(i)
                changed = True
    return sorted(chosen)
