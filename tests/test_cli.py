"""The command line: analyze, exit codes, help, version, python -m."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from newsintel.cli import EXIT_DOCUMENT_ERRORS, EXIT_NO_INPUT, EXIT_OK, EXIT_USAGE, main

from conftest import SAMPLES


def test_analyze_samples_to_parquet(tmp_path, capsys):
    code = main(["analyze", str(SAMPLES), "--out", str(tmp_path), "--format", "parquet"])
    assert code == EXIT_OK
    err = capsys.readouterr().err
    assert "14 documents, 14 analysed (7 en, 7 fr)" in err
    events = pd.read_parquet(tmp_path / "events.parquet")
    assert {"relocation", "executive_appointment", "financial_results"} <= set(events["type"])
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["documents"] == 14 and manifest["format"] == "parquet"


def test_bad_inputs_are_reported_and_counted(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text("Navalis va transférer 180 ingénieurs de Milan à Lisbonne, a annoncé le groupe mardi.", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (src / "feed.jsonl").write_text('{"text": "Orbis will move 250 engineers from Dublin to Warsaw."}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out"
    code = main(["analyze", str(src), "--out", str(out), "--format", "csv", "-q"])
    assert code == EXIT_DOCUMENT_ERRORS
    arts = pd.read_csv(out / "articles.csv")
    assert len(arts) == 5  # every input document has a row
    assert sorted(arts["status"]) == ["empty", "error", "error", "ok", "ok"]
    errors = pd.read_csv(out / "errors.csv")
    assert len(errors) == 3
    assert any("binary content" in e for e in errors["error"])
    assert any("not valid JSON" in e for e in errors["error"])


def test_no_input_exit_code(tmp_path):
    (tmp_path / "in").mkdir()
    assert main(["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q"]) == EXIT_NO_INPUT


def test_usage_errors():
    assert main([]) == EXIT_USAGE
    with pytest.raises(SystemExit) as exc:
        main(["analyze", "x"])  # --out is required
    assert exc.value.code == EXIT_USAGE


def test_version_and_help_via_python_m():
    done = subprocess.run([sys.executable, "-m", "newsintel", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("newsintel ")
    helped = subprocess.run([sys.executable, "-m", "newsintel", "analyze", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0
    for needle in ("--format", "exit codes", "records.jsonl", "--model"):
        assert needle in helped.stdout


def test_schema_command(capsys):
    assert main(["schema"]) == EXIT_OK
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "newsintel ArticleRecord"


def test_missing_model_exit_code_and_records_still_written(tmp_path, capsys):
    from newsintel.cli import EXIT_SETUP

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Orbis Analytics will move 250 engineers from Dublin to Warsaw next year.", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["analyze", str(src), "--out", str(out), "--model", "en=en_core_web_not_installed", "-q"])
    assert code == EXIT_SETUP
    assert "not installed" in capsys.readouterr().err
    assert (out / "records.jsonl").exists() and (out / "manifest.json").exists()
