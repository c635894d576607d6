"""What a question is about, and whether a sentence (read with its section and paragraph) is
about the same thing: shared by the abstention rules."""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.question import ASKING_STEMS, FUNCTION_STEMS, as_parts, unseen_weight
from assistant.compose.scoring import Scored
from assistant.compose.words import GENERIC, content_words, initials, stood_for, synonym_words
from assistant.textutil import paragraph_leads


def subject_words(request: AnswerRequest, scored: list[Scored], n: int = 2) -> list[str]:
    """The question's two most specific words that some document uses, other than the words
    that name a document or a year: a figure that answers must be about one of them
    ("emotional abuse", not child protection plans in general)."""
    idf = request.extra.get("idf")
    if idf is None:
        return []
    unseen = unseen_weight(idf)
    titles = content_words(" ".join({s.chunk.meta.title for s in scored[:10]}))
    asked = as_parts(content_words(_SAME_TIME.sub(" ", request.question)), idf)
    words = [
        w
        for w in asked
        if idf(w) < unseen
        and w not in titles
        and w not in GENERIC
        and w not in ASKING_STEMS
        and w not in FUNCTION_STEMS
        and not w[:1].isdigit()
    ]
    # An acronym is as specific as its expansion: "CP" is child protection, not a rare word.
    spelt = {
        initials(r): max(idf(w) for w in content_words(r))
        for r in request.extra.get("related") or []
        if content_words(r)
    }
    return sorted(words, key=lambda w: (-spelt.get(w, idf(w)), w))[:n]


# "compared with the same point the year before": when, not what, the figure is about
_SAME_TIME = re.compile(
    r"\b(?:at |by )?(?:the |this )?same (?:point|time|period|stage|month|quarter)\b"
    r"(?: (?:in |of )?(?:the |a )?(?:previous |last |prior )?year(?: before| earlier)?)?",
    re.I,
)


def about(s: Scored, subject: list[str], related: list[str]) -> bool:
    """The sentence (with its section and paragraph) is about one of the subject words, or
    spells out one that is an acronym ("PAQA": "Performance, Audit, and Quality Assurance")."""
    if not subject:
        return True
    topic = topic_words(s)
    return any(w in topic for w in subject) or any(
        initials(r) in subject and content_words(r) <= topic for r in related
    )


def topic_words(s: Scored) -> set[str]:
    """The words of a sentence, its section and its paragraph's opening."""
    return content_words(topic_text(s))


def topic_text(s: Scored) -> str:
    """A sentence read in its place: with its section and its paragraph's opening."""
    lead = paragraph_leads(s.chunk.text, s.chunk.sentences)[s.index]
    return f"{s.text} {s.chunk.meta.section} {lead} {s.chunk.meta.lead_in}"


def mentions(text: str, words: list[str], synonyms_of: dict[str, list[str]]) -> bool:
    """One of the question's words, or the documents' words for all of them ("sign off":
    approved)."""
    found = content_words(text)
    if any(w in found for w in words):
        return True
    return bool(words) and set(words) <= stood_for(found, synonym_words(synonyms_of))
