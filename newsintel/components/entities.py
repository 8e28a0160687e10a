"""``newsintel_entities``: typed, grouped, normalized entities from NER and the gazetteer.

Turns the base model's ORG/PER/LOC spans and the region matches into the entities of the
record: companies, organizations, products, executives (with role and organization),
persons and regions (with codes). Mentions of one entity are grouped within the doc, and
the result is a list of :class:`newsintel.records.Entity` in ``doc._.ni_entities``, with a
token-to-entity index in ``doc._.ni_token_entity`` for the later components. A trained
model (``models/entities``, see ``newsintel.components.entity_types``) has the last word on
company versus organization versus product, and another on whose executive a person is
(``newsintel.components.executive_orgs``).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..aliases import AliasEntry, load_aliases
from ..matching import apostrophe_variants
from ..records import Entity, Mention, entity_id_for
from ..linear import LinearClassifier, LinearDecider
from ..resources import first_names, load_yaml, model_path
from .entity_types import retype_entities
from .executive_orgs import MentionContext, attach_organizations
from .regions import RegionMatch

ORG_LABELS = {"ORG"}
PERSON_LABELS = {"PER", "PERSON"}
LOWERCASE_NAME_ARTICLES = {"la", "le", "les"}
LIST_REACH = 8  # conjuncts looked back over in a list of places
RELATIVE_OWNERS = {"whose", "dont"}  # "Fikir Bank, dont la présidente": the title is the bank's
# words between a name, its comma and a title that make the title someone else's: "Fikir Bank,
# dont la présidente", "Strathcairn Spirits, where she ran", "Hoa Sen, which runs"
NOT_THE_HOLDER = RELATIVE_OWNERS | {"where", "which", "où", "she", "he", "they", "elle", "il", "ils", "elles"}
PLACE_LABELS = {"LOC", "GPE"}
PRODUCT_LABELS = {"PRODUCT", "MISC", "WORK_OF_ART"}
POSSESSIVE_ENDINGS = {"'s", "’s", "'", "’"}
UNATTACHED_ROLES = {"minister", "analyst"}
NAME_PARTICLES = {"de", "da", "di", "del", "van", "von", "der", "den", "du", "bin", "ben", "al"}  # "Femke de Groot"
PERSON_PRONOUNS = {"he", "she", "il", "elle"}
OBJECT_PRONOUNS = {"him", "her", "lui", "le", "la"}
PARTNER_TITLES = {"partner", "adviser", "advisor", "associé", "associée"}  # also said of companies
# words after such a title that make it a person's: "a partner at", "the partner who led", "associée au sein du"
PARTNER_TIES = {"at", "of", "in", "to", "with", "chez", "de", "d'", "d’", "du", "des", "who", "qui", "au"}
INTERIM_WORDS = {"interim", "acting", "new", "permanent"}
POST_NOUNS = {"post", "role", "job", "position", "poste", "fonction", "fonctions"}
APPOINTING_LEMMAS = {"appoint", "name", "promote", "elect", "nommer", "promouvoir", "élire"}
BECOMING_LEMMAS = {"devenir", "prendre", "become", "take", "join", "rejoindre"}  # "deviendra directeur général"
VERBAL_HEADS = {"heads", "headed", "runs", "ran", "has run", "had run", "has led", "had led", "has headed", "had headed",
                "dirige", "dirigeait"}  # generic_heads that are verbs
UNIT_NOUNS = {"business", "operation", "operations", "subsidiary", "unit", "arm", "division", "branch", "filiale",
              "activité", "activités", "branche", "division"}  # "its Belgian business", "la filiale polonaise"
SUBSIDIARY_NOUNS = {"filiale", "subsidiary", "unit"}  # "le patron de la filiale", "the unit's head"
DIVISION_NOUNS = {"division", "divisions", "unit", "arm", "pôle", "branche", "segment"}  # parts of a company
AREA_ADJECTIVES = {"southern", "northern", "eastern", "western", "central"}  # "for southern Europe"
SCOPED_ROLES = {"ceo", "president", "director", "head_of_unit"}  # titles a place narrows to a country or a unit
ARGUMENT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "pobj", "obl", "obl:arg", "iobj", "expl:subj"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "expl:subj"}
ORG_PREPOSITIONS = {"de", "d'", "d’", "du", "des", "of", "at", "chez"}
# words tying a title to the noun that stands for its body: "directeur financier du groupe",
# "head of the fund", "spokesman for the authority", "élue au syndicat"
REFERENT_LINKS = {"de", "d'", "d’", "du", "des", "of", "for", "at", "au", "à"}
NOT_SOURCE_LABELS = {"DATE", "TIME", "NORP", "GPE", "LOC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
NAME_ARTICLES = {"le", "la", "les", "l'", "l’", "de", "het", "the", "el", "il"}  # articles that open a name
SOURCE_NAME_LINKS = {"de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "les", "&", "of", "the", "and", "et"}
POSSESSIVES = {"son", "sa", "ses", "its", "their", "leur", "leurs"}
DASHES = {"-", "–", "—"}  # the dash that closes a dateline: "LONDON, July 29 -"
DETERMINERS = {"le", "la", "les", "l'", "l’", "the", "un", "une", "a", "an"}
PORTFOLIO_LINKS = {"de", "du", "des", "d'", "d’", "l'", "l’", "la", "à", "au", "aux", "et", "chargé", "chargée",
                   "of", "for", "and"}  # words between a minister's title and the capitals of the portfolio
APPOSITION_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "le", "la", "l'", "l’", "son", "sa", "leur"}


def name_cased(tok: Token) -> bool:
    """A word written as a name: "Grant", and also "MacAulay", "McAteer", "LaToya"."""
    return tok.is_title or (tok.is_alpha and tok.text[0].isupper() and tok.text[1:2].islower())


@dataclass
class _Candidate:
    start: int  # token offsets
    end: int
    type: str
    source: str
    region: Optional[RegionMatch] = None
    entity: Optional["_Group"] = None
    alias: Optional[AliasEntry] = None


@dataclass
class _Group:
    type: str
    candidates: list = field(default_factory=list)
    region: Optional[RegionMatch] = None
    alias: Optional[AliasEntry] = None
    role: Optional[str] = None
    role_text: Optional[str] = None
    role_prospective: bool = False  # the role comes from a title the person takes: "deviendra directrice générale"
    organization: Optional["_Group"] = None
    organization_via: Optional[str] = None  # which rule chose the organization: title, possessive, main...
    title: Optional[tuple] = None  # the (start, end, role) title the role was read from
    owner: Optional["_Group"] = None
    parent: Optional["_Group"] = None
    source_role: Optional[str] = None
    canonical: str = ""
    key: str = ""


@Language.factory(
    "newsintel_entities",
    default_config={"aliases": None, "types_model": None},
    assigns=["doc._.ni_entities", "doc._.ni_token_entity", "doc._.ni_roles", "doc._.ni_org_via"],
    requires=["doc.ents"],
)
def make_entity_typer(nlp: Language, name: str, aliases: Optional[str], types_model: Optional[str]):
    return EntityTyper(nlp, name=name, aliases=aliases, types_model=types_model)


class EntityTyper:
    """Types, groups and normalizes the entities of a doc (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "newsintel_entities", aliases: Optional[str] = None,
                 types_model: Optional[str] = None):
        self.name = name
        self.lang = nlp.lang
        self.types = self._load_types_model(types_model)
        orgs = model_path("entities", "organizations.json") if types_model != "none" else None
        self.orgs = LinearDecider.load(orgs) if orgs is not None and orgs.exists() else None
        self.alias_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.alias_entries: dict[str, AliasEntry] = {}
        if aliases:
            for n, entry in enumerate(load_aliases(aliases)):
                key = f"ALIAS{n}"
                self.alias_entries[key] = entry
                self.alias_matcher.add(key, list(nlp.tokenizer.pipe(entry.names)))
        data = load_yaml("organizations.yaml")
        lang = self.lang
        self.org_words = [w for w in data["organization_words"][lang]]
        self.known_orgs = {n for row in data["known_organizations"] for n in row}
        self.company_suffixes = set(data["company_suffixes"])
        self.company_name_words = set((data.get("company_name_words") or {}).get(lang, []))
        self.company_name_heads = set((data.get("company_name_heads") or {}).get(lang, []))
        self.site_nouns = set((data.get("site_nouns") or {}).get(lang, []))
        self.org_referents = set((data.get("organization_referents") or {}).get(lang, []))
        self.product_cues = set(data["product_cues"][lang])
        self.company_cues = set(data["company_cues"][lang])
        # words that cannot stand alone for a company whose name they open
        self.no_short_form = self.company_name_heads | self.company_name_words | self.company_cues
        share = data.get("share_cues", {}).get(lang, {})
        self.share_nouns, self.share_context = set(share.get("nouns", [])), set(share.get("context", []))
        self.source_cues = [c for c in data["source_cues"][lang]]
        self.person_titles = set(data["person_titles"][lang])
        self.ownership_cues = set(data["ownership_cues"][lang])
        self.currency_codes = set(load_yaml("quantities.yaml")["currencies"]["codes"])
        self.not_entities = set(data.get("not_entities", []))
        self.product_verbs = set(data.get("product_verbs", {}).get(lang, []))
        self.first_names = first_names()
        roles = load_yaml("roles.yaml")
        self.generic_heads = roles.get("generic_heads", {}).get(lang, {})
        self.unit_scope_words = {w.lower() for w in roles.get("unit_scope_words", {}).get(lang, [])}
        self.function_words = {w.lower() for w in roles.get("function_words", {}).get(lang, [])}
        self.role_priority = {r: n for n, r in enumerate(roles.get("role_priority", []))}
        self.succession_verbs = set(roles.get("succession_verbs", {}).get(lang, []))
        self.unaffiliated = {t.lower().replace("’", "'") for t in roles.get("unaffiliated_titles", {}).get(lang, [])}
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.role_of: dict[int, str] = {}
        for entry in roles[lang]:
            key = nlp.vocab.strings.add(f"ROLE|{entry['role']}")
            self.role_of[key] = entry["role"]
            self.role_matcher.add(f"ROLE|{entry['role']}", [nlp.make_doc(v) for v in apostrophe_variants(entry["text"])])
        for head, role in self.generic_heads.items():
            key = nlp.vocab.strings.add(f"ROLE|{role}")
            self.role_of[key] = role
            self.role_matcher.add(f"ROLE|{role}", [nlp.make_doc(v) for v in apostrophe_variants(head)])

    # --- typing ---------------------------------------------------------------------
    def _org_type(self, doc: Doc, start: int, end: int) -> str:
        span = doc[start:end]
        text = span.text
        if text in self.known_orgs:
            return "organization"
        lower = " " + " ".join(t.lower_ for t in span) + " "
        if any(f" {w} " in lower for w in self.org_words):
            return "organization"
        prev = doc[start - 1].lower_ if start > 0 else ""
        if prev in self.product_cues:
            return "product"
        return "company"

    @staticmethod
    def _next_to_title(doc: Doc, start: int, end: int, role_edges: tuple[set, set], loose: bool = True) -> bool:
        """Whether a name sits right after a job title ("chief executive Jane Doe", "le PDG,
        Luca Rossi"), is followed by a comma and a title ("Femke de Groot, founder of") or by
        "as" and a title ("named Farhan Qadri as chief financial officer"); with ``loose`` (no
        company word in the name), also a comma and a determiner phrase before the title, or
        the subject of a passive appointment right before the title."""
        ends, starts = role_edges
        before = start in ends or (start - 1 in ends and doc[start - 1].text == ",")
        if before or (end < len(doc) and doc[end].text == "," and any(
            end + k in starts and not any(t.lower_ in NOT_THE_HOLDER for t in doc[end + 1:end + k])
            for k in (1, 2, 3))):  # "Harvest Crest Bank, whose chairwoman": the bank's title
            return True
        # "Alisha Grant, the carrier's chief marketing officer", "Chen Yiling, a real estate analyst at":
        # a determiner phrase before the title
        if loose and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in APPOSITION_DETERMINERS \
                and doc[end + 1].pos_ not in ("AUX", "VERB"):  # French "a" is "has"
            k = end + 2
            # "the carrier's", "a real estate", "the union's Scottish"
            while k < min(len(doc), end + 6) and k not in starts and (
                    doc[k].lower_ in ("'s", "’s") or (doc[k].is_alpha and doc[k].is_lower) or doc[k].pos_ == "ADJ"):
                k += 1
            if k in starts:
                return True
        # "named Farhan Qadri and Lena Oberhauser as chief financial officer and ...": the title
        # after "as" / "comme", past a coordinated name
        j = end
        if j < len(doc) and doc[j].lower_ in ("and", "et"):
            j += 1
            while j < len(doc) and doc[j].is_title:
                j += 1
        # the one named, not the company joined: "join Kaleido Resorts as COO", "joined from Savanna Foods as"
        named = doc[start:end].root.dep_ in ("dobj", "obj", "conj", "nsubjpass", "nsubj:pass") and not any(
            t.lemma_.lower() in BECOMING_LEMMAS for t in doc[max(0, start - 4):start])
        if named and j + 1 < len(doc) and doc[j].lower_ in ("as", "comme") and j + 1 in starts:
            return True
        # "Kavitha Raghavan and Oisín Mulvey have been appointed chief risk officer and ...": the
        # subjects of a passive appointment followed by the title
        if not loose:
            return False
        subject = doc[start:end].root
        while subject.dep_ == "conj" and subject.head.i != subject.i:
            subject = subject.head
        verb = subject.head
        # (not the company of a title just before: "directeur financier de Tembusu Stays, a été nommé")
        return subject.dep_ in ("nsubjpass", "nsubj:pass") and verb.lemma_.lower() in APPOINTING_LEMMAS \
            and verb.i + 1 in starts and not ends.intersection(range(max(0, start - 8), start))

    @staticmethod
    def _after_title_apposition(doc: Doc, start: int, title_ends: set) -> bool:
        """Whether a name follows a comma after a job title and its organization: "La directrice
        des opérations du groupe, Sofia Pereira-Kühn", "le directeur général de Durrah Chemicals,
        Turki Al-Bassami" (the parser hangs the name on the company noun)."""
        if start < 2 or doc[start - 1].text != ",":
            return False
        for k in range(start - 1, max(0, start - 8), -1):
            if k in title_ends:
                return not any(t.is_punct and t.text not in ("-", "'", "’") for t in doc[k:start - 1])
        return False

    def _looks_like_titled_person(self, doc: Doc, start: int, end: int, role_edges: tuple[set, set]) -> bool:
        """A two- to four-word capitalized name ("Sofia Pereira-Kühn": a hyphenated surname is
        one word) next to a job title, or after a title and its organization."""
        words = [t for t in doc[start:end] if t.text != "-"]
        if not 2 <= len(words) <= 4 or not all(name_cased(t) or t.is_lower for t in words):
            return False
        # "managing director of its Indian subsidiary, Kestrel Motors India" names the company
        company_word = any(t.lower_ in self.company_name_words or t.lower_ in self.company_suffixes for t in words)
        if self._next_to_title(doc, start, end, role_edges, loose=not company_word and len(words) <= 3):
            return True
        return not company_word and self._after_title_apposition(doc, start, role_edges[0])

    def _candidates(self, doc: Doc, roles: list[tuple[int, int, str]] = ()) -> list[_Candidate]:
        # a verbal title ("dirige Navalis") names no one after it
        role_edges = ({e for s, e, _ in roles if doc[s:e].text.lower() not in VERBAL_HEADS}, {s for s, _, _ in roles})
        role_starts = {i for s, e, _ in roles for i in range(s, e)}
        civic_ends = {e for s, e, r in roles if r in ("other", "minister")}
        title_at = self._title_at(doc, roles)
        cands: list[_Candidate] = []
        taken: set[int] = set()
        if self.alias_entries:
            found = [(doc.vocab.strings[k], s, e) for k, s, e in self.alias_matcher(doc)]
            for key, s, e in sorted(found, key=lambda m: (-(m[2] - m[1]), m[1])):
                if not taken.intersection(range(s, e)):
                    entry = self.alias_entries[key]
                    cands.append(_Candidate(s, e, entry.type, "alias", alias=entry))
                    taken.update(range(s, e))
        for m in doc._.ni_regions or []:
            if taken.intersection(range(m.start, m.end)):
                continue
            cands.append(_Candidate(m.start, m.end, "region", "gazetteer", region=m))
            taken.update(range(m.start, m.end))
        # "ministre fédérale de l'Emploi", "Enterprise minister": a portfolio, not an organization
        taken.update(self._portfolio_tokens(doc, roles, taken))
        ner: list[_Candidate] = self._person_name_candidates(doc, taken, role_edges, role_starts, title_at)
        place_tokens = {i for c in cands if c.type == "region" for i in range(c.start, c.end)}
        for c in ner:
            taken.update(range(c.start, c.end))
        for ent in self._joined_ents(doc):
            start, end = ent.start, ent.end
            if ent.label_ in ORG_LABELS | PERSON_LABELS:
                # "A spokesman for Vistamonte, Alessio Tamburini, said": the model ran the company
                # and the person's name together; the name after the comma is read on its own
                end = next((k for k in range(start + 1, end) if doc[k].text == ","), end)
            # trim determiners, possessive endings and stray symbols the model sometimes includes
            while start < end and ((doc[start].lower_ in DETERMINERS and (not self._title_article(doc, start) or (
                    start + 1 < end and doc[start + 1].lower_ in self.company_name_heads)))
                                   or doc[start].is_punct or (doc[start].pos_ == "ADP" and not self._title_article(doc, start))
                                   or (doc[start].is_lower and any(not t.is_lower for t in doc[start + 1:end]))):
                start += 1  # "l'", "de France", "néobanque Finzo", "général de Morvillier": the name starts later
            while end > start and (doc[end - 1].lower_ in POSSESSIVE_ENDINGS or doc[end - 1].is_punct
                                   or doc[end - 1].is_currency or doc[end - 1].text in self.currency_codes):
                end -= 1
            if doc[start].lower_ in DETERMINERS and self._title_article(doc, start):
                # "Le Monde du Progiciel", "La Lettre de l'Industrie": a title runs over "du", "de la",
                # "de l'" and the capitalized words after them
                while end < len(doc) and end not in taken and doc[end].lower_ in SOURCE_NAME_LINKS \
                        and self._linked_capital(doc, end):
                    while doc[end].lower_ in SOURCE_NAME_LINKS:  # a capital follows within two links
                        end += 1
                    while end < len(doc) and end not in taken and doc[end].is_title:
                        end += 1
            if ent.label_ == "MISC":  # "Vandercamme en vue d'un rachat": the name is its capitalized words
                k = start + 1
                while k < end and (not doc[k].is_lower or doc[k].pos_ == "ADJ"
                                   or (doc[k].lower_ in SOURCE_NAME_LINKS and self._linked_capital(doc, k))):
                    k += 1
                end = k
            while end > start and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ"):
                end -= 1  # "usine de"
            # a name cut before or after its industry word: "Simoun" + "Télécom", "Arvalis" + "Capital"
            while end < len(doc) and end not in taken and doc[end].is_title and doc[end].lower_ in self.company_name_words:
                end += 1
            if end - start == 1 and doc[start].lower_ in self.company_name_words and start > 0 \
                    and start - 1 not in taken and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                    and (not doc[start - 1].is_sent_start or self._unknown_word(doc, start - 1)):
                start -= 1
            elif ent.label_ in ORG_LABELS and start > 0 and doc[start - 1].is_sent_start and start - 1 not in taken \
                    and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and self._unknown_word(doc, start - 1):
                start -= 1  # "Hestvold Nutrients will buy": the base model drops a name's first word at a sentence start
            if start >= end or taken.intersection(range(start, end)):
                continue
            if not any(ch.isupper() for ch in doc[start:end].text):
                continue  # "usine de" tagged LOC: a name has a capital somewhere
            if doc[start:end].text in self.currency_codes or doc[start].text in self.not_entities:
                continue
            if start in role_starts and ent.label_ in ORG_LABELS:
                continue  # "ministre de l'Agriculture" is a title, not an organization
            etype = self._type_of(doc, start, end, ent.label_)
            source = "ner"
            cue = None
            if ent.label_ in ORG_LABELS | PERSON_LABELS | PRODUCT_LABELS | PLACE_LABELS:
                # a place the gazetteer does not know may be a name: "la citadine électrique Pixa"
                cue = self._preceding_cue(doc, start) or self._apposed_cue(doc, end)
            if etype is None and cue is not None:
                etype = cue  # "le fabricant de biscuits la Fournée Dorée" tagged MISC
            if cue == "company" and (etype == "region" or (etype == "product" and self._names_a_share(doc, start))):
                etype = "company"  # "le site spécialisé Urbamov", "le titre Dijkstroom a clôturé en hausse"
            if cue == "product" and etype in ("company", "person", "region", None):
                etype = "product"  # "sa gamme résidentielle SolToit", "the drug Lentavy"
            elif etype is None and ent.label_ in PRODUCT_LABELS and self._company_context(doc, start, end):
                etype = "company"  # "la banque française Orsane" tagged MISC
            if etype is None and start >= 2 and doc[start - 1].lower_ in ORG_PREPOSITIONS and (start - 1) in role_edges[0]:
                etype = "company"  # "PDG de Lumibrac" tagged MISC
            if etype in (None, "product", "region", "person") and self._dateline_credit(doc, start, end):
                etype = "company"  # "SAN FRANCISCO (Reuters) -": the agency that filed the story
            if etype in (None, "product", "region", "person") and cue is None and start - 1 in title_at:
                # "head of equity research at Lindeboom Effecten" tagged FAC, "an analyst at
                # Morrow Jarvis" tagged PERSON: the employer
                etype, source = "company", "rule"
            if etype is None:
                continue
            if etype in ("person", "region") and self._company_context(doc, start, end):
                etype = "company"
            elif etype == "company" and start - 1 not in title_at and self._looks_like_titled_person(doc, start, end, role_edges):
                etype = "person"  # "chief executive Ricardo Albuquerque" tagged ORG
            elif etype == "region" and 2 <= end - start <= 3 and doc[start].text in self.first_names \
                    and all(t.is_title for t in doc[start:end]) and ent.label_ in PLACE_LABELS:
                etype = "person"  # "Giulia Ferrandino" tagged LOC: a given name opens it
            elif etype in ("person", "company", "product", "region") and cue is None \
                    and self._reads_as_place(doc, start, end, place_tokens):
                # "its mills in Varkaus and Jämsä" tagged ORG and PER: a place by the text's
                # own evidence, which the type model does not overrule
                etype, source = "region", "rule"
            elif etype == "region" and doc[start:end].root.dep_ in SUBJECT_DEPS:
                etype = "company"  # a place the gazetteer does not know, acting as a subject
            elif etype == "region" and start >= 2 and doc[start - 1].lower_ in ORG_PREPOSITIONS and (start - 1) in role_edges[0] \
                    and (start - 1) not in civic_ends:
                etype = "company"  # "cheffe de la direction d'Hydrolys": a title's organization ("maire de Cluses" aside)
            ner.append(_Candidate(start, end, etype, source))
            if etype == "region":
                place_tokens.update(range(start, end))
            taken.update(range(start, end))
        ner.extend(self._cue_candidates(doc, taken))
        ner.extend(self._source_candidates(doc, taken))
        ner.extend(self._proper_name_candidates(doc, taken, role_edges[0] | title_at))
        self._vote_types(doc, ner, role_edges, employers=title_at)
        cands.extend(ner)
        cands.extend(self._unlabelled_repeats(doc, cands, taken))
        return sorted(cands, key=lambda c: c.start)

    @staticmethod
    def _unknown_word(doc: Doc, i: int) -> bool:
        """A capitalized word that reads as no common word: not a stop word, and never written
        in lowercase in the text (the lowercase words are collected once per doc)."""
        if "ni_lower_words" not in doc.user_data:
            doc.user_data["ni_lower_words"] = frozenset(t.text for t in doc if t.is_lower)
        return not doc[i].is_stop and doc[i].lower_ not in doc.user_data["ni_lower_words"]

    @staticmethod
    def _title_at(doc: Doc, roles: list[tuple[int, int, str]]) -> set[int]:
        """Positions of the "at" / "chez" that ties a title and its lowercase complement to
        the employer: "head of equity research at", "analyste chez"."""
        found = set()
        for s, e, _ in roles:
            j = e
            while j < len(doc) and j < e + 6 and doc[j].is_lower and doc[j].lower_ not in ("at", "chez"):
                j += 1
            if j < len(doc) and doc[j].lower_ in ("at", "chez"):
                found.add(j)
        return found

    @staticmethod
    def _portfolio_tokens(doc: Doc, roles: list[tuple[int, int, str]], taken: set[int]) -> set[int]:
        """The capitalized words naming a minister's portfolio: after the title through
        prepositions and adjectives ("ministre hongrois des Affaires étrangères et du Commerce",
        "Minister for Enterprise") or right before an English title ("Enterprise minister").
        A capital right after another one ends the portfolio: "de l'Industrie Jean Dupont"."""
        found: set[int] = set()
        for s, e, r in roles:
            if r != "minister":
                continue
            j, links, last_capital = e, 0, None
            while j < len(doc) and j not in taken and not doc[j].is_punct:
                t = doc[j]
                if t.is_title or t.is_upper:
                    if last_capital == j - 1 and not (t.pos_ == "ADJ" or doc[j - 1].text == "État"):
                        break
                    if last_capital is None and (j == e or doc[j - 1].lower_ not in PORTFOLIO_LINKS):
                        break  # "ministre Jean Dupont": a name, not a portfolio
                    found.add(j)
                    last_capital, links = j, 0
                elif t.is_lower and (t.lower_ in PORTFOLIO_LINKS or t.pos_ == "ADJ") and links < 5:
                    links += 1
                else:
                    break
                j += 1
            k = s - 1
            while k >= 0 and s - k <= 2 and k not in taken and doc[k].is_title and not doc[k].is_sent_start \
                    and doc[s].is_lower and doc[k].pos_ != "PROPN":
                found.add(k)
                k -= 1
        return found

    @staticmethod
    def _joined_ents(doc: Doc) -> list[Span]:
        """The model's entities, with a name cut in two joined again: "Simoun" (PER) directly
        followed by "Télécom" (ORG) is the company "Simoun Télécom"."""
        out: list[Span] = []
        for ent in doc.ents:
            prev = out[-1] if out else None
            if prev is not None and prev.end == ent.start and ent.label_ in ORG_LABELS \
                    and prev.label_ in PERSON_LABELS | PRODUCT_LABELS and doc[ent.start].is_title:
                out[-1] = Span(doc, prev.start, ent.end, label=ent.label_)
            else:
                out.append(ent)
        return out

    @staticmethod
    def _title_article(doc: Doc, i: int) -> bool:
        """A capitalized article inside a sentence belongs to the name: "selon La Tribune",
        "l'éditeur de L'Éclaireur"."""
        tok = doc[i]
        return tok.text[:1].isupper() and not tok.is_sent_start and i > 0 and doc[i - 1].text not in (".", "!", "?", "«", "“", '"')

    @staticmethod
    def _hyphenated_given_name(doc: Doc, i: int) -> int:
        """Length of a hyphenated given name starting at token ``i`` ("Jean-Baptiste",
        "Min-jun", "Hye-jin": three tokens), or 0."""
        if i + 2 < len(doc) and doc[i].is_title and doc[i].is_alpha and doc[i + 1].text == "-" \
                and not doc[i].whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha \
                and (doc[i + 2].is_title or doc[i + 2].is_lower):
            return 3
        return 0

    def _person_name_candidates(self, doc: Doc, taken: set[int], role_edges: tuple[set, set],
                                in_role: set[int], employers: set[int] = frozenset()) -> list[_Candidate]:
        """People the statistical model misses or cuts short, recognised by the shape of
        the name and a job title next to it: two to four capitalized words right after a
        title ("chief executive Min-jun Park") or followed by a comma and a title ("Fergus
        McAllister, general counsel at"); a name holding a given name of the Korean
        romanized shape ("Hye-jin Choi", "Park Ji-hoon") needs no title."""
        found: list[_Candidate] = []
        org_words = {t.text for ent in doc.ents if ent.label_ in ORG_LABELS
                     for t in ent[:next((k for k, t in enumerate(ent) if t.text == ","), len(ent))]} | {
            t.text for t in doc if t.lower_ in self.company_name_words}
        i = 0
        while i < len(doc):
            words, j, lower_hyphen = 0, i, False
            while j < len(doc) and j not in taken and j not in in_role:
                width = self._hyphenated_given_name(doc, j)
                if width:
                    lower_hyphen |= doc[j + 2].is_lower
                elif doc[j].is_title and doc[j].is_alpha and doc[j].lower_ not in self.company_suffixes \
                        and not (doc[j].is_stop and words == 0):
                    width = 1
                elif words and doc[j].lower_ in NAME_PARTICLES and j + 1 < len(doc) and doc[j + 1].is_title:
                    width = 1
                elif words and doc[j].text == "-" and not doc[j - 1].whitespace_ and j + 1 < len(doc) \
                        and doc[j + 1].is_title and j + 1 not in taken:
                    width, words = 2, words - 1  # "Roux-Vidal": one hyphenated surname
                else:
                    break
                words += 1
                j += width
            if j == i:
                i += 1
                continue
            start, end = i, j
            i = j
            if not 2 <= words <= 4 or doc[start:end].text in self.known_orgs or start - 1 in employers \
                    or doc[end - 1].lower_ in self.company_name_words:
                continue  # "treasurer at Brisa Capital, as": the employer
            if lower_hyphen or self._next_to_title(doc, start, end, role_edges, loose=False) or (
                    self._after_title_apposition(doc, start, role_edges[0]) and not any(
                        t.text in org_words or t.lower_ in self.company_suffixes for t in doc[start:end])):
                # ("A spokeswoman for Lérins, Séverine Roux-Vidal, denied"; not "managing director
                # of its Indian subsidiary, Kestrel Motors India")
                found.append(_Candidate(start, end, "person", "rule"))
        return found

    def _preceding_cue(self, doc: Doc, start: int) -> Optional[str]:
        """'product' or 'company' when the noun just before a name (adjectives aside) says
        what it is: "l'application Klipo", "le distributeur chinois Hanwei"."""
        chain = self._cue_chain(doc, start)
        if not chain:
            return None
        lemma = chain[-1]
        if self._names_a_share(doc, start, lemma):
            return "company"  # "le titre Cytalis s'envolait de 8 %": the company's share
        if lemma in self.company_cues or (lemma in self.product_cues and any(n in self.company_cues for n in chain)):
            return "company"  # "le réseau de laboratoires Cytalis" is a company, "le réseau social X" a product
        if lemma in self.product_cues:
            return "product"
        for noun in reversed(chain[:-1]):  # "le réseau de laboratoires d'analyses Cytalis": the nearest cue below the head
            if noun in self.company_cues:
                return "company"
            if noun in self.product_cues:
                return "product"
        return None

    @staticmethod
    def _cue_chain(doc: Doc, start: int) -> list[str]:
        """The lemmas of the nouns just before a name (adjectives aside), the head noun last:
        ["logiciel", "éditeur"] for "l'éditeur italien de logiciels Navalis"."""
        j = start - 1
        if j >= 1 and doc[j].lower_ in LOWERCASE_NAME_ARTICLES and doc[j - 1].pos_ == "NOUN":
            j -= 1  # "le fabricant de biscuits la Fournée Dorée": the article opens the name
        if "ni_demonyms" not in doc.user_data:  # one-word nationality matches, found once per doc
            doc.user_data["ni_demonyms"] = frozenset(m.start for m in doc._.ni_regions or []
                                                     if m.end - m.start == 1 and m.form == "demonym")
        demonyms = doc.user_data["ni_demonyms"]
        # (a nationality word is an adjective here even when tagged otherwise: "la compagnie néerlandaise Zeelink")
        while j >= 0 and start - j <= 4 and doc[j].is_lower and (doc[j].pos_ == "ADJ" or j in demonyms):
            j -= 1
        if j < 0 or doc[j].pos_ != "NOUN":
            return []
        # "l'éditeur italien de logiciels Navalis": the head noun is "éditeur", not "logiciels"
        chain = [doc[j].lemma_.lower()]
        for _ in range(2):
            k = j - 1
            if k >= 1 and doc[k].lower_ in ("de", "d'", "d’", "of", "des", "du"):
                h = k - 1
                while h >= 0 and j - h <= 5 and doc[h].pos_ == "ADJ" and doc[h].is_lower:
                    h -= 1
                if h >= 0 and doc[h].pos_ == "NOUN":
                    j = h
                    chain.append(doc[j].lemma_.lower())
                    continue
            break
        return chain

    def _reads_as_place(self, doc: Doc, start: int, end: int, place_tokens: set[int]) -> bool:
        """A one- or two-word name the text uses as a place: after "in" / "à" hanging on a site
        noun ("its mills in Varkaus", "son usine à Woippy"), modifying one ("its Kambalda nickel
        mine"), or in a list of places after "in" / "à" / "en" ("in Addis Ababa, Adama and
        Hawassa")."""
        if end - start > 2 or not all(t.is_title for t in doc[start:end]):
            return False
        root = doc[start:end].root
        prep = root.head if root.dep_ == "pobj" else next((c for c in root.children if c.dep_ == "case"), None)
        if prep is not None and prep.lower_ in ("in", "à"):
            site = prep.head if root.dep_ == "pobj" else root.head
            if site.lemma_.lower() in self.site_nouns or site.lower_ in self.site_nouns:
                return True
        head = root
        for _ in range(2):  # "its Kambalda nickel mine": the name modifies a site noun
            if head.dep_ not in ("compound", "amod") or head.head.i == head.i:
                break
            head = head.head
            if head.lemma_.lower() in self.site_nouns:
                return True
        if root.dep_ == "conj":
            # the conjuncts before it, up the chain (a few: a list of thousands stays cheap)
            first, near_place = root, False
            for _ in range(LIST_REACH):
                if first.dep_ != "conj" or first.head.i == first.i:
                    break
                first = first.head
                near_place = near_place or first.i in place_tokens
            case = first.head if first.dep_ == "pobj" else next((c for c in first.children if c.dep_ == "case"), None)
            if case is None or case.lower_ not in ("in", "à", "en", "across", "dans"):
                return False  # "deals with Hungary and Volvo": no place list
            return near_place
        return False

    def _names_a_share(self, doc: Doc, start: int, cue_lemma: Optional[str] = None) -> bool:
        """"le titre Cytalis a terminé la séance en hausse": a share noun before the name and a
        market word after it make the name a listed company, not a product."""
        if cue_lemma is None:
            cue_lemma = doc[start - 1].lemma_.lower() if start > 0 else ""
        return cue_lemma in self.share_nouns and any(
            t.lemma_.lower() in self.share_context or t.lower_ in self.share_context
            for t in doc[start:min(len(doc), start + 8)])

    def _apposed_cue(self, doc: Doc, end: int) -> Optional[str]:
        """'product' or 'company' from an apposition after the name: "Pulsepay Wallet, its
        consumer payments app", "Klipo Market, la fonctionnalité d'achats de Klipo"."""
        lemma = self._apposed_head(doc, end)
        if lemma in self.product_cues and lemma not in self.company_cues:
            return "product"
        if lemma in self.company_cues:
            return "company"
        return None

    @staticmethod
    def _apposed_head(doc: Doc, end: int) -> Optional[str]:
        """The lemma of the head noun of an apposition after a name: "app" in "Pulsepay Wallet,
        its consumer payments app", "équipementier" in "Lenzinger Elektronik, l'équipementier
        bavarois"."""
        if end >= len(doc) or doc[end].text != ",":
            return None
        j = end + 1
        if j < len(doc) and doc[j].lower_ in DETERMINERS | POSSESSIVES:
            j += 1
        while j < len(doc) and j - end <= 5 and doc[j].pos_ in ("ADJ", "NOUN") and doc[j].is_lower:
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if nxt is None or nxt.pos_ != "NOUN" or not nxt.is_lower:  # the head is the last noun
                return doc[j].lemma_.lower()
            j += 1
        return None

    def _cue_candidates(self, doc: Doc, taken: set[int]) -> list[_Candidate]:
        """Names the model missed after a company or product noun: "la banque française
        Orsane", "the payments app Pulsepay Wallet", "l'éditeur français de logiciels bancaires
        Quorvex" (the head noun, not its complement, says what the name is)."""
        found: list[_Candidate] = []
        for tok in doc:
            i = tok.i
            if i == 0 or i in taken or not tok.is_title or tok.is_sent_start or tok.text in self.not_entities:
                continue
            if doc[i - 1].pos_ not in ("NOUN", "ADJ") or not doc[i - 1].is_lower:
                continue
            etype = self._preceding_cue(doc, i)
            if etype is None:
                continue
            j = i
            while j < len(doc) and j - i < 4 and doc[j].is_title and j not in taken:
                j += 1
            if all(t.lower_ in DETERMINERS for t in doc[i:j]):
                continue  # "le groupe de médias Les Éditions du Phare": the name after the article is taken
            found.append(_Candidate(i, j, etype, "rule"))
            taken.update(range(i, j))
        return found

    def _source_candidates(self, doc: Doc, taken: set[int]) -> list[_Candidate]:
        """Publications cited as sources that the model missed: "selon La Lettre du Jouet",
        "selon le site spécialisé TechPulse", "according to the trade paper Shelfwise". The
        name is the run of capitalized words after the cue (and its lowercase description),
        with the linking words inside it; a capitalized article opens the name."""
        found: list[_Candidate] = []
        for cue in self.source_cues:
            words = cue.split()
            for i in range(len(doc) - len(words)):
                if doc[i].lower_ != words[0] or [t.lower_ for t in doc[i:i + len(words)]] != words:
                    continue
                j = i + len(words)
                limit = j + 5
                while j < len(doc) and j < limit and doc[j].is_lower and not doc[j].is_punct:
                    j += 1  # "le site spécialisé", "the trade paper"
                start = j
                while j < len(doc) and j - start < 7:
                    t = doc[j]
                    if t.is_title or t.is_upper or (t.text[:1].isupper() and not t.is_punct):
                        j += 1
                    elif t.lower_ in SOURCE_NAME_LINKS and j > start and self._linked_capital(doc, j):
                        j += 1
                    else:
                        break
                if j > start and not taken.intersection(range(start, j)) and doc[start].text not in self.first_names \
                        and not any(t.ent_type_ in NOT_SOURCE_LABELS for t in doc[start:j]):
                    found.append(_Candidate(start, j, "company", "source"))
                    taken.update(range(start, j))
        return found

    @staticmethod
    def _linked_capital(doc: Doc, j: int, links: int = 2) -> bool:
        """Whether linking words from ``j`` on ("de", "de la", "de l'") lead to a capital."""
        k = j
        while k < len(doc) and k - j < links and doc[k].lower_ in SOURCE_NAME_LINKS:
            k += 1
        return k > j and k < len(doc) and doc[k].text[:1].isupper() and not doc[k].is_punct

    def _proper_name_candidates(self, doc: Doc, taken: set[int], role_ends: set[int]) -> list[_Candidate]:
        """Capitalized proper names the model left unlabelled that act as a subject or an
        object ("Finzo lève 20 millions", "the deal values Terrasucre at"): companies."""
        found: list[_Candidate] = []
        demonyms = {m.end - 1 for m in doc._.ni_regions or [] if m.form == "demonym" and m.end - m.start == 1}
        # dates, amounts...; a MISC name the typing rules left aside may still be a company
        in_other_ents = {t.i for e in doc.ents if e.label_ != "MISC" for t in e}
        dateline_starts = {m.start for m in doc._.ni_regions or [] if doc[m.start].is_upper}
        i = 0
        while i < len(doc):
            tok = doc[i]
            if i in taken or i in in_other_ents or tok.pos_ != "PROPN" or not tok.is_title or tok.text in self.not_entities \
                    or (tok.is_sent_start and tok.is_stop):  # "Ni Panier Chaud ni ..."
                i += 1
                continue
            j = i + 1
            while j < len(doc) and j not in taken and j not in in_other_ents and j - i < 4:
                if doc[j].is_title or doc[j].is_upper and doc[j].is_alpha:
                    j += 1  # "Huaxin Rail", "Stratos Équipements"
                elif doc[j].text == "&" and j + 1 < len(doc) and doc[j + 1].is_title:
                    j += 2  # "Forge & Foyer", "Lüthold & Cie"
                else:
                    break
            span = doc[i:j]
            after_title = i >= 2 and doc[i - 1].lower_ in ORG_PREPOSITIONS and (i - 1) in role_ends
            # "racheter le belge Maeslab", "l'allemand Strahlwerk": a nationality used as a noun
            after_nationality = i >= 2 and (i - 1) in demonyms and doc[i - 2].lower_ in DETERMINERS
            suffixed = j - i > 1 and doc[j - 1].lower_ in self.company_suffixes  # "Pixel Co", "Tarvik AB"
            # "LEEDS, March 3 - Brackwell Steel said": the story's first name after a dateline
            # the regions component found (the parser reads the dateline as the subject)
            after_dateline = i >= 2 and doc[i - 1].text in DASHES and tok.sent.start in dateline_starts \
                and j < len(doc) and doc[j].pos_ in ("VERB", "AUX")
            if (span.root.dep_ in ARGUMENT_DEPS or after_title or after_nationality or suffixed or after_dateline) \
                    and not (tok.is_sent_start and j - i == 1 and tok.lower_ in self.company_cues):
                found.append(_Candidate(i, j, "company", "rule"))
                taken.update(range(i, j))
            i = max(j, i + 1)
        return found

    def _company_context(self, doc: Doc, start: int, end: int, strict: bool = False) -> bool:
        """Whether the words around a name make it a company: "le distributeur chinois Hanwei",
        "Hanwei, le distributeur", a company suffix, or an apposition to a company noun."""
        window = [t.lower_ for t in doc[max(0, start - 4):start]]
        if window and window[-1] in self.company_cues:
            return True
        if strict:
            return False
        cue_at = max((k for k, w in enumerate(window) if w in self.company_cues), default=None)
        if cue_at is not None and all(
            t.pos_ in ("ADJ", "DET", "ADP", "NOUN", "PROPN") for t in doc[start - len(window) + cue_at:start]
        ) and doc[start - 1].pos_ in ("ADJ", "NOUN", "PROPN"):
            return True  # "la compagnie néerlandaise Zeelink", "le fabricant espagnol de fours Hornalia"
        root = doc[start:end].root
        for rel in (root.head, *root.children):
            if rel.lemma_.lower() in self.company_cues and rel.i not in range(start, end) and rel.dep_ in {"appos", "nmod", "amod", "compound", "flat:name", root.dep_}:
                return True
        return False

    def _vote_types(self, doc: Doc, cands: list[_Candidate], role_edges: tuple[set, set] = (set(), set()),
                    employers: set[int] = frozenset()) -> None:
        """One type per surface name in a doc: the model may call "Navalis" ORG in one
        sentence and LOC or PER in the next; company evidence anywhere wins. A lone surname
        of a named person is that person; a lone capitalized word the model calls a person,
        that is no surname, first name or titled name in the doc, is a company ("Zahlwerk")."""
        for c in cands:
            # "a lancé Jappo", "will shut down Reelhouse", "sa marque Tendre Meule"
            root = doc[c.start:c.end].root
            if c.type == "company" and (
                (root.dep_ in ("obj", "dobj") and root.head.lemma_.lower() in self.product_verbs)
                or (c.start > 0 and doc[c.start - 1].lower_ in POSSESSIVES)
            ):
                c.type = "product"
        product_heads = {doc[c.start].text for c in cands if c.type == "product" and c.end - c.start > 1}
        for c in cands:
            # "Pulsepay" beside its product "Pulsepay Wallet" is the company
            if doc[c.start].text in product_heads and c.type in ("person", "product", "region") and (
                c.end - c.start == 1 or c.type == "person"
            ):
                c.type = "company" if c.end - c.start == 1 else "product"
        company_heads = {doc[c.start].text for c in cands if c.type == "company" and c.end - c.start > 1
                         and doc[c.start].text not in self.first_names}
        for c in cands:
            # "Takumori" after "Takumori Robotics": the short form of the company, whatever the
            # base model calls it, unless a cue noun says otherwise ("l'application Takumori")
            if c.end - c.start == 1 and c.type in ("product", "region", "person") and c.source == "ner" \
                    and doc[c.start].text in company_heads and self._preceding_cue(doc, c.start) != "product":
                c.type = "company"
        for c in cands:
            # "Sellier Vauquois", "Teranga Mobile": no given name in it, so no person (unless a job
            # title stands next to it: "analyst Sofia Heikkinen", "Alisha Grant, chief marketing officer")
            if c.type == "person" and c.end - c.start > 1 and c.source == "ner" and not any(
                t.text in self.first_names or t.text in self.person_titles for t in doc[c.start:c.end]
            ) and not any(t.text in self.first_names for t in doc[max(0, c.start - 2):c.start]) \
                    and not self._looks_like_titled_person(doc, c.start, c.end, role_edges):
                c.type = "company"
            elif c.type == "company" and 2 <= c.end - c.start <= 3 and doc[c.start].text in self.first_names \
                    and all(name_cased(t) for t in doc[c.start:c.end]) \
                    and not any(t.lower_ in self.company_suffixes or t.lower_ in self.company_name_words
                                for t in doc[c.start:c.end]) \
                    and self._preceding_cue(doc, c.start) != "company" and c.start - 1 not in employers:
                c.type = "person"  # "Émilie Sanchez" tagged ORG, not "Brodie Hay Securities" nor "analyst at Marina Row"
        people = [doc[c.start:c.end] for c in cands if c.type == "person" and c.end - c.start > 1]
        surnames = {p[-1].text for p in people}
        # "Park Ji-hoon": the family name comes first
        surnames |= {p[0].text for p in people if len(p) == 4 and self._hyphenated_given_name(doc, p.start + 1)}
        # "Marta Zielińska" anywhere in the text makes a lone "Zielińska" a person
        surnames |= {doc[i + 1].text for i in range(len(doc) - 1)
                     if doc[i].text in self.first_names and doc[i + 1].is_title and not doc[i + 1].is_sent_start}
        first_names = {p[0].text for p in people}
        for c in cands:
            text = doc[c.start:c.end].text
            if c.end - c.start == 1 and text in surnames and c.type != "region":
                c.type = "person"
            elif (c.type == "person" and c.end - c.start == 1 and text not in first_names
                  and not (c.start > 0 and doc[c.start - 1].text in self.person_titles)):
                c.type = "company"
        by_text: dict[str, list[_Candidate]] = defaultdict(list)
        for c in cands:
            by_text[doc[c.start:c.end].text].append(c)
        for group in by_text.values():
            types = Counter(c.type for c in group)
            if len(types) == 1:
                continue
            if all(doc[c.start].ent_type_ in PERSON_LABELS for c in group) and any(
                    c.type == "person" and self._looks_like_titled_person(doc, c.start, c.end, role_edges) for c in group):
                # "son directeur général, Mathurin Agbodjan ... », a reconnu Mathurin Agbodjan": a
                # name once written with a title is a person wherever it recurs
                for c in group:
                    c.type = "person"
                continue
            for preferred in ("organization", "product", "company"):  # a product cue is explicit evidence
                if types.get(preferred):
                    for c in group:
                        c.type = preferred
                    break

    def _type_of(self, doc: Doc, start: int, end: int, label: str) -> Optional[str]:
        prev = doc[start - 1].lower_ if start > 0 else ""
        prev2 = doc[start - 2].lower_ if start > 1 else ""
        last = doc[end - 1].lower_
        if end - start > 1 and last in self.company_name_words and prev not in self.product_cues \
                and doc[start:end].text not in self.known_orgs and label not in PLACE_LABELS:
            return "company"  # "Takumori Robotics" tagged PRODUCT or PERSON
        if label in PERSON_LABELS:
            if prev in self.product_cues:
                return "product"
            if prev in self.company_cues or last in self.company_suffixes:
                return "company"
            if end - start == 1 and doc[start].text.isupper() and len(doc[start]) > 1:
                return "company"  # an acronym is not a person
            if prev in ("de", "of") and prev2 in self.product_cues | self.company_cues:
                return "company"
            return "person"
        if label in ORG_LABELS:
            return self._org_type(doc, start, end)
        if label in PLACE_LABELS:
            span_text = doc[start:end].text
            if end - start > 1 and doc[start].lower_ in self.company_name_heads and span_text not in self.known_orgs:
                return "company"  # "la Brasserie des Trois Chardons" tagged LOC
            if span_text in self.known_orgs or prev in self.company_cues:
                return "organization" if span_text in self.known_orgs else "company"
            return "region"
        if label in PRODUCT_LABELS:
            if prev in self.product_cues or label == "PRODUCT":
                return "product"
            if prev in self.company_cues:
                return "company"
            if doc[start:end].text in self.known_orgs:
                return "organization"
            # "Klipo Market, la fonctionnalité de ...": an apposed product cue
            nxt = [t.lower_ for t in doc[end:end + 4]]
            if nxt[:1] == [","] and any(w in self.product_cues for w in nxt[1:]):
                return "product"
            if label == "MISC" and doc[start].pos_ == "PROPN" and not doc[start].is_sent_start:
                if any(t.lower_ in self.company_suffixes for t in doc[start:end]):
                    return "company"
            root = doc[start:end].root
            if label == "MISC" and doc[end - 1].pos_ == "PROPN" and all(t.is_title or t.is_upper for t in doc[start:end]) \
                    and root.dep_ in SUBJECT_DEPS and root.head.pos_ in ("VERB", "AUX"):
                return "company"  # "Lumibrac a annoncé", "Lumibrac investira": a name that acts
            if label == "MISC" and end - start > 1 and doc[start].is_title and doc[start:end].text not in self.known_orgs and (
                    doc[start].lower_ in self.company_name_heads
                    or (doc[start].lower_ in DETERMINERS and self._title_article(doc, start))):
                return "company"  # "Carrosseries du Bocage", "pour Les Fournils de Loire", "selon Le Courrier de la Bourse"
            if label == "MISC" and end - start == 1 and doc[start].is_upper and doc[start].is_alpha and len(doc[start]) >= 4 \
                    and root.dep_ in ARGUMENT_DEPS | {"nmod", "appos"}:
                return "company"  # "ROUAGE a levé", "directeur commercial de VOLANCE": an acronym-like name
        return None

    def _unlabelled_repeats(self, doc: Doc, cands: list[_Candidate], taken: set[int]) -> list[_Candidate]:
        """Occurrences of an already typed name that the model missed elsewhere in the doc."""
        names: dict[tuple[str, ...], str] = {}
        short: set[tuple[str, ...]] = set()
        for c in cands:
            if c.type in ("company", "organization", "product", "person") and c.end - c.start <= 4:
                names.setdefault(tuple(t.text for t in doc[c.start:c.end]), c.type)
            first = doc[c.start]
            if c.type == "company" and c.end - c.start >= 2 and first.is_title and first.is_alpha and len(first) >= 4 \
                    and not first.is_stop and first.lower_ not in self.no_short_form and first.text not in self.first_names \
                    and first.text not in self.not_entities:
                short.add((first.text,))  # "Brunnhardt" of "Brunnhardt Industrie"
        short -= set(names)  # names typed in their own right keep their own rules
        for words in short:
            names[words] = "company"
        by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for words in sorted(names, key=len, reverse=True):  # longest name first
            by_first[words[0]].append(words)
        extra: list[_Candidate] = []
        for tok in doc:
            if tok.i in taken or tok.text not in by_first:
                continue
            for words in by_first[tok.text]:
                end = tok.i + len(words)
                if words in short and (tok.pos_ not in ("PROPN", "NOUN", "X", "ADJ") or (tok.is_sent_start and tok.pos_ != "PROPN")
                                       or (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title)):
                    continue  # a short form must read as a name, and not open a longer one
                if tuple(t.text for t in doc[tok.i:end]) == words and not taken.intersection(range(tok.i, end)):
                    extra.append(_Candidate(tok.i, end, names[words], "rule"))
                    taken.update(range(tok.i, end))
                    break
        return extra

    # --- grouping -------------------------------------------------------------------
    def _name_tokens(self, doc: Doc, c: _Candidate) -> list[str]:
        toks = [t.text for t in doc[c.start:c.end] if t.text not in self.person_titles]
        return toks or [doc[c.start:c.end].text]

    def _group(self, doc: Doc, cands: list[_Candidate]) -> list[_Group]:
        groups: list[_Group] = []
        by_key: dict[tuple[str, str], _Group] = {}
        # "Kestrel Motors India" is Kestrel Motors' Indian subsidiary, not its full name
        place_words = {doc[m.start:m.end].text.lower() for m in doc._.ni_regions or []}
        for c in sorted(cands, key=lambda c: -(c.end - c.start)):
            if c.alias is not None:
                key = (c.type, "alias:" + c.alias.canonical.lower())
            elif c.type == "region":
                if c.region is not None:
                    key = ("region", c.region.region.id)
                else:
                    key = ("region", doc[c.start:c.end].text.lower())
            else:
                toks = self._name_tokens(doc, c)
                key = (c.type, " ".join(toks).lower())
                if key not in by_key:
                    # short form: "Rossi" -> "Luca Rossi", "Navalis" -> "Navalis Group"
                    owner = self._containing_group(c.type, toks, by_key, place_words)
                    if owner is not None:
                        key = owner
            group = by_key.get(key)
            if group is None:
                group = _Group(type=c.type, region=c.region, alias=c.alias)
                by_key[key] = group
                groups.append(group)
            group.candidates.append(c)
            c.entity = group
        return groups

    @staticmethod
    def _containing_group(type_: str, toks: list[str], by_key: dict, place_words: set[str] = frozenset()) -> Optional[tuple]:
        """The group a short form belongs to: "Rossi" of "Luca Rossi", "Navalis" of "Navalis
        Group" (the shortest such name, and never one that only adds a place: "Kestrel Motors
        India" is a subsidiary of Kestrel Motors)."""
        joined = " ".join(toks).lower()
        types = ("person", "executive") if type_ == "person" else (type_,)
        longer = []
        for (t, key), _ in by_key.items():
            if t not in types:
                continue
            words = key.split()
            if type_ == "person":
                if len(toks) == 1 and (words[-1] == joined or (words[0] == joined and words[2:3] == ["-"])):
                    return (t, key)  # "Rossi" of "Luca Rossi"; "Park" of "Park Ji-hoon"
            elif key.startswith(joined + " ") and len(joined) >= 3:
                if key[len(joined) + 1:] not in place_words:  # not "Kestrel Motors" + "India"
                    longer.append((t, key))
            elif len(words) >= 2 and words[0] in NAME_ARTICLES and " ".join(words[1:]) == joined:
                return (t, key)  # "Klaproos" of "De Klaproos", "Fournils de Loire" of "Les Fournils de Loire"
        return min(longer, key=lambda k: len(k[1])) if longer else None

    # --- executives -----------------------------------------------------------------
    def _roles(self, doc: Doc) -> list[tuple[int, int, str]]:
        found = [(s, e, self.role_of[k]) for k, s, e in self.role_matcher(doc)]
        kept, taken = [], set()
        for s, e, r in sorted(found, key=lambda x: (-(x[1] - x[0]), x[0])):
            if not taken.intersection(range(s, e)):
                kept.append((s, e, r))
                taken.update(range(s, e))
        # "its Peruvian partner, Minera Yawar", "hired the adviser Carrick Lyle": a business
        # partner; "a partner at Kilele Advisory", "the partner who led the deal", "associée au
        # sein du cabinet" are a person's title
        kept = [(s, e, r) for s, e, r in kept if doc[s:e].text.lower() not in PARTNER_TITLES
                or doc[s].is_sent_start or (e < len(doc) and doc[e].lower_ in PARTNER_TIES)]
        kept.sort()
        # "cofondateur et directeur général", "founder and chief executive": one combined
        # title whose operational part is the role in force
        merged: list[tuple[int, int, str]] = []
        for role in kept:
            if merged:
                ps, pe, pr = merged[-1]
                if role[0] - pe == 1 and doc[pe].lower_ in ("et", "and", "&") and not any(
                    t.lower_ in ("respectivement", "respectively") for t in doc[pe].sent
                ):
                    best = min(pr, role[2], key=lambda r: self.role_priority.get(r, 99))
                    merged[-1] = (ps, role[1], best)
                    continue
            merged.append(role)
        return merged

    def _successions(self, doc: Doc, groups: list[_Group], token_group: dict[int, _Group],
                     titles: dict[tuple[int, int], tuple[str, int]]) -> None:
        """Titles passed on in a succession, both ways: the person replaced held the successor's
        title when the text gives them none ("Kwabena Appiah succède à Hélène Marsolan", "Rao
        succeeds Vikram Sethi"), and a successor with a title of their own takes the title of
        the person replaced ("chief operating officer Yetunde Olawale will succeed him")."""
        inherited: set[int] = set()
        for g in groups:
            if g.type != "person" or g.role is not None:
                continue
            for c in g.candidates:
                root = doc[c.start:c.end].root
                verb = root.head
                if root.dep_ not in ("obj", "dobj", "obl:arg", "iobj", "obl") or verb.lemma_.lower() not in self.succession_verbs:
                    continue
                subject = next((t for t in verb.children if t.dep_ in ("nsubj", "expl:subj")), None)
                if subject is None and verb.dep_ == "conj":  # "Ezeaku joins from X and replaces Y"
                    subject = next((t for t in verb.head.children if t.dep_ in ("nsubj", "expl:subj")), None)
                successor = token_group.get(subject.i) if subject is not None else None
                if subject is not None and successor is None and subject.lower_ in PERSON_PRONOUNS:
                    # "He replaces Kenichi Mori": the titled person named last before
                    successor = next((token_group[i] for i in range(subject.i - 1, max(-1, subject.i - 60), -1)
                                      if token_group.get(i) is not None and token_group[i].title is not None), None)
                if successor is not None and successor is not g and successor.title is not None:
                    self._set_role(doc, g, successor.title, token_group, titles)
                    inherited.add(id(g))
                    break
        # "chief operating officer Yetunde Olawale will succeed him": the successor takes the
        # title of the person replaced, the role in force after the story (unless "as" names
        # another, which the taken-title rule has read)
        for verb in doc:
            if verb.lemma_.lower() not in self.succession_verbs or verb.pos_ != "VERB":
                continue
            subject = next((t for t in verb.children if t.dep_ in ("nsubj", "expl:subj")), None)
            obj = next((t for t in verb.children if t.dep_ in ("obj", "dobj", "obl:arg", "iobj")), None)
            if subject is None or obj is None or any(t.lower_ in ("as", "comme") for t in doc[verb.i:verb.sent.end]):
                continue
            successor = self._named_by(subject, token_group)
            predecessor = self._named_by(obj, token_group)
            if predecessor is None and obj.lower_ in OBJECT_PRONOUNS:
                predecessor = next((token_group[i] for i in range(obj.i - 1, max(-1, obj.i - 80), -1)
                                    if token_group.get(i) is not None and token_group[i] is not successor
                                    and token_group[i].title is not None), None)
            if successor is None or predecessor is None or successor is predecessor or successor.role_prospective \
                    or successor.title is None or predecessor.title is None or predecessor.title == successor.title \
                    or id(predecessor) in inherited:
                continue
            successor.role = None
            self._set_role(doc, successor, predecessor.title, token_group, titles)
            successor.role_prospective = True

    def _replaced(self, doc: Doc, person: _Candidate) -> bool:
        """The person is the object of a verb of succession: "will replace Olawale"."""
        root = doc[person.start:person.end].root
        return root.dep_ in ("obj", "dobj", "obl:arg") and root.head.lemma_.lower() in self.succession_verbs

    @staticmethod
    def _named_by(token, token_group: dict[int, _Group]) -> Optional[_Group]:
        """The entity a noun phrase names, also through a title heading it ("chief operating
        officer Yetunde Olawale", parsed with the title as head)."""
        if token_group.get(token.i) is not None:
            return token_group[token.i]
        return next((token_group[t.i] for t in token.children
                     if t.dep_ in ("appos", "compound", "flat", "flat:name") and token_group.get(t.i) is not None), None)

    def _employers_after_names(self, doc: Doc, groups: list[_Group], token_group: dict[int, _Group]) -> None:
        """"Harriet Nkansah and Euan Macallister of the advisory firm Drayfield Kellaway",
        "restructuring lawyer Jürgen Hauck of the Stuttgart firm Brenner Lenz", "Solène Dufrêche,
        du cabinet Arvale Mandataires": a company written right after a titled person's name,
        behind "of" / "du" and a lowercase description, employs that person."""
        for g in groups:
            if g.type != "executive" or g.organization_via == "subsidiary":
                continue
            for c in g.candidates:
                j = c.end
                while j + 1 < len(doc) and (doc[j].lower_ in ("and", "et") or doc[j].text == ",") \
                        and self._is_person(token_group.get(j + 1)):
                    j += 1  # "Nkansah and Euan Macallister of": past the coordinated names
                    while j < len(doc) and self._is_person(token_group.get(j)):
                        j += 1
                if j < len(doc) and doc[j].text == ",":
                    j += 1
                if j >= len(doc) or doc[j].lower_ not in ("of", "du", "de"):
                    continue
                k = j + 1
                while k < len(doc) and k - j <= 5 and (token_group.get(k) is None or token_group[k].type == "region") \
                        and not doc[k].is_punct and (doc[k].is_lower or doc[k].is_title):  # ("the Stuttgart firm")
                    k += 1
                employer = token_group.get(k) if k < len(doc) else None
                if employer is not None and employer.type == "company" and k > j + 1 and any(
                        doc[t].is_lower and doc[t].pos_ == "NOUN" for t in range(j + 1, k)):
                    g.organization, g.organization_via = employer, "title"
                    break

    def _attach_roles(self, doc: Doc, groups: list[_Group], token_group: dict[int, _Group], roles,
                      titles: dict[tuple[int, int], tuple[str, int]]) -> None:
        if not roles:
            return
        persons = [c for g in groups if g.type == "person" for c in g.candidates]
        used_roles: set[int] = set()
        for sent in doc.sents:
            sent_persons = sorted((c for c in persons if sent.start <= c.start < sent.end), key=lambda c: c.start)
            sent_roles = [r for r in roles if sent.start <= r[0] < sent.end]
            if not sent_persons or not sent_roles:
                continue
            respectively = next((t.i for t in sent if t.lower_ in ("respectivement", "respectively")), None)
            done: set[int] = set()
            if respectively is not None and len(sent_persons) >= 2:
                # "A et B ont été nommés respectivement X et Y": the people named before the
                # first title, in order, take the titles that follow in order
                first_role = min(r[0] for r in sent_roles)
                before = [p for p in sent_persons if p.end <= first_role]
                after = [r for r in sent_roles if r[0] >= before[-1].end] if before else []
                if respectively > first_role:  # "named X and Y respectively": titles come first
                    named = [p for p in sent_persons if p.start < respectively]
                    before, after = named[:len(sent_roles)], sent_roles
                    later = [r for r in sent_roles if r[0] >= named[-1].end] if named else []
                    if 2 <= len(later) == len(named):
                        # "chair X and director Y would serve as interim chief executive and
                        # interim chair respectively": the titles after the names are the new ones
                        before, after = named, later
                for person, role in zip(before, after):
                    self._set_role(doc, person.entity, role, token_group, titles)
                    used_roles.add(role[0])
                    done.add(id(person))
            for person in sent_persons:
                if id(person) in done:
                    continue
                role = self._nearest_role(doc, person, sent_roles, sent_persons)
                if role is not None:
                    self._set_role(doc, person.entity, role, token_group, titles)
            # "X, directeur financier, quittera le groupe pour prendre la direction générale de
            # Bellstone": the title a person takes is the role in force after the story
            for role in sent_roles:
                if not self._taken_title(doc, role):
                    continue
                # ("will replace Olawale as chief operating officer": not the person replaced)
                before = [p for p in sent_persons if p.end <= role[0] and not (
                    self._replaced(doc, p) and not any(t.pos_ == "VERB" for t in doc[p.end:role[0]]))]
                # "She will be succeeded as chief executive by chief operating officer Marcus
                # Dunleavy": the person after "by" takes it
                by = [p for p in sent_persons if role[1] <= p.start <= role[1] + 8 and any(
                    t.lower_ in ("by", "par") for t in doc[role[1]:p.start])]
                if by and any(t.lemma_.lower() in self.succession_verbs for t in doc[max(sent.start, role[0] - 6):role[0]]):
                    before = by[:1]
                # (a person the nearest-title rule left without one takes it too: "Gareth
                # Morgan-Leith, who leaves at the end of April to become finance director of")
                if before and not before[-1].entity.role_prospective and id(before[-1]) not in done:
                    group = before[-1].entity
                    group.role = None
                    self._set_role(doc, group, role, token_group, titles)
                    group.role_prospective = True
            # "A et B ont été cooptés comme membres du conseil": A shares B's title after them
            for first, second in zip(sent_persons, sent_persons[1:]):
                if first.entity.role is None and second.entity.role is not None and id(first) not in done \
                        and [t.lower_ for t in doc[first.end:second.start]] in (["et"], ["and"]):
                    role = self._nearest_role(doc, second, [r for r in sent_roles if r[0] >= second.end], sent_persons)
                    if role is not None:
                        self._set_role(doc, first.entity, role, token_group, titles)
            # "ses deux cofondateurs, Samir Belkacemi et Adèle Fourcassié": B shares the title
            # written before A
            for first, second in zip(sent_persons, sent_persons[1:]):
                if second.entity.role is None and first.entity.role is not None and id(second) not in done \
                        and [t.lower_ for t in doc[first.end:second.start]] in (["et"], ["and"]):
                    role = self._nearest_role(doc, first, sent_roles, sent_persons)
                    if role is not None and role[1] <= first.start:
                        self._set_role(doc, second.entity, role, token_group, titles)

    def _taken_title(self, doc: Doc, role: tuple) -> bool:
        """A title after a verb of taking it up: "deviendra directrice générale", "pour prendre
        la direction générale de", "to become chief executive of", "will join X as", "will
        replace Olawale as", "will take the new post of"."""
        s = role[0]
        while s > 0 and doc[s - 1].lower_ in INTERIM_WORDS:  # "taking over as interim chief executive"
            s -= 1
        if s > 0 and doc[s - 1].lower_ in ("as", "comme"):
            # "will join Arvenlab's management board as head of", "named Tomás Iturralde,
            # previously treasurer at Brisa Capital, as chief financial officer": "as" lets the
            # verb stand further back
            verbs = BECOMING_LEMMAS | APPOINTING_LEMMAS | self.succession_verbs
            # ("taking over as" may be parsed as a noun)
            return any((t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX"))
                       or (t.lower_.endswith("ing") and {t.lower_[:-3], t.lower_[:-3] + "e"} & verbs)
                       for t in doc[max(doc[s].sent.start, s - 14):s])
        k = s
        if k > 1 and doc[k - 1].lower_ in ("of", "de", "d'") and doc[k - 2].lower_ in POST_NOUNS:
            k -= 2  # "will take the new post of chief operating officer", "prendra le poste de"
            while k > 0 and doc[k - 1].pos_ in ("ADJ", "DET"):
                k -= 1
        return any(t.lemma_.lower() in BECOMING_LEMMAS and t.pos_ in ("VERB", "AUX")
                   for t in doc[max(doc[s].sent.start, k - 3):k])

    def _nearest_role(self, doc, person: _Candidate, roles, persons) -> Optional[tuple]:
        best, best_dist = None, 99
        for role in roles:
            s, e, _ = role
            if e <= person.start:  # role before the name: "le PDG de Navalis, Luca Rossi", "Navalis CEO Jane Doe"
                between = doc[e:person.start]
                if any(t.text in (".", ";") for t in between) or len(between) > 8 or (
                        len(between) and between[-1].lower_ in ("et", "and")):
                    # "Le responsable de la zone Afrique du groupe, Karim Benslimane"; "par Léa
                    # Vuong, sa présidente, et Adrien Kowalski": the title before "et" is Léa's
                    continue
                if any(p is not person and e <= p.start < person.start for p in persons) \
                        or any(t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") and not t.is_title for t in between):
                    continue  # "X, ancien directeur régional de Y, succède à Z": not Z's title
                dist = len(between)
            elif s >= person.end:  # role after: "Luca Rossi, directeur général", "X a été nommée présidente"
                between = doc[person.end:s]
                if any(t.text in (".", ";") or t.lower_ in RELATIVE_OWNERS for t in between) or len(between) > 8:
                    continue  # "Fikir Bank, dont la présidente": the title is someone else's
                if any(p is not person and person.end <= p.start < s for p in persons):
                    continue
                dist = len(between) + 0.5
            else:
                continue
            if dist < best_dist:
                best, best_dist = role, dist
        return best

    def _scoped_title(self, doc: Doc, role: tuple, token_group: dict[int, _Group]) -> tuple[str, int]:
        """The role a title gives once its place and complement are read, and where its text
        ends: "directeur du marketing" is extended to its complement, "dirige Navalis" is the
        company's head, "directeur général de la filiale belge" a country manager."""
        s, e, name = role
        end = e
        if doc[s:e].text.lower() in self.generic_heads:  # "directeur du marketing", "head of European sales"
            j = e
            while j < len(doc) and j < e + 5 and not doc[j].is_punct and doc[j].lower_ not in ("chez", "at", "et", "and"):
                if self._is_organization(token_group.get(j)) or self._is_person(token_group.get(j)):
                    break  # ("Chairwoman Chinwe Okwuosa said": the title ends at the name)
                j += 1
            while j > e and doc[j - 1].lower_ in ORG_PREPOSITIONS:  # "directeur de [Xalis]"
                j -= 1
            end = j
        complement = " ".join(t.lower_ for t in doc[e:end])
        if name == "head_of_unit" and doc[s:e].text.lower() not in VERBAL_HEADS and any(
                f" {w} " in f" {complement} " for w in self.function_words) and not any(
                token_group.get(i) is not None for i in range(e, end)):
            name = "director"  # "head of procurement", "responsable des achats": a function, not a unit
        if doc[s:e].text.lower() in VERBAL_HEADS and e < len(doc) and token_group.get(e) is not None \
                and token_group[e].type == "company":
            after = e
            while after < len(doc) and token_group.get(after) is token_group[e]:
                after += 1
            # "Luca Rossi dirige Navalis": the company itself; "heads Hokusei's metals division",
            # "runs Orsière's business in China": a part of it
            name = "head_of_unit" if after < len(doc) and doc[after].text in POSSESSIVE_ENDINGS else "ceo"
        if name in ("director", "president"):  # ("president of international operations")
            after = doc[e:min(len(doc), max(end, e) + 7)]
            if any(t.lower_ in self.unit_scope_words for t in after[:next((k for k, t in enumerate(after) if t.is_punct
                                                                          and t.text not in ("'", "’")), len(after))]):
                name = "head_of_unit"  # "directeur du développement international", "vice president for international business"
        scope = self._role_scope(doc, s, e, end, token_group) if name in SCOPED_ROLES else None
        if scope in ("country", "nationality"):
            name = "country_manager"  # "general manager for Canada", "China managing director"
        elif scope is not None:
            name = "head_of_unit"  # "managing director for southern Europe", "directrice Asie du Sud-Est"
        elif name in SCOPED_ROLES and e < len(doc) and doc[e].lower_ in ORG_PREPOSITIONS:
            # "president of the news division", "directeur général du pôle loisirs"
            for t in doc[e + 1:e + 7]:
                if t.is_punct and t.text not in ("'s", "’s"):
                    break
                if t.lower_ in DIVISION_NOUNS:
                    name = "head_of_unit"
                    break
        return name, end

    def _set_role(self, doc: Doc, group: _Group, role: tuple, token_group: dict[int, _Group],
                  titles: dict[tuple[int, int], tuple[str, int]]) -> None:
        s, e, name = role
        if group.role is not None and not (group.role == "founder" and self.role_priority.get(
                titles[(s, e)][0], 99) < self.role_priority["founder"]):
            return  # a founder named chief executive elsewhere in the article is its chief executive
        group.type = "executive"
        group.title = role
        group.role, end = titles[(s, e)]
        group.role_text = doc[s:end].text
        group.organization, group.organization_via = self._role_organization(doc, s, end, token_group), "title"
        subsidiary = self._named_subsidiary(doc, s, end, token_group)
        if subsidiary is not None:
            # "Cervecera Tezontle, la filiale mexicaine de Maison Houblonne ... le patron de la
            # filiale": the subsidiary's head, its country manager when it is a country business
            group.organization, group.organization_via = subsidiary[0], "subsidiary"
            if subsidiary[1] == "country" and group.role in ("ceo", "head_of_unit", "president"):
                group.role = "country_manager"
            elif group.role == "head_of_unit":
                group.role = "ceo"
            return
        if group.organization is None and name == "minister":
            group.organization, group.organization_via = self._ministry_named(doc, s, e, token_group), "ministry"
        if group.organization is None and self._title_noun(doc, s, end, token_group, self.org_referents, compound=True):
            # "the union's national officer", "a spokeswoman for the ministry": that organization
            group.organization = self._company_before(s, token_group, types=("organization",), window=400)
            group.organization_via = "referent"
            return
        if group.organization is None and name not in UNATTACHED_ROLES:
            noun = self._title_noun(doc, s, end, token_group, self.company_cues)
            described = self._described_company(doc, noun, s, token_group) if noun else None
            if described is not None:
                # "porte-parole de l'assureur", "the carrier's chief marketing officer": the
                # company the article introduced with that noun ("l'assureur Mutalis")
                group.organization, group.organization_via = described, "described"
                return
        if group.organization is None and name not in UNATTACHED_ROLES:
            # "Prévial ... Son directeur général, Olivier Mazeau": the company just named;
            # "the chief executive, Jane Doe": the company the article is about
            if s > 0 and doc[s - 1].lower_ in POSSESSIVES or self._after_relative_pronoun(doc, s):
                # « Ténéro est une belle entreprise... », a déclaré son PDG: not the company quoted
                group.organization = self._company_before(s, token_group, skip=self._quoted(doc))
                group.organization_via = "relative" if self._after_relative_pronoun(doc, s) else "possessive"
            if group.organization is None:
                group.organization, group.organization_via = self._main_company(token_group), "main"

    def _named_subsidiary(self, doc: Doc, s: int, end: int,
                          token_group: dict[int, _Group]) -> Optional[tuple[_Group, str]]:
        """The subsidiary a title points to with "la filiale" / "the unit" (no name after it):
        the company last introduced before the title as a subsidiary ("sa filiale Polarlaks",
        "Banca Stejar, the Romanian subsidiary of ..."), with "subsidiary" or, when a country
        or nationality qualifies that introduction, "country" as the way it was found."""
        words = list(doc[s:min(len(doc), end + 3)]) + list(doc[max(0, s - 3):s])
        pointer = next((t for t in words if t.lower_ in SUBSIDIARY_NOUNS and t.i > 0
                        and doc[t.i - 1].lower_ in DETERMINERS | POSSESSIVES), None)
        if pointer is None or (pointer.i + 1 < len(doc) and self._is_organization(token_group.get(pointer.i + 1))):
            return None
        best: Optional[tuple[int, _Group, bool]] = None
        for g in {id(g): g for g in token_group.values()}.values():
            if g.type != "company" or g.source_role:
                continue
            for c in g.candidates:
                if c.start >= s:
                    continue
                around = range(max(0, c.start - 5), min(len(doc), c.end + 5))
                # the subsidiary noun describes the name itself, with no "de"/"of"/"'s" between:
                # "sa filiale Polarlaks", "Banca Stejar, the Romanian subsidiary" (not the parent
                # in "la filiale mexicaine du brasseur Maison Houblonne")
                if not any(doc[j].lower_ in SUBSIDIARY_NOUNS and not any(
                        t.lower_ in ORG_PREPOSITIONS or t.text in POSSESSIVE_ENDINGS
                        for t in (doc[j + 1:c.start] if j < c.start else doc[c.end:j])) for j in around
                        if j < c.start or j >= c.end):
                    continue
                national = any(token_group.get(j) is not None and token_group[j].type == "region" for j in around)
                if best is None or c.start > best[0]:
                    best = (c.start, g, national)
        if best is None:
            return None
        return best[1], ("country" if best[2] else "subsidiary")

    def _ministry_named(self, doc: Doc, s: int, e: int, token_group: dict[int, _Group]) -> Optional[_Group]:
        """The organization whose name repeats a capital of a minister's portfolio: "le ministre
        des Infrastructures" serves "le ministère des Infrastructures" when the article names it."""
        portfolio = {t.lower_ for t in doc[max(0, s - 2):min(len(doc), e + 8)]
                     if t.is_title and t.i not in range(s, e) and token_group.get(t.i) is None}
        if not portfolio:
            return None
        for g in {id(g): g for g in token_group.values()}.values():
            if not portfolio & {w.lower() for w in g.canonical.split()}:
                continue
            # "le ministère des Infrastructures" may still be typed a company at this point
            if g.type == "organization" or (g.type == "company" and any(
                    t.lemma_.lower() in self.org_referents for c in g.candidates for t in doc[max(0, c.start - 2):c.start])):
                return g
        return None

    @staticmethod
    def _after_relative_pronoun(doc: Doc, s: int) -> bool:
        """"Fikir Bank, dont la présidente, ...", "Fikir Bank, whose chairwoman, ...": the
        title belongs to the name the relative clause hangs on."""
        return (s > 0 and doc[s - 1].lower_ in RELATIVE_OWNERS) or (
            s > 1 and doc[s - 1].lower_ in DETERMINERS and doc[s - 2].lower_ in RELATIVE_OWNERS)

    def _role_scope(self, doc: Doc, s: int, e: int, end: int, token_group: dict[int, _Group]) -> Optional[str]:
        """The kind of place a title is limited to, if any: a place inside the title's
        complement ("head of the Mexican operation") or right after it ("directrice de la
        filiale canadienne"), after "for"/"pour" ("managing director
        for Europe", "directeur de Pulséo pour l'Espagne") or a country just before it
        ("China managing director")."""
        generic = self.generic_heads

        def kind_at(i: int) -> Optional[str]:
            g = token_group.get(i)
            return g.region.kind if g is not None and g.type == "region" and g.region is not None else None

        def past(i: int) -> int:  # the first token after the entity at ``i``
            g = token_group.get(i)
            while i < len(doc) and g is not None and token_group.get(i) is g:
                i += 1
            return i

        for i in range(e, end):
            if kind_at(i):
                return kind_at(i)
        j = end
        if j < len(doc) and kind_at(j):  # "directrice de la filiale canadienne", "responsable Europe"
            return kind_at(j)
        # "directeur de Xalis pour le Sénégal": step over the organization the title names
        if j + 1 < len(doc) and doc[j].lower_ in ORG_PREPOSITIONS and self._is_organization(token_group.get(j + 1)):
            j = past(j + 1)
        elif j < len(doc) and self._is_organization(token_group.get(j)):
            j = past(j)
        if j < len(doc) and doc[j].lower_ in ("for", "pour"):
            j += 1
            while j < len(doc) and (doc[j].lower_ in DETERMINERS or doc[j].lower_ in AREA_ADJECTIVES):
                j += 1
            if kind_at(j):
                return kind_at(j)
        # "heads Merovia's Belgian business", "managing director of its Australian business",
        # "directeur général de sa filiale belge", "runs Shirasagi's European operations"
        for j in range(end, min(len(doc), end + 7)):
            if (doc[j].is_punct and doc[j].text not in ("'s", "’s")) or doc[j].pos_ == "VERB" \
                    or self._is_person(token_group.get(j)):
                break  # ("Chief executive Reinout Hazelhoff said the Dutch business": the title ended)
            kind = kind_at(j)
            if kind is None:
                continue
            after = past(j)
            if (after < len(doc) and doc[after].lemma_.lower() in UNIT_NOUNS) or doc[j - 1].lemma_.lower() in UNIT_NOUNS:
                return kind
        before = kind_at(s - 1) if s > 0 and doc[s - 1].whitespace_ else None
        if before == "country" or (before == "nationality" and doc[s:e].text.lower() in generic):
            return "country"  # "China managing director", "the Australian managing director"
        return None

    @staticmethod
    def _is_person(group: Optional[_Group]) -> bool:
        return group is not None and group.type in ("person", "executive")

    @staticmethod
    def _is_organization(group: Optional[_Group]) -> bool:
        return group is not None and group.type in ("company", "organization")

    def _title_noun(self, doc: Doc, s: int, end: int, token_group: dict[int, _Group],
                    nouns: set[str], compound: bool = False) -> Optional[str]:
        """The noun of ``nouns`` that stands for a name in a title: "groupe" in "directeur
        financier du groupe", "assureur" in "porte-parole de l'assureur", "authority" in
        "spokesman for the authority", "carrier" in "the carrier's chief marketing officer",
        "union" in "the union's Scottish organiser"; with ``compound``, also the noun right
        before the title ("ministry spokeswoman")."""
        for j in range(s + 1, min(len(doc), end + 5)):
            tok = doc[j]
            if tok.is_punct or token_group.get(j) is not None:
                break
            if tok.is_lower and tok.lemma_.lower() in nouns and (
                    any(t.lower_ in REFERENT_LINKS for t in doc[max(s + 1, j - 2):j])
                    or (doc[j - 1].lower_ == "the" and j + 1 < len(doc) and doc[j + 1].text in ("'s", "’s"))):
                return tok.lemma_.lower()  # "élue du syndicat", "heads the firm's European arm"
        k = s - 1
        while k > 0 and (doc[k].pos_ == "ADJ" or (token_group.get(k) is not None and token_group[k].type == "region")):
            k -= 1
        if k >= 2 and doc[k].text in ("'s", "’s") and doc[k - 2].lower_ in ("the", "its") \
                and doc[k - 1].lemma_.lower() in nouns:
            return doc[k - 1].lemma_.lower()
        if compound and k == s - 1 and doc[k].is_lower and doc[k].lemma_.lower() in nouns:
            return doc[k].lemma_.lower()  # "ministry spokeswoman Nurul Aisyah Rahman"
        return None

    def _described_company(self, doc: Doc, noun: str, position: int,
                           token_group: dict[int, _Group]) -> Optional[_Group]:
        """The company named last before ``position`` that the text introduced with ``noun``:
        "l'assureur Mutalis", "Lenzinger Elektronik, l'équipementier bavarois"."""
        best: Optional[tuple[int, _Group]] = None
        for g in {id(g): g for g in token_group.values()}.values():
            if g.type != "company" or g.source_role:
                continue
            for c in g.candidates:
                if c.start >= position or (best is not None and c.start <= best[0]):
                    continue
                if noun in self._cue_chain(doc, c.start) or self._apposed_head(doc, c.end) == noun:
                    best = (c.start, g)
        return best[1] if best else None

    @staticmethod
    def _company_before(position: int, token_group: dict[int, _Group], window: int = 60,
                        types: tuple[str, ...] = ("company",), skip: frozenset[int] = frozenset()) -> Optional[_Group]:
        """The company (or group of ``types``) named last before ``position`` (within ``window``
        tokens, positions in ``skip`` aside), sources aside."""
        for i in range(position - 1, max(-1, position - window), -1):
            g = token_group.get(i)
            if g is not None and g.type in types and not g.source_role and i not in skip:
                return g
        return None

    @staticmethod
    def _quoted(doc: Doc) -> frozenset[int]:
        """Positions of the tokens inside quotation marks (« », “ ”, straight quotes), found
        once per doc."""
        if "ni_quoted" not in doc.user_data:
            inside, found = False, set()
            for tok in doc:
                if tok.text in ("«", "“") or (tok.text == '"' and not inside):
                    inside = True
                elif tok.text in ("»", "”") or (tok.text == '"' and inside):
                    inside = False
                elif inside:
                    found.add(tok.i)
            doc.user_data["ni_quoted"] = frozenset(found)
        return doc.user_data["ni_quoted"]

    @staticmethod
    def _main_company(token_group: dict[int, _Group]) -> Optional[_Group]:
        counts: Counter = Counter()
        first: dict[int, int] = {}
        groups: dict[int, _Group] = {}
        for i, g in sorted(token_group.items()):
            if g.type == "company" and not g.source_role:
                counts[id(g)] += 1
                first.setdefault(id(g), i)
                groups[id(g)] = g
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], -first[k]))
        return groups[best]

    def _role_organization(self, doc: Doc, start: int, end: int, token_group: dict[int, _Group]) -> Optional[_Group]:
        # "directeur général de Navalis", "CEO of Navalis", "chez Navalis", "at Navalis"
        for j in range(end, min(len(doc), end + 5)):
            g = token_group.get(j)
            if g is not None and g.type in ("company", "organization"):
                return g
            if doc[j].is_punct and doc[j].text != "'":
                break
        # "Navalis CEO Jane Doe", "Navalis's chief executive"
        for j in range(start - 1, max(-1, start - 4), -1):
            g = token_group.get(j)
            if g is not None and g.type in ("company", "organization"):
                return g
            if doc[j].is_punct and doc[j].text not in ("'s", "’s"):
                break
        return None

    # --- relations ------------------------------------------------------------------
    def _relations(self, doc: Doc, groups: list[_Group], token_group: dict[int, _Group]) -> None:
        companies = [g for g in groups if g.type == "company"]
        for g in groups:
            if g.type == "product" and g.owner is None:
                name = g.canonical.lower()
                for comp in companies:
                    cname = comp.canonical.lower()
                    if name != cname and name.startswith(cname + " "):
                        g.owner = comp
                        break
                if g.owner is None:
                    g.owner = self._nearby_company(doc, g, token_group, window=8)
            if g.type == "company":
                for c in g.candidates:
                    window = [t.lower_ for t in doc[max(0, c.start - 5):c.start]]
                    if any(w in self.ownership_cues for w in window):
                        parent = self._nearby_company(doc, g, token_group, window=6, before_only=True, exclude=g)
                        if parent is not None and g.parent is None and parent is not g:
                            g.parent = parent
                    if c.source == "source" or self._is_source(doc, c):
                        g.source_role = "source"
            elif g.type == "region" and g.region is None and any(self._is_source(doc, c) for c in g.candidates):
                # "Selon le quotidien La Crónica Económica" tagged LOC: who reports is a company
                g.type, g.source_role = "company", "source"

    def _nearby_company(self, doc, group, token_group, window=8, before_only=False, exclude=None):
        for c in group.candidates:
            rng = range(max(0, c.start - window), c.start) if before_only else range(c.end, min(len(doc), c.end + window))
            for j in rng:
                g = token_group.get(j)
                if g is not None and g.type == "company" and g is not group and g is not exclude:
                    return g
        return None

    @staticmethod
    def _dateline_credit(doc: Doc, start: int, end: int) -> bool:
        """A name in brackets between a dateline and its dash: "SAN FRANCISCO (Reuters) -"."""
        return 2 <= start and end + 1 < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")" \
            and doc[end + 1].text in DASHES and doc[start - 2].is_upper

    def _is_source(self, doc: Doc, c: _Candidate) -> bool:
        """A name cited as a source: "selon Les Echos", "according to the trade paper Shelfwise",
        "selon le site spécialisé Le Monde du Progiciel" (a lowercase description may come
        between), the agency credited in a dateline."""
        if self._dateline_credit(doc, c.start, c.end):
            return True
        k = c.start
        while k > 0 and c.start - k < 4 and doc[k - 1].is_lower and doc[k - 1].is_alpha \
                and doc[k - 1].lower_ not in ("selon", "to", "by", "told"):
            k -= 1
        for end in {c.start, k}:
            before = " ".join(t.lower_ for t in doc[max(0, end - 3):end])
            if any(before.endswith(cue) for cue in self.source_cues):
                return True
        return False

    # --- main -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        roles = self._roles(doc)
        cands = self._candidates(doc, roles)
        groups = self._group(doc, cands)
        token_group: dict[int, _Group] = {}
        for g in groups:
            for c in g.candidates:
                for i in range(c.start, c.end):
                    token_group[i] = g
            g.canonical = self._canonical(doc, g)
        # each title's role once its place and complement are read, for people and for events
        titles = {(s, e): self._scoped_title(doc, (s, e, r), token_group) for s, e, r in roles}
        self._attach_roles(doc, groups, token_group, roles, titles)
        self._successions(doc, groups, token_group, titles)
        self._employers_after_names(doc, groups, token_group)
        self._relations(doc, groups, token_group)
        doc._.ni_roles = [(s, e, titles[(s, e)][0]) for s, e, _ in roles]
        doc._.ni_entities, id_of = self._to_records(doc, groups)
        doc._.ni_token_entity = {i: id_of[id(g)] for i, g in token_group.items()}
        doc._.ni_org_via = {id_of[id(g)]: g.organization_via for g in groups if g.organization_via and id(g) in id_of}
        if self.types is not None:
            retype_entities(doc, doc._.ni_entities, doc._.ni_token_entity, self.types, self.lang, self.first_names)
        context = self.mention_context(doc, doc._.ni_entities)
        doc._.ni_subject_sentences = context.subject_in
        if self.orgs is not None:
            attach_organizations(doc._.ni_entities, self.orgs, context, doc._.ni_org_via)
        for ent in doc._.ni_entities:
            # a mayor or a court-appointed liquidator serves no company of the story, unless the
            # title names one
            if ent.type == "executive" and (ent.role_text or "").lower().replace("’", "'") in self.unaffiliated \
                    and doc._.ni_org_via.get(ent.entity_id) != "title":
                ent.organization = None
        return doc

    @staticmethod
    def mention_context(doc: Doc, entities: list[Entity]) -> MentionContext:
        """The word before each mention and the sentences where each entity is a subject."""
        context = MentionContext()
        for ent in entities:
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                if span.start > 0:
                    context.word_before[(ent.entity_id, m.start)] = doc[span.start - 1].lower_
                root = span.root
                # the subject, a name apposed to it, or its owner ("Lanhu Mobile's shipments rose")
                if root.dep_ in SUBJECT_DEPS or (root.dep_ in ("appos", "nmod", "flat", "compound", "poss", "nmod:poss")
                                                 and root.head.dep_ in SUBJECT_DEPS):
                    context.subject_in.setdefault(ent.entity_id, set()).add(m.sentence)
        return context

    @staticmethod
    def _load_types_model(path: Optional[str]) -> Optional[LinearClassifier]:
        """The trained company/organization/product model; ``"none"`` (or none packaged) keeps the rules' types."""
        if path == "none":
            return None
        file = Path(path) if path else model_path("entities", "types.json")
        if file.is_dir():
            file = file / "types.json"
        return LinearClassifier.from_dict(json.loads(file.read_text(encoding="utf-8"))) if file.exists() else None

    def _canonical(self, doc: Doc, g: _Group) -> str:
        if g.alias is not None:
            return g.alias.canonical
        if g.region is not None:
            return g.region.region.canonical.get(self.lang) or g.region.region.id
        # the words as written ("L'Éclaireur", "Jean-Baptiste"), honorifics ("M.", "Ms") left out
        texts = ["".join(t.text_with_ws for t in doc[c.start:c.end] if t.text not in self.person_titles).strip()
                 or doc[c.start:c.end].text for c in g.candidates]
        return max(texts, key=lambda t: (len(t.split()), texts.count(t), -texts.index(t)))

    @staticmethod
    def _known_places(groups: list[_Group]) -> tuple[list[tuple[str, list[_Candidate]]], Optional[str]]:
        """The article's gazetteer places as (country, mentions), and the country they belong
        to most often (mention-weighted)."""
        known = [(o.region.region.country, o.candidates) for o in groups
                 if o.region is not None and o.region.region.country]
        counts = Counter()
        for country, mentions in known:
            counts[country] += len(mentions)
        return known, counts.most_common(1)[0][0] if counts else None

    @staticmethod
    def _context_country(g: _Group, known: list[tuple[str, list[_Candidate]]], article_country: Optional[str]) -> Optional[str]:
        """The country of a place the gazetteer does not know ("Lisieux, dans le Calvados"):
        that of the nearest known place in the text, within a few words; failing that, the
        country the article's known places belong to most often ("le chantier de Geoje" in a
        story about a Korean shipbuilder)."""
        best, best_dist = None, 12
        for country, mentions in known:
            for c in g.candidates:
                for o in mentions:
                    dist = min(abs(o.start - c.end), abs(c.start - o.end))
                    if dist < best_dist:
                        best, best_dist = country, dist
        return best or article_country

    def _to_records(self, doc: Doc, groups: list[_Group]) -> tuple[list[Entity], dict]:
        sent_index = {}
        for n, sent in enumerate(doc.sents):
            sent_index[sent.start] = n
        starts = sorted(sent_index)
        title = (doc._.ni_title or "").lower()
        n_tokens = max(len(doc), 1)

        def sentence_of(i: int) -> int:
            lo, hi = 0, len(starts) - 1
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if starts[mid] <= i:
                    lo = mid
                else:
                    hi = mid - 1
            return lo

        known, article_country = self._known_places(groups)
        id_of: dict[int, str] = {}
        for g in groups:
            if g.region is not None:
                id_of[id(g)] = f"reg-{g.region.region.id}"
            else:
                id_of[id(g)] = entity_id_for(g.type if g.type != "executive" else "person", g.canonical)
        raw = []
        for g in groups:
            mentions = []
            for c in sorted(g.candidates, key=lambda c: c.start):
                span = doc[c.start:c.end]
                mentions.append(Mention(span.start_char, span.end_char, span.text, sentence_of(c.start), c.source))
            first = min(c.start for c in g.candidates)
            score = len(mentions) + 2.0 * (1 - first / n_tokens) + (2.0 if g.canonical.lower() in title else 0.0)
            region = g.region.region if g.region is not None else None
            kind = g.region.kind if g.region is not None else None
            context_country = None
            if g.type == "region" and region is None:
                context_country = self._context_country(g, known, article_country)
            if g.region is not None:
                forms = {c.region.form for c in g.candidates if c.region is not None}
                kind = g.region.region.kind if "name" in forms else kind
            raw.append((score, Entity(
                entity_id=id_of[id(g)],
                type=g.type,
                canonical=g.canonical,
                mentions=mentions,
                kind=kind if g.type == "region" else None,
                code=region.code if region else context_country,
                country=region.country if region else context_country,
                subdivision=region.subdivision if region else None,
                role=g.role,
                role_text=g.role_text,
                organization=id_of.get(id(g.organization)) if g.organization else None,
                owner=id_of.get(id(g.owner)) if g.owner else None,
                parent=id_of.get(id(g.parent)) if g.parent else None,
                source_role=g.source_role,
                identifiers=dict(g.alias.identifiers) if g.alias else {},
            )))
        top = max((s for s, _ in raw), default=1.0) or 1.0
        merged: dict[str, Entity] = {}
        for score, ent in raw:
            ent.salience = round(score / top, 3)
            if ent.entity_id in merged:  # two groups with one canonical name: keep one entity
                keep = merged[ent.entity_id]
                keep.mentions = sorted(keep.mentions + ent.mentions, key=lambda m: m.start)
                keep.salience = max(keep.salience, ent.salience)
                continue
            merged[ent.entity_id] = ent
        entities = sorted(merged.values(), key=lambda e: (-e.salience, e.mentions[0].start))
        return entities, id_of
