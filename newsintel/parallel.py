"""Running a pipeline in several worker processes.

Each worker builds its own ``Pipeline`` from the configuration (models are loaded once per
worker) and turns chunks of articles into records; chunks come back in input order. Records
are plain dataclasses, so only they cross process boundaries, never spaCy ``Doc`` objects.
"""
from __future__ import annotations

import itertools
import multiprocessing
from typing import Iterable, Iterator

from .config import Config
from .records import Article, ArticleRecord

_worker_pipeline = None


def _init_worker(config: Config) -> None:
    global _worker_pipeline
    from .pipeline import Pipeline

    _worker_pipeline = Pipeline(config)


def _run_chunk(args: tuple[list[Article], int]) -> list[ArticleRecord]:
    chunk, batch_size = args
    return _worker_pipeline.process_chunk(chunk, batch_size)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def pipe_parallel(config: Config, articles: Iterable[Article], *, batch_size: int, n_process: int) -> Iterator[ArticleRecord]:
    """Records for ``articles`` computed by ``n_process`` workers, in input order."""
    ctx = multiprocessing.get_context("spawn")
    chunk_size = batch_size * 4
    with ctx.Pool(n_process, initializer=_init_worker, initargs=(config,)) as pool:
        jobs = ((chunk, batch_size) for chunk in _chunks(articles, chunk_size))
        for records in pool.imap(_run_chunk, jobs):
            yield from records
