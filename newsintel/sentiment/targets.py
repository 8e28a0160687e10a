"""What an entity's tone is read from: the evidence the entity-sentiment model weighs.

An entity's sentiment rests on the sentences that mention it, on the article's overall tone
(the document model's probabilities), on the events it takes part in (a company closing
plants, a region a company leaves) and on the grammatical role of its mentions: the subject of
a sentence carries its tone, a place named in "a chipmaker based in Austin" rarely does.
``entity_features`` turns that evidence into named features for the trained entity model of
the ``encoder`` backend (``scripts/train_sentiment.py``); the same function serves training
and inference.
"""
from __future__ import annotations

from typing import Mapping, Optional, Sequence

from spacy.tokens import Doc

from ..records import Entity, Event

# spaCy dependency labels (English and French schemes) -> the role a mention plays in its clause
ROLE_OF_DEP = {
    "nsubj": "subject", "nsubjpass": "subject", "nsubj:pass": "subject", "csubj": "subject", "expl:subj": "subject",
    "dobj": "object", "obj": "object", "iobj": "object",
    "pobj": "prep_object", "obl": "prep_object", "obl:arg": "prep_object", "obl:mod": "prep_object",
    "obl:agent": "prep_object", "nmod": "prep_object",
    "poss": "possessor", "nmod:poss": "possessor",
    "compound": "modifier", "amod": "modifier", "flat:name": "modifier",
    "appos": "apposition", "ROOT": "root", "root": "root", "conj": "conjunct",
}


def mention_roles(doc: Doc, entity: Entity) -> list[tuple[str, str]]:
    """For each mention of ``entity`` in ``doc``: the role of its head word (``ROLE_OF_DEP``,
    else "other") and the preposition that introduces it ("" when none: "in", "à", "de")."""
    roles = []
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.dep_ == "pobj":
            prep = root.head.lower_
        else:
            prep = next((c.lower_ for c in root.children if c.dep_ == "case"), "")
        roles.append((ROLE_OF_DEP.get(root.dep_, "other"), prep))
    return roles


def entity_features(entity: Entity, sentence_ids: Sequence[int], scores: Sequence[float], labels: Sequence[str],
                    events: Sequence[Event], top_company: str | None, roles: Sequence[tuple[str, str]] = (),
                    document: Optional[Mapping[str, float]] = None) -> dict[str, float]:
    """Features of one entity from its sentences' scores and labels, the article's events, the
    roles of its mentions (``mention_roles``) and the document label's probabilities."""
    n = len(scores)
    own = [scores[i] for i in sentence_ids if i < n]
    own_labels = [labels[i] for i in sentence_ids if i < n]
    doc_mean = sum(scores) / n if n else 0.0
    kind = entity.kind or entity.type
    f: dict[str, float] = {f"type={entity.type}": 1.0, f"kind={kind}": 1.0, "doc_mean": doc_mean,
                           f"doc_mean|{entity.type}": doc_mean}
    if n:
        f["doc_pos_share"] = sum(1 for x in labels if x == "positive") / n
        f["doc_neg_share"] = sum(1 for x in labels if x == "negative") / n
    if own:
        mean = sum(own) / len(own)
        f["own_mean"] = mean
        f[f"own_mean|{entity.type}"] = mean
        f["own_first"] = own[0]
        f["own_max"] = max(own)
        f["own_min"] = min(own)
        f["own_pos_share"] = sum(1 for x in own_labels if x == "positive") / len(own)
        f["own_neg_share"] = sum(1 for x in own_labels if x == "negative") / len(own)
        f["own_polar_both"] = float("positive" in own_labels and "negative" in own_labels)
        f["own_sentences"] = min(len(own), 6) / 6
    else:
        f["no_sentence"] = 1.0
    f["salience"] = entity.salience
    main = entity.entity_id == top_company
    if main:
        f["main_company"] = 1.0
    for label, p in (document or {}).items():
        f[f"doc_p={label}"] = p
        f[f"doc_p={label}|{entity.type}"] = p
        if main:
            f[f"doc_p={label}|main"] = p
    for role, prep in roles:
        f[f"role={role}|{entity.type}"] = f.get(f"role={role}|{entity.type}", 0.0) + 1.0 / len(roles)
        if prep:
            f[f"prep={prep}|{entity.type}"] = f.get(f"prep={prep}|{entity.type}", 0.0) + 1.0 / len(roles)
    for ev in events:
        place = entity.entity_id in ev.locations or entity.entity_id in ev.origin or entity.entity_id in ev.destination
        role = ("actor" if ev.actor == entity.entity_id else "target" if ev.target == entity.entity_id
                else "product" if ev.product == entity.entity_id else "place" if place else None)
        if role is None:
            continue
        if ev.modality in ("negated", "speculative"):
            f[f"{role}_unrealised"] = f.get(f"{role}_unrealised", 0.0) + 1.0
            continue
        f[f"{role}_of={ev.type}"] = 1.0
        if ev.quantity is not None and ev.quantity.direction in ("up", "down"):
            key = f"{role}_figure_{ev.quantity.direction}"
            f[key] = f.get(key, 0.0) + 1.0
        if ev.polarity is not None:
            f[f"{role}_event_polarity"] = f.get(f"{role}_event_polarity", 0.0) + ev.polarity
    return f
