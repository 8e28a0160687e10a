"""Whose executive: the evidence the trained organization selector weighs.

The title rules attach an executive to the company named in the title ("PDG de Navalis",
"Navalis CEO"), else to the company named just before a possessive title ("son directeur
général"), else to the article's main company. They go wrong when a sentence names the buyer
and the bought, or a fund and its target. ``organization_features`` describes one candidate
company or organization for one executive (where it is named relative to the person, whether
a preposition ties it to the person's sentence, whether it is the rules' choice or the main
company, its salience); ``attach_organizations`` lets the model of
``models/entities/organizations.json`` (trained by ``scripts/train_entities.py``) choose.
"""
from __future__ import annotations

from typing import Optional

from ..linear import LinearDecider
from ..records import Entity

ORG_TYPES = ("company", "organization")
TIES = {"de", "d'", "d’", "du", "des", "of", "at", "chez", "'s", "’s"}


def organization_features(executive: Entity, candidate: Entity, main: Optional[str], rule: Optional[str],
                          tokens_before: dict[tuple[str, int], str]) -> dict[str, float]:
    """Features of ``candidate`` as the organization of ``executive``. ``tokens_before`` maps
    (entity id, mention start) to the lowercase word just before that mention."""
    person_sents = {m.sentence for m in executive.mentions}
    first = min(m.start for m in executive.mentions)
    cand_sents = {m.sentence for m in candidate.mentions}
    f: dict[str, float] = {"bias": 1.0, f"type={candidate.type}": 1.0, f"role={executive.role}": 1.0,
                           "salience": candidate.salience}
    if candidate.entity_id == rule:
        f["rule_pick"] = 1.0
        f[f"rule_pick|{executive.role}"] = 1.0
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
    elif any(s + 1 in person_sents for s in cand_sents):
        f["previous_sentence"] = 1.0
    else:
        f["elsewhere"] = 1.0
    if any(m.start < first for m in candidate.mentions):
        f["named_before"] = 1.0
    return f


def attach_organizations(entities: list[Entity], model: LinearDecider, tokens_before: dict[tuple[str, int], str]) -> None:
    """Let ``model`` choose each executive's organization among the article's companies and
    organizations (the rules' choice stays when no candidate reaches the threshold)."""
    orgs = [e for e in entities if e.type in ORG_TYPES]
    if not orgs:
        return
    companies = [e for e in orgs if e.type == "company" and not e.source_role]
    main = max(companies, key=lambda e: e.salience).entity_id if companies else None
    for ent in entities:
        if ent.type != "executive" or ent.identifiers:
            continue
        scored = [(model.probability(organization_features(ent, c, main, ent.organization, tokens_before)), c.entity_id)
                  for c in orgs]
        p, best = max(scored)
        if p >= model.threshold:
            ent.organization = best
