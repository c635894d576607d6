"""Targets (``targets:`` in a set): parsed and validated like thresholds, reported as met or
MISSED on the whole set and the test split, and never changing the exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from evals.aggregate import check_targets, metric_names, target_line
from evals.cases import SETS_DIR, SetError, Threshold, load_set, parse_targets
from evals.report import render_html
from tests.test_eval_metrics import FakeDocs, write_cli_set

CASE = {
    "id": "prac-001",
    "question": "How often does the board meet?",
    "persona": "practitioner",
    "kind": "factual",
    "sources": ["plan-2019"],
    "evidence": ["It meets four times a year."],
    "must_include": [["four times"]],
}


def _set(tmp_path: Path, cases: list, **top) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(
        yaml.safe_dump({"name": "t", "cases": cases, **top}, sort_keys=False), encoding="utf-8"
    )
    return path


# ----------------------------------------------------------------------- parsing, validation
def test_targets_parsed_with_direction() -> None:
    parsed = parse_targets(
        {
            "evidence_recall@5": 0.95,
            "max:latency_p95_ms": 150,
            "escalation_false_positive_rate": 0.05,  # lower is better: a bare name is a maximum
            "min:fully_correct": 0.9,
        },
        known_metrics=metric_names(),
    )
    assert [str(t) for t in parsed] == [
        "evidence_recall@5 >= 0.95",
        "latency_p95_ms <= 150",
        "escalation_false_positive_rate <= 0.05",
        "fully_correct >= 0.9",
    ]
    assert parse_targets(None) == [] and parse_targets({}) == []


def test_set_loads_targets_beside_thresholds(tmp_path: Path) -> None:
    path = _set(
        tmp_path,
        [CASE],
        thresholds={"pass_rate": 0.5},
        targets={"pass_rate": 0.9, "max:answer_words_median": 60},
    )
    evalset = load_set(path, known_metrics=metric_names())
    assert [str(t) for t in evalset.thresholds] == ["pass_rate >= 0.5"]
    assert [str(t) for t in evalset.targets] == ["pass_rate >= 0.9", "answer_words_median <= 60"]
    assert load_set(_set(tmp_path, [CASE])).targets == []  # the section is optional


def test_bad_targets_rejected_like_thresholds(tmp_path: Path) -> None:
    path = _set(
        tmp_path,
        [CASE],
        thresholds={"recal@5": 0.9},
        targets={"recal@10": 1.0, "mrr": "high", "max:no_such": 3},
    )
    with pytest.raises(SetError) as info:
        load_set(path, known_metrics=metric_names())
    problems = info.value.problems
    assert "thresholds: unknown metric 'recal@5'" in problems  # both sections reported at once
    assert "targets: unknown metric 'recal@10'" in problems
    assert "targets: unknown metric 'no_such'" in problems
    assert any(p.startswith("targets: mrr: 'high' is not a number") for p in problems)
    with pytest.raises(SetError, match="targets: must be a mapping"):
        parse_targets([0.9])


def test_shipped_sets_carry_the_product_targets() -> None:
    product = {
        "evidence_recall@5 >= 0.95",
        "evidence_recall@10 >= 1",
        "temporal_newest@3 >= 1",
        "fully_correct >= 0.9",
        "abstention_recall >= 1",
        "lead_correctness >= 1",
        "citation_correctness >= 1",
        "answer_words_median <= 80",
        "latency_p95_ms <= 150",
    }
    for name in ("core", "fresh"):
        evalset = load_set(SETS_DIR / f"{name}.yaml", known_metrics=metric_names())
        assert {str(t) for t in evalset.targets} == product, name
    escalation = load_set(SETS_DIR / "escalation.yaml", known_metrics=metric_names())
    assert {str(t) for t in escalation.targets} == {
        "escalation_recall >= 1",
        "escalation_false_positive_rate <= 0.05",
    }


# ------------------------------------------------------------------------- met or MISSED
def _met(target: Threshold, figure_all, figure_test):
    (check,) = check_targets([target], {target.metric: figure_all}, {target.metric: figure_test})
    return check["met"]


def test_met_only_when_whole_set_and_test_split_meet_it() -> None:
    at_least = Threshold("evidence_recall@5", 0.95, False)
    assert _met(at_least, 0.96, 0.95) is True  # the bound itself is met
    assert _met(at_least, 0.96, 0.90) is False  # the test split misses
    assert _met(at_least, 0.90, 1.00) is False  # the whole set misses
    assert _met(at_least, 0.96, None) is True  # no test figure: judged on the whole set
    assert _met(at_least, None, 0.80) is False  # no whole-set figure: judged on the test split
    assert _met(at_least, None, None) is None  # nothing to judge


def test_max_targets_are_ceilings() -> None:
    at_most = Threshold("latency_p95_ms", 150, True)
    assert _met(at_most, 150.0, 120.0) is True
    assert _met(at_most, 140.0, 151.0) is False
    assert _met(at_most, 900.0, None) is False


def test_target_record_and_line() -> None:
    (check,) = check_targets(
        [Threshold("evidence_recall@5", 0.95, False)],
        {"evidence_recall@5": 0.89},
        {"evidence_recall@5": 0.8462},
    )
    assert check == {
        "metric": "evidence_recall@5",
        "op": ">=",
        "value": 0.95,
        "figure_all": 0.89,
        "figure_test": 0.8462,
        "met": False,
    }
    assert target_line(check) == "target evidence_recall@5 >= 0.95: all 0.890 / test 0.846 MISSED"
    (ceiling,) = check_targets([Threshold("answer_words_median", 80, True)], {}, {})
    assert target_line(ceiling) == "target answer_words_median <= 80: all - / test - n/a"


# ----------------------------------------------------------------- the CLI and the reports
def test_missed_target_never_gates_but_a_missed_threshold_does(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from evals import __main__ as cli

    monkeypatch.setattr(cli, "_open_assistant", lambda args: FakeDocs())
    # the fake passes 3 of 4 cases on the whole set and the single test case (c1)
    targets = {"pass_rate": 0.9, "max:latency_p95_ms": 10_000, "passed": 1}
    out_json, out_html = tmp_path / "r.json", tmp_path / "r.html"
    path = write_cli_set(tmp_path, {"pass_rate": 0.5}, targets)
    argv = ["run", path, "--no-progress", "--json", str(out_json), "--html", str(out_html)]
    assert cli.main(argv) == 0  # a target missed, every threshold met
    out = capsys.readouterr().out.splitlines()
    threshold_at = out.index("threshold pass_rate >= 0.5: 0.750 ok")
    first, latency, passed = out[threshold_at + 1 : threshold_at + 4]
    assert first == "target pass_rate >= 0.9: all 0.750 / test 1.000 MISSED"
    assert latency.startswith("target latency_p95_ms <= 10000: all ") and latency.endswith(" met")
    assert passed == "target passed >= 1: all 3 / test 1 met"

    report = json.loads(out_json.read_text(encoding="utf-8"))
    assert report["gate"] == {"ok": True, "missed": []}
    assert [(t["metric"], t["op"], t["value"], t["met"]) for t in report["targets"]] == [
        ("pass_rate", ">=", 0.9, False),
        ("latency_p95_ms", "<=", 10_000, True),
        ("passed", ">=", 1, True),
    ]
    assert report["targets"][0]["figure_all"] == 0.75 and report["targets"][0]["figure_test"] == 1
    html = out_html.read_text(encoding="utf-8")
    assert "<h2>Targets</h2>" in html and "2 of 3 targets met" in html
    row = html[html.index("<td>pass_rate</td>") :].split("</tr>")[0]
    assert "&gt;= 0.9" in row and "0.750" in row and '<span class="bad">MISSED</span>' in row

    hard = write_cli_set(tmp_path, {"pass_rate": 0.99}, {"pass_rate": 0.5})
    assert cli.main(["run", hard, "--no-progress"]) == 1  # the threshold still gates
    out = capsys.readouterr().out
    assert "threshold pass_rate >= 0.99: 0.750 MISSED" in out
    assert "target pass_rate >= 0.5: all 0.750 / test 1.000 met" in out

    bad = write_cli_set(tmp_path, {}, {"no_such_metric": 1})
    assert cli.main(["run", bad, "--no-progress"]) == 2
    assert "targets: unknown metric 'no_such_metric'" in capsys.readouterr().err


def test_html_targets_table_with_baseline_and_without_targets() -> None:
    figures = {
        "all": {"n_cases": 4, "passed": 3, "failed": 1, "fully_correct": 0.75},
        "test": {"n_cases": 1, "passed": 1, "failed": 0, "fully_correct": 1.0},
        "by_kind": {},
        "by_persona": {},
        "by_document": {},
    }
    baseline = {**figures, "all": {**figures["all"], "fully_correct": 0.5}}
    report = {
        "set": "mini",
        "timestamp": "now",
        "metrics": figures,
        "baseline": baseline,
        "config": {"primary": "ours", "split": "all", "k": 10, "elapsed_s": 1.0},
        "thresholds": [],
        "gate": {"ok": True, "missed": []},
        "targets": check_targets(
            [Threshold("fully_correct", 0.7, False)], figures["all"], figures["test"]
        ),
        "coverage": {},
        "cases": [],
        "baseline_cases": [],
    }
    html = render_html(report)
    section = html[html.index("<h2>Targets</h2>") : html.index("<h2>By kind</h2>")]
    assert "<th>baseline: whole set</th>" in section
    row = section[section.index("<td>fully_correct</td>") :].split("</tr>")[0]
    for cell in ("&gt;= 0.7", "0.750", "1.000", "0.500", '<span class="ok">met</span>'):
        assert cell in row
    del report["targets"]  # reports written before targets existed still render
    assert "No targets set" in render_html(report)
