#!/usr/bin/env python
"""Build the region gazetteer ``models/gazetteer/regions.jsonl``.

Sources, both offline: pycountry (ISO 3166-1 countries with English names, their French
names from pycountry's translation catalogues, and ISO 3166-2 subdivision codes) and the
hand-curated ``models/gazetteer/curated.yaml`` (everyday names, demonyms, cities,
sub-national units and macro-regions in French and English). Run it again after editing the
curated file:

    python scripts/build_gazetteer.py
"""
from __future__ import annotations

import gettext
import json
import sys
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "models" / "gazetteer"


def _add(entry: dict, text: str, lang: str, form: str, ambiguous: bool = False, origin: str = "curated") -> None:
    text = str(text).strip()
    if not text or "," in text:
        return
    key = (text, lang, form)
    if key not in {(a["text"], a["lang"], a["form"]) for a in entry["aliases"]}:
        entry["aliases"].append({"text": text, "lang": lang, "form": form, "ambiguous": ambiguous, "origin": origin})


def _drop_shadowed(regions: dict[str, dict]) -> None:
    """A name that pycountry gives one region and the curated file another keeps the curated
    meaning (French overseas departments are subdivisions of FR, not countries)."""
    curated = {(a["text"], a["lang"]) for r in regions.values() for a in r["aliases"] if a["origin"] == "curated"}
    for r in regions.values():
        mine = {(a["text"], a["lang"]) for a in r["aliases"] if a["origin"] == "curated"}
        r["aliases"] = [a for a in r["aliases"] if a["origin"] == "curated"
                        or (a["text"], a["lang"]) in mine or (a["text"], a["lang"]) not in curated]


def _names(entry: dict, names: dict | None, form: str = "name", ambiguous: bool = False) -> None:
    for lang, values in (names or {}).items():
        for value in values or []:
            _add(entry, value, "any" if lang == "local" else lang, form, ambiguous)


def build(curated_path: Path) -> list[dict]:
    curated = yaml.safe_load(curated_path.read_text(encoding="utf-8"))
    fr_names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    fr_subdiv = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    regions: dict[str, dict] = {}

    for country in pycountry.countries:
        code = country.alpha_2
        extra = (curated.get("countries") or {}).get(code) or {}
        entry = {"id": code, "kind": "country", "code": code, "country": code, "subdivision": None,
                 "canonical": {}, "members": [], "aliases": []}
        _names(entry, extra.get("names"))
        for name in (getattr(country, "common_name", None), country.name):
            if name:
                _add(entry, name, "en", "name", origin="pycountry")
        _add(entry, fr_names.gettext(country.name), "fr", "name", origin="pycountry")
        _names(entry, extra.get("demonyms"), "demonym")
        for lang in ("fr", "en"):
            first = next((a["text"] for a in entry["aliases"] if a["lang"] == lang and a["form"] == "name"), None)
            entry["canonical"][lang] = first or country.name
        regions[code] = entry

    for code, sub in (curated.get("subdivisions") or {}).items():
        known = pycountry.subdivisions.get(code=code)
        if known is None:
            raise ValueError(f"unknown ISO 3166-2 code in curated.yaml: {code}")
        entry = {"id": code, "kind": "subdivision", "code": sub["country"], "country": sub["country"],
                 "subdivision": code, "canonical": {}, "members": [], "aliases": []}
        _names(entry, sub.get("names"))
        _add(entry, fr_subdiv.gettext(known.name), "any", "name", origin="pycountry")
        _names(entry, sub.get("demonyms"), "demonym")
        for lang in ("fr", "en"):
            names = (sub.get("names") or {}).get(lang) or [known.name]
            entry["canonical"][lang] = names[0]
        regions[code] = entry

    auto = curated.get("auto_subdivisions") or {}
    skip = set(auto.get("skip_names") or [])
    # a province named after its city ("Milano" / "Milan") must not take the city's name
    skip |= {a["text"] for c in curated.get("cities") or [] for names in c["names"].values() for a in
             [{"text": n} for n in names or []]}
    for cc in auto.get("countries") or []:
        for sub in pycountry.subdivisions.get(country_code=cc) or []:
            if sub.code in regions:
                continue
            names = {sub.name, fr_subdiv.gettext(sub.name)}
            names = {n for n in names if n not in skip and "," not in n and len(n) >= 4 and "(" not in n}
            if not names:
                continue
            entry = {"id": sub.code, "kind": "subdivision", "code": cc, "country": cc, "subdivision": sub.code,
                     "canonical": {"fr": fr_subdiv.gettext(sub.name), "en": sub.name}, "members": [], "aliases": []}
            for name in sorted(names):
                _add(entry, name, "any", "name", origin="pycountry")
            regions[sub.code] = entry

    for city in curated.get("cities") or []:
        names = city["names"]
        en = (names.get("en") or names.get("fr"))[0]
        rid = f"{city['country']}:{en}"
        entry = {"id": rid, "kind": "city", "code": city["country"], "country": city["country"],
                 "subdivision": city.get("subdivision"), "canonical": {}, "members": [], "aliases": []}
        _names(entry, names, ambiguous=bool(city.get("ambiguous")))
        _names(entry, city.get("demonyms"), "demonym")
        entry["canonical"] = {"fr": (names.get("fr") or [en])[0], "en": en}
        regions[rid] = entry

    for rid, macro in (curated.get("macro_regions") or {}).items():
        entry = {"id": rid, "kind": macro.get("kind", "macro_region"), "code": rid, "country": None,
                 "subdivision": None, "canonical": {}, "members": sorted(macro.get("members") or []), "aliases": []}
        _names(entry, macro.get("names"))
        _names(entry, macro.get("adjectives"), "demonym")
        entry["canonical"] = {lang: (macro["names"].get(lang) or [rid])[0] for lang in ("fr", "en")}
        regions[rid] = entry

    _drop_shadowed(regions)
    return sorted(regions.values(), key=lambda r: r["id"])


def main() -> int:
    regions = build(OUT_DIR / "curated.yaml")
    out = OUT_DIR / "regions.jsonl"
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in regions), encoding="utf-8")
    tmp.replace(out)
    kinds: dict[str, int] = {}
    for r in regions:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    aliases = sum(len(r["aliases"]) for r in regions)
    print(f"{out.relative_to(ROOT)}: {len(regions)} regions, {aliases} names ({kinds}) from pycountry {pycountry.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
