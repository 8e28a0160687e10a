"""Sentence-level sentiment models behind the ``newsintel_sentiment`` component.

Three backends share one interface, ``score(texts, lexicon_scores, events=None) -> [(label,
score)]`` with labels positive / negative / neutral and scores in [-1, 1]; ``events`` holds, per
text, the events found in it, for backends that weigh them (``encoder``):

- ``lexicon``: the business-news lexicon alone (``newsintel.sentiment.lexicon``);
- ``encoder`` (default): a classifier trained by ``scripts/train_sentiment.py`` on the gold train and
  dev splits, over multilingual sentence embeddings plus the lexicon score
  (``newsintel.sentiment.encoder``, weights in ``models/sentiment-encoder``);
- ``transformers``: any Hugging Face text-classification model, by hub name or local folder
  (``newsintel.sentiment.hf``).
"""
from __future__ import annotations

from typing import Optional

BACKENDS = ("lexicon", "encoder", "transformers")


def load_backend(name: str, *, model: Optional[str] = None, device: Optional[str] = None, label_map: Optional[dict] = None):
    """The sentence model called ``name`` (see the module docstring)."""
    if name == "lexicon":
        from .lexicon import LexiconModel

        return LexiconModel()
    if name == "encoder":
        from .encoder import EncoderModel

        return EncoderModel.load(model)
    if name == "transformers":
        from .hf import TransformersModel

        if not model:
            raise ValueError("the transformers sentiment backend needs sentiment_model: a hub name or a local folder")
        return TransformersModel(model, device=device, label_map=label_map)
    raise ValueError(f"unknown sentiment backend {name!r}; choose one of {', '.join(BACKENDS)}")
