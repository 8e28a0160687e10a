"""``newsintel_sentiment``: the tone of sentences, of the document, of each entity and event.

Every sentence gets a label and a score in [-1, 1] from the configured backend (see
``newsintel.sentiment``: ``encoder`` by default, ``lexicon``, or ``transformers``); the
lexicon score and the events found in the sentence are given to the backend as features.
Sentences are then aggregated: the document label from the mean score and the balance of
polar sentences (``mixed`` when good and bad news weigh alike; for the ``encoder`` backend, a
trained document model that also weighs the news the article's events report), each entity's label from the
sentences that mention it (blended with the article's tone as the backend's aggregation
settings say, or, for the ``encoder`` backend, by a trained model that also weighs the events
the entity takes part in: ``newsintel.sentiment.targets``), and each event's polarity from its
sentence. Batches of documents are scored together, so the encoder embeds all their sentences
in one call.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..linear import LinearClassifier
from ..records import SentenceSentiment, Sentiment
from ..sentiment import load_backend
from ..sentiment.encoder import document_probabilities
from ..sentiment.lexicon import LexiconScorer, label_of
from ..sentiment.targets import entity_features, mention_roles


@Language.factory(
    "newsintel_sentiment",
    default_config={"backend": "encoder", "model": None, "device": None, "label_map": None},
    assigns=["doc._.ni_sentiment"],
)
def make_sentiment_scorer(nlp: Language, name: str, backend: str, model: Optional[str], device: Optional[str], label_map: Optional[dict]):
    return SentimentScorer(nlp, name=name, backend=backend, model=model, device=device, label_map=label_map)


class SentimentScorer:
    """Sentence, document, entity and event sentiment (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "newsintel_sentiment", backend: str = "encoder",
                 model: Optional[str] = None, device: Optional[str] = None, label_map: Optional[dict] = None):
        self.name = name
        self.lang = nlp.lang
        self.lexicon = LexiconScorer(nlp.vocab, nlp.lang)
        self.model = load_backend(backend, model=model, device=device, label_map=label_map)
        self.agg = self.model.aggregation
        entity_model = self.agg.get("entity_model")
        self.entity_model = LinearClassifier.from_dict(entity_model) if entity_model else None

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._score_batch(batch)
                batch = []
        if batch:
            yield from self._score_batch(batch)

    def _score_batch(self, docs: list[Doc]) -> list[Doc]:
        texts, lex, owners, cues = [], [], [], []
        spans = []
        titled = self.agg.get("document_model") is not None
        for n, doc in enumerate(docs):
            if titled and doc._.ni_title and doc._.ni_title.strip():
                texts.append(doc._.ni_title.strip())  # the headline's tone, for the document model
                lex.append(0.0)
                owners.append(n)
                spans.append(None)
                cues.append(())
            hits = self.lexicon.phrase_hits(doc)
            by_sentence: dict[int, list] = {}
            for ev in doc._.ni_events or []:
                by_sentence.setdefault(ev.sentence, []).append(ev)
            for k, sent in enumerate(doc.sents):
                texts.append(sent.text.strip() or ".")
                lex.append(self.lexicon.score_sentence(sent, hits))
                owners.append(n)
                spans.append((sent.start_char, sent.end_char))
                cues.append(by_sentence.get(k, ()))
        scored = self.model.score(texts, lex, cues) if texts else []
        per_doc: list[list[SentenceSentiment]] = [[] for _ in docs]
        title_score = [0.0] * len(docs)
        for n, span, (label, score) in zip(owners, spans, scored):
            if span is None:
                title_score[n] = score
            else:
                per_doc[n].append(SentenceSentiment(span[0], span[1], label, round(score, 4)))
        for doc, sentences, headline in zip(docs, per_doc, title_score):
            doc._.ni_sentiment, document_probs = self._document(sentences, headline, doc._.ni_events or [])
            self._targets(doc, sentences, document_probs)
        return docs

    def _document(self, sentences: list[SentenceSentiment], title_score: float = 0.0,
                  events: Sequence = ()) -> tuple[Sentiment, Optional[dict]]:
        """The document's sentiment, and its label's probabilities when a document model gives them."""
        if not sentences:
            return Sentiment("neutral", 0.0, []), None
        agg = self.agg
        mean = sum(s.score for s in sentences) / len(sentences)
        pos = sum(1 for s in sentences if s.label == "positive")
        neg = sum(1 for s in sentences if s.label == "negative")
        score = max(-1.0, min(1.0, mean))
        if agg.get("document_model"):
            probs = document_probabilities(agg["document_model"], [s.score for s in sentences],
                                           [s.label for s in sentences], title_score, events)
            return Sentiment(max(probs, key=probs.get), round(score, 4), sentences), probs
        label = label_of(score, agg["doc_threshold"])
        if pos and neg and min(pos, neg) / (pos + neg) >= agg["mixed_share"] and abs(score) < agg["mixed_max_score"]:
            label = "mixed"
        return Sentiment(label, round(score, 4), sentences), None

    def _targets(self, doc: Doc, sentences: list[SentenceSentiment], document_probs: Optional[dict] = None) -> None:
        for ev in doc._.ni_events or []:
            if ev.sentence < len(sentences):
                ev.polarity = sentences[ev.sentence].score
        threshold = self.agg["entity_threshold"]
        article_weight = self.agg.get("entity_article_weight", 0.0)
        article = doc._.ni_sentiment.score if doc._.ni_sentiment else 0.0
        entities = doc._.ni_entities or []
        model = self.entity_model
        if model is not None:
            scores = [s.score for s in sentences]
            labels = [s.label for s in sentences]
            companies = [e for e in entities if e.type == "company" and not e.source_role]
            top = max(companies, key=lambda e: e.salience).entity_id if companies else None
            events = doc._.ni_events or []
        for ent in entities:
            idx = sorted({m.sentence for m in ent.mentions if m.sentence < len(sentences)})
            if not idx:
                continue
            own = sum(sentences[i].score for i in idx) / len(idx)
            score = (1 - article_weight) * own + article_weight * article  # the story's tone colours each party
            ent.sentiment_score = round(score, 4)
            ent.sentiment_sentences = idx
            if model is not None:
                features = entity_features(ent, idx, scores, labels, events, top, mention_roles(doc, ent), document_probs)
                probs = model.probabilities(features)
                ent.sentiment_label = max(probs, key=probs.get)
                ent.sentiment_score = round(probs.get("positive", 0.0) - probs.get("negative", 0.0), 4)
            else:
                ent.sentiment_label = label_of(score, threshold)
