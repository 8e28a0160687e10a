"""The newsintel taxonomy, read once from ``data/taxonomy.yaml``.

Entity types, roles, region kinds, event types with their arguments, modalities, tenses and
sentiment labels. Everything that checks or produces labels imports them from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .resources import load_yaml

_DATA = load_yaml("taxonomy.yaml")

ENTITY_TYPES: tuple[str, ...] = tuple(_DATA["entity_types"])
REGION_KINDS: tuple[str, ...] = tuple(_DATA["region_kinds"])
ROLES: tuple[str, ...] = tuple(_DATA["roles"])
MODALITIES: tuple[str, ...] = tuple(_DATA["modalities"])
TENSES: tuple[str, ...] = tuple(_DATA["tenses"])
SENTIMENT_LABELS: tuple[str, ...] = tuple(_DATA["sentiment_labels"])
QUANTITY_UNITS: tuple[str, ...] = tuple(_DATA["quantity_units"])
QUANTITY_DIRECTIONS: tuple[str, ...] = tuple(_DATA["quantity_directions"])
EVENT_TYPES: tuple[str, ...] = tuple(_DATA["event_types"])
# the tone such news usually carries for its actor: a clue for the document sentiment model
EVENT_TONE: dict[str, str] = {name: entry.get("usual_tone", "neutral") for name, entry in _DATA["event_types"].items()}
SUBSUMES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in (_DATA.get("subsumes") or {}).items()}
ENTITY_ARGUMENTS = ("actor", "target", "person", "product", "locations", "origin", "destination")
VALUE_ARGUMENTS = ("role", "quantity", "time")


@dataclass(frozen=True)
class EventSpec:
    """What an event type is and which arguments it takes."""

    name: str
    description: str
    arguments: tuple[str, ...]
    required: tuple[str, ...]


@lru_cache(maxsize=None)
def event_spec(name: str) -> EventSpec:
    entry = _DATA["event_types"][name]
    return EventSpec(name, entry["description"], tuple(entry["arguments"]), tuple(entry["required"]))
