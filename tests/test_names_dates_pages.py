"""How questions are read, from what the unseen dev14 set showed: "the exact date of the July
meeting" needs a day and "which month in 2017" a month; "which organisation is she from?"
needs someone said to be from one; "which model" needs a name; "how many people came to its two
learning events?" is not answered by the two events it already names; "3. Engage local
communities" is an item's number, not a count; and "what page is the data section on?" is
answered by the contents page, whose first line is an entry, not a header; and "As a result,
..." brings the sentences it results from, even inside a list item."""

from __future__ import annotations

import pytest

from assistant.compose.figures import counts_other, has_count
from tests.composing import ask, chunk_of, report_2024


def test_a_count_the_question_gives_and_an_items_number_answer_no_count() -> None:
    events = (
        "Learning was passed on to others through two learning events, three workshops and "
        "the Annual Conference."
    )
    assert counts_other("How many people came to the subgroup's two learning events?", events)
    assert not counts_other("How many people came?", "109 delegates came to the two events.")
    assert not has_count("3. Engage local communities")
    assert has_count("3 local communities were engaged.")


_MEETING = report_2024(
    "meeting",
    "At the July 2024 meeting, the Schools group received several important updates. "
    "The first meeting of the Boards group was held on 10 March 2025. "
    "In 2017 a new way of providing early help to families was launched.",
    section="Schools",
)
_IDF = {"meet": 3.0, "school": 3.0, "group": 2.0, "board": 3.0, "first": 2.0, "earli": 4.0}
_IDF |= {"help": 3.0, "launch": 5.0, "famili": 2.0, "updat": 3.0, "exact": 6.0, "date": 4.0}
_IDF |= {"month": 5.0, "way": 2.0, "new": 1.5}


@pytest.mark.slow
def test_an_exact_date_needs_a_day_and_a_month_needs_a_month() -> None:
    extra = {"idf": lambda w: _IDF.get(w, 9.0)}
    gap = ask(
        "What was the exact date of the Schools group's July 2024 meeting?", [_MEETING], **extra
    )
    assert gap.abstained and "July 2024 meeting" not in gap.text
    answer = ask("What was the exact date of the first Boards group meeting?", [_MEETING], **extra)
    assert not answer.abstained and "10 March 2025" in answer.text
    month = ask("Which month in 2017 was the new early help way launched?", [_MEETING], **extra)
    assert month.abstained and "In 2017" not in month.text


_LOWER = frozenset(
    "the in with from to chair role independent scrutineer of and assumed transitioning is "
    "director our group reviewing response child exploitation harm outside home by examining "
    "national good practices services".split()
)
_CHAIRS = report_2024(
    "chairs",
    "In January 2025, Lisa Lyons, Director of Children's Services, assumed the role of Chair, "
    "with Ian Sutherland transitioning from Chair to the Independent Scrutineer role. "
    "The group is reviewing Oxfordshire's response to child exploitation and harm outside the "
    "home by examining national good practices.",
    section="Leadership",
)
_PLAN = chunk_of(
    "plan",
    "plan-2019",
    "Business Plan 2019-21",
    "2020",
    "Our Independent Chair, Richard Simpson, is from Barnardo's.",
    section="Our vision",
)
_NAME_IDF = {"sutherland": 6.0, "ian": 6.0, "simpson": 6.0, "richard": 6.0, "organis": 4.0}
_NAME_IDF |= {"chair": 3.0, "independ": 3.0, "scrutin": 4.0, "model": 5.0, "nation": 3.0}
_NAME_IDF |= {"good": 3.0, "practic": 2.5, "harm": 3.0, "outsid": 3.0, "home": 3.0}
_NAME_IDF |= {"oxfordshir": 1.5, "review": 2.0, "respons": 3.0, "use": 2.0, "subgroup": 3.0}
_NAME_IDF |= {"children": 1.0, "servic": 2.0}


@pytest.mark.slow
def test_which_organisation_someone_is_from_and_which_model_need_a_name() -> None:
    extra = {"idf": lambda w: _NAME_IDF.get(w, 9.0), "lower_words": _LOWER}
    chunks = [_CHAIRS, _PLAN]
    gap = ask(
        "Which organisation is Ian Sutherland, our Independent Scrutineer, from?", chunks, **extra
    )
    assert gap.abstained and "Lisa Lyons" not in gap.text
    answer = ask(
        "Which organisation is Richard Simpson, the Independent Chair, from?", chunks, **extra
    )
    assert not answer.abstained and "Barnardo's" in answer.text
    model = ask(
        "Which national good practice model is the subgroup using to review our harm outside "
        "the home response?",
        chunks,
        **extra,
    )
    assert model.abstained and "national good practices" not in model.text


_CONTENTS = report_2024(
    "contents",
    "OSCP Executive\t7\nFunding Arrangements\t14\nWhat do we know - Data\t15\n"
    "Findings from Child Safeguarding Practice Reviews\t18\n"
    "Multi-agency Training and Annual Conference\t19\n"
    "Voice and Influence of Children and Young People\t22",
    section="Contents",
)
_FUNDING = report_2024(
    "funding",
    "Funding Arrangements. The partners fund the partnership's work together each year, and "
    "the budget is agreed by the executive.",
    section="Funding Arrangements",
)
_PAGE_IDF = {"page": 4.0, "fund": 3.0, "arrang": 3.0, "voic": 4.0, "influenc": 4.0}
_PAGE_IDF |= {"train": 3.0, "confer": 4.0, "find": 3.0, "cspr": 6.0, "review": 2.0}
_PAGE_IDF |= {"section": 3.0, "children": 1.0, "young": 2.0, "budget": 4.0, "execut": 3.0}


@pytest.mark.slow
def test_what_page_a_section_is_on_is_read_from_the_contents_page() -> None:
    extra = {"idf": lambda w: _PAGE_IDF.get(w, 9.0)}
    chunks = [_FUNDING, _CONTENTS]
    answer = ask("What page is the funding arrangements section on?", chunks, **extra)
    assert not answer.abstained and "14" in answer.text
    assert "OSCP Executive" not in answer.text  # the contents page's first entry is no header
    both = ask(
        "Putting a briefing together - in the 2024 annual report, what page do the CSPR "
        "findings start on, and the training and conference section?",
        chunks,
        **extra,
    )
    assert "18" in both.text and "19" in both.text
    plain = ask("What are the funding arrangements?", chunks, **extra)
    assert "14" not in plain.text and "budget" in plain.text


_PROTOCOL = report_2024(
    "protocol",
    "- Summit events: the formation of these events is being put into place.\n"
    "- Boards Protocol: One of the key activities from the 2024 review of the board "
    "arrangements was a clearer understanding of the safeguarding work across various boards "
    "and partnerships. These bodies share responsibilities for safeguarding within the county. "
    "As a result, the recommendation to establish the Joint Boards group was implemented.",
    section="Multi-agency protection",
)


@pytest.mark.slow
def test_as_a_result_brings_what_it_results_from_even_inside_a_list_item() -> None:
    idf = {"joint": 5.0, "board": 3.0, "group": 2.0, "set": 2.0, "establish": 4.0, "why": 2.0}
    answer = ask(
        "Why was the Joint Boards group set up?", [_PROTOCOL], idf=lambda w: idf.get(w, 9.0)
    )
    assert not answer.abstained and "Joint Boards group was implemented" in answer.text
    assert "2024 review" in answer.text and "These bodies" in answer.text
