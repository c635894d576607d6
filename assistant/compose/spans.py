"""How long and how often: a question asking either needs a time span or a frequency said of
its own subject, not of something near it (a red enquiry's 24 hours is not a non-red one's;
the senior leaders' meetings are not the education group's)."""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.question import DURATION, FREQUENCY, HOW_LONG, HOW_OFTEN
from assistant.compose.scoring import Scored
from assistant.compose.topic import about, subject_words, topic_words
from assistant.compose.words import GENERIC, content_words


def misses_duration(request: AnswerRequest, scored: list[Scored]) -> bool:
    """Asks how long or how quickly (or for a waiting time), and no top sentence on the
    question's subject gives a time span."""
    if not HOW_LONG.search(request.question):
        return False
    subject = subject_words(request, scored)
    related = request.extra.get("related", [])
    return not any(  # on every subject word: a red enquiry's 24 hours is not a non-red one's
        DURATION.search(s.text) and all(about(s, [w], related) for w in subject) for s in scored[:6]
    )


def misses_frequency(request: AnswerRequest, scored: list[Scored]) -> bool:
    """Asks how often, and no top sentence on the question's subject says how often (a
    panel's findings are no answer to how often it meets)."""
    if not HOW_OFTEN.search(request.question):
        return False
    subject = subject_words(request, scored)
    related = request.extra.get("related", [])
    group = _NAMED_GROUP.search(request.question)  # "the Safeguarding in Education group"
    named = content_words(group.group(1)) - GENERIC if group else set()
    return not any(  # the best few matches are on the subject, whatever their words
        FREQUENCY.search(s.text)
        and (rank < 3 or about(s, subject, related))
        and named <= topic_words(s)  # the senior leaders' meetings are not that group's
        for rank, s in enumerate(scored[:6])
    )


_NAMED_GROUP = re.compile(
    r"\b((?:[A-Z][a-z]+\s+)(?:(?:and|in|of|for)\s+)?(?:[A-Z][a-z]+\s+)*)"
    r"(?:group|sub-?group|panel|board|forum|network)\b"
)
