#!/usr/bin/env python
"""Train the two models of ``newsintel_entities``; write models/entities/types.json and organizations.json.

Data: the gold ``train`` and ``dev`` splits (French and English together; the test split is
not read). The pipeline runs with the rules' types only; every predicted company,
organization or product, and every place the gazetteer does not know, whose mentions overlap
a gold entity of one of those types (or a gold region, for the places) is a case, labelled
with the gold type. Features:
``newsintel.components.entity_types.type_features`` (the rules' decision is one of them).
Model: multinomial logistic regression; the regularization is chosen by 5-fold
cross-validation grouped by article, for the share of mentions whose entity gets the right
type. The model is written only when it beats the rules on held-out articles.

Then, with the type model in place, the organization selector: for each predicted executive
that is a gold executive, every company and organization of the article is a candidate,
positive when it is the gold organization (features:
``newsintel.components.executive_orgs.organization_features``; chosen for the share of
executives whose organization is right).

    pip install scikit-learn && python scripts/train_entities.py
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "models" / "entities" / "types.json"
ORGS_OUT = ROOT / "models" / "entities" / "organizations.json"
SPLITS = ("train", "dev")
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
SEED = 0


def cases(articles):
    from newsintel import Pipeline
    from newsintel.components.entity_types import PLACE_GUESS, RETYPED, retypable, type_features
    from newsintel.resources import first_names

    pipeline = Pipeline({"sentiment": "lexicon", "event_verifier": False})
    for lang in ("fr", "en"):
        pipeline.nlp(lang).get_pipe("newsintel_entities").types = None
    given = first_names()
    feats, labels, weights, groups = [], [], [], []
    for n, art in enumerate(articles):
        nlp = pipeline.nlp(art["lang"])
        doc = nlp.make_doc(art["text"])
        doc._.ni_published = art.get("published")
        doc._.ni_title = art.get("title")
        doc = nlp(doc)
        gold = [(g["type"], [(m["start"], m["end"]) for m in g["mentions"]]) for g in art["entities"]]
        for ent in doc._.ni_entities or []:
            if not retypable(ent):
                continue
            spans = [(m.start, m.end) for m in ent.mentions]
            overlap = {}
            for gtype, gspans in gold:
                hits = sum(1 for s, e in spans for gs, ge in gspans if s < ge and gs < e)
                if hits:
                    overlap[gtype] = overlap.get(gtype, 0) + hits
            if not overlap:
                continue
            gtype = max(overlap, key=overlap.get)
            if gtype not in RETYPED + (PLACE_GUESS,) or (gtype == PLACE_GUESS and ent.type != PLACE_GUESS):
                continue
            feats.append(type_features(doc, ent, art["lang"], given))
            labels.append(gtype)
            weights.append(len(spans))
            groups.append(n)
    return feats, np.array(labels), np.array(weights, dtype=float), np.array(groups)


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from newsintel.gold import load_gold
    from newsintel.linear import LinearClassifier

    articles = [a for split in SPLITS for a in load_gold(ROOT / "corpora" / "gold", split=split)]
    feats, y, w, groups = cases(articles)
    rule = np.array([next(k[5:] for k in f if k.startswith("rule=")) for f in feats])
    rule_acc = float((w * (rule == y)).sum() / w.sum())
    print(f"{len(y)} entities ({int(w.sum())} mentions); the rules type {rule_acc:.3f} of mentions right")
    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    best_c, best_acc = None, -1.0
    for c in C_GRID:
        pred = np.empty_like(y)
        for tr, te in GroupKFold(n_splits=5).split(X, y, groups):
            clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
            clf.fit(X[tr], y[tr], sample_weight=w[tr])
            pred[te] = clf.predict(X[te])
        acc = float((w * (pred == y)).sum() / w.sum())
        print(f"C={c}: the model types {acc:.3f} of mentions right (cross-validated)")
        if acc > best_acc:
            best_c, best_acc = c, acc
    if best_acc <= rule_acc:
        OUT.unlink(missing_ok=True)
        print("the model does not beat the rules; no model written")
        return 0
    clf = LogisticRegression(C=best_c, max_iter=5000, random_state=SEED).fit(X, y, sample_weight=w)
    names = vec.get_feature_names_out()
    model = LinearClassifier(
        [str(c) for c in clf.classes_],
        [{str(k): round(float(v), 5) for k, v in zip(names, row) if abs(v) >= 1e-5} for row in clf.coef_],
        [round(float(b), 5) for b in clf.intercept_],
    )
    data = {"meta": {"trained": date.today().isoformat(),
                     "training_data": f"corpora/gold splits {', '.join(SPLITS)}: {len(y)} entities, {int(w.sum())} mentions",
                     "C": best_c, "cv_mention_accuracy_rules": round(rule_acc, 4),
                     "cv_mention_accuracy_model": round(best_acc, 4)},
            **model.to_dict()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    train_organizations(articles)
    return 0


def organization_cases(articles):
    """(features, label, group, executive key, rule pick, rule final) for each candidate
    organization of each predicted executive that is a gold executive; "rule final" marks the
    executives whose title names the organization, which the selector leaves to the rules."""
    from newsintel import Pipeline
    from newsintel.components.executive_orgs import ORG_TYPES, RULE_FINAL, candidate_ranks, organization_features
    from newsintel.evaluate import _same_entity

    pipeline = Pipeline({"sentiment": "lexicon", "event_verifier": False})
    for lang in ("fr", "en"):
        pipeline.nlp(lang).get_pipe("newsintel_entities").orgs = None
    feats, labels, groups, keys, rules, final = [], [], [], [], [], []
    for n, art in enumerate(articles):
        nlp = pipeline.nlp(art["lang"])
        component = nlp.get_pipe("newsintel_entities")
        doc = nlp.make_doc(art["text"])
        doc._.ni_published = art.get("published")
        doc = nlp(doc)
        entities = doc._.ni_entities or []
        before = component.mention_context(doc, entities)
        gold = {g["id"]: [(m["start"], m["end"]) for m in g["mentions"]] for g in art["entities"]}
        orgs = [e for e in entities if e.type in ORG_TYPES]
        companies = [e for e in orgs if e.type == "company" and not e.source_role]
        main = max(companies, key=lambda e: e.salience).entity_id if companies else None
        for ex in art.get("executives", []):
            person = next((e for e in entities if e.type == "executive"
                           and _same_entity(gold.get(ex["person"], []), [(m.start, m.end) for m in e.mentions])), None)
            if person is None:
                continue
            key = (n, ex["person"])
            ranks = candidate_ranks(person, orgs)
            via = (doc._.ni_org_via or {}).get(person.entity_id)
            for cand in orgs:
                feats.append(organization_features(person, cand, main, person.organization, before, ranks, via))
                final.append(via in RULE_FINAL)
                right = ex.get("organization") and _same_entity(gold.get(ex["organization"], []),
                                                                [(m.start, m.end) for m in cand.mentions])
                labels.append(int(bool(right)))
                groups.append(n)
                keys.append(key)
                rules.append(cand.entity_id == person.organization)
            if not orgs:  # an executive with no candidate: right only when the gold has none
                feats.append(None)
                labels.append(int(not ex.get("organization")))
                groups.append(n)
                keys.append(key)
                rules.append(False)
                final.append(False)
    return feats, np.array(labels), np.array(groups), keys, np.array(rules), np.array(final)


def organization_accuracy(prob, labels, keys, rules, threshold, final=None) -> float:
    """Share of executives whose organization (the rules' choice where it is ``final``, else the
    best candidate at or above the threshold, else the rules' choice) is the gold one."""
    from newsintel.training import choices_by_group

    if final is not None:
        prob = np.where(final, rules.astype(float), prob)
    right = total = 0
    for rows, chosen in choices_by_group(prob, keys, threshold, rules):
        gold = [i for i in rows if labels[i]]
        right += (chosen in gold) if chosen is not None else not gold
        total += 1
    return right / max(1, total)


def train_organizations(articles) -> None:
    from newsintel.training import fit_selector

    feats, y, groups, keys, rules, final = organization_cases(articles)
    base = organization_accuracy(rules.astype(float), y, keys, rules, 0.5)
    print(f"organizations: {len(set(keys))} executives; the rules get {base:.3f} right")
    fit_selector("organizations", feats, y, groups,
                 lambda prob, t: organization_accuracy(prob, y, keys, rules, t, final),
                 (0.2, 0.3, 0.4, 0.5, 0.6), ORGS_OUT, base,
                 f"corpora/gold splits {', '.join(SPLITS)}: {len(set(keys))} executives", C_GRID)


if __name__ == "__main__":
    sys.exit(main())
