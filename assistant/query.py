"""Turn what a person typed into what retrieval searches for: a standalone question (follow-ups
resolved from earlier turns), its time intent, acronym expansions and typo corrections."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from assistant.spelling import QUESTION_WORDS, correct_typos, unknown_names

_PRESENT = re.compile(
    r"\b(now|currently|current|still|at the moment|at present|presently|today|these days|latest|"
    r"newest|most recent|this year|nowadays|lately|recently|so far|right now|to date)\b",
    re.I,
)
_HISTORY = re.compile(
    r"\b(changed?|over time|history|historically|before|compare[sd]?|difference|since)\b", re.I
)
# "the old CE subgroup", "originally": the past alone, so older documents first.
_PAST = re.compile(
    r"\b(used to|previously|former|formerly|originally|in the past|back then|"
    r"(?:the|our|its|their) old|old (?:\w+ )?days)\b",
    re.I,
)
_YEAR_RANGE = re.compile(r"(?<!\d)(20\d\d)\s*[-/–]\s*(20\d\d|\d\d)(?![\d%])")
_SHORT_RANGE = re.compile(r"(?<![\d/£.,])([1-4]\d)/([1-4]\d)(?![\d/%])")
# "the 19-21 plan", "in 17-19": a plan period written short. Only in those places, so that
# ages ("aged 16-17", "16-17 year olds") are never read as years.
_SHORT_PLAN = re.compile(
    r"\b(?:in|the|for|under|during)\s+([1-4]\d)[-–]([1-4]\d)(?![\w%-])"
    r"(?!\s*(?:years?|yrs?|y/?o)\b)"
    r"|(?<![\d/£.,-])([1-4]\d)[-–]([1-4]\d)(?=\s+(?:business\s+)?(?:plan|report|period|strategy)\b)",
    re.I,
)
_YEAR = re.compile(r"(?<![\d£,.])(20[0-4]\d)(?![\d%]|,\d)")
# Guidance and laws named by their year ("Working Together 2023", "Children Act 2004"): a name,
# not the time a question asks about, unless it marks one ("since Working Together 2018").
_NAMED_BY_YEAR = re.compile(
    r"\b(?P<before>\w+\s+)?(?:[A-Z][\w'’-]*\s+)*(?:Together|Act|Bill|Regulations)\s+(?:19|20)\d\d\b"
)
_SINCE = {"since", "before", "after", "until", "till", "from"}


def _unnamed_years(text: str) -> str:
    """The text without the years that only name guidance or a law."""
    return _NAMED_BY_YEAR.sub(
        lambda m: m.group(0) if (m.group("before") or "").strip().lower() in _SINCE else " ", text
    )


# "the Dec 21 cabinet paper", "Jul '24": a month and a two-figure year.
_MONTH_YEAR = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+[’']?([1-4]\d)(?![\d,:]|st|nd|rd|th)",
    re.I,
)
_FOLLOW_START = re.compile(
    r"^\s*(and|also|what about|how about|so|then|but|ok(?:ay)?|and what|what else|why|when|"
    r"who else|which one|same for|in that case)\b",
    re.I,
)
_PRONOUN = re.compile(
    r"\b(it|its|they|them|their|that|this|those|these|he|she|his|her|there|"
    r"the same|that one|this one)\b",
    re.I,
)
_YES_NO = re.compile(
    r"^\s*(is|are|was|were|does|do|did|has|have|had|can|could|should|will|"
    r"would)\b",
    re.I,
)


# "Was there anything on timeliness?" asks what was said, not whether.
_ASKS_CONTENT = re.compile(
    r"^\s*(?:is|was|are|were) there (?:anything|something|any mention)\b"
    r"|^\s*(?:does|did|do) (?:it|they|\w+ \w+) (?:say|mention) (?:anything|something)\b",
    re.I,
)


def _is_yes_no(question: str) -> bool:
    return (
        bool(_YES_NO.match(question))
        and not re.search(r",? or (?!not\b)", question)  # "is it X, or Y?" asks which
        and not _ASKS_CONTENT.match(question)
        and not question.strip().lower().startswith(("should i", "should we", "do i need", "can i"))
    )


@dataclass
class QueryPlan:
    original: str
    standalone: str  # what is shown and answered
    search_text: str  # standalone + acronym expansions + typo corrections
    time_intent: str  # "current" | "year:2019" | "range:2019-2021" | "any" | "past"
    years: tuple[int, int] | None = None
    yes_no: bool = False
    explicit_present: bool = False
    followup: bool = False
    expansions: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    corrected: str = ""  # standalone with its typos mended: what the answer is scored against
    unknown: list[str] = field(default_factory=list)  # names the documents never mention
    synonyms: list[str] = field(default_factory=list)  # synonyms.yaml: BM25 and composer
    # Which of the question's phrases each came from ("sign off": approved, agreed).
    synonyms_of: dict[str, list[str]] = field(default_factory=dict)


def named_periods(text: str) -> list[tuple[int, int]]:
    """The years and year ranges a text names: "2019-21", "2023/24", "23/24", "2025".

    >>> named_periods("In 23/24 there were more than in 2019-21 or 2025.")
    [(2019, 2021), (2023, 2024), (2025, 2025)]
    >>> named_periods("the 19-21 business plan, for care leavers aged 19-21 or 16-17 year olds")
    [(2019, 2021)]
    >>> named_periods("the Dec 21 cabinet paper, not the 3 March 2022 one")
    [(2022, 2022), (2021, 2021)]
    >>> named_periods("What does Working Together 2023 say?")
    []
    >>> named_periods("Since Working Together 2018, what happens?")
    [(2018, 2018)]
    """
    periods: list[tuple[int, int]] = []
    text = _unnamed_years(text)
    for start, end in _YEAR_RANGE.findall(text):
        end_year = int(end) if len(end) == 4 else int(start[:2] + end)
        if end_year > int(start):
            periods.append((int(start), end_year))
    rest = _YEAR_RANGE.sub(" ", text)
    for start, end in _SHORT_RANGE.findall(rest):
        if int(end) == int(start) + 1:  # "23/24" is a financial year; "24/7" is not
            periods.append((2000 + int(start), 2000 + int(end)))
    for match in _SHORT_PLAN.finditer(rest):
        start, end = (int(x) for x in match.groups() if x)
        if 0 < end - start <= 3:
            periods.append((2000 + start, 2000 + end))
    rest = _SHORT_PLAN.sub(" ", rest)
    periods += [(int(y), int(y)) for y in _YEAR.findall(_SHORT_RANGE.sub(" ", rest))]
    periods += [(2000 + int(y), 2000 + int(y)) for y in _MONTH_YEAR.findall(rest)]
    return periods


def without_periods(text: str) -> str:
    """The text with the years and plan periods it names blanked out (see ``named_periods``)."""
    for pattern in (_YEAR_RANGE, _SHORT_RANGE, _SHORT_PLAN, _YEAR, _MONTH_YEAR):
        text = pattern.sub(" ", text)
    return text


def time_intent(text: str) -> tuple[str, tuple[int, int] | None]:
    """A named year or plan period wins; else "now" words or no time at all mean current.

    >>> time_intent("What were the priorities in 2019-21?")
    ('range:2019-2021', (2019, 2021))
    >>> time_intent("Who is the chair now?")
    ('current', None)
    """
    years = [y for period in named_periods(text) for y in period]
    if years:
        lo, hi = min(years), max(years)
        return (f"year:{lo}", (lo, hi)) if lo == hi else (f"range:{lo}-{hi}", (lo, hi))
    if _PRESENT.search(text):
        return "current", None
    if _HISTORY.search(text):
        return "any", None
    if _PAST.search(text):
        return "past", None
    return "current", None


def subject_terms(question: str) -> list[str]:
    """Content words of a question: what a follow-up's pronoun most likely points at."""
    return [
        w
        for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’/&-]*", question)
        if w.lower() not in QUESTION_WORDS and len(w) > 1
    ]


def is_followup(question: str) -> bool:
    """ "And who chairs it?", "do they send anything out to schools?": short, or a pronoun
    standing as the question's subject.

    >>> is_followup("do they send anything out to schools regularly?")
    True
    >>> is_followup("do schools send their safeguarding audits to the partnership every year?")
    False
    """
    content = subject_terms(question)
    if _FOLLOW_START.match(question) and len(content) <= 6:
        # "and when did the exec sign off the 24/25 annual report?" names its own subject
        named = [t for t in content if not re.search(r"\d", t)]
        return bool(_PRONOUN.search(question)) or len(named) <= 4
    if _PRONOUN_SUBJECT.match(question) and len(content) <= 8:
        return True
    if re.search(r"\b(he|she|him)\b", question, re.I) and len(content) <= 10:
        return True  # "is there anything he thinks they need to improve?": a person named before
    return bool(_PRONOUN.search(question)) and len(content) <= 4


_PRONOUN_SUBJECT = re.compile(
    r"^\s*(?:(?:what|how|when|where|why|which|who)\s+(?:\w+\s+)?)?"
    r"(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would|should)\s+"
    r"(?:they|it|he|she)\b",
    re.I,
)


def is_elliptical(question: str) -> bool:
    """A question part that names no subject of its own ("and which in the 2019-21 plan?").

    >>> is_elliptical("which in the 2019-21 plan?"), is_elliptical("who chairs the board now?")
    (True, False)
    >>> is_elliptical("is a new version on the way?")
    True
    """
    if re.match(r"\s*how many (?:were|was|are|did|have|had)\b", question, re.I):
        return True  # "how many were taken up?": of the places the earlier part named
    own = [t for t in subject_terms(question) if not re.search(r"\d", t)]
    return len([t for t in own if t.lower() not in _PLAN_WORDS]) == 0


_DOCUMENT_WORDS = {"plan", "business", "report", "annual", "refresh", "cabinet", "document"}
_PLAN_WORDS = {"plan", "report", "refresh", "document", "year", "period", "now", "currently"}
# Words that name no subject of their own: "is a new version on the way?" is about the thing
# the earlier part named.
_PLAN_WORDS |= {"new", "version", "edition", "update", "updated", "way", "next", "latest", "one"}
_PLAN_WORDS |= {"after", "afterwards", "before", "beforehand", "later", "earlier", "then"}


def make_standalone(question: str, history: list[str], part: bool = False) -> tuple[str, bool]:
    """Resolve a follow-up against the earlier user turns, without an LLM: the previous
    question's subject terms are carried over (the chain is resolved turn by turn). A later
    ``part`` of a split question that names no subject takes the earlier part's."""
    previous = ""
    for turn in history:
        previous = _resolve(turn, previous)
    force = part and (is_elliptical(question) or _repeats(question, previous))
    resolved = _resolve(question, previous, force=force)
    return resolved, resolved != question


def _repeats(part: str, earlier: str) -> bool:
    """A later part names nothing the earlier one did not ("...joint work with the adults
    board in 2018, and the joint focus in 2019-21?"): it asks about the same subject.

    >>> _repeats("what was the joint focus by the 2019-21 plan?", "What joint work was planned?")
    True
    """
    seen = {t.lower() for t in subject_terms(earlier)} | _PLAN_WORDS | {"focus"}
    own = [t.lower() for t in subject_terms(part) if not re.search(r"\d", t)]
    return bool(own) and all(t in seen for t in own)


def _resolve(question: str, previous: str, force: bool = False) -> str:
    question = question.strip()
    if not previous or not (force or is_followup(question)):
        return question
    have = {w.lower() for w in subject_terms(question)}
    carried = [w for w in subject_terms(previous) if w.lower() not in have]
    if not carried:
        return question
    # A named year in the new turn replaces the previous turn's year; "now" drops it, and
    # with it the words that named the earlier document ("the 2019-21 business plan").
    since = re.search(r"\bsince\s*\??$", question.strip(), re.I)  # "replaced it since?": to now
    if _YEAR.search(question) or _YEAR_RANGE.search(question) or _PRESENT.search(question) or since:
        carried = [
            w
            for w in carried
            if not _YEAR.fullmatch(w)
            and not _YEAR_RANGE.fullmatch(w)
            and w.lower() not in _DOCUMENT_WORDS
        ]
    return f"{question.rstrip('?').rstrip()} ({' '.join(carried)})?"


def expand_acronyms(text: str, glossary: dict[str, list[str]]) -> list[str]:
    """Expansions of the acronyms a query uses, and acronyms of expansions it spells out."""
    out: list[str] = []
    tokens = set(re.findall(r"[A-Za-z&]{2,10}(?:\d(?!\d))?", text))  # "GCP2" whole
    for token in sorted(tokens):
        for key in (
            token,
            token.upper(),
            token.upper().rstrip("S") if token.endswith("s") else None,
        ):
            if key and key in glossary and (token.isupper() or len(token) >= 3):
                out.extend(e for e in glossary[key] if e not in out)
                break
    lowered = text.lower()
    for acronym, expansions in glossary.items():
        if any(e.lower() in lowered for e in expansions) and acronym not in tokens:
            out.append(acronym)
    return out


_INITIALS = re.compile(r"(?<![\w'’])([A-Z]{2,5})\d{0,4}(?![\w'’])")


def expand_initialisms(text: str, initialisms: dict[str, list[str]]) -> dict[str, list[str]]:
    """Shorthand no document defines, read by the initials of a name they use often: each
    token as written ("WT2023") with its readings ("Working Together").

    >>> expand_initialisms("What does WT2023 say?", {"WT": ["Working Together"]})
    {'WT2023': ['Working Together']}
    """
    return {
        m.group(0): initialisms[m.group(1)]
        for m in _INITIALS.finditer(text)
        if m.group(1) in initialisms
    }


def expand_synonyms(text: str, table: dict[str, list[str]]) -> list[str]:
    """The document terms for the shorthand a question uses ("front door" -> MASH).

    >>> expand_synonyms("What happens at the front door?", {"front door": ["MASH"]})
    ['MASH']
    >>> expand_synonyms("the frontdoor", {"front door": ["MASH"]})
    []
    """
    out: list[str] = []
    for alternatives in synonyms_by_phrase(text, table).values():
        out.extend(a for a in alternatives if a not in out)
    return out


def synonyms_by_phrase(text: str, table: dict[str, list[str]]) -> dict[str, list[str]]:
    """The synonyms table's entries for the phrases a question uses."""
    lowered = " ".join(re.findall(r"[a-z0-9'’-]+", text.lower()))
    return {
        phrase: alternatives
        for phrase, alternatives in table.items()
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", lowered)
    }


def _shorthand(synonyms: dict[str, list[str]] | None) -> set[str]:
    """One-word shorthand the synonyms table translates ("DA", "Op"): a known word, not a name
    the documents never mention."""
    return {k for k in synonyms or {} if " " not in k}


def plan_query(
    question: str,
    history: list[str] | None,
    glossary: dict[str, list[str]],
    vocabulary: Collection[str],
    known_tokens: set[str] | None = None,
    corpus_text: str = "",
    frequency: Callable[[str], float] | None = None,
    vocabulary_set: Collection[str] | None = None,
    synonyms: dict[str, list[str]] | None = None,
    part: bool = False,
    initialisms: dict[str, list[str]] | None = None,
    unsearched: Collection[str] = (),
) -> QueryPlan:
    standalone, followup = make_standalone(question, history or [], part)
    intent, years = time_intent(standalone)
    corrections = correct_typos(standalone, vocabulary, frequency, vocabulary_set)
    corrected = standalone
    for wrong, right in corrections.items():
        corrected = re.sub(rf"\b{re.escape(wrong)}\b", right, corrected, flags=re.I)
    expansions = expand_acronyms(corrected, glossary)
    read_as = expand_initialisms(corrected, initialisms or {})
    for names in read_as.values():
        expansions += [n for n in names if n not in expansions]
    known = (known_tokens or set()) | {t.lower() for t in read_as}
    searched = [e for e in expansions if e not in unsearched]  # not the partnership's name
    search = corrected + ("\n" + "; ".join(searched) if searched else "")
    return QueryPlan(
        original=question,
        standalone=standalone,
        search_text=search,
        time_intent=intent,
        years=years,
        yes_no=_is_yes_no(question),
        followup=followup,
        explicit_present=bool(_PRESENT.search(standalone)),
        expansions=expansions,
        corrections=corrections,
        corrected=corrected,
        unknown=unknown_names(corrected, known | _shorthand(synonyms), corpus_text)
        if known_tokens
        else [],
        synonyms=expand_synonyms(corrected, synonyms) if synonyms else [],
        synonyms_of=synonyms_by_phrase(corrected, synonyms) if synonyms else {},
    )
