"""Turn what a person typed into what retrieval searches for: a standalone question (follow-ups
resolved from earlier turns), its time intent, acronym expansions and typo corrections."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from assistant.textutil import english_words, words

_PRESENT = re.compile(
    r"\b(now|currently|current|still|at the moment|at present|presently|today|these days|latest|"
    r"newest|most recent|this year|nowadays)\b",
    re.I,
)
_HISTORY = re.compile(
    r"\b(changed?|over time|history|historically|used to|previously|before|"
    r"compare[sd]?|difference|since)\b",
    re.I,
)
_YEAR_RANGE = re.compile(r"(?<!\d)(20\d\d)\s*[-/–]\s*(20\d\d|\d\d)(?![\d%])")
_YEAR = re.compile(r"(?<![\d£,.])(20[0-4]\d)(?![\d%,])")
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
_QUESTION_WORDS = {
    "what",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "which",
    "why",
    "how",
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "for",
    "to",
    "and",
    "or",
    "tell",
    "me",
    "about",
    "please",
    "can",
    "you",
    "i",
    "we",
    "our",
    "it",
    "its",
    "they",
    "them",
    "their",
    "that",
    "this",
    "those",
    "these",
    "he",
    "she",
    "his",
    "her",
    "there",
    "has",
    "have",
    "had",
    "be",
    "been",
    "by",
    "with",
    "at",
    "from",
    "as",
    "so",
    "also",
    "what's",
    "whats",
    "else",
    "say",
    "said",
    "says",
    "document",
    "documents",
    "many",
    "much",
    "still",
    "now",
    "currently",
    "current",
    "then",
    "any",
    "all",
    "some",
    "more",
}


@dataclass
class QueryPlan:
    original: str
    standalone: str  # what is shown and answered
    search_text: str  # standalone + acronym expansions + typo corrections
    time_intent: str  # "current" | "year:2019" | "range:2019-2021" | "any"
    years: tuple[int, int] | None = None
    yes_no: bool = False
    explicit_present: bool = False
    followup: bool = False
    expansions: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)  # names the documents never mention
    corrected: str = ""  # standalone with typo corrections: what the answerer reads
    synonyms: list[str] = field(default_factory=list)  # synonyms.yaml: lexical search only


def time_intent(text: str) -> tuple[str, tuple[int, int] | None]:
    """A named year or plan period wins; else "now" words or no time at all mean current.

    >>> time_intent("What were the priorities in 2019-21?")
    ('range:2019-2021', (2019, 2021))
    >>> time_intent("Who is the chair now?")
    ('current', None)
    """
    years: list[int] = []
    for start, end in _YEAR_RANGE.findall(text):
        end_year = int(end) if len(end) == 4 else int(start[:2] + end)
        if end_year > int(start):
            years += [int(start), end_year]
    years += [int(y) for y in _YEAR.findall(_YEAR_RANGE.sub(" ", text))]
    if years:
        lo, hi = min(years), max(years)
        return (f"year:{lo}", (lo, hi)) if lo == hi else (f"range:{lo}-{hi}", (lo, hi))
    if _HISTORY.search(text) and not _PRESENT.search(text):
        return "any", None
    return "current", None


_PART_SPLIT = re.compile(
    r"(?:,|;)?\s+and\s+(?=(?:who|what|when|how|which|where|why|is|are|does)\b)", re.I
)


def split_parts(question: str) -> list[str]:
    """A two-part question ("who chaired it in 2019-21, and who chairs it now?") as parts.

    >>> split_parts("Who chaired the OSCB in 2019-21, and who chairs the partnership now?")
    ['Who chaired the OSCB in 2019-21?', 'who chairs the partnership now?']
    """
    parts = [p.strip(" ,;") for p in _PART_SPLIT.split(question) if p.strip(" ,;")]
    if len(parts) < 2 or any(len(p.split()) < 3 for p in parts):
        return [question]
    return [p if p.endswith("?") else p + "?" for p in parts]


def subject_terms(question: str) -> list[str]:
    """Content words of a question: what a follow-up's pronoun most likely points at."""
    return [
        w
        for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’/&-]*", question)
        if w.lower() not in _QUESTION_WORDS and len(w) > 1
    ]


def is_followup(question: str) -> bool:
    content = subject_terms(question)
    if _FOLLOW_START.match(question) and len(content) <= 6:
        return True
    return bool(_PRONOUN.search(question)) and len(content) <= 4


def is_elliptical(question: str) -> bool:
    """A question part that names no subject of its own ("and which in the 2019-21 plan?").

    >>> is_elliptical("which in the 2019-21 plan?"), is_elliptical("who chairs the board now?")
    (True, False)
    """
    own = [t for t in subject_terms(question) if not re.search(r"\d", t)]
    return len([t for t in own if t.lower() not in _PLAN_WORDS]) == 0


_PLAN_WORDS = {"plan", "report", "refresh", "document", "year", "period", "now", "currently"}


def make_standalone(question: str, history: list[str], part: bool = False) -> tuple[str, bool]:
    """Resolve a follow-up against the earlier user turns, without an LLM: the previous
    question's subject terms are carried over (the chain is resolved turn by turn). A later
    ``part`` of a split question that names no subject takes the earlier part's."""
    previous = ""
    for turn in history:
        previous = _resolve(turn, previous)
    resolved = _resolve(question, previous, force=part and is_elliptical(question))
    return resolved, resolved != question


def _resolve(question: str, previous: str, force: bool = False) -> str:
    question = question.strip()
    if not previous or not (force or is_followup(question)):
        return question
    have = {w.lower() for w in subject_terms(question)}
    carried = [w for w in subject_terms(previous) if w.lower() not in have]
    if not carried:
        return question
    # A named year in the new turn replaces the previous turn's year; "now" drops it.
    if _YEAR.search(question) or _YEAR_RANGE.search(question) or _PRESENT.search(question):
        carried = [w for w in carried if not _YEAR.fullmatch(w) and not _YEAR_RANGE.fullmatch(w)]
    return f"{question.rstrip('?').rstrip()} ({' '.join(carried)})?"


def expand_acronyms(text: str, glossary: dict[str, list[str]]) -> list[str]:
    """Expansions of the acronyms a query uses, and acronyms of expansions it spells out."""
    out: list[str] = []
    tokens = set(re.findall(r"[A-Za-z&]{2,10}", text))
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


def expand_synonyms(text: str, table: dict[str, list[str]]) -> list[str]:
    """The document terms for the shorthand a question uses ("front door" -> MASH).

    >>> expand_synonyms("What happens at the front door?", {"front door": ["MASH"]})
    ['MASH']
    >>> expand_synonyms("the frontdoor", {"front door": ["MASH"]})
    []
    """
    lowered = " ".join(re.findall(r"[a-z0-9'’-]+", text.lower()))
    out: list[str] = []
    for phrase, alternatives in table.items():
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", lowered):
            out.extend(a for a in alternatives if a not in out)
    return out


_MONTHS_DAYS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "i",
    "i'm",
    "i've",
    "ok",
    "uk",
    "england",
    "nhs",
}
_CODE_NAME = re.compile(r"\b(?:Child|Baby|Family|Young Person|Sibling)\s+[A-Z]\b")


def unknown_names(question: str, known: set[str], corpus_text: str) -> list[str]:
    """Capitalised names and codes in a question that no document mentions ("Jayden",
    "Child D"): the documents cannot answer about them.

    >>> unknown_names("What happened to Jayden in the OSCB review?", {"oscb", "review"}, "")
    ['Jayden']
    """
    found = [
        m.group(0) for m in _CODE_NAME.finditer(question) if m.group(0).lower() not in corpus_text
    ]
    for m in re.finditer(r"(?<![\w'’])([A-Z][A-Za-z'’&-]+)", question):
        token = m.group(1).strip("'’")
        lowered = token.lower().removesuffix("'s").removesuffix("’s")
        at_start = m.start() == 0 or question[: m.start()].rstrip().endswith((".", "?", "!", ":"))
        if at_start and not token.isupper():
            continue  # an ordinary word capitalised at the start of a sentence
        if lowered in _MONTHS_DAYS or len(lowered) < 2 or any(ch.isdigit() for ch in lowered):
            continue
        if lowered in known or lowered.rstrip("s") in known:
            continue
        if any(part in known for part in re.split(r"[-&]", lowered) if part) and "-" in lowered:
            continue
        found.append(token)
    return found


def _stem(word: str) -> str:
    from assistant.index.lexical import stem_word

    return stem_word(word)


def correct_typos(
    text: str,
    vocabulary: Collection[str],
    frequency: Callable[[str], float] | None = None,
    known: Collection[str] | None = None,
) -> dict[str, str]:
    """Misspelt words mapped to the nearest word the corpus uses (edit distance 1-2)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    # A sorted list: equally close words then resolve the same way in every process.
    choices = vocabulary if isinstance(vocabulary, (list, tuple)) else sorted(vocabulary)
    known = known if known is not None else set(choices)
    english = english_words()
    fixes: dict[str, str] = {}
    for word in sorted(set(words(text))):
        if len(word) < 5 or word in known or word in _QUESTION_WORDS or word.isdigit():
            continue
        base = re.sub(r"['’]s?$", "", word)
        if word in english or base in known or base in english:
            continue  # a real word the corpus lacks ("counts"), or a possessive: not a typo
        if "-" in word and all(part in known or len(part) < 5 for part in word.split("-")):
            continue  # "multi-agency" is spelt right even where the corpus writes "multiagency"
        limit = 1 if len(word) < 7 else 2
        matches = [
            m
            for m in process.extract(
                word, choices, scorer=Levenshtein.distance, score_cutoff=limit, limit=20
            )
            if m[0][0] == word[0]  # typos almost never change the first letter: "drinking"
        ]  # is a real word the corpus lacks, not a misspelt "thinking"
        # Another form of the same word ("escalate", "escalated") is no typo: search stems.
        matches = [m for m in matches if _stem(m[0]) != _stem(word)]
        if matches:
            # Closest first; among equally close words the one the corpus uses most, then
            # alphabetical, so the choice is the same in every process.
            best = min(
                matches,
                key=lambda m: (m[1], -(frequency(m[0]) if frequency else 0.0), m[0]),
            )
            fixes[word] = best[0]
    return fixes


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
) -> QueryPlan:
    standalone, followup = make_standalone(question, history or [], part)
    intent, years = time_intent(standalone)
    corrections = correct_typos(standalone, vocabulary, frequency, vocabulary_set)
    corrected = standalone
    for wrong, right in corrections.items():
        corrected = re.sub(rf"\b{re.escape(wrong)}\b", right, corrected, flags=re.I)
    expansions = expand_acronyms(corrected, glossary)
    search = corrected + ("\n" + "; ".join(expansions) if expansions else "")
    return QueryPlan(
        original=question,
        standalone=standalone,
        search_text=search,
        time_intent=intent,
        years=years,
        yes_no=bool(_YES_NO.match(question))
        and not question.strip()
        .lower()
        .startswith(("should i", "should we", "do i need", "can i")),
        followup=followup,
        explicit_present=bool(_PRESENT.search(standalone)),
        expansions=expansions,
        corrections=corrections,
        unknown=unknown_names(corrected, known_tokens, corpus_text) if known_tokens else [],
        corrected=corrected,
        synonyms=expand_synonyms(corrected, synonyms) if synonyms else [],
    )
