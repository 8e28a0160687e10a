"""Who makes the move: the evidence the trained actor selector weighs.

The parse rule of ``newsintel_events`` takes the subject (or passive agent) of the trigger's
verb, resolves "le groupe" / "it" to a company, and falls back on the article's main company.
It goes wrong when the subject is a source ("Selon Les Echos, ..."), when the trigger is a
noun inside a longer clause, or when a sentence names the buyer and the bought. The
candidates are the companies and organizations of the sentence, the rule's choice, the main
company and the company named last before the sentence; ``actor_features`` describes each
(its grammatical role relative to the trigger, parse distance and rank, side, whether it is
the rule's choice, the main company, in the sentence, a source) and ``discourse_features``
what the article said before (how many sentences ago it was named, whether it was the
subject of the previous sentence, its salience rank, and what kind of subject the trigger's
clause has: "Le groupe prévoit de...", "It plans to..." point back to the company just
discussed, which is not always the article's main one). The ``actors`` model of
``models/events`` (trained by ``scripts/train_events.py``) picks the best.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Token

from ..records import Entity
from .event_places import tree_distance

ACTOR_CANDIDATE_TYPES = ("company", "organization")
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj"}


@dataclass
class Discourse:
    """Where each company of one article is named: the sentence starts (token indices), the
    sentences naming each company, those where it is a subject, and the companies from most
    to least salient. Built once per article by :func:`discourse_of`."""

    sentence_starts: list[int] = field(default_factory=list)
    sentences_of: dict[str, list[int]] = field(default_factory=dict)
    subject_in: dict[str, set[int]] = field(default_factory=dict)
    by_salience: list[str] = field(default_factory=list)

    def sentence(self, token_i: int) -> int:
        return bisect_right(self.sentence_starts, token_i) - 1


def discourse_of(doc: Doc, entities: dict[str, Entity]) -> Discourse:
    """The :class:`Discourse` of ``doc``, from its entities' mentions and the sentences where
    ``newsintel_entities`` found them as subjects (``doc._.ni_subject_sentences``)."""
    d = Discourse(sentence_starts=[s.start for s in doc.sents])
    for eid, ent in entities.items():
        if ent.type in ACTOR_CANDIDATE_TYPES:
            d.sentences_of[eid] = sorted({m.sentence for m in ent.mentions})
    d.subject_in = doc._.ni_subject_sentences or {}
    companies = [e for e in entities.values() if e.type == "company" and not e.source_role]
    d.by_salience = [e.entity_id for e in sorted(companies, key=lambda e: -e.salience)]
    return d


def discourse_features(eid: str, sentence: int, discourse: Discourse, last_before: bool,
                       clause_subject: str) -> dict[str, float]:
    """Features of candidate ``eid`` for a trigger in sentence number ``sentence``:
    ``last_before`` when it is the company named last before that sentence; ``clause_subject``
    is what the trigger's clause has as subject (named, anaphor, pronoun, other, none)."""
    earlier = [n for n in discourse.sentences_of.get(eid, []) if n < sentence]
    since = sentence - earlier[-1] if earlier else 9
    rank = discourse.by_salience.index(eid) if eid in discourse.by_salience else 9
    f = {f"since={min(since, 4)}": 1.0, f"salience_rank={min(rank, 3)}": 1.0}
    if last_before:
        f["last_before"] = 1.0
        f[f"last_before|{clause_subject}"] = 1.0
    if sentence - 1 in discourse.subject_in.get(eid, ()):
        f["previous_subject"] = 1.0
        f[f"previous_subject|{clause_subject}"] = 1.0
    if rank == 0:
        f[f"main|{clause_subject}"] = 1.0
    return f


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
