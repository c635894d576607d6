"""How questions are read, from what an unseen eval set (dev10) showed: shorthand no document
defines ("WT2023"), one question about two things ("for X and for Y", "how many from X and how
many from Y came"), two questions in one message, "the old OSCB" as a time, "how often" that
needs a frequency, the noun "how many" counts, and a role's qualifier ("Business" Manager)."""

from __future__ import annotations

import pytest

from assistant.compose.figures import counted_words
from assistant.compose.words import content_words
from assistant.lookups import initialisms
from assistant.parts import split_parts
from assistant.query import make_standalone, plan_query, time_intent
from tests.composing import ask_known, chunk_of, report_2024


def test_names_written_often_are_read_by_their_initials() -> None:
    texts = ["Working Together 2023 says so.", "under Working Together.", "Working Together"]
    assert initialisms(texts) == {"WT": ["Working Together"]}
    assert initialisms(texts[:2]) == {}  # seen twice: too rare to guess from
    assert "TO" not in initialisms(["The Oxfordshire"] * 3)  # "The" starts no name


def test_an_initialism_is_searched_by_its_name_and_is_no_unknown_name() -> None:
    known = {"under", "what", "is", "the", "funding", "for", "working", "together"}
    plan = plan_query(
        "Under WT2023, what is the funding for?",
        [],
        glossary={},
        vocabulary=sorted(known),
        known_tokens=known,
        initialisms={"WT": ["Working Together"]},
    )
    assert plan.unknown == []
    assert "Working Together" in plan.search_text
    without = plan_query(
        "Under WT2023, what is the funding for?",
        [],
        glossary={},
        vocabulary=sorted(known),
        known_tokens=known,
    )
    assert without.unknown == ["WT2023"]


def test_the_partnerships_own_name_is_not_added_to_the_search() -> None:
    glossary = {"OSCB": ["Oxfordshire Safeguarding Children Board"], "MASH": ["Hub"]}
    plan = plan_query(
        "Which charity was the OSCB's chair from, and what is MASH?",
        [],
        glossary,
        [],
        unsearched={"Oxfordshire Safeguarding Children Board"},
    )
    assert "Oxfordshire Safeguarding Children Board" in plan.expansions  # still understood
    assert "Oxfordshire Safeguarding Children Board" not in plan.search_text
    assert "Hub" in plan.search_text


def test_one_question_about_two_things_is_asked_of_each() -> None:
    assert split_parts(
        "Training by agency - what were the figures for the voluntary sector and for "
        "district council staff?"
    ) == [
        "Training by agency - what were the figures for the voluntary sector?",
        "Training by agency - what were the figures for district council staff?",
    ]
    assert split_parts(
        "How many people from children's social care and how many from health came on "
        "training in 24/25?"
    ) == [
        "How many people from children's social care came on training in 24/25?",
        "how many from health came on training in 24/25?",
    ]
    assert split_parts("How many children were in care in 2019 and in 2024?") == [
        "How many children were in care in 2019?",
        "How many children were in care in 2024?",
    ]
    assert split_parts("What is the role of health and social care?") == [
        "What is the role of health and social care?"
    ]


def test_two_questions_in_one_message_are_two_parts() -> None:
    parts = split_parts(
        "The cabinet paper said the partners worked under whose leadership? And what has "
        "replaced that role since?"
    )
    assert parts == [
        "The cabinet paper said the partners worked under whose leadership?",
        "what has replaced that role since?",
    ]
    parts = split_parts("where did the procedures live, and was there anything on disagreements?")
    assert parts == ["where did the procedures live?", "was there anything on disagreements?"]


def test_since_reaches_to_now_and_drops_the_earlier_turns_year() -> None:
    standalone, followup = make_standalone(
        "what has replaced that role since?", ["Who led the board in 2021?"]
    )
    assert followup and "2021" not in standalone
    assert time_intent(standalone)[0] == "any"


def test_a_he_or_she_in_the_question_points_at_the_earlier_turn() -> None:
    standalone, followup = make_standalone(
        "is there anything he thinks they still need to get better at?",
        ["How often do the senior leaders meet, according to the Independent Scrutineer?"],
    )
    assert followup and "Scrutineer" in standalone


def test_the_old_board_is_a_time_not_a_topic() -> None:
    assert time_intent("Did the old OSCB education subgroup look at inspection reports?")[0] == (
        "past"
    )
    assert time_intent("old OSCB days - where did the procedures live?")[0] == "past"
    assert time_intent("How many 11 year olds were referred?")[0] == "current"
    assert content_words("old OSCB days - where did the procedures live?") == {
        "oscb",
        "where",
        "procedur",
        "live",
    }


def test_the_noun_how_many_counts_but_not_a_word_any_count_fits() -> None:
    assert counted_words("How many of the top learning points did partners share?") == {
        "top",
        "learn",
        "point",
    }
    assert counted_words("How many children were on plans?") == set()


@pytest.mark.slow
def test_how_many_is_answered_by_a_count_of_its_noun_in_other_words() -> None:
    plan = chunk_of(
        "themes",
        "plan-2018",
        "Business Plan 2017-19 (Refresh June 2018)",
        "2018-06",
        "Partners have shared the ten most common learning themes from case reviews with "
        "managers and practitioners.",
        section="Learning from reviews",
    )
    idf = {"pass": 8.0, "top": 8.0, "point": 6.0, "learn": 3.0, "case": 3.0, "review": 2.0}
    answer = ask_known(
        "How many of the top learning points from case reviews did partners pass on to managers?",
        [plan],
        idf,
    )
    assert not answer.abstained and "ten most common" in answer.text


@pytest.mark.slow
def test_how_often_needs_a_frequency_on_its_subject() -> None:
    panel = report_2024(
        "panel",
        "Observations from the Missing and Exploitation panel have identified a clear link "
        "between school attendance and exploitation.\n\nThe panel reviewed 63% of cases.",
        section="Child exploitation",
    )
    idf = {"panel": 6.0, "exploit": 4.0, "miss": 4.0, "meet": 3.0}
    gap = ask_known("How often does the Missing and Exploitation panel meet?", [panel], idf)
    assert gap.abstained
    leaders = report_2024(
        "leaders",
        "The senior leaders of the statutory agencies meet every two months.",
        section="Independent Scrutineer Statement",
    )
    idf = {"leader": 6.0, "senior": 4.0, "meet": 3.0}
    answer = ask_known("How often do the senior leaders meet?", [leaders], idf)
    assert not answer.abstained and "every two months" in answer.text
    # A named group's meetings are not the senior leaders', however close the match.
    updates = report_2024(
        "updates",
        "At its July meeting, the Safeguarding in Education group received several updates.",
        section="Safeguarding in Education",
    )
    idf |= {"safeguard": 1.0, "educ": 1.5, "group": 1.0, "meet": 6.0}
    gap = ask_known(
        "How often does the Safeguarding in Education group meet?", [updates, leaders], idf
    )
    assert gap.abstained and "two months" not in gap.text


@pytest.mark.slow
def test_who_holds_a_role_needs_that_role_not_any_like_it() -> None:
    managers = chunk_of(
        "managers",
        "plan-2019",
        "Business Plan 2019-21",
        "2020",
        "Senior managers from the County Council, Thames Valley Police and the Clinical "
        "Commissioning Group lead the partnership.",
        section="Our vision",
    )
    idf = {"manag": 4.0, "busi": 5.0}
    gap = ask_known("Who is the OSCP Business Manager?", [managers], idf)
    assert gap.abstained
