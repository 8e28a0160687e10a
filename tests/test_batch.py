"""analyze_folder on a folder of bad inputs: every document gets a record, none is lost."""
from __future__ import annotations

import pytest

from newsintel import analyze_folder


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-inputs")
    (root / "good.txt").write_text("Navalis va transférer 180 ingénieurs de Milan à Lisbonne, a annoncé le groupe mardi.", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    (root / "undecodable.txt").write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D] * 40 + [0x01, 0x02, 0x03, 0x04] * 50))
    (root / "menu.html").write_text("<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a> "
                                    "<a href='/eco'>Économie</a></nav></body></html>", encoding="utf-8")
    (root / "huge.txt").write_bytes(b"Navalis ferme son usine. " * (20 * 1024 * 1024 // 25 + 1))
    (root / "feed.jsonl").write_text('{"text": "Orbis Analytics will move 250 engineers from Dublin to Warsaw next year."}\n'
                                     '{"text": broken\n{"title": "no text"}\n', encoding="utf-8")
    (root / "german.md").write_text("---\ntitle: Verlagerung\n---\nDie Firma Navalis verlagert ihre Ingenieure von Mailand nach "
                                    "Lissabon, teilte das Unternehmen am Dienstag mit.", encoding="utf-8")
    (root / "latin1.txt").write_bytes("Le chiffre d'affaires de Veltis a progressé de 12 % en 2024, à Besançon.".encode("latin-1"))
    (root / "gone.txt").symlink_to(root / "missing-target.txt")
    return root


@pytest.fixture(scope="module")
def bad_results(bad_folder, pipeline):
    return analyze_folder(bad_folder, pipeline=pipeline)


def test_one_record_per_input_document(bad_results):
    by_doc = {r.doc_id: r for r in bad_results.records}
    assert len(bad_results.records) == 12  # 10 files, the JSONL holding 3 documents
    expected = {
        "good.txt": ("ok", None),
        "latin1.txt": ("ok", None),
        "feed.jsonl#L1": ("ok", None),
        "empty.txt": ("empty", "the document has no text"),
        "binary.txt": ("error", "binary content"),
        "undecodable.txt": ("error", "undecodable"),
        "menu.html": ("error", "no article text found in the HTML page"),
        "huge.txt": ("error", "above the 10 MB limit"),
        "feed.jsonl#L2": ("error", "line 2 is not valid JSON"),
        "feed.jsonl#L3": ("error", "no text field"),
        "german.md": ("unsupported_language", "language 'de'"),
        "gone.txt": ("error", "cannot read file"),
    }
    for doc_id, (status, message) in expected.items():
        rec = by_doc[doc_id]
        assert rec.status == status, (doc_id, rec.status, rec.error)
        if message:
            assert message in rec.error, (doc_id, rec.error)


def test_errors_table_lists_every_failed_document(bad_results):
    errors = bad_results.errors
    assert len(errors) == 9
    assert set(errors["status"]) == {"empty", "error", "unsupported_language"}
    assert errors["error"].notna().all()
    assert len(bad_results.articles) == 12


def test_good_documents_in_a_bad_batch_are_fully_analysed(bad_results):
    latin = next(r for r in bad_results.records if r.doc_id == "latin1.txt")
    assert "Besançon" in latin.text and latin.language == "fr"
    assert any(ev.type == "financial_results" for ev in latin.events)
    good = next(r for r in bad_results.records if r.doc_id == "good.txt")
    assert good.events_of("relocation")
