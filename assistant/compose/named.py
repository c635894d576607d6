"""A named thing: "which hospital", "which charity", "which county" asks for a name, and a
sentence that names none ("paediatric services at local hospitals") does not answer it."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answerer import AnswerRequest
from assistant.compose.scoring import Scored
from assistant.compose.topic import about, subject_words
from assistant.compose.words import content_words
from assistant.textutil import MONTHS

_NAMED_KIND_Q = re.compile(
    r"\bwhich (?:[a-z-]+ ){0,3}(?:hospitals?|charit(?:y|ies)|universit(?:y|ies)|count(?:y|ies)|"
    r"cit(?:y|ies)|towns?|trusts?|compan(?:y|ies)|firms?|models?|frameworks?|services?|"
    r"providers?)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def misses_name(request: AnswerRequest, scored: list[Scored]) -> bool:
    """Asks which hospital (charity, county...) and no top sentence on its subject names one
    the question does not already name; asks which organisation someone is from and none
    says they are from one ("Ian Sutherland transitioning from Chair" names no employer)."""
    if _FROM_Q.search(request.question):  # "which organisation is Ian Sutherland from?"
        return _none_on_subject(request, scored, _comes_from)
    if not _NAMED_KIND_Q.search(request.question):
        return False
    return _none_on_subject(request, scored, lambda text, names: bool(names))


# "Which organisation is he from?" asks where someone comes from: "is from Barnardo's"
_FROM_Q = re.compile(
    r"\bwhich (?:[a-z-]+ )?(?:organi[sz]ation|agency|body|charity|service|employer)\b"
    r".*\bfrom\s*\?\s*$",
    re.I,
)


def _comes_from(text: str, names: list[str]) -> bool:
    """A new name said to be where someone comes from ("from Barnardo's", "of the NSPCC")."""
    return any(
        re.search(rf"\b(?:from|of|at) (?:the )?{re.escape(n)}(?![\w’'])", text)
        for n in names
        if len(n) > 1 and not _MONTH.match(n)
    )


_MONTH = re.compile(rf"(?:{'|'.join(m[:3] for m in MONTHS)})[a-z]*$", re.I)


def _none_on_subject(
    request: AnswerRequest, scored: list[Scored], gives: Callable[[str, list[str]], bool]
) -> bool:
    """No top sentence on the question's subject ``gives`` what is asked, judged by its text
    and the proper names in it that the question does not already use."""
    lower = request.extra.get("lower_words")
    if lower is None:
        return False
    asked = {w.lower() for w in _WORD.findall(request.question)}
    subject = subject_words(request, scored)
    related = request.extra.get("related", [])
    idf = request.extra.get("idf")

    titles = content_words(" ".join({s.chunk.meta.title for s in scored[:10]}))

    def common(name: str) -> bool:
        if content_words(name) <= titles:
            return True  # the partnership's own name ("OSCB") names no service
        return idf is not None and any(idf(w) < _COMMON for w in content_words(name))

    return not any(
        gives(s.text, [n for n in new_names(s.text, asked, lower) if not common(n)])
        and about(s, subject, related)
        for s in scored[:5]
    )


_COMMON = 2.5  # a name in most passages ("Oxfordshire", "Children") names nothing new


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


# "Where are the hot spots?"; not "where was it by 2018?" (a position, not a place)
_WHERE_Q = re.compile(
    r"^\s*where(?: is| are| was| were|'s|’s) (?!(?:it|they|we|this|that|things)\b)", re.I
)
_PLACE = re.compile(
    r"\b(?:urban|rural|cit(?:y|ies)|towns?|villages?|district|website|online|web ?pages?|"
    r"www|portal|intranet|appendix|annex|north|south|east|west|central)\b",
    re.I,
)


def misses_place(request: AnswerRequest, scored: list[Scored]) -> bool:
    """Asks where something is ("where are the hot spots?") and no top sentence on its
    subject names a place: "prevalence reporting highlights hot spots" says there are some,
    not where."""
    if not _WHERE_Q.search(request.question):
        return False
    return _none_on_subject(request, scored, lambda text, names: bool(names or _PLACE.search(text)))
