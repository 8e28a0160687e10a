#!/usr/bin/env python
"""Train the ``encoder`` sentiment backend on the gold dev split; write models/sentiment-encoder.

Data: every labelled sentence of the dev split (French and English together). Features: the
multilingual sentence embedding and the lexicon score. Model: multinomial logistic
regression (scikit-learn at training time only; inference is numpy). Regularization is
chosen by 5-fold cross-validation grouped by article; the aggregation thresholds (document
and entity labels from sentence scores) are fitted on out-of-fold predictions of the dev
articles. The test split is not read.

    pip install scikit-learn && python scripts/train_sentiment.py
"""
from __future__ import annotations

import itertools
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "models" / "sentiment-encoder"
LEXICON_WEIGHT = 3.0
C_GRID = (0.25, 0.5, 1.0, 2.0)
SEED = 0


def overlap(a, b) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def main() -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import GroupKFold

    from newsintel import Pipeline
    from newsintel.evaluate import macro_f1, run_pipeline
    from newsintel.gold import load_gold
    from newsintel.sentiment.encoder import EncoderModel, embed, features
    from newsintel.sentiment.lexicon import label_of

    dev = load_gold(ROOT / "corpora" / "gold", split="dev")
    records = run_pipeline(dev, pipeline=Pipeline({"sentiment": "lexicon"}))

    # every predicted sentence of every dev article, with its lexicon score
    sents, lex, doc_of = [], [], []
    for n, rec in enumerate(records):
        for s in rec.sentiment.sentences:
            sents.append((s.start, s.end, rec.text[s.start:s.end].strip() or "."))
            lex.append(s.score)
            doc_of.append(n)
    emb = embed([t for _, _, t in sents])
    X_all = features(emb, lex, LEXICON_WEIGHT)
    doc_of = np.array(doc_of)

    # training rows: gold-labelled sentences, mapped to the predicted sentence they overlap most
    rows, labels = [], []
    for n, art in enumerate(dev):
        mine = [i for i in range(len(sents)) if doc_of[i] == n]
        for g in art["sentiment"]["sentences"]:
            best = max(mine, key=lambda i: overlap((g["start"], g["end"]), sents[i][:2]))
            rows.append(best)
            labels.append(g["label"])
    rows, y = np.array(rows), np.array(labels)
    groups = doc_of[rows]

    cv = GroupKFold(n_splits=5)
    best_c, best_f1 = None, -1.0
    for c in C_GRID:
        pred = np.empty_like(y)
        for tr, te in cv.split(rows, y, groups):
            clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED)
            clf.fit(X_all[rows[tr]], y[tr])
            pred[te] = clf.predict(X_all[rows[te]])
        f1 = f1_score(y, pred, average="macro")
        print(f"C={c}: cross-validated sentence macro-F1 {f1:.3f}")
        if f1 > best_f1:
            best_c, best_f1 = c, f1

    # out-of-fold scores for every sentence of the dev articles, to fit the aggregation
    oof = np.zeros(len(sents))
    oof_label = np.empty(len(sents), dtype=object)
    for tr, te in cv.split(rows, y, groups):
        clf = LogisticRegression(C=best_c, max_iter=3000, class_weight="balanced", random_state=SEED)
        clf.fit(X_all[rows[tr]], y[tr])
        held = np.isin(doc_of, np.unique(groups[te]))
        p = clf.predict_proba(X_all[held])
        cls = list(clf.classes_)
        oof[held] = p[:, cls.index("positive")] - p[:, cls.index("negative")]
        oof_label[held] = np.array(cls)[p.argmax(axis=1)]

    def doc_label(n, agg):
        idx = np.where(doc_of == n)[0]
        score = float(oof[idx].mean())
        pos = int((oof_label[idx] == "positive").sum())
        neg = int((oof_label[idx] == "negative").sum())
        label = label_of(score, agg["doc_threshold"])
        if pos and neg and min(pos, neg) / (pos + neg) >= agg["mixed_share"] and abs(score) < agg["mixed_max_score"]:
            label = "mixed"
        return label

    best_agg, best_doc = None, -1.0
    for t, share, mx in itertools.product((0.05, 0.1, 0.15, 0.2, 0.25, 0.3), (0.2, 0.25, 0.3, 0.35, 0.4), (0.1, 0.2, 0.3, 0.4)):
        agg = {"doc_threshold": t, "mixed_share": share, "mixed_max_score": mx}
        pairs = [(art["sentiment"]["document"], doc_label(n, agg)) for n, art in enumerate(dev)]
        f1 = macro_f1(pairs)["macro_f1"]
        if f1 > best_doc:
            best_agg, best_doc = agg, f1
    print(f"document macro-F1 (out-of-fold, dev) {best_doc:.3f} with {best_agg}")

    # a small document classifier over sentence statistics, kept if it beats the thresholds
    from sklearn.model_selection import LeaveOneOut, cross_val_predict

    from newsintel.sentiment.encoder import document_features

    doc_x = np.array([document_features(oof[doc_of == n], oof_label[doc_of == n]) for n in range(len(dev))])
    doc_y = np.array([art["sentiment"]["document"] for art in dev])
    doc_clf = LogisticRegression(C=2.0, max_iter=3000, class_weight="balanced", random_state=SEED)
    doc_pred = cross_val_predict(doc_clf, doc_x, doc_y, cv=LeaveOneOut())
    doc_clf_f1 = macro_f1(list(zip(doc_y, doc_pred)))["macro_f1"]
    print(f"document classifier macro-F1 (leave-one-out, dev) {doc_clf_f1:.3f}")
    document_model = None
    if doc_clf_f1 > best_doc:
        doc_clf.fit(doc_x, doc_y)
        document_model = {"classes": list(doc_clf.classes_), "coef": doc_clf.coef_.round(6).tolist(),
                          "intercept": doc_clf.intercept_.round(6).tolist()}
        best_doc = doc_clf_f1

    # an entity's tone: its own sentences, blended with the whole article's tone
    ent_acc = {}
    for t, w in itertools.product((0.05, 0.1, 0.15, 0.2, 0.25, 0.3), (0.0, 0.25, 0.5, 0.75)):
        pairs = []
        for n, art in enumerate(dev):
            idx = np.where(doc_of == n)[0]
            doc_score = float(oof[idx].mean())
            mentions = {e["id"]: [(m["start"], m["end"]) for m in e["mentions"]] for e in art["entities"]}
            for eid, gold in (art["sentiment"].get("entities") or {}).items():
                hit = [i for i in idx if any(overlap(sents[i][:2], m) > 0 for m in mentions.get(eid, []))]
                own = float(oof[hit].mean()) if hit else doc_score
                pairs.append((gold, label_of((1 - w) * own + w * doc_score, t)))
        ent_acc[(t, w)] = accuracy_score([g for g, _ in pairs], [p for _, p in pairs])
    ent_t, ent_w = max(ent_acc, key=ent_acc.get)
    print(f"entity accuracy (out-of-fold, dev) {ent_acc[(ent_t, ent_w)]:.3f} with threshold {ent_t}, article weight {ent_w}")

    final = LogisticRegression(C=best_c, max_iter=3000, class_weight="balanced", random_state=SEED)
    final.fit(X_all[rows], y)
    meta = {
        "trained": date.today().isoformat(),
        "training_data": f"corpora/gold dev split: {len(y)} labelled sentences from {len(dev)} articles (fr and en)",
        "label_counts": {k: int(v) for k, v in zip(*np.unique(y, return_counts=True))},
        "features": "512-d multilingual Universal Sentence Encoder embedding + lexicon score x lexicon_weight",
        "lexicon_weight": LEXICON_WEIGHT,
        "C": best_c,
        "cv_sentence_macro_f1": round(best_f1, 4),
        "cv_document_macro_f1": round(best_doc, 4),
        "cv_entity_accuracy": round(ent_acc[(ent_t, ent_w)], 4),
        "aggregation": {**best_agg, "entity_threshold": ent_t, "entity_article_weight": ent_w,
                        "document_model": document_model},
    }
    EncoderModel(final.coef_, final.intercept_, list(final.classes_), meta).save(OUT)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
