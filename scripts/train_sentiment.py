#!/usr/bin/env python
"""Train the ``encoder`` sentiment backend on the gold train and dev splits; write models/sentiment-encoder.

Data: every labelled sentence of the train and dev splits (French and English together). Features: the
multilingual sentence embedding, the lexicon score and the events the pipeline found in the
sentence (``event_cues``). Model: multinomial logistic
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
SPLITS = ("train", "dev")


def overlap(a, b) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def main() -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import GroupKFold

    from newsintel import Pipeline
    from newsintel.evaluate import macro_f1, run_pipeline
    from newsintel.gold import load_gold
    from newsintel.sentiment.encoder import EncoderModel, cue_matrix, embed, features
    from newsintel.taxonomy import EVENT_TYPES
    from newsintel.sentiment.lexicon import label_of

    dev = [a for split in SPLITS for a in load_gold(ROOT / "corpora" / "gold", split=split)]
    pipeline = Pipeline({"sentiment": "lexicon"})
    records = run_pipeline(dev, pipeline=pipeline)

    # every predicted sentence of every dev article, with its lexicon score
    sents, lex, doc_of, sent_events = [], [], [], []
    for n, rec in enumerate(records):
        for k, s in enumerate(rec.sentiment.sentences):
            sents.append((s.start, s.end, rec.text[s.start:s.end].strip() or "."))
            lex.append(s.score)
            doc_of.append(n)
            sent_events.append([ev for ev in rec.events if ev.sentence == k])
    cue_names = [*EVENT_TYPES, *(f"{t}|unrealised" for t in EVENT_TYPES), "figure_up", "figure_down"]
    emb = embed([t for _, _, t in sents])
    X_all = np.hstack([features(emb, lex, LEXICON_WEIGHT), cue_matrix(sent_events, cue_names, len(sents))])
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

    # out-of-fold scores for every sentence (and headline) of the articles, to fit the aggregation
    X_title = features(embed([a.get("title") or "." for a in dev]), [0.0] * len(dev), LEXICON_WEIGHT)
    X_title = np.hstack([X_title, cue_matrix(None, cue_names, len(dev))])
    has_title = np.array([bool((a.get("title") or "").strip()) for a in dev])
    oof = np.zeros(len(sents))
    oof_title = np.zeros(len(dev))
    oof_label = np.empty(len(sents), dtype=object)
    for tr, te in cv.split(rows, y, groups):
        clf = LogisticRegression(C=best_c, max_iter=3000, class_weight="balanced", random_state=SEED)
        clf.fit(X_all[rows[tr]], y[tr])
        held = np.isin(doc_of, np.unique(groups[te]))
        p = clf.predict_proba(X_all[held])
        cls = list(clf.classes_)
        oof[held] = p[:, cls.index("positive")] - p[:, cls.index("negative")]
        oof_label[held] = np.array(cls)[p.argmax(axis=1)]
        held_docs = np.unique(groups[te])
        pt = clf.predict_proba(X_title[held_docs])
        oof_title[held_docs] = (pt[:, cls.index("positive")] - pt[:, cls.index("negative")]) * has_title[held_docs]

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
    print(f"document macro-F1 from thresholds (out-of-fold) {best_doc:.3f} with {best_agg}")

    # a small document classifier over sentence statistics, kept if it beats the thresholds
    from sklearn.model_selection import LeaveOneOut, cross_val_predict

    from newsintel.sentiment.encoder import document_features

    doc_x = np.array([document_features(oof[doc_of == n], oof_label[doc_of == n], oof_title[n], records[n].events)
                      for n in range(len(dev))])
    doc_y = np.array([art["sentiment"]["document"] for art in dev])
    doc_clf_f1, doc_pred, doc_c = -1.0, None, None
    for c in (0.5, 1.0, 2.0, 4.0):
        clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED)
        pred = cross_val_predict(clf, doc_x, doc_y, cv=LeaveOneOut())
        f1 = macro_f1(list(zip(doc_y, pred)))["macro_f1"]
        if f1 > doc_clf_f1:
            doc_clf_f1, doc_pred, doc_c = f1, pred, c
    doc_clf = LogisticRegression(C=doc_c, max_iter=3000, class_weight="balanced", random_state=SEED)
    doc_proba = cross_val_predict(doc_clf, doc_x, doc_y, cv=LeaveOneOut(), method="predict_proba")
    print(f"document classifier macro-F1 (leave-one-out) {doc_clf_f1:.3f}")
    from collections import Counter
    print("  confusion (gold, predicted):", sorted(Counter(zip(doc_y, doc_pred)).items(), key=lambda kv: -kv[1]))
    document_model = None
    doc_probs = [None] * len(dev)  # the entity model sees the document label's probabilities when a document model gives them
    if doc_clf_f1 > best_doc:
        doc_probs = [dict(zip(map(str, sorted(set(doc_y))), map(float, row))) for row in doc_proba]
        doc_clf.fit(doc_x, doc_y)
        document_model = {"classes": list(doc_clf.classes_), "coef": doc_clf.coef_.round(6).tolist(),
                          "intercept": doc_clf.intercept_.round(6).tolist()}
        best_doc = doc_clf_f1

    # an entity's tone: its own sentences, blended with the whole article's tone ...
    from newsintel.evaluate import _gold_entity_spans, _same_entity
    from newsintel.sentiment.targets import entity_features, mention_roles

    # the grammatical role of every predicted entity's mentions, from the pipeline's own parse
    roles: dict[int, dict[str, list]] = {}
    for lang in sorted({a["lang"] for a in dev}):
        nlp = pipeline.nlp(lang)
        later = [p for p in nlp.pipe_names if p.startswith("newsintel_") and p not in ("newsintel_sentences", "newsintel_lemmas")]
        ids = [n for n, a in enumerate(dev) if a["lang"] == lang]
        with nlp.select_pipes(disable=later):
            for n, doc in zip(ids, nlp.pipe([records[n].text for n in ids], batch_size=32)):
                roles[n] = {e.entity_id: mention_roles(doc, e) for e in records[n].entities}

    ent_cases = []  # (article, gold label, own sentence ids, predicted entity or None)
    for n, (art, rec) in enumerate(zip(dev, records)):
        gspans = _gold_entity_spans(art)
        for eid, gold in (art["sentiment"].get("entities") or {}).items():
            match = next((e for e in rec.entities
                          if _same_entity(gspans.get(eid, []), [(m.start, m.end) for m in e.mentions])), None)
            ent_cases.append((n, gold, match))
    doc_sent = {n: np.where(doc_of == n)[0] for n in range(len(dev))}
    ent_acc = {}
    for t, w in itertools.product((0.05, 0.1, 0.15, 0.2, 0.25, 0.3), (0.0, 0.25, 0.5, 0.75)):
        pairs = []
        for n, gold, match in ent_cases:
            idx = doc_sent[n]
            doc_score = float(oof[idx].mean())
            hit = sorted({m.sentence for m in match.mentions}) if match else []
            hit = [idx[i] for i in hit if i < len(idx)]
            own = float(oof[hit].mean()) if hit else doc_score
            pairs.append((gold, label_of((1 - w) * own + w * doc_score, t) if match else "neutral"))
        ent_acc[(t, w)] = accuracy_score([g for g, _ in pairs], [p for _, p in pairs])
    ent_t, ent_w = max(ent_acc, key=ent_acc.get)
    blend_acc = ent_acc[(ent_t, ent_w)]
    print(f"entity accuracy, blend (out-of-fold) {blend_acc:.3f} with threshold {ent_t}, article weight {ent_w}")

    # ... or a classifier over the entity's evidence (newsintel.sentiment.targets)
    from sklearn.feature_extraction import DictVectorizer

    from newsintel.linear import LinearClassifier

    rows_e, y_e, g_e = [], [], []
    for n, gold, match in ent_cases:
        if match is None:
            continue
        rec = records[n]
        idx = doc_sent[n]
        companies = [e for e in rec.entities if e.type == "company" and not e.source_role]
        top = max(companies, key=lambda e: e.salience).entity_id if companies else None
        events = rec.events
        for ev in events:
            ev.polarity = float(oof[idx[ev.sentence]]) if ev.sentence < len(idx) else None
        own = sorted({m.sentence for m in match.mentions if m.sentence < len(idx)})
        rows_e.append(entity_features(match, own, list(oof[idx]), list(oof_label[idx]), events, top,
                                      roles[n][match.entity_id], doc_probs[n]))
        y_e.append(gold)
        g_e.append(n)
    vec = DictVectorizer()
    X_e = vec.fit_transform(rows_e)
    y_e, g_e = np.array(y_e), np.array(g_e)
    unmatched = [gold for _, gold, match in ent_cases if match is None]
    best_ec, best_eacc = None, -1.0
    for c in (0.1, 0.3, 1.0, 3.0):
        pred = np.empty_like(y_e)
        for tr, te in GroupKFold(n_splits=5).split(X_e, y_e, g_e):
            clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
            clf.fit(X_e[tr], y_e[tr])
            pred[te] = clf.predict(X_e[te])
        acc = (int((pred == y_e).sum()) + unmatched.count("neutral")) / len(ent_cases)
        langs = np.array([dev[n]["lang"] for n in g_e])
        per_lang = ", ".join(f"{lang} {float((pred[langs == lang] == y_e[langs == lang]).mean()):.3f}"
                             for lang in sorted(set(langs)))
        print(f"entity classifier C={c}: accuracy (out-of-fold) {acc:.3f} (found entities: {per_lang})")
        if acc > best_eacc:
            best_ec, best_eacc = c, acc
    entity_model = None
    if best_eacc > blend_acc:
        clf = LogisticRegression(C=best_ec, max_iter=5000, random_state=SEED).fit(X_e, y_e)
        names = vec.get_feature_names_out()
        entity_model = LinearClassifier(
            [str(c) for c in clf.classes_],
            [{str(k): round(float(v), 5) for k, v in zip(names, row) if abs(v) >= 1e-5} for row in clf.coef_],
            [round(float(b), 5) for b in clf.intercept_],
        ).to_dict()
    entity_acc = max(best_eacc, blend_acc)

    final = LogisticRegression(C=best_c, max_iter=3000, class_weight="balanced", random_state=SEED)
    final.fit(X_all[rows], y)
    meta = {
        "trained": date.today().isoformat(),
        "training_data": f"corpora/gold splits {', '.join(SPLITS)}: {len(y)} labelled sentences from {len(dev)} articles (fr and en)",
        "label_counts": {k: int(v) for k, v in zip(*np.unique(y, return_counts=True))},
        "features": "512-d multilingual Universal Sentence Encoder embedding + lexicon score x lexicon_weight"
                    " + the event cues of the sentence",
        "lexicon_weight": LEXICON_WEIGHT,
        "event_cues": cue_names,
        "C": best_c,
        "cv_sentence_macro_f1": round(best_f1, 4),
        "cv_document_macro_f1": round(best_doc, 4),
        "cv_entity_accuracy": round(entity_acc, 4),
        "aggregation": {**best_agg, "entity_threshold": ent_t, "entity_article_weight": ent_w,
                        "document_model": document_model, "entity_model": entity_model},
    }
    EncoderModel(final.coef_, final.intercept_, list(final.classes_), meta).save(OUT)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
