"""Which sentence leads an answer: the best match, moved for the time asked about (the newest
document for "now", a document of a named year, the oldest for "the old ..."), and for the kind
of thing asked for (a count of the asked noun, a table row, a date, a name)."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answerer import AnswerRequest
from assistant.compose.figures import counts_head, has_count, has_figure, speaks_of_counted
from assistant.compose.lists import holds
from assistant.compose.periods import as_of, covers, of_time
from assistant.compose.question import (
    answer_type,
    asked_letters,
    asked_positions,
    claim_terms,
    focus_word,
)
from assistant.compose.scoring import Scored, title_overlap
from assistant.compose.tables import extreme_row, is_row, row_on_subject
from assistant.compose.topic import subject_words
from assistant.compose.words import GENERIC, content_words
from assistant.index import newest_key
from assistant.textutil import ITEM_NUMBER, spelt_phrase


def lead(request: AnswerRequest, scored: list[Scored]) -> Scored:
    """The lead by time (``_timely_lead``); but when the question asks for a kind of thing (a
    frequency, a date, a figure, a name) that the lead lacks, a near-best sentence of the same
    time that holds one leads instead."""
    extreme = extreme_row(request, scored)
    if extreme is not None:
        return extreme  # "which sector sent the most?": the table's largest row
    best = _timely_lead(request, scored)
    sought = _sought(request)
    if sought is not None and not sought(best.text):
        found = next(  # "CAMHs being what?": the sentence that says it in full
            (s for s in scored[:10] if sought(s.text) and _same_time(request, s, best)), None
        )
        if found is not None and found.score >= best.score - 0.3:
            return found
    wanted = answer_type(request)
    if wanted is has_figure and _HOW_MANY.search(request.question):
        wanted = has_count  # "how many went missing?": 798 to 733, not "19.3% repeatedly"
    if wanted is has_count and not holds(best, wanted):
        subject = subject_words(request, scored, n=8)  # "delegates ... from health": Health
        row = next(  # "how many nursery staff came on training?": "Nurseries 1041"
            (
                s
                for s in scored[:30]
                if has_count(s.text) and row_on_subject(request.question, s, subject, True)
            ),
            None,
        )
        if row is not None:
            return row
    if (
        wanted is has_count
        and not is_row(best.text)
        and not speaks_of_counted(request.question, best.text)
    ):
        direct = next(  # "how many key recommendations?": "Eight key recommendations..."
            (
                s
                for s in scored[:8]
                if s.score >= best.score - 0.2
                and counts_head(request.question, s.text)
                and _same_time(request, s, best)
            ),
            None,
        )
        if direct is not None:
            return direct
    if wanted is None or holds(best, wanted):
        return best
    after = next((s for s in scored if s.chunk is best.chunk and s.index == best.index + 1), None)
    if after is not None and wanted(after.text) and len(best.text.split()) < 14:
        return best  # "...changes in the Chair's role. In January 2025, Lisa Lyons..." follows
    focus = focus_word(request)
    for s in scored:
        if s.score < best.score - 0.2:
            break
        same_time = _same_time(request, s, best)
        on_topic = max(s.overlap, s.topical - 0.1)  # its paragraph may name the topic
        on_point = (
            s.overlap >= best.overlap
            or on_topic >= max(best.overlap, best.topical - 0.1)
            or (
                focus is not None
                and focus in content_words(s.text)
                and s.score >= best.score - 0.18
            )
        )  # "how many contacts?": the sentence with the number of contacts
        if same_time and holds(s, wanted) and on_topic >= 0.3 and on_point:
            return s
    return best


_HOW_MANY = re.compile(r"\bhow many\b", re.I)


def _timely_lead(request: AnswerRequest, scored: list[Scored]) -> Scored:
    """For a question about now, the newest document among the near-best sentences leads;
    for a named year, a document of that time does."""
    margin = 0.15 if request.extra.get("explicit_present") else 0.03
    if request.yes_no and request.time_intent == "current":
        topical = _newest_on_topic(request, scored)
        if topical is not None:  # "is X still ...?" is answered from the newest source
            return topical
    pool = [s for s in scored if s.score >= scored[0].score - margin][:8]
    if request.years:
        overlaps = title_overlap(request.question, [s.chunk for s in scored])
        top = max(overlaps.values(), default=0.0)  # "the 19-21 OSCB business plan", not 2017-19's
        named = {d for d, v in overlaps.items() if v and v >= 0.75 * top}
        own = [  # "under the 2018 refresh": that document, not another one of 2018
            s
            for s in scored[:12]
            if s.chunk.meta.doc_id in named and s.score >= scored[0].score - 0.15
        ]
        if len(named) == 1 and own:  # two named ("between the 2018 refresh and ..."): as before
            return own[0]
        timely = [s for s in pool if of_time(s.chunk, s.text, request.years)]
        return timely[0] if timely else scored[0]
    if request.time_intent == "past":  # "the old CE subgroup": the oldest near-best source
        past = [s for s in scored[:8] if s.score >= scored[0].score - 0.25 and s.topical >= 0.3]
        return min(past, key=lambda s: (date_of(s), -s.score), default=scored[0])
    if request.time_intent != "current":
        return scored[0]
    best = max(pool, key=lambda s: (date_of(s), s.score))
    if _HOW_MANY.search(request.question) and as_of(best.text, ""):
        # A count "now": of the same document's equally on-point counts, the one stated for
        # the latest date ("at the end of January 2025", not "April to December 2024").
        later = [
            s
            for s in pool
            if date_of(s) == date_of(best)
            and as_of(s.text, "") > as_of(best.text, "")
            and s.overlap >= best.overlap
            and has_count(s.text)
        ]
        return max(later, key=lambda s: s.score) if later else best
    if request.extra.get("explicit_present") and has_figure(best.text) and as_of(best.text, ""):
        # "How is MASH doing lately?": the same document's figure for a later date, when it
        # is on the same measure ("In 2023/24, 95%..." then "Between July 2024 and January
        # 2025, 97%...").
        later = [
            s
            for s in scored[:10]
            if date_of(s) == date_of(best)
            and as_of(s.text, "") > as_of(best.text, "")
            and s.score >= best.score - 0.2
            and s.overlap >= 0.75 * best.overlap
            and _same_measure(best.text, s.text)
        ]
        return max(later, key=lambda s: s.score) if later else best
    return best


def _same_measure(a: str, b: str) -> bool:
    """Both sentences give a figure of the same thing ("95% of red enquiries", "97% of red
    enquiries"): the words after a figure in one follow a figure in the other.

    >>> _same_measure("MASH completed 95% of red enquiries.", "Then 97% of red enquiries were.")
    True
    >>> _same_measure("It is 17% below similar areas.", "Some 10.3% compared to 7.5%.")
    False
    """

    def measures(text: str) -> set[str]:
        found = re.findall(r"\d[\d,.]*%?\s+((?:of\s+)?[a-z-]+\s+[a-z-]+)", text.lower())
        return {m.removeprefix("of ") for m in found}

    return bool(measures(a) & measures(b))


def _newest_on_topic(request: AnswerRequest, scored: list[Scored]) -> Scored | None:
    """The newest document's sentence on the question's topic, ignoring the names it asserts:
    for "Is Dana Whitfield still the chair?", what the newest source says about the chair.
    A follow-up's own words come first: "are there more approved providers now?" after a
    question on alternative provision is about providers."""
    question = request.question
    claim = content_words(" ".join(claim_terms(question)))
    topic = content_words(question) - claim - GENERIC
    if not topic or not scored:
        return None
    carried = re.search(r"\(([^()]*)\)\?$", question)  # a follow-up's words from before
    typed = topic - content_words(carried.group(1)) if carried else topic
    newest = max(date_of(s) for s in scored)
    candidates = [s for s in scored if date_of(s) == newest]
    best = max(
        candidates,
        key=lambda s: (
            len(typed & content_words(s.text)),
            len(topic & content_words(s.text)),
            s.score,
        ),
    )
    said = content_words(best.text)
    if len(topic & said) * 2 >= len(topic) or (carried and len(typed & said) >= 2):
        return best
    return None


def _sought(request: AnswerRequest) -> Callable[[str], bool] | None:
    """What the question names that the lead must say: the words an asked acronym stands for,
    or the numbered item asked for ("priority no. 3": "- 3. Addressing ...")."""
    letters = asked_letters(request)
    if letters:
        return lambda text: spelt_phrase(letters, text) is not None
    positions = set(asked_positions(request.question))
    if positions:
        return lambda text: bool((m := ITEM_NUMBER.match(text)) and m.group(1) in positions)
    return None


def _same_time(request: AnswerRequest, s: Scored, best: Scored) -> bool:
    """Of the asked years; for a question about now, no older than the best match."""
    if request.years:
        return covers(s.chunk, request.years)
    return request.time_intent != "current" or date_of(s) >= date_of(best)


def date_of(s: Scored) -> str:
    """When the sentence's document is of: its publication, else its period's end."""
    return newest_key(s.chunk.meta.published, s.chunk.meta.period)
