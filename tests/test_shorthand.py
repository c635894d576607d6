"""Shorthand and question shapes an unseen eval set (dev8) showed: two-letter acronyms ("GPs",
"CP plans"), an acronym the question spells out itself ("HOTH - ... harm outside the home"), a
topic set before a two-part question, a table row read with its header, "how fast", "the most
common", and numbers that count something other than what is asked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answerer import AnswerRequest
from assistant.compose.contacts import gives_contact_of
from assistant.compose.figures import counts_other
from assistant.compose.question import answer_type
from assistant.compose.words import content_words
from assistant.parts import split_parts
from assistant.query import is_elliptical
from assistant.spelling import unknown_names
from tests.composing import ask, report_2024


def test_two_letter_acronyms_are_content_words_but_capitalised_small_words_are_not() -> None:
    assert "gp" in content_words("How many GPs came on training?")
    assert "cp" in content_words("CP plans")
    assert content_words("WHAT WE DO") == set()
    assert "gp" not in content_words("how many gps came?")  # written lower: not an acronym


def test_an_acronym_the_question_spells_out_is_no_unknown_name() -> None:
    known = {"harm", "outside", "home", "what", "is", "changing", "in"}
    assert unknown_names("HOTH - what is changing in harm outside the home?", known, "") == []
    assert unknown_names("HOTH - who is being consulted?", known, "") == ["HOTH"]


def test_a_topic_before_a_two_part_question_is_shared_by_both_parts() -> None:
    parts = split_parts(
        "CSA conference delegates by sector - how many from health and how many from "
        "children's social care?"
    )
    assert parts == [
        "CSA conference delegates by sector - how many from health?",
        "CSA conference delegates by sector - how many from children's social care?",
    ]
    parts = split_parts(
        "In the training table, how many conference places were offered and how many were taken up?"
    )
    assert parts[1] == "In the training table, how many were taken up?"
    assert is_elliptical("how many were taken up?")  # of the places the first part names
    assert not is_elliptical("how many childminders came?")


def test_numbers_that_count_other_things_are_no_count_of_the_asked_people() -> None:
    referrals = "In 2017/18 there were 6794 referrals into CAMHS, 11% higher than the year before."
    assert counts_other("How many children were open to CAMHS?", referrals)
    assert not counts_other("How many referrals did CAMHS get?", referrals)
    learners = "Training already reaches over 10,000 learners each year."
    assert not counts_other("How many people did training reach?", learners)


def test_a_social_media_handle_answers_only_a_question_asking_for_one() -> None:
    assert gives_contact_of("What's the OSCB twitter handle?", "Follow us: @OSCB_News")
    assert not gives_contact_of("What's the OSCB twitter handle?", "Email oscb@oxfordshire.gov.uk")
    assert not gives_contact_of("What's the OSCB email address?", "Follow us: @OSCB_News")


CONFERENCE = report_2024(
    "sectors",
    "The annual conference on child sexual abuse was attended by delegates from every sector "
    "of the partnership.\n\nSector\tDelegate Numbers\nEducation\t41\n"
    "Children's Social Care\t36\nHealth\t28\nVoluntary and Community Sector\t12\nOther\t9",
    section="Annual Conference > Delegate Attendance and Sector Representation",
)
TRAINING = report_2024(
    "courses",
    "Courses are delivered by volunteer trainers from the training pool. In the past year, the "
    "following courses were offered and attended:\n\nCourse Type\tNumber of Courses\t"
    "Offered Places\tAttended\nCore courses\t103\t2700\t2481\nThemed courses\t123\t3121\t1844\n"
    "Conference\t1\t152\t117",
    section="Training Delivery and Impact",
)


@pytest.mark.slow
def test_a_row_is_chosen_by_its_label_not_by_the_word_its_header_shares() -> None:
    idf = {"csa": 6.0, "confer": 3.0, "deleg": 3.0, "sector": 3.0, "health": 2.0, "mani": 1.0}
    answer = ask(
        "CSA conference delegates by sector - how many from health?",
        [CONFERENCE],
        idf=lambda w: idf.get(w, 9.0),
        related=["Child Sexual Abuse"],
    )
    assert not answer.abstained
    assert "Health | 28" in answer.text
    assert "Voluntary and Community Sector | 12" not in answer.text


@pytest.mark.slow
def test_a_row_means_what_its_header_says() -> None:
    venue = report_2024(
        "venue",
        "The conference took place at Unipart, and places were fully booked within two weeks "
        "of the training pool opening bookings.",
        section="Annual Conference",
    )
    answer = ask("How many conference places were offered?", [venue, TRAINING])
    assert "Conference | 1 | 152 | 117" in answer.text
    assert "Offered Places" in answer.text  # the header that says what 152 is


def test_how_fast_asks_for_a_time_span_and_the_most_common_for_a_superlative() -> None:
    fast = answer_type(AnswerRequest(question="How fast does a red enquiry have to be done?"))
    assert fast is not None
    assert fast("It is to be completed within 24 hours of receipt of contact.")
    assert not fast("The hub completed 95% of red enquiries within the required timescales.")
    most = answer_type(AnswerRequest(question="What's the most common reason for AP?"))
    assert most is not None
    assert most("The largest group of children in AP are those requiring behaviour support.")
    assert not most("An update was provided on the numbers of children attending AP.")


def test_pronouns_are_no_content_words() -> None:
    words = content_words("and is he there to challenge us about his role? Is she? Are they?")
    assert words == {"about", "challeng", "role", "there"}


@pytest.mark.slow
def test_a_list_item_that_leads_brings_the_introduction_from_the_chunk_before() -> None:
    intro = report_2024(
        "focus",
        "The partnership have already committed to some areas of identified work for 2025-26:",
        section="Future focus",
    )
    items = report_2024(
        "items",
        "- Undertaking a revision of the S11 Self-Assessment.\n"
        "- Establish a chairs and deputy chairs meeting to ensure joint working across subgroups.",
        section="Future focus",
    )
    items.meta = replace(items.meta, position=1)
    answer = ask(
        "Is there a meeting of all the subgroup chairs yet?", [items], preceding={"items": intro}
    )
    assert "2025-26" in answer.text  # when: said only by the list's introduction
    assert answer.text.index("2025-26") < answer.text.index("chairs and deputy chairs")
    assert {c.chunk_id for c in answer.citations} == {"focus", "items"}
    assert "[1]" in answer.text and "[2]" in answer.text  # each passage cited where it is used


@pytest.mark.slow
def test_a_timescale_must_be_on_every_key_word_of_the_question() -> None:
    mash = report_2024(
        "mash",
        "In 2023/24, the hub completed 66% of non-red enquiries within the required timescales."
        "\n\nA red enquiry is one where a child is at risk of significant harm; it is to be "
        "completed within 24 hours of receipt of contact.",
        section="Multi Agency Safeguarding Hub",
    )
    idf = {"non-r": 6.0, "red": 5.0, "enquiri": 4.0, "hub": 4.0, "complet": 2.0}
    gap = ask(
        "What's the timescale for completing a non-red hub enquiry?",
        [mash],
        idf=lambda w: idf.get(w, 9.0),
    )
    assert gap.abstained and "24 hours" not in gap.text


@pytest.mark.slow
def test_a_yes_no_follow_up_is_answered_on_its_own_words_not_the_carried_ones() -> None:
    education = report_2024(
        "sie",
        "- Alternative Provision: the group is assured that there is greater clarity on the "
        "numbers of children accessing alternative provision in education.\n\n"
        "The number of approved providers is increasing, and there is a focus on supporting "
        "further school-based provision.",
        section="Safeguarding in Education",
    )
    answer = ask(
        "are there more approved providers now (Safeguarding Education group alternative "
        "provision)?",
        [education],
    )
    assert answer.text.index("approved providers is increasing") < answer.text.index("[1]")
