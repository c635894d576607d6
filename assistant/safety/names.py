"""``has_name``: does a message name a person? A first name makes a case specific.

Works on the original message, not the normalised one, because it relies on capital letters.
"""

from __future__ import annotations

import re

# Capitalised words that are not first names, for ``has_name``.
_NOT_NAMES = frozenset(
    """i a an the and but or if when what who how why where which is are was were do does did can
    could should would will my our your his her their its this that these those there here it he
    she they we you me him them us after before during since until from to for of in on at by with
    about as also so then yes no not please hi hello thanks thank sorry ok okay dear mr mrs ms miss
    dr oxfordshire oxford england london banbury bicester witney didcot abingdon thame wantage
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december christmas easter year term lado mash dsl
    oscb oscp ofsted nhs police snapchat instagram tiktok whatsapp facebook youtube discord roblox
    fortnite google working together children social care early help section child protection
    plan board partnership council county city school academy college nursery trust hospital
    designated safeguarding lead team""".split()
)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,15})\b")
# At the start of a sentence only a word followed by a verb of a person counts ("Jayden keeps").
_INITIAL = re.compile(
    r"(?:^|[.!?]\s+)([A-Z][a-z]{2,15}) (?:keeps|kept|has|had|hasnt|is|isnt|was|wasnt|told|tells"
    r"|said|says|came|comes|went|goes|ran|runs|wont|doesnt|didnt|cant|often|always|never|just"
    r"|\((?i:year|yr|y|age|aged)? ?\d)\b"
)
_NOT_NAME_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ism", "ence", "ance")


def has_name(message: str) -> bool:
    """A capitalised word that is not a known place, month or term: likely a first name."""
    text = message.replace("'", "").replace("\u2019", "")
    for rx in (_CAPITALISED, _INITIAL):
        for m in rx.finditer(text):
            word = m.group(1).lower()
            if word not in _NOT_NAMES and not word.endswith(_NOT_NAME_ENDINGS):
                return True
    return False
