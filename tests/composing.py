"""Helpers for composer tests: hand-made chunks of the fictional Example Safeguarding
Partnership's documents, and a question put to the extractive composer over them with the
real embedding model's sentence vectors."""

from __future__ import annotations

import numpy as np

from assistant.answerer import AnswerRequest
from assistant.compose import ExtractiveComposer
from assistant.embeddings import get_embedder
from assistant.query import time_intent
from assistant.textutil import split_sentences
from assistant.types import Chunk, ChunkMeta


def chunk_of(cid: str, doc: str, title: str, published: str, text: str, section: str = "") -> Chunk:
    meta = ChunkMeta(doc, title, "annual_report", published, "", section, None, 0, "h", "v")
    return Chunk(cid, text, meta, sentences=split_sentences(text))


def report_2024(cid: str, text: str, section: str = "") -> Chunk:
    """A chunk of the (fictional) ESP Annual Report 2024, the newest document in these tests."""
    return chunk_of(cid, "esp-report-2024", "ESP Annual Report 2024", "2024-06", text, section)


def fathers_2019() -> Chunk:
    """The 2019-21 plan's sentence on fathers at case conferences: a share (44%) that is
    neither the police's share nor a target."""
    return chunk_of(
        "fathers",
        "plan-2019",
        "Business Plan 2019-21",
        "2020",
        "Our records also indicate that fathers are present and contributing to only 44% of "
        "case conferences and we want to change this too.",
        section="Our priorities",
    )


def ask(  # type: ignore[no-untyped-def]
    question: str,
    chunks: list[Chunk],
    following: dict[str, Chunk] | None = None,
    preceding: dict[str, Chunk] | None = None,
    **extra: object,
):
    embedder = get_embedder()
    vectors = {c.id: embedder.encode(c.sentences) for c in chunks}
    intent, years = time_intent(question)
    request = AnswerRequest(
        question=question,
        time_intent=intent,
        years=years,
        yes_no=question.lower().startswith(("is ", "does ", "are ")),
        query_vector=embedder.encode_one(question),
        sentence_vectors=lambda cid: vectors.get(cid, np.zeros((0, 384), np.float32)),
        next_chunk=(following or {}).get,
        previous_chunk=(preceding or {}).get,
        extra={"explicit_present": "now" in question.lower(), **extra},
    )
    return ExtractiveComposer(abstain_threshold=0.3).answer(request, chunks)


def ask_known(question: str, chunks: list[Chunk], idf: dict[str, float]):  # type: ignore[no-untyped-def]
    """``ask`` with the corpus's word weights: a word missing from ``idf`` is in no document."""
    return ask(question, chunks, idf=lambda w: idf.get(w, 9.0))


def abstains_then_answers(
    missing: tuple[str, str], found: tuple[str, str], chunks: list[Chunk], idf: dict[str, float]
) -> None:
    """The first question abstains without ``missing[1]``; the second answers with
    ``found[1]``."""
    gap = ask_known(missing[0], chunks, idf)
    assert gap.abstained and missing[1] not in gap.text
    answer = ask_known(found[0], chunks, idf)
    assert not answer.abstained and found[1] in answer.text
