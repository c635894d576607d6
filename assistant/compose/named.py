"""A named thing: "which hospital", "which charity", "which county" asks for a name, and a
sentence that names none ("paediatric services at local hospitals") does not answer it."""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.scoring import Scored
from assistant.compose.topic import about, subject_words

_NAMED_KIND_Q = re.compile(
    r"\bwhich (?:[a-z-]+ )?(?:hospitals?|charit(?:y|ies)|universit(?:y|ies)|count(?:y|ies)|"
    r"cit(?:y|ies)|towns?|trusts?|compan(?:y|ies)|firms?)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def misses_name(request: AnswerRequest, scored: list[Scored]) -> bool:
    """Asks which hospital (charity, county...) and no top sentence on its subject names one
    the question does not already name."""
    q = request.question
    lower = request.extra.get("lower_words")
    if lower is None or not _NAMED_KIND_Q.search(q):
        return False
    asked = {w.lower() for w in _WORD.findall(q)}
    subject = subject_words(request, scored)
    related = request.extra.get("related", [])
    return not any(
        new_names(s.text, asked, lower) and about(s, subject, related) for s in scored[:5]
    )


def new_names(text: str, asked: set[str], lower_words: frozenset[str] | set[str]) -> list[str]:
    """Proper names in the text (capitalised words the documents never write in lower case,
    past its first word) that the question does not use.

    >>> new_names("The chair is from Barnardo's.", {"chair"}, {"the", "chair", "is", "from"})
    ["Barnardo's"]
    >>> new_names("Oxfordshire hosts local hospitals.", {"oxfordshire"}, {"hosts", "local"})
    []
    """
    words = _WORD.findall(text)[1:]
    return [
        w
        for w in words
        if w[0].isupper() and w.lower() not in asked and w.lower() not in lower_words
    ]
