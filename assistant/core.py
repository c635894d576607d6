"""The public face of the product: ``open_assistant()`` and the ``Assistant`` it returns.

The app, the CLI and the evaluation tools all go through this class. It holds one index
snapshot at a time and swaps it (under a lock) when an ingest publishes a new version, so a
running app sees new documents within a request, without a restart. It keeps no per-user state.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answerer import Answerer, AnswerRequest
from assistant.compose import ExtractiveComposer, merge_answers
from assistant.index import DocumentInfo, IndexSnapshot
from assistant.lookups import Lookups
from assistant.parts import split_parts
from assistant.query import QueryPlan, plan_query
from assistant.retrieval import Filters, HybridRetriever, interleave
from assistant.settings import PLACEHOLDER, Settings, load_settings
from assistant.types import Answer, Chunk, Notice

log = logging.getLogger("assistant")
DECISION_GUIDANCE_QUESTION = "What is the threshold of needs, and how are referrals to MASH made?"


def open_assistant(settings: Settings | None = None, **overrides: Any) -> Assistant:
    """Open the index named by the settings (raises ``IndexMissingError`` if there is none)."""
    settings = settings.replace(**overrides) if settings else load_settings(**overrides)
    return Assistant(settings)


class Assistant:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._snapshot = IndexSnapshot(Path(settings.data_dir), settings.chroma_url)
        self._derived = Lookups(self._snapshot)
        self.retriever = HybridRetriever()
        self.answerer: Answerer = make_answerer(settings)

    # -- index snapshot ----------------------------------------------------------------------
    def snapshot(self) -> IndexSnapshot:
        """The current snapshot, reopened if an ingest has published since it was loaded."""
        snap = self._snapshot
        if snap.is_current():
            return snap
        with self._lock:
            if not self._snapshot.is_current():
                fresh = IndexSnapshot(
                    Path(self.settings.data_dir), self.settings.chroma_url, fresh=True
                )
                self._derived = Lookups(fresh)
                self._snapshot = fresh
                log.info("index reloaded: version %s", fresh.version)
            return self._snapshot

    @property
    def index_version(self) -> str:
        return self.snapshot().version

    # -- questions ---------------------------------------------------------------------------
    def plan(
        self, question: str, history: list[str] | None = None, part: bool = False
    ) -> QueryPlan:
        self.snapshot()  # reloads the derived lookups too if an ingest has published
        derived = self._derived
        return plan_query(
            question,
            history,
            derived.glossary_map,
            derived.vocabulary,
            derived.known_tokens,
            derived.corpus_text,
            lambda w: derived.word_count.get(w, 0),
            derived.vocabulary_set,
            derived.synonyms,
            part,
            derived.initialisms,
            derived.unsearched,
        )

    def retrieve(
        self,
        query: str,
        k: int | None = None,
        filters: Filters | dict | None = None,
        history: list[str] | None = None,
    ) -> list[Chunk]:
        plan = self.plan(query, history)
        parts = split_parts(plan.standalone)
        if len(parts) == 1:
            return self._retrieve(plan, k, filters)[0]
        # Each part of a two-part question gets its own search; the results are interleaved
        # so that the top k hold the best passages for every part, as ``ask`` uses them.
        from assistant.embeddings import get_embedder

        plans = [plan, *self._part_plans(parts, history)]
        # Only the parts are embedded (one batch); the whole question searches with their mean.
        # Embedding dominates retrieval time, and the longest text set the batch's cost; the
        # mean ranked the evidence as well on every eval set (measured).
        part_vectors = get_embedder().encode([p.search_text for p in plans[1:]])
        whole = part_vectors.mean(axis=0)
        vectors = [whole / (np.linalg.norm(whole) or 1.0), *part_vectors]
        rankings = [
            self._retrieve(p, k, filters, v)[0] for p, v in zip(plans, vectors, strict=True)
        ]
        return interleave(rankings, k or self.settings.top_k)

    def _part_plans(self, parts: list[str], history: list[str] | None) -> list[QueryPlan]:
        """Each part of a split question planned in turn: earlier parts are its history."""
        return [self.plan(p, (history or []) + parts[:i], part=True) for i, p in enumerate(parts)]

    def _retrieve(
        self,
        plan: QueryPlan,
        k: int | None,
        filters: Filters | dict | None,
        vector: np.ndarray | None = None,
    ):
        from assistant.embeddings import get_embedder

        snap = self.snapshot()
        if vector is None:
            vector = get_embedder().encode_one(plan.search_text)
        chunks = self.retriever.retrieve(
            snap, plan, vector, k or self.settings.top_k, Filters.from_any(filters)
        )
        return chunks, vector, snap

    def ask(
        self, question: str, history: list[str] | None = None, filters: Filters | dict | None = None
    ) -> Answer:
        final: Answer | None = None
        for item in self.stream(question, history, filters):
            if isinstance(item, Answer):
                final = item
        assert final is not None
        return final

    def stream(
        self, question: str, history: list[str] | None = None, filters: Filters | dict | None = None
    ) -> Iterator[str | Answer]:
        """Yield text deltas (LLM answerers only), then the final checked ``Answer``."""
        started = time.perf_counter()
        notices = safety_notices(question, self.settings)
        plan = self.plan(question, history)
        parts = (
            split_parts(plan.standalone)
            if isinstance(self.answerer, ExtractiveComposer)
            else [plan.standalone]
        )
        personal = any(n.kind == "warning" for n in notices)
        if any(n.kind == "decision" for n in notices):
            # "Should I refer?" is not ours to decide: add the guidance the decision rests on.
            parts.append(DECISION_GUIDANCE_QUESTION)
        answers: list[Answer] = []
        retrieved: list[Chunk] = []
        retrieve_ms = 0.0
        for part_plan in [plan] if len(parts) == 1 else self._part_plans(parts, history):
            t0 = time.perf_counter()
            chunks, vector, snap = self._retrieve(part_plan, None, filters)
            retrieve_ms += (time.perf_counter() - t0) * 1000
            retrieved.extend(c for c in chunks if c.id not in {r.id for r in retrieved})
            request = AnswerRequest(
                question=part_plan.corrected or part_plan.standalone,
                original=question,
                time_intent=part_plan.time_intent,
                yes_no=part_plan.yes_no,
                query_vector=vector,
                sentence_vectors=snap.sentence_matrix,
                next_chunk=snap.next_chunk,
                previous_chunk=snap.previous_chunk,
                years=part_plan.years,
                extra={
                    "explicit_present": part_plan.explicit_present,
                    "idf": self._derived.idf,
                    "lower_words": self._derived.lower_words,
                    # A child's name in the message is no topic to search for, nor to repeat;
                    # a part's name that the whole question explains is known.
                    "unknown": []
                    if personal
                    else [u for u in part_plan.unknown if u in plan.unknown],
                    # The documents' words for the question's shorthand and acronyms.
                    "related": part_plan.synonyms + part_plan.expansions,
                    "synonyms_of": part_plan.synonyms_of,
                    "spellings": self._derived.spellings(part_plan.corrected or question),
                },
            )
            for item in self.answerer.stream(request, chunks):
                if isinstance(item, Answer):
                    answers.append(item)
                else:
                    yield item
        answer = merge_answers(answers)
        if plan.followup:
            notices.append(Notice("note", f"Read as a follow-up: “{plan.standalone}”"))
        if plan.corrections:
            fixed = ", ".join(f"{a} → {b}" for a, b in plan.corrections.items())
            notices.append(Notice("note", f"Spelling read as: {fixed}"))
        answer.notices = notices + answer.notices
        answer.retrieved = retrieved
        answer.question = question
        answer.standalone_question = plan.standalone
        answer.timings_ms = {
            "retrieve": round(retrieve_ms, 1),
            "total": round((time.perf_counter() - started) * 1000, 1),
        }
        log.info(  # metadata only: a question may name a child
            "answered: %d chars, abstained=%s, notices=%s, citations=%d, %.0f ms",
            len(question),
            answer.abstained,
            [n.kind for n in answer.notices],
            len(answer.citations),
            answer.timings_ms["total"],
        )
        yield answer

    # -- orientation -------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        docs = list(self.snapshot().documents.values())
        return sorted(docs, key=lambda d: d.sort_date, reverse=True)

    def document_text(self, doc_id: str) -> str:
        return self.snapshot().texts[doc_id]

    def chunks(self) -> list[Chunk]:
        snap = self.snapshot()
        return sorted(snap.chunks.values(), key=lambda c: (c.meta.doc_id, c.meta.position))

    def glossary(self) -> list[dict[str, str]]:
        """Acronyms mined from the documents, each expansion with its document and date."""
        entries = self.snapshot().glossary
        return sorted(entries, key=lambda e: (e["acronym"].upper(), e.get("published", "")))


def safety_notices(message: str, settings: Settings) -> list[Notice]:
    """Fixed notices that come before any answer: escalation routes, personal details, and
    the reminder that decisions about a child sit with people, not with this tool."""
    from assistant.safety import (
        asks_for_case_decision,
        asks_for_contacts,
        assess_risk,
        contacts_notice,
        decision_notice,
        escalation_notice,
        find_personal_details,
        personal_details_notice,
    )

    notices: list[Notice] = []
    if assess_risk(message).escalate:
        notices.append(escalation_notice(settings))
    elif asks_for_contacts(message):  # the escalation panel already lists them
        notices.append(contacts_notice(settings))
    kinds = find_personal_details(message)
    if kinds:
        notices.append(personal_details_notice(kinds))
    if asks_for_case_decision(message):
        notices.append(decision_notice())
    return notices


def contact_hint(settings: Settings) -> str:
    if settings.contact_mash and settings.contact_mash != PLACEHOLDER:
        return (
            "If you need an answer for a particular child, ask your designated safeguarding "
            f"lead or the MASH: {settings.contact_mash}."
        )
    return (
        "If you need an answer for a particular child, ask your designated safeguarding lead "
        "or your organisation's safeguarding procedure contacts."
    )


def make_answerer(settings: Settings) -> Answerer:
    """Extractive by default; an LLM answerer (with the extractive one as fallback) on request."""
    composer = ExtractiveComposer(settings.abstain_threshold, contact_hint(settings))
    if settings.answerer == "extractive":
        return composer
    if settings.answerer == "llm":
        from assistant.llm import make_chat_model
        from assistant.llm_answerer import LLMAnswerer

        return LLMAnswerer(make_chat_model(settings), fallback=composer)
    from assistant.errors import SettingsError

    raise SettingsError(f"Unknown answerer {settings.answerer!r}: use extractive or llm")
