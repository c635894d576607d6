"""Questions whose premise the documents do not hold (a stated count, an age band, another
course, an end date) abstain; the same questions without the false premise are answered."""

from __future__ import annotations

import pytest

from tests.composing import abstains_then_answers, report_2024

pytestmark = pytest.mark.slow

TRAINING = report_2024(
    "training",
    "Participants reported increased confidence in their practice. "
    "For instance, the Child Exploitation course showed a learning gain from 3.87 to 4.57.",
    section="Training",
)
CARE_LEAVERS = report_2024(
    "leavers",
    "The proportion of our care leavers in education, employment and training is high, "
    "with 95.6% of 16–17-year-olds in education, employment or training.",
)
REVIEWS = report_2024(
    "reviews",
    "At present, one review remains active. Eight key recommendations are being advanced "
    "across the partnership.\n\nThe earlier review made three recommendations:\n"
    "- Share chronologies.\n- Record fathers' details.\n- Escalate drift.",
)
CHAIR = report_2024(
    "chair",
    "In January 2025, Priya Okafor, Director of Children's Services, became the Chair of the "
    "partnership, with Sam Reed moving to the Independent Scrutineer role.",
)
IDF = {
    "neglect": 4.0, "exploit": 3.0, "cours": 3.0, "gain": 5.0, "learn": 2.0, "show": 2.0,
    "care": 2.0, "leaver": 5.0, "educ": 2.0, "employ": 4.0, "train": 2.0, "age": 3.0,
    "recommend": 4.0, "review": 2.0, "earlier": 3.0, "chair": 3.0, "term": 4.0, "end": 3.0,
    "okafor": 7.0, "priya": 7.0, "becom": 2.0, "scrutin": 6.0, "sam": 7.0, "reed": 7.0,
}  # fmt: skip


def test_another_course_of_the_same_kind_is_no_answer() -> None:
    abstains_then_answers(
        ("What learning gain did the neglect course show?", "4.57"),
        ("What learning gain did the child exploitation course show?", "4.57"),
        [TRAINING],
        IDF,
    )


def test_an_age_band_the_question_states_must_be_the_one_the_figure_is_for() -> None:
    abstains_then_answers(
        ("What % of care leavers aged 19-21 are in education, employment or training?", "95.6"),
        ("What % of care leavers aged 16-17 are in education, employment or training?", "95.6"),
        [CARE_LEAVERS],
        IDF,
    )


def test_a_count_of_items_the_documents_never_list_is_not_answered_with_the_count() -> None:
    abstains_then_answers(
        ("What are the 8 recommendations of the active review?", "Eight key"),
        ("What are the 3 recommendations of the earlier review?", "Share chronologies"),
        [REVIEWS],
        IDF,
    )


def test_when_something_began_does_not_say_when_it_ends() -> None:
    abstains_then_answers(
        ("When does Sam Reed's term as Independent Scrutineer end?", "January 2025"),
        ("When did Priya Okafor become the Chair?", "January 2025"),
        [CHAIR],
        IDF,
    )


def test_a_question_about_the_budget_needs_a_sum_only_when_it_asks_for_one() -> None:
    budget = report_2024(
        "budget",
        "The budget contributions and expenditure are outlined in full in appendix B of the "
        "report.",
    )
    abstains_then_answers(
        ("What is the partnership's budget?", "appendix B"),
        ("Where is the budget breakdown set out?", "appendix B"),
        [budget],
        {"budget": 4.0, "breakdown": 6.0, "set": 2.0, "contribut": 4.0, "expenditur": 5.0},
    )


def test_the_group_a_passage_is_about_is_not_another_group() -> None:
    procedures = report_2024(
        "procedures",
        "In response to learning from reviews, members of the group developed Pre-Birth "
        "Guidance and revised the Bruising Guidance.",
        section="Procedures Subgroup",
    )
    abstains_then_answers(
        ("What guidance did the neglect group bring out?", "Pre-Birth"),
        ("What new guidance did the procedures group bring out?", "Pre-Birth"),
        [procedures],
        {**IDF, "procedur": 4.0, "guidanc": 3.0, "bring": 2.0, "group": 1.0},
    )
