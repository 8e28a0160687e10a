"""Shared fixtures: one Pipeline and one run over the bundled samples for the whole session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpora" / "samples"
GOLD = ROOT / "corpora" / "gold"


@pytest.fixture(scope="session")
def pipeline():
    from newsintel import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def sample_results(pipeline):
    from newsintel import analyze_folder

    return analyze_folder(SAMPLES, pipeline=pipeline)


@pytest.fixture(scope="session")
def sample_records(sample_results):
    return {Path(r.doc_id).name if r.doc_id else r.source: r for r in sample_results.records}
