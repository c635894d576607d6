"""How questions are read, from what the unseen dev15 set showed: "the vision statement" is
the opening of the "Our vision" section; "how do schools sign up to the newsletter?" needs a
way to sign up; "how many disabled children...?" needs disabled children counted; "what target
for re-referrals?" needs a target for re-referrals; "which interpreting service?" needs one
named; "CAMHs being what?" leads with the words it stands for; "was there anything on X, and on
Y?" asks what was said about each; "All of these issues..." comes after the issues it means;
and "priorities no. 1 and no. 3" or "3.87 to 4.57" state no count."""

from __future__ import annotations

import pytest

from assistant.compose.figures import has_count, question_numbers
from assistant.compose.question import NUMBER_Q
from assistant.parts import split_parts
from assistant.query import plan_query
from tests.composing import ask, chunk_of, report_2024


def test_positions_decimals_and_which_figure_are_no_counts() -> None:
    assert (
        question_numbers("under improving practice, what were priorities no. 1 and no. 3?", None)
        == []
    )
    assert question_numbers("what were the 8 priorities?", None) == ["8"]
    assert not has_count("The course showed a learning gain from 3.87 to 4.57.")
    assert has_count("Referrals rose from 42 to 57.")
    assert not NUMBER_Q.search("Which figure number shows the breakdown by agency?")
    assert NUMBER_Q.search("What figure does the report give for referrals?")


def test_was_there_anything_on_asks_what_was_said_about_each_thing() -> None:
    assert not plan_query("Was there anything on timeliness?", None, {}, set()).yes_no
    assert plan_query("Was the audit on timeliness?", None, {}, set()).yes_no
    assert split_parts("was there anything on how decisions get made, and on timeliness?") == [
        "was there anything on how decisions get made?",
        "was there anything on timeliness?",
    ]
    parts = split_parts("was there a theme about age groups, and anything about the wider family?")
    assert parts[1] == "anything about the wider family?"


_IDF = {"vision": 5.0, "statement": 6.0, "corpor": 5.0, "valu": 4.0, "plan": 2.0, "keep": 2.5}
_IDF |= {"newslett": 5.0, "termli": 5.0, "school": 2.0, "sign": 4.0, "regist": 5.0}
_IDF |= {"updat": 3.0, "manual": 4.0, "procedur": 3.0, "disabl": 5.0, "protect": 2.0}
_IDF |= {"children": 1.0, "child": 1.0, "target": 4.0, "mash": 5.0, "refer": 3.0, "re": 3.0}
_IDF |= {"enquiri": 4.0, "red": 4.0, "set": 2.0, "partnership": 1.0, "month": 3.0}
_IDF |= {"servic": 2.0, "famili": 2.0, "concern": 2.5, "translat": 6.0, "audit": 3.0}
_IDF |= {"issu": 3.0, "increas": 2.5, "prioriti": 2.5, "action": 2.5, "educ": 2.5}
_IDF |= {"execut": 3.0, "group": 2.0, "prompt": 5.0, "law": 4.0, "work": 1.5, "way": 2.0}


def _ask(question: str, chunks: list, **extra: object):  # type: ignore[no-untyped-def]
    return ask(question, chunks, idf=lambda w: _IDF.get(w, 9.0), **extra)


_VISION = chunk_of(
    "vision",
    "plan-2019",
    "Business Plan 2019-21",
    "2020",
    "We want to keep children as safe as possible by making sure everyone understands their "
    "roles and responsibilities through training and local resources.",
    section="Our vision",
)
_CORPORATE = chunk_of(
    "corporate",
    "plan-2019",
    "Business Plan 2019-21",
    "2020",
    "The plan supports the Vision, Values, Objectives and Strategic Priorities in the "
    "County Council's Corporate Plan.",
    section="Corporate Policies",
)


@pytest.mark.slow
def test_the_vision_statement_is_the_opening_of_the_vision_section() -> None:
    answer = _ask(
        "What is the vision statement in the 2019-21 business plan?", [_CORPORATE, _VISION]
    )
    assert "We want to keep children" in answer.text


_NEWSLETTER = chunk_of(
    "schools",
    "subgroups-2018",
    "Subgroups 2018",
    "2018",
    "The Schools group analyses Ofsted reports and school audit work. "
    "It has produced a termly newsletter for schools.",
    section="Safeguarding in Education",
)
_MANUAL = report_2024(
    "manual",
    "Colleagues can register for updates to the procedures manual on the website, so they are "
    "told when a procedure changes.",
    section="Procedures",
)


@pytest.mark.slow
def test_how_to_sign_up_needs_a_way_to_sign_up() -> None:
    chunks = [_NEWSLETTER, _MANUAL]
    gap = _ask("How do schools sign up to get the termly newsletter?", chunks)
    assert gap.abstained and "It has produced" not in gap.text
    answer = _ask("How do I register for updates to the procedures manual?", chunks)
    assert not answer.abstained and "register for updates" in answer.text


_PLANS = report_2024(
    "plans",
    "At the end of March 2024, 730 children were on a child protection plan. "
    "Neglect is the most common reason for a plan.",
    section="Child protection",
)


@pytest.mark.slow
def test_how_many_needs_what_it_counts_counted() -> None:
    gap = _ask("How many disabled children are on a child protection plan?", [_PLANS])
    assert gap.abstained and "730" not in gap.text
    answer = _ask("How many children are on a child protection plan?", [_PLANS])
    assert not answer.abstained and "730" in answer.text


_MASH = [
    report_2024(
        "mash",
        "In 2023/24, MASH completed 95% of red enquiries within the required timescales, "
        "against a target of 90%.",
        section="MASH",
    ),
    report_2024(
        "again", "21% of our referrals were families re-referred within 12 months.", "Data"
    ),
]


@pytest.mark.slow
def test_a_target_must_be_for_what_the_question_asks_about() -> None:
    gap = _ask("What target has the partnership set for MASH re-referrals?", _MASH)
    assert gap.abstained and "90%" not in gap.text
    answer = _ask("What target did MASH have for red enquiries?", _MASH)
    assert not answer.abstained and "90%" in answer.text


_AUDITS = chunk_of(
    "audits",
    "plan-2018",
    "ESP Business Plan 2018",
    "2018",
    "Audits will focus on using translators to communicate safeguarding concerns. "
    "In all cases the ESP will seek the views of children and parents.",
    section="Challenge improvements",
)


@pytest.mark.slow
def test_which_service_needs_one_named_and_the_partnership_names_none() -> None:
    gap = _ask(
        "Which interpreting service should we use with families about safeguarding concerns?",
        [_AUDITS],
        lower_words=frozenset("audits will focus on using in all cases the of and".split()),
    )
    assert gap.abstained and "translators" not in gap.text


_CAMHS = chunk_of(
    "camhs",
    "plan-2018",
    "ESP Business Plan 2018",
    "2018",
    "The number of children open to child and adolescent mental health services continues to "
    "increase. In 2017/18 there were 6794 referrals into CAMHs, 11% higher than the previous "
    "year when there were 6128 referrals.",
    section="The local context",
)


@pytest.mark.slow
def test_an_acronym_no_glossary_spells_leads_with_the_words_it_stands_for() -> None:
    answer = _ask(
        "The 2018 plan quotes the CAMHs referral numbers - CAMHs being what exactly?",
        [_CAMHS],
        spellings=("CAMHs", []),
    )
    assert not answer.abstained
    assert "child and adolescent mental health" in answer.text.split("[1]")[0]


_ISSUES = chunk_of(
    "issues",
    "plan-2018",
    "ESP Business Plan 2018",
    "2018",
    "The issues of elective home education, persistent absence and permanent exclusions are "
    "increasing safeguarding concerns. All of these issues have increased in the last 12 "
    "months making them a priority for action.",
    section="The local context",
)


@pytest.mark.slow
def test_what_these_issues_are_comes_before_what_is_said_of_them() -> None:
    answer = _ask(
        "Which education issues had gone up over the previous 12 months and become a "
        "priority for action?",
        [_ISSUES],
    )
    assert not answer.abstained
    assert answer.text.index("elective home education") < answer.text.index("All of these")


_CCG = chunk_of(
    "ccg",
    "plan-2019",
    "Business Plan 2019-21",
    "2020",
    "Senior managers from the County Council, the Police and the Clinical Commissioning Group "
    "decide with the Independent Chair what we should focus on. This followed a change in the "
    "law which asked us to work more closely together to keep children safe.",
    section="Our vision",
)
_EXECUTIVE = chunk_of(
    "exec",
    "plan-2019",
    "Business Plan 2019-21",
    "2020",
    "Its members are listed at the end of this plan.",
    section="Executive Group",
)


@pytest.mark.slow
def test_a_group_the_question_names_by_its_acronym_is_not_another_group() -> None:
    answer = _ask(
        "What prompted the new way of working, with the police, council and CCG sitting as an "
        "Executive Group?",
        [_CCG, _EXECUTIVE],
        related=["clinical commissioning group"],
    )
    assert not answer.abstained and "change in the law" in answer.text


_ACHIEVED = report_2024(
    "achieved",
    "The priority groups below are the work completed in the previous arrangements of the "
    "board. The Neglect group met six times.",
    section="Priority areas – What has been achieved this year?",
)
_BAU = report_2024(
    "bau",
    "Business-as-usual work this year continues under the partnership's arrangements.",
    section="Business as usual",
)


@pytest.mark.slow
def test_a_quoted_section_is_answered_from_its_opening() -> None:
    answer = _ask(
        "The 'what has been achieved this year' section - is that work done under the new "
        "partnership arrangements or under the old board?",
        [_BAU, _ACHIEVED],
    )
    assert not answer.abstained
    assert "previous arrangements" in answer.text.split("[1]")[0]


_AIMS = chunk_of(
    "aims",
    "plan-2019",
    "Business Plan 2019-21",
    "2020",
    "Our priority areas of work have been shaped by reports to our partnership and by the "
    "views of young people.\n- 1. Leadership and governance\n- 2. Direction on improving "
    "practice\n- 3. Scrutiny and quality assurance",
    section="Our aims",
)
_PRACTICE = chunk_of(
    "practice",
    "plan-2019",
    "Business Plan 2019-21",
    "2020",
    "- 1. Tackling neglect\n- 2. Keeping children safe in education\n"
    "- 3. Addressing child exploitation and contextual safeguarding",
    section="Improving practice",
)


@pytest.mark.slow
def test_an_item_asked_for_by_its_number_is_that_item() -> None:
    answer = _ask("What was priority no. 3 under improving practice?", [_AIMS, _PRACTICE])
    assert not answer.abstained and "Addressing child exploitation" in answer.text
