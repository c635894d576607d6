"""Tables and acronyms in answers: a table keeps the paragraph that says what it shows, a
sentence that introduces a table brings its rows, and "what's GCP2?" is answered with what
the documents' own glossary says it stands for."""

from __future__ import annotations

import pytest

from assistant.compose.acronyms import asked_acronym, spell_out
from assistant.types import Answer
from ingest.chunking import make_chunks
from ingest.model import Block
from tests.composing import ask, report_2024

DOC = {
    "doc_id": "d",
    "title": "T",
    "doc_type": "annual_report",
    "published": "2025-07-02",
    "period": "",
    "doc_version": "v" * 16,
}


def test_a_table_that_opens_a_chunk_keeps_the_paragraph_that_says_what_it_shows() -> None:
    blocks = [
        Block("heading", "Training", level=1),
        Block("paragraph", "Participants reported increased confidence. " * 8),
        Block("paragraph", "The figure below provides a breakdown of agencies attending training."),
        Block("paragraph", "Overall training has evaluated positively, as in Figure four. " * 5),
        Block("table", "Category\tCount\nPolice\t32\nSchools\t2065\nFoster Carers\t21"),
    ]
    chunks = make_chunks(blocks, DOC, chunk_chars=400)
    table = next(c for c in chunks if c.text.startswith("Category"))
    assert table.meta.lead_in == (
        "The figure below provides a breakdown of agencies attending training."
    )
    others = [c for c in chunks if c is not table]
    assert all(c.meta.lead_in == "" for c in others)  # paragraphs need no lead-in


@pytest.mark.slow
def test_a_sentence_that_introduces_a_table_brings_its_rows() -> None:
    conference = report_2024(
        "conference",
        "The OSCB Annual Conference took place on 10th July 2024, focusing on child sexual "
        "abuse.\n\nOut of those who attended, 109 delegates completed an evaluation form. "
        "Delegates were asked to rate their understanding of child sexual abuse at the start of "
        "the day and again in the post-event evaluation:\n\nRating\tPre-event\tPost-event\n"
        "Excellent\t14\t61\nGood\t63\t46\nAdequate\t31\t1",
        section="Annual Conference",
    )
    answer = ask(
        "How many delegates rated their understanding of child sexual abuse as excellent "
        "before and after the conference?",
        [conference],
    )
    assert not answer.abstained
    assert "Excellent | 14 | 61" in answer.text  # the row, read as its cells
    assert answer.text.index("rate their understanding") < answer.text.index("Excellent")
    assert all("\t" not in line for line in answer.text.splitlines())
    assert {c.quote for c in answer.citations} <= {s for s in conference.sentences}


def test_what_an_acronym_stands_for_comes_from_the_glossary_with_its_source() -> None:
    assert asked_acronym("what's GCP2, the thing the health visitors are trained on?") == "GCP2"
    assert asked_acronym("What does OSAB do?") is None
    entries = [
        {"acronym": "GCP2", "expansion": "Graded Care Profile 2", "title": "Report 2024 (x)",
         "published": "2025-07-02"},
        {"acronym": "GCP2", "expansion": "Graded Care Profile 2", "title": "Plan 2019",
         "published": "2019-01-01"},
    ]  # fmt: skip
    answer = Answer(text="According to the Report: GCP2 training goes on. [1]", abstained=False)
    spelt = spell_out(answer, "GCP2", entries)
    first = spelt.text.splitlines()[0]
    assert first == "GCP2 stands for Graded Care Profile 2 (Report 2024, 2025-07-02)."
    assert spelt.text.endswith(answer.text)
    said = Answer(text="Graded Care Profile 2 (GCP2) training goes on. [1]", abstained=False)
    assert spell_out(said, "GCP2", entries).text == said.text  # already spelt out
    later = Answer(
        text="GCP2 training goes on. [1] - Graded Care Profile 2: done. [2]", abstained=False
    )
    assert spell_out(later, "GCP2", entries).text.startswith("GCP2 stands for")  # not in the lead
    gap = Answer(text="I cannot find this.", abstained=True)
    assert spell_out(gap, "GCP2", entries).text == gap.text  # never on an abstention
    assert spell_out(answer, "GCP2", []).text == answer.text  # nothing mined: nothing said


AGENCIES = report_2024(
    "agencies",
    "The figure below provides a breakdown of agencies attending multi-agency training:\n\n"
    "Category\tCount\nPolice\t32\nSchools\t2065\nFoster Carers\t21\nHealth\t194\nTotal\t2312",
    section="Multi-agency training",
)


@pytest.mark.slow
def test_which_has_the_most_is_answered_by_the_tables_largest_row_not_its_total() -> None:
    most = ask(
        "Which agency sent the most people to multi-agency training, and how many?", [AGENCIES]
    )
    assert not most.abstained and "Schools | 2065" in most.text and "Total" not in most.text
    assert most.text.index("Category | Count") < most.text.index("Schools")  # its header first
    fewest = ask("Which agency sent the fewest people to multi-agency training?", [AGENCIES])
    assert "Foster Carers | 21" in fewest.text


@pytest.mark.slow
def test_a_table_row_answers_only_a_question_about_what_the_table_counts() -> None:
    idf = {"foster": 7.0, "carer": 6.0, "have": 1.0, "train": 2.0, "attend": 3.0}
    gap = ask("How many foster carers do we have?", [AGENCIES], idf=lambda w: idf.get(w, 9.0))
    assert gap.abstained  # 21 foster carers came to training; how many there are is not said
    found = ask(
        "How many foster carers attended training?", [AGENCIES], idf=lambda w: idf.get(w, 9.0)
    )
    assert not found.abstained and "Foster Carers | 21" in found.text


@pytest.mark.slow
def test_a_contents_page_is_never_quoted() -> None:
    contents = report_2024(
        "contents",
        "Funding Arrangements\t14\nMulti-agency Training and Annual Conference\t19\n"
        "Priorities 2025-2026\t23",
        section="Contents",
    )
    answer = ask("Which agencies attended multi-agency training?", [contents, AGENCIES])
    assert not answer.abstained and "Schools" in answer.text
    assert "Funding Arrangements" not in answer.text and "Conference" not in answer.text


@pytest.mark.slow
def test_how_many_of_one_row_leads_with_that_row() -> None:
    idf = {"foster": 7.0, "carer": 6.0, "polic": 4.0, "came": 2.0, "train": 2.0}
    answer = ask(
        "How many foster carers came on multi-agency training?",
        [AGENCIES],
        idf=lambda w: idf.get(w, 9.0),
    )
    assert not answer.abstained
    assert answer.text.split("\n\n")[0].splitlines()[-1] == "Foster Carers | 21 [1]"


def test_a_figure_that_names_a_figure_or_table_is_no_count() -> None:
    from assistant.compose.figures import has_count, has_figure

    assert not has_count("Training has evaluated positively, as outlined in Figure four.")
    assert not has_figure("The breakdown is in Table 3 and Appendix B.")
    assert has_count("Four courses ran.") and has_count("Nurseries\t1041")
