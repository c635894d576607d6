"""Premises: a question can assume what the documents never say ("the 8 recommendations",
"care leavers aged 19-21", "the neglect course's learning gain"). Answering it anyway would
confirm the assumption with a passage about something else, so these are near misses too."""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.figures import question_numbers, states_number
from assistant.compose.lists import list_after
from assistant.compose.question import NUMBER_Q, unseen_weight
from assistant.compose.scoring import Scored
from assistant.compose.topic import about, subject_words, topic_text
from assistant.compose.words import stem


def misses_premise(request: AnswerRequest, scored: list[Scored]) -> bool:
    return (
        _stated_number(request, scored)
        or _unlisted(request, scored)
        or _other_instance(request, scored)
        or _unstated_target(request, scored)
    )


_TARGET_Q = re.compile(r"\b(?:what|which)\b[^?]*\btargets?\b(?!ed)", re.I)
_TARGET = re.compile(r"\b(?:targets?|goals?|ambitions?)\b(?!ed)|\baim(?:s|ed)? (?:to|for)\b", re.I)


def _unstated_target(request: AnswerRequest, scored: list[Scored]) -> bool:
    """Asks for a target ("what target did the plan set for fathers' attendance?") and no
    near-best passage states one: today's 44% is not a target."""
    if not _TARGET_Q.search(request.question):
        return False
    # what the target is for ("MASH re-referrals"), not the word "target" itself
    subject = [w for w in subject_words(request, scored, n=4) if not _TARGET.search(w)][:2]
    related = request.extra.get("related", [])
    return not any(
        _TARGET.search(topic_text(s)) and all(about(s, [w], related) for w in subject)
        for s in scored[:6]
    )


def _stated_number(request: AnswerRequest, scored: list[Scored]) -> bool:
    """The question states a number ("the 8 recommendations", "aged 19-21") that no passage
    on its subject gives: its premise is not in the documents."""
    asked = question_numbers(request.question, request.years)
    if not asked or NUMBER_Q.search(request.question):
        return False  # a figure question: ``_misses_figure`` checks its numbers
    subject = subject_words(request, scored)
    related = request.extra.get("related", [])
    return not any(
        all(states_number(topic_text(s), n) for n in asked) and about(s, subject, related)
        for s in scored[:10]
    )


_WHAT_ARE_N = re.compile(r"\bwhat (?:are|were) (?:the |its |their )?(\d{1,2}|[a-z]+)\b", re.I)


def _unlisted(request: AnswerRequest, scored: list[Scored]) -> bool:
    """ "What are the 8 recommendations?" when the documents say there are eight but never
    list them: the count is no answer to "what are they"."""
    match = _WHAT_ARE_N.search(request.question)
    if not match or match.group(1) not in question_numbers(request.question, request.years):
        return False
    n = match.group(1)
    stating = [s for s in scored[:10] if states_number(s.text, n)]
    return bool(stating) and not any(
        list_after(s, request.next_chunk) or s.text.count(",") + s.text.count(";") >= int(n) - 2
        for s in stating
    )


# Things a partnership runs several of: "the neglect course" is not "the Child Exploitation
# course", though both are courses with a learning gain.
_INSTANCE = re.compile(
    r"\b(?:the|a|an|our|its|their|this|that)\s+((?:[\w'’-]+\s+){1,2}?)"
    r"(course|group|subgroup|sub-group|review|audit|panel|conference|training|policy|"
    r"procedure|strategy|tool|event|programme|campaign|team)s?\b",
    re.I,
)
_SMALL = {
    "the", "a", "an", "of", "and", "in", "on", "for", "to", "new", "old", "same", "last",
    "main", "key", "whole", "full", "first", "next", "current", "previous", "local",
    "national", "annual", "big", "small", "large", "most", "more", "other", "each", "every",
}  # fmt: skip


def _other_instance(request: AnswerRequest, scored: list[Scored]) -> bool:
    """The best passage speaks of another one of the asked-for thing ("the Child Exploitation
    course showed a learning gain" for "what gain did the neglect course show?") and no
    near-best passage speaks of the one asked about."""
    idf = request.extra.get("idf")
    if not scored or idf is None:
        return False
    unseen = unseen_weight(idf)
    for match in _INSTANCE.finditer(request.question):
        written = match.group(1).split()
        kinds = {w.lower() for w in written if not w.lower().endswith("est")} - _SMALL
        head = match.group(2).lower()
        if not kinds or any(w.isupper() and len(w) > 1 for w in written):
            continue  # an acronym ("the CE subgroup") is spelt out in the passages
        if any(idf(stem(w)) >= unseen for w in kinds):
            continue  # a misspelling ("negelct") or a word no document uses: not ours to judge
        best = scored[0].text
        before = re.search(rf"((?:[\w'’()-]+\s+){{1,3}}){head}s?\b", best, re.I)
        if before is None or kinds & {w.lower() for w in re.findall(r"[\w'’-]+", best)}:
            continue
        if _named_by_question(before.group(0), request.extra.get("related", [])):
            continue  # "Clinical Commissioning Group" is the CCG the question names
        context = {stem(w.lower()) for w in re.findall(r"[\w'’-]+", topic_text(scored[0]))}
        if {stem(w) for w in kinds} <= context:
            continue  # "members of the group developed..." under "Procedures Subgroup"
        near = [s.text.lower() for s in scored[1:6] if s.score >= scored[0].score - 0.15]
        if not any(kinds <= set(re.findall(r"[\w'’-]+", t)) and head in t for t in near):
            return True
    return False


def _named_by_question(instance: str, related: list[str]) -> bool:
    """The passage's one ("... Thames Valley Police and the Clinical Commissioning Group") is
    one the question names by its acronym or its everyday word."""
    said = {w.lower() for w in re.findall(r"[\w'’-]+", instance)}
    return any(len(r.split()) > 1 and {w.lower() for w in r.split()} <= said for r in related)
