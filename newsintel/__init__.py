"""newsintel: companies, executives, regions, strategic events and tone from French and
English news, as typed records, tidy pandas tables, JSONL and Parquet.

    >>> import newsintel
    >>> record = newsintel.Pipeline().analyze("Navalis va transférer ses ingénieurs de Milan à Lisbonne.")
    >>> results = newsintel.analyze_folder("corpora/samples")

Heavy modules (spaCy, pandas) load on first use, so ``import newsintel`` stays fast.
"""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsintel")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

_EXPORTS = {
    "Pipeline": "newsintel.pipeline",
    "Config": "newsintel.config",
    "analyze_folder": "newsintel.batch",
    "iter_records": "newsintel.batch",
    "Results": "newsintel.results",
    "load_results": "newsintel.results",
    "read_paths": "newsintel.readers",
    "Article": "newsintel.records",
    "ArticleRecord": "newsintel.records",
    "Entity": "newsintel.records",
    "Mention": "newsintel.records",
    "Event": "newsintel.records",
    "Quantity": "newsintel.records",
    "TimeExpression": "newsintel.records",
    "Sentiment": "newsintel.records",
    "SentenceSentiment": "newsintel.records",
    "Span": "newsintel.records",
    "evaluate": "newsintel.evaluate",
    "load_schema": "newsintel.schema",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsintel' has no attribute {name!r}")


def __dir__():
    return __all__
