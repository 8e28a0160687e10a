"""``newsintel_sentences``: places where a sentence cannot start, set before the parser runs.

The French base model's parser sometimes opens a new sentence in the middle of one: between
a company name and its verb ("Le distributeur alimentaire Marchéval | a publié"), inside a
hyphenated name ("Soo | -ah Park"), or at a comma. About one French sentence in eight of
the gold corpus was cut that way, and every later stage (roles, event arguments, sentence
sentiment) reads sentences. This component marks the tokens that cannot open a sentence (a
comma or closing punctuation, a word that follows no sentence-final mark or line break) and
the capitalized words that follow a full stop or open a paragraph, which do; the parser
keeps its other decisions.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NEVER_FIRST = {",", ";", ":", ")", "]", "}", "%", "»", "”", "-", "–", "…"}
OPENS_CLAUSE = {",", ";", "(", "«", "“", "-", "–", "/"}
FULL_STOPS = {".", "!", "?"}
SENTENCE_FINAL = {".", "!", "?", "…", "»", "”", '"', "'", ")"}


@Language.factory("newsintel_sentences")
def make_sentence_guard(nlp: Language, name: str):
    return SentenceGuard(name=name)


class SentenceGuard:
    """Marks tokens that cannot start a sentence (see the module docstring)."""

    def __init__(self, name: str = "newsintel_sentences"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP"):
            return doc  # already parsed (a document analysed again after its batch failed)
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if tok.is_space:
                tok.is_sent_start = False  # a blank line ends the sentence before it
                continue
            if "\n" in prev.text or "\n" in prev.whitespace_:
                last = prev if not prev.is_space else (doc[prev.i - 1] if prev.i > 0 else prev)
                if tok.text[:1].isupper() or tok.text[:1].isdigit() or last.text in SENTENCE_FINAL:
                    tok.is_sent_start = True  # a new paragraph (also one opening with a quotation mark)
                continue  # a new line may start anything else too (a list item)
            if tok.text in NEVER_FIRST or prev.text in OPENS_CLAUSE or prev.text not in SENTENCE_FINAL:
                tok.is_sent_start = False  # news sentences end with a mark: no mark, no new sentence
            elif prev.text in FULL_STOPS and prev.whitespace_ and (tok.text[:1].isupper() or tok.text[:1].isdigit()):
                tok.is_sent_start = True  # a capital after a full stop ("M." and "Inc." are one token)
        return doc
