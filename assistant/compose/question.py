"""What a question asks for: a list, a figure, a date, a name, a reason; and its key words.

Each kind of question comes with a test on a sentence, so scoring can favour a sentence that
holds the asked-for thing and the near-miss rules can abstain when none does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.answerer import AnswerRequest
from assistant.compose.contacts import ASKS_CONTACT, gives_contact_of
from assistant.compose.figures import has_count, has_figure
from assistant.compose.words import GENERIC, STOP, content_words, stem
from assistant.query import subject_terms
from assistant.textutil import MONTHS

LIST_Q = re.compile(
    r"\b(priorities|subgroups|groups|list|which|what are|aims|areas|themes|"
    r"partners|members|actions|steps|changes|who are|what were|messages|recommendations|"
    r"findings|gaps|lessons|issues|concerns)\b",
    re.I,
)
NUMBER_Q = re.compile(
    r"\b(how many|how much|number of|what percentage|what proportion|"
    r"what share|how often|(?<!which )figure(?! numbers?\b| no\b)|rate|total|"
    r"(?<!than the )(?<!than the national )average|"
    r"(?:what|which) ages?|how old)\b|\bwhat ?%",
    re.I,
)
CONTACT_Q = re.compile(
    r"\b(phone|telephone|number to call|email|e-mail|address|contact details"
    r"|call)\b",
    re.I,
)
MONEY_Q = re.compile(
    r"\b(budget|cost|spend|spent|funding|fund|£|money|contribution|pay|paid|payment)\b", re.I
)
DATE_Q = re.compile(r"\b(what date|which date|when (is|will|does|was)|when['’]s|what day)\b", re.I)
COMPARE_Q = re.compile(
    r"\b(changed?|compare[sd]?|comparison|difference|over time|"
    r"then and now|between \S+ and)\b",
    re.I,
)
# "What page is the data section on?": the contents page answers.
ASKS_PAGE = re.compile(r"\b(?:what|which) page\b|\bpage (?:number|no)\b", re.I)
PRESENT_Q = re.compile(r"\b(now|currently|current|today|at present)\b", re.I)
DATE_IN = re.compile(
    r"\b(\d{1,2}(st|nd|rd|th)?\s+(January|February|March|April|May|June|July|"
    r"August|September|October|November|December)|(January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\s+20\d\d)\b"
)
REASON = re.compile(
    r"\b(because|as we know|so that|in order to|due to|to ensure|this is why|"
    r"which means|as a result|since)\b",
    re.I,
)
# Two capitalised words inside a sentence (its first word is capitalised anyway), or opening
# a signature line ("Thomas James, Finance Business Partner").
_NAME = re.compile(
    r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+ [A-Z][a-z]+\b|^[A-Z][a-z]+ [A-Z][a-z'’-]+(?=, [A-Z])"
)
FREQUENCY = re.compile(
    r"\b(times a (year|month|week)|every (\w+ )?(day|week|month|year|quarter|term)s?|"
    r"monthly|quarterly|weekly|annually|yearly|twice|termly|bi-monthly|fortnightly|"
    r"bi-?annually|each (week|month|year|term|quarter)|(once|twice) (a|per|each)|"
    r"per (year|month|week|annum|quarter|term)|a (year|month|week)|regular(ly)?|"
    r"intervals?|thereafter|whenever|each time|at least|annual|"
    r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) times)\b",
    re.I,
)
HOW_OFTEN = re.compile(r"\bhow (often|frequently)\b", re.I)
# "What percentage of conferences...?": a percentage, not "all ICPCs were on time".
PERCENTAGE_Q = re.compile(r"\b(what|which) (percentage|per ?cent)\b|\bwhat ?%", re.I)
PERCENTAGE = re.compile(r"\d\s*%|\bper ?cent\b", re.I)
# "How many times a year do the summits happen?": "twice-yearly" answers as a count would.
HOW_MANY_TIMES = re.compile(r"\bhow many times\b", re.I)
TIMES = re.compile(
    r"\b(once|twice|\w+-yearly|bi-?annual(ly)?|monthly|weekly|quarterly|annually|fortnightly|"
    r"termly)\b",
    re.I,
)


def asks_when(question: str) -> bool:
    """A question about a date ("When is...", "What date..."): a sentence with a date answers."""
    return bool(re.match(r"\s*when\b", question, re.I) or DATE_Q.search(question))


_ORGANISATION_Q = re.compile(
    r"\b(which|what) (organi[sz]ations?|agenc(y|ies)|bodies|body|partners|services)\b", re.I
)
_ORGANISATION = re.compile(
    r"\b(?:[A-Z][\w&'’-]*\s+){1,5}(?:Council|Trust|Police|Constabulary|Board|Service|Services|"
    r"Partnership|Hospital|Commissioner|Probation)\b|\b(?:county|district|city) councils?\b|"
    r"\b(?:NHS|ICB|CCG|police)\b"
)


def names_organisation(text: str) -> bool:
    """The sentence names an organisation ("The county council and Oxford Health NHS
    Foundation Trust are leading this."): what "which organisations...?" asks for.

    >>> names_organisation("The county council and Oxford Health NHS Trust lead this.")
    True
    >>> names_organisation("Providing good services is a high priority for us.")
    False
    """
    return bool(_ORGANISATION.search(text))


# "How quickly must a red enquiry be done?" is answered by a time span.
HOW_LONG = re.compile(
    r"\bhow (long|quickly|soon|fast)\b|\bwithin how\b|\bwaiting (time|list)s?\b|"
    r"\b(timescale|time limit|deadline)s? for\b",
    re.I,
)
DURATION = re.compile(
    r"(?<!last )(?<!past )(?<!previous )"  # "in the last two months": when, not how long
    r"\b(\d+|one|two|three|four|five|six|seven|eight|ten|twelve|fifteen|twenty|thirty)"
    r"[ -](working |calendar )?(minutes?|hours?|days?|weeks?|months?|years?)\b"
    r"(?! (?:ago|earlier|before)\b)|"  # nor is "two years ago"
    r"\b(same|next) (working |school )?day\b|\bimmediately\b",
    re.I,
)


def answer_type(request: AnswerRequest) -> Callable[[str], bool] | None:
    """What kind of thing the question asks for, as a test on a sentence (or None)."""
    q = request.question
    if ASKS_CONTACT.search(q):
        return lambda t: gives_contact_of(q, t)
    if re.match(r"\s*who\b", q, re.I) or asked_role(q):
        role, lower = asked_role(q), request.extra.get("lower_words")
        if role and lower is not None:  # "who chairs it?": a person's name beside the role
            return lambda t: names_person(t, lower) and role in content_words(t)
        return lambda t: bool(_NAME.search(t))
    if asks_when(q):
        return lambda t: bool(DATE_IN.search(t))
    if _ORGANISATION_Q.search(q):
        return names_organisation
    if re.search(r"\b(which|what) (edition|version|year)\b", q, re.I):
        return lambda t: bool(re.search(r"\b(19|20)\d\d\b", t))
    if HOW_LONG.search(q):
        return lambda t: bool(DURATION.search(t))
    if HOW_OFTEN.search(q):
        return lambda t: bool(FREQUENCY.search(t))
    if HOW_MANY_TIMES.search(q):
        return lambda t: bool(TIMES.search(t)) or has_count(t)
    if PERCENTAGE_Q.search(q):
        return lambda t: bool(PERCENTAGE.search(t))
    if NUMBER_Q.search(q):
        return has_figure
    if _SUPERLATIVE.search(q):  # "the most common reason": "the largest group ..."
        return lambda t: bool(_SUPERLATIVE.search(t))
    return None


_SUPERLATIVE = re.compile(
    r"\b(most|largest|biggest|greatest|highest|main|majority|commonest|primary)\b", re.I
)


# Words that shape a question rather than name its subject ("how many", "how often"): also
# "back" ("back in 2011"), "think" ("what challenges does he think we face?": his view is
# asked, not his thinking) and "yet" ("has it been signed off yet?").
_ASKING = set(
    """
    timescale timescales deadline many much often long does gets get got have make made
    gave give given gives take took taken say said says tell told set according carry
    carried done doing go goes going went gone come came total average daily overall per
    anything something anyone someone everything back compare compared comparison versus
    think thinks reckon reckons why yet has had having become becomes became becoming
    should would could might must shall about
    """.split()
)
ASKING_STEMS = frozenset(stem(w) for w in _ASKING)


# Words of place in time, not of subject ("at the end of March 2025").
FUNCTION_STEMS = {
    stem(w)
    for w in "there under over between within after before during end start begin beginning"
    " month months week weeks previous past last".split()
    + MONTHS
}


def as_parts(words: set[str], idf: Callable[[str], float]) -> set[str]:
    """The words, with a hyphenated one no document writes read as its parts
    ("practice-improvement" as practice and improvement, "re-referrals" as referrals)."""
    unseen = unseen_weight(idf)
    for word in [w for w in words if "-" in w and idf(w) >= unseen]:
        words = (words - {word}) | content_words(word.replace("-", " "))
    return words


def unseen_weight(idf: Callable[[str], float]) -> float:
    """The weight ``idf`` gives a word no chunk uses (no content word is a space)."""
    return idf(" ")


def focus_word(request: AnswerRequest) -> str | None:
    """The most specific word the question writes in lower case: usually what it asks about
    ("escalate", "contextual"), as opposed to the names it mentions."""
    idf = request.extra.get("idf")
    if idf is None:
        return None
    lower = [
        w
        for w in re.findall(r"\b[a-z][a-z-]{3,}\b", request.question)
        if w not in STOP and w not in _ASKING and stem(w) not in GENERIC
    ]
    stems = {stem(w) for w in lower}
    asked = _ASKED_THING.match(request.question)
    words = asked.group(1).split() if asked else []
    if words and not any(w.lower() in STOP for w in words):
        # "what practice guides has the group produced?": the guides, not the group
        named = {stem(w) for w in words} & stems
        if named and max(idf(w) for w in named) < unseen_weight(idf):
            stems = named
    return max(sorted(stems), key=idf) if stems else None  # sorted: ties break the same way


# "What/Which <a few words> has/did/does/...": the words are the kind of thing asked for.
_ASKED_THING = re.compile(  # after a topic set first ("teenagers - what issues did ...")
    r"(?:[^?]{3,60}?\s[-–:]\s+)?\s*(?:what|which)\s+((?:[a-z][a-z-]+\s+){1,3}?)"
    r"(?:has|have|had|did|does|do|is|are|was|were|will|would|can)\b",
    re.I,
)


def rarest(request: AnswerRequest, question: str, n: int = 2) -> list[str]:
    """The two most specific words of a question (highest inverse document frequency)."""
    idf = request.extra.get("idf")
    if idf is None:
        return []
    own, carried = own_and_carried(question)
    # Shorthand the documents never use ("exec") stands for their words: not a word to find.
    translated = {
        w
        for phrase in request.extra.get("synonyms_of", {})
        for w in content_words(phrase)
        if idf(w) >= unseen_weight(idf)
    }
    content = [
        w
        for w in content_words(question)
        if not re.fullmatch(r"\d+(?:[/-]\d+)?", w)
        and w not in GENERIC
        and w not in ASKING_STEMS
        and w not in translated
    ]
    # A follow-up's own words first ("when did it first meet (... boards)?": first, meet).
    return sorted(content, key=lambda w: (w not in own and w in carried, -idf(w), w))[:n]


# The subject words a standalone follow-up carries from the earlier turn, in closing brackets.
_CARRIED = re.compile(r"\s*\(([^()]*)\)\?\s*$")


def own_and_carried(question: str) -> tuple[set[str], set[str]]:
    """A standalone follow-up's own words, and those carried from the earlier turn in its
    closing brackets ("When did it first meet (strategic boards)?")."""
    found = _CARRIED.search(question)
    if not found:
        return content_words(question), set()
    return content_words(question[: found.start()]), content_words(found.group(1))


_ROLE_Q = re.compile(
    r"^\s*(?:who(?:'s|’s| is| was)?\s+(?:[\w'’-]+\s+){0,4}?|which\s+(?:[\w'’-]+\s+){0,2}?)"
    r"(chairs?|chaired|chairing|chairperson|manager|director|officer|scrutineer|member|"
    r"co-?ordinator|commissioner|author|reviewer|head|speaker|partner(?!s))\b",
    re.I,
)
# Runs of capitalised words: "Tan Lea" (a name), "Thames Valley Police" (not one).
_PROPER_RUN = re.compile(r"\b[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)+\b")


def asked_role(question: str) -> str | None:
    """The role whose holder a "who" question asks for, stemmed ("Who chairs X?" -> "chair").

    >>> asked_role("Who is the OSCP Business Manager?"), asked_role("Who are the partners?")
    ('manag', None)
    >>> asked_role("Which Cabinet member brought the report?")
    'member'
    """
    found = _ROLE_Q.match(question)
    return stem(found.group(1).lower().replace("chairperson", "chair")) if found else None


def names_person(text: str, lower_words: Collection[str]) -> bool:
    """Two capitalised words the documents never write in lower case: a person's name
    ("Tan Lea", "Lisa Lyons"), not a title ("Business Manager", "Neglect Subgroup").

    >>> names_person("Contact Officer: Tan Lea.", {"contact", "officer"})
    True
    >>> names_person("The Business Manager chairs it.", {"business", "manager"})
    False
    >>> names_person("Naming Delegate Safeguarding Partners", set())  # a longer run: a title
    False
    """
    return any(
        len(run := m.group(0).split()) == 2 and all(w.lower() not in lower_words for w in run)
        for m in _PROPER_RUN.finditer(text)
    )


def person_names(question: str) -> list[str]:
    """Two or more capitalised words not at the start (a person's or child's name), in the
    question's own words: the subject words a follow-up carries in closing brackets are
    joined without their small words ("Safeguarding Education"), and were checked before.

    >>> person_names("do they send newsletters (OSCB Safeguarding Education subgroup)?")
    []
    >>> person_names("Is Dana Whitfield still the chair?")
    ['Dana Whitfield']
    """
    body = _CARRIED.sub("?", question.strip())
    found = re.findall(r"(?<!^)(?<![.?!] )\b([A-Z][a-z]+(?: [A-Z][a-z]+)+)\b", body)
    return [f for f in found if len(f.split()) >= 2 and not f.startswith(("Oxfordshire", "The "))]


def claim_terms(question: str) -> list[str]:
    """The names a yes/no question asserts something about ("Is Dana Whitfield still ...")."""
    return [
        t for t in subject_terms(question) if t[:1].isupper() and not t.isupper() and len(t) > 2
    ]


_DEFINE_Q = re.compile(
    r"\bwhat (?:counts as|is meant by|is|are|does) (?:an? |the )?(?P<term>[\w' -]{3,40}?)"
    r"(?: mean| stand for)?(?: at [^?]*| in [^?]*)?\?",
    re.I,
)


def defined_term(question: str) -> str | None:
    """The term a "what counts as X?" / "what is an X?" question asks to have defined.

    >>> defined_term("What counts as a red enquiry at the MASH?")
    'red enquiry'
    >>> defined_term("What does contextual safeguarding mean?")
    'contextual safeguarding'
    >>> defined_term("How many referrals were there?") is None
    True
    """
    m = _DEFINE_Q.search(question)
    return m.group("term").strip().lower() if m else None


def defines(sentence: str, term: str) -> bool:
    """The sentence is a definition of ``term`` ("*red enquiry - information indicates...").

    >>> defines("\\*red enquiry - information indicates harm", "red enquiry")
    True
    >>> defines("MASH completed 95% of red enquiries", "red enquiry")
    False
    """
    head = re.sub(r"^[-*\\\s•]+", "", sentence).lower()
    return bool(re.match(rf"{re.escape(term)}s?\s*(?:[-–:]|\bis\b|\bare\b|\bmeans\b)", head))


def asked_letters(request: AnswerRequest) -> str:
    """The letters of the acronym the question asks to have spelt out ("CAMHs": "camh")."""
    acronym = (request.extra.get("spellings") or ("", []))[0]
    return re.sub(r"[^a-z0-9]", "", acronym.removesuffix("s").lower())


# "what was priority no. 3?", "item 2 on the list": an item asked for by its number
_POSITION_Q = re.compile(
    r"\b(?:no\.?|nos\.?|number|item|priority|point|#)\s*(\d{1,2})\b(?!\s*(?:%|per))", re.I
)


def asked_positions(question: str) -> list[str]:
    """The numbers of the items a question asks for ("priorities no. 1 and no. 3": 1, 3)."""
    return _POSITION_Q.findall(question)
