"""Fitting newsintel's linear deciders: shared by the training scripts, never by the pipeline.

Every argument selector (event locations, actors, targets; executive organizations) is a
binary logistic regression over named features, with its regularization and acceptance
threshold chosen by 5-fold cross-validation grouped by article and scored by a task measure
(events whose actor is right, executives whose organization is right...). ``fit_selector``
does that once for all of them. It needs scikit-learn (the ``train`` extra); the fitted model
is a :class:`newsintel.linear.LinearDecider`, read at run time without it.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Hashable, Iterator, Optional, Sequence

import numpy as np

from .linear import LinearDecider


def fit_selector(name: str, feats: Sequence[Optional[dict]], y: np.ndarray, groups: np.ndarray,
                 accuracy: Callable[[np.ndarray, float], float], thresholds: Sequence[float], out: Path,
                 base: float, training_data: str, c_grid: Sequence[float]) -> Optional[LinearDecider]:
    """Cross-validate (C, threshold), fit on everything and write the model to ``out`` when it
    beats the rule (whose score is ``base``). ``feats`` may hold None for a case without
    candidates; ``accuracy(prob, threshold)`` scores out-of-fold probabilities of all cases."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    rows = np.array([f is not None for f in feats])
    vec = DictVectorizer()
    X = vec.fit_transform([f for f in feats if f is not None])
    y_rows, g_rows = y[rows], groups[rows]
    best = (-1.0, None, None)
    for c in c_grid:
        oof = np.zeros(len(y_rows))
        for tr, te in GroupKFold(n_splits=5).split(X, y_rows, g_rows):
            oof[te] = LogisticRegression(C=c, max_iter=5000).fit(X[tr], y_rows[tr]).predict_proba(X[te])[:, 1]
        prob = np.zeros(len(y))
        prob[rows] = oof
        for t in thresholds:
            acc = accuracy(prob, t)
            if acc > best[0]:
                best = (acc, c, t)
    acc, c, t = best
    print(f"{name}: cross-validated selector (C={c}, threshold {t}) gets {acc:.3f} right")
    if acc <= base:
        out.unlink(missing_ok=True)
        print(f"the {name} selector does not beat the rule; no model written")
        return None
    clf = LogisticRegression(C=c, max_iter=5000).fit(X, y_rows)
    weights = {str(k): round(float(w), 5) for k, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-5}
    meta = {"trained": date.today().isoformat(), "training_data": training_data,
            "C": c, f"cv_{name}_rule": round(base, 4), f"cv_{name}_selector": round(acc, 4)}
    model = LinearDecider(weights, round(float(clf.intercept_[0]), 5), t, meta)
    model.save(out)
    print(f"wrote {out.name} ({len(weights)} weights)")
    return model


def choices_by_group(prob: np.ndarray, keys: Sequence[Hashable], threshold: float,
                     fallback: Optional[np.ndarray] = None) -> Iterator[tuple[list[int], Optional[int]]]:
    """For each group of candidate rows sharing a key (one event, one executive): its rows and
    the row a selector would choose, the best-scoring one when it reaches ``threshold``, else
    the first row the rule picked (``fallback``), else None. The selectors' task measures
    are counted over these choices."""
    by_key: dict = {}
    for i, key in enumerate(keys):
        by_key.setdefault(key, []).append(i)
    for rows in by_key.values():
        best = max(rows, key=lambda i: prob[i])
        if prob[best] < threshold:
            best = next((i for i in rows if fallback is not None and fallback[i]), None)
        yield rows, best
