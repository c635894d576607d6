"""How questions are read, from what the unseen dev12 set showed: "what % of residents are
Asian?" needs Asian residents' share, not White British residents'; "what target did the plan
set?" needs a target, not today's figure; "the 21 updates" are "twenty-one updates"; "two years
ago" is a time, not how long something lasts; and "compared with the same point the year
before" says when, not what, a figure is about; and "where are the hot spots?" needs a place."""

from __future__ import annotations

import re

import pytest

from assistant.compose.figures import share_group, states_number
from assistant.compose.question import DURATION
from assistant.types import Chunk
from tests.composing import ask, ask_known, chunk_of, fathers_2019, report_2024


def test_a_share_of_a_named_group_and_numbers_in_words() -> None:
    assert share_group("What percentage of residents are Asian according to the census?") == {
        "asian"
    }
    assert share_group("What proportion of ICPCs were held on time?") == set()
    assert share_group("What proportion of the county's schools are academies?") == {"academi"}
    assert share_group("What % of children on plans were there because of neglect?") == set()
    assert states_number("approved twenty-one updates", "21")
    assert not states_number("approved twenty updates", "21")
    assert not states_number("twenty-one updates", "1")  # the "one" of twenty-one


def test_a_time_ago_is_no_duration() -> None:
    assert DURATION.search("Enquiries are completed within two working days.")
    assert not DURATION.search("It is 30% lower than two years ago.")
    assert not DURATION.search("In the last two months, all conferences were on time.")


CENSUS = (
    "According to the 2021 Census, the largest ethnic group in the county is White: English, "
    "Welsh, Scottish, Northern Irish, or British (76.8%), while 23.2% of residents come from "
    "non-white British backgrounds."
)
_CENSUS_IDF = {"census": 6.0, "resid": 4.0, "white": 5.0, "british": 5.0, "ethnic": 4.0}
_CENSUS_IDF |= {"asian": 5.0, "popul": 3.0, "group": 2.0, "county": 1.0}


@pytest.mark.slow
def test_a_share_of_one_group_does_not_answer_for_another() -> None:
    census = report_2024("census", CENSUS, section="Our county")
    gap = ask_known(
        "What percentage of the county's residents are Asian according to the 2021 Census?",
        [census],
        _CENSUS_IDF,
    )
    assert gap.abstained and "76.8%" not in gap.text
    answer = ask_known(
        "What proportion of the county's population is White British?", [census], _CENSUS_IDF
    )
    assert not answer.abstained and "76.8%" in answer.text


@pytest.mark.slow
def test_a_target_needs_a_target_not_todays_figure() -> None:
    fathers = fathers_2019()
    idf = {"confer": 5.0, "case": 2.0, "attend": 3.0, "father": 5.0, "target": 4.0, "set": 2.0}
    gap = ask_known(
        "What target did the plan set for fathers' attendance at case conferences?",
        [fathers],
        idf,
    )
    assert gap.abstained and "44%" not in gap.text
    enquiries = report_2024(
        "enquiries",
        "In 2023/24, the hub completed 95% of red enquiries within the required timescales, "
        "against a target of 90%.",
        section="Front door",
    )
    idf |= {"red": 6.0, "enquiri": 5.0, "hub": 3.0, "timescal": 5.0}
    answer = ask_known("What was the target for red enquiries?", [enquiries], idf)
    assert not answer.abstained and "90%" in answer.text


@pytest.mark.slow
def test_numbers_in_words_and_a_change_on_the_year_before() -> None:
    trix = report_2024(
        "trix",
        "The group reviewed and approved twenty-one updates to procedure chapters, including "
        "online safety and information sharing.",
        section="Procedures",
    )
    idf = {"chapter": 6.0, "updat": 4.0, "procedur": 3.0, "topic": 4.0, "approv": 4.0}
    answer = ask_known("The 21 chapter updates approved last year - what topics?", [trix], idf)
    assert not answer.abstained and "online safety" in answer.text
    plans = report_2024(
        "plans",
        "As of April 2024, the number of children subject to a child protection plan is "
        "decreasing: 6% lower than this time last year.",
        section="Child protection",
    )
    idf = {"protect": 3.0, "plan": 1.0, "drop": 5.0, "compar": 4.0, "same": 3.0, "point": 3.0}
    idf |= {"number": 1.0, "decreas": 4.0}
    answer = ask_known(
        "By what % did the number of children on protection plans drop compared with the "
        "same point the year before?",
        [plans],
        idf,
    )
    assert not answer.abstained and "6%" in answer.text


@pytest.mark.slow
def test_where_needs_a_place() -> None:
    def plan_2018(cid: str, text: str, section: str) -> Chunk:
        return chunk_of(cid, "plan-2018", "Business Plan 2017-19", "2018-06", text, section)

    spots = plan_2018(
        "spots",
        "Prevalence reporting continues to highlight hot spots and the most vulnerable groups.",
        "Exploitation",
    )
    areas = plan_2018(
        "areas",
        "The county's more deprived areas tend to be in the urban centres of Oxford and Banbury.",
        "Our county",
    )
    lower = frozenset(re.findall(r"\b[a-z][a-z'-]+\b", f"{spots.text} {areas.text}"))
    idf = {"hot": 6.0, "spot": 6.0, "exploit": 3.0, "depriv": 5.0, "area": 2.0, "urban": 5.0}
    idf |= {"prevalenc": 5.0, "county": 1.0}

    def put(question: str):  # type: ignore[no-untyped-def]
        return ask(question, [spots, areas], idf=lambda w: idf.get(w, 9.0), lower_words=lower)

    gap = put("Where are the exploitation hot spots?")
    assert gap.abstained and "Prevalence" not in gap.text
    answer = put("Where are the county's more deprived areas?")
    assert not answer.abstained and "Banbury" in answer.text
