"""Language identification: langdetect with a fixed seed, on the start of the text.

langdetect samples n-grams at random; seeding its factory makes the same text always get
the same answer. Only the first ``max_chars`` characters are read: that is plenty for an
article and keeps detection fast on very long documents.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

SEED = 0
_lock = threading.Lock()
_ready = False


@dataclass(frozen=True)
class LanguageGuess:
    lang: str | None
    confidence: float


def _init() -> None:
    global _ready
    with _lock:
        if not _ready:
            from langdetect import DetectorFactory
            from langdetect.detector_factory import init_factory

            init_factory()
            DetectorFactory.seed = SEED
            _ready = True


def detect_language(text: str, *, max_chars: int = 2000) -> LanguageGuess:
    """The most likely language code of ``text`` (``None`` when there is nothing to judge)."""
    sample = text[:max_chars]
    if sum(c.isalpha() for c in sample) < 3:
        return LanguageGuess(None, 0.0)
    _init()
    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = detector_factory._factory.create()
        detector.append(sample)
        probs = detector.get_probabilities()
    except LangDetectException:
        return LanguageGuess(None, 0.0)
    if not probs:
        return LanguageGuess(None, 0.0)
    best = probs[0]
    return LanguageGuess(best.lang, round(float(best.prob), 4))

