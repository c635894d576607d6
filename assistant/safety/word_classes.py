"""The word classes the risk patterns are built from (a child, a family member, an adult...),
and ``rx``, which joins alternatives into one whole-word pattern.

Shared by the subject patterns (``lexicon``) and the harm predicates (``predicates``); all are
written for ``normalise``d text.
"""

from __future__ import annotations

import re


def rx(*parts: str) -> re.Pattern[str]:
    """One pattern matching any of ``parts`` as whole words."""
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b")


# An age or a count, in figures or words ("7", "seven").
NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
NUM += r"|fourteen|fifteen|sixteen|seventeen)"
# A child or young person.
CHILD = (
    r"(?:child|kid|boy|girl|pupil|student|toddler|baby|infant|teen|teenager|young person"
    r"|youngster|learner|lad|son|daughter|stepson|stepdaughter|niece|nephew|grandson"
    r"|granddaughter|grandchild|newborn|twins?|sibling|little one|young carer)"
)
# People a writer may call "my ...": family, friends, neighbours.
FAMILY = (
    r"(?:friend|neighbour|niece|nephew|son|daughter|kid|child|children|grandson|granddaughter"
    r"|grandchild|stepson|stepdaughter|sister|brother|cousin|goddaughter|godson|partner|ex"
    r"|little \w+|baby|babies|twins|family|\d{1,2} year old|eldest|youngest|teenager|teen)"
)
# People in a writer's professional care ("my pupil").
WORK = r"(?:pupil|student|mentee|tutee|client|foster child|learner|young person)"
# Adults around a child, at home or in a setting.
ADULT = (
    r"(?:mum|dad|father|mother|stepdad|stepmum|stepfather|stepmother|mums boyfriend"
    r"|mums partner|dads girlfriend|dads partner|uncle|aunt|auntie|grandad|grandpa|nan|gran"
    r"|grandma|carer|foster carer|foster mum|foster dad|brother|sister|cousin|boyfriend"
    r"|girlfriend|parents?|family|teacher|coach|neighbour|babysitter)"
)
# Parent figures, for a child writing about one ("my stepdad keeps...").
PARENT = (
    r"(?:mum|dad|father|mother|stepdad|stepmum|stepfather|stepmother|mums boyfriend|mums partner"
    r"|dads girlfriend|dads partner|uncle|grandad|grandpa|carer|foster carer|foster mum|foster dad)"
)
# Who a harm is done to ("hit her", "hit the child").
OBJ = r"(?:her|him|them|me|my|his|their|the child|the baby|the kids?|a child|a pupil|one)"
