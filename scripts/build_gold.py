#!/usr/bin/env python
"""Compile the gold corpus: ``corpora/gold/src/{fr,en}/*.yaml`` -> ``corpora/gold/{dev,test}.jsonl``.

Annotators write spans as text (see corpora/GUIDELINES.md, section 6); this script finds
their character offsets, adds each event's evidence sentence, checks every article with
``newsintel.gold.validate_article`` and writes one JSON object per line. It exits non-zero,
listing the problems, when any article is invalid.

    python scripts/build_gold.py [--src corpora/gold/src] [--out corpora/gold] [--check]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsintel.gold import validate_article  # noqa: E402

WORD = r"[\w\-]"
SENTENCE_END = re.compile(r"(?<=[.!?…])(?:\s?[\"»”)])*\s+(?=(?:[\"«“(]\s?)?[A-ZÀ-ÖØ-Þ0-9])|\n\s*\n")
ABBREVIATIONS = ("M.", "Mme.", "MM.", "Dr.", "Mr.", "Ms.", "Mrs.", "St.", "Me.", "Pr.", "No.", "n°.")


def find_all(text: str, form: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``form`` in ``text``."""
    pattern = (r"(?<!" + WORD + ")" if re.match(WORD, form[0]) else "") + re.escape(form)
    pattern += r"(?!" + WORD + ")" if re.match(WORD, form[-1]) else ""
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if text[:m.start()].endswith(ABBREVIATIONS) and (m.start() < 4 or not text[m.start() - 4].isalpha()):
            continue  # "M. Rossi", "Dr. Ng": not a sentence end
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    out = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def resolve_mentions(text: str, forms: list[str]) -> list[dict]:
    spans: list[tuple[int, int]] = []
    for form in sorted(set(forms), key=len, reverse=True):
        for s, e in find_all(text, form):
            if not any(s < e2 and s2 < e for s2, e2 in spans):
                spans.append((s, e))
    return [{"start": s, "end": e, "text": text[s:e]} for s, e in sorted(spans)]


def compile_article(src: dict, problems: list[str]) -> dict:
    text = src["text"].strip("\n")
    aid = src["id"]
    out = {
        "id": aid,
        "lang": src["lang"],
        "split": src["split"],
        "title": src.get("title"),
        "published": str(src["published"]) if src.get("published") else None,
        "source": src.get("source"),
        "text": text,
    }
    claimed: list[tuple[int, int, str]] = []
    entities = []
    for ent in src.get("entities", []):
        forms = ent.get("mentions") or []
        mentions = resolve_mentions(text, [str(f) for f in forms])
        for f in forms:
            if not find_all(text, str(f)):
                problems.append(f"{aid}: mention {f!r} of {ent['id']} not found in the text")
        for m in mentions:
            for s, e, other in claimed:
                if m["start"] < e and s < m["end"]:
                    problems.append(f"{aid}: mention {m['text']!r} of {ent['id']} overlaps one of {other}")
            claimed.append((m["start"], m["end"], ent["id"]))
        compiled = {k: v for k, v in ent.items() if k != "mentions"}
        compiled["mentions"] = mentions
        entities.append(compiled)
    out["entities"] = entities
    out["executives"] = src.get("executives", [])

    sentences = sentence_bounds(text)
    events = []
    for i, ev in enumerate(src.get("events", []), 1):
        trig = str(ev.get("trigger", ""))
        hits = find_all(text, trig) if trig else []
        n = int(ev.get("trigger_occurrence", 1))
        compiled = {k: v for k, v in ev.items() if k not in ("trigger", "trigger_occurrence")}
        if len(hits) < n:
            problems.append(f"{aid}: event {i} trigger {trig!r} (occurrence {n}) not found")
        else:
            s, e = hits[n - 1]
            if len(hits) > 1 and "trigger_occurrence" not in ev:
                problems.append(f"{aid}: event {i} trigger {trig!r} occurs {len(hits)} times; add trigger_occurrence")
            compiled["trigger"] = {"start": s, "end": e, "text": text[s:e]}
            sent = next(((a, b) for a, b in sentences if a <= s < b), (s, e))
            compiled["evidence"] = {"start": sent[0], "end": sent[1]}
        if isinstance(compiled.get("time"), dict) and compiled["time"].get("value") is not None:
            compiled["time"]["value"] = str(compiled["time"]["value"])
        events.append(compiled)
    out["events"] = events

    sentiment = dict(src.get("sentiment") or {})
    labelled = []
    for s in sentiment.get("sentences", []) or []:
        hits = find_all(text, s["text"].strip())
        if not hits:
            problems.append(f"{aid}: sentiment sentence not found: {s['text'][:60]!r}")
            continue
        a, b = hits[0]
        labelled.append({"start": a, "end": b, "text": text[a:b], "label": s["label"]})
    sentiment["sentences"] = labelled
    sentiment.setdefault("entities", {})
    out["sentiment"] = sentiment
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", default=str(ROOT / "corpora/gold/src"))
    ap.add_argument("--out", default=str(ROOT / "corpora/gold"))
    ap.add_argument("--check", action="store_true", help="only check the sources, write nothing")
    ap.add_argument("--files", default="*/*.yaml", help="space-separated globs of source files under --src (with --check)")
    args = ap.parse_args(argv)

    problems: list[str] = []
    by_split: dict[str, list[dict]] = {"dev": [], "test": []}
    seen = set()
    globs = args.files.split() if args.check else ["*/*.yaml"]
    for path in sorted({p for g in globs for p in Path(args.src).glob(g)}):
        try:
            src = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            problems.append(f"{path.name}: not valid YAML: {exc}")
            continue
        if src["id"] in seen:
            problems.append(f"{path.name}: id {src['id']} used twice")
        seen.add(src["id"])
        art = compile_article(src, problems)
        problems.extend(str(p) for p in validate_article(art))
        by_split.setdefault(art["split"], []).append(art)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    for split, arts in by_split.items():
        arts.sort(key=lambda a: a["id"])
        print(f"{split}: {len(arts)} articles")
        if not args.check:
            out = Path(args.out) / f"{split}.jsonl"
            out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
