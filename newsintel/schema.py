"""The JSON Schema of ``ArticleRecord.to_dict()``, and validation against it.

The schema is derived from the record dataclasses (field types, enums from the taxonomy) by
:func:`build_schema`; the copy shipped as ``data/article_record.schema.json`` is what
users and other tools read, and a test keeps the two identical.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache
from pathlib import Path

from . import records

SCHEMA_FILE = Path(__file__).resolve().parent / "data" / "article_record.schema.json"
SCHEMA_ID = "https://newsintel.dev/schema/article_record-{}.json"

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _type_schema(hint, defs: dict, meta: typing.Mapping | None = None) -> dict:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        sub = _type_schema(inner[0], defs, meta)
        return {"anyOf": [sub, {"type": "null"}]}
    if origin is list:
        (item,) = typing.get_args(hint)
        return {"type": "array", "items": _type_schema(item, defs)}
    if origin is dict:
        return {"type": "object"}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        _class_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    out = {"type": _SCALARS[hint]}
    if meta and "enum" in meta:
        out["enum"] = list(meta["enum"])
    return out


def _class_schema(cls, defs: dict) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls)
    props, required = {}, []
    for f in dataclasses.fields(cls):
        props[f.name] = _type_schema(hints[f.name], defs, f.metadata)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    doc = (cls.__doc__ or "").strip().split("\n")[0]
    defs[cls.__name__] = {
        "type": "object",
        "description": doc,
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }


def build_schema() -> dict:
    """The JSON Schema of an ``ArticleRecord`` dict, built from the dataclasses."""
    defs: dict = {}
    _class_schema(records.ArticleRecord, defs)
    top = defs.pop("ArticleRecord")
    top["properties"]["schema_version"]["const"] = records.SCHEMA_VERSION
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.format(records.SCHEMA_VERSION),
        "title": "newsintel ArticleRecord",
        **top,
        "$defs": dict(sorted(defs.items())),
    }


@lru_cache(maxsize=1)
def load_schema() -> dict:
    """The schema shipped with the package."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def schema_errors(record_dict: dict) -> list[str]:
    """Every way ``record_dict`` breaks the schema, as readable messages (empty when valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema())
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}"
        for e in sorted(validator.iter_errors(record_dict), key=lambda e: list(e.absolute_path))
    ]


def write_schema(path: Path = SCHEMA_FILE) -> Path:
    path.write_text(json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema())
