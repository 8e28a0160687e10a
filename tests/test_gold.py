"""The gold corpus: every file is valid, and the validator catches broken annotations."""
from __future__ import annotations

import copy
import subprocess
import sys

import pytest

from newsintel.gold import load_gold, summarize, validate_article, validate_gold
from newsintel.taxonomy import EVENT_TYPES

from conftest import GOLD, ROOT


@pytest.fixture(scope="module")
def gold_articles():
    return load_gold(GOLD, strict=False)


def test_every_gold_article_is_valid():
    problems = validate_gold(GOLD)
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_compiled_gold_is_up_to_date_with_sources():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gold.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_corpus_size_and_coverage(gold_articles):
    for lang in ("fr", "en"):
        arts = [a for a in gold_articles if a["lang"] == lang]
        assert len(arts) >= 60, f"{lang}: {len(arts)} articles"
        assert {a["split"] for a in arts} == {"train", "dev", "test"}
        counts = {}
        for a in arts:
            for ev in a["events"]:
                counts[ev["type"]] = counts.get(ev["type"], 0) + 1
        missing = {t: counts.get(t, 0) for t in EVENT_TYPES if counts.get(t, 0) < 4}
        assert not missing, f"{lang}: event types seen fewer than 4 times: {missing}"
        modalities = {ev["modality"] for a in arts for ev in a["events"]}
        assert {"negated", "speculative", "reported", "planned", "asserted"} <= modalities
        words = [len(a["text"].split()) for a in arts]
        assert min(words) >= 120 and max(words) <= 760


def test_validator_catches_broken_annotations(gold_articles):
    good = next(a for a in gold_articles if a["executives"] and any(
        e["type"] in ("executive_appointment", "executive_departure") for e in a["events"]))
    assert validate_article(good) == []
    bad = copy.deepcopy(good)
    bad["entities"][0]["mentions"][0]["start"] += 1
    bad["entities"][0]["type"] = "brand"
    bad["events"][0]["type"] = "takeover"
    bad["executives"][0]["role"] = "boss"
    bad["sentiment"]["document"] = "great"
    messages = "\n".join(str(p) for p in validate_article(bad))
    for needle in ("offsets", "brand", "takeover", "boss", "great"):
        assert needle in messages
    missing_arg = copy.deepcopy(good)
    ev = next(e for e in missing_arg["events"] if e["type"] in ("executive_appointment", "executive_departure"))
    ev["arguments"].pop("person")
    assert any("person" in str(p) for p in validate_article(missing_arg))


def test_summary_counts(gold_articles):
    summary = summarize(gold_articles)
    assert set(summary) == {f"{lang}/{split}" for lang in ("fr", "en") for split in ("train", "dev", "test")}
    assert sum(v["articles"] for v in summary.values()) == len(gold_articles)
