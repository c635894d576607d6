"""Which sentences make the answer: the lead, the sentences that complete it, then either each
other document's best (for a question about change) or the next best up to a budget."""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.figures import has_figure
from assistant.compose.lead import date_of, lead
from assistant.compose.lists import (
    holds,
    inside_item,
    intro_of,
    is_intro,
    list_after,
    list_before,
)
from assistant.compose.question import (
    ASKS_PAGE,
    COMPARE_Q,
    DATE_IN,
    LIST_Q,
    NUMBER_Q,
    PRESENT_Q,
    answer_type,
    asks_when,
    claim_terms,
)
from assistant.compose.scoring import Scored
from assistant.compose.tables import is_row, with_headers
from assistant.compose.words import GENERIC, content_words
from assistant.textutil import unnumbered

_ANAPHORA = re.compile(
    r"^(?!This (?:annual )?(?:report|plan|document|strategy)\b)"  # the document itself
    r"(This|These|That|Those|It|They|Their|Such|He|She|In addition|"
    r"(?:All|Both|Each|Most|Some|None|Many) of (?:these|those|them)|"
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
        earlier = by_key.get((best.chunk.id, best.index - 2))
        why = re.match(r"\s*why\b", request.question, re.I)
        if why and earlier and _RESULT.match(_said(best)) and _needs_antecedent(before, earlier):
            picked.insert(0, earlier)  # "why?": "As a result, ..." after "These bodies ..."
    elif _ANAPHORA.match(_said(best)):
        picked[:0] = list_before(best, request.previous_chunk)  # "These priorities..."
    elif (
        best.text.startswith("- ") and (intro := intro_of(best, request.previous_chunk)) is not None
    ):
        picked.insert(0, intro)  # "- Establish a chairs meeting" is work "for 2025-26:"
    if ASKS_PAGE.search(request.question) and is_row(best.text):  # "...and the training one?"
        picked.extend(
            s
            for s in scored[1:6]
            if s.chunk.id == best.chunk.id and is_row(s.text) and s.score >= best.score - 0.25
        )
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
            or _ANAPHORA.match(_said(after))
            or (asks_when(q) and not DATE_IN.search(best.text) and DATE_IN.search(after.text))
            or (NUMBER_Q.search(q) and not has_figure(best.text) and has_figure(after.text))
        )
    )


# A lead that follows from what came before ("As a result, ..."), not "It is the
# responsibility of ...", whose "it" points forward: for "why?", what it follows from is the
# answer.
_RESULT = re.compile(r"(?:- )?(?:As a result|Consequently|Therefore|This|These|Those|Such)\b")


def _said(s: Scored) -> str:
    """The sentence without its list marker or item number ("- 4. These three ...")."""
    return unnumbered(s.text).removeprefix("- ")


def _needs_antecedent(best: Scored, before: Scored) -> bool:
    """The lead refers back ("This is an increase on..."), so the sentence before comes too."""
    return bool(
        _ANAPHORA.match(_said(best))
        and (
            best.text.startswith("- ")
            or not before.text.startswith("- ")
            or inside_item(best.chunk, best.text)  # "- Protocol: One of ... These bodies ..."
        )
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
        lead_date = date_of(picked[0])
        typed = next(
            (
                p
                for p in picked[1:]
                if wanted(p.text) and (request.time_intent != "current" or date_of(p) >= lead_date)
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


def _words(picked: list[Scored]) -> int:
    return sum(len(p.text.split()) for p in picked)


def _redundant(text: str, others: list[str]) -> bool:
    """Most of the sentence's content words are already in the answer."""
    mine = content_words(text)
    return any(mine and len(mine & content_words(o)) / len(mine) > 0.8 for o in others)
