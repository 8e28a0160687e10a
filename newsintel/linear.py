"""A binary logistic model over named features, stored as JSON: newsintel's trained deciders.

Components that make a yes/no decision from hand-designed evidence (is this trigger a real
event? is this place one of the event's locations?) describe each case as a dict of feature
names to values. The weights are fitted by a training script (scikit-learn at training time
only) and saved with a threshold chosen on held-out folds; inference is a dictionary lookup,
so the library needs no training library and the model stays readable.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping


@dataclass
class LinearDecider:
    """``p = sigmoid(intercept + sum(weight[f] * value))``; a case is accepted when ``p >= threshold``."""

    weights: dict[str, float]
    intercept: float = 0.0
    threshold: float = 0.5
    meta: dict = field(default_factory=dict)

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def accepts(self, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"meta": self.meta, "threshold": self.threshold, "intercept": self.intercept,
                "weights": dict(sorted(self.weights.items()))}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "LinearDecider":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                   float(data["threshold"]), data.get("meta", {}))


@dataclass
class LinearClassifier:
    """Multinomial logistic model over named features: one weight dict per class."""

    classes: list[str]
    weights: list[dict[str, float]]
    intercepts: list[float]

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        logits = [b + sum(w.get(name, 0.0) * value for name, value in features.items())
                  for w, b in zip(self.weights, self.intercepts)]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def predict(self, features: Mapping[str, float]) -> str:
        probs = self.probabilities(features)
        return max(probs, key=probs.get)

    def to_dict(self) -> dict:
        return {"classes": self.classes, "intercepts": self.intercepts,
                "weights": [dict(sorted(w.items())) for w in self.weights]}

    @classmethod
    def from_dict(cls, data: Mapping) -> "LinearClassifier":
        return cls(list(data["classes"]), [{k: float(v) for k, v in w.items()} for w in data["weights"]],
                   [float(b) for b in data["intercepts"]])
