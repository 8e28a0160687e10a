"""Lexicon sentiment: business-news word scores with negation, intensity and contrast.

``LexiconScorer`` scores spaCy sentences from ``data/sentiment/lexicon_{lang}.tsv`` (lemmas
and multi-word lemma sequences) and ``modifiers.yaml``: a negator flips the words after it
(French also looks just after the verb: "ne progresse pas"), intensifiers and diminishers
scale the next word, shifters turn a loss into good news ("réduire ses pertes"), and a
contrast word gives more weight to the main clause ("mais", "however") and less to the
conceded one ("malgré", "despite"). ``LexiconModel`` turns those scores into labels.
"""
from __future__ import annotations

import csv
import math

from spacy.tokens import Doc, Span

from ..matching import LemmaPhraseMatcher
from ..resources import data_path, load_yaml

POLAR_THRESHOLD = 0.15
NEG_WINDOW_BEFORE = 3
NEG_WINDOW_AFTER = {"fr": 2, "en": 0}


def load_lexicon(lang: str) -> dict[str, float]:
    """The ``term -> score`` lexicon of a language (multi-word terms are space-joined lemmas)."""
    path = data_path("sentiment", f"lexicon_{lang}.tsv")
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {row["term"].strip().lower(): float(row["score"]) for row in rows if row.get("term")}


def label_of(score: float, threshold: float = POLAR_THRESHOLD) -> str:
    if score >= threshold:
        return "positive"
    if score <= -threshold:
        return "negative"
    return "neutral"


class LexiconScorer:
    """Scores the sentences of a doc with the lexicon of its language."""

    def __init__(self, vocab, lang: str):
        self.lang = lang
        lexicon = load_lexicon(lang)
        self.words = {t: s for t, s in lexicon.items() if " " not in t}
        self.phrases = LemmaPhraseMatcher(vocab)
        self.phrase_scores: dict[str, float] = {}
        for term, score in lexicon.items():
            if " " in term:
                self.phrase_scores[term] = score
                self.phrases.add(term, [term])
        mods = load_yaml("sentiment", "modifiers.yaml")[lang]
        self.negators = {str(w).lower() for w in mods.get("negators", [])}
        self.intensifiers = {str(k).lower(): float(v) for k, v in (mods.get("intensifiers") or {}).items()}
        self.diminishers = {str(k).lower(): float(v) for k, v in (mods.get("diminishers") or {}).items()}
        self.contrast_before = {str(w).lower() for w in mods.get("contrast_before", [])}
        self.contrast_after = {str(w).lower() for w in mods.get("contrast_after", []) if " " not in str(w)}
        self.shifters = {str(k).lower() for k in (mods.get("shifters") or {})}

    def phrase_hits(self, doc: Doc) -> dict[int, tuple[int, float]]:
        hits: dict[int, tuple[int, float]] = {}
        for key, s, e in sorted(self.phrases(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if s not in hits:
                hits[s] = (e, self.phrase_scores[key])
        return hits

    def score_sentence(self, sent: Span, phrase_hits: dict[int, tuple[int, float]]) -> float:
        """A score in [-1, 1] for one sentence."""
        lemmas = [t.lemma_.lower() for t in sent]
        lowers = [t.lower_ for t in sent]
        n = len(sent)
        weights = [1.0] * n
        for k, (lem, low) in enumerate(zip(lemmas, lowers)):
            if lem in self.contrast_before or low in self.contrast_before:
                for j in range(k):
                    weights[j] *= 0.5
                for j in range(k + 1, n):
                    weights[j] *= 1.5
            elif lem in self.contrast_after or low in self.contrast_after:
                j = k + 1
                while j < n and not sent[j].is_punct:
                    weights[j] *= 0.4
                    j += 1
        total = 0.0
        skip_until = -1
        for k in range(n):
            i = sent.start + k
            if i < skip_until:
                continue
            if i in phrase_hits:
                end, score = phrase_hits[i]
                skip_until = end
            else:
                score = self.words.get(lemmas[k])
                if score is None:
                    score = self.words.get(lowers[k])
                if score is None:
                    continue
            lo = max(0, k - NEG_WINDOW_BEFORE)
            hi = min(n, k + 1 + NEG_WINDOW_AFTER.get(self.lang, 0))
            context = lemmas[lo:k] + lemmas[k + 1:hi]
            if any(w in self.negators for w in context) or any(w in self.negators for w in lowers[lo:k]):
                score = -0.8 * score
            if score < 0 and any(w in self.shifters for w in lemmas[max(0, k - 3):k]):
                score = -score
            if k > 0:
                prev = lemmas[k - 1]
                score *= self.intensifiers.get(prev, 1.0) * self.diminishers.get(prev, 1.0)
            total += score * weights[k]
        return math.tanh(total / 1.2)


class LexiconModel:
    """The lexicon score as the sentence model: fast, transparent, no training."""

    name = "lexicon"
    aggregation = {"doc_threshold": 0.1, "mixed_share": 0.3, "mixed_max_score": 0.3, "entity_threshold": POLAR_THRESHOLD}

    def score(self, texts: list[str], lexicon_scores: list[float], events=None) -> list[tuple[str, float]]:
        return [(label_of(s), s) for s in lexicon_scores]
