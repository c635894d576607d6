"""Metrics of the evaluation tools on hand-made data, plus the doctests of the evals modules and
a small end-to-end run (runner, aggregation, coverage, HTML) against a fake assistant."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

from assistant.types import Answer, Chunk, ChunkMeta, Citation, Notice
from evals import metrics as m
from evals.aggregate import all_figures, mean, median, percentile, summarise
from evals.cases import Case
from evals.coverage import compute_coverage
from evals.report import render_html
from evals.runner import run_cases, score_case


@pytest.mark.parametrize(
    "module", ["evals.metrics", "evals.aggregate", "evals.cases", "evals.compare", "evals.runner"]
)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0


# ------------------------------------------------------------------------- retrieval metrics
def test_evidence_found_substring_and_window() -> None:
    assert m.evidence_found("Red enquiries within\n24 hours", "RED ENQUIRIES within 24 hours.")
    assert m.evidence_found("the ‘screening tool’", "The 'screening tool' helps")
    quote = " ".join(f"w{i}" for i in range(30))
    straddling = "end of chunk " + " ".join(f"w{i}" for i in range(18, 30))
    assert m.evidence_found(quote, straddling)  # 12 words of the quote's tail
    assert not m.evidence_found(quote, " ".join(f"w{i}" for i in range(11)))
    assert not m.evidence_found("short quote", "a short text")
    assert not m.evidence_found("", "anything")


def test_recall_at_k_and_mrr() -> None:
    passages = ["nothing here", "the board meets four times a year", "x", "MASH red enquiries"]
    ranks = m.evidence_ranks(["meets four times", "mash red", "absent"], passages)
    assert ranks == [1, 3, None]
    assert m.evidence_recall_at_k(ranks, 1) == 0
    assert m.evidence_recall_at_k(ranks, 3) == pytest.approx(1 / 3)
    assert m.evidence_recall_at_k(ranks, 10) == pytest.approx(2 / 3)  # k > retrieved
    assert m.reciprocal_rank(ranks) == 0.5
    assert m.reciprocal_rank([None, None]) == 0.0


def test_no_evidence_is_undefined() -> None:
    assert m.evidence_ranks([], ["a"]) == []
    assert m.evidence_recall_at_k([], 5) is None
    assert m.reciprocal_rank([]) is None


def test_source_precision() -> None:
    docs = ["a", "b", "a", "c", "a"]
    assert m.source_precision_at_k(["a"], docs, 1) == 1.0
    assert m.source_precision_at_k(["a"], docs, 3) == pytest.approx(2 / 3)
    assert m.source_precision_at_k(["a", "c"], docs, 5) == pytest.approx(4 / 5)
    assert m.source_precision_at_k(["a"], docs, 50) == pytest.approx(3 / 5)  # k > retrieved
    assert m.source_precision_at_k([], docs, 3) is None
    assert m.source_precision_at_k(["a"], [], 3) is None


# --------------------------------------------------------------------------- answer metrics
def test_key_facts_and_full_correctness() -> None:
    facts = [["730"], ["neglect", "neglected"]]
    answer = "Some 730 children were NEGLECTED [1]."
    assert m.key_fact_recall(answer, facts) == 1.0
    assert m.key_fact_recall("730 children", facts) == 0.5
    assert m.key_fact_recall(answer, []) is None
    assert m.missing_facts("730", facts) == [["neglect", "neglected"]]
    assert m.fully_correct(answer, False, facts)
    assert not m.fully_correct(answer, True, facts)  # abstained: not correct
    assert not m.fully_correct(answer, False, facts, ["730 children were neglected"])
    assert m.forbidden_found("x", [["a", "x"], "y"]) == ["x"]


def test_invented_figures() -> None:
    assert m.invented_figures("I cannot find this in the documents.") == []
    assert m.invented_figures("Call 0345 050 7666 [1]") == ["0345", "050", "7666"]
    assert m.invented_figures("It was 42%.", "") == ["42%"]
    assert m.invented_figures("Nothing on 2024 in OSCB Business Plan 2019-21", "2024 2019-21") == []


def test_abstention_precision_recall() -> None:
    should = [True, True, False, False]
    did = [True, False, True, False]
    assert m.abstention_precision(should, did) == 0.5
    assert m.abstention_recall(should, did) == 0.5
    # no unanswerable cases: recall undefined; abstentions all wrong: precision 0
    assert m.abstention_recall([False, False], [True, False]) is None
    assert m.abstention_precision([False, False], [True, False]) == 0.0
    # no abstentions at all: precision undefined
    assert m.abstention_precision([False, False], [False, False]) is None


def test_citation_correctness() -> None:
    docs = {"plan": "The board meets\nfour times a year.\nIt has 12 members.", "other": "Other."}
    assert m.citation_correct([("plan", "meets four times a year")], docs, ["plan"])
    assert m.citation_correct([("plan", "The board meets … 12 members")], docs, ["plan"])
    assert not m.citation_correct([("plan", "meets five times")], docs, ["plan"])
    assert not m.citation_correct([("other", "Other.")], docs, ["plan"])  # no expected source
    assert m.citation_correct([("other", "Other."), ("plan", "12 members")], docs, ["plan"])
    assert not m.citation_correct([], docs, ["plan"])
    assert m.citation_problems([("nope", "x")], docs) == ["unknown document nope"]


def test_lead_and_first_sentence() -> None:
    answer = "The current edition is Working Together 2023 [1]. Before that, 2018 [2]."
    assert m.first_sentence(answer) == "The current edition is Working Together 2023 [1]."
    assert m.lead_correct(answer, ["2023"])
    assert not m.lead_correct(answer, ["2018"])
    assert m.lead_correct(answer, []) is None
    assert m.first_sentence("No full stop") == "No full stop"
    assert m.first_sentence("") == ""
    # the attribution lead-in names a document, not the fact: it does not count
    product = "According to the OSCP Annual Report 2024/2025 (2025-07-02): \n- Adults Board [1]"
    assert not m.lead_correct(product, ["OSCP"])
    hedge = "The documents do not answer yes or no directly. According to X (2025): It fell [1]."
    assert m.first_sentence(hedge) == "It fell [1]."
    assert m.sentences("e.g. 3.5% rose [1]. Then\n\n* fell [2]") == [
        "e.g.",
        "3.5% rose [1].",
        "Then",
        "fell [2]",
    ]


def test_escalation_rates() -> None:
    expected = [True, True, True, False, False]
    raised = [True, True, False, True, False]
    assert m.escalation_recall(expected, raised) == pytest.approx(2 / 3)
    assert m.escalation_false_positive_rate(expected, raised) == 0.5
    assert m.escalation_recall([False], [True]) is None
    assert m.escalation_false_positive_rate([], []) is None


def test_length_latency_and_means() -> None:
    assert m.word_count("Within 24 hours [1] of contact [2, 3].") == 5
    assert median([5, 1, 3, None]) == 3
    assert percentile([100, 200, 300, 400, 500], 50) == 300
    assert percentile([100, 200], 95) == pytest.approx(195)
    assert percentile([], 50) is None
    assert mean([]) is None
    assert mean([True, True, False, None]) == pytest.approx(2 / 3)


# ------------------------------------------------------------------ runner, figures, report
DOCS = {
    "plan": "Priorities\n\nThe board has four priorities: neglect, exploitation, voice and "
    "transitions.\n\nMembers\n\nThe board has 12 members from the police and health.",
    "report": "Annual figures\n\nIn 2024 there were 730 children subject to a plan.",
}


def _chunk(cid: str, doc: str, section: str, pos: int, text: str, score: float = 0.0) -> Chunk:
    meta = ChunkMeta(
        doc_id=doc,
        title=doc.title(),
        doc_type="plan",
        published="2024",
        period="",
        section=section,
        page=None,
        position=pos,
        content_hash="",
        doc_version="",
    )
    return Chunk(id=cid, text=text, meta=meta, score=score)


CHUNKS = [
    _chunk("p0", "plan", "Priorities", 0, DOCS["plan"].split("\n\n")[1]),
    _chunk("p1", "plan", "Members", 1, DOCS["plan"].split("\n\n")[3]),
    _chunk("r0", "report", "Annual figures", 0, DOCS["report"].split("\n\n")[1]),
]


class FakeAssistant:
    """The assistant's ask/retrieve on three chunks: answers with the best chunk's text."""

    def retrieve(self, query, k=10, filters=None, history=None):
        words = set(query.lower().split())
        scored = sorted(CHUNKS, key=lambda c: -len(words & set(c.text.lower().split())))
        return scored[:k]

    def ask(self, question, history=None, filters=None):
        if "weather" in question:
            return Answer(text="I could not find this in the documents.", abstained=True)
        if "hurt" in question:
            return Answer("", False, notices=[Notice("escalation", "Call 999")])
        top = self.retrieve(question, 1)[0]
        cite = Citation(1, top.meta.doc_id, "", "", None, top.meta.section, top.text, top.id)
        return Answer(text=top.text + " [1]", abstained=False, citations=[cite])


CASES = [
    Case(
        "c1",
        "How many members does the board have?",
        "board_member",
        "numeric",
        split="test",
        sources=["plan"],
        evidence=["The board has 12 members"],
        must_include=[["12"]],
    ),
    Case(
        "c2",
        "What are the board priorities?",
        "practitioner",
        "factual",
        sources=["plan"],
        evidence=["four priorities: neglect, exploitation"],
        must_include=[["neglect"], ["missing fact"]],
    ),
    Case("c3", "What will the weather be?", "practitioner", "unanswerable"),
    Case(
        "c4",
        "A child told me he is hurt at home",
        "practitioner",
        "escalation",
        expect_escalation=True,
    ),
]


def test_score_case_and_summary() -> None:
    fake = FakeAssistant()
    record = score_case(CASES[0], fake.ask(CASES[0].question), fake.retrieve("members"), DOCS, 10)
    assert record["passed"] and record["scores"]["evidence_recall@1"] == 1.0
    assert record["scores"]["citation_correct"] is True
    records = run_cases(fake, CASES, DOCS, k=2, progress=False)
    assert [r["passed"] for r in records] == [True, False, True, True]
    assert "missing facts: missing fact" in records[1]["reasons"]
    figures = summarise(records, k=2)
    assert figures["n_cases"] == 4 and figures["passed"] == 3
    assert figures["abstention_recall"] == 1.0 and figures["abstention_precision"] == 1.0
    assert figures["escalation_recall"] == 1.0 and figures["escalation_false_positive_rate"] is None
    assert figures["key_fact_recall"] == pytest.approx(0.75)
    assert "evidence_recall@2" in figures and "evidence_recall@5" not in figures
    split = all_figures(records, k=2)
    assert split["test"]["n_cases"] == 1
    assert set(split["by_kind"]) == {"numeric", "factual", "unanswerable", "escalation"}
    assert set(split["by_document"]) == {"plan", "(no source)"}


def test_error_in_a_case_is_recorded() -> None:
    class Broken(FakeAssistant):
        def ask(self, question, history=None, filters=None):
            raise RuntimeError("boom")

    records = run_cases(Broken(), CASES[:1], DOCS, progress=False)
    assert not records[0]["passed"] and "boom" in records[0]["error"]
    assert summarise(records)["errors"] == 1


def test_coverage_and_html() -> None:
    records = run_cases(FakeAssistant(), CASES, DOCS, k=1, progress=False)
    retrieved = {p["id"] for r in records for p in r["retrieved"]}
    cov = compute_coverage(CASES, CHUNKS, retrieved, k=1)
    assert cov["n_sections"] == 3 and cov["covered_sections"] == 2
    assert [s["section"] for s in cov["uncovered_sections"]] == ["Annual figures"]
    assert cov["never_retrieved"]["count"] == 3 - len(retrieved)
    plan = next(d for d in cov["documents"] if d["doc_id"] == "plan")
    assert plan["n_cases"] == 2 and plan["share_sections_covered"] == 1.0
    figures = all_figures(records, k=1)
    report = {
        "set": "fake",
        "timestamp": "now",
        "metrics": figures,
        "baseline": figures,
        "config": {"primary": "ours", "split": "all", "k": 1, "elapsed_s": 1.0},
        "thresholds": [],
        "gate": {"ok": True, "missed": []},
        "coverage": cov,
        "cases": records,
        "baseline_cases": records,
    }
    html = render_html(report)
    assert html.count("<svg") >= 7 and "http" not in html.replace('xmlns="http://www.w3', "")
    assert "What are the board priorities?" in html  # failed case listed


class FakeDocs(FakeAssistant):
    """Adds the orientation calls the CLI uses."""

    def documents(self):
        from types import SimpleNamespace

        return [
            SimpleNamespace(doc_id=d, title=d.title(), published="2024", period="") for d in DOCS
        ]

    def document_text(self, doc_id):
        return DOCS[doc_id]

    def chunks(self):
        return list(CHUNKS)


def write_cli_set(tmp_path, thresholds: dict, targets: dict | None = None) -> str:
    """The hand-made CASES as a set file, with the given thresholds (and targets)."""
    import yaml

    cases = [
        {
            "id": c.id,
            "question": c.question,
            "persona": c.persona,
            "kind": c.kind,
            "split": c.split,
            "sources": c.sources,
            "evidence": c.evidence,
            "must_include": c.must_include,
            "expect_escalation": c.expect_escalation,
        }
        for c in CASES
    ]
    data = {"name": "mini", "thresholds": thresholds, "cases": cases}
    if targets is not None:
        data["targets"] = targets
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return str(path)


def test_cli_run_gates_on_thresholds(tmp_path, monkeypatch, capsys) -> None:
    import json

    from evals import __main__ as cli

    monkeypatch.setattr(cli, "_open_assistant", lambda args: FakeDocs())
    out_json, out_html = tmp_path / "r.json", tmp_path / "r.html"
    easy = write_cli_set(tmp_path, {"pass_rate": 0.5, "max:latency_p95_ms": 10_000})
    argv = ["run", easy, "--no-progress", "--json", str(out_json), "--html", str(out_html)]
    assert cli.main(argv) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == "evals: 3 passed, 1 failed"
    report = json.loads(out_json.read_text())
    assert report["metrics"]["all"]["n_cases"] == 4 and report["metrics"]["test"]["n_cases"] == 1
    assert {"by_kind", "by_persona", "by_document"} <= set(report["metrics"])
    assert report["coverage"]["n_sections"] == 3 and len(report["cases"]) == 4
    assert out_html.read_text().startswith("<!doctype html>")

    hard = write_cli_set(tmp_path, {"pass_rate": 0.99})
    assert cli.main(["run", hard, "--no-progress"]) == 1
    assert cli.main(["run", hard, "--no-progress", "--no-gate"]) == 0
    assert cli.main(["run", hard, "--no-progress", "--split", "test"]) == 0  # c1 passes
    assert cli.main(["run", str(tmp_path / "missing.yaml")]) == 2
    bad = write_cli_set(tmp_path, {"no_such_metric": 1})
    assert cli.main(["run", bad]) == 2


def test_cli_run_refuses_evidence_missing_from_corpus(tmp_path, monkeypatch, capsys) -> None:
    import yaml

    from evals import __main__ as cli

    monkeypatch.setattr(cli, "_open_assistant", lambda args: FakeDocs())
    path = write_cli_set(tmp_path, {})
    data = yaml.safe_load(Path(path).read_text())
    data["cases"][0]["evidence"] = ["The board has 99 members"]
    Path(path).write_text(yaml.safe_dump(data))
    assert cli.main(["run", path, "--no-progress"]) == 2
    assert "c1: evidence not found in plan" in capsys.readouterr().err
    assert cli.main(["run", path, "--no-progress", "--skip-invalid"]) == 0
    assert capsys.readouterr().out.strip().endswith("evals: 2 passed, 1 failed")
