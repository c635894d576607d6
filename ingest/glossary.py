"""Mine acronyms and their expansions from the documents themselves.

Patterns: "Full Name (ACR)", "ACR – Full Name", "ACR: Full Name", "ACR is the ... 'full name'".
An expansion is kept only if its words' initials spell the acronym (in order, or as a multiset
for the looser patterns), so ordinary parentheses are not mistaken for acronyms.
"""

from __future__ import annotations

import re
from collections import Counter

_ACR = r"([A-Z][A-Za-z&]{0,2}[A-Z][A-Z&]{0,7}\d?s?)"  # "GCP2": Graded Care Profile 2
_PAREN = re.compile(r"([A-Za-z][A-Za-z0-9'’&,\- ]{3,120}?)\s*\(\s*" + _ACR + r"\s*\)")
_DASH = re.compile(
    r"(?:^|\n|[-•·]\s)\s*" + _ACR + r"\s*(?:–|—|-|:)\s*([A-Z][A-Za-z'’&,\- ]{3,100})"
)
_IS = re.compile(r"\b" + _ACR + r"[¹²³]?\s+(?:is|stands for)\s+(?:the|an?)?\s*([^.\n]{3,100})")
_MINOR = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "&", "with", "at", "by"}


def _initials(words: list[str]) -> str:
    letters = []
    for w in words:
        for part in re.split(r"[-/]", w):
            part = part.strip("'’\"‘,")
            if part and part.lower() not in _MINOR:
                letters.append(part[0].upper())
    return "".join(letters)


def _letters(acronym: str) -> str:
    core = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    return "".join(ch for ch in core.upper() if ch.isalnum())


def _best_expansion(acronym: str, candidate: str, loose: bool) -> str | None:
    """The shortest tail of ``candidate`` (words before the parenthesis) that spells it."""
    target = _letters(acronym)
    words = candidate.replace("‘", "").replace("'", "").split()
    words = [w for w in words if w.strip(",")]
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        initials = _initials(tail)
        if initials == target or (
            len(initials) >= len(target) - 1
            and initials.startswith(target[:1])
            and target.startswith(initials)
            and len(initials) >= 3
        ):
            return " ".join(tail).strip(" ,")
        if len(initials) > len(target) + 1:
            break
    if loose:
        tail = words[-(len(target) + 2) :]
        if tail and Counter(_initials(tail)) >= Counter(target):
            return " ".join(tail).strip(" ,")
    return None


def _clean(expansion: str) -> str:
    expansion = re.sub(r"\s+", " ", expansion).strip(" ,.;:-–'’‘")
    return expansion[:1].upper() + expansion[1:]


def mine_glossary(text: str) -> list[tuple[str, str]]:
    """(acronym, expansion) pairs found in a text, each distinct pair once, in order found.

    >>> mine_glossary("working with the Oxfordshire Safeguarding Adults Board (OSAB) on housing")
    [('OSAB', 'Oxfordshire Safeguarding Adults Board')]
    """
    found: list[tuple[str, str]] = []
    for match in _PAREN.finditer(text):
        expansion = _best_expansion(match.group(2), match.group(1), loose=False)
        if expansion:
            found.append((match.group(2), _clean(expansion)))
    for match in _DASH.finditer(text):
        words = match.group(2).split()
        for end in range(len(words), 0, -1):
            if _initials(words[:end]) == _letters(match.group(1)):
                found.append((match.group(1), _clean(" ".join(words[:end]))))
                break
    for match in _IS.finditer(text):
        expansion = _best_expansion(match.group(1), match.group(2), loose=True)
        if expansion:
            found.append((match.group(1), _clean(expansion)))
    seen: set[tuple[str, str]] = set()
    out = []
    for acr, exp in found:
        key = (acr, exp.lower())
        if key not in seen and acr.lower() != exp.lower():
            seen.add(key)
            out.append((acr, exp))
    return out
