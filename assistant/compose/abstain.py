"""Abstention: when the documents do not hold the asked-for detail, say so rather than guess.

``near_miss`` catches the case where the topic is there but the detail (a phone number, a sum of
money, a figure, a date, a named person) is not; ``abstention`` is the fixed answer given then.
"""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.contacts import ASKS_CONTACT, ASKS_SIGN_UP, gives_contact_of, gives_route
from assistant.compose.dates import misses_date
from assistant.compose.figures import (
    counted_words,
    counts_asked,
    counts_other,
    has_count,
    has_figure,
    question_numbers,
    share_doer,
    share_group,
    states_number,
)
from assistant.compose.lists import holds
from assistant.compose.named import misses_name, misses_place
from assistant.compose.periods import covers, of_time, times_a_document
from assistant.compose.premises import misses_premise
from assistant.compose.question import (
    CONTACT_Q,
    HOW_MANY_TIMES,
    MONEY_Q,
    NUMBER_Q,
    PERCENTAGE,
    PERCENTAGE_Q,
    TIMES,
    answer_type,
    asked_role,
    names_person,
    person_names,
    rarest,
    unseen_weight,
)
from assistant.compose.render import citation, doc_label
from assistant.compose.scoring import Scored, title_overlap
from assistant.compose.spans import misses_duration, misses_frequency
from assistant.compose.tables import extreme_row, is_row, row_in_context, row_on_subject
from assistant.compose.topic import about, mentions, subject_words, topic_text, topic_words
from assistant.compose.words import GENERIC, content_words, names_all, stem
from assistant.types import Answer, Chunk

_EMERGENCY = re.compile(r"\b999\b")


def near_miss(request: AnswerRequest, scored: list[Scored]) -> bool:
    """The topic is there but the asked-for detail is not: abstain rather than guess."""
    q = request.question
    top = [s.text for s in scored[:4]]
    return (
        _misses_contact(q, top)
        or _misses_route(request, scored)
        or _misses_money(q, top)
        or _misses_figure(request, scored)
        or misses_date(request, scored)
        or _misses_names(q, scored)
        or misses_duration(request, scored)
        or misses_frequency(request, scored)
        or _misses_holder(request, scored)
        or misses_name(request, scored)
        or misses_place(request, scored)
        or misses_premise(request, scored)
    )


def _misses_contact(q: str, top: list[str]) -> bool:
    """Asks for a phone number, email address or website, and no top sentence gives one of
    what the question names (999 always counts)."""
    if ASKS_CONTACT.search(q) or (
        CONTACT_Q.search(q) and re.search(r"\b(phone|number|email|call|contact)\b", q, re.I)
    ):
        return not any(gives_contact_of(q, t) or _EMERGENCY.search(t) for t in top)
    return False


def _misses_route(request: AnswerRequest, scored: list[Scored]) -> bool:
    """Asks how to sign up to something, and no top sentence on it says how (register,
    email, a link): "It has produced a termly newsletter" is no way to get it."""
    if not ASKS_SIGN_UP.search(request.question):
        return False
    joining = {stem(w) for w in ("sign", "subscribe", "register", "enrol", "join", "get")}
    subject = [w for w in subject_words(request, scored, n=4) if w not in joining][:2]
    related = request.extra.get("related", [])
    return not any(gives_route(s.text) and about(s, subject, related) for s in scored[:4])


def _misses_money(q: str, top: list[str]) -> bool:
    """Asks how much money (or about a budget), and no top sentence has a sum in pounds."""
    budget = re.search(
        r"\bwhat (?:is|was|'s) the (?:[\w'’]+ )?budget\b|^\W*(?:[\w'’&/-]+\s+){0,3}budget\W*$",
        q,
        re.I,
    )  # "what is the budget?", "OSCP budget 24/25?"; not "the money left over from the budget"
    if MONEY_Q.search(q) and NUMBER_Q.search(q) or budget:
        return not any("£" in t for t in top)
    return False


def _misses_figure(request: AnswerRequest, scored: list[Scored]) -> bool:
    """No figure that answers this question (for that time): no guess."""
    q = request.question
    if not NUMBER_Q.search(q):
        return False
    asked = question_numbers(q, request.years)
    subject = subject_words(request, scored)
    wanted = answer_type(request)
    percentage = PERCENTAGE_Q.search(q)  # a percentage is still only a figure
    typed = wanted if wanted not in (None, has_figure) and not percentage else None
    years = request.years or (0, 0)
    by_document = times_a_document(q)
    named = title_overlap(q, [s.chunk for s in scored[:10]]) if by_document else {}
    closest = max(named.values(), default=0.0)

    def timely(s: Scored) -> bool:
        if closest:  # "when the 2019-21 business plan was written": that plan, not 2017-19's
            return named.get(s.chunk.meta.doc_id, 0.0) == closest
        return covers(s.chunk, years) if by_document else of_time(s.chunk, s.text, years)

    acronyms = {stem(a.lower()) for a in re.findall(r"\b[A-Z][A-Z0-9]+s?\b", q)}
    named_subject = bool(acronyms & set(subject))  # "the PAQA group": that group, or nothing
    if extreme_row(request, scored) is not None:
        return False  # "which sector sent the most, and how many?": the table's largest row
    counts = re.search(r"\bhow many\b(?! ?(?:months|years|weeks|days|hours|minutes)\b)", q, re.I)
    change = _ASKS_CHANGE.search(q)  # else "57 fewer children" is not how many there are
    times = HOW_MANY_TIMES.search(q)
    doer, synonyms_of = share_doer(q), request.extra.get("synonyms_of", {})
    group = share_group(q)  # "are Asian": that group's share, not White British residents'

    def figure(t: str) -> bool:
        if times and TIMES.search(t):  # "twice-yearly" says how many times a year
            return True
        if percentage:  # "all ICPCs were on time" is no percentage of conferences
            return bool(PERCENTAGE.search(t))
        # "in the last two months" counts no ICPCs:
        return has_count(t, differences=bool(change)) if counts else has_figure(t)

    counted = _kind_counted(q, request) if counts else []

    return not any(
        holds(s, figure)
        and not (counts and counts_other(q, s.text))
        and (not counted or about(s, counted, request.extra.get("related", [])))  # "disabled"
        and (not is_row(s.text) or row_in_context(request.question, s))
        and (
            about(s, subject, request.extra.get("related", []))
            # "the top learning points": what is counted, unless the subject is a name
            or (counts and not named_subject and counted_words(q) & topic_words(s))
        )
        and (
            max(s.overlap, s.topical - 0.1) >= 0.35
            or (s is scored[0] and s.score >= 0.6)  # the clear best match, whatever its wording
            or (counts and counts_asked(q, s.text))  # "362 schools" for "how many schools?"
            or (typed is not None and typed(s.text) and s.overlap >= 0.25)
            or (group and s.overlap >= 0.25)  # the named group's share, in other words
            or row_on_subject(q, s, subject)  # "Nurseries 1041"
        )
        and all(states_number(topic_text(s), n) for n in asked)  # "aged 19-21" is not "16-17"
        and (doer is None or mentions(topic_text(s), [doer], synonyms_of))  # the police's
        and names_all(topic_text(s), group)
        and (not request.years or timely(s))
        for s in scored[:10]
    )


# "How many disabled children ...": which children are counted
_KIND_COUNTED = re.compile(
    r"\bhow many ((?:(?!(?:from|of|in|at|on|for|with|by|the|our|these|those|people|children)\b)"
    r"[\w-]+ ){1,2})(?:children|child|young people|families|people|pupils|babies|students|"
    r"parents|carers)\b(?!['’])",
    re.I,
)


def _kind_counted(q: str, request: AnswerRequest) -> list[str]:
    """The words some document uses that say which children (people, families) "how many"
    counts ("disabled"): a count of all children on a plan does not answer it."""
    match = _KIND_COUNTED.search(q)
    idf = request.extra.get("idf")
    if match is None or idf is None:
        return []
    unseen = unseen_weight(idf)
    return sorted(w for w in content_words(match.group(1)) if w not in GENERIC and idf(w) < unseen)


_ASKS_CHANGE = re.compile(
    r"\b(more|fewer|less|increase[sd]?|decrease[sd]?|reduc\w*|ris(?:e|en|ing)|rose|fall(?:en)?|"
    r"fell|drop(?:ped)?|grow(?:n|th)?|grew|change[sd]?|compare[sd]?|difference|up|down)\b",
    re.I,
)


def _misses_holder(request: AnswerRequest, scored: list[Scored]) -> bool:
    """Asks who holds a role ("Who chairs the neglect subgroup?", "Who is the business
    manager?") and no top passage on its subject names a person beside that role."""
    role = asked_role(request.question)
    lower = request.extra.get("lower_words")
    if role is None or lower is None:
        return False
    subject = [w for w in subject_words(request, scored, 3) if w != role][:2]
    qualifier = _role_qualifier(request.question, role)
    return not any(
        names_person(s.text, lower)
        and role in topic_words(s)
        and (qualifier is None or qualifier in topic_words(s))  # a Business Manager
        and about(s, subject, request.extra.get("related", []))  # "CSA": Child Sexual Abuse
        for s in scored[:8]
    )


def _role_qualifier(question: str, role: str) -> str | None:
    """The word that makes a role a particular one ("Business" Manager, not any manager).

    >>> _role_qualifier("Who is the OSCP Business Manager?", "manag")
    'busi'
    >>> _role_qualifier("Who chairs the neglect subgroup?", "chair") is None
    True
    """
    tokens = re.findall(r"[\w'’-]+", question)
    for before, word in zip(tokens, tokens[1:], strict=False):
        if stem(word.lower()) == role and before[:1].isupper():
            found = content_words(before) - GENERIC
            return next(iter(found), None)
    return None


def _misses_names(q: str, scored: list[Scored]) -> bool:
    """Names a person the best passages never mention."""
    names = person_names(q)
    if not names:
        return False
    corpus_text = " ".join(f"{s.chunk.meta.section} {s.chunk.text}" for s in scored[:20]).lower()
    return not all(n.lower() in corpus_text or _spelt_out(n, corpus_text) for n in names)


def _spelt_out(name: str, text: str) -> bool:
    """Every longer word of a shorthand name is there: "Op Encompass" is "Operation
    Encompass", while an unknown person's surname is not."""
    long = [w.lower() for w in name.split() if len(w) > 3]
    return bool(long) and len(long) < len(name.split()) and all(w in text for w in long)


_OUTCOME_Q = re.compile(
    r"\bwhat (did|was|were)\b.*\b(conclude|conclusions?|find|findings?|found|show|results?|"
    r"outcomes?|recommend|recommendations?|learn|decide)\b|"
    r"\bwhat were the (findings|results|outcomes|conclusions)\b",
    re.I,
)
_PLANNED = re.compile(
    r"\b(will|intends? to|plans? to|planning to|(is|are) expected to|aims? to|going to)\b", re.I
)


_NEXT_Q = re.compile(r"\b(when|where|what date)\b.*\bnext\b|\bupcoming\b", re.I)
_PAST = re.compile(
    r"\b(took place|was held|were held|happened|was launched|were launched|attended|"
    r"was a (resounding )?success)\b",
    re.I,
)


# The words that ask about an outcome or the next occasion, not what the event is.
_EVENT_WORDS = {
    stem(w)
    for w in "next upcoming conclude conclusion conclusions find findings found show result "
    "results outcome outcomes recommend recommendations learn decide".split()
}


def out_of_time(request: AnswerRequest, scored: list[Scored]) -> tuple[str, Scored] | None:
    """The documents speak of the asked-about event only at another time: "planned" when
    "what did X conclude?" finds X only planned, "past" when "when is the next X?" finds only
    an X that has happened. The asked-for outcome or date is not there, so do not guess it."""
    q = request.question
    if _OUTCOME_Q.search(q):
        kind, cue = "planned", _PLANNED
    elif _NEXT_Q.search(q):
        kind, cue = "past", _PAST
    else:
        return None
    rare = [w for w in rarest(request, q, 5) if w not in _EVENT_WORDS][:2]
    on_topic = [s for s in scored[:8] if rare and any(w in content_words(s.text) for w in rare)]
    on_topic = [s for s in on_topic if rare[0] in content_words(s.text)] or on_topic
    if not on_topic:
        return None
    if kind == "planned" and all(cue.search(s.text) for s in on_topic[:3]):
        return kind, on_topic[0]
    ahead = any(_PLANNED.search(s.text) or "next" in s.text.lower() for s in on_topic[:5])
    past = next((s for s in on_topic[:2] if cue.search(s.text)), None)
    if kind == "past" and past is not None and not ahead:
        return kind, past
    return None


def abstention(
    request: AnswerRequest,
    chunks: list[Chunk],
    contact_hint: str = "",
    unknown: list[str] | None = None,
    closest: tuple[str, Scored] | None = None,
    missing: str = "",
) -> Answer:
    """The answer when nothing answers the question: what was searched, and who to ask;
    ``missing`` says what the documents lack, when that is known."""
    seen: list[str] = []
    for c in chunks[:6]:
        label = doc_label(c.meta)
        if label not in seen:
            seen.append(label)
    searched = "; ".join(seen[:3]) if seen else "no document matched"
    if unknown:
        missing = f"The documents never mention {', '.join(unknown)}. "
    cannot = "I cannot find this in the partnership's documents, so I will not guess."
    if closest is not None:
        kind, said = closest
        label = doc_label(said.chunk.meta)
        if kind == "planned":
            missing = f"The {label} describes this only as planned (“{said.text}” [1]). "
            cannot = "No document reports how it turned out, so I will not guess."
        else:
            missing = f"The {label} reports only an earlier one (“{said.text}” [1]). "
            cannot = "No document says when the next one is, so I will not guess."
    text = f"{missing}{cannot} Closest documents searched: {searched}."
    if contact_hint:
        text += f" {contact_hint}"
    return Answer(
        text=text,
        abstained=True,
        citations=[citation(1, closest[1])] if closest is not None else [],
        question=request.original or request.question,
        standalone_question=request.question,
    )
