"""Batch runs: files and folders in, ``Results`` out.

``analyze_folder`` reads every supported file under the given paths (recursively, in a
fixed order), analyses the articles with one ``Pipeline`` and returns ``Results``. Every
input document yields exactly one record, an error record when it could not be read or
analysed, so counts always add up.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from .config import Config
from .pipeline import Pipeline
from .readers import read_paths
from .records import ArticleRecord
from .results import Results

PathLike = Union[str, Path]


def iter_records(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    pipeline: Optional[Pipeline] = None,
    config: Union[Config, dict, str, None] = None,
    lang: Optional[str] = None,
    batch_size: Optional[int] = None,
    n_process: Optional[int] = None,
    on_record: Optional[Callable[[ArticleRecord], None]] = None,
) -> Iterator[ArticleRecord]:
    """Stream the records of every document under ``paths``."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    pipeline = pipeline or Pipeline(config)
    articles = read_paths(paths, max_file_mb=pipeline.config.max_file_mb)
    if lang:
        articles = (_with_lang(a, lang) for a in articles)
    for record in pipeline.pipe(articles, batch_size=batch_size, n_process=n_process):
        if on_record is not None:
            on_record(record)
        yield record


def _with_lang(article, lang):
    article.lang = article.lang or lang
    return article


def analyze_folder(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    pipeline: Optional[Pipeline] = None,
    config: Union[Config, dict, str, None] = None,
    lang: Optional[str] = None,
    batch_size: Optional[int] = None,
    n_process: Optional[int] = None,
    progress: bool = False,
) -> Results:
    """Analyse every article under ``paths`` (folders are walked recursively).

    >>> results = analyze_folder("corpora/samples")          # doctest: +SKIP
    >>> results.events[["type", "actor", "countries"]]         # doctest: +SKIP
    """
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="analysing", leave=False, dynamic_ncols=True)
    try:
        records = list(iter_records(
            paths, pipeline=pipeline, config=config, lang=lang, batch_size=batch_size,
            n_process=n_process, on_record=(lambda r: bar.update(1)) if bar is not None else None,
        ))
    finally:
        if bar is not None:
            bar.close()
    return Results(records)
