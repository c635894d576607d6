"""Words the corpus knows: typo repair against its vocabulary, and names it never mentions.

Both run before retrieval, on the question alone; they never change what the answer quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.textutil import MONTHS, english_words, spelt_phrase, words

QUESTION_WORDS = {
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


_MONTHS_DAYS = {
    *MONTHS,
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
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
    for m in re.finditer(r"(?<![\w'’])([A-Z][A-Za-z0-9'’&-]+)", question):  # "GCP2" whole
        token = m.group(1).strip("'’")
        lowered = token.lower().removesuffix("'s").removesuffix("’s")
        at_start = m.start() == 0 or question[: m.start()].rstrip().endswith((".", "?", "!", ":"))
        if at_start and not token.isupper():
            continue  # an ordinary word capitalised at the start of a sentence
        if lowered in _MONTHS_DAYS or len(lowered) < 2:
            continue
        if lowered in known or lowered.rstrip("s") in known or f"{lowered}s" in known:
            continue
        if any(part in known for part in re.split(r"[-&]", lowered) if part) and "-" in lowered:
            continue
        if token.isupper() and spelt_phrase(lowered, question):
            continue  # "HOTH - ... harm outside the home": the question spells it out
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
        if len(word) < 5 or word in known or word in QUESTION_WORDS or word.isdigit():
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
