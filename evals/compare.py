"""Compare two JSON reports: cases that regressed (passed before, fail now), cases that were
fixed, cases added or removed, and the change in every metric (whole set and test split, for our
pipeline and, when both reports have it, the baseline)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evals.aggregate import fmt
from evals.cases import LOWER_IS_BETTER

NOT_DIRECTIONAL = ("n_cases", "passed", "failed")


def load_report(path: str | Path) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "cases" not in data or "metrics" not in data:
        raise ValueError(f"{path}: not an evals JSON report (no cases/metrics)")
    return data


def _passed(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in report["cases"]}


def metric_deltas(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per metric present in either mapping: old, new, delta and whether it improved.

    >>> metric_deltas({"mrr": 0.5, "latency_p95_ms": 100}, {"mrr": 0.75, "latency_p95_ms": 150})
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'metric': 'mrr', 'old': 0.5, 'new': 0.75, 'delta': 0.25, 'better': True},
     {'metric': 'latency_p95_ms', 'old': 100, 'new': 150, 'delta': 50, 'better': False}]
    """
    rows = []
    for name in dict.fromkeys([*old, *new]):
        a, b = old.get(name), new.get(name)
        numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (a, b))
        delta = b - a if numeric else None
        better = None
        if delta and name not in NOT_DIRECTIONAL:
            better = (delta < 0) if name in LOWER_IS_BETTER else (delta > 0)
        rows.append({"metric": name, "old": a, "new": b, "delta": delta, "better": better})
    return rows


def compare_reports(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Case-level and metric-level differences between two reports (old first)."""
    before, after = _passed(old), _passed(new)
    common = [cid for cid in after if cid in before]
    regressions = [
        {"id": cid, "question": after[cid]["question"], "reasons": after[cid]["reasons"]}
        for cid in common
        if before[cid]["passed"] and not after[cid]["passed"]
    ]
    fixes = [
        {"id": cid, "question": after[cid]["question"]}
        for cid in common
        if not before[cid]["passed"] and after[cid]["passed"]
    ]
    metrics: dict[str, list[dict[str, Any]]] = {}
    for scope in ("all", "test"):
        metrics[scope] = metric_deltas(old["metrics"].get(scope, {}), new["metrics"].get(scope, {}))
        if old.get("baseline") and new.get("baseline"):
            metrics[f"baseline/{scope}"] = metric_deltas(
                old["baseline"].get(scope, {}), new["baseline"].get(scope, {})
            )
    return {
        "old": {"set": old.get("set"), "timestamp": old.get("timestamp")},
        "new": {"set": new.get("set"), "timestamp": new.get("timestamp")},
        "regressions": regressions,
        "fixes": fixes,
        "added": [cid for cid in after if cid not in before],
        "removed": [cid for cid in before if cid not in after],
        "metrics": metrics,
    }


def _delta(delta: float | None, name: str) -> str:
    """A change as printed.

    >>> _delta(0.24, "mrr"), _delta(-211.55, "latency_p50_ms"), _delta(25, "n"), _delta(None, "x")
    ('+0.240', '-212', '+25', '')
    """
    if delta is None:
        return ""
    if isinstance(delta, int) or name.endswith(("_ms", "_median")):
        return f"{delta:+.0f}"
    return f"{delta:+.3f}"


def format_comparison(result: dict[str, Any]) -> str:
    """The comparison as text for a terminal or CI log."""
    old, new = result["old"], result["new"]
    lines = [f"compare {old['set']} {old['timestamp']} -> {new['set']} {new['timestamp']}", ""]
    lines.append(f"Regressions (passed before, fail now): {len(result['regressions'])}")
    for r in result["regressions"]:
        lines.append(f"  - {r['id']}: {r['question']}")
        lines.extend(f"      {reason}" for reason in r["reasons"])
    lines.append(f"Fixes (failed before, pass now): {len(result['fixes'])}")
    lines.extend(f"  + {r['id']}: {r['question']}" for r in result["fixes"])
    if result["added"]:
        lines.append(f"Cases only in the new report: {', '.join(result['added'])}")
    if result["removed"]:
        lines.append(f"Cases only in the old report: {', '.join(result['removed'])}")
    for scope, rows in result["metrics"].items():
        lines += ["", f"Metrics ({scope})", f"  {'metric':34} {'old':>9} {'new':>9} {'change':>9}"]
        for row in rows:
            name = row["metric"]
            mark = {True: "  better", False: "  WORSE", None: ""}[row["better"]]
            change = _delta(row["delta"], name)
            lines.append(
                f"  {name:34} {fmt(row['old'], name):>9} {fmt(row['new'], name):>9} "
                f"{change:>9}{mark}"
            )
    return "\n".join(lines)
