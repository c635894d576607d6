"""Text normalisation for the risk rules: one spelling per word, whatever the message's style.

Normalised text is lower case with apostrophes removed ("dont", "shes", "neighbours son"), chat
shorthand expanded ("bf" -> "boyfriend", "kms" -> "kill myself") and near-misses of the words the
rules look for corrected ("bruices" -> "bruises"), so the patterns need only one spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.textutil import english_words

_SHORTHAND = {
    r"\bu\b": "you",
    r"\bur\b": "your",
    r"\bbf\b": "boyfriend",
    r"\bgf\b": "girlfriend",
    r"\bsed\b": "said",
    r"\bsez\b": "says",
    r"\bwanna\b": "want to",
    r"\bgonna\b": "going to",
    r"\bkms\b": "kill myself",
    r"\bunalive\b": "kill",
    r"\bmom\b": "mum",
    r"\bmoms\b": "mums",
    r"\bneighbor": "neighbour",
    r"\bstep[\s-]+(dad|mum|father|mother|son|daughter|brother|sister)": r"step\1",
    r"\b(?:yr|y)\s?(\d{1,2})\b": r"year \1",
    r"\b(\d{1,2})\s?(?:yo|y/o|yrs? old)\b": r"\1 year old",
    r"\b(\d{1,2})-year-old": r"\1 year old",
    r"\bcoz\b|\bcos\b|\bbc\b": "because",
}

# Words the rules rely on; a token one edit away from one of these (and not itself an English
# word) is taken to be a typo of it.
_KEYWORDS = """
abroad abused abuse abusing afraid alone asked beaten beating boyfriend bruise bruised
bruises bruising burns confided cousin crying daughter didnt disclosed discloses disclosing
doesnt drugs drunk exploited frightened friend friends girlfriend going groomed grooming
hasnt herself himself hitting house hungry hurting injured injuries injury instagram kicked
killing married messages messaging missing myself neglected neighbour neighbours nephew
nobody photos pictures pregnant punched pupil pupils raped running scared screaming sexual
sexually shouting sister slapped smacked snapchat someone somebody starving stepdad
stepfather stepmum student students suicidal suicide teacher teaching teenager terrified
themselves threatened threatening tiktok toddler tonight touched touches touching weekend
whatsapp worried yesterday
""".split()


@lru_cache(maxsize=1)
def _deletion_index() -> dict[str, str]:
    """Each keyword, and each keyword with one letter deleted, mapped to the keyword: a typo one
    edit away is then found with a few dictionary look-ups."""
    index: dict[str, str] = {}
    for word in _KEYWORDS:
        index.setdefault(word, word)
        for i in range(len(word)):
            index.setdefault(word[:i] + word[i + 1 :], word)
    return index


def _correct(token: str) -> str:
    """The keyword ``token`` is a one-edit typo of, else ``token`` unchanged."""
    if len(token) < 5 or token in _KEYWORDS:
        return token
    english = english_words()
    if not english or token in english:
        return token
    index = _deletion_index()
    if token in index:
        return index[token]
    for i in range(len(token)):
        hit = index.get(token[:i] + token[i + 1 :])
        if hit and abs(len(hit) - len(token)) <= 1:
            return hit
    return token


def normalise(message: str) -> str:
    """Lower case, no apostrophes, shorthand expanded, near-miss keywords corrected."""
    text = message.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"'", "", text)
    text = re.sub(r"[\u201c\u201d\"*_()\[\]]", " ", text)
    for pattern, repl in _SHORTHAND.items():
        text = re.sub(pattern, repl, text)
    text = re.sub(r"[a-z]+", lambda m: _correct(m.group(0)), text)
    return re.sub(r"\s+", " ", text).strip()
