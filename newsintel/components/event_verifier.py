"""``newsintel_event_verifier``: a trained check on the events the trigger rules propose.

``newsintel_events`` finds candidate events from trigger words and the parse; many trigger
words are ambiguous ("open", "stake", "lance", "cession") and a definite noun often names a
move already reported. This component describes each candidate by its evidence (type,
trigger lemmas, part of speech and syntactic role, determiner, arguments found, what its
figure measures and how far the figure stands from the trigger, modality, position, whether an
event of the same type and actor came before) and keeps it when a
logistic model (``models/events/verifier.json``, trained by ``scripts/train_events.py`` on
the gold train and dev splits) gives it a probability at or above the threshold chosen on
held-out folds. The probability becomes the event's ``confidence``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..linear import LinearDecider
from ..records import Entity, Event
from ..resources import model_path

MODEL_DIR = "events"
DEFINITE = {"the", "this", "that", "these", "its", "le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces",
            "son", "sa", "ses", "leur", "their"}
INDEFINITE = {"a", "an", "un", "une", "des", "new", "nouveau", "nouvelle"}
QUOTES = "«»“”\""


def _bucket(n: int, top: int) -> str:
    return str(min(n, top)) + ("+" if n >= top else "")


def event_features(doc: Doc, events: list[Event], entities: dict[str, Entity], lang: str,
                   cues: Optional[list[dict]] = None) -> list[dict[str, float]]:
    """One feature dict per event of ``doc``, in order (the same code serves training)."""
    out = []
    cues = cues if cues is not None and len(cues) == len(events) else [{} for _ in events]
    sentences = list(doc.sents)
    seen_type_actor: set[tuple] = set()
    seen_type: set[str] = set()
    per_sentence: dict[int, int] = {}
    for ev in events:
        per_sentence[ev.sentence] = per_sentence.get(ev.sentence, 0) + 1
    for ev, cue in zip(events, cues):
        t = ev.type
        f: dict[str, float] = {"bias_" + lang: 1.0, "type=" + t: 1.0}
        if cue.get("denial"):
            f["denial"] = 1.0  # a negated copy of an earlier rumour
        if not cue.get("strict", True):
            f["condition_unmet"] = 1.0
            f[f"condition_unmet={t}"] = 1.0
        span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            lemmas = " ".join(tok.lemma_.lower() for tok in span)
            f[f"lemma={lemmas}"] = 1.0
            f[f"type_lemma={t}|{lemmas}"] = 1.0
            f[f"pos={root.pos_}"] = 1.0
            f[f"type_pos={t}|{root.pos_}"] = 1.0
            f[f"dep={root.dep_}"] = 1.0
            f[f"head_pos={root.head.pos_}"] = 1.0
            f[f"len={_bucket(len(span), 3)}"] = 1.0
            dets = [c.lower_ for c in root.children if c.dep_ in ("det", "poss", "nmod:poss")]
            if root.pos_ in ("NOUN", "PROPN"):
                if any(d in DEFINITE for d in dets):
                    f["noun_definite"] = 1.0
                elif any(d in INDEFINITE for d in dets):
                    f["noun_indefinite"] = 1.0
                else:
                    f["noun_bare"] = 1.0
            for key in ("VerbForm", "Tense", "Mood"):
                for value in root.morph.get(key):
                    f[f"morph={key}:{value}"] = 1.0
            if root.i == root.sent.root.i:
                f["sentence_root"] = 1.0
            left = doc[max(root.sent.start, span.start - 6):span.start].text
            if any(q in left for q in QUOTES):
                f["quote_before"] = 1.0
        actor = entities.get(ev.actor) if ev.actor else None
        f[f"actor={actor.type if actor else 'none'}"] = 1.0
        f[f"type_actor={t}|{actor.type if actor else 'none'}"] = 1.0
        f[f"modality={ev.modality}"] = 1.0
        f[f"tense={ev.tense}"] = 1.0
        for name in ("target", "person", "product", "quantity", "time"):
            if getattr(ev, name) is not None:
                f[f"has_{name}"] = 1.0
                f[f"type_has_{name}={t}"] = 1.0
        if ev.locations or ev.origin or ev.destination:
            f["has_place"] = 1.0
            f[f"type_has_place={t}"] = 1.0
        if ev.quantity is not None:
            q = ev.quantity
            f[f"type_unit={t}|{q.unit}"] = 1.0
            # what the figure measures, which way it moves and how far it stands from the trigger:
            # "shipments fell 9%" read off a "revenue" trigger is another event's figure
            f[f"type_measure={t}|{q.measure or 'none'}"] = 1.0
            f[f"type_direction={t}|{q.direction}"] = 1.0
            at = ev.evidence.text.find(q.text) if q.text else -1
            if at >= 0:
                f[f"type_figure_distance={t}|{min(abs(ev.evidence.start + at - ev.trigger.start) // 30, 4)}"] = 1.0
        f[f"sentence_events={_bucket(per_sentence[ev.sentence], 4)}"] = 1.0
        position = ev.sentence / max(1, len(sentences) - 1)
        f["position"] = position
        if ev.sentence == 0:
            f["first_sentence"] = 1.0
        if (t, ev.actor) in seen_type_actor:
            f["repeat_type_actor"] = 1.0
            f[f"repeat_type_actor={t}"] = 1.0
        elif t in seen_type:
            f["repeat_type"] = 1.0
        seen_type_actor.add((t, ev.actor))
        seen_type.add(t)
        out.append(f)
    return out


@Language.factory(
    "newsintel_event_verifier",
    default_config={"model": None, "threshold": None},
    assigns=["doc._.ni_events"],
    requires=["doc._.ni_events"],
)
def make_event_verifier(nlp: Language, name: str, model: Optional[str], threshold: Optional[float]):
    return EventVerifier(nlp, name=name, model=model, threshold=threshold)


class EventVerifier:
    """Keeps the candidate events the trained model accepts (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "newsintel_event_verifier", model: Optional[str] = None,
                 threshold: Optional[float] = None):
        self.name = name
        self.lang = nlp.lang
        path = Path(model) if model else model_path(MODEL_DIR, "verifier.json")
        if path.is_dir():
            path = path / "verifier.json"
        self.model = LinearDecider.load(path)
        if threshold is not None:
            self.model.threshold = float(threshold)

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.ni_events or []
        if not events:
            return doc
        entities = {e.entity_id: e for e in (doc._.ni_entities or [])}
        kept, kept_cues = [], []
        cues = doc._.ni_event_cues
        cues = cues if cues is not None and len(cues) == len(events) else [{} for _ in events]
        for ev, cue, feats in zip(events, cues, event_features(doc, events, entities, self.lang, cues)):
            p = self.model.probability(feats)
            if p >= self.model.threshold:
                ev.confidence = round(p, 3)
                kept.append(ev)
                kept_cues.append(cue)
        for n, ev in enumerate(kept, 1):
            ev.event_id = f"ev{n}"
        doc._.ni_events = kept
        doc._.ni_event_cues = kept_cues
        return doc
