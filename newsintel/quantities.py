"""Figures in text: percentages, amounts of money and counts, with what they measure.

``find_quantities(text, lang)`` returns every figure of a sentence as a ``Quantity`` with its
character span: "12 %" (percent), "4,2 milliards d'euros" (4.2e9 EUR), "$3.1bn", "300
postes" (jobs), together with the direction of change and the measured thing when nearby
words tell ("chiffre d'affaires en hausse de 12 %": revenue, up). A change told as a multiple
("les ventes ont doublé", "profit halved") is a change in percent (+100 %, -50 %).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .records import Quantity
from .resources import load_yaml


@dataclass(frozen=True)
class QuantityMatch:
    start: int
    end: int
    quantity: Quantity


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _compiled(lang: str):
    d = load_yaml("quantities.yaml")
    cur = d["currencies"]
    symbols = cur["symbols"]
    words = {k.lower(): v for k, v in cur[lang].items()}
    codes = cur["codes"]
    scales = {k.lower(): v for k, v in d["scales"][lang].items()}
    number = r"(?P<num>\d{1,3}(?:[  ,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    scale = rf"(?:\s*(?P<scale>{_alt(scales)})(?!\w))?"
    sym = rf"(?P<sym>{_alt(symbols)})"
    curword = rf"(?:\s*(?:d'|d’|de\s+|of\s+)?(?P<cur>{_alt(words)}|{_alt(codes)}|{_alt(symbols)}))"
    pct = rf"\s*(?P<pct>{_alt(d['percent_words'][lang])})"
    unit = rf"\s+(?P<unit>{_alt(d['units'][lang])})\b"
    money_before = re.compile(rf"(?<![\w]){sym}\s*{number}{scale}", re.I)
    money_after = re.compile(rf"(?<![\w.,]){number}{scale}{curword}(?!\w)", re.I)
    percent = re.compile(rf"(?<![\w.,]){number}{pct}", re.I)
    count = re.compile(rf"(?<![\w.,]){number}{scale}{unit}", re.I)
    # "1,3 million d'abonnés", "7,8 millions de clients", "2 million of its users": a scale, then "de"
    scaled_count = re.compile(
        rf"(?<![\w.,]){number}\s*(?P<scale>{_alt(scales)})\s+(?:de\s+|d['’]|of\s+(?:its\s+)?)(?P<unit>{_alt(d['units'][lang])})\b", re.I)
    # "25 of its 210 stores", "12 de ses 80 magasins": the first figure is what is counted
    partitive = re.compile(rf"(?<![\w.,]){number}\s+(?:{_alt(d['partitive'][lang])})(?:\s+\d[\d\s.,]*)?{unit}", re.I)
    # a listed adjective, a hyphenated one ("loss-making") or a capitalized brand, up to three
    # words: "eight loss-making stores", "12 Calima stores", "20 new Ridgeline depots"
    brand = r"(?-i:[A-ZÀ-ÖØ-Þ][^\W\d_]*)"
    adjective = rf"(?:\s+(?:{_alt(d['count_adjectives'][lang])}|[^\W\d_]+-[^\W\d_]+|{brand})){{1,3}}"
    count_adj = re.compile(rf"(?<![\w.,]){number}{scale}{adjective}{unit}", re.I)
    number_words = {k.lower(): v for k, v in (d.get("number_words") or {}).get(lang, {}).items()}
    word = rf"(?P<word>{_alt(number_words) or '(?!)'})"
    # "three of its 21 boutiques", "six de ses quatorze boutiques": the counted part, in words
    total = rf"(?:\s+(?:\d[\d\s.,]*|{_alt(number_words) or '(?!)'}))?"
    word_partitive = re.compile(
        rf"(?<![\w.,]){word}\s+(?:{_alt(d['partitive'][lang])}){total}(?:{adjective})?{unit}", re.I)
    word_count = re.compile(rf"(?<![\w.,]){word}(?:{adjective})?{unit}", re.I)
    # partitives before plain counts, so the part wins over the total; "45 office jobs": the
    # adjective reading first, so "office" is not what is counted
    multiples = {k.lower(): (float(v[0]), v[1]) for k, v in (d.get("multiples") or {}).get(lang, {}).items()}
    multiple = re.compile(rf"(?<![\w-])(?P<multiple>{_alt(multiples) or '(?!)'})(?![\w-])", re.I)
    patterns = [("money", money_before), ("money", money_after), ("percent", percent), ("count", partitive),
                ("count", word_partitive), ("count", count_adj), ("count", count), ("count", scaled_count),
                ("count", word_count), ("multiple", multiple)]
    return {
        "patterns": patterns,
        "number_words": number_words,
        "multiples": multiples,
        "multiple_blockers": {w.lower() for w in (d.get("multiple_blockers") or {}).get(lang, [])},
        "symbols": symbols,
        "words": words,
        "codes": set(codes),
        "scales": scales,
        "units": {k.lower(): v for k, v in d["units"][lang].items()},
        "measures": {k.lower(): v for k, v in d["measures"][lang].items()},
        "up_stems": _stems(d["direction"][lang]["up"]),
        "down_stems": _stems(d["direction"][lang]["down"]),
    }


def parse_number(text: str, lang: str) -> Optional[float]:
    """'4,2' (fr) or '4.2' (en) or '1 200' or '1,200' -> float."""
    t = text.replace("\u202f", " ").replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ,.]\d{3})+", t) and not (lang == "fr" and re.fullmatch(r"\d{1,3},\d{3}", t)):
        t = re.sub(r"[ ,.]", "", t)
    elif lang == "fr":
        t = t.replace(" ", "").replace(".", "").replace(",", ".")
    else:
        t = t.replace(" ", "").replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def find_quantities(text: str, lang: str) -> list[QuantityMatch]:
    """Every figure in ``text`` (a sentence), non-overlapping, in text order."""
    if lang not in ("fr", "en"):
        return []
    c = _compiled(lang)
    found: list[QuantityMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in c["patterns"]:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            if kind == "multiple":
                if c["multiple_blockers"].intersection(re.findall(r"\w+", text[m.end():m.end() + 40].lower())[:4]):
                    continue  # "doubler la capacité de l'usine": a plan, no result
                value, direction = c["multiples"][g["multiple"].lower()]
                found.append(QuantityMatch(m.start(), m.end(), Quantity(value=value, unit="percent", text=m.group(0), direction=direction)))
                taken.append((m.start(), m.end()))
                continue
            if kind == "count" and g.get("num") and YEAR.fullmatch(g["num"]) and any(
                    w[:1].isupper() for w in m.group(0).split()[1:]):
                continue  # "in 2024 Navalis stores grew": a year before a name, no count
            value = float(c["number_words"][g["word"].lower()]) if g.get("word") else parse_number(g["num"], lang)
            if value is None:
                continue
            scale = c["scales"].get((g.get("scale") or "").lower(), 1.0)
            if kind == "money":
                cur = g.get("sym") or g.get("cur") or ""
                currency = c["symbols"].get(cur) or c["words"].get(cur.lower()) or (cur.upper() if cur.upper() in c["codes"] else None)
                q = Quantity(value=value * scale, unit="currency", text=m.group(0), currency=currency)
            elif kind == "percent":
                q = Quantity(value=value, unit="percent", text=m.group(0))
            else:
                q = Quantity(value=value * scale, unit=c["units"].get(g["unit"].lower(), "other"), text=m.group(0))
            found.append(QuantityMatch(m.start(), m.end(), q))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda q: q.start)
    previous: Optional[QuantityMatch] = None
    for qm in found:
        _context(text, qm, c, previous.end if previous else 0)
        # "de 12 % à 4,2 milliards", "8% to $3.1bn": the second figure measures the same thing
        if previous is not None and len(text[previous.end:qm.start].strip()) <= 3 and previous.quantity.measure:
            qm.quantity.measure = previous.quantity.measure
        previous = qm
    return found


def is_multiple(quantity: Quantity) -> bool:
    """A change told in words ("a doublé", "halved"): a percent without a digit."""
    return quantity.unit == "percent" and not any(ch.isdigit() for ch in quantity.text or "")


YEAR = re.compile(r"(?:19|20)\d\d")
PURPOSE = re.compile(r"\s+(?:to|pour|afin de|in order to)\s+[a-zà-ÿ]")  # a verb follows, not "to $3bn"
SHARE_OF = re.compile(r"\s+(?:de|des|du|d['’]|of)\b", re.I)
COUNTED_MEASURES = {"jobs": "jobs", "people": "headcount", "users": "users", "stores": "stores", "sites": "sites", "units": "units"}


def _moves(word: str, stems: set) -> bool:
    return any(word == s or (len(s) > 4 and word.startswith(s)) for s in stems)


def _stems(words) -> set:
    return {re.sub(r"(er|re|ir)$", "", w) if len(w) > 6 else w for w in words}


def _context(text: str, qm: QuantityMatch, c: dict, previous_end: int = 0) -> None:
    """Set direction and measure from the words before the figure (and just after it),
    looking no further back than the previous figure."""
    before = text[max(previous_end, qm.start - 80):qm.start].lower()
    after = re.split(r"[,;.]", text[qm.end:qm.end + 30].lower(), maxsplit=1)[0]
    words_before = re.findall(r"[\w’'-]+", before)[-8:]
    words_after = re.findall(r"[\w’'-]+", after)[:3]
    q = qm.quantity
    up, down = c["up_stems"], c["down_stems"]
    # "a doublé" says itself which way: no direction words to read
    for w in ([] if is_multiple(q) else reversed(words_before + words_after)):
        if _moves(w, up):
            q.direction = "up"
            break
        if _moves(w, down):
            q.direction = "down"
            break
    if q.unit in COUNTED_MEASURES:
        q.measure = COUNTED_MEASURES[q.unit]
        return
    best, best_pos, best_len = None, -1, 0
    for phrase, measure in c["measures"].items():
        pos = before.rfind(phrase)
        # the nearest phrase, the longest at one place: "perte opérationnelle" over "perte"
        if (pos > best_pos or (pos == best_pos and len(phrase) > best_len)) and re.search(
                rf"(?<!\w){re.escape(phrase)}(?!\w)", before[pos:pos + len(phrase) + 1] or ""):
            best, best_pos, best_len = measure, pos, len(phrase)
    if best is None and not (q.unit == "percent" and SHARE_OF.match(text[qm.end:])) \
            and not PURPOSE.match(text[qm.end:]):  # "spend $310m to double output": what it buys
        # (not "représente 44 % de ses ventes", "7% of group sales": a part of the total, not its change)
        for phrase, measure in c["measures"].items():
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", after):
                best = measure
                break
    q.measure = best
