"""Whose executive: the evidence the trained organization selector weighs.

The title rules attach an executive to the company named in the title ("PDG de Navalis",
"Navalis CEO"), else to the company named just before a possessive title ("son directeur
général"), else to the article's main company. They go wrong when a sentence names the buyer
and the bought, or a fund and its target. ``organization_features`` describes one candidate
company or organization for one executive (where it is named relative to the person, whether
a preposition ties it to the person's sentence and which word comes before it there ("of",
"from", "at"), whether it is the rules' choice or the main company, whether it is the subject
of the person's sentence or of the one before ("Prévial a vu ses primes progresser. Son
directeur général, Olivier Mazeau, ...") or of the article's first sentence (the company the
story is about), whether the article names it first, and how it ranks among the other
candidates by nearness and salience); ``attach_organizations`` lets the model of
``models/entities/organizations.json`` (trained by ``scripts/train_entities.py``) choose.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..linear import LinearDecider
from ..records import Entity

ORG_TYPES = ("company", "organization")
TIES = {"de", "d'", "d’", "du", "des", "of", "at", "chez", "'s", "’s"}


RULE_FINAL = {"title", "relative", "ministry", "subsidiary", "described"}  # the text names it: "CEO of X", "X, whose chair", "du groupe"
FAR = 10 ** 9  # the distance of a candidate never named in the person's sentences


@dataclass
class MentionContext:
    """What the parse says around the article's mentions: the lowercase word just before each
    mention, by (entity id, mention start), and the sentences where each entity is (or heads)
    a grammatical subject."""

    word_before: dict[tuple[str, int], str] = field(default_factory=dict)
    subject_in: dict[str, set[int]] = field(default_factory=dict)


def _distance_in_sentence(executive: Entity, candidate: Entity) -> int:
    return min((abs(m.start - p.start) for m in candidate.mentions for p in executive.mentions
                if m.sentence == p.sentence), default=FAR)


def _distance_before(executive: Entity, candidate: Entity) -> int:
    first = min(m.start for m in executive.mentions)
    return min((first - m.start for m in candidate.mentions if m.start < first), default=FAR)


def _ranks(values: dict[str, int]) -> dict[str, int]:
    """Each key's rank by value (0 for the smallest; 2 stands for 2 and beyond); keys at
    ``FAR`` get none."""
    order = sorted(v for v in values.values() if v < FAR)
    return {k: min(bisect_left(order, v), 2) for k, v in values.items() if v < FAR}


def candidate_ranks(executive: Entity, candidates: Sequence[Entity]) -> dict[str, dict[str, int]]:
    """Where each candidate stands among the others for ``executive``: nearest in the person's
    sentences, most salient, last named before the person."""
    return {
        "distance_rank": _ranks({c.entity_id: _distance_in_sentence(executive, c) for c in candidates}),
        "salience_rank": _ranks({c.entity_id: round(-c.salience * 1000) for c in candidates}),
        "named_before_rank": _ranks({c.entity_id: _distance_before(executive, c) for c in candidates}),
        "first_named": _ranks({c.entity_id: min(m.start for m in c.mentions) for c in candidates}),
    }


def organization_features(executive: Entity, candidate: Entity, main: Optional[str], rule: Optional[str],
                          context: MentionContext, ranks: dict[str, dict[str, int]],
                          rule_via: Optional[str] = None) -> dict[str, float]:
    """Features of ``candidate`` as the organization of ``executive``. ``context`` holds the
    words before mentions and the subjects of sentences; ``ranks`` is ``candidate_ranks``
    over all the article's companies and organizations; ``rule_via`` says how the rules
    chose (the title names it, a possessive, the main company...)."""
    tokens_before = context.word_before
    person_sents = {m.sentence for m in executive.mentions}
    first = min(m.start for m in executive.mentions)
    cand_sents = {m.sentence for m in candidate.mentions}
    f: dict[str, float] = {"bias": 1.0, f"type={candidate.type}": 1.0, f"role={executive.role}": 1.0,
                           "salience": candidate.salience}
    if candidate.entity_id == rule:
        f["rule_pick"] = 1.0
        f[f"rule_pick|{executive.role}"] = 1.0
        f[f"rule_pick|via={rule_via}"] = 1.0
    if candidate.entity_id == main:
        f["main_company"] = 1.0
    if candidate.source_role:
        f["source"] = 1.0
    if person_sents & cand_sents:
        f["same_sentence"] = 1.0
        near = min(abs(m.start - p.start) for m in candidate.mentions for p in executive.mentions if m.sentence == p.sentence)
        f[f"char_distance={min(near // 40, 5)}"] = 1.0
        tied = any(tokens_before.get((candidate.entity_id, m.start)) in TIES for m in candidate.mentions
                   if m.sentence in person_sents)
        if tied:
            f["tied_in_sentence"] = 1.0
        nearest = min((m for m in candidate.mentions if m.sentence in person_sents),
                      key=lambda m: min(abs(m.start - p.start) for p in executive.mentions))
        f[f"word_before={tokens_before.get((candidate.entity_id, nearest.start), '')}"] = 1.0  # "of", "from", "at"
    elif any(s + 1 in person_sents for s in cand_sents):
        f["previous_sentence"] = 1.0
    else:
        f["elsewhere"] = 1.0
    for name, rank in ranks.items():
        if candidate.entity_id in rank:
            f[f"{name}={rank[candidate.entity_id]}"] = 1.0
    near_mentions = sum(1 for m in candidate.mentions if any(abs(m.sentence - s) <= 1 for s in person_sents))
    f[f"mentions_nearby={min(near_mentions, 3)}"] = 1.0
    if any(m.start < first for m in candidate.mentions):
        f["named_before"] = 1.0
    if ranks.get("first_named", {}).get(candidate.entity_id) == 0:
        f["first_named"] = 1.0
    first_sentence = min(person_sents)
    subject_in = context.subject_in.get(candidate.entity_id, set())
    if first_sentence in subject_in:
        f["subject_here"] = 1.0
    if 0 in subject_in:  # the lede's subject: the company the article is about
        f["lede_subject"] = 1.0
        f[f"lede_subject|via={rule_via}"] = 1.0
    if first_sentence - 1 in subject_in:
        f["subject_before"] = 1.0
        f[f"subject_before|via={rule_via}"] = 1.0
    return f


def attach_organizations(entities: list[Entity], model: LinearDecider, context: MentionContext,
                         rule_via: Optional[dict[str, str]] = None) -> None:
    """Let ``model`` choose each executive's organization among the article's companies and
    organizations. The rules' choice stays when the title itself names the organization
    (``RULE_FINAL``) or when no candidate reaches the threshold."""
    orgs = [e for e in entities if e.type in ORG_TYPES]
    if not orgs:
        return
    companies = [e for e in orgs if e.type == "company" and not e.source_role]
    main = max(companies, key=lambda e: e.salience).entity_id if companies else None
    for ent in entities:
        if ent.type != "executive" or ent.identifiers or (rule_via or {}).get(ent.entity_id) in RULE_FINAL:
            continue
        # a minister serves a government body, never a company the article is about
        candidates = [c for c in orgs if ent.role != "minister" or c.type == "organization"]
        if not candidates:
            continue
        ranks = candidate_ranks(ent, orgs)
        via = (rule_via or {}).get(ent.entity_id)
        scored = [(model.probability(organization_features(ent, c, main, ent.organization, context, ranks, via)),
                   c.entity_id) for c in candidates]
        p, best = max(scored)
        if p >= model.threshold:
            ent.organization = best
