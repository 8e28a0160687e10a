#!/usr/bin/env python
"""Set the accuracy floors in ``tests/floors.json`` from a fresh evaluation of the test split.

Each floor is the measured score minus a small margin, so that a change that makes a score
drop fails the tests while run-to-run noise does not. Run it after an improvement:

    python scripts/update_floors.py [--margin 0.02]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# metric path in the report -> floor name
TRACKED = {
    "entities.exact.company.f1": "company_f1",
    "entities.exact.executive.f1": "executive_mention_f1",
    "entities.exact.region.f1": "region_f1",
    "entities.exact.all.f1": "entities_f1",
    "entities.region_code_accuracy": "region_code_accuracy",
    "executives.f1": "executive_f1",
    "events.type.f1": "event_type_f1",
    "events.all_arguments.f1": "event_all_arguments_f1",
    "events.modality_accuracy_negated_speculative": "modality_negated_speculative",
    "sentiment.document.macro_f1": "document_sentiment_macro_f1",
    "sentiment.sentence.macro_f1": "sentence_sentiment_macro_f1",
    "sentiment.entity.accuracy": "entity_sentiment_accuracy",
}


def lookup(report: dict, path: str) -> float:
    value = report
    for part in path.split("."):
        value = value[part]
    return float(value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--margin", type=float, default=0.02)
    args = ap.parse_args()
    from newsintel.evaluate import evaluate

    report = evaluate(ROOT / "corpora" / "gold", split="test", by_lang=True, baselines=False)
    floors = {"margin": args.margin, "split": "test", "languages": {}}
    for lang, r in report["languages"].items():
        floors["languages"][lang] = {
            name: max(0.0, math.floor((lookup(r, path) - args.margin) * 1000) / 1000) for path, name in TRACKED.items()
        }
        floors["languages"][lang]["_measured"] = {name: lookup(r, path) for path, name in TRACKED.items()}
    out = ROOT / "tests" / "floors.json"
    out.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
