"""Tables in answers: a row keeps its header, and "which agency sent the most?" is answered by
the table's largest row, not by whichever row scored best."""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.scoring import Scored
from assistant.compose.topic import topic_words
from assistant.compose.words import GENERIC, content_words
from assistant.textutil import is_contents, is_row, paragraph_leads
from assistant.types import Chunk


def table_start(row: Scored) -> int:
    """The index of the first row (the header) of the table a row belongs to."""
    start = row.index
    while start > 0 and is_row(row.chunk.sentences[start - 1]):
        start -= 1
    return start


def with_headers(picked: list[Scored]) -> list[Scored]:
    """Table rows keep their table's header row before them: "EY core courses 51 1260 1103"
    means nothing without "Course Type, Number of Courses, Offered Places, Attended"."""
    out: list[Scored] = []
    for p in picked:
        if is_row(p.text):
            start = table_start(p)
            if (
                start < p.index
                and not _contents_row(p, start)
                and not any(q.chunk.id == p.chunk.id and q.index == start for q in [*out, *picked])
            ):
                out.append(Scored(p.chunk_rank, p.chunk, start, p.chunk.sentences[start], p.score))
        out.append(p)
    return out


def _contents_row(row: Scored, start: int) -> bool:
    """A line of a contents page: its first line is an entry, not a header."""
    sentences = row.chunk.sentences
    end = start
    while end < len(sentences) and is_row(sentences[end]):
        end += 1
    return is_contents("\n".join(sentences[start:end]))


def rows_from(chunk: Chunk, start: int, limit: int = 12) -> list[tuple[int, str]]:
    """The table that starts at ``start``, header included, up to ``limit`` rows."""
    rows = []
    for j in range(start, min(start + limit, len(chunk.sentences))):
        if not is_row(chunk.sentences[j]):
            break
        rows.append((j, chunk.sentences[j]))
    return rows


def row_in_context(question: str, s: Scored) -> bool:
    """A table row ("Foster Carers 21") answers only a question that also names what the
    table counts (its header, section or introduction: "attending training"): the row's own
    label says what is counted in, not what the count is of."""
    asked = content_words(question)
    header = paragraph_leads(s.chunk.text, s.chunk.sentences)[s.index]
    if is_row(header) and header != s.text and asked & content_words(header):
        return True  # the columns are what was asked about ("Number of Courses")
    own = content_words(s.text)
    return bool((asked - own) & (topic_words(s) - own - GENERIC))


def row_on_subject(question: str, s: Scored, subject: list[str], label_only: bool = False) -> bool:
    """A row whose label names the question's subject, in a table on what it asks about
    ("Nurseries 1041" for "how many nursery staff came on training?"). ``label_only``: not
    by a word its header shares ("Voluntary and Community Sector 12" under "Sector" names no
    sector asked for)."""
    if not is_row(s.text):
        return False
    label = content_words(s.text)
    header = paragraph_leads(s.chunk.text, s.chunk.sentences)[s.index]
    if label_only and header != s.text:
        label -= content_words(header)
    return bool(label & set(subject)) and row_in_context(question, s)


_EXTREME = re.compile(
    r"\b(?P<max>most|highest|largest|biggest|greatest|top)\b|"
    r"\b(?P<min>fewest|lowest|least|smallest)\b",
    re.I,
)


def extreme_row(request: AnswerRequest, scored: list[Scored]) -> Scored | None:
    """For "which sector sent the most people on training?": the row with the largest (or
    smallest) figure in the best-matching table of the top passages, in the column the
    question names ("Attended"), else the last one. Totals are not candidates."""
    asked = _EXTREME.search(request.question)
    if not asked or not re.match(r"\W*(which|what|who)\b", request.question, re.I):
        return None
    words = content_words(request.question)
    best = next(
        (s for s in scored[:40] if is_row(s.text) and row_in_context(request.question, s)), None
    )
    if best is None:
        return None
    rows = rows_from(best.chunk, table_start(best), limit=100)
    header, body = rows[0][1].split("\t"), rows[1:]
    if not all(re.search(r"[A-Za-z]", cell) for cell in header):
        return None  # no column names: a contents list ("Funding Arrangements 14"), no table
    label = {w[:5] for w in content_words(header[0])}
    wanted = {w[:5] for w in words if len(w) >= 4} - label  # "attendees" names "Attended"
    named = [
        i for i, cell in enumerate(header) if i and {w[:5] for w in content_words(cell)} & wanted
    ]
    column = named[-1] if named else len(header) - 1
    values = []
    for j, text in body:
        cells = text.split("\t")
        value = _number(cells[column]) if column < len(cells) else None
        if value is not None and not re.match(r"\W*(total|all|overall)\b", cells[0], re.I):
            values.append((value, j, text))
    if len(values) < 2:
        return None
    pick = max(values) if asked.group("max") else min(values)
    return Scored(best.chunk_rank, best.chunk, pick[1], pick[2], best.score, best.overlap)


def _number(cell: str) -> float | None:
    cleaned = cell.strip().replace(",", "").rstrip("%")
    try:
        return float(cleaned)
    except ValueError:
        return None
