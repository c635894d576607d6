"""Hybrid retrieval: dense (Chroma) + lexical (BM25) candidates, fused by reciprocal rank,
re-ranked with the stored sentence vectors, then nudged by the question's time intent."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from assistant.index import IndexSnapshot, newest_key, tokenize, year_bounds
from assistant.query import QueryPlan
from assistant.types import Chunk

RRF_K = 60


@dataclass(frozen=True)
class Filters:
    doc_types: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None

    @classmethod
    def from_any(cls, value: Filters | dict[str, Any] | None) -> Filters:
        if value is None or isinstance(value, Filters):
            return value or cls()
        unknown = set(value) - {"doc_types", "doc_ids", "year_from", "year_to"}
        if unknown:
            raise ValueError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        return cls(
            doc_types=tuple(value.get("doc_types") or ()),
            doc_ids=tuple(value.get("doc_ids") or ()),
            year_from=value.get("year_from"),
            year_to=value.get("year_to"),
        )

    def chroma_where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.doc_types:
            clauses.append({"doc_type": {"$in": list(self.doc_types)}})
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.year_from is not None:
            clauses.append({"year_to": {"$gte": int(self.year_from)}})
        if self.year_to is not None:
            clauses.append({"year_from": {"$lte": int(self.year_to)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def __bool__(self) -> bool:
        limits = (self.doc_types, self.doc_ids, self.year_from, self.year_to)
        return any(x not in (None, ()) for x in limits)

    def accepts(self, chunk: Chunk) -> bool:
        m = chunk.meta
        if self.doc_types and m.doc_type not in self.doc_types:
            return False
        if self.doc_ids and m.doc_id not in self.doc_ids:
            return False
        lo, hi = year_bounds(m.published, m.period)
        if self.year_from is not None and hi and hi < self.year_from:
            return False
        return not (self.year_to is not None and lo and lo > self.year_to)


@dataclass(frozen=True)
class Weights:
    """Tuned on the dev split of the core eval set (see evals/)."""

    candidates: int = 40
    sentence: float = 0.25  # best sentence cosine (stored sentence vectors)
    chunk: float = 0.30  # whole-chunk cosine
    fusion: float = 1.0  # reciprocal-rank fusion of the three rankings (~1/60 each)
    lexical: float = 0.40  # BM25, normalised by the best score for the query
    recency: float = 0.10  # questions about now ("now", "currently"): newer documents first
    recency_implied: float = 0.075  # questions naming no time: a lighter preference
    period_match: float = 0.10  # questions naming a year: documents of that time
    synonyms: float = 0.5  # BM25 of synonyms.yaml terms, relative to the question's own words


def rrf(rankings: list[list[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion of several rankings of ids.

    >>> sorted(rrf([["a", "b"], ["b", "c"]]).items(), key=lambda kv: -kv[1])[0][0]
    'b'
    """
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank + 1)
    return scores


def interleave(rankings: list[list[Chunk]], k: int) -> list[Chunk]:
    """Round-robin merge of several rankings (one per question part), without repeats.

    >>> from types import SimpleNamespace
    >>> c = {i: SimpleNamespace(id=i) for i in "abcde"}
    >>> [x.id for x in interleave([[c["a"], c["b"], c["c"]], [c["d"], c["a"], c["e"]]], 4)]
    ['a', 'd', 'b', 'c']
    """
    out: list[Chunk] = []
    seen: set[str] = set()
    for rank in range(max((len(r) for r in rankings), default=0)):
        for ranking in rankings:
            if rank < len(ranking) and ranking[rank].id not in seen:
                seen.add(ranking[rank].id)
                out.append(ranking[rank])
    return out[:k]


def recency_scores(snapshot: IndexSnapshot) -> dict[str, float]:
    """0 for the oldest document, 1 for the newest (by ``published``, else period end).
    Computed once per snapshot: it only changes when an ingest publishes."""
    cached = getattr(snapshot, "_recency", None)
    if cached is not None:
        return cached
    keys = {d: newest_key(i.published, i.period) for d, i in snapshot.documents.items()}
    rank = {k: i for i, k in enumerate(sorted(set(keys.values())))}
    top = max(len(rank) - 1, 1)
    scores = {d: (rank[k] / top if len(rank) > 1 else 1.0) for d, k in keys.items()}
    snapshot._recency = scores  # type: ignore[attr-defined]
    return scores


class HybridRetriever:
    def __init__(self, weights: Weights | None = None) -> None:
        self.weights = weights or Weights()

    def retrieve(
        self,
        snapshot: IndexSnapshot,
        plan: QueryPlan,
        query_vector: np.ndarray,
        k: int,
        filters: Filters | None = None,
    ) -> list[Chunk]:
        w = self.weights
        filters = filters or Filters()
        n = max(w.candidates, k)
        dense = snapshot.dense_search(query_vector, n, where=filters.chroma_where())
        lexical_scores = snapshot.lexical.scores(tokenize([plan.search_text], query=True)[0])
        if plan.synonyms:  # the documents' words for the question's shorthand, at lower weight
            extra = snapshot.lexical.scores(tokenize(["; ".join(plan.synonyms)], query=True)[0])
            lexical_scores = lexical_scores + w.synonyms * extra
        lexical_ranked = [
            snapshot.lexical.ids[i]
            for i in np.argsort(-lexical_scores)[: n * 3]
            if lexical_scores[i] > 0
        ]
        lexical_ranked = [
            cid
            for cid in lexical_ranked
            if cid in snapshot.chunks and (not filters or filters.accepts(snapshot.chunks[cid]))
        ][:n]
        by_sentence = [
            cid
            for cid, _ in snapshot.sentence_search(query_vector, n * 2)
            if not filters or filters.accepts(snapshot.chunks[cid])
        ][:n]
        fused = rrf([[cid for cid, _ in dense], lexical_ranked, by_sentence])
        dense_cos = dict(dense)
        top_lex = float(lexical_scores.max()) if lexical_scores.size else 0.0
        recency = recency_scores(snapshot)
        scored = []
        for cid, fusion in fused.items():
            chunk = snapshot.chunks[cid]
            sentences = snapshot.sentence_matrix(cid)
            best_sentence = float((sentences @ query_vector).max()) if len(sentences) else 0.0
            cos = dense_cos.get(cid)
            if cos is None:
                cos = best_sentence  # lexical-only candidate: no chunk cosine fetched
            lex = lexical_scores[snapshot.lexical_pos[cid]] / top_lex if top_lex else 0.0
            score = (
                w.sentence * best_sentence
                + w.chunk * cos
                + w.fusion * fusion
                + w.lexical * float(lex)
                + self._time_bonus(plan, chunk, recency)
            )
            scored.append(replace(chunk, score=round(score, 4)))
        scored.sort(key=lambda c: -c.score)
        return scored[:k]

    def _time_bonus(self, plan: QueryPlan, chunk: Chunk, recency: dict[str, float]) -> float:
        w = self.weights
        if plan.time_intent == "current":
            weight = w.recency if plan.explicit_present else w.recency_implied
            return weight * recency.get(chunk.meta.doc_id, 0.0)
        if plan.time_intent == "past":  # "the old CE subgroup": older documents first
            return w.recency_implied * (1.0 - recency.get(chunk.meta.doc_id, 1.0))
        if plan.years:
            lo, hi = year_bounds(chunk.meta.published, chunk.meta.period)
            shared = min(hi, plan.years[1]) - max(lo, plan.years[0]) + 1 if lo else 0
            if shared > 0:  # "the 19-21 plan": 2019-21's, more than 2017-19's (one year shared)
                return w.period_match * shared / (plan.years[1] - plan.years[0] + 1)
        return 0.0
