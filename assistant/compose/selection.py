"""Which sentences make the answer: the lead, the sentences that complete it, then either each
other document's best (for a question about change) or the next best up to a budget."""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.figures import counted_head, counts_head, has_count, has_figure
from assistant.compose.lists import holds, intro_of, is_intro, list_after, list_before
from assistant.compose.periods import as_of, covers, of_time
from assistant.compose.question import (
    COMPARE_Q,
    DATE_IN,
    LIST_Q,
    NUMBER_Q,
    PRESENT_Q,
    answer_type,
    asks_when,
    claim_terms,
    focus_word,
)
from assistant.compose.scoring import Scored, title_overlap
from assistant.compose.tables import extreme_row, is_row, row_on_subject, with_headers
from assistant.compose.topic import subject_words
from assistant.compose.words import GENERIC, content_words, stem
from assistant.index import newest_key

_ANAPHORA = re.compile(
    r"^(?!This (?:annual )?(?:report|plan|document|strategy)\b)"  # the document itself
    r"(This|These|That|Those|It|They|Their|Such|He|She|In addition|"
    r"As a result|Essentially|In essence|In other words|In short|In practice|Specifically)\b"
)


def select(request: AnswerRequest, scored: list[Scored], max_sentences: int) -> list[Scored]:
    """The sentences of the answer, in the order they are picked (the lead first), each said
    once: a document that repeats itself (a summary page and a detail page) is quoted once."""
    seen: set[str] = set()
    out: list[Scored] = []
    for s in with_headers(_select(request, scored, max_sentences)):
        key = re.sub(r"[^a-z0-9]", "", s.text.lower())
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _select(request: AnswerRequest, scored: list[Scored], max_sentences: int) -> list[Scored]:
    best = lead(request, scored)
    picked = [best]
    wants_list = bool(LIST_Q.search(request.question))
    picked.extend(list_after(best, request.next_chunk))
    by_key = {(x.chunk.id, x.index): x for x in scored}
    after = by_key.get((best.chunk.id, best.index + 1))
    if after and not is_row(best.text) and _completes(request, scored, best, after):
        picked.append(after)  # the sentence that completes a short lead
    elif after and is_intro(after.text) and not is_intro(best.text):
        # "We have conducted audits... The key themes identified include:" and the themes.
        items = list_after(after, request.next_chunk)
        if items and (wants_list or len(items) <= 5):  # a long list only when one is asked
            picked.extend([after, *items])
    before = by_key.get((best.chunk.id, best.index - 1))
    if before and _needs_antecedent(best, before):
        picked.insert(0, before)  # "This is an increase on..." needs what "this" is
    elif _ANAPHORA.match(best.text):
        picked[:0] = list_before(best, request.previous_chunk)  # "These priorities..."
    elif (
        best.text.startswith("- ") and (intro := intro_of(best, request.previous_chunk)) is not None
    ):
        picked.insert(0, intro)  # "- Establish a chairs meeting" is work "for 2025-26:"
    if request.yes_no:
        said = _claim_evidence(request.question, scored, best)
        if said is not None and said not in picked:
            picked.append(said)  # where the claim was true, to show what changed
    _typed_first(request, picked)
    if _asks_about_change(request):
        for doc_best in _best_per_document(scored, exclude=best.chunk.meta.doc_id):
            if not _redundant(doc_best.text, [p.text for p in picked]):
                picked.append(doc_best)
        return picked
    _fill(request, scored, picked, max_sentences, wants_list)
    return picked


def lead(request: AnswerRequest, scored: list[Scored]) -> Scored:
    """The lead by time (``_timely_lead``); but when the question asks for a kind of thing (a
    frequency, a date, a figure, a name) that the lead lacks, a near-best sentence of the same
    time that holds one leads instead."""
    extreme = extreme_row(request, scored)
    if extreme is not None:
        return extreme  # "which sector sent the most?": the table's largest row
    best = _timely_lead(request, scored)
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
    if wanted is has_count and not is_row(best.text) and not _names_head(request, best):
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
        named = {
            d for d, v in title_overlap(request.question, [s.chunk for s in scored]).items() if v
        }
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
        return min(past, key=lambda s: (_date(s), -s.score), default=scored[0])
    if request.time_intent != "current":
        return scored[0]
    best = max(pool, key=lambda s: (_date(s), s.score))
    if _HOW_MANY.search(request.question) and as_of(best.text, ""):
        # A count "now": of the same document's equally on-point counts, the one stated for
        # the latest date ("at the end of January 2025", not "April to December 2024").
        later = [
            s
            for s in pool
            if _date(s) == _date(best)
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
            if _date(s) == _date(best)
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


def _completes(request: AnswerRequest, scored: list[Scored], best: Scored, after: Scored) -> bool:
    """The next sentence finishes what the lead began: a short lead, a near-best follow-on, a
    "This..." sentence, or the date or figure the lead lacks."""
    q = request.question
    return bool(
        not after.text.startswith("- ")
        and not is_intro(after.text)
        and (
            len(best.text.split()) < 14
            or after.score >= scored[0].score - 0.2
            or _ANAPHORA.match(after.text)
            or (asks_when(q) and not DATE_IN.search(best.text) and DATE_IN.search(after.text))
            or (NUMBER_Q.search(q) and not has_figure(best.text) and has_figure(after.text))
        )
    )


def _needs_antecedent(best: Scored, before: Scored) -> bool:
    """The lead refers back ("This is an increase on..."), so the sentence before comes too."""
    return bool(
        _ANAPHORA.match(best.text.removeprefix("- "))
        and (best.text.startswith("- ") or not before.text.startswith("- "))
    )


def _claim_evidence(question: str, scored: list[Scored], best: Scored) -> Scored | None:
    """For a yes/no question whose claim the lead does not state: where the claim was true."""
    claim = claim_terms(question)
    if claim and not all(t in best.text for t in claim):
        return next((x for x in scored if all(t in x.text for t in claim)), None)
    return None


def _typed_first(request: AnswerRequest, picked: list[Scored]) -> None:
    """The sentence that holds the asked-for name/date/figure leads (reorders ``picked``)."""
    wanted = answer_type(request)
    if wanted and not holds(picked[0], wanted):  # a table's introduction keeps its place
        lead_date = _date(picked[0])
        typed = next(
            (
                p
                for p in picked[1:]
                if wanted(p.text) and (request.time_intent != "current" or _date(p) >= lead_date)
            ),
            None,
        )  # for a question about now, never an older document's sentence
        if typed is not None:
            picked.remove(typed)
            picked.insert(0, typed)


def _asks_about_change(request: AnswerRequest) -> bool:
    """ "How has X changed", "X now" with a year, or two years named: every source has a say."""
    time_refs = set(re.findall(r"20\d\d(?:[-/]\d\d)?", request.question))
    return bool(
        COMPARE_Q.search(request.question)
        or (request.years and PRESENT_Q.search(request.question))
        or len(time_refs) >= 2
    )


def _best_per_document(scored: list[Scored], exclude: str) -> list[Scored]:
    """For "how has X changed" questions: the best sentence of each other document."""
    seen, out = {exclude}, []
    for cand in scored:
        if cand.score < scored[0].score - 0.15 or len(out) >= 2:
            break
        if cand.chunk.meta.doc_id not in seen:
            seen.add(cand.chunk.meta.doc_id)
            out.append(cand)
    return out


def _fill(
    request: AnswerRequest,
    scored: list[Scored],
    picked: list[Scored],
    budget: int,
    wants_list: bool,
) -> None:
    """Add the next best sentences (by score and by the question words they add, see
    ``_by_coverage``) and their lists to ``picked`` while they are close to the best and
    neither the sentence budget nor about 70 words is used up. A list's introduction comes
    only with its list, so an answer never ends on "...will be shared with:"."""
    scored = _by_coverage(request, scored, picked)
    for cand in scored[1:]:
        if len([p for p in picked if not p.text.startswith("- ")]) >= budget:
            break
        if cand.score < scored[0].score - 0.12 or _words(picked) > 70:
            break
        if any(p.chunk.id == cand.chunk.id and p.index == cand.index for p in picked):
            continue
        if _redundant(cand.text, [p.text for p in picked]):
            continue
        if is_intro(cand.text) and not wants_list:
            continue
        picked.append(cand)
        if wants_list:
            picked.extend(p for p in list_after(cand, request.next_chunk) if p not in picked)


_COVERAGE = 0.1  # weight of the question words a sentence adds (tuned on the dev split)


def _by_coverage(
    request: AnswerRequest, scored: list[Scored], picked: list[Scored]
) -> list[Scored]:
    """The near-best sentences reordered by score plus the share of the question's words they
    add to the answer so far: "what did the group escalate?" gets the sentence that says
    "escalated", not a second description of the group."""
    idf = request.extra.get("idf") or (lambda w: 1.0)
    asked = content_words(request.question) - GENERIC
    total = sum(idf(w) for w in asked) or 1.0
    covered = set().union(*(content_words(p.text) for p in picked))

    def gain(c: Scored) -> float:
        return sum(idf(w) for w in (asked & content_words(c.text)) - covered) / total

    near = [c for c in scored[1:] if c.score >= scored[0].score - 0.12]
    near.sort(key=lambda c: -(c.score + _COVERAGE * gain(c)))
    return [scored[0], *near, *scored[1 + len(near) :]]


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
    newest = max(_date(s) for s in scored)
    candidates = [s for s in scored if _date(s) == newest]
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


def _names_head(request: AnswerRequest, s: Scored) -> bool:
    """The sentence speaks of what "how many" counts ("136 delegates"), numbered or not."""
    head = counted_head(request.question)
    return head is None or head in {stem(w) for w in re.findall(r"[\w'’-]+", s.text.lower())}


def _same_time(request: AnswerRequest, s: Scored, best: Scored) -> bool:
    """Of the asked years; for a question about now, no older than the best match."""
    if request.years:
        return covers(s.chunk, request.years)
    return request.time_intent != "current" or _date(s) >= _date(best)


def _date(s: Scored) -> str:
    return newest_key(s.chunk.meta.published, s.chunk.meta.period)


def _words(picked: list[Scored]) -> int:
    return sum(len(p.text.split()) for p in picked)


def _redundant(text: str, others: list[str]) -> bool:
    """Most of the sentence's content words are already in the answer."""
    mine = content_words(text)
    return any(mine and len(mine & content_words(o)) / len(mine) > 0.8 for o in others)
