"""Figures: what counts as a figure or a count in a sentence, and the numbers a question
itself states (which an answer must then give)."""

from __future__ import annotations

import re

from assistant.compose.words import GENERIC, STOP, content_words, names_all, stem
from assistant.query import without_periods

_NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|half|quarter)\b",
    re.I,
)

# A number that names something rather than counting it: "Section 11", "section 175/157".
_NAMED_NUMBER = re.compile(
    r"(?:\b(?:section|sections|s\.|part|chapter|paragraph|page|tier|level|stage|step|phase|"
    r"priority|aim|objective|article|schedule|regulation|rule|figure|table|appendix|annex|"
    r"item|point|number|no\.?|nos\.?)|#)\s*"
    r"(?:\d+[a-z]?(?:\s*/\s*\d+)*|one|two|three|four|five|six|seven|eight|nine|ten)\b",
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
    enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _in_words(n: int) -> str | None:
    """A pattern for a number below 100 written in words ("twenty-one", "twenty one")."""
    if n in _DIGIT_WORDS:
        return _DIGIT_WORDS[n]
    if not 20 <= n < 100:
        return None
    tens, ones = _TENS[n // 10 - 2], n % 10
    return tens if not ones else rf"{tens}[- ]{_DIGIT_WORDS[ones]}"


def states_number(text: str, number: str) -> bool:
    """The text gives this number, in digits or in words ("8" or "eight", "21" or
    "twenty-one").

    >>> states_number("eight recommendations", "8"), states_number("in 2019", "19")
    (True, False)
    >>> states_number("twenty-one updates", "21"), states_number("twenty updates", "21")
    (True, False)
    """
    if re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d,]*\d)", text):
        return True
    word = _in_words(int(number)) if number.isdigit() else None
    return bool(word and re.search(rf"(?<!-)\b{word}\b(?!-)", text, re.I))


def has_figure(text: str) -> bool:
    """A number that is neither a year nor part of a name ("GCP2", "S11", "Section 175/157"),
    or a number word.

    >>> has_figure("A tool mirroring GCP2 is expected in 2025."), has_figure("It fell by 6%.")
    (False, True)
    >>> has_figure("Section 11 self-assessments and the Section 175/157 audit")
    False
    """
    text = _ENUMERATOR.sub(" ", _NAMED_NUMBER.sub(" ", text))  # "- 1. Tackling neglect"
    found = re.findall(r"(?<![A-Za-z\d])\d[\d,.%]*(?![A-Za-z])", text)
    return any(not re.fullmatch(r"(19|20)\d\d", f.rstrip(".,")) for f in found) or bool(
        _NUMBER_WORDS.search(text)
    )


# "57 fewer children": a difference, which does not say how many there are.
_NOT_A_NUMBER = re.compile(r"\b(?:one (?:another|other)|no one|someone|anyone)\b", re.I)
_ENUMERATOR = re.compile(r"(?:^|(?<=\t))(?:- )?\d{1,2}[.)](?=\s|[A-Z])")
_NOT_A_CHANGE = r"(?!\s+(?:\w+\s+)?(?:fewer|more|less)\b)"


def has_count(text: str, differences: bool = True) -> bool:
    """A figure that counts (not a percentage, a rate or a year): what "how many" asks for;
    without ``differences``, "57 fewer children" is no count either.

    >>> has_count("It fell from 798 to 733."), has_count("It stayed at 19.3%.")
    (True, False)
    >>> has_count("21% were re-referred within 12 months."), has_count("in the last two months")
    (False, False)
    >>> has_count("a 9% fall (57 fewer children aged 10-19)", differences=False)
    False
    >>> has_count("Leaders challenge one another."), has_count("One school was visited.")
    (False, True)
    >>> has_count("3. Engage local communities"), has_count("- 2.Drive forward")
    (False, False)
    >>> has_count("a learning gain from 3.87 to 4.57."), has_count("from 42 to 57.")
    (False, True)
    """
    tail = _NOT_A_SPAN + ("" if differences else _NOT_A_CHANGE)
    text = _NAMED_NUMBER.sub(" ", text)  # "Figure four", "Section 11": names, not counts
    text = _NOT_A_NUMBER.sub(" ", text)  # "challenge one another"
    text = _ENUMERATOR.sub(" ", text)  # "3. Engage local communities": an item's number
    found = re.findall(
        r"(?<![A-Za-z\d.-])\d[\d,]*(?!\.\d)(?![\d.,]*\s*(?:%|per ?cent))(?![A-Za-z\d-])" + tail,
        text,
    )
    return any(not re.fullmatch(r"(19|20)\d\d", f.rstrip(",")) for f in found) or bool(
        re.search(_NUMBER_WORDS.pattern + tail, text, re.I)
    )


_STOP = (
    r"did|do|does|were|was|are|is|have|has|had|will|would|went|got|in|from|of|on|at|for|to|"
    r"by|with|that|who|which|this|last|per|a|the|there|we|they|our|it"
)
_COUNT_STOP = re.compile(rf"(?:{_STOP}|and|or|to|as|than|is|be|been|%)", re.I)
_ASKED_THING = re.compile(
    rf"\bhow many\s+(?:of (?:the|our|these|those|its|their)\s+)?"
    rf"((?:(?!(?:{_STOP})\b)[\w'’-]+\s*){{1,3}})",
    re.I,
)


def counted_words(question: str) -> set[str]:
    """The content words of what "how many" counts ("top learning points"), but for words
    that would fit any count ("children")."""
    asked = _ASKED_THING.search(question)
    return content_words(asked.group(1)) - GENERIC if asked else set()


def counted_head(question: str) -> str | None:
    """The stem of the noun "how many" counts: "how many of the top learning points" -> point.

    >>> counted_head("How many of the top learning points did partners share?")
    'point'
    >>> counted_head("How many fewer children attended?")
    'children'
    """
    asked = _ASKED_THING.search(question)
    if not asked:
        return None
    said = asked.group(1).split()  # "fewer children attended": the counted noun, children
    plural = [w for w in said if re.search(r"(?:[^s]s|ren|ple|men)$", w.lower())]
    return stem((plural or said)[0 if plural else -1].lower())


_DOER = re.compile(
    r"\bwhat (?:percentage|proportion|share|%) of .+? (?:do|does|did) (?:the |our )?"
    r"([A-Za-z][\w'’-]+)",
    re.I,
)


def share_doer(question: str) -> str | None:
    """Who does what a share is of: "what % of conferences do the police attend?" asks for
    the police's share, which a share of fathers' attendance does not give.

    >>> share_doer("What percentage of case conferences do the police attend?")
    'polic'
    >>> share_doer("What proportion of children on plans are White British?") is None
    True
    >>> share_doer("What share of people did the 2018 refresh put at minority ethnic?") is None
    True
    """
    found = _DOER.search(question)
    word = found.group(1).lower() if found else ""
    if not word or word in STOP or stem(word) in _DOCUMENT_WORDS:
        return None  # "did the 2018 refresh put...": the document, not who does it
    return stem(word)


_DOCUMENT_WORDS = {"report", "plan", "refresh", "paper", "strategi", "document"}

_GROUP = re.compile(
    r"\b(?:what|which) (?:percentage|proportion|share|per ?cent|%) of [\w'’ -]+? "
    r"(?:are|is|were|was) ([\w'’-]+(?: [\w'’-]+)?)",
    re.I,
)
_NOT_A_GROUP = re.compile(  # "were held on time", "are in work": what they do, not who they are
    r"^(?:\w+(?:ed|ing|en)|held|made|done|seen|sent|kept|put|met|found|told|paid|in|on|at|"
    r"from|of|for|by|with|not|still|now|currently|there|here|the|a|an)$",
    re.I,
)


def share_group(question: str) -> set[str]:
    """The group whose share is asked ("what % of residents are Asian?", "what proportion of
    schools are academies?"): a share of White British residents, or of pupils in state
    schools, does not answer it.

    >>> sorted(share_group("What percentage of Oxfordshire residents are Asian in 2021?"))
    ['asian']
    >>> sorted(share_group("What proportion of the state-funded schools are academies?"))
    ['academi']
    >>> share_group("What percentage of ICPCs were held on time?")
    set()
    """
    found = _GROUP.search(question)
    if not found:
        return set()
    said = found.group(1).split()
    if said[0][0].isupper():  # "White British": the capitalised words
        said = [w for w in said if w[0].isupper()]
    elif _NOT_A_GROUP.match(said[0]):
        return set()
    else:  # "academies now": the noun alone
        said = said[:1]
    return content_words(" ".join(said)) - GENERIC


def counts_head(question: str, text: str) -> bool:
    """A number in the sentence counts the very thing "how many" asks about, with at most two
    words between ("Eight key recommendations"): not "One of these reviews".

    >>> counts_head("How many key recommendations are there?", "Eight key recommendations remain.")
    True
    >>> counts_head("How many key recommendations are there?", "One of these reviews is open.")
    False
    """
    head = counted_head(question)
    if head is None:
        return False
    number = rf"(?:\d[\d,]*|{_NUMBER_WORDS.pattern})"
    for found in re.finditer(rf"(?<![\w.-]){number}(?P<after>(?:\s+[\w'’-]+){{1,3}})", text, re.I):
        if head in {stem(w.lower()) for w in found.group("after").split()}:
            return True
    return False


def speaks_of_counted(question: str, text: str) -> bool:
    """The text names what "how many" counts ("136 delegates"), numbered or not; true when
    the question counts nothing in particular."""
    head = counted_head(question)
    return head is None or head in {stem(w.lower()) for w in re.findall(r"[\w'’-]+", text)}


def counts_other(question: str, text: str) -> bool:
    """The sentence speaks of what "how many" asks about, but its numbers count something else:
    "2 themed meetings on sepsis and on cancer related deaths" gives no number of deaths.

    >>> counts_other("How many child deaths from sepsis were reviewed?",
    ...              "2 themed meetings on sepsis and on cancer related deaths")
    True
    >>> counts_other("How many deaths were reviewed?", "The panel reviewed 40 child deaths.")
    False
    >>> counts_other("How many children were open to CAMHS?", "There were 6794 referrals.")
    True
    >>> counts_other("How many children were referred?", "There were 5203 referrals.")
    False
    >>> counts_other("How many people did training reach?", "It reaches 10,000 learners.")
    False
    >>> counts_other("How many chapters are there?", "It approved twenty-one updates to chapters.")
    True
    >>> counts_other("How many independent schools?",
    ...              "There were 362 schools in 2024, and 15% of pupils go to independent ones.")
    True
    >>> counts_other("How many independent schools are there?", "There are 20 independent schools.")
    False
    """
    head = counted_head(question)
    if head is None:
        return False
    tokens, words, numbers = _numbers(text)
    if not speaks_of_counted(question, text):
        return _counts_unasked(question, text, people=bool(_PEOPLE.search(head)))
    # Only numbers that say what they count ("2 themed meetings", not "rose to 730 at the
    # end") can show that it is something else.
    explicit = [
        i for i in numbers if i + 1 < len(tokens) and not _COUNT_STOP.fullmatch(tokens[i + 1])
    ]
    counting = [i for i in numbers if head in _counted_by(words, i)]
    if counting and not any(_qualified(question, head, words, i) for i in counting):
        return True  # "362 schools" is no number of independent schools
    return bool(explicit) and len(explicit) == len(numbers) and not counting


def counts_asked(question: str, text: str) -> bool:
    """A number in the text counts just what "how many" asks for ("362 schools").

    >>> counts_asked("How many schools are there?", "119,713 pupils attending 362 schools.")
    True
    >>> counts_asked("How many independent schools?", "119,713 pupils attending 362 schools.")
    False
    >>> counts_asked("How many pupils were excluded?", "119,713 pupils attending 362 schools.")
    False
    """
    head = counted_head(question)
    if head is None:
        return False
    _, words, numbers = _numbers(text)
    rest = {w for w in content_words(question) - GENERIC - _THERE if not re.search(r"\d", w)}
    return names_all(text, rest) and any(
        head in _counted_by(words, i) and _qualified(question, head, words, i) for i in numbers
    )


_THERE = {"there", "from"}  # "how many are there", which content words keep


def _numbers(text: str) -> tuple[list[str], list[str], list[int]]:
    """The text's tokens, their stems, and where its numbers are (not years)."""
    tokens = re.findall(r"[\w'’/-]+", text)
    numbers = [
        i
        for i, w in enumerate(tokens)
        if (re.fullmatch(r"\d[\d,]*", w) and not re.fullmatch(r"(19|20)\d\d", w))
        or all(_NUMBER_WORDS.fullmatch(p) for p in w.split("-"))  # "twenty-one"
    ]
    return tokens, [stem(w.lower()) for w in tokens], numbers


def _qualified(question: str, head: str, words: list[str], i: int) -> bool:
    """The number at ``i`` counts the asked-for thing with the question's own qualifiers
    ("independent" in "how many independent schools?"), if the sentence has any.

    >>> words = "119,713 pupil attend 362 school . 15.3 % attend independ school".split()
    >>> _qualified("How many independent schools?", "school", words, 3)
    False
    >>> _qualified("How many conference delegates came?", "deleg", ["109", "deleg"], 0)
    True
    >>> _qualified("How many TRIX chapter updates?", "updat", "21 updat to trix chapter".split(), 0)
    True
    """
    asked = _ASKED_THING.search(question)
    said = [stem(w.lower()) for w in asked.group(1).split()] if asked else []
    qualifiers = set(said[: said.index(head)] if head in said else []) - GENERIC
    # A qualifier the sentence never uses is the passage's context ("conference delegates");
    # one it uses away from the number sets a part apart from the whole it counts.
    counted = _counted_by(words, i)
    # ... up to the counted noun and the few words after it ("updates to TRIX chapters")
    near = words[max(i - 2, 0) : i + 6 + (counted.index(head) if head in counted else 0)]
    return not (qualifiers & set(words)) or bool(qualifiers & set(near))


_LINKS = {"to", "on", "in", "for", "from", "about", "with", "at", "by", "across"}


def _counted_by(words: list[str], i: int) -> list[str]:
    """The few words after a number up to a preposition: what it counts ("twenty-one
    updates to chapters" counts updates, not chapters)."""
    after = words[i + 1 : i + 5]
    cut = next((k for k, w in enumerate(after) if w in _LINKS), len(after))
    return after[:cut]


def _counts_unasked(question: str, text: str, people: bool) -> bool:
    """The sentence's numbers that say what they count ("6794 referrals") all count things
    the question does not name: no number of children open to CAMHS. When people are asked
    for, any people counted answer ("over 80 practitioners" for "how many people?"). A count
    the question itself gives ("its two learning events") answers nothing."""
    asked = {stem(w.lower()) for w in re.findall(r"[\w'’-]+", question)}
    given = set(_counts(question))  # "its two learning events"
    # a count in words ("twenty-one updates") is only checked when the question gives it
    counted = [(n, c) for n, c in _counts(text) if n[0].isdigit() or (n, c) in given]
    return bool(counted) and all(
        (n, c) in given or (stem(c) not in asked and not (people and _PEOPLE.search(c)))
        for n, c in counted
    )


def _counts(text: str) -> list[tuple[str, str]]:
    """Each number with the plural it counts, within two words ("two learning events")."""
    tokens, _, numbers = _numbers(text)
    out = []
    for i in numbers:
        plural = next((w for w in tokens[i + 1 : i + 3] if re.fullmatch(r"[a-z]+s", w)), None)
        if plural is not None and not _COUNT_STOP.fullmatch(tokens[i + 1]):
            out.append((tokens[i].lower(), plural))
    return out


# People, as a question asks for them ("people", "kids") and as a count names them
# ("learners", "practitioners", "delegates", "attendees", "parents").
_PEOPLE = re.compile(
    r"(?:people|peopl|ppl|persons?|individu\w*|children|kids?|staff?|members?|profession\w*|"
    r"workers?|practition|deleg|attende|[^e]ers?|ors?|ists?|ants?|ents?|ees?|ates?)$"
)
