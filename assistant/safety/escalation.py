"""The escalation panel: fixed text built from configured contacts, never generated.

A person describing a child at risk needs the routes to help before any document answer. The text
is assembled only from settings so it cannot be hallucinated, and a contact the partnership has
not configured is shown as plainly not set rather than silently left out.
"""

from __future__ import annotations

import re

from assistant.settings import PLACEHOLDER, Settings
from assistant.types import Notice

DEFAULT_999 = "If a child is in immediate danger, call 999."
NOT_SET = "**not set** (not configured for this service yet: ask your designated safeguarding lead)"


def _is_set(value: object) -> bool:
    text = str(value or "").strip()
    return bool(text) and text != PLACEHOLDER and not text.upper().startswith("NOT SET")


def _contact(value: object) -> str:
    return str(value).strip() if _is_set(value) else NOT_SET


def _contact_lines(settings: Settings) -> list[str]:
    """999, MASH, out of hours and LADO as configured: one copy for both panels."""
    emergency = str(settings.contact_999).strip() if _is_set(settings.contact_999) else ""
    if "999" not in emergency:
        emergency = f"{DEFAULT_999} {emergency}".strip()
    return [
        f"- **Emergency:** {emergency}",
        "- **Children's services front door (MASH)**, if you are worried about a child: "
        f"{_contact(settings.contact_mash)}",
        "- **Out of hours** (evenings, weekends and bank holidays), the emergency duty team: "
        f"{_contact(settings.contact_out_of_hours)}",
        "- **LADO**, for allegations against someone who works or volunteers with children: "
        f"{_contact(settings.contact_lado)}",
    ]


def _verified_line(settings: Settings) -> str:
    verified = str(settings.contacts_verified or "").strip() or "never"
    line = f"Contacts last verified: {verified}"
    if verified.lower() == "never":
        line += " (these contacts have not been checked; confirm them with your DSL)"
    return line


def escalation_notice(settings: Settings) -> Notice:
    """The 'act now' panel: 999, MASH, out of hours, LADO, verification date, DSL reminder."""
    lines = [
        "**If you think a child may be at risk of harm, act now: do not wait for an answer "
        "from this assistant.**",
        "",
        *_contact_lines(settings),
        "",
        "Follow your organisation's safeguarding procedure and tell your designated safeguarding "
        "lead (DSL) straight away. If a child has told you something, listen, do not promise to "
        "keep it secret, and write down what they said in their own words.",
        "",
        _verified_line(settings),
    ]
    return Notice(kind="escalation", text="\n".join(lines))


_ASKS_CONTACT = re.compile(
    r"\b(phone|telephone|number to call|email|e-mail|contact details|how (do|can) i "
    r"(contact|reach|call|ring)|who (do|should) i (call|ring|contact)|ring|call)\b",
    re.I,
)
_SERVICE = re.compile(
    r"\b(mash|front door|lado|designated officer|out[- ]of[- ]hours|emergency duty|edt|"
    r"children'?s (services|social care)|social services|safeguarding hub)\b",
    re.I,
)


_WORKS_WITH_CHILDREN = re.compile(  # a concern about them goes to the LADO
    r"\b(teacher|staff|colleague|volunteer|coach|foster carer|youth worker|childminder|"
    r"nursery worker|teaching assistant|tutor|carer at)\b",
    re.I,
)


def asks_for_contacts(message: str) -> bool:
    """How to reach MASH, out of hours or the LADO: answered from settings, never generated.

    >>> asks_for_contacts("What is the phone number for the LADO?")
    True
    >>> asks_for_contacts("Who should I contact if I am worried about a teacher?")
    True
    >>> asks_for_contacts("How many contacts did the MASH receive?")
    False
    """
    asks = _ASKS_CONTACT.search(message)
    return bool(asks and (_SERVICE.search(message) or _WORKS_WITH_CHILDREN.search(message)))


def contacts_notice(settings: Settings) -> Notice:
    """The configured contacts, with the date they were last verified (not from documents)."""
    lines = [
        "How to reach the services, as configured by the partnership (not from the documents):",
        "",
        *_contact_lines(settings),
        "",
        _verified_line(settings),
    ]
    return Notice(kind="contacts", text="\n".join(lines))
