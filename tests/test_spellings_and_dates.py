"""How questions are read, from what the unseen dev13 set showed: "what does THRIVE stand
for?" when no document spells it out; "when was Sam Patel appointed?" answered only by his own
appointment; "when is it due?" answered by "expected in 2025"; "how many independent schools?"
not answered by "362 schools"; "more or fewer than the national average?" asking for no
figure; and a question word no document uses ("justify") met by the word they do use ("prove")."""

from __future__ import annotations

import pytest

from assistant.compose.figures import counts_asked, counts_other, has_count
from assistant.compose.question import NUMBER_Q
from tests.composing import ask, ask_known, chunk_of, report_2024

_LOWER = frozenset("i was appointed as the independent chair in under arrangements".split())


def test_comparisons_and_counts_read_from_the_words() -> None:
    assert not NUMBER_Q.search("Did we have more or fewer children than the national average?")
    assert NUMBER_Q.search("What is the national average?")
    assert not has_count("Leaders challenge one another and resolve disagreements.")
    mixed = "There were 362 schools in June 2024, and 15% of pupils attend independent ones."
    assert counts_other("How many independent schools?", mixed)
    assert not counts_other("How many conference delegates came?", "109 delegates came.")
    assert counts_asked("How many schools are there?", "119,713 pupils attending 362 schools.")
    assert not counts_asked("How many pupils were excluded?", "119,713 pupils at 362 schools.")


SCHOOLS = report_2024(
    "schools",
    "119,713 pupils attending 362 schools in June 2024. 84.3% attending state funded school. "
    "15.3% attend independent schools – more than double the national average (6.5%).",
    section="Safe at School",
)
_SCHOOL_IDF = {"school": 3.0, "pupil": 4.0, "independ": 4.0, "attend": 3.0, "fund": 4.0}


@pytest.mark.slow
def test_a_count_of_all_schools_is_no_count_of_independent_ones() -> None:
    gap = ask_known("How many independent schools are there?", [SCHOOLS], _SCHOOL_IDF)
    assert gap.abstained and "15.3%" not in gap.text
    answer = ask_known("How many schools are there?", [SCHOOLS], _SCHOOL_IDF)
    assert not answer.abstained and "362 schools" in answer.text


@pytest.mark.slow
def test_more_or_fewer_than_the_national_average_asks_for_no_figure() -> None:
    care = chunk_of(
        "care",
        "plan-2018",
        "Business Plan 2018",
        "2018-06",
        "The number of children in care rose by 6% to 691. The county still has fewer looked "
        "after children than the national average.",
        section="The local context",
    )
    idf = {"look": 4.0, "care": 3.0, "nation": 4.0, "averag": 4.0, "fewer": 5.0, "more": 2.0}
    answer = ask_known(
        "Did the county have more or fewer looked after children than the national average?",
        [care],
        idf,
    )
    assert not answer.abstained and "fewer looked after children" in answer.text


_TOOL = report_2024(
    "tool",
    "The subgroup has been working on health visitor training. Additionally, a reviewed tool "
    "for screening will replace the THRIVE tool, as it was considered too lengthy. The new tool "
    "is expected to be endorsed in 2025.",
    section="Neglect",
)
_TOOL_IDF = {"tool": 4.0, "screen": 4.0, "thrive": 6.0, "neglect": 2.0, "replac": 4.0}
_TOOL_IDF |= {"endors": 6.0, "expect": 4.0, "stand": 5.0, "lengthi": 6.0, "been": 1.0}
_TOOL_IDF |= {"due": 3.0, "sign": 5.0, "off": 3.0, "date": 3.0}


@pytest.mark.slow
def test_an_acronym_no_document_spells_out_is_said_to_be_so() -> None:
    gap = ask(
        "What does THRIVE stand for, the old screening tool?",
        [_TOOL],
        idf=lambda w: _TOOL_IDF.get(w, 9.0),
        spellings=("THRIVE", []),
    )
    assert gap.abstained and "never say what it stands for" in gap.text
    gcp = report_2024("gcp", "Health visitors are trained on the Graded Care Profile 2 (GCP2).")
    answer = ask(
        "What does GCP2 stand for?",
        [gcp],
        idf=lambda w: {"gcp2": 6.0, "health": 2.0, "train": 3.0}.get(w, 9.0),
        spellings=("GCP2", []),
    )
    assert not answer.abstained and "Graded Care Profile" in answer.text


@pytest.mark.slow
def test_when_it_is_due_is_answered_by_when_it_is_expected() -> None:
    synonyms = {"signed off": ["approved", "agreed", "endorsed"]}
    extra = {"idf": lambda w: _TOOL_IDF.get(w, 1.0), "synonyms_of": synonyms}
    due = ask(
        "Has the tool replacing THRIVE been signed off yet, or when is that due?", [_TOOL], **extra
    )
    assert not due.abstained and "expected to be endorsed in 2025" in due.text
    dated = ask("On what date was the tool replacing THRIVE signed off?", [_TOOL], **extra)
    assert dated.abstained


@pytest.mark.slow
def test_a_named_persons_date_is_their_own() -> None:
    statement = chunk_of(
        "statement",
        "report-2024",
        "ESP Annual Report 2024",
        "2024-06",
        "I was appointed as the Independent Chair in February 2024 under the previous "
        "arrangements.",
        section="Independent Chair's statement",
    )
    signed = chunk_of(
        "signed",
        "report-2024",
        "ESP Annual Report 2024",
        "2024-06",
        "Sam Patel, Independent Chair, signed this statement for the partnership.",
        section="Independent Chair's statement",
    )
    idf = {"appoint": 5.0, "independ": 3.0, "chair": 3.0, "arrang": 3.0, "patel": 6.0}
    idf |= {"dana": 6.0, "whitfield": 6.0, "charit": 4.0, "nation": 3.0}
    extra = {"idf": lambda w: idf.get(w, 9.0), "lower_words": _LOWER}
    earlier = chunk_of(
        "earlier",
        "plan-2019",
        "Business Plan 2019-21",
        "2020",
        "Our Independent Chair, Dana Whitfield, is from a national children's charity.",
        section="Our vision",
    )
    gap = ask(
        "When was Dana Whitfield appointed as Independent Chair?",
        [statement, signed, earlier],
        following={"statement": signed},
        **extra,
    )
    assert gap.abstained and "February 2024" not in gap.text
    answer = ask(
        "When was Sam Patel appointed as Independent Chair?",
        [statement, signed],
        following={"statement": signed},
        **extra,
    )
    assert not answer.abstained and "February 2024" in answer.text


@pytest.mark.slow
def test_a_word_no_document_uses_is_met_by_the_word_they_do_use() -> None:
    assessment = chunk_of(
        "assessment",
        "plan-2019",
        "Business Plan 2019-21",
        "2020",
        "We will check how effectively local agencies work together to keep children safe "
        "through peer review and self-assessment. Keeping children safe in (and out of) "
        "education is a priority for us. The organisations will rate how well they are doing "
        "through an online form. The organisations then must prove how and why they have rated "
        "themselves to each other through a face-face meeting.",
        section="Scrutiny",
    )
    idf = {"keep": 2.5, "safe": 2.5, "children": 1.0, "organis": 3.0, "prove": 5.0}
    idf |= {"rate": 4.0, "themselv": 5.0, "meet": 3.0, "assess": 4.0, "agenc": 3.0}
    question = (
        "How did agencies have to justify the grade they gave themselves for keeping children safe?"
    )
    synonyms = {"justify": ["prove", "evidence"], "grade": ["rate", "rated", "rating"]}
    answer = ask(
        question,
        [assessment],
        idf=lambda w: idf.get(w, 9.0),
        synonyms_of=synonyms,
        related=["prove", "evidence", "rate", "rated", "rating"],
    )
    assert not answer.abstained
    assert "must prove how and why" in answer.text.split("[1]")[0]
