"""Dates: whether the documents give the date a "when" question asks for, on its subject.

A date elsewhere on the page belongs to another event; a date of someone else's appointment
("I was appointed in February 2024", said by today's Scrutineer) is not the named person's.
"""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.question import DATE_IN, DATE_Q, person_names, rarest
from assistant.compose.scoring import Scored
from assistant.compose.topic import mentions
from assistant.query import named_periods
from assistant.textutil import MONTHS

_WHEN_PAST = re.compile(r"\bwhen (did|were|was|had)\b", re.I)
# "The new tool is expected to be endorsed in 2025": a year says when it is due.
_ASKS_DUE = re.compile(r"\bwhen (is|are|will)\b|\b(due|expected)\b", re.I)
_EXPECTED = re.compile(r"\b(expected|due|scheduled|planned)\b[^.;]*\b(in|by|during) 20\d\d\b")
_ASKS_END = re.compile(r"\b(end|ends|expire|expires|finish|finishes|deadline|due)\b", re.I)
_GIVES_END = re.compile(
    r"\b(end|ends|ended|ending|expire[sd]?|until|till|deadline|due|by|conclude[sd]?|"
    r"finish(es|ed)?|close[sd]?|complete[sd]?|step(s|ped)? down|last|expected)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(I|my|me)\b")
# "The exact date of the July 2024 meeting" asks for a day; "which month in 2017" for a month.
_ASKS_DAY = re.compile(r"\b(?:exact|precise|specific) (?:date|day)\b", re.I)
_ASKS_MONTH = re.compile(r"\b(?:what|which) month\b", re.I)
_MONTHS = f"(?:{'|'.join(m.capitalize() for m in MONTHS)})"
_DAY_IN = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
)
_MONTH_IN = re.compile(rf"\b{_MONTHS}\b")


def misses_date(request: AnswerRequest, scored: list[Scored]) -> bool:
    """No date on this topic in the documents: never guess one."""
    q = request.question
    past = _WHEN_PAST.search(q)  # "when did it take place?": a year answers too
    finer = _DAY_IN if _ASKS_DAY.search(q) else _MONTH_IN if _ASKS_MONTH.search(q) else None
    if finer is not None:
        past = None  # a year, or a month for an exact date, is not what is asked
    elif not (DATE_Q.search(q) or past):
        return False
    rare = rarest(request, q, 2)
    named = (
        [str(y) for y in range(*request.years)] + [str(request.years[1])] if request.years else []
    )
    ending = _ASKS_END.search(q)
    due = _ASKS_DUE.search(q)  # "when is it due?": "expected in 2025" says; "what date?" no
    synonyms_of = request.extra.get("synonyms_of", {})
    lower = request.extra.get("lower_words") or frozenset()
    people = [  # "Richard Simpson", not "Independent Chair"
        p for p in person_names(q) if not any(w.lower() in lower for w in p.split())
    ]
    if _undated_event(scored, bool(past), bool(due)):
        return True
    clear = _clear_best(scored)
    return not any(
        _dated(x.text, bool(past), bool(due))
        and (
            not rare
            or x is clear
            or (x is scored[0] and x.score >= 0.6)  # the best match, whatever its wording
            or mentions(_with_previous(x), rare, synonyms_of)
            or (people and _speaks_of(request, x, people))  # their names are the rare words
        )
        and (not named or any(y in x.text for y in named))  # the year asked about
        and (not ending or _GIVES_END.search(x.text))  # when it began does not say when it ends
        and (finer is None or finer.search(x.text))
        and (not people or _speaks_of(request, x, people))
        for x in scored[:6]
    )


def _with_previous(s: Scored) -> str:
    """A sentence with the one before it, when it goes on from it ("The new tool ...")."""
    return (
        f"{s.chunk.sentences[s.index - 1]} {s.text}"
        if s.index and _GOES_ON.match(s.text)
        else s.text
    )


# A sentence that goes on from the one before: "The new tool is expected ...", "It will ...".
_GOES_ON = re.compile(r"(?:It|This|These|They|He|She|The new|The same|That)\b")


def _speaks_of(request: AnswerRequest, s: Scored, people: list[str]) -> bool:
    """The sentence is about one of the named people: its passage names them, or it is their
    own statement ("I was appointed ..."), signed with their name further on in its section."""
    surnames = [p.split()[-1] for p in people]
    if any(n in f"{_with_previous(s)} {s.chunk.text}" for n in surnames):
        return True
    if not _FIRST_PERSON.search(s.text) or request.next_chunk is None:
        return False
    after = request.next_chunk(s.chunk.id)
    for _ in range(8):
        if after is None or after.meta.section != s.chunk.meta.section:
            return False
        if any(n in after.text for n in surnames):
            return True
        after = request.next_chunk(after.id)
    return False


def _clear_best(scored: list[Scored]) -> Scored | None:
    """The best match when it stands clear of the next: it describes the event asked about,
    in whatever words ("initiating early discussions" for "first start discussing")."""
    if len(scored) < 2 or scored[0].score - scored[1].score < 0.15:
        return None
    return scored[0]


def _undated_event(scored: list[Scored], past: bool, due: bool) -> bool:
    """The clear best match describes the event and gives no date, nor does the sentence it
    goes on to ("the plan has been agreed by the Executive Group for 2025-26"): a date
    elsewhere on the page is of another event."""
    best = _clear_best(scored)
    if best is None:
        return False
    after = [t for t in best.chunk.sentences[best.index + 1 : best.index + 2] if _GOES_ON.match(t)]
    return not any(_dated(t, past, due) for t in [best.text, *after])


def _dated(text: str, past: bool, due: bool) -> bool:
    """Gives a date: a day or month, or for "when did" a named period, or for "when is it
    due" the year it is expected."""
    return bool(
        DATE_IN.search(text) or (past and named_periods(text)) or (due and _EXPECTED.search(text))
    )
