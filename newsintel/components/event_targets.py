"""Who the other party of a deal is: the evidence the trained target selector weighs.

For acquisitions, mergers, divestments, partnerships, funding rounds and legal matters, the
target is one of the companies or organizations of the event's sentence (or of the sentence
before) other than the actor: the company bought, the partner, the buyer, the investor, the regulator. Sentences
name several ("Selon Engins Actu, Brumaire Capital étudierait le rachat du loueur Kempers
Materieel"). ``target_features`` describes one candidate relative to the trigger (parse
distance and rank, the preposition and the word it hangs from, side, entity type, source
role, whether the rule picks it); the ``targets`` model of ``models/events`` (trained by
``scripts/train_events.py``) scores each candidate and the best one is the target.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Entity
from .event_places import tree_distance

TARGET_CANDIDATE_TYPES = ("company", "organization", "product")


def _case_word(tok: Token) -> str:
    for child in tok.children:
        if child.dep_ in ("case", "prep"):
            return child.lower_
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.lower_
    if tok.i > 0 and tok.nbor(-1).pos_ == "ADP":
        return tok.nbor(-1).lower_
    return ""


def target_features(trigger: Token, cand: Token, entity: Entity, etype: str,
                    candidates: list[tuple[Entity, Token]], rule_pick: bool) -> dict[str, float]:
    """Features of one candidate target for the event whose trigger is ``trigger``."""
    dist = tree_distance(trigger, cand)
    dists = sorted(tree_distance(trigger, t) for _, t in candidates)
    rank = dists.index(dist) if dist in dists else len(dists)
    case = _case_word(cand)
    side = "before" if cand.i < trigger.i else "after"
    f: dict[str, float] = {
        "bias": 1.0,
        f"type={entity.type}": 1.0,
        f"etype_type={etype}|{entity.type}": 1.0,
        f"dist={min(dist, 6)}": 1.0,
        f"rank={min(rank, 3)}": 1.0,
        f"side={side}": 1.0,
        f"etype_side={etype}|{side}": 1.0,
        f"case={case}": 1.0,
        f"etype_case={etype}|{case}": 1.0,
        f"dep={cand.dep_}": 1.0,
        f"head={cand.head.lemma_.lower()}": 1.0,
        f"candidates={min(len(candidates), 4)}": 1.0,
        "linear_distance": min(abs(cand.i - trigger.i), 30) / 30,
    }
    if rule_pick:
        f["rule_pick"] = 1.0
    if cand.sent.start != trigger.sent.start:
        f["previous_sentence"] = 1.0
        f[f"previous_sentence|{etype}"] = 1.0
    if entity.source_role:
        f["source"] = 1.0
    if trigger.i in {a.i for a in cand.ancestors}:
        f["under_trigger"] = 1.0
    if cand.head.i == trigger.i:
        f["child_of_trigger"] = 1.0
    return f
