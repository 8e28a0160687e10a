"""The ``newsintel`` command line: ``analyze``, ``evaluate`` and ``schema``.

It mirrors the Python API (``analyze`` is ``analyze_folder`` plus ``Results.write``) and
adds a progress bar, a closing summary and exit codes a script can test.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

EXIT_OK = 0
EXIT_DOCUMENT_ERRORS = 1
EXIT_USAGE = 2
EXIT_NO_INPUT = 3
EXIT_SETUP = 4

EPILOG_ANALYZE = """\
exit codes:
  0  every document was read (some may be empty or in an unsupported language)
  1  some documents could not be read or analysed (see errors in the output)
  2  wrong arguments
  3  no document found under the given paths
  4  a model or the configuration could not be loaded

examples:
  newsintel analyze corpora/samples --out out/
  newsintel analyze articles/ more.jsonl --out out/ --format parquet
  newsintel analyze articles/ --out out/ --model en=en_core_web_trf --n-process 2
"""


def _version() -> str:
    from . import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsintel",
        description="Companies, executives, regions, strategic events and tone from French and English news.",
    )
    parser.add_argument("--version", action="version", version=f"newsintel {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    an = sub.add_parser(
        "analyze",
        help="analyse articles in files and folders and write records and tables",
        description="Analyse every article in the given files and folders (.txt, .md, .html, .json, .jsonl; "
        "folders are read recursively) and write the records and tidy tables to --out.",
        epilog=EPILOG_ANALYZE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    an.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    an.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder (created if needed)")
    an.add_argument("--format", "-f", choices=("jsonl", "parquet", "csv"), default="jsonl",
                    help="table format; records.jsonl is always written (default: jsonl)")
    an.add_argument("--lang", choices=("fr", "en"), help="treat documents without a language field as this language instead of detecting it")
    an.add_argument("--config", metavar="FILE", help="configuration file (.toml, .yaml or .json)")
    an.add_argument("--model", action="append", default=[], metavar="LANG=MODEL",
                    help="spaCy model for a language, e.g. fr=fr_core_news_lg (repeatable)")
    an.add_argument("--sentiment", choices=("encoder", "lexicon", "transformers"),
                    help="sentence sentiment backend (default: encoder; lexicon is fastest)")
    an.add_argument("--sentiment-model", metavar="NAME_OR_DIR",
                    help="Hugging Face model for --sentiment transformers: a hub name or a local folder")
    an.add_argument("--aliases", metavar="FILE", help="alias file (.csv or .yaml) merging entity names your way")
    an.add_argument("--batch-size", type=int, metavar="N", help="documents per spaCy batch")
    an.add_argument("--n-process", type=int, metavar="N", help="worker processes (default 1)")
    an.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")

    ev = sub.add_parser(
        "evaluate",
        help="score the pipeline against an annotated gold corpus",
        description="Precision, recall and F1 of entities, executives, events and sentiment against gold "
        "annotations, beside the plain spaCy baseline.",
    )
    ev.add_argument("gold", metavar="GOLD", help="gold corpus folder or .jsonl file (e.g. corpora/gold)")
    ev.add_argument("--split", choices=("train", "dev", "test", "all"), default="test", help="which split to score (default: test)")
    ev.add_argument("--by-lang", action="store_true", help="one table per language")
    ev.add_argument("--json", metavar="OUT", help="also write the full report as JSON")
    ev.add_argument("--config", metavar="FILE", help="configuration file")
    ev.add_argument("--no-baseline", action="store_true", help="skip the plain spaCy and keyword baselines")

    sc = sub.add_parser("schema", help="print the JSON Schema of an article record")
    sc.add_argument("--out", metavar="FILE", help="write it to a file instead")
    return parser


def _config(args) -> "object":
    from .config import Config

    config = Config.from_file(args.config) if getattr(args, "config", None) else Config()
    for item in getattr(args, "model", []) or []:
        if "=" not in item:
            raise SystemExit(f"newsintel: --model takes LANG=MODEL, not {item!r}")
        lang, model = item.split("=", 1)
        config.models[lang.strip()] = model.strip()
    if getattr(args, "sentiment", None):
        config.sentiment = args.sentiment
    if getattr(args, "sentiment_model", None):
        config.sentiment_model = args.sentiment_model
        config.sentiment = args.sentiment or "transformers"
    if getattr(args, "aliases", None):
        config.aliases = args.aliases
    if getattr(args, "batch_size", None):
        config.batch_size = args.batch_size
    if getattr(args, "n_process", None):
        config.n_process = args.n_process
    return config


def cmd_analyze(args) -> int:
    from .batch import iter_records
    from .nlp import ModelNotFound
    from .pipeline import Pipeline
    from .results import Results

    try:
        pipeline = Pipeline(_config(args))
    except (ValueError, OSError) as exc:
        print(f"newsintel: configuration error: {exc}", file=sys.stderr)
        return EXIT_SETUP
    missing = [p for p in args.paths if not Path(p).exists()]
    for p in missing:
        print(f"newsintel: {p}: no such file or folder", file=sys.stderr)
    bar = None
    if not args.quiet and (sys.stderr.isatty() or _force_progress()):
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="analysing", file=sys.stderr, dynamic_ncols=True)
    try:
        records = list(iter_records(args.paths, pipeline=pipeline, lang=args.lang,
                                    on_record=(lambda r: bar.update(1)) if bar else None))
    except ModelNotFound as exc:
        print(f"newsintel: {exc}", file=sys.stderr)
        return EXIT_SETUP
    finally:
        if bar is not None:
            bar.close()
    results = Results(records)
    if not records:
        print("newsintel: no document found under the given paths", file=sys.stderr)
        return EXIT_NO_INPUT
    out = results.write(args.out, args.format)
    if not args.quiet:
        _print_summary(results, out, args.format)
    missing_model = next((r for r in records if (r.error or "").startswith("ModelNotFound")), None)
    if missing_model is not None:  # records were written, but a whole language could not run
        print(f"newsintel: {missing_model.error}", file=sys.stderr)
        return EXIT_SETUP
    return EXIT_DOCUMENT_ERRORS if any(r.status == "error" for r in records) else EXIT_OK


def _force_progress() -> bool:
    import os

    return os.environ.get("NEWSINTEL_PROGRESS") == "1"


def _print_summary(results, out: Path, fmt: str) -> None:
    s = results.summary()
    langs = ", ".join(f"{n} {lang}" for lang, n in sorted(s["by_language"].items())) or "none"
    statuses = ", ".join(f"{n} {st}" for st, n in sorted(s["by_status"].items()) if st != "ok")
    lines = [
        f"newsintel: {s['documents']} documents, {s['ok']} analysed ({langs})",
        f"  entities: {s['entities']}   events: {s['events']}   not analysed: {s['errors']}" + (f" ({statuses})" if statuses else ""),
        f"  written to {out}/ ({fmt}; records.jsonl, manifest.json" + (", one file per table" if fmt != "jsonl" else "") + ")",
    ]
    for r in results.records:
        if r.status != "ok":
            lines.append(f"  - {r.doc_id or r.source}: {r.status}: {r.error}")
    print("\n".join(lines[:3 + 20]), file=sys.stderr)
    if len(lines) > 23:
        print(f"  ... and {len(lines) - 23} more (see errors table)", file=sys.stderr)


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, format_report

    report = evaluate(args.gold, split=None if args.split == "all" else args.split, config=_config(args),
                      by_lang=args.by_lang, baselines=not args.no_baseline)
    print(format_report(report))
    if args.json:
        from .results import atomic_path

        with atomic_path(Path(args.json)) as tmp:
            tmp.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return EXIT_OK


def cmd_schema(args) -> int:
    from .schema import load_schema

    text = json.dumps(load_schema(), indent=2, ensure_ascii=False)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    handler = {"analyze": cmd_analyze, "evaluate": cmd_evaluate, "schema": cmd_schema}[args.command]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
