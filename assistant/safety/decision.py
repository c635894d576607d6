"""Questions that ask the assistant to make a decision about a particular child.

"Should I refer?", "is this significant harm?" and "should we hold a strategy meeting?" are
professional judgements that belong to the practitioner, their designated safeguarding lead or
MASH. The assistant still answers with the relevant procedure and thresholds, but a fixed notice
says where the decision sits. Questions about the process in general ("what happens after I make
a referral?", "what is the threshold of needs?") are not decisions.
"""

from __future__ import annotations

import re

from assistant.safety.normalise import normalise
from assistant.types import Notice

# The start of a clause: a yes/no question is a decision only in its own clause, so "when should
# I refer?" or "how should I refer?" (procedure questions) do not count.
_START = r"(?:^|[.?!,;:\-]\s*|\b(?:so|and|but|now|then|or|ok|okay|please|help)\s+)"
_ACT = (
    r"(?:refer|report|make a referral|do a referral|submit a referral|contact|call|ring|phone"
    r"|inform|notify|escalate|involve|tell (?:mash|social care|social services|childrens social"
    r" care|the police|the lado|my dsl|the dsl)|speak to (?:mash|social care|the lado|the police)"
    r"|raise (?:it|this|a concern)|log (?:it|this)|hold|convene|arrange|request|call for"
    r"|be (?:worried|concerned)|worry|wait|leave it|monitor|do anything|act on|take (?:it|this)"
    r" further|pass (?:it|this) on|share (?:it|this))"
)
_CATEGORY = (
    r"(?:child protection|cp|a cp (?:case|matter|issue|concern)|significant harm|early help"
    r"|a safeguarding (?:concern|issue|matter|case)|safeguarding|neglect|abuse|emotional abuse"
    r"|physical abuse|sexual abuse|exploitation|cse|cce|a lado (?:matter|referral|case|issue)"
    r"|reportable|a (?:section|s) ?(?:47|17)|(?:section|s) ?(?:47|17)|level \d|(?:a )?child in need"
    r"|serious enough|bad enough|enough (?:to|for)|(?:a )?referral|a mash referral|a crime"
    r"|a police matter)"
)
_SUBJECT = (
    r"(?:this|it|that|he|she|they|this child|the child|this case|my case|the case|this family"
    r"|this situation|the situation|this boy|this girl|this pupil|what (?:he|she|they) said)"
)

_DECISION = re.compile(
    "|".join(
        [
            rf"{_START}(?:should|shall|must|ought) (?:i|we)(?: to)? (?:\w+ )?{_ACT}\b",
            rf"{_START}(?:do|would) (?:i|we) (?:need|have|still need|really need) to {_ACT}\b",
            rf"{_START}(?:is|was|would|could|does|will) {_SUBJECT} (?:be |count as |considered "
            rf"|classed as |class as |constitute |amount to |meet |reach |count |go )?"
            rf"{_CATEGORY}\b",
            rf"{_START}(?:does|would|will|do) {_SUBJECT} (?:meet|reach|cross|hit|need|warrant"
            rf"|require|justify) (?:the )?(?:threshold|level|criteria|a referral|a strategy"
            rf"|referral|reporting|escalation|an? )",
            rf"{_START}should {_SUBJECT} (?:be|go|get) (?:referred|reported|on a|subject to|removed"
            rf"|escalated|taken|seen|assessed|stepped up|made)",
            rf"{_START}(?:can|could|may) (?:i|we) (?:just )?(?:wait|leave it|hold off|monitor"
            rf"|not refer|not report|keep (?:it|this) (?:to myself|quiet))\b",
            r"\b(?:what|which) level (?:is|would|does|of (?:the )?threshold)",
            r"\b(?:am i|are we) (?:over ?reacting|overthinking|right to|wrong to|making a fuss)",
            r"\b(?:was i|were we) right to\b",
            r"\b(?:do you think|would you|in your (?:view|opinion)|is it worth) (?:i|we)? ?"
            rf"(?:should )?(?:\w+ )?{_ACT}\b",
            rf"\b(?:whether|if) (?:i|we) (?:should|need to|ought to|have to|must) {_ACT}\b",
            rf"\b(?:whether|if) to {_ACT}\b",
            r"\bwhat (?:should|do) (?:i|we) do (?:now|next|about (?:this|it|him|her|them))\b",
        ]
    )
)


def asks_for_case_decision(message: str) -> bool:
    """Does the message ask the assistant to decide what to do about a particular case?"""
    return bool(message) and bool(_DECISION.search(normalise(message)))


def decision_notice() -> Notice:
    """Fixed text: guidance with citations, but the decision sits with people, not this tool."""
    text = (
        "This assistant can show you the relevant procedure and threshold guidance, with the "
        "documents it comes from, but it cannot decide what should happen for a particular child.\n"
        "\n"
        "That decision sits with you, your designated safeguarding lead (DSL) or MASH, using your "
        "professional judgement and everything you know about the child. **When in doubt, consult "
        "MASH.** If a child is in immediate danger, call 999."
    )
    return Notice(kind="decision", text=text)
