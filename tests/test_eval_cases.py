"""Loading and validating eval sets: every problem is reported with its case id."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evals.aggregate import metric_names
from evals.cases import (
    SETS_DIR,
    SetError,
    check_against_corpus,
    load_set,
    parse_thresholds,
    resolve_set_path,
)

DOCS = {"plan-2019": "The board has 12 members.\nIt meets four\ntimes a year."}


def _case(**changes):
    case = {
        "id": "prac-001",
        "question": "How often does the board meet?",
        "history": [],
        "persona": "practitioner",
        "kind": "factual",
        "split": "dev",
        "sources": ["plan-2019"],
        "evidence": ["It meets four times a year."],
        "must_include": [["four times", "4 times"]],
        "must_not_include": [],
        "lead": [],
        "typo": False,
    }
    case.update(changes)
    return case


def _write(tmp_path: Path, cases: list, **top) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump({"name": "t", "cases": cases, **top}), encoding="utf-8")
    return path


def _problems(tmp_path: Path, cases: list, **top) -> list[str]:
    with pytest.raises(SetError) as info:
        load_set(_write(tmp_path, cases, **top), known_metrics=metric_names())
    return info.value.problems


def test_valid_set_loads_and_matches_corpus(tmp_path: Path) -> None:
    evalset = load_set(_write(tmp_path, [_case()], thresholds={"pass_rate": 0.8}))
    assert evalset.name == "t" and len(evalset.cases) == 1
    case = evalset.cases[0]
    assert case.evidence_pairs == [("plan-2019", "It meets four times a year.")]
    assert check_against_corpus(evalset.cases, DOCS) == []  # whitespace-normalised match


def test_evidence_not_in_document_names_the_case(tmp_path: Path) -> None:
    evalset = load_set(_write(tmp_path, [_case(id="bu-007", evidence=["It meets monthly."])]))
    problems = check_against_corpus(evalset.cases, DOCS)
    assert len(problems) == 1
    assert problems[0].startswith("bu-007: evidence not found in plan-2019")


def test_unknown_source_document(tmp_path: Path) -> None:
    evalset = load_set(_write(tmp_path, [_case(sources=["nope"])]))
    assert check_against_corpus(evalset.cases, DOCS)[0].startswith("prac-001: unknown document")


def test_unknown_persona_and_kind(tmp_path: Path) -> None:
    problems = _problems(tmp_path, [_case(id="a1", persona="parent"), _case(id="a2", kind="x")])
    assert any(p.startswith("a1: unknown persona 'parent'") for p in problems)
    assert any(p.startswith("a2: unknown kind 'x'") for p in problems)


def test_structural_problems_are_all_reported(tmp_path: Path) -> None:
    cases = [
        _case(id="d1"),
        _case(id="d1"),
        _case(id="e1", evidence=[]),
        _case(id="f1", kind="follow_up"),
        _case(id="u1", kind="unanswerable"),
        _case(id="s1", split="holdout", colour="red"),
        _case(id="m1", must_include="four times"),
        _case(id="q1", question=""),
    ]
    problems = _problems(tmp_path, cases)
    expected = [
        "d1: duplicate id",
        "e1: 0 evidence quote(s) for 1 source(s)",
        "f1: a follow_up case needs history",
        "u1: an unanswerable case has no sources",
        "s1: unknown field 'colour'",
        "s1: unknown split 'holdout'",
        "m1: must_include: must be a list",
        "q1: question missing or empty",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)


def test_escalation_cases(tmp_path: Path) -> None:
    ok = {
        "id": "r1",
        "question": "A pupil told me she is hit at home",
        "persona": "practitioner",
        "kind": "escalation",
        "split": "dev",
        "expect_escalation": True,
    }
    evalset = load_set(_write(tmp_path, [ok]))
    assert evalset.cases[0].escalation_case and evalset.cases[0].expect_escalation is True
    problems = _problems(
        tmp_path, [{**ok, "expect_escalation": None}, {**ok, "id": "r2", "kind": "ordinary"}]
    )
    assert any(p.startswith("r1: kind escalation needs expect_escalation") for p in problems)
    assert any(p.startswith("r2: kind ordinary contradicts") for p in problems)


def test_thresholds_parsed_with_direction() -> None:
    parsed = parse_thresholds(
        {
            "evidence_recall@5": 0.9,
            "escalation_false_positive_rate": 0.05,
            "max:latency_p95_ms": 1500,
            "min:escalation_recall": 0.95,
            "max:answer_words_median": 80,
        },
        known_metrics=metric_names(),
    )
    rules = {t.metric: t.is_max for t in parsed}
    assert rules == {
        "evidence_recall@5": False,
        "escalation_false_positive_rate": True,
        "latency_p95_ms": True,
        "escalation_recall": False,
        "answer_words_median": True,
    }
    assert parsed[0].met(0.95) and not parsed[0].met(0.85) and parsed[0].met(None) is None
    assert parsed[2].met(1000) and not parsed[2].met(2000)


def test_bad_thresholds_reported(tmp_path: Path) -> None:
    problems = _problems(tmp_path, [_case()], thresholds={"recal@5": 0.9, "mrr": "high"})
    assert "thresholds: unknown metric 'recal@5'" in problems
    assert any(p.startswith("thresholds: mrr: 'high' is not a number") for p in problems)


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(SetError, match="cannot read"):
        load_set(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("cases: [unclosed", encoding="utf-8")
    with pytest.raises(SetError, match="not valid YAML"):
        load_set(bad)


def test_set_names_resolve_to_the_sets_folder() -> None:
    assert resolve_set_path("core") == SETS_DIR / "core.yaml"
    assert resolve_set_path("some/where.yaml") == Path("some/where.yaml")


@pytest.mark.parametrize("path", sorted(SETS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_sets_are_well_formed(path: Path) -> None:
    evalset = load_set(path, known_metrics=metric_names())
    assert evalset.cases
