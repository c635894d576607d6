""" "What's GCP2?": an answer that uses an acronym without spelling it out starts with what the
documents' own glossary says it stands for, and where each expansion comes from."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answerer import AnswerRequest
from assistant.compose.scoring import Scored
from assistant.textutil import spelt_phrase
from assistant.types import Answer

_ASKS = re.compile(
    r"\b(?i:what(?:'s|’s| is| are| does| do)(?: exactly)?\s+(?:an? |the )?)"
    r"(?P<acr>[A-Z][A-Za-z&]*[A-Z]\d?s?)"
    r"(?=\s*(?:\?|,|$|\s+(?i:stand|mean|short|exactly|(?:in|of|on|for|from|under|mentioned)\b)))"
    r"|^\W*(?P<bare>[A-Z][A-Za-z&]*[A-Z]\d?s?)\s*(?:\?|(?i:stands? for|means?)\b)"
    r"|\b(?P<being>[A-Z][A-Za-z&]*[A-Z]\d?s?),? (?i:being|meaning|is|=) (?i:what)\b",
)


def asked_acronym(question: str) -> str | None:
    """The acronym a question asks to have spelt out.

    >>> asked_acronym("what's GCP2, the thing the health visitors are trained on?")
    'GCP2'
    >>> asked_acronym("What does OSAB stand for?"), asked_acronym("What does OSAB do?")
    ('OSAB', None)
    >>> asked_acronym("what's the NRM in the CE pilot?"), asked_acronym("What's the CE group?")
    ('NRM', None)
    >>> asked_acronym("the CAMHs referral numbers - CAMHs being what exactly?")
    'CAMHs'
    """
    m = _ASKS.search(question.strip())
    return (m.group("acr") or m.group("bare") or m.group("being")) if m else None


_STANDS_FOR = re.compile(r"\b(stands? for|short for)\b", re.I)


def misses_spelling(request: AnswerRequest, scored: list[Scored]) -> bool:
    """ "What does THRIVE stand for?" when no document spells it out: the glossary has no
    entry and no top sentence's words give its letters. Say so; never make one up."""
    acronym, entries = request.extra.get("spellings") or ("", [])
    if not acronym or entries or not _STANDS_FOR.search(request.question):
        return False
    letters = re.sub(r"[^a-z]", "", acronym.lower().removesuffix("s"))
    return not any(spelt_phrase(letters, s.text) for s in scored[:5])


def spell_out(answer: Answer, acronym: str, entries: list[dict[str, str]]) -> Answer:
    """Start the answer with the glossary's expansions (newest document first) unless its
    first sentence already spells the acronym out; the expansions are the documents' words,
    never made up."""
    if answer.abstained or not entries:
        return answer
    lead = answer.text.split(" [", 1)[0].lower()  # spelt out later ("- Alternative Provision:
    if any(e["expansion"].lower() in lead for e in entries):  # ...") is not what it stands for
        return answer
    newest = sorted(entries, key=lambda e: e.get("published", ""), reverse=True)
    seen: dict[str, str] = {}
    for e in newest:
        seen.setdefault(e["expansion"].lower(), f"{e['expansion']} ({_short(e)})")
    meanings = " or ".join(list(seen.values())[:2])
    return replace(answer, text=f"{acronym} stands for {meanings}.\n\n{answer.text}")


def _short(entry: dict[str, str]) -> str:
    title = entry.get("title", "").split(" (")[0].strip()
    return f"{title}, {entry['published']}" if entry.get("published") else title
