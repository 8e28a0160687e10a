"""newsintel's spaCy pipeline components.

Importing this package registers the factories ``newsintel_sentences``, ``newsintel_lemmas``, ``newsintel_regions``,
``newsintel_entities``, ``newsintel_events``, ``newsintel_event_verifier`` and
``newsintel_sentiment`` and the ``Doc``
extension attributes they fill (all prefixed ``ni_``).
"""
from .extensions import register_extensions
from .sentences import SentenceGuard
from .lemmas import LemmaFixer
from .regions import RegionMatcher
from .entities import EntityTyper
from .events import EventExtractor
from .event_verifier import EventVerifier
from .sentiment import SentimentScorer

register_extensions()

__all__ = ["SentenceGuard", "LemmaFixer", "RegionMatcher", "EntityTyper", "EventExtractor", "EventVerifier", "SentimentScorer", "register_extensions"]
