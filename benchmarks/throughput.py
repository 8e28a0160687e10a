#!/usr/bin/env python
"""Throughput and peak memory of newsintel against plain spaCy on the same texts.

Texts: every gold article (French and English), repeated to reach ``--docs`` documents.
Each configuration runs in its own subprocess so that peak memory (max RSS) is its own:

- ``spacy``: the base models alone, ``nlp.pipe`` per language (the floor newsintel builds on);
- ``newsintel``: ``Pipeline.pipe`` on the same texts (language detection, all components,
  record building).

    python benchmarks/throughput.py [--docs 400] [--batch-size 16] [--n-process 1] [--out benchmarks/results/latest.json]
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_texts(n: int) -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from newsintel.gold import load_gold

    arts = load_gold(ROOT / "corpora" / "gold", strict=False)
    out = []
    while len(out) < n:
        out.extend({"text": a["text"], "lang": a["lang"]} for a in arts)
    return out[:n]


def run_one(kind: str, n: int, batch_size: int, n_process: int) -> dict:
    texts = load_texts(n)
    chars = sum(len(t["text"]) for t in texts)
    if kind == "spacy":
        import spacy

        from newsintel.config import DEFAULT_MODELS

        nlps = {lang: spacy.load(model) for lang, model in DEFAULT_MODELS.items()}
        for lang, nlp in nlps.items():  # warm-up: first calls allocate
            list(nlp.pipe(t["text"] for t in texts[:8] if t["lang"] == lang))
        start = time.perf_counter()
        for lang, nlp in nlps.items():
            for _ in nlp.pipe((t["text"] for t in texts if t["lang"] == lang), batch_size=batch_size, n_process=n_process):
                pass
        elapsed = time.perf_counter() - start
    else:
        from newsintel import Pipeline

        pipeline = Pipeline()
        list(pipeline.pipe(texts[:8]))  # loading models and encoders is not throughput
        start = time.perf_counter()
        records = list(pipeline.pipe(texts, batch_size=batch_size, n_process=n_process))
        elapsed = time.perf_counter() - start
        assert all(r.status == "ok" for r in records), [r.error for r in records if r.status != "ok"][:3]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "docs": n, "chars": chars, "seconds": round(elapsed, 2),
            "docs_per_s": round(n / elapsed, 2), "chars_per_s": round(chars / elapsed), "peak_rss_mb": round(peak_mb)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "latest.json"))
    ap.add_argument("--only", choices=("spacy", "newsintel"))
    args = ap.parse_args()
    if args.only:
        print(json.dumps(run_one(args.only, args.docs, args.batch_size, args.n_process)))
        return 0
    rows = []
    for kind in ("spacy", "newsintel"):
        done = subprocess.run([sys.executable, __file__, "--only", kind, "--docs", str(args.docs),
                               "--batch-size", str(args.batch_size), "--n-process", str(args.n_process)],
                              capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(rows[-1])
    report = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": __import__("os").cpu_count()},
        "batch_size": args.batch_size, "n_process": args.n_process, "runs": rows,
        "throughput_ratio_newsintel_vs_spacy": round(rows[1]["docs_per_s"] / rows[0]["docs_per_s"], 3),
    }
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n")
    print(f"newsintel runs at {report['throughput_ratio_newsintel_vs_spacy']:.0%} of plain spaCy's throughput")
    return 0


if __name__ == "__main__":
    sys.exit(main())
