"""Time expressions: find them in a sentence and resolve them to ISO values.

Handles what business news uses most and date parsers leave out: years ("en 2024"),
months ("mars 2025", "March 2025"), quarters and halves ("au troisième trimestre 2024",
"Q3", "the first half"), seasons ("le printemps dernier", "last spring"), relative years,
quarters and months ("l'an prochain", "last quarter"), "depuis 2020" / "since 2020" (an open
period), and "fin 2025" / "by the end of 2025". Relative expressions resolve against the
publication date; without one they are kept as text with no value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from .resources import load_yaml

SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class TimeMatch:
    start: int  # character offsets in the searched string
    end: int
    text: str
    value: Optional[str]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[re.Pattern, str]]:
    w = load_yaml("timex.yaml")[lang]
    months, seasons, ords = _alt(w["months"]), _alt(w["seasons"]), _alt(w["ordinals"])
    prev, nxt, this = _alt(w["previous"]), _alt(w["next"]), _alt(w["this"])
    q, h, yw, mw = _alt(w["quarter_words"]), _alt(w["half_words"]), _alt(w["year_words"]), _alt(w["month_words"])
    since, until = _alt(w["since"]), _alt(w["until"])
    start, end, mid = _alt(w["start_words"]), _alt(w["end_words"]), _alt(w["mid_words"])
    year = r"(?P<year>(?:19|20)\d{2})"
    det = r"(?:(?:le|la|les|du|de la|au|à la|en|the|of the|in the|in|of)\s+|(?:de\s+)?(?:l'|l’|d'|d’))?"
    pats = [
        (rf"\b(?:{since})\s+(?:(?P<month>{months})\s+)?{year}\b", "since"),
        (rf"\b(?:(?:{until})\s+)?{det}(?P<edge>{start}|{end}|{mid})[\s-]+(?:(?:de|d'|d’|of)\s*)?{year}\b", "edge"),
        (rf"\b{det}(?P<ord>{ords})\s+(?:{q})\s+(?:(?:de|of|)\s*)?(?:{yw}\s+)?{year}\b", "quarter"),
        (r"\b(?:Q|T)(?P<qn>[1-4])(?:\s*(?:20)?(?P<yy>\d{2}))?\b", "qshort"),
        (rf"\b{det}(?P<ord>{ords})\s+(?:{h})\s+(?:(?:de|of|)\s*)?(?:{yw}\s+)?{year}\b", "half"),
        (rf"\b(?P<month>{months})\s+{year}\b", "month"),
        (rf"\b{det}(?P<season>{seasons})\s+{year}\b", "season_year"),
        (rf"\b{det}(?P<season>{seasons})\s+(?P<rel>{prev}|{nxt})\b", "season_rel"),
        (rf"\b(?P<rel>{prev}|{nxt}|{this})\s+(?P<season>{seasons})\b", "season_rel"),
        (rf"\b{det}(?:{q})\s+(?P<rel>{prev}|{nxt})\b", "quarter_rel"),
        (rf"\b(?P<rel>{prev}|{nxt}|{this})\s+(?:{q})\b", "quarter_rel"),
        (rf"\b{det}(?P<ord>{ords})\s+(?:{q})\b", "quarter_noyear"),
        (rf"\b{det}(?:{yw})\s+(?P<rel>{prev}|{nxt})\b", "year_rel"),
        (rf"\b(?P<rel>{prev}|{nxt}|{this})\s+(?:{yw})\b", "year_rel"),
        (rf"\b{det}(?:{mw})\s+(?P<rel>{prev}|{nxt})\b", "month_rel"),
        (rf"\b(?P<rel>{prev}|{nxt}|{this})\s+(?:{mw})\b", "month_rel"),
        (rf"\b(?:en|in|au|à|d'ici|d’ici|by|for|pour|of|de)\s+{year}\b", "year"),
        (rf"(?<![\d,.])\b{year}\b(?![\d,.%])", "year"),
    ]
    return [(re.compile(p, re.I), kind) for p, kind in pats]


def _rel_dir(word: str, lang: str) -> int:
    w = load_yaml("timex.yaml")[lang]
    word = word.lower()
    if word in w["previous"]:
        return -1
    if word in w["next"]:
        return 1
    return 0


def _resolve(kind: str, m: re.Match, lang: str, anchor: Optional[date]) -> Optional[str]:
    words = load_yaml("timex.yaml")[lang]
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if kind == "since":
        if g.get("month"):
            return f"{year}-{words['months'][g['month'].lower()]:02d}/.."
        return f"{year}/.."
    if kind == "edge":
        edge = g["edge"].lower()
        if edge in words["start_words"]:
            return f"{year}-01/{year}-03"
        if edge in words["end_words"]:
            return f"{year}-10/{year}-12"
        return f"{year}-05/{year}-08"
    if kind == "quarter":
        return f"{year}-Q{words['ordinals'][g['ord'].lower()]}"
    if kind == "qshort":
        yy = g.get("yy")
        if yy:
            return f"20{yy}-Q{g['qn']}"
        return f"{anchor.year}-Q{g['qn']}" if anchor else None
    if kind == "half":
        n = words["ordinals"][g["ord"].lower()]
        return f"{year}-H{1 if n == 1 else 2}"
    if kind == "month":
        return f"{year}-{words['months'][g['month'].lower()]:02d}"
    if kind == "season_year":
        return _season(words["seasons"][g["season"].lower()], year)
    if kind == "year":
        return str(year)
    if anchor is None:
        return None
    direction = _rel_dir(g.get("rel") or "", lang)
    if kind == "season_rel":
        season = words["seasons"][g["season"].lower()]
        first = SEASON_MONTHS[season][0]
        y = anchor.year
        if direction < 0:
            y = y if anchor.month > SEASON_MONTHS[season][1] and season != "winter" else y - 1
        elif direction > 0:
            y = y if anchor.month < first else y + 1
        return _season(season, y)
    if kind == "quarter_noyear":
        return f"{anchor.year}-Q{words['ordinals'][g['ord'].lower()]}"
    if kind == "quarter_rel":
        qn = (anchor.month - 1) // 3 + direction
        y = anchor.year + (qn // 4)
        return f"{y}-Q{qn % 4 + 1}"
    if kind == "year_rel":
        return str(anchor.year + direction)
    if kind == "month_rel":
        mi = anchor.month - 1 + direction
        return f"{anchor.year + mi // 12}-{mi % 12 + 1:02d}"
    return None


def _season(season: str, year: int) -> str:
    a, b = SEASON_MONTHS[season]
    if season == "winter":
        return f"{year}-12/{year + 1}-02"
    return f"{year}-{a:02d}/{year}-{b:02d}"


def parse_anchor(published: Optional[str]) -> Optional[date]:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_times(text: str, lang: str, published: Optional[str] = None) -> list[TimeMatch]:
    """Time expressions in ``text``, longest first where they overlap, in text order."""
    if lang not in ("fr", "en"):
        return []
    anchor = parse_anchor(published)
    found: list[TimeMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _patterns(lang):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            found.append(TimeMatch(m.start(), m.end(), m.group(0), _resolve(kind, m, lang, anchor)))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)
