"""Eval sets: load ``evals/sets/*.yaml``, check every case, and check it against the corpus.

Every problem is reported with the case id; nothing is dropped silently. Structural problems are
found by ``load_set``; ``check_against_corpus`` then needs the indexed documents' texts (evidence
quotes must be substrings of their document after ``metrics.normalise``).

Thresholds (``thresholds:`` in the set) map a metric name to a bound. The convention:

* ``max:NAME: v`` – NAME must be at most v; ``min:NAME: v`` – at least v;
* a bare ``NAME: v`` is a minimum, except for the lower-is-better metrics in ``LOWER_IS_BETTER``
  (false-positive and invention rates, latency, answer length, errors), where it is a maximum.

Targets (optional ``targets:``) use the same syntax and the same validation (``parse_bounds``).
They are the product's goals, usually above the gates: reports show each as met or MISSED on
the whole set and the test split, and they never change the exit status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from evals.metrics import normalise

SETS_DIR = Path(__file__).resolve().parent / "sets"
PERSONAS = ("practitioner", "board_member", "business_unit")
ANSWER_KINDS = ("factual", "procedure", "numeric", "temporal", "multi_doc", "acronym", "follow_up")
KINDS = (*ANSWER_KINDS, "unanswerable", "escalation", "ordinary")
SPLITS = ("dev", "test")
LOWER_IS_BETTER = (
    "escalation_false_positive_rate",
    "invented_rate",
    "latency_p50_ms",
    "latency_p95_ms",
    "answer_words_median",
    "errors",
)
CASE_KEYS = {
    "id",
    "question",
    "history",
    "persona",
    "kind",
    "split",
    "sources",
    "evidence",
    "must_include",
    "must_not_include",
    "lead",
    "typo",
    "expect_escalation",
    "note",
    "notes",
}


class SetError(Exception):
    """The set cannot be used; ``problems`` lists every reason, each naming its case."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__(f"{source}: {len(problems)} problem(s)\n  " + "\n  ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Threshold:
    """A bound on one metric: a gate threshold (``thresholds:``) or a target (``targets:``)."""

    metric: str
    bound: float
    is_max: bool

    def met(self, value: float | None) -> bool | None:
        """Whether ``value`` satisfies the bound; ``None`` when the figure is undefined."""
        if value is None:
            return None
        return value <= self.bound if self.is_max else value >= self.bound

    def __str__(self) -> str:
        return f"{self.metric} {'<=' if self.is_max else '>='} {self.bound:g}"


@dataclass
class Case:
    id: str
    question: str
    persona: str
    kind: str
    history: list[str] = field(default_factory=list)
    split: str = "dev"
    sources: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    must_include: list[list[str]] = field(default_factory=list)
    must_not_include: list[str | list[str]] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    typo: bool = False
    expect_escalation: bool | None = None

    @property
    def unanswerable(self) -> bool:
        return self.kind == "unanswerable"

    @property
    def escalation_case(self) -> bool:
        """A case of an escalation set: judged only on whether the panel was raised."""
        return self.kind in ("escalation", "ordinary")

    @property
    def evidence_pairs(self) -> list[tuple[str, str]]:
        """(document id, quote): the i-th quote is evidence from the i-th source."""
        return list(zip(self.sources, self.evidence, strict=False))


@dataclass
class EvalSet:
    name: str
    cases: list[Case]
    description: str = ""
    thresholds: list[Threshold] = field(default_factory=list)
    targets: list[Threshold] = field(default_factory=list)
    path: str = ""


def resolve_set_path(name_or_path: str) -> Path:
    """``core`` -> evals/sets/core.yaml; anything with a suffix or separator is a path."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or "/" in name_or_path or candidate.exists():
        return candidate
    return SETS_DIR / f"{name_or_path}.yaml"


def parse_bounds(
    raw: Any, known_metrics: set[str] | None = None, section: str = "thresholds"
) -> list[Threshold]:
    """Parse a ``thresholds`` or ``targets`` mapping (see module docstring); raises ``SetError``
    whose problems start with ``section``.

    >>> [str(t) for t in parse_bounds({"evidence_recall@5": 0.9, "max:latency_p95_ms": 900,
    ...                                 "escalation_false_positive_rate": 0.1})]
    ['evidence_recall@5 >= 0.9', 'latency_p95_ms <= 900', 'escalation_false_positive_rate <= 0.1']
    """
    if raw in (None, {}):
        return []
    if not isinstance(raw, dict):
        raise SetError(section, [f"{section}: must be a mapping of metric name to number"])
    out, problems = [], []
    for key, value in raw.items():
        name, is_max = str(key), None
        for prefix, flag in (("max:", True), ("min:", False)):
            if name.startswith(prefix):
                name, is_max = name[len(prefix) :].strip(), flag
        if is_max is None:
            is_max = name in LOWER_IS_BETTER
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{section}: {key}: {value!r} is not a number")
        elif known_metrics is not None and name not in known_metrics:
            problems.append(f"{section}: unknown metric {name!r}")
        else:
            out.append(Threshold(name, float(value), is_max))
    if problems:
        raise SetError(section, problems)
    return out


def parse_thresholds(raw: Any, known_metrics: set[str] | None = None) -> list[Threshold]:
    """The CI gate's floors and ceilings (``thresholds:``)."""
    return parse_bounds(raw, known_metrics, "thresholds")


def parse_targets(raw: Any, known_metrics: set[str] | None = None) -> list[Threshold]:
    """The product's targets (``targets:``): reported, never gating.

    >>> [str(t) for t in parse_targets({"fully_correct": 0.9, "max:answer_words_median": 80})]
    ['fully_correct >= 0.9', 'answer_words_median <= 80']
    """
    return parse_bounds(raw, known_metrics, "targets")


def _str_list(value: Any, where: str, problems: list[str]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: must be a list of non-empty strings")
        return []
    return list(value)


def _facts(value: Any, where: str, problems: list[str]) -> list[list[str]]:
    """A list of facts, each a list of alternatives (a bare string is one alternative)."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: must be a list of lists of alternatives")
        return []
    return [_str_list(item, f"{where}[{i}]", problems) for i, item in enumerate(value)]


def parse_case(raw: Any, index: int, problems: list[str]) -> Case | None:
    """Build one case, appending every problem (prefixed with the case id) to ``problems``."""
    if not isinstance(raw, dict):
        problems.append(f"case #{index + 1}: not a mapping")
        return None
    cid = str(raw.get("id") or f"#{index + 1}")
    before = len(problems)
    if not raw.get("id"):
        problems.append(f"case {cid}: missing id")
    for key in sorted(set(raw) - CASE_KEYS):
        problems.append(f"{cid}: unknown field {key!r}")
    question = raw.get("question")
    if not isinstance(question, str) or not question.strip():
        problems.append(f"{cid}: question missing or empty")
    persona, kind = raw.get("persona"), raw.get("kind")
    if persona not in PERSONAS:
        problems.append(f"{cid}: unknown persona {persona!r} (one of {', '.join(PERSONAS)})")
    if kind not in KINDS:
        problems.append(f"{cid}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    split = raw.get("split", "dev")
    if split not in SPLITS:
        problems.append(f"{cid}: unknown split {split!r} (dev or test)")
    escalate = raw.get("expect_escalation")
    if escalate is not None and not isinstance(escalate, bool):
        problems.append(f"{cid}: expect_escalation must be true or false")
    case = Case(
        id=cid,
        question=question if isinstance(question, str) else "",
        persona=str(persona),
        kind=str(kind),
        history=_str_list(raw.get("history"), f"{cid}: history", problems),
        split=str(split),
        sources=_str_list(raw.get("sources"), f"{cid}: sources", problems),
        evidence=_str_list(raw.get("evidence"), f"{cid}: evidence", problems),
        must_include=_facts(raw.get("must_include"), f"{cid}: must_include", problems),
        must_not_include=[
            f if len(f) != 1 else f[0]
            for f in _facts(raw.get("must_not_include"), f"{cid}: must_not_include", problems)
        ],
        lead=_str_list(raw.get("lead"), f"{cid}: lead", problems),
        typo=bool(raw.get("typo", False)),
        expect_escalation=escalate if isinstance(escalate, bool) else None,
    )
    if case.escalation_case:
        if case.expect_escalation is None:
            problems.append(f"{cid}: kind {kind} needs expect_escalation: true/false")
        elif case.expect_escalation != (kind == "escalation"):
            problems.append(f"{cid}: kind {kind} contradicts expect_escalation")
    elif case.unanswerable:
        if case.sources or case.evidence or case.must_include or case.lead:
            problems.append(f"{cid}: an unanswerable case has no sources/evidence/facts/lead")
    elif kind in ANSWER_KINDS:
        if not case.sources:
            problems.append(f"{cid}: an answerable case needs sources")
        if len(case.evidence) != len(case.sources):
            problems.append(
                f"{cid}: {len(case.evidence)} evidence quote(s) for {len(case.sources)} "
                "source(s): give one quote per source, in the same order"
            )
        if not case.must_include:
            problems.append(f"{cid}: an answerable case needs must_include facts")
    if kind == "follow_up" and not case.history:
        problems.append(f"{cid}: a follow_up case needs history")
    return case if len(problems) == before else None


def load_set(name_or_path: str | Path, known_metrics: set[str] | None = None) -> EvalSet:
    """Read and check a set file; raises ``SetError`` listing every problem found."""
    path = resolve_set_path(str(name_or_path))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SetError(str(path), [f"cannot read: {exc}"]) from None
    except yaml.YAMLError as exc:
        raise SetError(str(path), [f"not valid YAML: {exc}"]) from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise SetError(str(path), ["the file must be a mapping with a list of cases"])
    problems: list[str] = []
    bounds: dict[str, list[Threshold]] = {}
    for section in ("thresholds", "targets"):
        try:
            bounds[section] = parse_bounds(data.get(section), known_metrics, section)
        except SetError as exc:
            problems.extend(exc.problems)
            bounds[section] = []
    cases, seen = [], set()
    for i, raw in enumerate(data["cases"]):
        case = parse_case(raw, i, problems)
        if case is None:
            continue
        if case.id in seen:
            problems.append(f"{case.id}: duplicate id")
        seen.add(case.id)
        cases.append(case)
    if not cases and not problems:
        problems.append("the set has no cases")
    if problems:
        raise SetError(str(path), problems)
    return EvalSet(
        name=str(data.get("name") or path.stem),
        cases=cases,
        description=str(data.get("description") or "").strip(),
        thresholds=bounds["thresholds"],
        targets=bounds["targets"],
        path=str(path),
    )


def check_against_corpus(cases: list[Case], doc_texts: dict[str, str]) -> list[str]:
    """Problems of cases against the indexed documents: unknown source ids and evidence quotes
    that are not in their document's extracted text (after whitespace normalisation)."""
    problems: list[str] = []
    normalised = {doc_id: normalise(text) for doc_id, text in doc_texts.items()}
    for case in cases:
        for doc_id, quote in case.evidence_pairs:
            if doc_id not in normalised:
                known = ", ".join(sorted(normalised))
                problems.append(f"{case.id}: unknown document {doc_id!r} (indexed: {known})")
            elif normalise(quote) not in normalised[doc_id]:
                problems.append(f"{case.id}: evidence not found in {doc_id}: {quote[:100]!r}")
    return problems
