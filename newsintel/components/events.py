"""``newsintel_events``: strategic events with arguments, modality, tense and time.

Triggers (verbs, nominalizations and idioms of each event type, as lemma sequences with
optional context conditions) come from ``data/events.yaml``; modality cues from
``data/modality.yaml``. Arguments are read off the dependency parse: the subject (or the
agent of a passive) is the actor, prepositions separate a relocation's origin from its
destination, and figures and dates of the sentence become the quantity and the time. A
description such as "le groupe" or "the retailer" resolves to the company last named.
Where a rule's choice is often ambiguous, trained selectors (``models/events``) decide among
the candidates, with the rule's choice as one of their features: the actor
(``event_actors``), the places an event is about (``event_places``) and the other party of a
deal (``event_targets``).

With ``broad=True`` (set when ``newsintel_event_verifier`` follows), a trigger whose context
condition fails is still proposed, marked as such in ``doc._.ni_event_cues``, for the
verifier to judge; without the verifier only triggers whose conditions hold are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..quantities import find_quantities, is_multiple
from ..records import Entity, Event, Quantity, Span as TextSpan, TimeExpression
from ..taxonomy import SUBSUMES
from ..resources import load_yaml
from ..timex import find_times, parse_anchor
from ..linear import LinearDecider
from ..matching import LemmaPhraseMatcher
from ..resources import model_path
from .event_actors import ACTOR_CANDIDATE_TYPES, SUBJECT_DEPS, Discourse, actor_features, discourse_features, discourse_of
from .event_places import attached_preposition, choose_places, place_features, situates, tree_distance, written_to_situate
from .event_targets import TARGET_CANDIDATE_TYPES, target_features

WINDOW = 8
AGENT_DEPS = {"obl:agent", "agent"}
OBJECT_DEPS = {"obj", "dobj", "pobj", "obl", "obl:arg", "obl:mod", "nmod", "iobj", "attr", "xcomp"}
ORIGIN_MARK = "from"
ORIGIN_PREPS = {"fr": {"de", "d'", "d’", "depuis", "du", "des", ORIGIN_MARK}, "en": {"from", "out"}}
INSTALLED_WORDS = {"installer", "installé", "baser", "basé", "based", "implanter", "implanté", "domicilier", "locate", "located"}
GENITIVE_PREPS = {"de", "d'", "d’", "du", "des", "of"}
DESTINATION_PREPS = {"fr": {"à", "vers", "en", "au", "aux", "dans", "sur"}, "en": {"to", "in", "into", "toward", "towards", "at"}}
PRONOUNS = {"fr": {"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "qui"}, "en": {"it", "they", "which", "who", "its"}}
TOTAL_OF = re.compile(r"\b(?:of|out of) (?:its|their|the) $|\b(?:sur|de|parmi) (?:ses|leurs|les) $", re.I)
JOINING_LEMMAS = {"rejoindre", "join"}  # an appointment whose object is the company joined
PERSONAL_PRONOUNS = {"il", "elle", "he", "she"}  # a person's move told with a pronoun
CLAUSE_BOUNDARIES = {"relcl", "acl:relcl", "advcl"}
CLAUSE_OPENERS = {"tandis", "while", "whereas", "whilst", ";"}  # another clause, often another person
DISJUNCTIONS = {"or", "nor", "ou", "ni"}
CHANGE_REACH = 40  # characters between a figure and the "en hausse de 5 %" that qualifies it
PREVIOUS_SENTENCE_TARGET = 0.5  # probability a target named only in the previous sentence needs
TITLE_GLUE = {"as", "comme", ",", "the", "its", "le", "la", "l'", "l’", "au", "poste", "post", "de", "of"}
NOT_WORDS = {"not", "n't", "never", "pas", "ni", "jamais"}
FORMER_WORDS = {"jusqu'ici", "jusqu’ici", "ici", "ancien", "ancienne", "ex", "former", "previously", "précédemment",
                "formerly", "jusqu'alors", "jusqu’alors", "been", "était"}
DEFINITE = {"the", "this", "that", "these", "its", "le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces", "son", "sa", "ses"}
FINANCIAL_MEASURES = {"revenue", "sales", "profit", "operating_profit", "ebitda", "ebit", "margin", "users",
                      "orders", "market_share", "cash_flow", "volumes", "impairment", "gain"}
# in a trigger's with_any / without_any lists: "@product", "@organization" stand for an
# entity of that type near the trigger ("l'arrêt de Chronéo", "clearance from CADE")
NEARBY_TYPES = ("product", "organization")
NOT_RESULTS = {"share_price"}  # "le titre a bondi de 14 %": the market's verdict, not the company's figures
REPEATABLE_TYPES = {"financial_results"}  # "le chiffre d'affaires", "le résultat net": separate figures
RELATIVE_POSSESSIVES = {"dont", "whose"}  # "X, dont les ventes", "X, whose sales"
PREDICATE_DEPS = {"acomp", "attr", "oprd", "prep", "xcomp"}  # "were at risk", "be made redundant"
PRODUCT_TYPES = {"product_launch", "product_discontinuation"}  # events about one product
ROLE_FREE_TYPES = {"executive_appointment", "executive_departure"}
DEAL_TYPES = {"acquisition", "divestment", "investment_funding"}  # the thing bought, sold or funded
TARGET_TYPES = {"acquisition", "merger", "divestment", "partnership", "investment_funding", "legal_regulatory"}
LOCATION_TYPES = {"market_entry", "market_expansion", "market_exit", "facility_opening", "facility_closure",
                  "layoffs", "hiring", "restructuring", "partnership", "investment_funding", "ipo", "bankruptcy",
                  "product_launch", "product_discontinuation", "legal_regulatory", "workplace_policy"}
QUANTITY_PREFERENCE = {  # units an event's figure may have, in tiers: a nearer figure wins within a tier
    "financial_results": ("percent", "currency", "users", "units"),
    "layoffs": ("jobs", "people"),
    "hiring": ("jobs", "people"),
    "restructuring": ("currency",),
    "investment_funding": ("currency",),
    "acquisition": ("currency", "percent"),
    "divestment": ("currency", "percent"),
    "relocation": ("people", "jobs"),
    "facility_closure": (("sites", "stores"), "jobs", "people"),
    "facility_opening": (("sites", "stores"), "jobs", "people"),
    "market_exit": (("stores", "sites"), "jobs", "people"),
    "market_entry": (("stores", "sites"), "currency"),
    "market_expansion": ("currency", ("stores", "sites")),
    "legal_regulatory": ("currency",),
    "ipo": ("currency",),
}


@dataclass
class _Trigger:
    type: str
    start: int
    end: int
    specificity: int
    strict: bool = True  # False: a context condition of the trigger entry did not hold (broad mode)


def _french_conditional(tok: Token) -> bool:
    """"investirait", "serait" are conditionals; "retirait", "entrait" (the verb's stem +
    "ait") are imperfects. spaCy's French models tag both as indicative imperfect."""
    form = tok.lower_
    if not form.endswith(("rait", "raient")):
        return False
    stem = tok.lemma_.lower()[:-2]
    return form not in (stem + "ait", stem + "aient")


def governing_verb(tok: Token) -> Optional[Token]:
    """The closest verb above a token in the parse (its clause's verb), or None."""
    return next((t for t in tok.ancestors if t.pos_ == "VERB"), None)


def first_mentions(span: Span, index: dict, entities: dict, types: tuple[str, ...]) -> dict[str, Token]:
    """Entity id -> the head word of its first mention in ``span``, for entities of ``types``,
    in text order."""
    out: dict[str, Token] = {}
    i = span.start
    while i < span.end:
        eid = index.get(i)
        if eid and eid not in out and entities[eid].type in types:
            end = i
            while end < span.end and index.get(end) == eid:
                end += 1
            out[eid] = span.doc[i:end].root
            i = end
            continue
        i += 1
    return out


@Language.factory("newsintel_events",
                  default_config={"locations_model": None, "targets_model": None, "actors_model": None, "broad": False},
                  assigns=["doc._.ni_events", "doc._.ni_event_cues"], requires=["doc._.ni_entities"])
def make_event_extractor(nlp: Language, name: str, locations_model: Optional[str], targets_model: Optional[str],
                         actors_model: Optional[str], broad: bool):
    return EventExtractor(nlp, name=name, locations_model=locations_model, targets_model=targets_model,
                          actors_model=actors_model, broad=broad)


class EventExtractor:
    """Finds the events of a doc and fills ``doc._.ni_events`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "newsintel_events", locations_model: Optional[str] = None,
                 targets_model: Optional[str] = None, actors_model: Optional[str] = None, broad: bool = False):
        self.name = name
        self.broad = broad
        self.locations = self._load_model(locations_model, "locations.json")
        self.targets = self._load_model(targets_model, "targets.json")
        self.actors = self._load_model(actors_model, "actors.json")
        self.lang = nlp.lang
        self.matcher = LemmaPhraseMatcher(nlp.vocab)
        self.conditions: dict[str, tuple[str, dict]] = {}
        events = load_yaml("events.yaml")["types"]
        for etype, spec in events.items():
            for n, entry in enumerate((spec.get("triggers") or {}).get(self.lang, []) or []):
                if isinstance(entry, str):
                    entry = {"lemma": entry}
                key = f"{etype}|{n}"
                self.conditions[key] = (etype, entry)
                self.matcher.add(key, [entry["lemma"]])
        mod = load_yaml("modality.yaml").get(self.lang, {})
        self.cue_matcher = LemmaPhraseMatcher(nlp.vocab)
        self.denial_matcher = LemmaPhraseMatcher(nlp.vocab)
        self.denial_matcher.add("DENIAL", load_yaml("modality.yaml").get("denial", {}).get(self.lang, []))
        self.announcing = set(mod.get("announcing", []) or [])
        self.negative_determiners = set(mod.get("negative_determiners", []) or [])
        self.negative_prepositions = set(mod.get("negative_prepositions", []) or [])
        self.negative_subjects = set(mod.get("negative_subjects", []) or [])
        self.negative_heads = set(mod.get("negative_heads", []) or [])
        self.hypothetical_determiners = set(mod.get("hypothetical_determiners", []) or [])
        self.hypothetical_modals = set(mod.get("hypothetical_modals", []) or [])
        self.denial_lemmas = {w for w in load_yaml("modality.yaml").get("denial", {}).get(self.lang, []) if " " not in w}
        for kind in ("negated", "speculative", "reported", "planned", "forecast", "attempt", "failure"):
            self.cue_matcher.add(kind.upper(), mod.get(kind, []) or [])
        orgs = load_yaml("organizations.yaml")
        self.anaphora = set(orgs["company_anaphora"][self.lang])
        self.product_nouns = set(orgs["product_cues"][self.lang])
        self.place_anaphora = LemmaPhraseMatcher(nlp.vocab)
        for what, words in load_yaml("events.yaml").get("place_anaphora", {}).items():
            self.place_anaphora.add(what, words.get(self.lang, []))
        self.market_nouns = set(orgs["market_nouns"][self.lang])

    @classmethod
    def _person_subject(cls, doc: Doc, start: int, person_tokens: frozenset) -> bool:
        """Whether the verb at ``start`` has a person for subject: a named person ("Yusuf Karataş
        quittera Brückenhof"), or "il" / "elle" / "he" / "she" right after a sentence naming one
        ("Il rejoindra Carpatis comme directeur des opérations")."""
        verb = doc[start]
        if verb.dep_ in ("parataxis", "conj") and verb.head.i in person_tokens and not any(
                c.dep_ in SUBJECT_DEPS and c.i in person_tokens for c in verb.children):
            return True  # "Radu Vasilescu, qui dirige la filiale, quittera Hemmler" parsed as a side clause
        if any(c.dep_ in SUBJECT_DEPS and c.i in person_tokens for c in verb.children):
            return True
        return cls._pronoun_person(doc, verb, person_tokens.__contains__) is not None

    @staticmethod
    def _pronoun_person(doc: Doc, verb: Token, is_person) -> Optional[int]:
        """The token of the person a personal-pronoun subject of ``verb`` stands for: the last
        person named since the start of the sentence before ("Il rejoindra Carpatis" after
        "Radu Vasilescu ... quittera Hemmler"), or None."""
        pronoun = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in PERSONAL_PRONOUNS), None)
        if pronoun is None:
            return None
        sent = verb.sent
        lower = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        return next((i for i in range(pronoun.i - 1, lower - 1, -1) if is_person(i)), None)

    @staticmethod
    def _load_model(path: Optional[str], filename: str) -> Optional[LinearDecider]:
        """A trained argument selector (``locations.json``, ``targets.json``, ``actors.json``);
        ``"none"`` (or no packaged model) keeps the parse rule."""
        if path == "none":
            return None
        file = Path(path) if path else model_path("events", filename)
        if file.is_dir():
            file = file / filename
        return LinearDecider.load(file) if file.exists() else None

    # --- triggers ---------------------------------------------------------------------
    def _triggers(self, doc: Doc, region_tokens: set[int], entity_tokens: set[int],
                  person_tokens: frozenset = frozenset(), typed_tokens: Optional[dict[str, frozenset]] = None) -> list[_Trigger]:
        found: list[_Trigger] = []
        for key, start, end in self.matcher(doc):
            if entity_tokens.intersection(range(start, end)):
                continue  # "Hanul Investment", "Ministry of Investment": a name, not a move
            if end - start == 1 and doc[start].pos_ in ("ADP", "DET", "PRON", "CCONJ", "SCONJ"):
                continue  # "entre Paris et Montréal" is no "entrer"
            if end - start == 1 and doc[start].dep_ == "amod" and doc[start].pos_ in ("VERB", "ADJ") \
                    and not any(t.like_num for t in doc[end:end + 3]):
                continue  # "the merged company", "la société fusionnée": a description, not a move
                # (but "Le groupe revendique 7,8 millions de clients", a verb tagged as an adjective)
            if doc[end - 1].lemma_ in ("sell", "vendre") and end < len(doc) and doc[end].lower_ in ("under", "sous"):
                continue  # "soups sold under the Hearthside brand", "vendus sous la marque": products, not a sale
            etype, cond = self.conditions[key]
            sent = doc[start].sent
            lo, hi = max(sent.start, start - WINDOW), min(sent.end, end + WINDOW)
            near = {t.lemma_.lower() for t in doc[lo:hi]} | {t.lower_ for t in doc[lo:hi]}
            for etype_near, tokens in (typed_tokens or {}).items():
                if tokens.intersection(range(lo, hi)):
                    near.add(f"@{etype_near}")  # a named product or organization counts as a cue word
            spec, strict = 0, True
            if cond.get("with_any"):
                if near.intersection(str(w).lower() for w in cond["with_any"]):
                    spec += 2
                elif self.broad:
                    strict = False
                else:
                    continue
            if cond.get("without_any") and near.intersection(str(w).lower() for w in cond["without_any"]):
                continue
            if cond.get("with_person_subject"):
                if self._person_subject(doc, start, person_tokens):
                    spec += 2
                else:
                    continue
            if cond.get("with_region"):
                if region_tokens.intersection(range(sent.start, sent.end)):
                    spec += 1
                elif self.broad:
                    strict = False
                else:
                    continue
            found.append(_Trigger(etype, start, end, spec + (end - start) - (0 if strict else 3), strict))
        kept: list[_Trigger] = []
        taken: set[int] = set()
        for t in sorted(found, key=lambda t: (-t.specificity, -(t.end - t.start), t.start)):
            if not taken.intersection(range(t.start, t.end)):
                kept.append(t)
                taken.update(range(t.start, t.end))
        # a type another trigger of the same sentence already covers ("raised £420m in its IPO")
        by_sentence: dict[int, set[str]] = {}
        for t in kept:
            if t.strict:
                by_sentence.setdefault(doc[t.start].sent.start, set()).add(t.type)
        kept = [t for t in kept if not any(t.type in SUBSUMES.get(other, ())
                                           for other in by_sentence.get(doc[t.start].sent.start, ()))]
        return sorted(kept, key=lambda t: t.start)

    # --- arguments --------------------------------------------------------------------
    @staticmethod
    def _governors(tok: Token, depth: int = 3) -> list[Token]:
        chain = [tok]
        while depth and chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
            depth -= 1
        return chain

    def _entity_at(self, tok: Token, doc: Doc, types: tuple[str, ...], index: dict, entities: dict) -> Optional[str]:
        for t in [tok] + list(tok.subtree):
            eid = index.get(t.i)
            if eid and entities[eid].type in types:
                return eid
            if t.i - tok.i > 6:
                break
        return None

    def _last_company_before(self, pos: int, doc: Doc, index: dict, entities: dict) -> Optional[str]:
        for i in range(pos - 1, -1, -1):
            eid = index.get(i)
            if eid and entities[eid].type == "company" and not entities[eid].source_role:
                return eid
        return None

    def _named_actor(self, trig: _Trigger, doc: Doc, index: dict, entities: dict, top_company: Optional[str],
                     described: dict[str, str]) -> Optional[str]:
        """The actor the text itself names, which no selector overrules: the company a person
        joins, the antecedent of "dont" / "whose"."""
        return self._joined_company(trig, doc, index, entities) or self._relative_owner(
            doc[trig.start], doc, index, entities, top_company, described)

    def _actor(self, trig: _Trigger, doc: Doc, index: dict, entities: dict, top_company: Optional[str],
               described: dict[str, str], named: bool = True) -> tuple[Optional[str], bool]:
        """The actor's entity id and whether the parse (not proximity) gave it (``named``:
        ask ``_named_actor`` first)."""
        tok = doc[trig.start]
        types = ("company", "organization")
        actor = self._named_actor(trig, doc, index, entities, top_company, described) if named else None
        if actor:
            return actor, True
        for gov in self._governors(tok):
            for child in gov.children:
                if child.dep_ in AGENT_DEPS or (child.dep_ in ("prep", "obl") and child.lower_ in ("by", "par")):
                    eid = self._entity_at(child, doc, types, index, entities)
                    if eid:
                        return eid, True
                if child.dep_ in SUBJECT_DEPS:
                    eid = self._entity_at(child, doc, types, index, entities)
                    if eid:
                        return eid, True
                    if child.lower_ in PRONOUNS[self.lang]:
                        eid = self._last_company_before(trig.start, doc, index, entities)
                        if eid:
                            return eid, True
                    if child.lemma_.lower() in self.anaphora:
                        eid = described.get(child.lemma_.lower()) or top_company
                        if eid:
                            return eid, True
            if gov.pos_ == "VERB" and gov.i != tok.i:
                break
        if tok.pos_ == "NOUN":  # "la fermeture de l'usine de Navalis", "Navalis's closure"
            for child in tok.subtree:
                eid = index.get(child.i)
                if eid and entities[eid].type in types:
                    return eid, True
        sent = tok.sent
        in_sentence = {index.get(i) for i in range(sent.start, sent.end)}
        if top_company in in_sentence:
            return top_company, False
        before = [index.get(i) for i in range(trig.start - 1, sent.start - 1, -1)]
        for eid in before:
            if eid and entities[eid].type in types and not entities[eid].source_role:
                return eid, False
        for i in range(trig.end, sent.end):
            eid = index.get(i)
            if eid and entities[eid].type in types and not entities[eid].source_role:
                return eid, False
        return top_company, False

    def _relative_owner(self, tok: Token, doc: Doc, index: dict, entities: dict, top_company: Optional[str],
                        described: dict[str, str]) -> Optional[str]:
        """"Hofbrot, numéro un du secteur, dont les ventes ont bondi", "Kestrel, whose revenue
        fell": the subject's owner is the relative pronoun's antecedent, the company named last
        before it (or what "l'entreprise, dont..." refers to). The parse often hangs the clause
        on a nearer noun, so the antecedent is read from the text."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
            rel = next((c for c in subject.children if c.lower_ in RELATIVE_POSSESSIVES), None)
            if rel is None:
                continue
            for i in range(rel.i - 1, rel.sent.start - 1, -1):
                eid = index.get(i)
                if eid and entities[eid].type in ("company", "organization") and not entities[eid].source_role:
                    return eid
                if doc[i].lemma_.lower() in self.anaphora and i == rel.i - 2 and doc[i + 1].is_punct \
                        and i - rel.sent.start <= 3:  # "L'entreprise, dont...", "La jeune entreprise, dont..."
                    return described.get(doc[i].lemma_.lower()) or top_company
        return None

    @staticmethod
    def actor_candidates(trig, doc: Doc, index: dict, entities: dict, top_company: Optional[str],
                         rule: Optional[str], last_before: Optional[str]) -> list[tuple[str, Optional[Token]]]:
        """The companies and organizations of the trigger's sentence (with the head word of
        their first mention there), the rule's choice, the main company and the company named
        last before the sentence (these three without a token when outside the sentence)."""
        sent = doc[trig.start].sent
        out: dict[str, Optional[Token]] = dict(first_mentions(sent, index, entities, ACTOR_CANDIDATE_TYPES))
        for eid in (rule, top_company, last_before):
            if eid and eid not in out:
                out[eid] = None
        return list(out.items())

    def _joined_company(self, trig, doc: Doc, index: dict, entities: dict) -> Optional[str]:
        """The company an appointment's "join" / "rejoindre" names as its object: "Elle
        rejoindra le groupe Navalis comme directrice", "will join Navalis Group as CFO"."""
        tok = doc[trig.start]
        if trig.type != "executive_appointment" or tok.lemma_ not in JOINING_LEMMAS:
            return None
        for child in tok.children:
            if child.dep_ in ("obj", "dobj", "xcomp"):
                eid = self._entity_at(child, doc, ("company", "organization"), index, entities)
                if eid:
                    return eid
        return None

    def _clause_subject(self, tok: Token, index: dict) -> str:
        """What the trigger's clause has as subject: a name, a company anaphor ("le groupe"),
        a pronoun, something else, or none."""
        for gov in self._governors(tok):
            subject = next((c for c in gov.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                if subject.lower_ in PRONOUNS[self.lang]:
                    return "pronoun"
                if subject.lemma_.lower() in self.anaphora:
                    return "anaphor"
                return "named" if subject.i in index else "other"
            if gov.pos_ == "VERB" and gov.i != tok.i:
                break
        return "none"

    def actor_choices(self, trig, doc: Doc, index: dict, entities: dict, top_company: Optional[str],
                      rule: Optional[str], discourse: Discourse) -> list[tuple[str, dict[str, float]]]:
        """Each candidate actor with the features the actor selector weighs."""
        head = doc[trig.start:trig.end].root
        last_before = self._last_company_before(head.sent.start, doc, index, entities)
        cands = self.actor_candidates(trig, doc, index, entities, top_company, rule, last_before)
        toks = [tok for _, tok in cands]
        sentence = discourse.sentence(head.sent.start)
        subject = self._clause_subject(head, index)
        out = []
        for eid, tok in cands:
            features = actor_features(head, tok, entities[eid], trig.type, eid == rule, eid == top_company, toks)
            features.update(discourse_features(eid, sentence, discourse, eid == last_before, subject))
            out.append((eid, features))
        return out

    def _select_actor(self, trig, doc, index, entities, top_company, described,
                      discourse: Discourse) -> tuple[Optional[str], bool]:
        """The actor: the trained selector's best candidate when there is one, the parse rule
        otherwise (and as one of the selector's features); the company a person joins is
        the appointment's actor, and the antecedent of "dont"/"whose" the owner of the
        figures, whatever the selector says."""
        named = self._named_actor(trig, doc, index, entities, top_company, described)
        if named:
            return named, True
        rule, parsed = self._actor(trig, doc, index, entities, top_company, described, named=False)
        if self.actors is None or (parsed and trig.type in DEAL_TYPES and self._deal_object(trig, doc, index, entities, rule)):
            return rule, parsed  # "Nordtinde, which Brattberg bought": the clause names its own subject
        choices = self.actor_choices(trig, doc, index, entities, top_company, rule, discourse)
        if not choices:
            return rule, parsed
        p, best = max((self.actors.probability(features), eid) for eid, features in choices)
        if p < self.actors.threshold:
            return rule, parsed
        return best, parsed and best == rule

    def _descriptions(self, doc: Doc, index: dict, entities: dict) -> dict[str, str]:
        """Company nouns that introduce a named company ("la biotech Cellyse", "the fund
        Harbor Point"): a later "la biotech" refers to that company, not to the main one."""
        described: dict[str, str] = {}
        for tok in doc:
            lemma = tok.lemma_.lower()
            if lemma not in self.anaphora or tok.i + 1 >= len(doc):
                continue
            for j in range(tok.i + 1, min(len(doc), tok.i + 4)):
                eid = index.get(j)
                if eid and entities[eid].type == "company":
                    described.setdefault(lemma, eid)
                    break
                if doc[j].pos_ not in ("ADJ", "PROPN"):
                    break
        generic = {"groupe", "group", "société", "company", "entreprise", "firm", "firme"}
        return {k: v for k, v in described.items() if k not in generic}

    def _places(self, sent: Span, index: dict, entities: dict) -> list[tuple[str, Token]]:
        out, seen = [], set()
        for tok in sent:
            eid = index.get(tok.i)
            if eid and entities[eid].type == "region" and eid not in seen:
                seen.add(eid)
                out.append((eid, tok))
        return out

    def _near_places(self, trigger: Token, places, entities) -> list:
        """The places of a sentence that the event is about: the closest to the trigger in the
        parse (and those coordinated with them), not every place the sentence names; a
        nationality word describing a company ("le groupe français") is no market."""
        usable = []
        for eid, tok in places:
            if entities[eid].kind == "nationality" and tok.dep_ in ("amod", "compound", "nmod") \
                    and tok.head.lemma_.lower() not in self.market_nouns:
                continue
            usable.append((eid, tok, tree_distance(trigger, tok)))
        if not usable:
            return []
        best = min(d for _, _, d in usable)
        near = [(eid, tok) for eid, tok, d in usable if d <= best + 1 or (tok.dep_ == "conj" and d <= best + 2)]
        # "Ho Chi Minh City, Vietnam": the country of a named city adds nothing
        specific = {entities[eid].country for eid, _ in near if entities[eid].kind in ("city", "subdivision")}
        return [(eid, tok) for eid, tok in near if not (entities[eid].kind == "country" and entities[eid].code in specific)]

    def _select_places(self, trig: _Trigger, doc: Doc, places, entities) -> list:
        """The event's locations among the sentence's places: the trained selector when there
        is one (falling back on the rule when it accepts none), the parse-distance rule
        otherwise (and as one of the selector's features)."""
        head = doc[trig.start:trig.end].root
        rule = self._near_places(head, places, entities)
        if self.locations is None or not places:
            return rule
        picked = {eid for eid, _ in rule}
        candidates = [(entities[eid], tok) for eid, tok in places]
        accepted = [self.locations.accepts(place_features(head, tok, entities[eid], trig.type, candidates,
                                                          eid in picked, self.market_nouns))
                    for eid, tok in places]
        return [places[i] for i in choose_places(accepted, [tok for _, tok in places],
                                                  [entities[eid] for eid, _ in places])] or rule

    @staticmethod
    def _preposition(tok: Token, guess: bool = True) -> str:
        """The preposition that introduces ``tok``; with ``guess``, the word before it when the
        parse attaches none."""
        prep = attached_preposition(tok)
        if prep or not guess:
            return prep
        return tok.nbor(-1).lower_ if tok.i > 0 else ""

    def _move_preposition(self, tok: Token) -> str:
        """The preposition that says which end of a move a place is: its own, or that of the
        site it names ("vers son usine de Tanger", "from its Sarreguemines plant"); a place
        where the moved unit is installed today ("installé à Saint-Denis") is where it leaves."""
        prep = self._preposition(tok)
        doc = tok.doc
        if prep == "of" and any(doc[k].lower_ == "of" and k > 0 and doc[k - 1].lower_ == "out"
                                for k in range(max(0, tok.i - 3), tok.i)):
            return ORIGIN_MARK  # "move production out of China"
        site = tok.head
        if site.i != tok.i and site.pos_ == "NOUN" and (tok.dep_ == "compound" or prep in GENITIVE_PREPS):
            prep = self._preposition(site, guess=False) or prep
        governor = tok.head.head if tok.head.dep_ == "prep" else tok.head
        if self.lang == "en" and governor.i != tok.i and governor.pos_ == "NOUN" and prep in ("in", "at"):
            # "from the company's headquarters in Bracknell", "to its larger site in Burton": the
            # site's own preposition says which end of the move the town is (French says it with
            # "de": "vers son usine de Tanger", read above)
            site_prep = self._preposition(governor, guess=False)
            if site_prep in ORIGIN_PREPS[self.lang] or site_prep in DESTINATION_PREPS[self.lang]:
                prep = site_prep
        if prep in DESTINATION_PREPS[self.lang] and governor.lemma_.lower() in INSTALLED_WORDS:
            return ORIGIN_MARK
        return prep

    # --- modality and tense -----------------------------------------------------------

    def _modality(self, trig: _Trigger, doc: Doc, cues: dict[str, list[tuple[int, int]]],
                  actor: Optional[str] = None, index: Optional[dict] = None, entities: Optional[dict] = None) -> str:
        tok = doc[trig.start]
        sent = tok.sent
        govs = self._governors(tok)
        # a clause of its own has its own negation: "the site, which opened in August, would not
        # reach full output" does not negate the opening; "X a repoussé le lancement, et son
        # bénéfice a reculé" does not negate the second verb
        clause_govs = govs
        for n, g in enumerate(govs[:-1]):
            if self._own_clause(g):
                clause_govs = govs[:n + 1]
                break
        clause = {g.i for g in clause_govs}
        for g in clause_govs:
            # a coordinated verb, a relative or an adverbial clause is a clause of its own
            clause.update(c.i for c in g.children if c.dep_ != "conj" and c.dep_ not in CLAUSE_BOUNDARIES)

        # "shelved plans for a listing and cut 8% of its workforce": a verb that negates by its
        # meaning acts on its own object, not on a verb coordinated with it (nor on that verb's
        # other complements: "expects to cancel flights and warned that profit could fall")
        # "had no plans to close the plant or to cut jobs": after "or" / "ni" both verbs stay
        # under what governs the first
        own_govs = clause_govs
        for n, g in enumerate(clause_govs[:-1]):
            if g.dep_ == "conj" and not any(c.dep_ == "cc" and c.lower_ in DISJUNCTIONS and c.i < g.i
                                            for c in (*g.children, *g.head.children)):
                own_govs = clause_govs[:n + 1]
                break
        own_clause = {g.i for g in own_govs} | {
            c.i for g in own_govs for c in g.children if c.dep_ != "conj" and c.dep_ not in CLAUSE_BOUNDARIES}

        trigger_clause = self._clause_head(tok)

        def near(kind: str, before: int, after: int = 0) -> bool:
            if kind != "negated":
                return any(sent.start <= s and e <= sent.end and not (s < trig.end and trig.start < e)  # the trigger
                           and (trig.start - before <= s < trig.end + after or s in clause)
                           for s, e in cues.get(kind, []))
            # a negation next to the trigger but in another clause negates that clause only:
            # "ne suivra pas l'équipe : elle quittera Furuhem", "ne fermera pas l'usine, lancée en 2010"
            return any(sent.start <= s and e <= sent.end and not (s < trig.end and trig.start < e)
                       and ((trig.start - before <= s < trig.end + after and self._clause_head(doc[s]).i == trigger_clause.i)
                            or s in own_clause)
                       for s, e in cues.get(kind, []))

        # "an IPO was not on the agenda": a noun trigger whose predicate is negated (not a
        # clause coordinated with it: "revenue fell 38% and the company postponed a plant")
        # (also a trigger completing the subject: "le projet de rachat de Baltyard a été reporté")
        predicate = set()
        subject = tok
        for _ in range(2):  # up through the noun it completes ("de rachat", "for a listing")
            if subject.dep_ not in ("nmod", "pobj"):
                break
            head = subject.head.head if subject.head.pos_ == "ADP" else subject.head
            if head.pos_ not in ("NOUN", "PROPN"):
                break
            subject = head
        if subject.dep_ in SUBJECT_DEPS and tok.pos_ in ("NOUN", "PROPN"):
            predicate = {t.i for t in subject.head.subtree} - {t.i for t in subject.subtree} - {
                t.i for c in subject.head.children if c.dep_ == "conj" or self._own_clause(c) for t in c.subtree}
        # "has not ruled out selling": a negation inside a speculative cue negates nothing
        hedged = {i for s, e in cues.get("speculative", []) for i in range(s, e)}
        root = doc[trig.start:trig.end].root
        # "ruled out a stock market listing" with the trigger parsed as a clause of its own: a
        # negating verb whose object the trigger is, with no punctuation between them
        governed = root.dep_ != "conj" and any(s <= root.head.i < e <= root.i and not any(t.is_punct for t in doc[e:root.i])
                       for s, e in cues.get("negated", []))
        if near("negated", 6) or any(c.dep_ == "neg" and c.i not in hedged for g in clause_govs for c in g.children) \
                or self._negative_word(root) or any(s in predicate for s, _ in cues.get("negated", [])) or self._denied(root) \
                or governed:
            return "negated"
        if self._failed_attempt(trig, sent, cues, clause):
            return "negated"
        if trig.type == "financial_results" and near("forecast", 8):
            return "speculative"  # "table sur une baisse de 7 %", "expects revenue of $1.6bn": a forecast
        conditional_words = [g for g in govs if "Cnd" in g.morph.get("Mood")] + [
            c for g in govs for c in g.children if c.dep_.startswith("aux") and "Cnd" in c.morph.get("Mood")]
        if self.lang == "fr" and not conditional_words:
            conditional_words = [g for g in govs if g.pos_ in ("VERB", "AUX") and _french_conditional(g)] + [
                c for g in govs for c in g.children if c.dep_.startswith("aux") and _french_conditional(c)]
        # "ces ouvertures devraient créer 400 emplois": "devrait" on the company's own move is a
        # plan; so is "a annoncé qu'il investirait", a future seen from the past
        own_plan = bool(conditional_words) and all(
            w.lemma_ == "devoir" or self._future_in_past(w) for w in conditional_words)
        conditional = bool(conditional_words) and not own_plan
        if conditional and self._past_conditional(govs) and not near("speculative", 8):
            return "reported"  # "Navalis aurait cédé": hearsay about a done deal (not "aurait approché X en vue d'un rachat")
        if conditional or near("speculative", 8) or self._hypothetical(clause_govs):
            return "speculative"
        if any(sent.start <= s < sent.end and self._third_party_source(doc, s, e, actor, index, entities)
               for s, e in cues.get("reported", [])):
            return "reported"
        future = any("Fut" in g.morph.get("Tense") for g in clause_govs) or any(
            c.lower_ in ("will", "shall", "'ll") or (c.dep_.startswith("aux") and "Fut" in c.morph.get("Tense"))
            for g in clause_govs for c in g.children
        )
        if future or own_plan:
            return "planned"
        ancestors = {a.i for a in tok.ancestors}
        governing_cue = any(i in ancestors for s, e in cues.get("planned", []) for i in range(s, e))
        # a planning word nearby does not make a done deed planned ("a annoncé l'acquisition")
        if governing_cue or (near("planned", 6) and not self._is_past(govs)):
            return "planned"
        return "asserted"

    @staticmethod
    def _own_clause(g: Token) -> bool:
        """Whether ``g`` heads a clause of its own, with its own negation and hedges: a relative
        or adverbial clause, a participle ("Ce SUV, lancé en 2020, n'a jamais atteint ses
        objectifs" does not negate the launch), a clause after a colon, or a coordinated verb
        with its own subject or auxiliary."""
        if g.dep_ in CLAUSE_BOUNDARIES or g.dep_ == "parataxis":
            return True
        if g.dep_ == "acl" and "Part" in g.morph.get("VerbForm") and "Past" in g.morph.get("Tense"):
            return True  # a past participle: not "a report that it was preparing to sell"
        return g.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS or (c.dep_.startswith("aux") and c.lower_ != "to")
                                        for c in g.children)  # "or to cut jobs": an infinitive, no clause

    def _clause_head(self, tok: Token) -> Token:
        """The head of the clause ``tok`` belongs to (see ``_own_clause``); an infinitive with no
        subject of its own belongs to the clause of the verb or noun it completes ("n'avoir
        aucune intention de quitter"), not one with a subject ("which does not publish") or a
        modal ("did not close the plant and will cut 200 jobs")."""
        while tok.head.i != tok.i and (not self._own_clause(tok) or (
                "Inf" in tok.morph.get("VerbForm") and not any(
                    c.dep_ in SUBJECT_DEPS or (c.dep_.startswith("aux") and c.lower_ != "to") for c in tok.children))):
            tok = tok.head
        return tok

    def _future_in_past(self, verb: Token) -> bool:
        """A conditional reporting what the company itself announced: "a annoncé qu'il
        investirait", "a confirmé que le groupe recruterait" (not "pourrait")."""
        if verb.lemma_ == "pouvoir":
            return False
        clause = verb
        while clause.dep_ in ("conj", "aux", "aux:tense") and clause.head.i != clause.i:
            clause = clause.head
        head = clause.head
        return clause.dep_ == "ccomp" and head.lemma_ in self.announcing and not _french_conditional(head)

    @staticmethod
    def _is_past(govs: list[Token]) -> bool:
        for g in govs:
            if g.pos_ not in ("VERB", "AUX"):
                continue
            if g.tag_ in ("VBD",) or "Past" in g.morph.get("Tense") and "Part" not in g.morph.get("VerbForm"):
                return True
            if "Part" in g.morph.get("VerbForm") and any(
                c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être", "have", "be") for c in g.children
            ):
                return True
            return False
        return False

    def _third_party_source(self, doc: Doc, start: int, end: int, actor, index, entities) -> bool:
        """Whether a reporting cue attributes the news to someone other than the actor: "selon
        Les Echos", "analysts said" are; "selon le groupe", "Calloway said", "its chief
        executive told employees" are not."""
        index, entities = index or {}, entities or {}
        cue = doc[start]
        if end - start > 1 or cue.pos_ in ("ADP", "ADV"):  # "according to X", "selon X", "reportedly"
            source_tokens = [t for t in doc[end:min(len(doc), end + 6)]]
        else:  # a verb: its subject is the source
            source_tokens = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
            source_tokens += [t for c in source_tokens for t in c.subtree]
            if not source_tokens:
                return False
        for t in source_tokens:
            eid = index.get(t.i)
            if eid is not None:
                ent = entities.get(eid)
                if eid == actor or (ent is not None and ent.organization == actor and actor is not None):
                    return False
                return True
            if t.lemma_.lower() in self.anaphora or t.lower_ in PRONOUNS[self.lang]:
                return False
        return cue.lemma_.lower() not in ("say", "tell", "report", "affirmer", "rapporter") or bool(source_tokens)

    def _negative_word(self, root: Token) -> bool:
        """"no jobs will be cut", "aucune fermeture", "ne fermera aucune agence", "sans
        suppression de postes", "without job cuts", "personne ne sera licencié", "none of the 40
        jobs would go", "l'échec d'une levée de fonds": a negative determiner on the trigger or on
        the subject or object of a verb trigger, a negative preposition before it, a negative
        pronoun as its subject, or a noun of failure it completes."""
        nouns = [root] + [c for c in root.children if c.dep_ in SUBJECT_DEPS | {"obj", "dobj"}] if root.pos_ in ("VERB", "AUX") else [root]
        if root.pos_ not in ("VERB", "AUX") and root.dep_ in PREDICATE_DEPS and root.head.pos_ in ("VERB", "AUX"):
            # "no jobs were at risk", "none of them would be made redundant": the predicate's subject
            subjects = [c for c in root.head.children if c.dep_ in SUBJECT_DEPS]
            french_ne = self.lang != "fr" or any(c.lower_ in ("ne", "n'", "n’") for c in root.head.children)
            if french_ne and any(c.lower_ in self.negative_subjects for c in subjects):
                return True  # (French "personne" is "nobody" only with "ne": not "la personne est")
            nouns += subjects
        if any(c.dep_ == "det" and c.lower_ in self.negative_determiners for n in nouns for c in n.children):
            return True
        if any(c.dep_ == "case" and c.lower_ in self.negative_prepositions for c in root.children) or (
                root.dep_ == "pobj" and root.head.lower_ in self.negative_prepositions):
            return True
        governor = root.head.head if root.dep_ == "pobj" else root.head
        if root.pos_ == "NOUN" and root.dep_ in ("nmod", "pobj") and governor.lemma_.lower() in self.negative_heads:
            return True
        if root.pos_ in ("VERB", "AUX"):
            french_ne = self.lang != "fr" or any(c.lower_ in ("ne", "n'", "n’") for c in root.children)
            return french_ne and any(c.dep_ in SUBJECT_DEPS and c.lower_ in self.negative_subjects for c in root.children)
        return False

    def _denied(self, tok: Token) -> bool:
        """"Kang denied that the company had hired banks for an IPO": the trigger lies in the
        clause a denial verb governs (not in a clause beside it: "denied it, saying it would
        close..."; nor in a report it denies: "denied a report that X was weighing a sale" keeps
        the rumour as such, and the denial becomes an event of its own)."""
        t = tok
        for _ in range(6):
            if t.dep_ in ("advcl", "relcl", "acl:relcl", "conj", "parataxis", "appos") or t.head.i == t.i:
                return False
            t = t.head
            if t.lemma_.lower() in self.denial_lemmas or t.lower_ in self.denial_lemmas:
                return True
            if t.pos_ in ("NOUN", "PROPN"):
                return False
        return False

    def _hypothetical(self, clause_govs: list[Token]) -> bool:
        """"Any deal would be examined", "a deal would give Kadenzo a foothold in Poland": a verb
        with "would" (``hypothetical_modals``) whose subject is indefinite
        (``hypothetical_determiners``)."""
        for g in clause_govs:
            if any(c.dep_ == "aux" and c.lower_ in self.hypothetical_modals for c in g.children):
                subjects = [c for c in g.children if c.dep_ in SUBJECT_DEPS]
                return any(d.dep_ == "det" and d.lower_ in self.hypothetical_determiners
                           for s in subjects for d in s.children)
        return False

    @staticmethod
    def _failed_attempt(trig: _Trigger, sent: Span, cues: dict[str, list[tuple[int, int]]], clause: set[int]) -> bool:
        """An attempt that failed: an attempt cue governing, next to or on the trigger ("tried to
        sell", "déposé une offre"), then a failure cue later in the sentence ("but the talks
        collapsed", "tenté en vain de céder", "avant de se retirer")."""
        attempts = [s for s, e in cues.get("attempt", [])
                    if sent.start <= s and e <= sent.end and (trig.start - 6 <= s < trig.end or s in clause)]
        return bool(attempts) and any(min(attempts) < s < sent.end and not trig.start <= s < trig.end
                                      for s, _ in cues.get("failure", []))

    @staticmethod
    def _past_conditional(govs: list[Token]) -> bool:
        for g in govs:
            for c in g.children:
                if c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and (
                    "Cnd" in c.morph.get("Mood") or c.lower_.endswith(("rait", "raient"))
                ) and "Part" in g.morph.get("VerbForm"):
                    return True
        return False

    def _tense(self, trig: _Trigger, doc: Doc, modality: str, time: Optional[TimeExpression], anchor) -> str:
        if modality == "planned":
            return "future"
        if time is not None and time.value and anchor is not None and time.value[:4].isdigit():
            year = int(time.value[:4])
            if year > anchor.year:
                return "future"
            if year < anchor.year and "/.." not in time.value:
                return "past"
        govs = self._governors(doc[trig.start])
        for g in govs:
            if g.pos_ not in ("VERB", "AUX"):
                continue
            if "Fut" in g.morph.get("Tense"):
                return "future"
            if "Past" in g.morph.get("Tense") or g.tag_ in ("VBD", "VBN") or "Imp" in g.morph.get("Tense"):
                return "past"
            if any(c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être", "have") for c in g.children):
                return "past"
            return "ongoing"
        return "past"

    # --- main -------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        entities: dict[str, Entity] = {e.entity_id: e for e in (doc._.ni_entities or [])}
        index: dict[int, str] = doc._.ni_token_entity or {}
        region_tokens = {i for i, eid in index.items() if entities[eid].type == "region"}
        person_tokens = frozenset(i for i, eid in index.items() if entities[eid].type in ("person", "executive"))
        typed_tokens = {t: frozenset(i for i, eid in index.items() if entities[eid].type == t) for t in NEARBY_TYPES}
        triggers = self._triggers(doc, region_tokens, set(index), person_tokens, typed_tokens)  # none: figures may still make results
        # longest cue first: "ne exclure pas" is speculative, its "pas" is no negation
        # (one span may be a cue of several kinds: "would" plans and forecasts)
        cues: dict[str, list[tuple[int, int]]] = {}
        taken: set[int] = set()
        spans: set[tuple[int, int]] = set()
        for key, s, e in sorted(self.cue_matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1])):
            if e - s == 1 and (doc[s].lower_ == "puis" or (doc[s].lower_ == "pas" and doc[s].pos_ == "NOUN")):
                continue  # "puis" (then) is lemmatized "pouvoir"; "ses premiers pas" is no negation
            if any(i in index for i in range(s, e)):
                continue  # a word of a name: "Pas de Géant", "Never Stop Foods"
            if (s, e) in spans or not taken.intersection(range(s, e)):
                taken.update(range(s, e))
                spans.add((s, e))
                cues.setdefault(key.lower(), []).append((s, e))
        companies = [e for e in entities.values() if e.type == "company" and not e.source_role]
        top_company = max(companies, key=lambda e: e.salience).entity_id if companies else None
        described = self._descriptions(doc, index, entities)
        discourse = discourse_of(doc, entities)
        published = doc._.ni_published
        anchor = parse_anchor(published)
        sent_index = {s.start: n for n, s in enumerate(doc.sents)}
        place_refs = self._place_references(doc)
        sent_cache: dict[int, tuple] = {}
        events: list[Event] = []
        cue_of: dict[int, dict] = {}  # id(event) -> how its trigger was found, for the verifier
        appointed: dict[str, tuple] = {}  # person -> (role, title span) an appointment gives
        seen: set[tuple] = set()
        def sentence_facts(sent: Span) -> tuple:
            if sent.start not in sent_cache:
                text = sent.text
                sent_cache[sent.start] = (
                    find_quantities(text, self.lang),
                    find_times(text, self.lang, published),
                    self._places(sent, index, entities),
                )
            return sent_cache[sent.start]

        def emit(trig: _Trigger, quantity_choices=None) -> None:
            tok = doc[trig.start]
            sent = tok.sent
            quantities, times, places = sentence_facts(sent)
            actor, parsed = self._select_actor(trig, doc, index, entities, top_company, described, discourse)
            if trig.type == "legal_regulatory" and actor and entities[actor].type == "organization":
                party = self._target(trig, doc, sent, index, entities, actor)
                if party and entities[party].type == "company":
                    actor = party
            trig_char = doc[trig.start:trig.end].start_char - sent.start_char
            if quantity_choices is None:
                quantity_choices = [self._quantity(trig.type, quantities, trig_char, sent.text)]
            time = self._time(times, trig_char)
            modality = self._modality(trig, doc, cues, actor, index, entities)
            tense = self._tense(trig, doc, modality, time, anchor)
            persons = [None]
            if trig.type in ROLE_FREE_TYPES:
                persons = self._persons(trig, doc, sent, index, entities)
                if not persons:
                    return  # an appointment of nobody named ("appointed a monitor") is no appointment
            target = self._select_target(trig, doc, sent, index, entities, actor) if trig.type in TARGET_TYPES else None
            product = next((eid for eid in dict.fromkeys(index.get(i) for i in range(sent.start, sent.end))
                            if eid and entities[eid].type == "product"), None)
            if product is None and trig.type in PRODUCT_TYPES:
                product = self._product_referred(sent, index, entities)
            near = places if trig.type == "relocation" else self._select_places(trig, doc, places, entities)
            if trig.type in LOCATION_TYPES and sent.start in place_refs and (not near or (
                    place_refs[sent.start] == "site" and all(
                        tok is not None and tok.pos_ == "ADJ" and tok.head.dep_ in ("nsubj", "nsubj:pass") for _, tok in near))):
                # "L'éditeur italien n'a pas l'intention de fermer ce site": a nationality word
                # describing the company gives way to the place the site was named with
                near = self._earlier_places(place_refs[sent.start], sent, events, sent_index, index, entities) or near
            locations, origin, destination = self._locations(trig.type, near, entities, trig.start)
            for quantity in quantity_choices:
                for person in persons:
                    key = (trig.type, sent.start, actor, person, quantity.measure if quantity else None)
                    if key in seen:
                        continue
                    seen.add(key)
                    role, title = self._event_role(trig, doc, sent, person, index, entities) if person else (None, None)
                    if title is not None and trig.type == "executive_appointment" and trig.strict \
                            and modality in ("asserted", "planned"):
                        appointed[person] = (role, title, actor)
                    evidence = TextSpan(sent.start_char, sent.end_char, sent.text)
                    trigger = doc[trig.start:trig.end]
                    places_used = [entities[e] for e in locations + origin + destination]
                    countries = sorted({p.country for p in places_used if p.country})
                    confidence = 0.45 + 0.2 * parsed + 0.1 * (trig.specificity > (trig.end - trig.start)) + 0.15 * bool(actor)
                    events.append(Event(
                        event_id=f"ev{len(events) + 1}",
                        type=trig.type,
                        trigger=TextSpan(trigger.start_char, trigger.end_char, trigger.text),
                        evidence=evidence,
                        sentence=sent_index.get(sent.start, 0),
                        actor=actor,
                        target=target,
                        person=person,
                        role=role,
                        product=product if trig.type in ("product_launch", "product_discontinuation", "market_entry", "market_exit") else None,
                        locations=locations,
                        origin=origin,
                        destination=destination,
                        countries=countries,
                        quantity=quantity,
                        time=time,
                        modality=modality,
                        tense=tense,
                        confidence=round(min(confidence, 0.95), 2),
                    ))
                    cue_of[id(events[-1])] = {"strict": trig.strict}

        results_sentences: set[int] = set()
        for trig in triggers:
            if trig.type == "financial_results":
                # a results event is a figure: one event per measured thing, none without a figure
                choices = self._financial_quantities(sentence_facts(doc[trig.start].sent)[0])
                if not choices:
                    continue
                results_sentences.add(doc[trig.start].sent.start)
                emit(trig, choices)
            else:
                emit(trig)
        for sent in doc.sents:  # figures of results that no trigger word announced
            if sent.start in results_sentences:
                continue
            for quantity in self._financial_quantities(sentence_facts(sent)[0], strict=True):
                span = doc.char_span(sent.start_char + quantity.start, sent.start_char + quantity.end, alignment_mode="expand")
                if span is not None:
                    emit(_Trigger("financial_results", span.start, span.end, 0), [quantity.quantity])

        for denial in self._denials(doc, events, sent_index):
            events.append(denial)
            cue_of[id(denial)] = {"strict": True, "denial": True}
        events.sort(key=lambda ev: ev.trigger.start)
        self._closed_origins(events, entities)
        doc._.ni_events = self._drop_repeats(doc, events)
        for person, (role, (start, end), actor) in appointed.items():
            # an executive's role is the one in force after the story: the new job, not the old
            entities[person].role = role
            entities[person].role_text = doc[start:end].text
            if entities[person].type == "person":  # "a nommé Lucas Thévenet au poste de directeur financier"
                entities[person].type = "executive"
                entities[person].organization = actor
        doc._.ni_event_cues = [cue_of[id(ev)] for ev in doc._.ni_events]
        return doc

    def _product_referred(self, sent: Span, index: dict, entities: dict) -> Optional[str]:
        """"Lancée en 2023, l'application revendique...", "the app will close": a product noun
        with a definite or possessive determiner refers to the product named last before the
        sentence."""
        refers = any(t.is_lower and t.lemma_.lower() in self.product_nouns
                     and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in t.children) for t in sent)
        if not refers:
            return None
        for i in range(sent.start - 1, -1, -1):
            eid = index.get(i)
            if eid and entities[eid].type == "product":
                return eid
        return None

    @staticmethod
    def _closed_origins(events: list[Event], entities: dict) -> None:
        """"will shut its call centres in Sunderland and Swansea and move the work to Cape
        Town": a move with no origin of its own leaves the places its actor closes just
        before in the same sentence."""
        for ev in events:
            if ev.type != "relocation" or ev.origin:
                continue
            closure = next((c for c in events if c.type == "facility_closure" and c.sentence == ev.sentence
                            and c.actor == ev.actor and c.locations and c.trigger.start < ev.trigger.start), None)
            if closure is None:
                continue
            ev.origin = list(closure.locations)
            ev.destination = [eid for eid in ev.destination if eid not in ev.origin]
            places = [entities[eid] for eid in ev.locations + ev.origin + ev.destination]
            ev.countries = sorted({p.country for p in places if p.country})

    def _denials(self, doc: Doc, events: list[Event], sent_index: dict[int, int], reach: int = 3) -> list[Event]:
        """Negated events for denials of an earlier rumour: "Mistral Capital étudierait une
        cession de l'enseigne, ce que la direction dément", "Interrogé, le groupe a démenti
        toute discussion". A denial whose sentence holds no negated event copies the latest
        speculative or reported event before it (within ``reach`` sentences) as negated."""
        out: list[Event] = []
        for _, s, e in self.denial_matcher(doc):
            if any(t.lower_ in NOT_WORDS for t in doc[max(doc[s].sent.start, s - 2):s]):
                continue  # "has not ruled out", "n'a pas démenti": no denial
            sent = doc[s].sent
            number = sent_index[sent.start]
            if any(ev.sentence == number and ev.modality == "negated" for ev in events + out):
                continue
            start_char = doc[s].idx
            rumour = next((ev for ev in sorted(events, key=lambda ev: -ev.trigger.start)
                           if ev.trigger.start < start_char and ev.sentence >= number - reach
                           and ev.modality in ("speculative", "reported")), None)
            if rumour is None:
                continue
            span = doc[s:e]
            out.append(replace(rumour, trigger=TextSpan(span.start_char, span.end_char, span.text),
                               evidence=TextSpan(sent.start_char, sent.end_char, sent.text), sentence=number,
                               modality="negated", locations=list(rumour.locations), origin=list(rumour.origin),
                               destination=list(rumour.destination), countries=list(rumour.countries)))
        return out

    def _drop_repeats(self, doc: Doc, events: list[Event]) -> list[Event]:
        """A definite noun trigger that follows an event of the same type and actor names the
        same move again ("the deal", "l'opération", "this investment"): one event, not two."""
        kept: list[Event] = []
        seen: dict[tuple, int] = {}
        char_to_token = {t.idx: t for t in doc}
        for ev in events:
            key = (ev.type, ev.actor)
            tok = char_to_token.get(ev.trigger.start)
            definite = tok is not None and tok.pos_ == "NOUN" and any(
                c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in tok.children
            )
            if key in seen and definite and ev.sentence > seen[key] and ev.person is None and ev.type not in REPEATABLE_TYPES:
                continue
            seen.setdefault(key, ev.sentence)
            kept.append(ev)
        for n, ev in enumerate(kept, 1):
            ev.event_id = f"ev{n}"
        return kept

    def _event_role(self, trig: _Trigger, doc: Doc, sent: Span, person: str, index: dict,
                    entities: dict) -> tuple[Optional[str], Optional[tuple[int, int]]]:
        """The role an appointment gives ("will become chairman", "nommée directrice générale
        par intérim") or a departure ends, with the token span of its title: the job title of
        the sentence closest to the person in the parse, after the trigger for appointments;
        else the person's known role (and no span)."""
        known = entities.get(person)
        person_tok = next((doc[i] for i in range(sent.start, sent.end) if index.get(i) == person), None)
        titles = [r for r in (doc._.ni_roles or []) if sent.start <= r[0] < sent.end]

        def other_person(i: int) -> bool:  # token i names someone else
            return index.get(i) not in (None, person) and entities[index[i]].type in ("executive", "person")

        def apposed_to_other(r: tuple) -> bool:  # "succède à Philippe Marchand, directeur financier"
            k = r[0] - 1 if r[0] > sent.start and doc[r[0] - 1].text == "," else r[0]
            return other_person(k - 1)

        titles = [r for r in titles if not apposed_to_other(r)]
        if trig.type == "executive_appointment":
            # "jusqu'ici directrice financière", "former finance chief": the old title
            # (a title may share words with the trigger: "prendre la direction générale")
            after = [r for r in titles if (r[0] >= trig.end or (r[0] > trig.start and r[1] > trig.end))
                     and not self._former_title(doc, trig.end, r[0])]
            # "X deviendra directeur financier, tandis que Y a été nommée directrice commerciale":
            # a title past "tandis que" / "while" is another person's
            boundary = next((t.i for t in doc[trig.end:sent.end] if t.lower_ in CLAUSE_OPENERS), sent.end)
            after = [r for r in after if r[0] < boundary] or after
            clause = {t.i for t in doc[trig.start].subtree}
            if person_tok is not None and person_tok.i not in clause and any(other_person(i) for i in clause) \
                    and known is not None and known.role is not None:
                # "Baek will lead the combined company, and Vasseur will become its CTO": the
                # title is that of the person in the trigger's own clause
                return known.role, None
            if person_tok is not None and person_tok.i < trig.start:
                # "Baek will lead the combined company, and Velitra's founder, Hélène Vasseur,
                # will become its chief technology officer": a title past another person's
                # name, or apposed before it, is that person's
                after = [r for r in after if not any(other_person(i) for i in range(trig.end, r[0]))
                         and not any(other_person(i) for i in range(r[1], min(r[1] + 2, sent.end)))]
            if any(t.lower_ in ("respectivement", "respectively") for t in sent):
                # "A and B were appointed CEO and chair respectively": the n-th person, the n-th title
                people = list(dict.fromkeys(index[i] for i in range(sent.start, sent.end)
                                            if i in index and entities[index[i]].type in ("executive", "person")))
                if len(people) != len(after) and people:
                    # "named COO Kwame Asante and CFO Yoon Seo-yeon as CEO and COO respectively":
                    # the titles the people held come before the last name
                    last = max(i for i in range(sent.start, sent.end) if index.get(i) == people[-1])
                    after = [r for r in after if r[0] > last]
                if person in people and len(people) == len(after):
                    title = after[people.index(person)]
                    return title[2], (title[0], title[1])
                return (known.role if known else None), None
            if person_tok is not None and person_tok.i > trig.start:
                # "a nommé la directrice financière, X, présidente du directoire": after the name
                after = [r for r in after if r[0] > person_tok.i] or after
            # "named Luana Mizukami, the airline's finance chief, as chief executive": the title
            # introduced as the new job wins over one describing the person
            introduced = [r for r in after if self._introduced_title(doc, sent, r[0])]
            after = introduced or after
            if not after and known is not None and known.role is not None:
                # "chief operating officer Yetunde Olawale will succeed him": no title follows
                # the trigger; the entity component has read which title the person takes
                return known.role, None
            titles = after or titles
        elif any(t.lower_ in ("respectivement", "respectively") for t in sent):
            return (known.role if known else None), None  # the entity component paired them in order
        if person_tok is not None and titles:
            end = person_tok.i
            while end < sent.end and index.get(end) == person:
                end += 1
            # "named A as CFO and B as COO": the title right after the name
            adjacent = [r for r in titles if end <= r[0] <= end + 2
                        and all(t.lower_ in TITLE_GLUE for t in doc[end:r[0]])]
            best = adjacent[0] if adjacent else min(
                titles, key=lambda r: (tree_distance(person_tok, doc[r[0]]), abs(r[0] - person_tok.i)))
            return best[2], (best[0], best[1])
        if person_tok is None and trig.type == "executive_appointment" and titles:
            # "Il rejoindra Carpatis comme directeur des opérations": the person is named in an
            # earlier sentence; the title after the trigger is the new job
            best = titles[0]
            return best[2], (best[0], best[1])
        return (known.role if known else None), None

    @staticmethod
    def _former_title(doc: Doc, lower: int, start: int) -> bool:
        """A title held before the story: "jusqu'ici directrice financière", "former finance
        chief", "previously Greenkite's finance director", "who has been its CFO since 2021"."""
        for t in reversed(doc[max(lower, start - 4):start]):
            if t.text in (",", ";", "(") or t.lower_ in ("as", "comme"):
                return False
            if t.lower_ in FORMER_WORDS:
                return True
        return False

    @staticmethod
    def _introduced_title(doc: Doc, sent: Span, start: int) -> bool:
        """A title given as the new job: "as chief executive", "comme directrice", "au poste de
        directeur", "en tant que présidente" (a few modifiers may come between)."""
        for t in reversed(doc[max(sent.start, start - 4):start]):
            if t.lower_ in ("as", "comme") or (t.lower_ in ("de", "que") and t.i > 0 and doc[t.i - 1].lower_ in ("poste", "tant")):
                return True
            if t.is_punct or t.pos_ in ("VERB", "AUX", "PROPN", "NUM") or t.lower_ in ("by", "par"):
                return False  # ("succeeded as chief executive by chief operating officer X": X's own title)
        return False

    def _persons(self, trig: _Trigger, doc: Doc, sent: Span, index: dict, entities: dict) -> list[str]:
        """The people an appointment or departure is about: those closest to the trigger in
        the parse, with the people coordinated with them ("X et Y ont été nommés"), not every
        name in the sentence ("named Jane Doe, succeeding Tom Baker")."""
        first_token = first_mentions(sent, index, entities, ("executive", "person"))
        if not first_token:
            # "Il rejoindra Carpatis comme directeur des opérations": the person named last before
            named = self._pronoun_person(doc, doc[trig.start], lambda i: i in index and entities[
                index[i]].type in ("executive", "person"))
            return [index[named]] if named is not None else []
        if len(first_token) <= 1:
            return list(first_token)
        trigger = doc[trig.start]
        if trigger.pos_ in ("VERB", "AUX"):
            # "Ouchène deviendra directeur financier, tandis que Seo a été nommée directrice
            # Asie": each verb's own people, when the trigger has some
            own = {eid: tok for eid, tok in first_token.items()
                   if getattr(governing_verb(tok), "i", None) == trigger.i}
            first_token = own or first_token
        # (and none across "tandis que" / "while", whatever the parse says)
        same_clause = {eid: tok for eid, tok in first_token.items() if not any(
            t.lower_ in CLAUSE_OPENERS for t in doc[min(tok.i, trigger.i) + 1:max(tok.i, trigger.i)])}
        first_token = same_clause or first_token
        if len(first_token) <= 1:
            return list(first_token)
        dist = {eid: tree_distance(trigger, tok) for eid, tok in first_token.items()}
        best = min(dist.values())
        chosen = [eid for eid, d in dist.items() if d == best]
        if len(chosen) > 1:
            # "Tuohy also named Tunde Olaniyan as COO": who appoints is not appointed
            def appoints(eid: str) -> bool:
                tok = first_token[eid]
                while tok.head.i != tok.i and index.get(tok.head.i) == eid:
                    tok = tok.head
                return tok.dep_ == "nsubj" and tok.head.i == trigger.i
            chosen = [eid for eid in chosen if not appoints(eid)] or chosen
        for eid, tok in first_token.items():
            if eid in chosen:
                continue
            heads = {first_token[c].i for c in chosen}
            # "X et Y ont été nommés"; "named A as CFO and B as COO" (B parsed under A's title)
            if tok.dep_ == "conj" and (tok.head.i in heads or any(doc[h].head.i == tok.i for h in heads)
                                       or dist[eid] <= best + 2):
                chosen.append(eid)
        return sorted(chosen, key=lambda e: first_token[e].i)

    @staticmethod
    def _financial_quantities(quantities, strict: bool = False) -> list:
        """One figure per measured thing of a sentence (a change in percent first, then an
        amount): "revenue up 8% to $3.1bn" gives one revenue figure. With ``strict``, only
        figures whose measure is known (they make an event without a trigger word)."""
        groups: dict[str, list] = {}
        last_measured = None
        for q in sorted(quantities, key=lambda q: q.start):
            measure = q.quantity.measure
            if measure in NOT_RESULTS:
                continue
            if measure in FINANCIAL_MEASURES:
                last_measured = q
            elif (q.quantity.unit == "percent" and q.quantity.direction != "none" and last_measured is not None
                  and q.start - last_measured.end <= CHANGE_REACH):
                # "un chiffre d'affaires de 2,4 milliards d'euros, en hausse de 5 %": the
                # change is that of the figure just named
                measure = last_measured.quantity.measure
            elif strict or not (q.quantity.unit in ("percent", "currency") and q.quantity.direction != "none"):
                continue
            groups.setdefault(measure or "?", []).append(q)
        chosen = []
        for measure, qs in groups.items():
            # a change in percent, then an amount, then a change told in words ("a doublé")
            best = min(qs, key=lambda q: (not (q.quantity.unit == "percent" and q.quantity.direction != "none"
                                               and not is_multiple(q.quantity)),
                                          q.quantity.unit != "currency", is_multiple(q.quantity), q.start))
            quantity = Quantity.from_dict(best.quantity.to_dict())
            if quantity.measure is None and measure != "?":
                quantity.measure = measure
            chosen.append(replace(best, quantity=quantity) if strict else quantity)
        return chosen

    def _quantity(self, etype: str, quantities, trig_char: int, text: str = "") -> Optional[Quantity]:
        prefs = QUANTITY_PREFERENCE.get(etype)
        if not prefs or not quantities:
            return None
        tier = {}
        for n, units in enumerate(prefs):
            for unit in (units if isinstance(units, tuple) else (units,)):
                tier[unit] = 0 if etype == "financial_results" else n
        usable = [q for q in quantities if q.quantity.unit in tier
                  and (etype == "financial_results" or not is_multiple(q.quantity))]
        if not usable:
            return None
        # "close 25 of its 210 stores": the 210 is the whole network, not what closes
        best = min(usable, key=lambda q: (bool(TOTAL_OF.search(text[:q.start])), tier[q.quantity.unit],
                                          abs(q.start - trig_char)))
        quantity = Quantity.from_dict(best.quantity.to_dict())
        if etype == "layoffs" and quantity.unit == "people":
            quantity.unit = "jobs"  # "cut 600 employees": the figure is jobs lost
        return quantity

    @staticmethod
    def _time(times, trig_char: int) -> Optional[TimeExpression]:
        if not times:
            return None
        best = min(times, key=lambda t: abs(t.start - trig_char))
        return TimeExpression(best.text, best.value)

    def _target(self, trig, doc, sent, index, entities, actor) -> Optional[str]:
        tok = doc[trig.start]
        types = ("company", "organization")
        # "Ponant Médias et Presse Océane ont annoncé leur fusion": the actor's coordinate
        for i in range(sent.start, sent.end):
            if index.get(i) == actor:
                for conj in doc[i].head.children if doc[i].dep_ == "flat:name" else doc[i].children:
                    eid = index.get(conj.i)
                    if conj.dep_ == "conj" and eid and eid != actor and entities[eid].type in types \
                            and not entities[eid].source_role:
                        return eid
                break
        for child in list(tok.children) + [c for g in self._governors(tok, 1)[1:] for c in g.children]:
            if child.dep_ in OBJECT_DEPS or child.dep_ in ("prep", "obl"):
                eid = self._entity_at(child, doc, types, index, entities)
                if eid and eid != actor and not entities[eid].source_role:
                    return eid
        for i in range(trig.end, sent.end):
            eid = index.get(i)
            if eid and eid != actor and entities[eid].type in types and not entities[eid].source_role:
                return eid
        for i in range(trig.start - 1, sent.start - 1, -1):
            eid = index.get(i)
            if eid and eid != actor and entities[eid].type in types and not entities[eid].source_role:
                return eid
        return None

    @staticmethod
    def target_candidates(sent: Span, index: dict, entities: dict, actor: Optional[str]) -> list[tuple[str, Token]]:
        """The companies, organizations and products of the sentence other than the actor, each
        with the head word of its first mention there, then those of the sentence before ("Navalis
        est en discussions avec Dovra. L'acquisition pourrait..."), marked by their position."""
        previous = sent.doc[sent.start - 1].sent if sent.start > 0 else None
        out: dict[str, Token] = {}
        for span in (sent, previous):
            if span is not None:
                for eid, tok in first_mentions(span, index, entities, TARGET_CANDIDATE_TYPES).items():
                    if not entities[eid].source_role:  # "selon le quotidien De Handelsbode": who reports is no party
                        out.setdefault(eid, tok)
        out.pop(actor, None)
        return list(out.items())

    @staticmethod
    def _antecedent(tok: Token) -> Optional[Token]:
        """The noun a verb trigger's relative or participial clause describes: "Nordtinde"
        in "Nordtinde, which Brattberg bought", "Sirvane" in "Sirvane, racheté par Quernel"."""
        if tok.pos_ != "VERB" or tok.dep_ not in ("relcl", "acl:relcl", "acl") or tok.head.i == tok.i:
            return None
        return tok.head if tok.head.pos_ in ("PROPN", "NOUN") else None

    def _deal_object(self, trig, doc: Doc, index: dict, entities: dict, actor: Optional[str]) -> Optional[str]:
        """The company a deal's relative or participial clause describes, when the clause
        names someone else as the buyer or seller."""
        antecedent = self._antecedent(doc[trig.start])
        if antecedent is None:
            return None
        eid = self._entity_at(antecedent, doc, ("company", "organization", "product"), index, entities)
        return eid if eid and actor and eid != actor and not entities[eid].source_role else None

    def _select_target(self, trig, doc, sent, index, entities, actor) -> Optional[str]:
        """The other party: the trained selector's best candidate when there is one, the
        parse rule otherwise (and as one of the selector's features)."""
        if trig.type in DEAL_TYPES:
            eid = self._deal_object(trig, doc, index, entities, actor)
            if eid:
                return eid  # "Nordtinde, which Brattberg bought", "Sirvane, racheté par Quernel"
        rule = self._target(trig, doc, sent, index, entities, actor)
        cands = self.target_candidates(sent, index, entities, actor)
        if self.targets is None or not cands:
            return rule
        head = doc[trig.start:trig.end].root
        pairs = [(entities[eid], tok) for eid, tok in cands]
        scored = [(self.targets.probability(target_features(head, tok, entities[eid], trig.type, pairs, eid == rule)), eid)
                  for eid, tok in cands]
        p, best = max(scored)
        in_sentence = {eid for eid, tok in cands if tok.sent.start == sent.start}
        # a party named only in the sentence before needs clear evidence
        needed = self.targets.threshold if best in in_sentence else max(self.targets.threshold, PREVIOUS_SENTENCE_TARGET)
        return best if p >= needed else None

    def _place_references(self, doc: Doc) -> dict[int, str]:
        """For each sentence holding a word that points back to a place ("the plant", "the
        country", "there", "y"), what it points to (``place_anaphora`` in data/events.yaml);
        existential "there is" and "il y a" are no places."""
        found: dict[int, str] = {}
        for what, s, e in self.place_anaphora(doc):
            tok = doc[s]
            if e - s == 1 and (tok.dep_ in ("expl", "fixed", "expl:comp") or (
                    tok.lower_ == "y" and tok.i + 1 < len(doc) and doc[tok.i + 1].lemma_ == "avoir")):
                continue
            found.setdefault(tok.sent.start, what)
        return found

    def _earlier_places(self, what: str, sent: Span, events: list[Event], sent_index: dict[int, int],
                        index: dict[int, str], entities: dict[str, Entity], reach: int = 3) -> list[tuple[str, None]]:
        """The place a back-pointing word refers to, among those named in the ``reach``
        sentences before ``sent``: the last city for a site, the last country for "the
        country", the last region for "the region", the latest event's places for "there"."""
        # a site is in a town: a known city or a place the gazetteer does not know (kind None)
        wanted = {"site": ("city", None), "country": ("country",), "region": ("subdivision", "continent", "macro_region")}.get(what)
        number = sent_index[sent.start]
        if wanted is None:
            for ev in reversed(events):
                if ev.sentence >= number:
                    continue
                if ev.sentence < number - reach:
                    break
                places = ev.locations or ev.destination
                if places:
                    cities = [eid for eid in places if entities[eid].kind == "city"]
                    return [(eid, None) for eid in (cities or places)]
            wanted = ("city", "subdivision", "country", "continent", "macro_region")
        first = sent
        for _ in range(reach):
            if first.start == 0:
                break
            first = sent.doc[first.start - 1].sent
        named = [(i, eid) for i, eid in ((i, index.get(i)) for i in range(first.start, sent.start))
                 if eid and entities[eid].type == "region" and (i == first.start or index.get(i - 1) != eid)]
        for n in range(len(named) - 1, -1, -1):
            i, eid = named[n]
            if entities[eid].kind not in wanted:
                continue
            if n and entities[named[n - 1][1]].kind in wanted and written_to_situate(sent.doc[i], sent.doc[named[n - 1][0]]):
                return [(named[n - 1][1], None)]  # "à Bazancourt, dans la Marne": the site is in the town
            return [(eid, None)]
        return []

    def _locations(self, etype: str, places, entities: dict,
                   trigger: Optional[int] = None) -> tuple[list[str], list[str], list[str]]:
        if etype == "relocation":
            origin, destination = [], []
            ends: list[tuple[str, int]] = []  # destinations with their token position
            side: dict[int, str] = {}  # token position -> "origin" / "destination"
            for n, (eid, tok) in enumerate(places):
                if any(situates(tok, entities[eid], other, entities[other_id]) for other_id, other in places[:n]):
                    continue  # "Sarreguemines, en Moselle": the move is from the town
                prep = self._move_preposition(tok)
                end = "origin" if prep in ORIGIN_PREPS[self.lang] else \
                    "destination" if prep in DESTINATION_PREPS[self.lang] else None
                if end is None and tok.dep_ == "conj":
                    end = side.get(tok.head.i)  # "in Sunderland and Swansea": the second shares the first's end
                if end == "origin":
                    origin.append(eid)
                elif end == "destination":
                    ends.append((eid, tok.i))
                if end is not None:
                    side[tok.i] = end
            if trigger is not None and any(i > trigger for _, i in ends):
                # "les projets menés à Bordeaux seront transférés au studio de Montréal": where
                # the moved thing is before the trigger, where it goes after it
                origin += [eid for eid, i in ends if i < trigger and eid not in origin]
                ends = [(eid, i) for eid, i in ends if i >= trigger]
            destination = [eid for eid, _ in ends]
            return [], origin, destination
        if etype in LOCATION_TYPES:
            return [eid for eid, _ in places], [], []
        return [], [], []
