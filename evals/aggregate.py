"""Turn scored case records into figures: for a set, its test split, and per group.

Every figure is ``None`` when it is undefined for the records at hand (no evidence, no
unanswerable cases, no escalation cases, ...).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from evals import metrics as m
from evals.runner import k_values

NO_SOURCE = "(no source)"
# Shown first, in this order, in printed summaries and the report.
HEADLINE = (
    "pass_rate",
    "evidence_recall@1",
    "evidence_recall@3",
    "evidence_recall@5",
    "evidence_recall@10",
    "mrr",
    "source_precision@1",
    "source_precision@5",
    "source_precision@10",
    "key_fact_recall",
    "fully_correct",
    "citation_correctness",
    "lead_correctness",
    "temporal_newest@3",
    "abstention_precision",
    "abstention_recall",
    "escalation_recall",
    "escalation_false_positive_rate",
    "answer_words_median",
    "latency_p50_ms",
    "latency_p95_ms",
)


def median(values: Sequence[float | None]) -> float | None:
    """Median of the defined values; ``None`` when there are none.

    >>> median([3, None, 1, 10])
    3
    >>> median([]) is None
    True
    """
    defined = [v for v in values if v is not None]
    return statistics.median(defined) if defined else None


def percentile(values: Sequence[float], p: float) -> float | None:
    """The ``p``-th percentile (0-100) with linear interpolation; ``None`` for no values.

    >>> percentile([10, 20, 30, 40], 50)
    25.0
    >>> percentile([10, 20, 30, 40], 95)
    38.5
    >>> percentile([7], 95)
    7.0
    """
    ordered = sorted(values)
    if not ordered:
        return None
    pos = (len(ordered) - 1) * p / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return float(ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo))


def mean(values: Sequence[float | bool | None]) -> float | None:
    """Mean of the defined values (booleans count as 0/1); ``None`` when there are none.

    >>> mean([True, False, None, True])
    0.6666666666666666
    >>> mean([None]) is None
    True
    """
    defined = [float(v) for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def metric_names(k: int = 10) -> set[str]:
    """Every figure ``summarise`` reports (used to check threshold names)."""
    names = set(summarise([], k))
    return names | {
        f"{p}@{c}" for p in ("evidence_recall", "source_precision") for c in (1, 3, 5, 10)
    }


def _scores(records: list[dict[str, Any]], name: str) -> list[Any]:
    return [r["scores"].get(name) for r in records]


def summarise(records: list[dict[str, Any]], k: int = 10) -> dict[str, Any]:
    """All figures for a list of records."""
    out: dict[str, Any] = {
        "n_cases": len(records),
        "passed": sum(r["passed"] for r in records),
        "failed": sum(not r["passed"] for r in records),
        "pass_rate": mean([r["passed"] for r in records]),
        "errors": sum(r.get("error") is not None for r in records),
    }
    for cut in k_values(k):
        out[f"evidence_recall@{cut}"] = mean(_scores(records, f"evidence_recall@{cut}"))
    out["mrr"] = mean(_scores(records, "rr"))
    for cut in k_values(k):
        out[f"source_precision@{cut}"] = mean(_scores(records, f"source_precision@{cut}"))
    answered = [
        r for r in records if r.get("error") is None and r["kind"] not in ("escalation", "ordinary")
    ]
    should = [r["should_abstain"] for r in answered]
    did = [r["abstained"] for r in answered]
    esc = [r for r in records if r["expect_escalation"] is not None and r.get("error") is None]
    expected, raised = [r["expect_escalation"] for r in esc], [r["escalated"] for r in esc]
    latencies = [r["latency_ms"] for r in records if r.get("latency_ms") is not None]
    out.update(
        key_fact_recall=mean(_scores(records, "key_fact_recall")),
        fully_correct=mean(_scores(records, "fully_correct")),
        citation_correctness=mean(_scores(records, "citation_correct")),
        lead_correctness=mean(_scores(records, "lead_correct")),
        **{"temporal_newest@3": mean(_scores(records, "newest_in_top3"))},
        abstention_precision=m.abstention_precision(should, did),
        abstention_recall=m.abstention_recall(should, did),
        invented_rate=mean(_scores(records, "invented")),
        escalation_recall=m.escalation_recall(expected, raised),
        escalation_false_positive_rate=m.escalation_false_positive_rate(expected, raised),
        answer_words_median=median(_scores(records, "words")),
        latency_p50_ms=percentile(latencies, 50),
        latency_p95_ms=percentile(latencies, 95),
    )
    return out


def group_by(
    records: Iterable[dict[str, Any]], keys: Callable[[dict[str, Any]], Iterable[str]]
) -> dict[str, list[dict[str, Any]]]:
    """Records per group; a record may belong to several groups (a case per source)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        for key in keys(record):
            groups[key].append(record)
    return dict(sorted(groups.items()))


GROUPINGS: dict[str, Callable[[dict[str, Any]], Iterable[str]]] = {
    "kind": lambda r: [r["kind"]],
    "persona": lambda r: [r["persona"]],
    "document": lambda r: r["sources"] or [NO_SOURCE],
}


def all_figures(records: list[dict[str, Any]], k: int = 10) -> dict[str, Any]:
    """``{all, test, by_kind, by_persona, by_document, test_by_kind, ...}`` for one system."""
    test = [r for r in records if r["split"] == "test"]
    out: dict[str, Any] = {"all": summarise(records, k), "test": summarise(test, k)}
    for name, keys in GROUPINGS.items():
        out[f"by_{name}"] = {g: summarise(rs, k) for g, rs in group_by(records, keys).items()}
    for name, keys in GROUPINGS.items():
        out[f"test_by_{name}"] = {g: summarise(rs, k) for g, rs in group_by(test, keys).items()}
    return out


def fmt(value: Any, name: str = "") -> str:
    """A figure as printed: shares to 3 decimals, milliseconds and words as integers.

    >>> fmt(0.91234, "mrr"), fmt(None), fmt(812.6, "latency_p95_ms"), fmt(12, "passed")
    ('0.912', '-', '813', '12')
    """
    if value is None:
        return "-"
    if isinstance(value, bool) or isinstance(value, int):
        return str(int(value))
    if name.endswith("_ms") or name.endswith("_median"):
        return f"{value:.0f}"
    return f"{value:.3f}"


def check_thresholds(thresholds: Iterable[Any], figures: dict[str, Any]) -> list[dict[str, Any]]:
    """Each threshold with the figure and whether it is met (``None``: figure undefined, so
    not gated).

    >>> from evals.cases import Threshold
    >>> [c["met"] for c in check_thresholds([Threshold("mrr", 0.5, False),
    ...     Threshold("latency_p95_ms", 100, True), Threshold("abstention_recall", 0.9, False)],
    ...     {"mrr": 0.6, "latency_p95_ms": 120.0, "abstention_recall": None})]
    [True, False, None]
    """
    return [
        {
            "metric": t.metric,
            "rule": str(t),
            "bound": t.bound,
            "is_max": t.is_max,
            "value": figures.get(t.metric),
            "met": t.met(figures.get(t.metric)),
        }
        for t in thresholds
    ]


def check_targets(
    targets: Iterable[Any], figures_all: dict[str, Any], figures_test: dict[str, Any]
) -> list[dict[str, Any]]:
    """Each target with the figure on the whole set and on the test split. A target is met only
    when every defined figure meets it (a split without the figure is judged on what there is);
    ``met`` is ``None`` when neither figure is defined. Targets never gate a run.

    >>> from evals.cases import Threshold
    >>> checks = check_targets([Threshold("mrr", 0.9, False),
    ...     Threshold("latency_p95_ms", 150, True), Threshold("abstention_recall", 1.0, False)],
    ...     {"mrr": 0.95, "latency_p95_ms": 120.0, "abstention_recall": 1.0},
    ...     {"mrr": 0.85, "latency_p95_ms": 140.0, "abstention_recall": None})
    >>> [(c["metric"], c["op"], c["met"]) for c in checks]
    [('mrr', '>=', False), ('latency_p95_ms', '<=', True), ('abstention_recall', '>=', True)]
    """
    out = []
    for t in targets:
        figure_all, figure_test = figures_all.get(t.metric), figures_test.get(t.metric)
        verdicts = [t.met(v) for v in (figure_all, figure_test) if v is not None]
        out.append(
            {
                "metric": t.metric,
                "op": "<=" if t.is_max else ">=",
                "value": t.bound,
                "figure_all": figure_all,
                "figure_test": figure_test,
                "met": all(verdicts) if verdicts else None,
            }
        )
    return out


def target_line(check: dict[str, Any]) -> str:
    """One target as printed after the threshold lines.

    >>> target_line({"metric": "evidence_recall@5", "op": ">=", "value": 0.95,
    ...     "figure_all": 0.89, "figure_test": 0.8462, "met": False})
    'target evidence_recall@5 >= 0.95: all 0.890 / test 0.846 MISSED'
    >>> target_line({"metric": "latency_p95_ms", "op": "<=", "value": 150.0,
    ...     "figure_all": 120.4, "figure_test": None, "met": True})
    'target latency_p95_ms <= 150: all 120 / test - met'
    """
    name = check["metric"]
    status = {True: "met", False: "MISSED", None: "n/a"}[check["met"]]
    return (
        f"target {name} {check['op']} {check['value']:g}: all {fmt(check['figure_all'], name)}"
        f" / test {fmt(check['figure_test'], name)} {status}"
    )
