"""Accuracy floors on the gold test split: a score falling below its floor fails the suite.

The floors (tests/floors.json) are the last measured scores minus a small margin; raise them
with scripts/update_floors.py after an improvement. Timings are never tested here.
"""
from __future__ import annotations

import json

import pytest

from conftest import GOLD, ROOT

FLOORS = json.loads((ROOT / "tests" / "floors.json").read_text())


@pytest.fixture(scope="module")
def report(pipeline):
    from newsintel.evaluate import evaluate

    return evaluate(GOLD, split="test", by_lang=True, baselines=False, pipeline=pipeline)


def _metric(report_lang: dict, name: str) -> float:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from update_floors import TRACKED, lookup

    path = next(p for p, n in TRACKED.items() if n == name)
    return lookup(report_lang, path)


CASES = [(lang, name) for lang, floors in FLOORS["languages"].items() for name in floors if not name.startswith("_")]


@pytest.mark.parametrize("lang,name", CASES, ids=[f"{l}-{n}" for l, n in CASES])
def test_score_stays_above_floor(report, lang, name):
    floor = FLOORS["languages"][lang][name]
    score = _metric(report["languages"][lang], name)
    assert score >= floor, f"{lang} {name}: {score:.3f} fell below its floor {floor:.3f}"


def test_evaluation_report_shape(report):
    assert set(report["languages"]) == {"fr", "en"}
    for r in report["languages"].values():
        assert r["articles"] == 30
        assert r["entities"]["exact"]["all"]["gold"] > 400
        assert 0 <= r["events"]["type"]["f1"] <= 1
