"""Fast matching of lemma sequences, shared by the event, modality and sentiment lookups.

Trigger lists and lexicons are written as lowercase lemma sequences ("mettre en pause",
"pull out"). ``LemmaPhraseMatcher`` finds them on the lemmas of a doc, and also on its
lowercased words (the lemmatizer leaves some forms alone), with two hash-based
``PhraseMatcher``s: far faster than a token-pattern ``Matcher`` with thousands of patterns.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab


def apostrophe_variants(text: str) -> list[str]:
    """``text`` and its spellings with the other apostrophe ("d'État" and "d’État"): news
    text uses both, and matching on words (not lemmas) must find either."""
    variants = [text]
    for a, b in (("'", "’"), ("’", "'")):
        if a in text and text.replace(a, b) not in variants:
            variants.append(text.replace(a, b))
    return variants


class LemmaPhraseMatcher:
    """Matches lemma sequences (and the same words as lowercase text) in docs."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.by_lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.by_lower = PhraseMatcher(vocab, attr="LOWER")
        self.keys: dict[int, str] = {}
        self._pending: dict[str, list[list[str]]] = defaultdict(list)

    def add(self, key: str, phrases: Iterable[str]) -> None:
        for phrase in phrases:
            words = str(phrase).lower().split()
            if words:
                self._pending[key].append(words)

    def _flush(self) -> None:
        for key, phrases in self._pending.items():
            self.keys[self.vocab.strings.add(key)] = key
            self.by_lemma.add(key, [Doc(self.vocab, words=w, lemmas=w) for w in phrases])
            self.by_lower.add(key, [Doc(self.vocab, words=v.split()) for w in phrases
                                    for v in apostrophe_variants(" ".join(w))])
        self._pending.clear()

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(key, start, end) for every match, without duplicates, in text order."""
        if self._pending:
            self._flush()
        found = {(k, s, e) for k, s, e in self.by_lemma(doc)} | {(k, s, e) for k, s, e in self.by_lower(doc)}
        return sorted(((self.keys[k], s, e) for k, s, e in found), key=lambda m: (m[1], m[2]))
