"""The ``transformers`` sentiment backend: any Hugging Face text-classification model.

``TransformersModel("cardiffnlp/twitter-xlm-roberta-base-sentiment")`` loads a model by hub
name (users with internet) or from a local folder (offline), maps its labels to newsintel's
(``positive``, ``negative``, ``neutral``; star ratings and ``LABEL_0``-style names are
understood, and ``label_map`` overrides), scores sentences in batches, truncates long ones,
and runs on the GPU when one is present (``device="cpu"`` forces the CPU). Document and
entity labels are aggregated from sentences by the component, as for the other backends.
Needs the optional extra: ``pip install "newsintel[transformers]"``.
"""
from __future__ import annotations

import re
from typing import Optional

DEFAULT_AGGREGATION = {"doc_threshold": 0.1, "mixed_share": 0.3, "mixed_max_score": 0.3, "entity_threshold": 0.15}
MAX_LENGTH = 256


def normalize_label(raw: str, n_labels: int, index: int) -> Optional[str]:
    """newsintel's label for a model label name (None when it cannot be told)."""
    name = raw.lower().strip()
    if name.startswith(("pos", "favorable", "bull")):
        return "positive"
    if name.startswith(("neg", "unfavorable", "bear")):
        return "negative"
    if name.startswith(("neu", "none", "mixed")):
        return "neutral"
    stars = re.match(r"(\d)\s*star", name)
    if stars:
        n = int(stars.group(1))
        return "negative" if n <= 2 else "neutral" if n == 3 else "positive"
    if re.fullmatch(r"label_\d+", name) and n_labels in (2, 3):
        order = ["negative", "positive"] if n_labels == 2 else ["negative", "neutral", "positive"]
        return order[index]
    return None


class TransformersModel:
    """Sentence sentiment from a Hugging Face sequence-classification model."""

    name = "transformers"
    aggregation = DEFAULT_AGGREGATION

    def __init__(self, model: str, *, device: Optional[str] = None, label_map: Optional[dict] = None, batch_size: int = 32):
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError('the transformers backend needs: pip install "newsintel[transformers]"') from exc
        self.torch = torch
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model)
            self.model = AutoModelForSequenceClassification.from_pretrained(model)
        except OSError as exc:
            raise OSError(
                f"cannot load the sentiment model {model!r}: give a local folder holding the model, or a hub "
                f"name with internet access (offline, only cached models load). Details: {exc}"
            ) from exc
        self.model.eval()
        if device is None:
            device = "cuda" if torch.cuda.is_available() else "cpu"
        self.device = device
        self.model.to(device)
        self.batch_size = batch_size
        id2label = self.model.config.id2label
        n = len(id2label)
        self.labels = []
        for i in range(n):
            raw = id2label[i]
            label = (label_map or {}).get(raw) or normalize_label(raw, n, i)
            if label is None:
                raise ValueError(f"cannot map model label {raw!r} to positive/negative/neutral; pass label_map")
            self.labels.append(label)

    def score(self, texts: list[str], lexicon_scores: list[float], events=None) -> list[tuple[str, float]]:
        out: list[tuple[str, float]] = []
        torch = self.torch
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start:start + self.batch_size]
            enc = self.tokenizer(batch, padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
            enc = {k: v.to(self.device) for k, v in enc.items()}
            with torch.no_grad():
                probs = torch.softmax(self.model(**enc).logits, dim=-1).cpu().numpy()
            for row in probs:
                totals = {"positive": 0.0, "negative": 0.0, "neutral": 0.0}
                for label, p in zip(self.labels, row):
                    totals[label] += float(p)
                label = max(totals, key=totals.get)
                out.append((label, totals["positive"] - totals["negative"]))
        return out
