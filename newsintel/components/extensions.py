"""The ``Doc`` extension attributes that newsintel's components read and write."""
from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "ni_published": None,     # ISO publication date, set before the pipeline runs
    "ni_title": None,         # the article title, for salience
    "ni_regions": None,       # list[RegionMatch], by newsintel_regions
    "ni_entities": None,      # list[records.Entity], by newsintel_entities
    "ni_token_entity": None,  # dict token index -> entity_id, by newsintel_entities
    "ni_roles": None,         # list of (start, end, role) job titles, by newsintel_entities
    "ni_org_via": None,       # dict executive entity_id -> which title rule chose its organization
    "ni_subject_sentences": None,  # dict entity_id -> sentences where it is a subject, by newsintel_entities
    "ni_events": None,        # list[records.Event], by newsintel_events
    "ni_event_cues": None,    # one dict per event (how its trigger was found), for the verifier
    "ni_sentiment": None,     # records.Sentiment, by newsintel_sentiment
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
