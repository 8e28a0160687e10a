"""Results: tidy tables, writing jsonl / parquet / csv atomically, and reading back."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from newsintel import load_results
from newsintel.results import MANIFEST_FILE, RECORDS_FILE, Results, atomic_path


def test_tables_are_tidy_and_join_on_article_id(sample_results):
    arts, ents, events, mentions = sample_results.articles, sample_results.entities, sample_results.events, sample_results.mentions
    assert len(arts) == len(sample_results.records) == 14
    assert arts["article_id"].is_unique
    assert set(ents["article_id"]) <= set(arts["article_id"])
    assert set(events["article_id"]) <= set(arts["article_id"])
    assert not ents.duplicated(["article_id", "entity_id"]).any()
    assert len(mentions) == sum(len(e.mentions) for r in sample_results.records for e in r.entities)
    assert str(arts["published"].dtype).startswith("datetime64")
    assert str(events["quantity_value"].dtype) == "Float64"
    for col in ("actor", "target", "person", "role", "locations", "origin", "destination", "countries",
                "quantity_value", "quantity_unit", "time_value", "modality", "tense"):
        assert col in events.columns
    assert (arts["status"] == "ok").all()
    assert sample_results.errors.empty


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_write_and_load_round_trip(sample_results, tmp_path, fmt):
    out = sample_results.write(tmp_path / fmt, fmt)
    manifest = json.loads((out / MANIFEST_FILE).read_text())
    assert manifest["documents"] == 14 and manifest["format"] == fmt
    back = load_results(out)
    assert [r.to_dict() for r in back.records] == [r.to_dict() for r in sample_results.records]
    if fmt == "parquet":
        events = pd.read_parquet(out / "events.parquet")
        assert len(events) == len(sample_results.events)
        assert list(events.columns) == list(sample_results.events.columns)
        arts = pd.read_parquet(out / "articles.parquet")
        assert set(arts["article_id"]) == set(sample_results.articles["article_id"])
    if fmt == "csv":
        assert len(pd.read_csv(out / "entities.csv")) == len(sample_results.entities)


def test_interrupted_write_leaves_no_complete_looking_file(tmp_path):
    target = tmp_path / "records.jsonl"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text('{"half": ')
            raise RuntimeError("interrupted")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_folder_without_manifest_is_refused(tmp_path, sample_results):
    sample_results.to_jsonl(tmp_path / RECORDS_FILE)
    with pytest.raises(FileNotFoundError, match="manifest"):
        load_results(tmp_path)
    assert len(load_results(tmp_path / RECORDS_FILE)) == 14


def test_empty_results_have_typed_empty_tables():
    res = Results([])
    assert res.events.empty and "actor" in res.events.columns
    assert res.summary()["documents"] == 0
