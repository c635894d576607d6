"""Questions that ask for a contact detail (an email address, a website, a phone number).

A document's own contact line ("oscp@oxfordshire.gov.uk www.oscp.org.uk") answers such a
question only when it belongs to what the question names: the legal officer's email address is
no answer to "what is the MASH's email?". Anything else is a near miss, and the answer says so
rather than hand out the wrong number.
"""

from __future__ import annotations

import re

from assistant.compose.words import GENERIC, STOP, stem
from assistant.textutil import EMAIL, PHONE, URL, words

ASKS_CONTACT = re.compile(
    r"\b(e-?mail|website address|web address|phone|telephone|number to call|contact details|"
    r"contact (?:the|us|them)|get in touch|twitter|instagram|facebook|linkedin|social media|"
    r"handle)\b",
    re.I,
)
_SOCIAL = re.compile(
    r"(?<![\w.])@\w{2,}\b(?!\.)|\b(?:twitter|x|facebook|instagram|linkedin)\.com/\w", re.I
)
_CONTACT_WORDS = {
    "email",
    "e-mail",
    "mail",
    "website",
    "web",
    "site",
    "address",
    "phone",
    "telephone",
    "number",
    "call",
    "contact",
    "details",
    "detail",
    "twitter",
    "instagram",
    "facebook",
    "linkedin",
    "social",
    "media",
    "handle",
    "account",
}


def _asked(question: str) -> set[str]:
    """The question's words that can name whose contact detail it wants."""
    found = {re.sub(r"['’]s?$", "", w) for w in words(question)}  # "the OSCP's email"
    return {w for w in found if w not in STOP and w not in _CONTACT_WORDS and len(w) > 2}


def _kinds_asked(question: str) -> set[str]:
    """Which kinds of contact detail answer: a phone question is not answered by an email."""
    q = question.lower()
    kinds = {
        kind
        for kind, cue in (
            ("email", r"\be-?mail\b"),
            ("website", r"\bweb ?(site )?address\b|\bwebsite\b"),
            ("phone", r"\b(phone|telephone|number to call|call)\b"),
            ("social", r"\b(twitter|instagram|facebook|linkedin|social media|handle)\b"),
        )
        if re.search(cue, q)
    }
    return kinds or {"email", "website", "phone"}  # "how do I contact them?": any


def gives_contact_of(question: str, sentence: str) -> bool:
    """The sentence gives a contact detail of what the question names: an address whose name
    part is one of its words (oscp@..., www.oscp.org.uk), or a phone number beside one of its
    specific words ("MASH: 0345 ...").

    >>> gives_contact_of("What is the OSCP's email address?", "oscp@oxfordshire.gov.uk")
    True
    >>> gives_contact_of("What is the MASH email?", "Checked by: jo.bloggs@oxfordshire.gov.uk")
    False
    >>> gives_contact_of("What is the OSCP phone number?", "oscp@oxfordshire.gov.uk")
    False
    >>> gives_contact_of("whats the OSCB twitter handle?", "Email oscb@oxfordshire.gov.uk")
    False
    """
    asked = _asked(question)
    kinds = _kinds_asked(question)
    if "social" in kinds and _SOCIAL.search(sentence):
        return True  # "@OSCB_News": a handle answers "what's the OSCB twitter handle?"
    for found in EMAIL.finditer(sentence) if "email" in kinds else ():
        if set(words(found.group(0).split("@")[0].replace(".", " "))) & asked:
            return True
    for found in URL.finditer(sentence) if "website" in kinds else ():
        host = re.sub(r"^(https?://)?(www\.)?", "", found.group(0).lower())
        if host.split(".")[0] in asked:
            return True
    if "phone" in kinds and PHONE.search(sentence):
        beside = {stem(w) for w in words(PHONE.sub(" ", sentence))} - GENERIC
        return bool(beside & {stem(w) for w in asked})
    return False


# "How do schools sign up to the newsletter?" asks for a way to join, not that one exists.
ASKS_SIGN_UP = re.compile(
    r"\bhow (?:do|can|does|should|would|to)\b[^?]*\b(?:sign(?:ed)? up|subscribe|"
    r"register|enrol|join (?:the |a )?(?:mailing|distribution) list)\b",
    re.I,
)
_ROUTE = re.compile(
    r"\b(?:sign(?:ed|ing)? up|subscri\w*|register\w*|enrol\w*|apply|application|book\w*|"
    r"e-?mail\w*|website|online|link|via|contact)\b",
    re.I,
)


def gives_route(sentence: str) -> bool:
    """The sentence says how to join something: register, subscribe, email, a link.

    >>> gives_route("Colleagues can register for updates."), gives_route("It has a newsletter.")
    (True, False)
    """
    return bool(_ROUTE.search(sentence) or EMAIL.search(sentence) or URL.search(sentence))
