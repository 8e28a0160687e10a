"""Readers: turn files and folders into ``Article`` objects.

Supported: ``.txt``, ``.md``/``.markdown`` (YAML front matter), ``.html``/``.htm`` (main text
via trafilatura), ``.json`` (an object or a list of objects) and ``.jsonl``. Bytes are
decoded as UTF-8 when they are UTF-8 and otherwise detected (latin-1 and cp1252 French
articles are common). A file that cannot be read becomes an ``Article`` whose ``error`` says
why, so every input document reaches the output as a record or an error entry.
"""
from __future__ import annotations

import json
import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .records import Article

TEXT_EXTENSIONS = (".txt", ".text")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm")
JSON_EXTENSIONS = (".json",)
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + MARKDOWN_EXTENSIONS + HTML_EXTENSIONS + JSON_EXTENSIONS + JSONL_EXTENSIONS

DEFAULT_MAX_FILE_MB = 10.0
MIN_HTML_WORDS = 12  # less main text than this is navigation or boilerplate, not an article
TEXT_FIELDS = ("text", "content", "body", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "published_at", "datetime", "pubdate")
URL_FIELDS = ("url", "link", "source")
ID_FIELDS = ("id", "doc_id", "article_id", "uuid")


class ReadError(Exception):
    """A file that cannot be turned into text; the message is shown to the user."""


# --- decoding -------------------------------------------------------------------------

def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text and name the encoding used.

    UTF-8 (with or without BOM) is tried first; otherwise charset-normalizer picks the
    encoding, and Windows-1252 is preferred over its look-alikes for Western text. Raises
    ``ReadError`` for binary content and for bytes no encoding explains.
    """
    if b"\x00" in data[:8192]:
        raise ReadError("binary content (NUL bytes): not a text document")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("undecodable bytes: the encoding could not be detected")
    encoding = best.encoding.lower().replace("_", "-")
    # Latin-1 and its Windows sibling differ only in 0x80-0x9F, where cp1252 has the euro sign
    # and typographic quotes that French articles use; latin-1 would give control characters.
    if encoding in ("latin-1", "iso8859-1", "iso-8859-1", "iso8859-15", "iso-8859-15", "cp1250", "windows-1250"):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    text = str(best)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(5, len(text) // 100):
        raise ReadError(f"undecodable bytes: detected {encoding} gives control characters, likely binary")
    return text, encoding


def read_text_file(path: Path, max_file_mb: float = DEFAULT_MAX_FILE_MB) -> tuple[str, str]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from exc
    if size > max_file_mb * 1024 * 1024:
        raise ReadError(
            f"file is {size / 1024 / 1024:.1f} MB, above the {max_file_mb:g} MB limit (raise max_file_mb to read it)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from exc
    return decode_bytes(data)


# --- metadata helpers -----------------------------------------------------------------

def normalize_date(value) -> str | None:
    """An ISO 8601 date or datetime string from whatever a file gives, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        try:
            return datetime.utcfromtimestamp(float(value)).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    from dateutil import parser as dateparser

    try:
        parsed = dateparser.parse(text, dayfirst=not re.match(r"\d{4}", text))
    except (ValueError, OverflowError):
        return None
    if parsed.hour == parsed.minute == parsed.second == 0 and parsed.tzinfo is None:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _first(mapping: dict, keys: Iterable[str]):
    for key in keys:
        value = mapping.get(key)
        if value not in (None, ""):
            return value
    return None


def article_from_mapping(obj, *, source: str, doc_id: str) -> Article:
    """An ``Article`` from a JSON object with text/content, title, date/published, url, id."""
    if not isinstance(obj, dict):
        return Article(source=source, doc_id=doc_id, error=f"expected a JSON object, found {type(obj).__name__}")
    text = _first(obj, TEXT_FIELDS)
    oid = _first(obj, ID_FIELDS)
    url = _first(obj, URL_FIELDS)
    art = Article(
        text=text if isinstance(text, str) else "",
        title=str(_first(obj, TITLE_FIELDS)) if _first(obj, TITLE_FIELDS) is not None else None,
        published=normalize_date(_first(obj, DATE_FIELDS)),
        source=str(url) if url else source,
        doc_id=str(oid) if oid is not None else doc_id,
        lang=obj.get("lang") or obj.get("language"),
    )
    if text is None:
        art.error = f"no text field (expected one of: {', '.join(TEXT_FIELDS)})"
    elif not isinstance(text, str):
        art.error = f"the text field holds {type(text).__name__}, not a string"
    return art


# --- one reader per format -------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*(?:\n|\Z)", re.S)


def parse_plain_text(text: str) -> tuple[str | None, str]:
    """Split a leading title line from the body: a short first line followed by a blank line."""
    lines = text.lstrip("\ufeff\n").split("\n", 2)
    if len(lines) >= 3 and lines[1].strip() == "":
        first = lines[0].strip()
        if 0 < len(first) <= 200 and not first.endswith((".", ":", ";")):
            return first, lines[2]
    return None, text


def parse_markdown(text: str) -> tuple[dict, str]:
    """YAML front matter (as a dict) and the body, with a leading ``# Title`` taken as title."""
    meta: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
            meta = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            meta = {}
        text = text[m.end():]
    heading = re.match(r"\s*#\s+(.+?)\s*\n", text)
    if heading:
        meta.setdefault("title", heading.group(1))
        text = text[heading.end():]
    body = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)  # sub-headings become plain lines
    body = re.sub(r"(\*\*|__)(.+?)\1", r"\2", body)
    body = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", body)
    return meta, body


def parse_html(html: str, url: str | None = None) -> tuple[str, str | None, str | None]:
    """Main text, title and date of an HTML page; ``ReadError`` when it holds no article."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise ReadError("no article text found in the HTML page")
    return text, getattr(doc, "title", None), getattr(doc, "date", None)


def read_file(path: str | Path, *, root: Path | None = None, max_file_mb: float = DEFAULT_MAX_FILE_MB) -> Iterator[Article]:
    """Every article in one file (one, except for ``.json`` lists and ``.jsonl``)."""
    path = Path(path)
    name = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    ext = path.suffix.lower()
    try:
        text, encoding = read_text_file(path, max_file_mb)
    except ReadError as exc:
        yield Article(source=str(path), doc_id=name, error=str(exc))
        return
    if ext in JSONL_EXTENSIONS:
        yield from _read_jsonl(text, path, name, encoding)
    elif ext in JSON_EXTENSIONS:
        yield from _read_json(text, path, name, encoding)
    elif ext in HTML_EXTENSIONS:
        try:
            body, title, published = parse_html(text)
        except ReadError as exc:
            yield Article(source=str(path), doc_id=name, error=str(exc), encoding=encoding)
            return
        except Exception as exc:  # the HTML extractor failing must not stop the batch
            yield Article(source=str(path), doc_id=name, encoding=encoding,
                          error=f"HTML extraction failed: {type(exc).__name__}: {exc}")
            return
        yield Article(text=body, title=title, published=normalize_date(published), source=str(path), doc_id=name, encoding=encoding)
    elif ext in MARKDOWN_EXTENSIONS:
        meta, body = parse_markdown(text)
        yield Article(
            text=body.strip("\n"),
            title=str(meta["title"]) if meta.get("title") else None,
            published=normalize_date(_first(meta, DATE_FIELDS)),
            source=str(meta.get("url") or path),
            doc_id=name,
            lang=meta.get("lang") or meta.get("language"),
            encoding=encoding,
        )
    else:
        title, body = parse_plain_text(text)
        yield Article(text=body.strip("\n"), title=title, source=str(path), doc_id=name, encoding=encoding)


def _read_json(text: str, path: Path, name: str, encoding: str) -> Iterator[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Article(source=str(path), doc_id=name, error=f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    items = data if isinstance(data, list) else [data]
    if not items:
        yield Article(source=str(path), doc_id=name, error="the JSON file holds an empty list")
    for i, obj in enumerate(items):
        art = article_from_mapping(obj, source=str(path), doc_id=name if len(items) == 1 else f"{name}#{i}")
        art.encoding = encoding
        yield art


def _read_jsonl(text: str, path: Path, name: str, encoding: str) -> Iterator[Article]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        yield Article(source=str(path), doc_id=name, error="empty JSONL file: no line holds a document")
    for n, line in lines:
        doc_id = f"{name}#L{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Article(source=str(path), doc_id=doc_id, error=f"line {n} is not valid JSON: {exc.msg}")
            continue
        art = article_from_mapping(obj, source=str(path), doc_id=doc_id)
        art.encoding = encoding
        yield art


# --- folders ---------------------------------------------------------------------------

def iter_files(root: str | Path, extensions: Iterable[str] = SUPPORTED_EXTENSIONS) -> Iterator[Path]:
    """Files under ``root`` with a supported extension, in sorted order.

    Hidden files and folders are skipped; symbolic links to folders are followed once, so a
    link loop cannot make the walk run forever.
    """
    root = Path(root)
    exts = tuple(e.lower() for e in extensions)
    seen: set[tuple[int, int]] = set()

    def walk(folder: Path) -> Iterator[Path]:
        try:
            st = folder.stat()
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
            elif path.suffix.lower() in exts:
                yield path

    yield from walk(root)


def read_paths(paths: Iterable[str | Path], *, max_file_mb: float = DEFAULT_MAX_FILE_MB) -> Iterator[Article]:
    """Articles from files and folders, in order: folders are walked, files are read as given.

    A path that does not exist yields an error article, like any other unreadable input.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for file in iter_files(path):
                yield from _read_safely(file, path, max_file_mb)
        elif path.exists() or path.is_symlink():
            yield from _read_safely(path, None, max_file_mb)
        else:
            yield Article(source=str(path), doc_id=str(path), error="no such file or folder")


def _read_safely(path: Path, root: Path | None, max_file_mb: float) -> Iterator[Article]:
    """``read_file``, with any unexpected failure turned into an error article."""
    produced = 0
    try:
        for article in read_file(path, root=root, max_file_mb=max_file_mb):
            produced += 1
            yield article
    except Exception as exc:
        name = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        yield Article(source=str(path), doc_id=name if not produced else f"{name}#rest",
                      error=f"reading failed: {type(exc).__name__}: {exc}")
