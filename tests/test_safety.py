"""Safety checks: escalation detection, the fixed notices, personal details and log redaction.

All inputs are hand-made for these tests (none come from the evaluation sets).
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable

import numpy as np
import pytest

from assistant.safety import (
    RedactingFilter,
    asks_for_case_decision,
    assess_risk,
    decision_notice,
    escalation_notice,
    find_personal_details,
    personal_details_notice,
    redact,
)
from assistant.safety.prototypes import ORDINARY, RISK
from assistant.safety.risk import _features, _rules
from assistant.settings import PLACEHOLDER, load_settings

RISK_MESSAGES = [
    "a pupil told me her stepdad hits her",
    "there's a toddler left alone in the flat next door",
    "my friend's mum's boyfriend keeps coming into her room at night",
    "a teaching assistant has been messaging a pupil on snapchat",
    "a 14 year old says she's going to kill herself tonight",
    "I think a girl in year 9 is being taken abroad for cutting this summer",
    "what should I do, a child just disclosed abuse to me",
    "my stepdad hits me",
    "i dont want to go home",
    "A boy in my class has bruises on his arms again",
    "one of my pupils said her uncle touches her",
    "Jayden keeps going missing and comes back with new trainers",
    "my daughter is being messaged by an older man on instagram",
    "im 14 and my boyfriend is 22",
    "a pupil discloed her mum hitts her",  # typos
    "what do i do my stepdad touchd me",
    "the baby upstairs has been crying for hours and nobody is answering",
    "there's a girl, maybe 15, who's been living at a man's flat on our estate for weeks",
    "someone is threatening to post a video of me unless i pay them",
    "i dont feel safe at home anymore",
    "a year 9 lad has been talking about blowing up the school",
    "my friend showed me cuts on her legs and made me promise not to tell",
    "One of our cub scouts said the assistant leader took photos of him in the changing room",
    "I'm worried about a child, what should I do?",
]

ORDINARY_QUESTIONS = [
    "How many children were on a child protection plan for neglect?",
    "What did the board do about child sexual exploitation?",
    "What training is there on domestic abuse?",
    "What is the role of the LADO?",
    "What does the threshold of needs say about neglect?",
    "What happens after I make a referral?",
    "what should I do if a child discloses abuse?",
    "What should I do if I think a child is being abused?",
    "What are the signs that a child is being groomed online?",
    "What does the plan say about children who go missing?",
    "What did the 2019-21 plan say about neglect in 2020?",
    "How should schools respond when a pupil discloses sexual abuse?",
    "What is FGM and what are the mandatory reporting duties?",
    "How many allegations against staff were referred to the LADO?",
    "What does the policy say about children who are found drunk?",
    "As a childminder, what are my duties if I see bruises on a child?",
    "What is the partnership doing about self-harm in young people?",
    "When should a teacher refer to the LADO?",
    "What is county lines?",
    "bruising protocol for babies",
]


@pytest.mark.parametrize("message", RISK_MESSAGES)
def test_risk_and_disclosure_messages_escalate(message: str) -> None:
    assessment = assess_risk(message)
    assert assessment.escalate, assessment.reasons
    assert assessment.reasons


@pytest.mark.parametrize("message", ORDINARY_QUESTIONS)
def test_ordinary_questions_that_mention_harm_do_not_escalate(message: str) -> None:
    assessment = assess_risk(message)
    assert not assessment.escalate, assessment.reasons


def test_hypothetical_procedure_question_versus_a_real_disclosure() -> None:
    assert not assess_risk("What should I do if a child discloses abuse?").escalate
    assert assess_risk("What should I do? A child has just disclosed abuse to me").escalate
    assert assess_risk("what should i do if my niece says her dad hits her").escalate


@pytest.mark.parametrize("message", RISK_MESSAGES[:12] + ORDINARY_QUESTIONS[:12])
def test_rules_alone_agree_without_the_model(message: str) -> None:
    expected = message in RISK_MESSAGES
    assert assess_risk(message, use_model=False).escalate is expected


def test_reasons_are_labels_never_message_text() -> None:
    reasons = assess_risk("Jayden keeps going missing and comes back with new trainers").reasons
    assert not any("jayden" in r.lower() or "trainers" in r.lower() for r in reasons)


def test_ambiguous_message_is_decided_by_the_given_encoder() -> None:
    """A person with no listed harm predicate goes to the model; a fake encoder decides."""
    message = "the lad opposite gets dropped home by a different man every night"
    assert _rules(_features(message)) is None

    def encoder(towards: list[float]) -> Callable[[list[str]], np.ndarray]:
        def encode(texts: list[str]) -> np.ndarray:
            if texts == list(RISK):
                return np.tile([1.0, 0.0], (len(texts), 1))
            if texts == list(ORDINARY):
                return np.tile([0.0, 1.0], (len(texts), 1))
            return np.array([towards])

        return encode

    assert assess_risk(message, encode=encoder([1.0, 0.0])).escalate
    assert not assess_risk(message, encode=encoder([0.0, 1.0])).escalate


def test_rules_are_fast() -> None:
    messages = RISK_MESSAGES + ORDINARY_QUESTIONS
    _rules(_features(messages[0]))  # load the vocabulary once
    start = time.perf_counter()
    for message in messages:
        _rules(_features(message))
    per_message_ms = (time.perf_counter() - start) * 1000 / len(messages)
    assert per_message_ms < 5


def test_empty_message_does_not_escalate() -> None:
    assert not assess_risk("").escalate
    assert not assess_risk("   ").escalate


# ------------------------------------------------------------------ escalation notice


def test_escalation_notice_with_placeholder_contacts_says_not_set() -> None:
    settings = load_settings(env={})
    assert settings.contact_mash == PLACEHOLDER
    notice = escalation_notice(settings)
    assert notice.kind == "escalation"
    text = notice.text
    for needle in ("999", "MASH", "LADO", "Out of hours", "designated safeguarding lead"):
        assert needle in text
    assert "Contacts last verified: never" in text
    assert text.count("not set") == 3  # MASH, out of hours, LADO
    assert PLACEHOLDER not in text


def test_escalation_notice_shows_configured_contacts_and_date() -> None:
    settings = load_settings(
        env={},
        contact_mash="MASH: 0345 050 7666",
        contact_out_of_hours="Emergency duty team: 0800 833 408",
        contact_lado="LADO: 01865 810603",
        contacts_verified="2025-06-30",
    )
    text = escalation_notice(settings).text
    assert "0345 050 7666" in text and "0800 833 408" in text and "01865 810603" in text
    assert "Contacts last verified: 2025-06-30" in text
    assert "not set" not in text
    assert "call 999" in text


def test_escalation_notice_is_fixed_text() -> None:
    settings = load_settings(env={})
    assert escalation_notice(settings) == escalation_notice(settings)


def test_a_question_about_reaching_a_service_gets_the_configured_contacts() -> None:
    from assistant.core import safety_notices

    settings = load_settings(
        env={}, contact_lado="LADO: 01865 810603", contacts_verified="2025-06-30"
    )
    notices = safety_notices("What is the phone number for the LADO?", settings)
    assert [n.kind for n in notices] == ["contacts"]
    assert "01865 810603" in notices[0].text and "2025-06-30" in notices[0].text
    assert safety_notices("How many contacts did the MASH receive in 2023/24?", settings) == []
    staff = safety_notices("Who should I contact if I am worried about a teacher?", settings)
    assert [n.kind for n in staff] == ["contacts"] and "LADO" in staff[0].text
    # A risk message gets the escalation panel, which lists the contacts itself.
    risk = safety_notices("A pupil told me her stepdad hits her, who do I call at MASH?", settings)
    assert [n.kind for n in risk] == ["escalation"]


# ------------------------------------------------------------------ personal details


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("her DOB is 12/03/2015", "date of birth"),
        ("dob 12.3.15, lives with mum", "date of birth"),
        ("he was born on 3 March 2016", "date of birth"),
        ("Tom, 7, told me his dad hits him", "name with age"),
        ("Amira (age 12) is not eating", "name with age"),
        ("she lives at 14 Mill Street", "address"),
        ("they moved to 3 oak road last week", "address"),
        ("postcode OX4 3XY", "postcode"),
        ("mum's number is 07700 900123", "phone number"),
        ("call the house on +44 1865 123456", "phone number"),
        ("his NHS number is 943 476 5919", "NHS number"),
        ("email jo.bloggs@example.com", "email"),
    ],
)
def test_personal_details_are_found_and_redacted(message: str, kind: str) -> None:
    assert kind in find_personal_details(message)
    redacted = redact(message)
    assert f"[REDACTED {kind}]" in redacted


@pytest.mark.parametrize(
    "question",
    [
        "What did the 2019-21 plan say about neglect in 2020?",
        "the figure was 730 at the end of 2017/18",
        "Working Together 2018",
        "What does section 4.1.12 say about strategy meetings?",
        "In total, 12 children were subject to a plan",
        "How many babies born in 2020 were on a plan?",
        "The report covers 1st April 2024 to 31st March 2025",
        "Key Stage 2, 3 and 4 attendance figures",
        "Ian Sutherland, 2019",
        "the 2 close partners",
        "What is the role of the LADO?",
    ],
)
def test_ordinary_text_has_no_personal_details(question: str) -> None:
    assert find_personal_details(question) == []
    assert redact(question) == question


def test_redact_removes_every_detail() -> None:
    message = "Amira (age 12), DOB 12/03/2015, 14 Mill Street OX16 5AB, mum on 07700 900123"
    redacted = redact(message)
    for secret in ("Amira", "12/03/2015", "Mill Street", "OX16", "07700"):
        assert secret not in redacted
    assert set(find_personal_details(message)) == {
        "date of birth",
        "name with age",
        "address",
        "postcode",
        "phone number",
    }


def test_personal_details_notice() -> None:
    notice = personal_details_notice(["date of birth", "postcode"])
    assert notice.kind == "warning"
    assert "date of birth, postcode" in notice.text
    assert "does not store" in notice.text
    assert "case recording system" in notice.text


# ------------------------------------------------------------------ case decisions


@pytest.mark.parametrize(
    "message",
    [
        "should I refer this child?",
        "do I need to make a referral for a boy who has bruises on his back?",
        "is this child protection or early help?",
        "is this significant harm?",
        "should we hold a strategy meeting?",
        "She said her dad hit her. Should I report it?",
        "Does this meet the threshold for a referral to MASH?",
        "would this count as neglect?",
        "am I overreacting?",
    ],
)
def test_case_decisions_are_recognised(message: str) -> None:
    assert asks_for_case_decision(message)


@pytest.mark.parametrize(
    "message",
    [
        "what happens after I make a referral?",
        "what is the threshold of needs?",
        "How do I make a referral?",
        "When should I refer to the LADO?",
        "What should I do if a child discloses abuse?",
        "Is neglect the most common category of plan?",
        "Who should attend a strategy meeting?",
        "",
    ],
)
def test_general_questions_are_not_case_decisions(message: str) -> None:
    assert not asks_for_case_decision(message)


def test_decision_notice() -> None:
    notice = decision_notice()
    assert notice.kind == "decision"
    assert "designated safeguarding lead" in notice.text
    assert "consult MASH" in notice.text


# ------------------------------------------------------------------ logging


def test_logging_filter_redacts_args_and_message(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("assistant.test_safety")
    caplog.handler.addFilter(RedactingFilter())
    try:
        with caplog.at_level(logging.INFO, logger="assistant.test_safety"):
            logger.info("question received: %s", "Tom, 7, DOB 12/03/2015 lives at 3 oak road")
            logger.info("born on 3 March 2016, phone 07700 900123")
    finally:
        caplog.handler.filters.clear()
    assert "12/03/2015" not in caplog.text
    assert "3 March 2016" not in caplog.text
    assert "07700" not in caplog.text and "oak road" not in caplog.text
    assert "[REDACTED date of birth]" in caplog.text
    assert caplog.records[0].args is None


def test_logging_filter_redacts_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("assistant.test_safety.traceback")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        try:
            raise ValueError("bad message: dob 12/03/2015")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    output = stream.getvalue()
    assert "failed" in output and "ValueError" in output
    assert "12/03/2015" not in output
