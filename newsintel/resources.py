"""Where newsintel finds its data files and packaged models.

Hand-written data (taxonomy, lexicons, trigger lists) ships inside the package under
``newsintel/data``. Built model artifacts live in the project's ``models/`` folder, which is
installed as ``newsintel/models`` in a regular install and read in place in a source checkout;
``NEWSINTEL_MODELS`` points elsewhere.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def data_path(*parts: str) -> Path:
    """Path of a file shipped in ``newsintel/data``."""
    return DATA_DIR.joinpath(*parts)


@lru_cache(maxsize=None)
def load_yaml(*parts: str):
    with data_path(*parts).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    """Given names (``data/first_names.txt``): tell a person's name from a place or a company."""
    text = data_path("first_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def models_dir() -> Path:
    """The folder holding packaged model artifacts (gazetteer, trained classifiers)."""
    env = os.environ.get("NEWSINTEL_MODELS")
    if env:
        return Path(env)
    for candidate in (PACKAGE_DIR / "models", PACKAGE_DIR.parent / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "newsintel's models folder was not found; reinstall the package or set NEWSINTEL_MODELS"
    )


def model_path(*parts: str) -> Path:
    return models_dir().joinpath(*parts)
