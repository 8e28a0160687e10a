"""User alias files: names that must be merged, typed and named the user's way.

An alias file lists entities with their canonical name, their other names and their type,
and optionally identifiers (a ticker, a LEI, a CRM id) that are copied to the records:

CSV (``aliases`` separated by ``|``; any further column is an identifier)::

    canonical,type,aliases,ticker
    Meta Platforms,company,Meta|Facebook's parent|Meta Platforms Inc.,META

YAML::

    - canonical: Meta Platforms
      type: company
      aliases: [Meta, "Facebook's parent"]
      identifiers: {ticker: META}

Every occurrence of a listed name becomes a mention of that entity, whatever the statistical
model said, and the entity's ``entity_id`` follows from the canonical name, so the
folder-level tables aggregate all its names together.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .taxonomy import ENTITY_TYPES


@dataclass(frozen=True)
class AliasEntry:
    canonical: str
    type: str
    aliases: tuple[str, ...]
    identifiers: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.aliases)


def load_aliases(path: str | Path) -> list[AliasEntry]:
    """The entries of a CSV or YAML alias file; ``ValueError`` names the faulty row."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        raw = []
        for row in rows:
            extra = {k: v for k, v in row.items() if k not in ("canonical", "type", "aliases") and v}
            raw.append({"canonical": row.get("canonical"), "type": row.get("type"),
                        "aliases": [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()],
                        "identifiers": extra})
    elif path.suffix.lower() in (".yaml", ".yml"):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    else:
        raise ValueError(f"alias files are .csv or .yaml, not {path.suffix or 'no extension'}")
    entries = []
    for n, item in enumerate(raw, 1):
        canonical = str(item.get("canonical") or "").strip()
        etype = str(item.get("type") or "company").strip()
        if not canonical:
            raise ValueError(f"{path.name}: entry {n} has no canonical name")
        if etype not in ENTITY_TYPES:
            raise ValueError(f"{path.name}: entry {n} ({canonical}) has type {etype!r}; use one of {', '.join(ENTITY_TYPES)}")
        aliases = tuple(str(a).strip() for a in item.get("aliases") or [] if str(a).strip())
        entries.append(AliasEntry(canonical, etype, aliases, dict(item.get("identifiers") or {})))
    return entries
