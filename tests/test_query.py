"""Retrieval building blocks on small hand-made inputs: fusion, glossary, dates, follow-ups."""

from __future__ import annotations

from assistant.query import expand_acronyms, make_standalone, time_intent
from assistant.retrieval import Filters, rrf
from assistant.spelling import correct_typos
from ingest.glossary import mine_glossary
from ingest.metadata import infer_period, infer_published


def test_rrf_rewards_agreement_between_rankings() -> None:
    fused = rrf([["a", "b", "x"], ["c", "b", "y"]])
    ranked = sorted(fused, key=lambda k: -fused[k])
    assert ranked[0] == "b"  # second in both beats first in one
    assert set(ranked) == {"a", "b", "c", "x", "y"}
    assert fused["a"] == fused["c"] > fused["x"]


def test_glossary_patterns() -> None:
    text = (
        "We work with the Oxfordshire Safeguarding Adults Board (OSAB) on housing. "
        "Unaccompanied asylum-seeking children (UASC) are supported.\n"
        "MARAMP – Multi-Agency Risk Assessment and Management Process\n"
        "IDACI is the index on 'income deprivation affecting children'. "
        "The meeting (held in May) was useful. Graded Care Profile 2 (GCP2) training began "
        "in 2024 (2025)."
    )
    found = dict(mine_glossary(text))
    assert found["GCP2"] == "Graded Care Profile 2"  # an acronym may end in a digit
    assert found["OSAB"] == "Oxfordshire Safeguarding Adults Board"
    assert found["UASC"] == "Unaccompanied asylum-seeking children"
    assert found["MARAMP"] == "Multi-Agency Risk Assessment and Management Process"
    assert "income deprivation affecting children" in found["IDACI"].lower()
    assert len(found) == 5  # "(held in May)" and "(2025)" are no acronyms


def test_glossary_keeps_several_expansions() -> None:
    text = (
        "Designated Safeguarding Partners (DSPs) met. Later the Delegated Safeguarding "
        "Partners (DSPs) agreed."
    )
    assert [e for a, e in mine_glossary(text) if a == "DSPs"] == [
        "Designated Safeguarding Partners",
        "Delegated Safeguarding Partners",
    ]


def test_time_intent() -> None:
    assert time_intent("Who chairs the board now?") == ("current", None)
    assert time_intent("What are the priorities?") == ("current", None)
    assert time_intent("What were the priorities in 2018/19?") == ("range:2018-2019", (2018, 2019))
    assert time_intent("Who was chair in 2020?") == ("year:2020", (2020, 2020))
    assert time_intent("How has the board's name changed over time?")[0] == "any"
    from assistant.query import plan_query

    for asked in ("How is MASH doing lately?", "What has changed recently?", "Figures so far?"):
        assert plan_query(asked, [], {}, []).explicit_present, asked


def test_follow_up_carries_the_previous_subject() -> None:
    standalone, followup = make_standalone("who chairs it?", ["What is the Kingfisher Team?"])
    assert followup and "Kingfisher" in standalone
    standalone, followup = make_standalone("What is neglect?", ["Who chairs the OSCP?"])
    assert not followup and standalone == "What is neglect?"
    chained, _ = make_standalone("and in 2019?", ["What are the OSCB priorities?", "why?"])
    assert "priorities" in chained and "2019" in chained
    now, _ = make_standalone("and who chairs it now?", ["Who chaired the OSCB in 2019-21?"])
    assert "OSCB" in now and "2019" not in now


def test_a_follow_up_that_names_its_own_subject_carries_nothing() -> None:
    asked = "and when did the exec sign off the 24/25 annual report?"
    standalone, followup = make_standalone(asked, ["When did the new structure come in?"])
    assert not followup and standalone == asked
    short, followup = make_standalone("and who chairs it?", ["What is the Kingfisher Team?"])
    assert followup and "Kingfisher" in short


def test_a_later_part_that_only_says_when_asks_about_the_earlier_parts_subject() -> None:
    earlier = "How many delegates rated the conference as excellent before the day?"
    after, followup = make_standalone("how many after?", [earlier], part=True)
    assert followup and "delegates" in after and "conference" in after
    alone, followup = make_standalone("how many after?", [earlier])  # a new turn: not forced
    assert not followup and alone == "how many after?"


def test_acronyms_expand_both_ways() -> None:
    glossary = {"UASC": ["Unaccompanied asylum-seeking children"]}
    assert expand_acronyms("UASC numbers?", glossary) == ["Unaccompanied asylum-seeking children"]
    assert expand_acronyms("unaccompanied asylum-seeking children?", glossary) == ["UASC"]
    assert expand_acronyms("what is the plan", glossary) == []


def test_typos_map_to_corpus_words() -> None:
    vocab = {"safeguarding", "chronology", "neglect", "children"}
    assert correct_typos("safegaurding chronolgy for childen", vocab) == {
        "safegaurding": "safeguarding",
        "chronolgy": "chronology",
        "childen": "children",
    }
    assert correct_typos("neglect", vocab) == {}
    assert correct_typos("drinking", {"thinking"}) == {}  # a real word, not a typo
    # A hyphenated word made of known words is no typo of the corpus's unhyphenated spelling.
    assert correct_typos("multi-agency audits", {"multiagency", "multi", "agency", "audits"}) == {}
    # Real English words, possessives and other forms of a corpus word are no typos either.
    assert correct_typos("what counts as red", {"county", "red"}) == {}
    assert correct_typos("oxfordshire's plan", {"oxfordshire", "plan"}) == {}
    assert correct_typos("statistic neighbours", {"statistical", "neighbours"}) == {}


def test_the_answer_is_scored_against_the_question_with_its_typos_mended() -> None:
    from assistant.query import plan_query

    vocab = ["children", "missing", "home"]
    plan = plan_query("how many childen went missing?", [], {}, vocab, vocabulary_set=set(vocab))
    assert plan.standalone == "how many childen went missing?"  # shown as typed
    assert plan.corrected == "how many children went missing?"


def test_filters_accept() -> None:
    from assistant.types import Chunk, ChunkMeta

    meta = ChunkMeta(
        "d", "T", "annual_report", "2025-07-02", "2024-04-01/2025-03-31", "", None, 0, "h", "v"
    )
    chunk = Chunk("id", "text", meta)
    assert Filters(year_from=2024).accepts(chunk)
    assert not Filters(year_to=2020).accepts(chunk)
    assert not Filters(doc_types=("procedure",)).accepts(chunk)
    assert Filters.from_any({"doc_ids": ["d"]}).accepts(chunk)


def test_metadata_inference_from_name_and_text() -> None:
    assert infer_published("report.txt", "approved on 2nd July 2025 and 3 May 2024") == "2025-07-02"
    assert infer_published("business-plan-2019-21.txt", "") == "2021"
    assert infer_period("business-plan-2019-21.txt", "") == "2019-2021"
    assert infer_published("notes.txt", "no dates at all") == ""


def test_a_later_part_without_a_subject_takes_the_earlier_parts() -> None:
    earlier = ["Which topics did the multi-agency audits look at in the 2018 refresh?"]
    resolved, changed = make_standalone("which in the 2019-21 plan?", earlier, part=True)
    assert changed and "audits" in resolved and "2019-21" in resolved and "2018" not in resolved
    # In a conversation a short new question is not forced onto the previous subject.
    assert make_standalone("What is neglect?", earlier) == ("What is neglect?", False)


def test_an_acronym_the_corpus_writes_in_the_plural_is_not_unknown() -> None:
    from assistant.spelling import unknown_names

    assert unknown_names("What does DSP mean?", {"dsps", "what", "does", "mean"}, "") == []
    assert unknown_names("What does XYZ mean?", {"dsps", "what", "does", "mean"}, "") == ["XYZ"]


def test_a_later_part_naming_a_new_time_drops_the_earlier_document() -> None:
    earlier = ["Which health body sat with the police in the 2019-21 business plan?"]
    resolved, changed = make_standalone("which health body is it now?", earlier, part=True)
    assert changed and "police" in resolved
    assert "business" not in resolved and "2019-21" not in resolved


def test_now_prefers_newer_documents_more_strongly_than_a_question_naming_no_time() -> None:
    from assistant.query import plan_query
    from assistant.retrieval import HybridRetriever
    from assistant.types import Chunk, ChunkMeta

    def chunk(doc: str) -> Chunk:
        meta = ChunkMeta(doc, doc, "annual_report", "", "", "", None, 0, "h", "v")
        return Chunk(doc, "text", meta)

    recency = {"old": 0.0, "new": 1.0}
    retriever = HybridRetriever()

    def lift(question: str) -> float:
        plan = plan_query(question, [], {}, [])
        bonus = retriever._time_bonus
        return bonus(plan, chunk("new"), recency) - bonus(plan, chunk("old"), recency)

    assert lift("Who chairs the board now?") > lift("Who chairs the board?") > 0
    assert lift("Who chaired the board in 2019?") == 0


def test_a_code_with_digits_the_corpus_uses_is_not_unknown() -> None:
    from assistant.spelling import unknown_names

    known = {"gcp2", "what", "is"}
    assert unknown_names("What is GCP2?", known, "") == []  # not "GCP"
    assert unknown_names("What is PLAN9?", known, "") == ["PLAN9"]


def test_short_and_comma_followed_years_are_read_as_times() -> None:
    from assistant.query import named_periods

    assert time_intent("MASH contacts in 23/24?") == ("range:2023-2024", (2023, 2024))
    assert time_intent("In 2019, who chaired it?") == ("year:2019", (2019, 2019))
    assert named_periods("open 24/7 for 16-17 year olds") == []  # not years
    assert named_periods("29,770 contacts and 2,024 calls") == []
    # A plan period written short, where a plan period is meant; an age band is no period.
    assert time_intent("How often did the board meet under the 19-21 business plan?")[1] == (
        2019,
        2021,
    )
    assert named_periods("in 17-19, for care leavers aged 19-21") == [(2017, 2019)]


def test_shorthand_and_month_abbreviations_are_not_unknown_names() -> None:
    from assistant.query import plan_query

    known = {"what", "happens", "after", "a", "incident", "report", "encompass"}
    question = "What happens after a DA incident in the Dec report under Op Encompass?"
    assert plan_query(question, [], {}, [], known_tokens=known).unknown == ["DA", "Op"]
    synonyms = {"da": ["domestic abuse"], "op": ["operation"]}
    planned = plan_query(question, [], {}, [], known_tokens=known, synonyms=synonyms)
    assert planned.unknown == [] and "domestic abuse" in planned.synonyms


def test_hyphenated_words_also_match_written_solid() -> None:
    from assistant.index.lexical import LexicalIndex, tokenize

    index = LexicalIndex.build(["a", "b"], ["eLearning completions: 11,586", "Learning events"])
    scores = index.scores(tokenize(["e-learning completions"], query=True)[0])
    assert scores[0] > scores[1] > 0


def test_a_follow_ups_own_words_are_its_most_specific() -> None:
    from assistant.answerer import AnswerRequest
    from assistant.compose.question import rarest

    idf = {"first": 3.0, "meet": 3.5, "strateg": 5.0, "panel": 6.0, "anyth": 9.0}
    request = AnswerRequest(question="", extra={"idf": lambda w: idf.get(w, 9.0)})
    followup = "When did it first meet (anything strategic panels)?"
    assert rarest(request, followup, 2) == ["meet", "first"]
    assert rarest(request, "When did the strategic panels first meet?", 2) == ["panel", "strateg"]
