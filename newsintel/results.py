"""``Results``: the records of a batch, their tables, and reading and writing them.

An output folder holds ``records.jsonl`` (every record, lossless), the tables as Parquet or
CSV files, and ``manifest.json`` (written last: counts, format, versions). Every file is
written to a temporary name and renamed into place, so an interrupted run never leaves a
half-written file that looks complete. ``load_results(folder)`` reads a folder back.
"""
from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from .records import SCHEMA_VERSION, ArticleRecord
from .tables import TABLES

RECORDS_FILE = "records.jsonl"
MANIFEST_FILE = "manifest.json"
FORMATS = ("jsonl", "parquet", "csv")


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed to ``path`` only if the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_jsonl(records: Iterable[ArticleRecord], path: Path) -> int:
    n = 0
    with atomic_path(Path(path)) as tmp, tmp.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(path: Path) -> list[ArticleRecord]:
    with Path(path).open(encoding="utf-8") as fh:
        return [ArticleRecord.from_dict(json.loads(line)) for line in fh if line.strip()]


class Results:
    """The records of a batch, with tidy tables as attributes.

    ``results.articles``, ``.entities``, ``.mentions``, ``.events``, ``.sentences`` and
    ``.errors`` are pandas DataFrames built on first access; all join on ``article_id``.
    """

    def __init__(self, records: Iterable[ArticleRecord]):
        self.records: list[ArticleRecord] = list(records)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self):
        return iter(self.records)

    def __repr__(self) -> str:
        s = self.summary()
        return f"<Results {s['documents']} documents, {s['ok']} analysed, {s['entities']} entities, {s['events']} events, {s['errors']} errors>"

    @cached_property
    def articles(self) -> pd.DataFrame:
        return TABLES["articles"](self.records)

    @cached_property
    def entities(self) -> pd.DataFrame:
        return TABLES["entities"](self.records)

    @cached_property
    def mentions(self) -> pd.DataFrame:
        return TABLES["mentions"](self.records)

    @cached_property
    def events(self) -> pd.DataFrame:
        return TABLES["events"](self.records)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return TABLES["sentences"](self.records)

    @cached_property
    def errors(self) -> pd.DataFrame:
        return TABLES["errors"](self.records)

    def table(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}")
        return getattr(self, name)

    def summary(self) -> dict:
        """Counts for a closing report: documents, per status, per language, entities, events."""
        by_lang: dict[str, int] = {}
        by_status: dict[str, int] = {}
        for r in self.records:
            by_status[r.status] = by_status.get(r.status, 0) + 1
            if r.status == "ok":
                by_lang[r.language or "?"] = by_lang.get(r.language or "?", 0) + 1
        return {
            "documents": len(self.records),
            "ok": by_status.get("ok", 0),
            "by_status": by_status,
            "by_language": by_lang,
            "entities": sum(len(r.entities) for r in self.records),
            "events": sum(len(r.events) for r in self.records),
            "errors": sum(n for s, n in by_status.items() if s != "ok"),
        }

    # --- writing --------------------------------------------------------------------
    def to_jsonl(self, path: str | Path) -> Path:
        """Write every record as one JSON line (the lossless form)."""
        path = Path(path)
        write_jsonl(self.records, path)
        return path

    def to_parquet(self, folder: str | Path) -> Path:
        """Write records.jsonl, one Parquet file per table, and the manifest."""
        return self._write_folder(Path(folder), "parquet")

    def to_csv(self, folder: str | Path) -> Path:
        """Write records.jsonl, one CSV file per table, and the manifest."""
        return self._write_folder(Path(folder), "csv")

    def write(self, folder: str | Path, format: str = "jsonl") -> Path:
        """Write an output folder in ``format`` (jsonl: records and manifest only)."""
        if format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        return self._write_folder(Path(folder), format)

    def _write_folder(self, folder: Path, fmt: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        manifest_path = folder / MANIFEST_FILE
        if manifest_path.exists():
            manifest_path.unlink()  # the folder is incomplete until the new manifest is written
        write_jsonl(self.records, folder / RECORDS_FILE)
        files = [RECORDS_FILE]
        if fmt in ("parquet", "csv"):
            for name in TABLES:
                target = folder / f"{name}.{fmt}"
                with atomic_path(target) as tmp:
                    df = self.table(name)
                    if fmt == "parquet":
                        df.to_parquet(tmp, index=False)
                    else:
                        df.to_csv(tmp, index=False)
                files.append(target.name)
        from . import __version__

        manifest = {
            "newsintel_version": __version__,
            "schema_version": SCHEMA_VERSION,
            "format": fmt,
            "files": files,
            **self.summary(),
        }
        with atomic_path(manifest_path) as tmp:
            tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return folder


def load_results(path: str | Path) -> Results:
    """Read back an output folder (or a records.jsonl file) written by newsintel."""
    path = Path(path)
    if path.is_dir():
        if not (path / MANIFEST_FILE).exists():
            raise FileNotFoundError(f"{path} has no {MANIFEST_FILE}: not a complete newsintel output folder")
        path = path / RECORDS_FILE
    return Results(read_jsonl(path))
