"""Gold corpus: loading the annotated articles of ``corpora/gold`` and checking them.

The compiled gold format (one JSON object per line, character offsets into ``text``) is
described in ``corpora/GUIDELINES.md``. :func:`validate_article` returns the list of
problems of one article; :func:`load_gold` reads a folder or file and can refuse invalid data.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .taxonomy import (
    ENTITY_TYPES,
    EVENT_TYPES,
    MODALITIES,
    REGION_KINDS,
    ROLES,
    SENTIMENT_LABELS,
    TENSES,
    event_spec,
)

SPLITS = ("train", "dev", "test")
DOC_SENTIMENT_LABELS = SENTIMENT_LABELS + ("mixed",)


@dataclass(frozen=True)
class GoldProblem:
    """One thing wrong in a gold article."""

    article_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.article_id}: {self.message}"


def _check_span(text: str, span: dict, what: str, problems: list[str]) -> None:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        problems.append(f"{what}: bad offsets {start}-{end}")
        return
    if "text" in span and text[start:end] != span["text"]:
        problems.append(f"{what}: offsets {start}-{end} give {text[start:end]!r}, not {span['text']!r}")


def validate_article(article: dict) -> list[GoldProblem]:
    """Every problem found in one compiled gold article (empty when it is valid)."""
    aid = str(article.get("id", "?"))
    problems: list[str] = []
    text = article.get("text")
    if not isinstance(text, str) or not text.strip():
        return [GoldProblem(aid, "no text")]
    if article.get("lang") not in ("fr", "en"):
        problems.append(f"lang {article.get('lang')!r} is not fr or en")
    if article.get("split") not in SPLITS:
        problems.append(f"split {article.get('split')!r} is not train, dev or test")

    entities = {}
    for ent in article.get("entities", []):
        eid = ent.get("id")
        if eid in entities:
            problems.append(f"entity id {eid!r} used twice")
        entities[eid] = ent
        if ent.get("type") not in ENTITY_TYPES:
            problems.append(f"entity {eid}: type {ent.get('type')!r} not in the taxonomy")
        if not ent.get("canonical"):
            problems.append(f"entity {eid}: no canonical name")
        if not ent.get("mentions"):
            problems.append(f"entity {eid}: no mention found in the text")
        for m in ent.get("mentions", []):
            _check_span(text, m, f"entity {eid} mention", problems)
        if ent.get("type") == "region":
            if ent.get("kind") not in REGION_KINDS:
                problems.append(f"region {eid}: kind {ent.get('kind')!r} not in {REGION_KINDS}")
            if not ent.get("code"):
                problems.append(f"region {eid}: no code")
    for ent in entities.values():
        for key in ("owner", "parent"):
            ref = ent.get(key)
            if ref is not None and ref not in entities:
                problems.append(f"entity {ent.get('id')}: {key} {ref!r} is not an entity")

    for ex in article.get("executives", []):
        pid = ex.get("person")
        if pid not in entities:
            problems.append(f"executive {pid!r} is not an entity")
        elif entities[pid].get("type") != "executive":
            problems.append(f"executive {pid!r} has entity type {entities[pid].get('type')!r}")
        if ex.get("role") not in ROLES:
            problems.append(f"executive {pid}: role {ex.get('role')!r} not in the role list")
        org = ex.get("organization")
        if org is not None and org not in entities:
            problems.append(f"executive {pid}: organization {org!r} is not an entity")

    for i, ev in enumerate(article.get("events", []), 1):
        etype = ev.get("type")
        where = f"event {i} ({etype})"
        if etype not in EVENT_TYPES:
            problems.append(f"{where}: type not in the taxonomy")
            continue
        if ev.get("modality") not in MODALITIES:
            problems.append(f"{where}: modality {ev.get('modality')!r} not in {MODALITIES}")
        if ev.get("tense") not in TENSES:
            problems.append(f"{where}: tense {ev.get('tense')!r} not in {TENSES}")
        if "trigger" not in ev:
            problems.append(f"{where}: no trigger")
        else:
            _check_span(text, ev["trigger"], f"{where} trigger", problems)
        if "evidence" in ev:
            _check_span(text, ev["evidence"], f"{where} evidence", problems)
        args = ev.get("arguments") or {}
        spec = event_spec(etype)
        for name in args:
            if name not in spec.arguments:
                problems.append(f"{where}: argument {name!r} not allowed for this type")
        for name in spec.required:
            if name == "locations":
                if not any(args.get(k) for k in ("locations", "origin", "destination")):
                    problems.append(f"{where}: needs locations, origin or destination")
            elif not args.get(name):
                problems.append(f"{where}: required argument {name!r} missing")
        for name, value in args.items():
            if name in ("quantity", "role", "time"):
                continue
            for ref in value if isinstance(value, list) else [value]:
                if ref not in entities:
                    problems.append(f"{where}: argument {name} refers to unknown entity {ref!r}")
        q = args.get("quantity")
        if q is not None:
            unknown = set(q) - {"value", "unit", "currency", "direction", "measure", "text"}
            if unknown or not isinstance(q.get("value"), (int, float)):
                problems.append(f"{where}: quantity needs a numeric value and only known keys (found {sorted(q)})")
        t = ev.get("time")
        if t is not None and (not isinstance(t, dict) or set(t) - {"text", "value"}):
            problems.append(f"{where}: time must be {{text, value}}, found {t!r}")
        if "role" in args and args["role"] not in ROLES:
            problems.append(f"{where}: role {args['role']!r} not in the role list")

    sentiment = article.get("sentiment") or {}
    if sentiment.get("document") not in DOC_SENTIMENT_LABELS:
        problems.append(f"document sentiment {sentiment.get('document')!r} not in {DOC_SENTIMENT_LABELS}")
    for eid, label in (sentiment.get("entities") or {}).items():
        if eid not in entities:
            problems.append(f"sentiment for unknown entity {eid!r}")
        if label not in DOC_SENTIMENT_LABELS:
            problems.append(f"sentiment of {eid}: label {label!r} not allowed")
    for s in sentiment.get("sentences", []):
        if s.get("label") not in SENTIMENT_LABELS:
            problems.append(f"sentence sentiment label {s.get('label')!r} not allowed")
        _check_span(text, s, "sentence sentiment", problems)
    return [GoldProblem(aid, p) for p in problems]


def iter_gold_files(path: str | Path) -> list[Path]:
    """The compiled gold files under ``path`` (a ``.jsonl`` file or a folder of them)."""
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted(p for p in path.glob("*.jsonl") if p.is_file())


def iter_articles(path: str | Path) -> Iterator[dict]:
    for file in iter_gold_files(path):
        with file.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def load_gold(
    path: str | Path,
    *,
    split: str | None = None,
    lang: str | None = None,
    strict: bool = True,
) -> list[dict]:
    """Gold articles under ``path``, optionally of one split and language.

    With ``strict`` (the default) an invalid article raises ``ValueError`` listing its problems.
    """
    articles = []
    for art in iter_articles(path):
        if split and art.get("split") != split:
            continue
        if lang and art.get("lang") != lang:
            continue
        if strict:
            problems = validate_article(art)
            if problems:
                raise ValueError("invalid gold article:\n" + "\n".join(map(str, problems)))
        articles.append(art)
    return articles


def validate_gold(path: str | Path) -> list[GoldProblem]:
    """Problems of every article under ``path``, plus duplicate ids across files."""
    problems: list[GoldProblem] = []
    seen: set[str] = set()
    for art in iter_articles(path):
        aid = str(art.get("id"))
        if aid in seen:
            problems.append(GoldProblem(aid, "article id used twice"))
        seen.add(aid)
        problems.extend(validate_article(art))
    return problems


def summarize(articles: Iterable[dict]) -> dict:
    """Counts per language and split: articles, entities per type, events per type."""
    out: dict = {}
    for art in articles:
        key = f"{art['lang']}/{art['split']}"
        row = out.setdefault(key, {"articles": 0, "entities": {}, "events": {}})
        row["articles"] += 1
        for ent in art.get("entities", []):
            row["entities"][ent["type"]] = row["entities"].get(ent["type"], 0) + 1
        for ev in art.get("events", []):
            row["events"][ev["type"]] = row["events"].get(ev["type"], 0) + 1
    return out
