"""Word patterns for the risk rules, applied to ``normalise``d text.

Normalised text is lower case with apostrophes removed ("dont", "shes", "neighbours son"), chat
shorthand expanded ("bf" -> "boyfriend", "kms" -> "kill myself") and near-misses of the words the
rules look for corrected ("bruices" -> "bruises"), so the patterns below need only one spelling.

Harm predicates are in ``predicates``, the word classes they share in ``word_classes``;
``normalise`` and ``has_name`` are re-exported here for the risk rules.
"""

from __future__ import annotations

import re

from assistant.safety.names import has_name
from assistant.safety.normalise import normalise
from assistant.safety.predicates import PREDICATES
from assistant.safety.word_classes import ADULT, CHILD, FAMILY, NUM, PARENT, WORK, rx

__all__ = [
    "CHILD",
    "CHILD_OBJECT",
    "CHILD_VOICE",
    "DISCLOSED_TO_ME",
    "GENERAL",
    "HYPOTHETICAL",
    "IMMEDIATE",
    "ONGOING",
    "PREDICATES",
    "QUESTION_FORM",
    "STRONG_SUBJECTS",
    "WEAK_SUBJECTS",
    "has_name",
    "normalise",
]

STRONG_SUBJECTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "family or neighbour",
        rx(
            rf"my (?:\w+s )?{FAMILY}s?",
            rf"(?:our|his|her) {CHILD}s?",
            rf"(?:the |our )?neighbours (?:\w+ )?(?:{CHILD}|kids|children)",
        ),
    ),
    ("my pupil or client", rx(rf"my (?:\w+s )?{WORK}")),
    (
        "specific place",
        rx(
            r"next door",
            r"(?:up|down)stairs",
            r"across the (?:road|street|landing|hall)",
            r"in (?:my|our) (?:class|form|tutor group|group|school|nursery|setting|street|block"
            r"|road|flats?|building|care|team|club|youth club)",
            r"on (?:my|our) caseload",
            rf"(?:a|one|the|this|another) {CHILD} (?:in|from) year \d{{1,2}}",
            r"in year \d{1,2}",
        ),
    ),
    ("child writing", rx(r"(?:im|i am) (?:only |just )?(?:\d{1,2}|in year \d{1,2})\b(?! ?%)")),
    (
        "specific age",
        rx(
            rf"{NUM} (?:year|month|week)s? old(?! ?s\b)",
            rf"(?:aged?|of) (?:about |around |roughly |maybe |approx\w* )?{NUM}(?! ?%)",
            rf"(?:about|around) {NUM} years? old",
            rf"(?:maybe|about|around|roughly|approx\w*|possibly) {NUM}(?:,| or| years?)",
        ),
    ),
]
WEAK_SUBJECTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "a particular child",
        rx(
            rf"(?:a|an|one|this|that|the|another|same|these|two|three|some) (?:year \d{{1,2}} )?"
            rf"(?:\w+ )?{CHILD}",
            rf"^(?:year \d{{1,2}} )?{CHILD}",
            rf"year \d{{1,2}} (?:\w+ )?{CHILD}",
            rf"one of (?:my|our|the) {CHILD}s",
        ),
    ),
    (
        "a particular adult",
        rx(
            r"(?:a|one|this|that|the|our|my|their|her|his) (?:\w+ )?(?:member of (?:\w+ ){0,2}staff"
            r"|staff member|teacher|teaching assistant|coach|colleague|volunteer|youth worker"
            r"|childminder|babysitter|tutor|instructor|carer|foster carer|leader|caretaker)",
        ),
    ),
    (
        "he or she",
        re.compile(r"(?<!or )(?<!/)\b(?:she|he|shes|hes|her|him|his|herself|himself)\b(?! or| ?/)"),
    ),
]
CHILD_VOICE = rx(
    r"(?:hits?|hitting|beats?|beating|hurts?|hurting|touch(?:es|ed|ing)?|kick(?:s|ed)?|punch(?:es"
    r"|ed)?|slap(?:s|ped)?|shouts at|screams at|threaten(?:s|ed)?|lock(?:s|ed)?|grabb?(?:s|ed)?"
    r"|chok(?:es|ed)|strangl(?:es|ed)|burn(?:s|ed|t)?|rap(?:es|ed)|abus(?:es|ed)|film(?:s|ed)"
    r"|hate(?:s)?|starves?) me",
    r"i (?:dont|do not|really dont) want to (?:go|be) (?:back )?home",
    r"(?:im|i am|i feel) (?:too )?(?:scared|afraid|frightened|terrified) (?:to go|of going|of)",
    r"i (?:want|wanna|am going|m going|need) to (?:die|kill myself|end (?:it|my life))",
    r"(?:im|i am) going to (?:kill myself|end it|run away|hurt myself)",
    r"(?:i|ive|i have|i keep|i been) (?:\w+ )?(?:cut|cutting|hurt|hurting|harm|harming) myself",
    r"(?:im|i am) (?:being|getting) (?:bullied|abused|hit|hurt|groomed|touched|blackmailed)",
    r"someone (?:touched|is touching|keeps touching|hurt|is hurting) me",
    r"(?:no one|nobody) (?:feeds|looks after|cares about) me",
    r"i (?:have|got|ve got) nowhere to (?:go|sleep|stay|live)",
    r"i (?:ran|run|have run|want to run|ve run) away",
    r"(?:asks?|asked|asking|wants?|wanted|made|makes|forc(?:es|ed)|pressur\w+|tells|told)"
    r" me (?:for (?:nudes|pictures|pics|photos)|to (?:send|take|keep|do|meet|come|touch|watch))",
    r"(?:sent|sends|sending|showed|shows|showing) me (?:\w+ )?"
    r"(?:nudes|pictures|pics|photos|videos|porn)",
    r"(?:share|post|send|show|leak)(?:s|ed|ing)? my (?:\w+ )?(?:pics|pictures|photos|nudes|videos)",
    r"i (?:keep )?(?:getting|get|got) (?:\w+ )?messages from",
    r"(?:video|videos|photo|photos|pics|pictures|images|nudes) of me",
    r"unless i (?:pay|send|do|meet)",
    r"(?:im|i am) (?:\d{1,2}|thirteen|fourteen|fifteen) and (?:pregnant|my boyfriend)",
    r"(?:im|i am) not allowed (?:to eat|out|to leave|food)",
    r"i (?:dont|do not|never|dont ever|no longer) feel safe",
    r"(?:im|i am) not safe",
)
# "my dad is going to take me to ...", "my stepdad wont stop coming in the bathroom": a child
# writing about a parent figure (needs a harm predicate as well).
CHILD_OBJECT = re.compile(
    rf"\bmy {ADULT}\b(?: \w+){{0,8}} (?:me|myself)\b|\bmy {PARENT} (?:wont|keeps|always|never)"
)

IMMEDIATE = rx(
    r"just",
    r"today",
    r"tonight",
    r"yesterday",
    r"this (?:morning|afternoon|evening|week|weekend)",
    r"last (?:night|week|weekend)",
    r"right now",
    r"at the moment",
    r"currently",
    r"earlier",
    r"still there",
)
ONGOING = rx(
    r"now",
    r"again",
    r"still",
    r"every (?:night|day|weekend|time|morning|evening)",
    r"keeps",
    r"(?:is|are|am|im) always",
)

DISCLOSED_TO_ME = rx(
    r"told (?:me|us)",
    r"(?:has|have|just) told",
    r"disclosed (?:to (?:me|us)|that)",
    r"(?:has|have|just) disclosed",
    r"confided",
    r"(?:said|says) to (?:me|us)",
    r"came to (?:me|us)",
    r"showed (?:me|us)",
    r"i (?:saw|noticed|found|heard|have seen|have noticed)",
    r"ive (?:seen|noticed|found|heard)",
)

# A case inside a condition is a procedure question: "what should I do if a child discloses?"
HYPOTHETICAL = rx(
    r"(?:what|who|how|where|which \w+) (?:should|do|would|can|must|could|shall|to) (?:i|we|you"
    r"|staff|practitioners|a practitioner|professionals|schools?|teachers|one|people|someone)?"
    r"(?: \w+){0,4} (?:if|when|whenever|once)",
    r"what happens (?:if|when|once|to (?:a|an|any|children|young people))",
    r"what (?:if|about when)",
    r"^(?:if|suppose|imagine|say|hypothetically)",
    r"(?:if|whenever) (?:a|an|any|someone|somebody|children|young people|a young|one of)",
    r"when (?:a|an|any|someone|somebody|children|young people) (?:\w+ ){0,3}(?:discloses|tells"
    r"|says|reports|is|are|makes|has|have|shows|presents|appears|seems|mentions|goes|runs)",
    r"in (?:cases|situations) (?:where|when)",
    r"(?:duties|duty|responsibilit\w+|obligations|expected|required|supposed to|meant to|my role"
    r"|next steps)(?: \w+){0,3} (?:if|when)",
    r"(?:if|when) (?:i|we) (?:see|notice|find|hear|suspect|think|am worried|are worried|have"
    r" concerns|get|receive)",
)

GENERAL = rx(
    r"how many",
    r"how much",
    r"how often",
    r"numbers? of",
    r"proportion",
    r"percentage",
    r"per cent",
    r"percent",
    r"rates?",
    r"figures?",
    r"statistics",
    r"stats",
    r"data",
    r"trends?",
    r"(?:the )?board",
    r"partnership",
    r"oscb|oscp|lscb",
    r"subgroups?",
    r"sub-groups?",
    r"annual report",
    r"business plan",
    r"(?:the|this|our|that) plan",
    r"priorit\w+",
    r"training",
    r"courses?",
    r"e-?learning",
    r"audits?",
    r"(?:case |practice |serious case |safeguarding practice )?reviews?",
    r"inspections?",
    r"ofsted",
    r"polic(?:y|ies)",
    r"procedures?",
    r"guidance",
    r"protocols?",
    r"strateg(?:y|ies)",
    r"frameworks?",
    r"toolkit",
    r"thresholds?",
    r"working together",
    r"legislation",
    r"section \d+",
    r"definition",
    r"define",
    r"what does \w+ mean",
    r"meaning of",
    r"campaigns?",
    r"awareness",
    r"conference",
    r"newsletter",
    r"publish\w*",
    r"(?:say|said|says|saying) about",
    r"what (?:does|did|do) the",
    r"role of",
    r"responsibilit\w+",
    r"(?:19|20)\d\d",
    r"what (?:support|help|services)",
    r"(?:is|are) there (?:any|a)",
    r"(?:what|who) (?:is|are|was|were) (?:a|an|the)",
    r"whats (?:a|an|the)",
    r"examples? of",
    r"tell me about",
    r"^explain",
    r"explain (?:what|how|why|the|a|an)",
    r"describe",
    r"overview",
    r"summar\w+",
    r"(?:in|across) oxfordshire",
    r"nationally",
    r"children and young people",
    r"families",
    r"agencies",
    r"multi-agency",
    r"(?:il)?legal(?:ly)?",
    r"(?:the|by) law",
    r"(?:at )?what age",
    r"how old (?:do|does|should|must)",
    r"(?:how|when|where|who) (?:do|should|can|would|does|to) (?:i|we|you|one|staff|practitioners"
    r"|a practitioner|schools?|professionals|the|a|an)? ?(?:report|refer|make a referral|respond"
    r"|recognise|spot|identify|support|handle|deal|escalate|contact)",
    r"how to",
    r"(?:what are|what is|whats) the (?:signs|indicators|risks|warning signs|symptoms|process"
    r"|procedure|steps|role|law)",
    r"(?:signs|indicators) (?:of|that)",
)

# A message that starts like a question about documents rather than a report of something seen.
QUESTION_FORM = re.compile(
    r"^(?:what|whats|when|where|which|who|whom|whose|why|how|is|are|does|do|did|can|could|should"
    r"|would|will|has|have|was|were|tell me|explain|describe|list|summari[sz]e|give me|show me)\b"
)
