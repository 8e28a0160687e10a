"""``newsintel evaluate``: scores against the gold corpus, beside baselines.

Entities are scored on mentions (exact span and type; overlapping span and type), per type;
regions also on their ISO code and named entities on their canonical name. Executives count
as right when name, normalized role and organization all match. Events match when the type
agrees and the predicted trigger lies in the gold evidence sentence; they are then scored
with all their gold arguments, on modality, and on tense. Sentiment is scored per document,
per labelled sentence and per target entity (accuracy and macro-F1).

Baselines, computed on the same articles: plain spaCy NER (ORG -> company, PER/PERSON ->
person, LOC/GPE -> region), keyword-only event spotting (trigger lemmas, nothing else), and
majority-class sentiment.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Optional, Union

from .config import Config
from .gold import load_gold
from .records import Article, ArticleRecord
from .taxonomy import ENTITY_TYPES

SPACY_MAP = {"ORG": "company", "PER": "person", "PERSON": "person", "LOC": "region", "GPE": "region"}
ENTITY_ARGS = ("actor", "target", "person", "product", "locations", "origin", "destination")


# --- small scoring helpers ------------------------------------------------------------

def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def macro_f1(pairs: list[tuple[str, str]], labels: Optional[Iterable[str]] = None) -> dict:
    """Accuracy and macro-F1 of (gold, predicted) label pairs, over the labels that occur in gold."""
    if not pairs:
        return {"accuracy": 0.0, "macro_f1": 0.0, "n": 0}
    labels = sorted(set(labels or (g for g, _ in pairs)))
    f1s = []
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        n_pred = sum(1 for _, p in pairs if p == lab)
        n_gold = sum(1 for g, _ in pairs if g == lab)
        score = prf(tp, n_pred, n_gold)
        per[lab] = score["f1"]
        f1s.append(score["f1"])
    acc = sum(1 for g, p in pairs if g == p) / len(pairs)
    return {"accuracy": round(acc, 4), "macro_f1": round(sum(f1s) / len(f1s), 4), "n": len(pairs), "per_label": per}


def norm_name(text: Optional[str]) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^\w' ]+", " ", text)).strip()


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- predictions as plain structures ---------------------------------------------------

def _pred_mentions(record: ArticleRecord) -> list[dict]:
    return [
        {"start": m.start, "end": m.end, "type": e.type, "entity": e}
        for e in record.entities for m in e.mentions
    ]


def _gold_mentions(article: dict) -> list[dict]:
    return [
        {"start": m["start"], "end": m["end"], "type": e["type"], "entity": e}
        for e in article["entities"] for m in e["mentions"]
    ]


def score_mentions(pairs: list[tuple[list[dict], list[dict]]], types=ENTITY_TYPES) -> dict:
    """Exact and overlap P/R/F1 per type and overall, plus normalization accuracy."""
    out: dict = {"exact": {}, "overlap": {}}
    for mode in ("exact", "overlap"):
        totals = Counter()
        for t in types + ("all",):
            tp = n_pred = n_gold = 0
            for gold, pred in pairs:
                g = [m for m in gold if t == "all" or m["type"] == t]
                p = [m for m in pred if t == "all" or m["type"] == t]
                n_gold += len(g)
                n_pred += len(p)
                used: set[int] = set()
                for gm in g:
                    for k, pm in enumerate(p):
                        if k in used or pm["type"] != gm["type"]:
                            continue
                        if (mode == "exact" and (pm["start"], pm["end"]) == (gm["start"], gm["end"])) or (
                            mode == "overlap" and _overlaps((pm["start"], pm["end"]), (gm["start"], gm["end"]))
                        ):
                            used.add(k)
                            tp += 1
                            break
            out[mode][t] = prf(tp, n_pred, n_gold)
            totals[t] = n_gold
    # normalization, on mentions found with the right type (overlap)
    code_ok = code_n = name_ok = name_n = 0
    for gold, pred in pairs:
        for gm in gold:
            match = next((pm for pm in pred if pm["type"] == gm["type"] and _overlaps((pm["start"], pm["end"]), (gm["start"], gm["end"]))), None)
            if match is None:
                continue
            ge, pe = gm["entity"], match["entity"]
            if gm["type"] == "region":
                code_n += 1
                code_ok += (getattr(pe, "code", None) or "") == (ge.get("code") or "")
            else:
                name_n += 1
                name_ok += norm_name(getattr(pe, "canonical", "")) == norm_name(ge.get("canonical"))
    out["region_code_accuracy"] = round(code_ok / code_n, 4) if code_n else 0.0
    out["region_code_n"] = code_n
    out["canonical_accuracy"] = round(name_ok / name_n, 4) if name_n else 0.0
    out["canonical_n"] = name_n
    return out


def _gold_entity_spans(article: dict) -> dict[str, list[tuple[int, int]]]:
    return {e["id"]: [(m["start"], m["end"]) for m in e["mentions"]] for e in article["entities"]}


def _pred_entity_spans(record: ArticleRecord) -> dict[str, list[tuple[int, int]]]:
    return {e.entity_id: [(m.start, m.end) for m in e.mentions] for e in record.entities}


def _same_entity(gold_spans, pred_spans) -> bool:
    return any(_overlaps(g, p) for g in gold_spans for p in pred_spans)


def score_executives(items: list[tuple[dict, ArticleRecord]]) -> dict:
    tp = n_pred = n_gold = 0
    role_ok = role_n = 0
    for article, record in items:
        gspans = _gold_entity_spans(article)
        pspans = _pred_entity_spans(record)
        preds = [e for e in record.entities if e.type == "executive"]
        n_pred += len(preds)
        n_gold += len(article.get("executives", []))
        used: set[str] = set()
        for ex in article.get("executives", []):
            person = gspans.get(ex["person"], [])
            org = gspans.get(ex.get("organization")) if ex.get("organization") else None
            for pe in preds:
                if pe.entity_id in used or not _same_entity(person, pspans[pe.entity_id]):
                    continue
                role_n += 1
                role_ok += pe.role == ex["role"]
                org_ok = (org is None and pe.organization is None) or (
                    org is not None and pe.organization is not None and _same_entity(org, pspans.get(pe.organization, []))
                )
                if pe.role == ex["role"] and org_ok:
                    tp += 1
                    used.add(pe.entity_id)
                break
    out = prf(tp, n_pred, n_gold)
    out["role_accuracy_on_found"] = round(role_ok / role_n, 4) if role_n else 0.0
    return out


def _arg_matches(name: str, gold_value, pred_value, gspans, pspans) -> bool:
    if name in ("locations", "origin", "destination"):
        gold_list = gold_value or []
        pred_list = pred_value or []
        if len(gold_list) != len(pred_list):
            return False
        return all(any(_same_entity(gspans.get(g, []), pspans.get(p, [])) for p in pred_list) for g in gold_list)
    if name == "role":
        return gold_value == pred_value
    if name == "quantity":
        if pred_value is None:
            return False
        gv = float(gold_value.get("value", 0))
        ok_value = abs(pred_value.value - gv) <= max(1e-6, 0.01 * abs(gv))
        return ok_value and pred_value.unit == gold_value.get("unit")
    if pred_value is None:
        return False
    golds = gold_value if isinstance(gold_value, list) else [gold_value]
    return any(_same_entity(gspans.get(g, []), pspans.get(pred_value, [])) for g in golds)


def match_events(article: dict, record: ArticleRecord) -> list[tuple[dict, object]]:
    """Gold-predicted event pairs: same type, predicted trigger inside the gold evidence sentence."""
    pairs, used = [], set()
    for ge in article.get("events", []):
        ev = ge.get("evidence") or ge["trigger"]
        for k, pe in enumerate(record.events):
            if k in used or pe.type != ge["type"]:
                continue
            if _overlaps((pe.trigger.start, pe.trigger.end), (ev["start"], ev["end"])):
                used.add(k)
                pairs.append((ge, pe))
                break
    return pairs


def score_events(items: list[tuple[dict, ArticleRecord]]) -> dict:
    per_type: dict[str, Counter] = defaultdict(Counter)
    full_tp = 0
    modality_pairs: list[tuple[str, str]] = []
    tense_pairs: list[tuple[str, str]] = []
    arg_ok: Counter = Counter()
    arg_n: Counter = Counter()
    for article, record in items:
        gspans = _gold_entity_spans(article)
        pspans = _pred_entity_spans(record)
        pairs = match_events(article, record)
        for ge in article.get("events", []):
            per_type[ge["type"]]["gold"] += 1
        for pe in record.events:
            per_type[pe.type]["pred"] += 1
        for ge, pe in pairs:
            per_type[ge["type"]]["tp"] += 1
            modality_pairs.append((ge["modality"], pe.modality))
            tense_pairs.append((ge["tense"], pe.tense))
            all_ok = True
            for name, value in (ge.get("arguments") or {}).items():
                if name == "time":
                    continue
                ok = _arg_matches(name, value, getattr(pe, name, None), gspans, pspans)
                arg_n[name] += 1
                arg_ok[name] += ok
                all_ok &= ok
            full_tp += all_ok
    n_gold = sum(c["gold"] for c in per_type.values())
    n_pred = sum(c["pred"] for c in per_type.values())
    tp = sum(c["tp"] for c in per_type.values())
    hedged = [(g, p) for g, p in modality_pairs if g in ("negated", "speculative")]
    return {
        "type": prf(tp, n_pred, n_gold),
        "all_arguments": prf(full_tp, n_pred, n_gold),
        "per_type": {t: prf(c["tp"], c["pred"], c["gold"]) for t, c in sorted(per_type.items())},
        "argument_accuracy": {k: round(arg_ok[k] / arg_n[k], 4) for k in sorted(arg_n)},
        "modality_accuracy": round(sum(g == p for g, p in modality_pairs) / len(modality_pairs), 4) if modality_pairs else 0.0,
        "modality_accuracy_negated_speculative": round(sum(g == p for g, p in hedged) / len(hedged), 4) if hedged else 0.0,
        "modality_n_negated_speculative": len(hedged),
        "tense_accuracy": round(sum(g == p for g, p in tense_pairs) / len(tense_pairs), 4) if tense_pairs else 0.0,
    }


def score_sentiment(items: list[tuple[dict, ArticleRecord]]) -> dict:
    doc_pairs, sent_pairs, ent_pairs = [], [], []
    for article, record in items:
        gold = article.get("sentiment") or {}
        pred = record.sentiment
        if gold.get("document"):
            doc_pairs.append((gold["document"], pred.label if pred else "neutral"))
        for s in gold.get("sentences", []):
            best, best_overlap = "neutral", 0
            for ps in (pred.sentences if pred else []):
                ov = min(s["end"], ps.end) - max(s["start"], ps.start)
                if ov > best_overlap:
                    best, best_overlap = ps.label, ov
            sent_pairs.append((s["label"], best))
        gspans = _gold_entity_spans(article)
        for eid, label in (gold.get("entities") or {}).items():
            match = next((e for e in record.entities if _same_entity(gspans.get(eid, []), [(m.start, m.end) for m in e.mentions])), None)
            ent_pairs.append((label, (match.sentiment_label if match and match.sentiment_label else "neutral")))
    return {"document": macro_f1(doc_pairs), "sentence": macro_f1(sent_pairs), "entity": macro_f1(ent_pairs),
            "_pairs": {"document": doc_pairs, "sentence": sent_pairs, "entity": ent_pairs}}


# --- baselines --------------------------------------------------------------------------

def spacy_baseline_mentions(nlp, articles: list[dict]) -> list[list[dict]]:
    out = []
    for article, doc in zip(articles, nlp.pipe((a["text"] for a in articles), batch_size=16)):
        out.append([{"start": e.start_char, "end": e.end_char, "type": SPACY_MAP[e.label_], "entity": None}
                    for e in doc.ents if e.label_ in SPACY_MAP])
    return out


def keyword_baseline_events(nlp, articles: list[dict], lang: str) -> list[ArticleRecord]:
    """Events from trigger lemmas alone: no conditions, arguments or modality."""
    from spacy.matcher import Matcher

    from .records import Event, Span
    from .resources import load_yaml

    matcher = Matcher(nlp.vocab)
    for etype, spec in load_yaml("events.yaml")["types"].items():
        pats = []
        for entry in (spec.get("triggers") or {}).get(lang, []) or []:
            words = str(entry["lemma"] if isinstance(entry, dict) else entry).lower().split()
            pats.append([{"LEMMA": w} for w in words])
        if pats:
            matcher.add(etype, pats)
    records = []
    for article, doc in zip(articles, nlp.pipe((a["text"] for a in articles), batch_size=16)):
        events = []
        for key, s, e in matcher(doc):
            span = doc[s:e]
            sent = span.sent
            events.append(Event(f"kw{len(events)}", nlp.vocab.strings[key], Span(span.start_char, span.end_char, span.text),
                                Span(sent.start_char, sent.end_char, sent.text)))
        records.append(ArticleRecord(article_id=article["id"], text=article["text"], events=events))
    return records


def majority_baseline(pairs: dict) -> dict:
    out = {}
    for level, level_pairs in pairs.items():
        if not level_pairs:
            continue
        majority = Counter(g for g, _ in level_pairs).most_common(1)[0][0]
        out[level] = macro_f1([(g, majority) for g, _ in level_pairs])
        out[level]["label"] = majority
    return out


# --- the whole evaluation ---------------------------------------------------------------

def run_pipeline(articles: list[dict], config: Union[Config, dict, None] = None, pipeline=None) -> list[ArticleRecord]:
    from .pipeline import Pipeline

    pipeline = pipeline or Pipeline(config)
    items = [Article(text=a["text"], title=a.get("title"), published=a.get("published"), lang=a["lang"], doc_id=a["id"])
             for a in articles]
    records = list(pipeline.pipe(items))
    for a, r in zip(articles, records):
        if r.text != a["text"]:
            raise ValueError(f"{a['id']}: the pipeline changed the text; offsets would not compare")
    return records


def evaluate_articles(articles: list[dict], records: list[ArticleRecord], *, baselines: bool = True, nlp=None, lang: str = "") -> dict:
    items = list(zip(articles, records))
    report = {
        "articles": len(articles),
        "entities": score_mentions([(_gold_mentions(a), _pred_mentions(r)) for a, r in items]),
        "executives": score_executives(items),
        "events": score_events(items),
        "sentiment": score_sentiment(items),
    }
    pairs = report["sentiment"].pop("_pairs")
    if baselines and nlp is not None:
        base = spacy_baseline_mentions(nlp, articles)
        report["baseline_spacy"] = {"entities": score_mentions([(_gold_mentions(a), b) for a, b in zip(articles, base)],
                                                               types=("company", "person", "region"))}
        kw = keyword_baseline_events(nlp, articles, lang)
        report["baseline_keywords"] = {"events": score_events(list(zip(articles, kw)))}
        report["baseline_majority"] = {"sentiment": majority_baseline(pairs)}
    return report


def evaluate(
    gold: Union[str, Path],
    *,
    split: Optional[str] = "test",
    config: Union[Config, dict, None] = None,
    by_lang: bool = True,
    baselines: bool = True,
    pipeline=None,
) -> dict:
    """Score the pipeline on the gold corpus at ``gold`` (a folder or a .jsonl file).

    Returns a JSON-ready report: ``{"split", "languages": {lang: report}}`` with one report per
    language (and ``"all"`` when ``by_lang`` is false).
    """
    from .pipeline import Pipeline

    articles = load_gold(gold, split=split)
    if not articles:
        raise ValueError(f"no gold article in {gold} for split {split!r}")
    pipeline = pipeline or Pipeline(config)
    report: dict = {"split": split or "all", "languages": {}}
    langs = sorted({a["lang"] for a in articles})
    all_articles, all_records = [], []
    for lang in langs:
        subset = [a for a in articles if a["lang"] == lang]
        records = run_pipeline(subset, pipeline=pipeline)
        all_articles += subset
        all_records += records
        if by_lang:
            base_nlp = None
            if baselines:
                import spacy

                base_nlp = spacy.load(pipeline.config.models[lang])
            report["languages"][lang] = evaluate_articles(subset, records, baselines=baselines, nlp=base_nlp, lang=lang)
    if not by_lang:
        report["languages"]["all"] = evaluate_articles(all_articles, all_records, baselines=False)
    return report


def format_report(report: dict) -> str:
    """The report as readable tables."""
    lines = [f"newsintel evaluation: split {report['split']}"]
    for lang, r in report["languages"].items():
        lines.append("")
        lines.append(f"== {lang}: {r['articles']} articles ==")
        base = (r.get("baseline_spacy") or {}).get("entities", {})
        lines.append(f"{'entities (exact span)':30} {'P':>6} {'R':>6} {'F1':>6}   {'spaCy F1':>8}")
        for t in ENTITY_TYPES + ("all",):
            s = r["entities"]["exact"][t]
            b = base.get("exact", {}).get(t) if base else None
            bt = f"{b['f1']:8.3f}" if b else f"{'-':>8}"
            lines.append(f"  {t:28} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}   {bt}   (gold {s['gold']})")
        ov = r["entities"]["overlap"]["all"]
        lines.append(f"  {'all, overlapping span':28} {ov['precision']:6.3f} {ov['recall']:6.3f} {ov['f1']:6.3f}")
        lines.append(f"  region ISO code accuracy: {r['entities']['region_code_accuracy']:.3f} (n={r['entities']['region_code_n']})"
                     f"   canonical name accuracy: {r['entities']['canonical_accuracy']:.3f} (n={r['entities']['canonical_n']})")
        ex = r["executives"]
        lines.append(f"  executives (name+role+org):  P {ex['precision']:.3f}  R {ex['recall']:.3f}  F1 {ex['f1']:.3f}  (gold {ex['gold']})")
        ev = r["events"]
        kw = (r.get("baseline_keywords") or {}).get("events")
        lines.append(f"{'events':30} {'P':>6} {'R':>6} {'F1':>6}   {'keyword F1':>10}")
        lines.append(f"  {'type':28} {ev['type']['precision']:6.3f} {ev['type']['recall']:6.3f} {ev['type']['f1']:6.3f}   "
                     + (f"{kw['type']['f1']:10.3f}" if kw else f"{'-':>10}"))
        lines.append(f"  {'type + all arguments':28} {ev['all_arguments']['precision']:6.3f} {ev['all_arguments']['recall']:6.3f} {ev['all_arguments']['f1']:6.3f}")
        lines.append(f"  modality accuracy {ev['modality_accuracy']:.3f}; on negated/speculative {ev['modality_accuracy_negated_speculative']:.3f} "
                     f"(n={ev['modality_n_negated_speculative']}); tense accuracy {ev['tense_accuracy']:.3f}")
        se = r["sentiment"]
        mj = (r.get("baseline_majority") or {}).get("sentiment", {})
        lines.append(f"{'sentiment':30} {'acc':>6} {'macroF1':>8}   {'majority acc/F1':>16}")
        for level in ("document", "sentence", "entity"):
            s = se[level]
            m = mj.get(level)
            mt = f"{m['accuracy']:.3f}/{m['macro_f1']:.3f}" if m else "-"
            lines.append(f"  {level:28} {s['accuracy']:6.3f} {s['macro_f1']:8.3f}   {mt:>16}   (n={s['n']})")
    return "\n".join(lines)
