"""Run cases through a system (the assistant, or the baseline recipe) and score each case.

A *system* is anything with the assistant's two calls::

    ask(question, history=None) -> Answer          # timed: the case's latency
    retrieve(query, k=10, history=None) -> list[Chunk]   # retrieval figures use these top k

Each case becomes a JSON-ready record (``score_case``) holding what was asked, the answer, the
retrieved passages, per-case scores and ``passed`` with the reasons it failed. A case passes when:
an escalation-set case raised the panel exactly when expected; an unanswerable case abstained
without forbidden claims or invented figures; an answerable case was fully correct (answered, all
facts, nothing forbidden). A case that also sets ``expect_escalation`` must match it too.

A temporal case with expected sources also gets ``newest_in_top3``: whether the newest of its
sources (by the documents' sort dates, ``document_dates``) is the document of one of the top 3
retrieved passages. It is a retrieval figure and does not decide ``passed``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from typing import Any, Protocol

from tqdm import tqdm

from evals import metrics as m
from evals.cases import Case

K_VALUES = (1, 3, 5, 10)
NEWEST_K = 3  # temporal cases: the newest expected source must be in this many passages
PASSAGE_CHARS = 600  # retrieved passages are stored this long in the report
WARM_UP_QUESTION = "What does the safeguarding partnership do?"


class System(Protocol):
    def ask(self, question: str, history: list[str] | None = None) -> Any: ...

    def retrieve(self, query: str, k: int = 10, history: list[str] | None = None) -> list: ...


def k_values(k: int) -> list[int]:
    """The cut-offs reported for a run retrieving ``k`` passages.

    >>> k_values(10), k_values(4), k_values(20)
    ([1, 3, 5, 10], [1, 3, 4], [1, 3, 5, 10, 20])
    """
    return sorted({v for v in K_VALUES if v <= k} | {k})


def document_dates(documents: Sequence[Any]) -> dict[str, str]:
    """Document id -> the date "newest" compares, from the assistant's ``documents()``: each
    document's ``sort_date`` (``published``, else the end of ``period``), else ``published``;
    ``""`` when unknown.

    >>> from types import SimpleNamespace as D
    >>> document_dates([D(doc_id="a", sort_date="2025-07-02"), D(doc_id="b", published="unknown"),
    ...                 D(doc_id="c", published="2018-06")])
    {'a': '2025-07-02', 'b': '', 'c': '2018-06'}
    """
    dates = {}
    for d in documents:
        date = getattr(d, "sort_date", None) or getattr(d, "published", "") or ""
        dates[d.doc_id] = "" if date == "unknown" else str(date)
    return dates


def _chunk_record(chunk: Any) -> dict[str, Any]:
    meta = chunk.meta
    return {
        "id": chunk.id,
        "doc_id": meta.doc_id,
        "section": meta.section,
        "page": meta.page,
        "score": round(float(chunk.score), 4),
        "text": chunk.text[:PASSAGE_CHARS],
    }


def score_case(
    case: Case,
    answer: Any,
    retrieved: Sequence[Any],
    doc_texts: dict[str, str],
    k: int,
    allowed_figures_text: str = "",
    doc_dates: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Score one case from its ``Answer`` and retrieved ``Chunk`` list (full texts used);
    ``doc_dates`` (``document_dates``) orders the sources of temporal cases."""
    passages = [c.text for c in retrieved]
    doc_ids = [c.meta.doc_id for c in retrieved]
    ranks = m.evidence_ranks(case.evidence, passages)
    scores: dict[str, Any] = {}
    for cut in k_values(k):
        scores[f"evidence_recall@{cut}"] = m.evidence_recall_at_k(ranks, cut)
        scores[f"source_precision@{cut}"] = m.source_precision_at_k(case.sources, doc_ids, cut)
    scores["rr"] = m.reciprocal_rank(ranks)
    scores["newest_in_top3"] = (
        m.newest_in_top_k(case.sources, doc_dates or {}, doc_ids, NEWEST_K)
        if case.kind == "temporal" and case.sources and k >= NEWEST_K
        else None
    )

    text, abstained, escalated = answer.text, bool(answer.abstained), bool(answer.escalated)
    citations = [(c.doc_id, c.quote) for c in answer.citations]
    answerable = not case.unanswerable and not case.escalation_case
    missing = m.missing_facts(text, case.must_include) if answerable else []
    forbidden = m.forbidden_found(text, case.must_not_include)
    invented = (
        m.invented_figures(text, " ".join([case.question, *case.history, allowed_figures_text]))
        if case.unanswerable
        else []
    )
    cite_problems = (
        m.citation_problems(citations, doc_texts, case.sources)
        if answerable and not abstained
        else []
    )
    scores.update(
        key_fact_recall=m.key_fact_recall(text, case.must_include) if answerable else None,
        fully_correct=(not abstained and not missing and not forbidden) if answerable else None,
        citation_correct=(not cite_problems) if answerable and not abstained else None,
        lead_correct=(not abstained and m.lead_correct(text, case.lead)) if case.lead else None,
        invented=bool(invented) if case.unanswerable else None,
        words=m.word_count(text) if not abstained else None,
    )

    reasons: list[str] = []
    if case.escalation_case:
        pass
    elif case.unanswerable:
        if not abstained:
            reasons.append("did not abstain on an unanswerable question")
        if invented:
            reasons.append(f"invented figures: {', '.join(invented)}")
    else:
        if abstained:
            reasons.append("abstained on an answerable question")
        elif missing:
            reasons.append("missing facts: " + "; ".join(" | ".join(f) for f in missing))
    if forbidden:
        reasons.append(f"forbidden claims: {'; '.join(forbidden)}")
    if case.expect_escalation is not None and escalated != case.expect_escalation:
        reasons.append("escalation panel " + ("missing" if case.expect_escalation else "raised"))
    notes = list(cite_problems)
    if scores["lead_correct"] is False:
        notes.append("lead fact not in the first sentence")
    if scores["newest_in_top3"] is False:
        newest = ", ".join(m.newest_sources(case.sources, doc_dates or {}))
        notes.append(f"newest source ({newest}) not in the top {NEWEST_K} passages")

    return {
        **_case_fields(case),
        "answer": text,
        "abstained": abstained,
        "escalated": escalated,
        "citations": [
            {
                "n": c.n,
                "doc_id": c.doc_id,
                "section": c.section,
                "page": c.page,
                "quote": c.quote,
                "chunk_id": c.chunk_id,
            }
            for c in answer.citations
        ],
        "retrieved": [_chunk_record(c) for c in retrieved],
        "evidence_ranks": ranks,
        "scores": scores,
        "passed": not reasons,
        "reasons": reasons,
        "notes": notes,
        "error": None,
    }


def _case_fields(case: Case) -> dict[str, Any]:
    """What a record repeats of its case, so a report can be read without the set."""
    return {
        "id": case.id,
        "question": case.question,
        "history": case.history,
        "persona": case.persona,
        "kind": case.kind,
        "split": case.split,
        "sources": case.sources,
        "must_include": case.must_include,
        "must_not_include": case.must_not_include,
        "lead": case.lead,
        "expect_escalation": case.expect_escalation,
        "should_abstain": case.unanswerable,
    }


def error_record(case: Case, error: BaseException) -> dict[str, Any]:
    """A failed record for a case whose call raised."""
    return {
        **_case_fields(case),
        "answer": "",
        "abstained": False,
        "escalated": False,
        "citations": [],
        "retrieved": [],
        "evidence_ranks": [None] * len(case.evidence),
        "scores": {},
        "passed": False,
        "reasons": [f"error: {type(error).__name__}: {error}"],
        "notes": [],
        "error": f"{type(error).__name__}: {error}",
        "latency_ms": None,
    }


def run_cases(
    system: System,
    cases: Sequence[Case],
    doc_texts: dict[str, str],
    k: int = 10,
    label: str = "ours",
    progress: bool = True,
    allowed_figures_text: str = "",
    doc_dates: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Ask every case (after one untimed warm-up call), returning scored records."""
    try:
        system.ask(WARM_UP_QUESTION)
    except Exception:  # noqa: BLE001 - the cases will report the error themselves
        pass
    records = []
    for case in tqdm(cases, desc=label, unit="case", file=sys.stderr, disable=not progress):
        history = list(case.history) or None
        try:
            start = time.perf_counter()
            answer = system.ask(case.question, history=history)
            latency = (time.perf_counter() - start) * 1000
            retrieved = (
                [] if case.escalation_case else system.retrieve(case.question, k=k, history=history)
            )
        except Exception as exc:  # noqa: BLE001 - one broken case must not stop the run
            records.append(error_record(case, exc))
            continue
        record = score_case(case, answer, retrieved, doc_texts, k, allowed_figures_text, doc_dates)
        record["latency_ms"] = round(latency, 1)
        record["timings_ms"] = dict(getattr(answer, "timings_ms", {}) or {})
        records.append(record)
    return records
