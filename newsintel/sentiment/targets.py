"""What an entity's tone is read from: the evidence the entity-sentiment model weighs.

An entity's sentiment rests on the sentences that mention it, on the article's overall tone
and on the events it takes part in (a company closing plants, a region a company leaves).
``entity_features`` turns that evidence into named features for the trained entity model of
the ``encoder`` backend (``scripts/train_sentiment.py``); the same function serves training
and inference.
"""
from __future__ import annotations

from typing import Sequence

from ..records import Entity, Event


def entity_features(entity: Entity, sentence_ids: Sequence[int], scores: Sequence[float], labels: Sequence[str],
                    events: Sequence[Event], top_company: str | None) -> dict[str, float]:
    """Features of one entity from its sentences' scores and labels and the article's events."""
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
    if entity.entity_id == top_company:
        f["main_company"] = 1.0
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
