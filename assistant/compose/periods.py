"""When a document is from, relative to the question: how recent it is among the candidates,
whether it covers the years asked about, and so which document's part of an answer comes first.
"""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.index import newest_key, year_bounds
from assistant.query import named_periods
from assistant.textutil import MONTHS
from assistant.types import Chunk


def recency(chunks: list[Chunk]) -> dict[str, float]:
    """Each document's rank by date among these chunks, from 0 (oldest) to 1 (newest)."""
    keys = sorted({newest_key(c.meta.published, c.meta.period) for c in chunks})
    if len(keys) <= 1:
        return {c.meta.doc_id: 1.0 for c in chunks}
    return {
        c.meta.doc_id: keys.index(newest_key(c.meta.published, c.meta.period)) / (len(keys) - 1)
        for c in chunks
    }


def covers(chunk: Chunk, years: tuple[int, int]) -> bool:
    """The chunk's document is from (or about) a time overlapping the years asked about."""
    lo, hi = year_bounds(chunk.meta.published, chunk.meta.period)
    return bool(lo) and lo <= years[1] and hi >= years[0]


def of_time(chunk: Chunk, text: str, years: tuple[int, int]) -> bool:
    """A sentence speaks of the years asked about: by the years it names itself ("In 2023/24
    ...", "As of April 2024"), else by its document's time."""
    said = names_time(text, years)
    return covers(chunk, years) if said is None else said


_DOCUMENT_TIME = re.compile(
    r"(?:\b20\d\d(?:\s*[-/–]\s*\d\d(?:\d\d)?)?|\b[1-4]\d[-/][1-4]\d)\s+"
    r"(?:business\s+|annual\s+|cabinet\s+)?(?:plan|refresh|report|paper|strategy)\b",
    re.I,
)


def times_a_document(question: str) -> bool:
    """Every year the question names names a document ("what did the 2018 refresh say?"):
    the figure may be for an earlier date, stated in that document ("mid-2015 estimates").

    >>> times_a_document("How many did the 2018 refresh say?"), times_a_document("in 2018?")
    (True, False)
    """
    return bool(_DOCUMENT_TIME.search(question)) and not named_periods(
        _DOCUMENT_TIME.sub(" ", question)
    )


def names_time(text: str, years: tuple[int, int]) -> bool | None:
    """Whether the years a text names include the asked ones (None: it names none). A
    financial year is its own period: "2023/24" does not answer "2024/25".

    >>> names_time("In 2023/24 there were 29,770 contacts.", (2024, 2025))
    False
    >>> names_time("As of April 2024 it fell.", (2024, 2025)), names_time("It fell.", (2024, 2025))
    (True, None)
    """
    named = named_periods(text)
    if not named:
        return None
    lo, hi = years
    for start, end in named:
        if start == end:
            if lo <= start <= hi:
                return True
        elif hi - lo == 1 and end - start == 1:
            if (start, end) == years:
                return True
        elif start <= hi and end >= lo:
            return True
    return False


_MONTH_YEAR = re.compile(rf"\b({'|'.join(MONTHS)})\s+(20\d\d)\b", re.I)
_FINANCIAL = re.compile(r"(?<!\d)(20\d\d)\s*/\s*(\d\d)(?![\d%])")


def as_of(text: str, published: str) -> str:
    """The latest month a sentence states its fact for ("At the end of January 2025" ->
    "2025-01"; "In 2023/24" -> "2024-03", the end of that financial year), else the month its
    document was published: what "now" compares between sentences of one document.

    >>> as_of("At the end of January 2025 785 children were cared for.", "2025-07-02")
    '2025-01'
    >>> as_of("167 children became looked after.", "2025-07-02")
    '2025-07'
    """
    stated = [f"{y}-{MONTHS.index(m.lower()) + 1:02d}" for m, y in _MONTH_YEAR.findall(text)]
    stated += [
        f"{y[:2]}{end}-03" for y, end in _FINANCIAL.findall(text) if int(end) == int(y[2:]) + 1
    ]
    return max(stated) if stated else published[:7]


def doc_order(request: AnswerRequest, chunk: Chunk) -> tuple[int, str]:
    """Sort key for the documents after the lead: of the named time first, else newest first."""
    key = newest_key(chunk.meta.published, chunk.meta.period)
    if request.years:
        return (0 if covers(chunk, request.years) else 1, "")
    if request.time_intent == "current":
        return (0, _invert(key))
    return (0, "")


def _invert(key: str) -> str:
    """Each character flipped, so that an ascending sort runs (roughly) newest first."""
    return "".join(chr(255 - ord(ch)) for ch in key)
