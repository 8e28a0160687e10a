"""Who makes the move: the evidence the trained actor selector weighs.

The parse rule of ``newsintel_events`` takes the subject (or passive agent) of the trigger's
verb, resolves "le groupe" / "it" to a company, and falls back on the article's main company.
It goes wrong when the subject is a source ("Selon Les Echos, ..."), when the trigger is a
noun inside a longer clause, or when a sentence names the buyer and the bought. The
candidates are the companies and organizations of the sentence, the rule's choice, the main
company and the company named last before the sentence; ``actor_features`` describes each
(its grammatical role relative to the trigger, parse distance and rank, side, whether it is
the rule's choice, the main company, in the sentence, a source) and the ``actors`` model of
``models/events`` (trained by ``scripts/train_events.py``) picks the best.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..records import Entity
from .event_places import tree_distance

ACTOR_CANDIDATE_TYPES = ("company", "organization")


def actor_features(trigger: Token, cand: Optional[Token], entity: Entity, etype: str, rule_pick: bool,
                   main_company: bool, candidates: list[Optional[Token]]) -> dict[str, float]:
    """Features of one candidate actor (``cand`` is None when it is not named in the sentence)."""
    f: dict[str, float] = {"bias": 1.0, f"type={entity.type}": 1.0, f"etype_type={etype}|{entity.type}": 1.0}
    if rule_pick:
        f["rule_pick"] = 1.0
        f[f"rule_pick|{etype}"] = 1.0
    if main_company:
        f["main_company"] = 1.0
    if entity.source_role:
        f["source"] = 1.0
    if cand is None:
        f["outside_sentence"] = 1.0
        return f
    dist = tree_distance(trigger, cand)
    dists = sorted(tree_distance(trigger, t) for t in candidates if t is not None)
    rank = dists.index(dist) if dist in dists else len(dists)
    side = "before" if cand.i < trigger.i else "after"
    f.update({
        f"dist={min(dist, 6)}": 1.0,
        f"rank={min(rank, 3)}": 1.0,
        f"side={side}": 1.0,
        f"etype_side={etype}|{side}": 1.0,
        f"dep={cand.dep_}": 1.0,
        f"etype_dep={etype}|{cand.dep_}": 1.0,
        "linear_distance": min(abs(cand.i - trigger.i), 30) / 30,
    })
    for child in cand.children:
        if child.dep_ in ("case", "prep"):
            f[f"case={child.lower_}"] = 1.0
    if cand.dep_ == "pobj" and cand.head.dep_ in ("prep", "agent"):
        f[f"case={cand.head.lower_}"] = 1.0
    governors = [trigger, *list(trigger.ancestors)[:3]]
    if any(cand.head.i == g.i for g in governors):
        f[f"governed_as={cand.dep_}"] = 1.0
    if trigger.i in {a.i for a in cand.ancestors}:
        f["under_trigger"] = 1.0
    return f
