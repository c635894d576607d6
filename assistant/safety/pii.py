"""Personal details about a child: find them, warn about them, and keep them out of logs.

This tool does not hold case records, so a message that carries a date of birth, an address or a
name with an age is a sign someone is typing a case in. We warn them, and we redact the message
before anything about it is logged. Patterns are deliberately specific: the corpus is full of
years, periods ("2019-21", "2017/18") and counts, and those must not be mistaken for a child's
details.
"""

from __future__ import annotations

import logging
import re

from assistant.textutil import EMAIL as _EMAIL
from assistant.textutil import PHONE as _PHONE
from assistant.types import Notice

DOB = "date of birth"
NAME_AGE = "name with age"
ADDRESS = "address"
POSTCODE = "postcode"
PHONE = "phone number"
NHS = "NHS number"
EMAIL = "email"
KINDS: tuple[str, ...] = (DOB, NAME_AGE, ADDRESS, POSTCODE, PHONE, NHS, EMAIL)

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_FULL_TEXT_DATE = (
    rf"(?:{_DAY}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTHS}\.?,?\s+(?:\d{{4}}|'?\d{{2}})"
    rf"|{_MONTHS}\.?\s+{_DAY}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MONTHS}\s+\d{{4}})"
)
# 12/03/2015, 12.3.15, 12-03-2015: day, month and year all present (so "2019-21" is not one).
_NUMERIC_DATE = re.compile(
    rf"(?<![\w./-]){_DAY}([/.\-])(?:0?[1-9]|1[0-2])\1(?:\d{{4}}|\d{{2}})(?![\w/]|[.-]\d)"
)
# Numbered things that look like d.m.y: "section 4.1.12", "version 2.3.10".
_NUMBERED = re.compile(
    r"(?:section|para(?:graph)?|chapter|appendix|version|v|figure|table)\s*$", re.IGNORECASE
)
# A birth cue and a date in words: "born on 3 March 2016", "DOB: 2016" (a bare year only after
# "DOB"/"date of birth", so "children born in 2020" in a statistics question is not flagged).
_BIRTH_DATE = re.compile(
    rf"\b(?:born|birthday)\b[\s:,-]*(?:is\s+|was\s+|on\s+|in\s+)*(?:the\s+)?{_FULL_TEXT_DATE}"
    rf"|\b(?:d\.?o\.?b\b\.?|date of birth)[\s:,-]*(?:is\s+|was\s+)?"
    rf"(?:{_FULL_TEXT_DATE}|(?:19|20)\d{{2}}\b)",
    re.IGNORECASE,
)
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen)"
)
_AGE = rf"(?:1[0-8]|[1-9]|{_NUMBER_WORDS})"
# "Tom, 7," / "Amira (age 12)" / "Tom aged 7" / "Tom who is 7" / "Tom (7yo)".
_NAME_AGE = re.compile(
    rf"\b([A-Z][a-z]{{1,20}}(?:[-'][A-Z]?[a-z]+)?)(?:\s+[A-Z][a-z]+)?"
    rf"(?:\s*,\s*(?:aged?\s*)?|\s*\(\s*(?:aged?\s*)?|\s+aged?\s+|\s+(?:who\s+)?is\s+(?:aged?\s+)?)"
    rf"{_AGE}(?=\s*(?:\)|,|;|\.(?!\d)|$|\s*(?:y/?o|yrs?|years?)\b)|\s+and\s+\d|\s+has|\s+is|\s+was)"
    r"(?:\s*(?:y/?o|yrs?|years?)(?:[\s-]*old)?)?(?:\s*\))?"
)
# Capitalised words that are not first names (sentence starters, places, document words).
_NOT_NAMES = frozenset(
    """a an and as at also after age aged appendix april august before between but by chapter
    december during each every february figure for from however if in january july june key
    level march may november october of on or overall page part phase priority section
    september since so stage step table the then there these this those tier to total under
    until version was we what when where which while who why with year yes no not our their
    my his her its page point question item number group round week day term grade class
    it he she they here answer option chart wave cohort area locality team band score rating
    working together oxfordshire oxford england wales london""".split()
)
_POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s*(?!1st|2nd|3rd|\dth)\d[ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)
_STREET_PLAIN = (
    r"(?:road|rd|street|avenue|ave|lane|crescent|terrace|drive|mews|gardens|grove|boulevard)"
)
_STREET_ANY = (
    rf"(?:{_STREET_PLAIN}|close|way|place|court|park|hill|view|walk|row|rise|square|green"
    r"|st|dr|ln|estate|parade)"
)
# "12 Oak Road", "flat 3, 14 Mill Street"; lower case allowed only with unambiguous street words.
_ADDRESS = re.compile(
    rf"(?<![\w.,/-])(?:(?i:flat)\s+\d+[a-z]?,?\s+)?\d{{1,3}}[a-zA-Z]?,?\s+"
    rf"(?:(?:[A-Z][a-z]+\s+){{1,3}}(?i:{_STREET_ANY})"
    rf"|(?i:(?:(?!(?:the|a|an|of|in|on|at|to|and|for|by|or|year|years)\b)[a-z]+\s+){{1,3}}"
    rf"{_STREET_PLAIN}))\b"
)
_NHS = re.compile(
    r"(?<![\w-])(?:[1-9]\d{2}[\s-]\d{3}[\s-]\d{4}|[1-9]\d{9})(?![\w-])"
    r"|\bnhs\s*(?:no\.?|number|#)?\s*:?\s*\d[\d\s-]{8,12}\d",
    re.IGNORECASE,
)


def _spans(message: str) -> list[tuple[int, int, str]]:
    """Every detail found as (start, end, kind), overlaps resolved in favour of the earliest."""
    found: list[tuple[int, int, str]] = []
    for m in _NUMERIC_DATE.finditer(message):
        if not _NUMBERED.search(message, 0, m.start()):
            found.append((m.start(), m.end(), DOB))
    for pattern, kind in (
        (_EMAIL, EMAIL),
        (_BIRTH_DATE, DOB),
        (_NHS, NHS),
        (_PHONE, PHONE),
        (_POSTCODE, POSTCODE),
        (_ADDRESS, ADDRESS),
    ):
        found.extend((m.start(), m.end(), kind) for m in pattern.finditer(message))
    for m in _NAME_AGE.finditer(message):
        if m.group(1).lower() not in _NOT_NAMES:
            found.append((m.start(), m.end(), NAME_AGE))
    found.sort(key=lambda s: (s[0], -s[1]))
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end, merged[-1][2])
            continue
        merged.append((start, end, kind))
    return merged


def find_personal_details(message: str) -> list[str]:
    """The kinds of identifying detail in ``message`` (in ``KINDS`` order, no repeats)."""
    kinds = {kind for _, _, kind in _spans(message or "")}
    return [k for k in KINDS if k in kinds]


def redact(message: str) -> str:
    """``message`` with each identifying detail replaced by ``[REDACTED <kind>]``."""
    if not message:
        return message
    out: list[str] = []
    last = 0
    for start, end, kind in _spans(message):
        out.append(message[last:start])
        out.append(f"[REDACTED {kind}]")
        last = end
    out.append(message[last:])
    return "".join(out)


def personal_details_notice(kinds: list[str]) -> Notice:
    """The fixed warning shown when a message seems to identify a child."""
    found = ", ".join(kinds) if kinds else "identifying details"
    text = (
        f"Your message seems to include details that could identify a child or family ({found}).\n"
        "\n"
        "Please do not enter names, dates of birth, addresses, phone numbers or other identifying "
        "details about a child here. This tool does not store or manage cases: record your "
        "concern in your organisation's case recording system and follow your safeguarding "
        "procedure. You can ask your question again without the personal details."
    )
    return Notice(kind="warning", text=text)


class RedactingFilter(logging.Filter):
    """Redacts personal details from a record's message, arguments and traceback text.

    Attach it to handlers (``handler.addFilter(RedactingFilter())``): a filter on a logger does
    not see records propagated from its child loggers, a filter on a handler sees all of them.
    It never drops a record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # malformed %-args: still redact what is there
            message = f"{record.msg} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
