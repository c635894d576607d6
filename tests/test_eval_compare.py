"""Comparing two JSON reports: regressions, fixes and the change in every metric."""

from __future__ import annotations

import json
from pathlib import Path

from evals.__main__ import main
from evals.compare import compare_reports, format_comparison, metric_deltas


def _record(cid: str, passed: bool) -> dict:
    return {
        "id": cid,
        "question": f"question {cid}?",
        "passed": passed,
        "reasons": [] if passed else ["missing facts: 24 hours"],
    }


def _report(passes: dict[str, bool], metrics: dict, stamp: str, baseline: dict | None = None):
    report = {
        "set": "core",
        "timestamp": stamp,
        "metrics": {"all": metrics, "test": {"pass_rate": metrics.get("pass_rate")}},
        "cases": [_record(cid, ok) for cid, ok in passes.items()],
    }
    if baseline is not None:
        report["baseline"] = {"all": baseline, "test": {}}
    return report


OLD = _report(
    {"a": True, "b": True, "c": False, "gone": True},
    {"pass_rate": 0.75, "mrr": 0.6, "latency_p95_ms": 900.0, "abstention_recall": None},
    "2025-01-01",
    baseline={"mrr": 0.4},
)
NEW = _report(
    {"a": True, "b": False, "c": True, "new": False},
    {"pass_rate": 0.5, "mrr": 0.7, "latency_p95_ms": 1200.0, "abstention_recall": 1.0},
    "2025-02-01",
    baseline={"mrr": 0.4},
)


def test_regressions_fixes_added_removed() -> None:
    result = compare_reports(OLD, NEW)
    assert [r["id"] for r in result["regressions"]] == ["b"]
    assert result["regressions"][0]["reasons"] == ["missing facts: 24 hours"]
    assert [r["id"] for r in result["fixes"]] == ["c"]
    assert result["added"] == ["new"] and result["removed"] == ["gone"]


def test_metric_deltas_with_direction() -> None:
    rows = {r["metric"]: r for r in compare_reports(OLD, NEW)["metrics"]["all"]}
    assert rows["pass_rate"]["delta"] == -0.25 and rows["pass_rate"]["better"] is False
    assert rows["mrr"]["delta"] == 0.1 or abs(rows["mrr"]["delta"] - 0.1) < 1e-9
    assert rows["mrr"]["better"] is True
    assert rows["latency_p95_ms"]["delta"] == 300 and rows["latency_p95_ms"]["better"] is False
    assert rows["abstention_recall"]["delta"] is None  # undefined before
    assert "baseline/all" in compare_reports(OLD, NEW)["metrics"]
    unchanged = metric_deltas({"mrr": 0.5}, {"mrr": 0.5})[0]
    assert unchanged["delta"] == 0 and unchanged["better"] is None


def test_text_output() -> None:
    text = format_comparison(compare_reports(OLD, NEW))
    assert "Regressions (passed before, fail now): 1" in text
    assert "  - b: question b?" in text and "  + c: question c?" in text
    assert "WORSE" in text and "better" in text


def test_cli_compare(tmp_path: Path, capsys) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(OLD))
    new.write_text(json.dumps(NEW))
    assert main(["compare", str(old), str(new)]) == 0
    assert "Regressions" in capsys.readouterr().out
    assert main(["compare", str(old), str(new), "--fail-on-regression"]) == 1
    assert main(["compare", str(old), str(old), "--fail-on-regression"]) == 0
    (tmp_path / "junk.json").write_text("{}")
    assert main(["compare", str(old), str(tmp_path / "junk.json")]) == 2
