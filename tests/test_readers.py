"""Readers: every format, encodings, folder walking, and every kind of bad input."""
from __future__ import annotations

import json
import os

import pytest

from newsintel.readers import decode_bytes, iter_files, normalize_date, read_file, read_paths, ReadError

from conftest import SAMPLES


def test_txt_title_and_body(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Navalis quitte Milan\n\nLe groupe Navalis transfère ses équipes.\n", encoding="utf-8")
    (art,) = read_file(p)
    assert art.title == "Navalis quitte Milan"
    assert art.text == "Le groupe Navalis transfère ses équipes."
    assert art.error is None and art.encoding == "utf-8"


def test_txt_without_title_keeps_first_sentence(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Le groupe Navalis transfère ses équipes.\n\nSuite du texte.", encoding="utf-8")
    (art,) = read_file(p)
    assert art.title is None
    assert art.text.startswith("Le groupe Navalis")


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: Klipo ferme Klipo Market\ndate: 2025-03-18\n---\n\nKlipo a **fermé** son service.\n", encoding="utf-8")
    (art,) = read_file(p)
    assert art.title == "Klipo ferme Klipo Market"
    assert art.published == "2025-03-18"
    assert art.text == "Klipo a fermé son service."


def test_html_main_text_title_and_date():
    (art,) = read_file(SAMPLES / "fr" / "ardena-nomination.html")
    assert art.error is None
    assert art.published == "2025-01-09"
    assert "Claire Fontaine" in art.text
    assert art.title
    # navigation and footer links stay out of the article text
    assert "Mentions légales" not in art.text or "Claire Fontaine" in art.text


def test_html_without_article_is_an_error(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>", encoding="utf-8")
    (art,) = read_file(p)
    assert art.error == "no article text found in the HTML page"


def test_json_object_and_list(tmp_path):
    p = tmp_path / "one.json"
    p.write_text(json.dumps({"id": "x1", "title": "T", "date": "27/02/2025", "url": "https://ex.fr/a", "content": "Texte."}), encoding="utf-8")
    (art,) = read_file(p)
    assert (art.doc_id, art.title, art.published, art.source, art.text) == ("x1", "T", "2025-02-27", "https://ex.fr/a", "Texte.")
    p2 = tmp_path / "many.json"
    p2.write_text(json.dumps([{"text": "Un."}, {"text": "Deux."}]), encoding="utf-8")
    arts = list(read_file(p2))
    assert [a.text for a in arts] == ["Un.", "Deux."]
    assert [a.doc_id.rsplit("/", 1)[-1] for a in arts] == ["many.json#0", "many.json#1"]


def test_jsonl_bad_line_does_not_stop_the_file(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text('{"text": "Premier."}\n{not json\n\n{"title": "sans texte"}\n{"text": "Dernier."}\n', encoding="utf-8")
    arts = list(read_file(p))
    assert len(arts) == 4
    assert arts[0].text == "Premier." and arts[0].error is None
    assert arts[1].error.startswith("line 2 is not valid JSON") and arts[1].doc_id.endswith("feed.jsonl#L2")
    assert "no text field" in arts[2].error
    assert arts[3].text == "Dernier."


def test_cp1252_file_is_detected():
    (art,) = read_file(SAMPLES / "fr" / "hanwei-retrait-allemagne.txt")
    assert art.error is None
    assert art.encoding == "cp1252"
    assert "€" in art.text and "’" in art.text and "é" in art.text


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin_encodings_decode(encoding):
    text = "Le chiffre d'affaires a progressé de 12 % à Besançon, déclare la société."
    decoded, used = decode_bytes(text.encode(encoding))
    assert decoded == text


def test_empty_file_gives_empty_text(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    (art,) = read_file(p)
    assert art.text == "" and art.error is None  # the pipeline gives it status "empty"


def test_binary_file_is_an_error(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (art,) = read_file(p)
    assert art.error.startswith("binary content")


def test_undecodable_bytes_are_an_error():
    with pytest.raises(ReadError, match="undecodable|binary"):
        decode_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D] * 40 + [0x01, 0x02, 0x03, 0x04] * 50))


def test_large_file_is_refused_with_its_size(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(b"Navalis. " * (20 * 1024 * 1024 // 9 + 1))
    (art,) = read_file(p, max_file_mb=10)
    assert art.error.startswith("file is 20.0 MB, above the 10 MB limit")


def test_unreadable_file_is_an_error(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "does-not-exist.txt")
    arts = list(read_paths([tmp_path]))
    assert len(arts) == 1
    assert arts[0].error.startswith("cannot read file")


def test_missing_path_is_an_error(tmp_path):
    (art,) = read_paths([tmp_path / "nope"])
    assert art.error == "no such file or folder"


def test_folder_walk_is_sorted_recursive_and_survives_symlink_loops(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "2.txt").write_text("deux", encoding="utf-8")
    (tmp_path / "a" / "1.md").write_text("un", encoding="utf-8")
    (tmp_path / "a" / "skip.png").write_bytes(b"x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("caché", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "b" / "loop")
    files = [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)]
    assert files == ["a/1.md", "b/2.txt"]


def test_samples_folder_reads_every_document():
    arts = list(read_paths([SAMPLES]))
    assert len(arts) == 14  # 12 files, two of them JSONL with two articles each
    assert all(a.error is None for a in arts)
    assert len({a.doc_id for a in arts}) == 14


@pytest.mark.parametrize("value,expected", [
    ("2025-03-18", "2025-03-18"),
    ("2025-01-09T08:00:00+01:00", "2025-01-09T08:00:00+01:00"),
    ("18 March 2025", "2025-03-18"),
    ("", None),
    ("not a date", None),
])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_a_crashing_extractor_gives_an_error_article(tmp_path, monkeypatch):
    import newsintel.readers as readers

    def broken(html, url=None):
        raise ImportError("lxml.html.clean module is now a separate project")

    monkeypatch.setattr(readers, "parse_html", broken)
    (tmp_path / "a.html").write_text("<html><body><p>Texte.</p></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Un texte.", encoding="utf-8")
    arts = list(read_paths([tmp_path]))
    assert [a.doc_id for a in arts] == ["a.html", "b.txt"]
    assert arts[0].error.startswith("HTML extraction failed: ImportError")
    assert arts[1].error is None
