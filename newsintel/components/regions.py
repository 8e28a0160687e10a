"""``newsintel_regions``: finds places with the region gazetteer.

Countries, cities, sub-national units, continents, macro-regions and nationality words, in
French and English, each resolved to its ISO code (or newsintel region id), and the place of
a dateline written in capitals ("LONDON, July 29 -"). The gazetteer is
the component's data: it is read from ``models/gazetteer/regions.jsonl`` and written back by
``to_disk``, like spaCy's EntityRuler keeps its patterns.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..matching import apostrophe_variants
from ..resources import first_names, model_path

GAZETTEER_FILE = "regions.jsonl"
PLACE_LABELS = {"LOC", "GPE"}
PERSON_LABELS = {"PER", "PERSON"}
LEADING_WORDS = {"the", "mainland"}


@dataclass(frozen=True)
class Region:
    """One gazetteer entry."""

    id: str
    kind: str
    code: str
    country: Optional[str]
    subdivision: Optional[str]
    canonical: dict
    members: tuple


@dataclass(frozen=True)
class RegionMatch:
    """A place found in a doc: token span, the region, and how it was named."""

    start: int
    end: int
    region: Region
    form: str  # name | demonym

    @property
    def kind(self) -> str:
        return "nationality" if self.form == "demonym" and self.region.kind in ("country", "subdivision") else self.region.kind


class Gazetteer:
    """Region entries and their names, loaded from a JSONL file."""

    def __init__(self, entries: Iterable[dict]):
        self.entries = list(entries)
        self.regions = {
            e["id"]: Region(e["id"], e["kind"], e["code"], e.get("country"), e.get("subdivision"), e["canonical"], tuple(e.get("members", [])))
            for e in self.entries
        }

    @classmethod
    def from_file(cls, path: str | Path) -> "Gazetteer":
        with open(path, encoding="utf-8") as fh:
            return cls(json.loads(line) for line in fh if line.strip())

    def names(self, lang: str):
        """(text, region id, form, ambiguous) for every name usable in ``lang``."""
        for e in self.entries:
            for alias in e["aliases"]:
                if alias["lang"] in (lang, "any"):
                    yield alias["text"], e["id"], alias["form"], alias.get("ambiguous", False)


@Language.factory(
    "newsintel_regions",
    default_config={"gazetteer_path": None},
    assigns=["doc._.ni_regions"],
)
def make_region_matcher(nlp: Language, name: str, gazetteer_path: Optional[str]):
    return RegionMatcher(nlp, name=name, gazetteer_path=gazetteer_path)


class RegionMatcher:
    """Marks every gazetteer place in a doc as a :class:`RegionMatch` in ``doc._.ni_regions``.

    Names match case-sensitively (so "US" is a place and "us" is not). Entries flagged
    ambiguous ("Nice", "Reading") count only where the statistical NER also sees a place.
    A place inside a longer organization name ("Air France", "Bank of America") or inside a
    person's name that starts with a given name ("Sofia Marchetti", "Daniel Harrow") is dropped.
    """

    def __init__(self, nlp: Language, name: str = "newsintel_regions", gazetteer_path: Optional[str] = None):
        self.name = name
        self.nlp = nlp
        self.lang = nlp.lang
        self.gazetteer = Gazetteer.from_file(gazetteer_path or model_path("gazetteer", GAZETTEER_FILE))
        self._build()

    def _build(self) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._keys: dict[int, tuple[str, str, bool]] = {}
        patterns: dict[tuple[str, str, bool], list] = {}
        self._by_name: dict[str, tuple[str, str]] = {}
        for text, rid, form, ambiguous in self.gazetteer.names(self.lang):
            patterns.setdefault((rid, form, ambiguous), []).append(text)
            self._by_name.setdefault(text, (rid, form))
        for (rid, form, ambiguous), texts in patterns.items():
            key = f"{rid}|{form}|{int(ambiguous)}"
            self._keys[self.nlp.vocab.strings.add(key)] = (rid, form, ambiguous)
            self.matcher.add(key, list(self.nlp.tokenizer.pipe([v for t in texts for v in apostrophe_variants(t)])))

    def __call__(self, doc: Doc) -> Doc:
        ner_places = {(e.start, e.end) for e in doc.ents if e.label_ in PLACE_LABELS}
        place_tokens = {i for s, e in ner_places for i in range(s, e)}
        org_spans = [(e.start, e.end) for e in doc.ents if e.label_ in ("ORG",)]
        given = first_names()
        # "Daniel Harrow", "Jordan Pike", "Sofia Marchetti": a person's name, not a place. The
        # model's PERSON span decides when a given name opens it or the place does.
        person_spans = [(e.start, e.end) for e in doc.ents if e.label_ in PERSON_LABELS and 2 <= e.end - e.start <= 3
                        and all(t.is_title for t in e)]
        found: list[RegionMatch] = []
        for key, start, end in self.matcher(doc):
            rid, form, ambiguous = self._keys[key]
            if ambiguous and not any(i in place_tokens for i in range(start, end)):
                continue
            if any(s <= start and end <= e and (s, e) != (start, end) for s, e in org_spans):
                continue
            if any(s <= start and end <= e and (s, e) != (start, end) and (doc[s].text in given or s == start)
                   for s, e in person_spans):
                continue
            while end - start > 1 and doc[start].lower_ in LEADING_WORDS:
                start += 1  # "the Netherlands", "the Gulf": the span is the name alone
            found.append(RegionMatch(start, end, self.gazetteer.regions[rid], form))
        found.extend(self._datelines(doc))
        doc._.ni_regions = _longest_first(found)
        return doc

    def _datelines(self, doc: Doc) -> list[RegionMatch]:
        """The place of a dateline, written in capitals at the start of the text or of a
        paragraph: "LONDON, July 29 -", "SAN FRANCISCO (Reuters) -", "PARIS, 3 mars -"."""
        found = []
        for start in (t.i for t in doc if t.i == 0 or "\n" in doc[t.i - 1].text or "\n" in doc[t.i - 1].whitespace_):
            end = start
            while end < len(doc) and end - start < 4 and doc[end].is_upper and doc[end].is_alpha:
                end += 1
            if end == start or end >= len(doc) or doc[end].text not in (",", "(", "-", "–", "—") or len(doc[start:end].text) < 3:
                continue
            entry = self._by_name.get(" ".join(t.text.capitalize() for t in doc[start:end]))
            if entry is not None:
                found.append(RegionMatch(start, end, self.gazetteer.regions[entry[0]], entry[1]))
        return found

    def to_disk(self, path, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with (path / GAZETTEER_FILE).open("w", encoding="utf-8") as fh:
            for entry in self.gazetteer.entries:
                fh.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def from_disk(self, path, exclude=tuple()):
        self.gazetteer = Gazetteer.from_file(Path(path) / GAZETTEER_FILE)
        self._build()
        return self


def _longest_first(matches: list[RegionMatch]) -> list[RegionMatch]:
    """Non-overlapping matches, longer ones winning, in text order."""
    kept: list[RegionMatch] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if not taken.intersection(range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)
