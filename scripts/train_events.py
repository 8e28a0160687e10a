#!/usr/bin/env python
"""Train the event models; write models/events/{locations,actors,targets,verifier}.json.

Data: the gold ``train`` and ``dev`` splits (French and English together; the test split is
not read). Both models are L2 logistic regressions over named features, with the
regularization and the acceptance threshold chosen by 5-fold cross-validation grouped by
article.

1. ``locations.json``, the location selector of ``newsintel_events``: for every predicted
   event that matches a gold event with locations (same type, trigger in the gold event's
   sentence; ``newsintel.evaluate.match_events``), each place of the sentence is a case,
   positive when it is one of the gold locations. Features:
   ``newsintel.components.event_places.place_features``. Chosen for the share of events whose
   location set is exactly right.
2. ``verifier.json``, ``newsintel_event_verifier``: with the new selector in place and the
   verifier off, every candidate event is a case, positive when it matches a gold event.
   Features: ``newsintel.components.event_verifier.event_features``. Chosen for the mean of
   the French and English event-type F1.

    pip install scikit-learn && python scripts/train_events.py
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "models" / "events" / "verifier.json"
LOCATIONS_OUT = ROOT / "models" / "events" / "locations.json"
TARGETS_OUT = ROOT / "models" / "events" / "targets.json"
ACTORS_OUT = ROOT / "models" / "events" / "actors.json"
C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.15, 0.71, 0.05))
SPLITS = ("train", "dev")
DATA = f"corpora/gold splits {', '.join(SPLITS)}"


def parsed(articles, locations, targets=None, actors=None):
    """(article, doc, events component) for every article, run without the verifier and with
    ``locations`` and ``targets`` as the argument selectors (None: the parse rules)."""
    from newsintel import Pipeline

    pipeline = Pipeline({"event_verifier": False, "sentiment": "lexicon"})
    for lang in ("fr", "en"):
        extractor = pipeline.nlp(lang).get_pipe("newsintel_events")
        extractor.locations = locations
        extractor.targets = targets
        extractor.actors = actors
        extractor.broad = True  # the verifier sees every candidate, conditions met or not
    for art in articles:
        nlp = pipeline.nlp(art["lang"])
        doc = nlp.make_doc(art["text"])
        doc._.ni_published = art.get("published")
        doc._.ni_title = art.get("title")
        yield art, nlp(doc), nlp.get_pipe("newsintel_events")


def location_cases(articles):
    """(features, label, group, event key) for each place of each matched event with gold locations."""
    from newsintel.components.event_places import place_features
    from newsintel.evaluate import _gold_entity_spans, _same_entity, match_events

    feats, labels, groups, keys, tokens = [], [], [], [], {}
    for n, (art, doc, extractor) in enumerate(parsed(articles, None)):
        events = list(doc._.ni_events or [])
        entities = {e.entity_id: e for e in doc._.ni_entities or []}
        index = doc._.ni_token_entity or {}
        gspans = _gold_entity_spans(art)
        for k, (ge, pe) in enumerate(match_events(art, SimpleNamespace(events=events))):
            gold_places = (ge.get("arguments") or {}).get("locations")
            if not gold_places or pe.type == "relocation":
                continue
            span = doc.char_span(pe.trigger.start, pe.trigger.end, alignment_mode="expand")
            head = span.root
            places = extractor._places(head.sent, index, entities)
            rule = {eid for eid, _ in extractor._near_places(head, places, entities)}
            candidates = [(entities[eid], tok) for eid, tok in places]
            for eid, tok in places:
                pspans = [(m.start, m.end) for m in entities[eid].mentions]
                feats.append(place_features(head, tok, entities[eid], pe.type, candidates, eid in rule,
                                            extractor.market_nouns))
                labels.append(int(any(_same_entity(gspans.get(g, []), pspans) for g in gold_places)))
                groups.append(n)
                keys.append((n, k, len(gold_places)))
                tokens.setdefault((n, k, len(gold_places)), []).append((tok, entities[eid]))
    return feats, np.array(labels), np.array(groups), keys, tokens


def location_accuracy(accept, labels, keys, tokens, rule) -> float:
    """Share of events whose chosen places (as ``newsintel_events`` chooses them: the accepted
    ones, their coordinates and the places situating them, else the rule's) are exactly their gold places."""
    from newsintel.components.event_places import choose_places

    by_event: dict = {}
    for i, key in enumerate(keys):
        by_event.setdefault(key, []).append(i)
    right = 0
    for key, rows in by_event.items():
        places = tokens[key]
        chosen = {rows[j] for j in choose_places([bool(accept[i]) for i in rows], [t for t, _ in places],
                                                 [e for _, e in places])}
        if not chosen:
            chosen = {i for i in rows if rule[i]}
        right += chosen == {i for i in rows if labels[i]}
    return right / max(1, len(by_event))


def train_locations():
    from newsintel.gold import load_gold
    from newsintel.training import fit_selector

    articles = [a for split in SPLITS for a in load_gold(ROOT / "corpora" / "gold", split=split)]
    feats, y, groups, keys, tokens = location_cases(articles)
    rule = np.array([f.get("rule_pick", 0.0) > 0 for f in feats])
    base = location_accuracy(rule, y, keys, tokens, rule)
    print(f"locations: {len(set(keys))} events, {len(y)} candidate places; the parse rule gets {base:.3f} of events right")
    return fit_selector("locations", feats, y, groups, lambda prob, t: location_accuracy(prob >= t, y, keys, tokens, rule),
                        THRESHOLDS, LOCATIONS_OUT, base,
                        f"{DATA}: {len(set(keys))} events with gold locations, {len(y)} candidate places", C_GRID)

def matched_with(art, doc, argument):
    """(index, gold values, predicted event, trigger head, trigger) for each predicted event
    that matches a gold event having ``argument``."""
    from newsintel.evaluate import match_events

    events = list(doc._.ni_events or [])
    for k, (ge, pe) in enumerate(match_events(art, SimpleNamespace(events=events))):
        gold = (ge.get("arguments") or {}).get(argument)
        if not gold:
            continue
        span = doc.char_span(pe.trigger.start, pe.trigger.end, alignment_mode="expand")
        trig = SimpleNamespace(type=pe.type, start=span.start, end=span.end)
        yield k, (gold if isinstance(gold, list) else [gold]), pe, span.root, trig


def actor_cases(articles, locations):
    """(features, label, group, event key) for each candidate actor of each matched event."""
    from newsintel.components.event_actors import discourse_of
    from newsintel.evaluate import _gold_entity_spans, _same_entity

    feats, labels, groups, keys = [], [], [], []
    for n, (art, doc, extractor) in enumerate(parsed(articles, locations)):
        entities = {e.entity_id: e for e in doc._.ni_entities or []}
        index = doc._.ni_token_entity or {}
        companies = [e for e in entities.values() if e.type == "company" and not e.source_role]
        top = max(companies, key=lambda e: e.salience).entity_id if companies else None
        described = extractor._descriptions(doc, index, entities)
        discourse = discourse_of(doc, entities)
        gspans = _gold_entity_spans(art)
        for k, gold, pe, head, trig in matched_with(art, doc, "actor"):
            rule, _ = extractor._actor(trig, doc, index, entities, top, described)
            choices = extractor.actor_choices(trig, doc, index, entities, top, rule, discourse)
            for eid, features in choices:
                pspans = [(m.start, m.end) for m in entities[eid].mentions]
                feats.append(features)
                labels.append(int(any(_same_entity(gspans.get(g, []), pspans) for g in gold)))
                groups.append(n)
                keys.append((n, k))
            if not choices:
                feats.append(None)
                labels.append(0)
                groups.append(n)
                keys.append((n, k))
    return feats, np.array(labels), np.array(groups), keys


def actor_accuracy(prob, labels, keys, rule, threshold) -> float:
    """Share of events whose chosen actor (best candidate at or above the threshold, else the rule's) is right."""
    from newsintel.training import choices_by_group

    right = total = 0
    for _, best in choices_by_group(prob, keys, threshold, rule):
        right += best is not None and labels[best] == 1
        total += 1
    return right / max(1, total)


def train_actors(locations):
    from newsintel.gold import load_gold
    from newsintel.training import fit_selector

    articles = [a for split in SPLITS for a in load_gold(ROOT / "corpora" / "gold", split=split)]
    feats, y, groups, keys = actor_cases(articles, locations)
    rule = np.array([bool(f and f.get("rule_pick")) for f in feats])
    base = actor_accuracy(rule.astype(float), y, keys, rule, 0.5)
    print(f"actors: {len(set(keys))} events; the parse rule gets {base:.3f} right")
    return fit_selector("actors", feats, y, groups, lambda prob, t: actor_accuracy(prob, y, keys, rule, t),
                        (0.0, 0.1, 0.2, 0.3, 0.4), ACTORS_OUT, base,
                        f"{DATA}: {len(set(keys))} events with a gold actor, {sum(f is not None for f in feats)} candidate actors",
                        C_GRID)

def target_cases(articles, locations, actors=None):
    """(features, label, group, event key) for each candidate target of each matched event with a gold target."""
    from newsintel.components.event_targets import target_features
    from newsintel.evaluate import _gold_entity_spans, _same_entity

    feats, labels, groups, keys = [], [], [], []
    for n, (art, doc, extractor) in enumerate(parsed(articles, locations, None, actors)):
        entities = {e.entity_id: e for e in doc._.ni_entities or []}
        index = doc._.ni_token_entity or {}
        gspans = _gold_entity_spans(art)
        for k, gold, pe, head, trig in matched_with(art, doc, "target"):
            rule = extractor._target(trig, doc, head.sent, index, entities, pe.actor)
            cands = extractor.target_candidates(head.sent, index, entities, pe.actor)
            pairs = [(entities[eid], tok) for eid, tok in cands]
            if not cands:
                keys.append((n, k, None))  # an event no candidate can get right
                feats.append(None)
                labels.append(0)
                groups.append(n)
                continue
            for eid, tok in cands:
                pspans = [(m.start, m.end) for m in entities[eid].mentions]
                feats.append(target_features(head, tok, entities[eid], pe.type, pairs, eid == rule))
                labels.append(int(any(_same_entity(gspans.get(g, []), pspans) for g in gold)))
                groups.append(n)
                keys.append((n, k, eid))
    return feats, np.array(labels), np.array(groups), keys


def target_accuracy(prob, labels, keys, threshold, previous=None) -> float:
    """Share of events whose chosen target is a gold target: the best-scoring candidate when it
    reaches the threshold (and, named only in the sentence before, the stricter bar that
    ``newsintel_events`` applies)."""
    from newsintel.components.events import PREVIOUS_SENTENCE_TARGET

    by_event: dict = {}
    for i, (n, k, eid) in enumerate(keys):
        by_event.setdefault((n, k), []).append(i)
    right = 0
    for rows in by_event.values():
        rows = [i for i in rows if keys[i][2] is not None]
        if rows:
            best = max(rows, key=lambda i: prob[i])
            needed = max(threshold, PREVIOUS_SENTENCE_TARGET) if previous is not None and previous[best] else threshold
            right += prob[best] >= needed and labels[best] == 1
    return right / max(1, len(by_event))


def train_targets(locations, actors=None):
    from newsintel.gold import load_gold
    from newsintel.training import fit_selector

    articles = [a for split in SPLITS for a in load_gold(ROOT / "corpora" / "gold", split=split)]
    feats, y, groups, keys = target_cases(articles, locations, actors)
    rule = np.array([float(bool(f and f.get("rule_pick"))) for f in feats])
    previous = np.array([bool(f and f.get("previous_sentence")) for f in feats])
    events = len({(n, k) for n, k, _ in keys})
    base = target_accuracy(rule, y, keys, 0.5)
    print(f"targets: {events} events; the parse rule gets {base:.3f} right")
    return fit_selector("targets", feats, y, groups, lambda prob, t: target_accuracy(prob, y, keys, t, previous),
                        (0.0, 0.05, 0.1, 0.2, 0.3), TARGETS_OUT, base,
                        f"{DATA}: {events} events with a gold target, {sum(f is not None for f in feats)} candidate targets",
                        C_GRID)

def candidate_cases(articles, locations, targets=None, actors=None):
    """(features, label, article index, language) for every candidate event of every article."""
    from newsintel.components.event_verifier import event_features
    from newsintel.evaluate import match_events

    feats, labels, groups, langs = [], [], [], []
    for n, (art, doc, _) in enumerate(parsed(articles, locations, targets, actors)):
        events = list(doc._.ni_events or [])
        entities = {e.entity_id: e for e in doc._.ni_entities or []}
        matched = {id(p) for _, p in match_events(art, SimpleNamespace(events=events))}
        for ev, f in zip(events, event_features(doc, events, entities, art["lang"], doc._.ni_event_cues)):
            feats.append(f)
            labels.append(int(id(ev) in matched))
            groups.append(n)
            langs.append(art["lang"])
    return feats, np.array(labels), np.array(groups), np.array(langs)


def type_f1(keep, labels, langs, articles, lang) -> float:
    mask = langs == lang
    tp = int((keep & (labels == 1) & mask).sum())
    pred = int((keep & mask).sum())
    gold = sum(len(a["events"]) for a in articles if a["lang"] == lang)
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from newsintel.gold import load_gold
    from newsintel.linear import LinearDecider

    locations = train_locations()
    actors = train_actors(locations)
    targets = train_targets(locations, actors)
    articles = [a for split in SPLITS for a in load_gold(ROOT / "corpora" / "gold", split=split)]
    feats, y, groups, langs = candidate_cases(articles, locations, targets, actors)
    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    print(f"{len(articles)} articles, {len(y)} candidate events, {int(y.sum())} true")
    everything = np.ones(len(y), dtype=bool)
    base = {lang: type_f1(everything, y, langs, articles, lang) for lang in ("fr", "en")}
    print("without the verifier: " + ", ".join(f"{k} F1 {v:.3f}" for k, v in base.items()))

    cv = GroupKFold(n_splits=5)
    best = (-1.0, None, None, None)
    for c in C_GRID:
        oof = np.zeros(len(y))
        for tr, te in cv.split(X, y, groups):
            clf = LogisticRegression(C=c, max_iter=5000)
            clf.fit(X[tr], y[tr])
            oof[te] = clf.predict_proba(X[te])[:, 1]
        for t in THRESHOLDS:
            scores = {lang: type_f1(oof >= t, y, langs, articles, lang) for lang in ("fr", "en")}
            mean = sum(scores.values()) / 2
            if mean > best[0]:
                best = (mean, c, t, scores)
    _, best_c, best_t, scores = best
    print(f"cross-validated with the verifier (C={best_c}, threshold {best_t}): "
          + ", ".join(f"{k} F1 {v:.3f}" for k, v in scores.items()))

    clf = LogisticRegression(C=best_c, max_iter=5000)
    clf.fit(X, y)
    names = vec.get_feature_names_out()
    weights = {str(name): round(float(w), 5) for name, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-5}
    meta = {
        "trained": date.today().isoformat(),
        "training_data": f"corpora/gold splits {', '.join(SPLITS)}: {len(articles)} articles, "
                         f"{len(y)} candidate events ({int(y.sum())} matching a gold event)",
        "C": best_c,
        "cv_type_f1_without_verifier": {k: round(v, 4) for k, v in base.items()},
        "cv_type_f1_with_verifier": {k: round(v, 4) for k, v in scores.items()},
    }
    LinearDecider(weights, round(float(clf.intercept_[0]), 5), best_t, meta).save(OUT)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
