"""``newest_in_top3`` / ``temporal_newest@3``: a temporal case's newest expected source must be
the document of one of the top 3 retrieved passages (issue 4's target: every such case)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.types import Answer, Chunk, ChunkMeta
from evals import metrics as m
from evals.aggregate import HEADLINE, all_figures, check_thresholds, metric_names, summarise
from evals.cases import Case, parse_thresholds
from evals.report import render_html
from evals.runner import document_dates, score_case

DATES = {"plan-2018": "2018-06", "plan-2020": "2020", "report-2025": "2025-07-02", "undated": ""}


# ----------------------------------------------------------------------------- the metric
def test_hit_newest_in_top3() -> None:
    sources = ["plan-2018", "report-2025"]
    assert m.newest_sources(sources, DATES) == ["report-2025"]
    assert m.newest_in_top_k(sources, DATES, ["plan-2018", "x", "report-2025", "y"], 3) is True
    assert m.newest_in_top_k(sources, DATES, ["report-2025"], 3) is True  # fewer than 3


def test_miss_only_older_source_in_top3() -> None:
    sources = ["plan-2018", "report-2025"]
    assert m.newest_in_top_k(sources, DATES, ["plan-2018", "plan-2018", "x"], 3) is False


def test_miss_newest_at_rank_4() -> None:
    ranked = ["plan-2018", "plan-2020", "plan-2018", "report-2025"]
    assert m.newest_in_top_k(["plan-2020", "report-2025"], DATES, ranked, 3) is False
    assert m.newest_in_top_k(["plan-2020", "report-2025"], DATES, ranked, 4) is True


def test_dates_ties_unknown_and_undefined() -> None:
    # an undated source counts as the oldest; ties at the newest date all count
    assert m.newest_sources(["undated", "plan-2018"], DATES) == ["plan-2018"]
    assert m.newest_sources(["a", "b"], {"a": "2020", "b": "2020"}) == ["a", "b"]
    assert m.newest_in_top_k(["undated"], DATES, ["undated"], 3) is True
    assert m.newest_in_top_k([], DATES, ["report-2025"], 3) is None
    assert m.newest_in_top_k(["report-2025"], DATES, [], 3) is False


def test_document_dates_from_the_public_documents_call() -> None:
    docs = [
        SimpleNamespace(doc_id="a", published="2020", period="2019-2021", sort_date="2020"),
        SimpleNamespace(doc_id="b", published="", period="2017-2019", sort_date="2019"),
        SimpleNamespace(doc_id="c", published="unknown", period=""),
    ]
    assert document_dates(docs) == {"a": "2020", "b": "2019", "c": ""}


# ------------------------------------------------------------------ per case and aggregated
def _chunk(doc: str, n: int) -> Chunk:
    meta = ChunkMeta(doc, doc, "plan", DATES.get(doc, ""), "", "S", None, n, "", "")
    return Chunk(id=f"{doc}-{n}", text=f"text {doc} {n}", meta=meta)


def _record(case: Case, docs: list[str], k: int = 10) -> dict:
    retrieved = [_chunk(d, i) for i, d in enumerate(docs)]
    answer = Answer(text="An answer [1].", abstained=False)
    texts = {d: "" for d in DATES}
    return score_case(case, answer, retrieved, texts, k, doc_dates=DATES)


def _case(cid: str, kind: str, sources: list[str], split: str = "dev") -> Case:
    return Case(cid, f"question {cid}?", "board_member", kind, split=split, sources=sources)


def test_score_case_and_figures() -> None:
    both = ["plan-2018", "report-2025"]
    hit = _record(_case("t-hit", "temporal", both, "test"), ["report-2025", "plan-2018"])
    older = _record(_case("t-older", "temporal", both), ["plan-2018", "plan-2018", "x", "x"])
    rank4 = _record(_case("t-rank4", "temporal", both, "test"), ["x", "x", "x", "report-2025"])
    unanswerable = _record(_case("t-none", "temporal", []), ["x"])
    other_kind = _record(_case("f-1", "factual", ["plan-2018"]), ["x"])
    assert [r["scores"]["newest_in_top3"] for r in (hit, older, rank4)] == [True, False, False]
    assert unanswerable["scores"]["newest_in_top3"] is None
    assert other_kind["scores"]["newest_in_top3"] is None
    assert "newest source (report-2025) not in the top 3 passages" in older["notes"]
    assert not any("newest" in n for n in hit["notes"])
    # the figure does not decide whether a case passes
    assert hit["passed"] == older["passed"]
    # fewer than 3 passages retrieved per case: not measured
    assert (
        _record(_case("t-k2", "temporal", both), ["report-2025"], k=2)["scores"]["newest_in_top3"]
        is None
    )

    records = [hit, older, rank4, unanswerable, other_kind]
    figures = all_figures(records)
    assert figures["all"]["temporal_newest@3"] == pytest.approx(1 / 3)
    assert figures["test"]["temporal_newest@3"] == pytest.approx(1 / 2)
    assert figures["by_kind"]["temporal"]["temporal_newest@3"] == pytest.approx(1 / 3)
    assert figures["by_kind"]["factual"]["temporal_newest@3"] is None
    assert summarise([])["temporal_newest@3"] is None


def test_gate_and_report() -> None:
    assert "temporal_newest@3" in metric_names() and "temporal_newest@3" in HEADLINE
    (threshold,) = parse_thresholds({"temporal_newest@3": 0.9}, metric_names())
    assert str(threshold) == "temporal_newest@3 >= 0.9" and not threshold.is_max
    checks = check_thresholds([threshold], {"temporal_newest@3": 0.8})
    assert checks[0]["met"] is False
    assert check_thresholds([threshold], {"temporal_newest@3": None})[0]["met"] is None

    both = ["plan-2018", "report-2025"]
    records = [
        _record(_case("t-hit", "temporal", both, "test"), ["report-2025"]),
        _record(_case("t-miss", "temporal", both), ["plan-2018"]),
    ]
    figures = all_figures(records)
    report = {
        "set": "mini",
        "timestamp": "now",
        "metrics": figures,
        "baseline": figures,
        "config": {"primary": "ours", "split": "all", "k": 10, "elapsed_s": 1.0},
        "thresholds": check_thresholds([threshold], figures["all"]),
        "gate": {"ok": False, "missed": [str(threshold)]},
        "coverage": {},
        "cases": records,
        "baseline_cases": records,
    }
    html = render_html(report)
    row = html[html.index("<td>temporal_newest@3") :].split("</tr>")[0]
    assert "temporal_newest@3 &gt;= 0.9" in row
    assert row.count("0.500") == 2 and row.count("1.000") == 2  # ours and baseline, all/test
