"""``newsintel_sentiment``: the tone of sentences, of the document, of each entity and event.

The default backend is a business-news lexicon per language (``data/sentiment/``) scored on
lemmas, with negation ("n'a pas progressé", "did not grow"), intensifiers and diminishers,
polarity shifters ("réduire ses pertes", "cut losses") and contrast ("malgré", "however":
the conceded clause weighs less). Entity sentiment is the tone of the sentences that mention
the entity; an event's polarity is the tone of its sentence.
"""
from __future__ import annotations

import csv
import math
from typing import Optional

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..records import SentenceSentiment, Sentiment
from ..resources import data_path, load_yaml

POLAR_THRESHOLD = 0.15
MIXED_SHARE = 0.3
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


@Language.factory(
    "newsintel_sentiment",
    default_config={"threshold": POLAR_THRESHOLD},
    assigns=["doc._.ni_sentiment"],
)
def make_sentiment_scorer(nlp: Language, name: str, threshold: float):
    return SentimentScorer(nlp, name=name, threshold=threshold)


class SentimentScorer:
    """Lexicon sentiment at sentence, document, entity and event level (see module docstring)."""

    def __init__(self, nlp: Language, name: str = "newsintel_sentiment", threshold: float = POLAR_THRESHOLD):
        self.name = name
        self.lang = nlp.lang
        self.threshold = threshold
        lexicon = load_lexicon(self.lang)
        self.words = {t: s for t, s in lexicon.items() if " " not in t}
        self.phrases = Matcher(nlp.vocab)
        self.phrase_scores: dict[int, float] = {}
        for n, (term, score) in enumerate(t for t in lexicon.items() if " " in t[0]):
            key = f"SENT{n}"
            self.phrase_scores[nlp.vocab.strings.add(key)] = score
            words = term.split()
            self.phrases.add(key, [[{"LEMMA": w} for w in words], [{"LOWER": w} for w in words]])
        mods = load_yaml("sentiment", "modifiers.yaml")[self.lang]
        self.negators = {str(w).lower() for w in mods.get("negators", [])}
        self.intensifiers = {str(k).lower(): float(v) for k, v in (mods.get("intensifiers") or {}).items()}
        self.diminishers = {str(k).lower(): float(v) for k, v in (mods.get("diminishers") or {}).items()}
        self.contrast_before = {str(w).lower() for w in mods.get("contrast_before", [])}
        self.contrast_after = {str(w).lower() for w in mods.get("contrast_after", []) if " " not in str(w)}
        self.shifters = {str(k).lower() for k in (mods.get("shifters") or {})}

    def score_sentence(self, sent: Span, phrase_hits: dict[int, tuple[int, float]]) -> float:
        """A score in [-1, 1] for one sentence."""
        doc = sent.doc
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

    def __call__(self, doc: Doc) -> Doc:
        phrase_hits: dict[int, tuple[int, float]] = {}
        for key, s, e in sorted(self.phrases(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if s not in phrase_hits:
                phrase_hits[s] = (e, self.phrase_scores[key])
        sentences: list[SentenceSentiment] = []
        scores: list[float] = []
        for sent in doc.sents:
            score = self.score_sentence(sent, phrase_hits)
            scores.append(score)
            sentences.append(SentenceSentiment(sent.start_char, sent.end_char, label_of(score, self.threshold), round(score, 4)))
        doc._.ni_sentiment = self._document(sentences)
        self._targets(doc, sentences)
        return doc

    def _document(self, sentences: list[SentenceSentiment]) -> Sentiment:
        if not sentences:
            return Sentiment("neutral", 0.0, [])
        polar = [s.score for s in sentences if s.label != "neutral"]
        mean = sum(s.score for s in sentences) / len(sentences)
        pos = sum(x for x in polar if x > 0)
        neg = -sum(x for x in polar if x < 0)
        score = max(-1.0, min(1.0, mean * 1.5))
        label = label_of(score, self.threshold / 1.5)
        if pos and neg and min(pos, neg) / (pos + neg) >= MIXED_SHARE and abs(score) < 0.3:
            label = "mixed"
        return Sentiment(label, round(score, 4), sentences)

    def _targets(self, doc: Doc, sentences: list[SentenceSentiment]) -> None:
        by_index = {n: s for n, s in enumerate(sentences)}
        for ent in doc._.ni_entities or []:
            idx = sorted({m.sentence for m in ent.mentions})
            vals = [by_index[i].score for i in idx if i in by_index]
            if not vals:
                continue
            score = sum(vals) / len(vals)
            ent.sentiment_score = round(score, 4)
            ent.sentiment_label = label_of(score, self.threshold)
            ent.sentiment_sentences = idx
        for ev in doc._.ni_events or []:
            s = by_index.get(ev.sentence)
            if s is not None:
                ev.polarity = s.score
