"""Figures: what counts as a figure or a count in a sentence, and the numbers a question
itself states (which an answer must then give)."""

from __future__ import annotations

import re

from assistant.query import without_periods

_NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|half|quarter)\b",
    re.I,
)

# A number that names something rather than counting it: "Section 11", "section 175/157".
_NAMED_NUMBER = re.compile(
    r"\b(section|sections|s\.|part|chapter|paragraph|page|tier|level|stage|step|phase|"
    r"priority|aim|objective|article|schedule|regulation|rule)\s+\d+[a-z]?(?:\s*/\s*\d+)*",
    re.I,
)


def question_numbers(question: str, years: tuple[int, int] | None) -> list[str]:
    """Numbers a question itself states (ages, counts, both ends of "aged 19-21"), other than
    its years and plan periods: constraints an answer must meet.

    >>> question_numbers("What % of care leavers aged 19-21 are in work in 2024/25?", (2024, 2025))
    ['19', '21']
    """
    skip = {str(y) for y in range(years[0], years[1] + 1)} if years else set()
    text = without_periods(_NAMED_NUMBER.sub(" ", question))
    text = re.sub(r"(?<!\d)(?:19|20)\d\d(?!\d)", " ", text)
    found = re.findall(r"(?<![\d/.,£])(?<![A-Za-z]-)\d{1,3}(?![\d/.,A-Za-z]|-[A-Za-z])", text)
    return [n for n in found if n not in skip]


# A number of months, years... is a time span, not a count ("within 12 months").
_NOT_A_SPAN = r"(?!\s*(?:months?|years?|weeks?|days?|hours?|minutes?)\b)"


_DIGIT_WORDS = dict(
    enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
)


def states_number(text: str, number: str) -> bool:
    """The text gives this number, in digits or in words ("8" or "eight").

    >>> states_number("eight recommendations", "8"), states_number("in 2019", "19")
    (True, False)
    """
    if re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d,]*\d)", text):
        return True
    word = _DIGIT_WORDS.get(int(number)) if number.isdigit() else None
    return bool(word and re.search(rf"\b{word}\b", text, re.I))


def has_figure(text: str) -> bool:
    """A number that is neither a year nor part of a name ("GCP2", "S11", "Section 175/157"),
    or a number word.

    >>> has_figure("A tool mirroring GCP2 is expected in 2025."), has_figure("It fell by 6%.")
    (False, True)
    >>> has_figure("Section 11 self-assessments and the Section 175/157 audit")
    False
    """
    found = re.findall(r"(?<![A-Za-z\d])\d[\d,.%]*(?![A-Za-z])", _NAMED_NUMBER.sub(" ", text))
    return any(not re.fullmatch(r"(19|20)\d\d", f.rstrip(".,")) for f in found) or bool(
        _NUMBER_WORDS.search(text)
    )


def has_count(text: str) -> bool:
    """A figure that counts (not a percentage, a rate or a year): what "how many" asks for.

    >>> has_count("It fell from 798 to 733."), has_count("It stayed at 19.3%.")
    (True, False)
    >>> has_count("21% were re-referred within 12 months."), has_count("in the last two months")
    (False, False)
    """
    found = re.findall(
        r"(?<![A-Za-z\d.])\d[\d,]*(?![\d.,]*\s*(?:%|per ?cent))(?![A-Za-z\d])" + _NOT_A_SPAN,
        _NAMED_NUMBER.sub(" ", text),
    )
    return any(not re.fullmatch(r"(19|20)\d\d", f.rstrip(",")) for f in found) or bool(
        re.search(_NUMBER_WORDS.pattern + _NOT_A_SPAN, text, re.I)
    )
