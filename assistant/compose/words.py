"""Content words: the unit of the composer's overlap, specificity and redundancy scores.

Stemmed so that "priority" and "priorities" count as one word; function words and words of time
intent are dropped because they say nothing about what a sentence is about.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from assistant.textutil import words

STOP = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "in",
    "on",
    "for",
    "to",
    "is",
    "are",
    "was",
    "were",
    "what",
    "who",
    "how",
    "when",
    "which",
    "does",
    "do",
    "did",
    "our",
    "we",
    "it",
    "this",
    # words of time intent, not of content ("how many live here now?")
    "now",
    "current",
    "currently",
    "still",
    "today",
    "latest",
    "recent",
    "recently",
}

# Stemmed words too common in these documents (or in questions) to tell one topic from another.
GENERIC = {
    "many",
    "much",
    "number",
    "date",
    "children",
    "child",
    "oxfordshire",
    "year",
    "figure",
    "percentage",
    "proportion",
    "rate",
    "often",
    "osc",
    "oscb",
    "oscp",
    "partnership",
    "board",
    "safeguard",
    "safeguarding",
    "receive",
    "happen",
    "doe",
    "did",
    "wa",
    "were",
}


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Cached: the same few thousand words are stemmed for every question."""
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer() -> Any:  # PyStemmer ships no type hints
    """Loaded on first use, so importing the composer stays cheap."""
    import Stemmer

    return Stemmer.Stemmer("english")


def content_words(text: str) -> set[str]:
    """Stemmed words that carry meaning (the unit of overlap and specificity scores)."""
    return {stem(w) for w in words(text) if w not in STOP and len(w) > 2}
