"""Content words: the unit of the composer's overlap, specificity and redundancy scores.

Stemmed so that "priority" and "priorities" count as one word; function words and words of time
intent are dropped because they say nothing about what a sentence is about.
"""

from __future__ import annotations

import re
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
    "whats",
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
    # pronouns name no topic ("what's his role meant to be?")
    *("he", "his", "him", "she", "her", "hers", "its", "they", "them", "their", "theirs"),
    *("ours", "us", "your", "yours"),
    # words of time intent, not of content ("how many live here now?")
    "now",
    "current",
    "currently",
    "still",
    "today",
    "latest",
    "recent",
    "recently",
    "old",
    "former",
    "formerly",
    # negations say how, not what ("when agencies can't agree")
    *("can't", "can’t", "cannot", "don't", "don’t", "won't", "won’t"),
}

# Words too common in these documents (or in questions) to tell one topic from another
# (compared as stems: see ``GENERIC`` below the stemmer).
_GENERIC_WORDS = {
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
    # particles of phrasal verbs ("signed off", "set up", "find out") name no topic
    "off",
    "up",
    "out",
}


# Irregular past forms, so that "met six times" answers "how often does it meet?".
_IRREGULAR = {
    "met": "meet",
    "held": "hold",
    "led": "lead",
    "sent": "send",
    "paid": "pay",
    "began": "begin",
    "begun": "begin",
    "chose": "choose",
    "chosen": "choose",
    "grew": "grow",
    "grown": "grow",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "wrote": "write",
    "written": "write",
    "brought": "bring",
    "taught": "teach",
    "sought": "seek",
    "kept": "keep",
    "spent": "spend",
    "built": "build",
}


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Cached: the same few thousand words are stemmed for every question. A doubled final
    consonant is undoubled, so "referrals" (referr) meets "referred" (refer).

    >>> stem("referrals") == stem("referred"), stem("met") == stem("meets")
    (True, True)
    """
    stemmed = _stemmer().stemWord(_IRREGULAR.get(word, word))
    if len(stemmed) > 4 and stemmed[-1] == stemmed[-2] and stemmed[-1] not in "aeiou":
        return stemmed[:-1]
    return stemmed


@lru_cache(maxsize=1)
def _stemmer() -> Any:  # PyStemmer ships no type hints
    """Loaded on first use, so importing the composer stays cheap."""
    import Stemmer

    return Stemmer.Stemmer("english")


GENERIC = frozenset(stem(w) for w in _GENERIC_WORDS)


_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,}[0-9]?)s\b")
_SHORT_ACRONYM = re.compile(r"\b[A-Z]{2}\b")


_OLD_DAYS = re.compile(r"\b(?:old|early|those|earlier) ((?:\w+ )?)days\b", re.I)


def content_words(text: str) -> set[str]:
    """Stemmed words that carry meaning (the unit of overlap and specificity scores).

    >>> sorted(content_words("How many CSPRs are active?"))
    ['activ', 'cspr', 'mani']
    >>> sorted(content_words("How many GPs came?"))
    ['came', 'gp', 'mani']
    """
    text = _ACRONYM_PLURAL.sub(r"\1", text)  # "CSPRs" is the plural of "CSPR"
    text = _OLD_DAYS.sub(r" \1", text)  # "in the old OSCB days": a time, not a topic
    found = {stem(w) for w in words(text) if w not in STOP and len(w) > 2}
    short = {w.lower() for w in _SHORT_ACRONYM.findall(text)}  # "GPs", "CP plans"
    return found | (short - STOP)


def initials(phrase: str) -> str:
    """The acronym a phrase spells, lower-case ("Performance, Audit, and Quality Assurance" ->
    "paqa"), skipping the small words acronyms leave out.

    >>> initials("Performance, Audit, and Quality Assurance"), initials("domestic abuse")
    ('paqa', 'da')
    """
    return "".join(w[0] for w in words(phrase) if w not in {"and", "of", "the", "for", "&"})


def phrases(text: str, written_lower: bool = False) -> set[tuple[str, str]]:
    """Adjacent pairs of content words, stemmed ("absence rate"): a phrase shared with the
    question is stronger evidence than the same words scattered. ``written_lower`` keeps
    only words written in lower case (a question's names are matched elsewhere).

    >>> sorted(phrases("The overall absence rates of pupils"))
    [('absenc', 'rate'), ('overal', 'absenc')]
    >>> sorted(phrases("Did the Quality Assurance group escalate issues?", written_lower=True))
    [('escal', 'issu'), ('group', 'escal')]
    """
    tokens = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if written_lower:
        tokens = [t if t.islower() else "" for t in tokens]
    kept = [stem(t.lower()) if t and t.lower() not in STOP and len(t) > 2 else "" for t in tokens]
    return {(a, b) for a, b in zip(kept, kept[1:], strict=False) if a and b}


def names_all(text: str, words: set[str]) -> bool:
    """Every word, matched on its first five letters ("re-referrals": "re-referred")."""
    found = {w[:5] for w in content_words(text)}
    return all(w[:5] in found for w in words)


Synonyms = list[tuple[list[set[str]], set[str]]]


def synonym_words(synonyms_of: dict[str, list[str]]) -> Synonyms:
    """The synonyms table's entries for a question, as words: each phrase's alternatives and
    the question's words they stand for ("sign off": approved)."""
    return [
        ([content_words(t) for t in terms if content_words(t)], content_words(phrase))
        for phrase, terms in synonyms_of.items()
    ]


def stood_for(found: set[str], synonyms: Synonyms) -> set[str]:
    """The question's words that a synonym among ``found`` stands for."""
    out: set[str] = set()
    for terms, meant in synonyms:
        if any(t <= found for t in terms):
            out |= meant
    return out
