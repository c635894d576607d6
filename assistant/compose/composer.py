"""The extractive composer: score the sentences, abstain or select, render with citations."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.answerer import AnswerRequest
from assistant.compose.abstain import abstention, near_miss, out_of_time
from assistant.compose.acronyms import misses_spelling, spell_out
from assistant.compose.render import render
from assistant.compose.scoring import score_sentences
from assistant.compose.selection import select
from assistant.types import Answer, Chunk


class ExtractiveComposer:
    """Implements the ``Answerer`` protocol without any language model."""

    def __init__(
        self,
        abstain_threshold: float = 0.28,
        contact_hint: str = "",
        max_chunks: int = 8,
        max_sentences: int = 3,
    ) -> None:
        self.abstain_threshold = abstain_threshold
        self.contact_hint = contact_hint
        self.max_chunks = max_chunks
        self.max_sentences = max_sentences

    def stream(self, request: AnswerRequest, chunks: list[Chunk]) -> Iterator[str | Answer]:
        """Nothing to stream: the whole answer is ready at once."""
        yield self.answer(request, chunks)

    def answer(self, request: AnswerRequest, chunks: list[Chunk]) -> Answer:
        """Abstain when the question names unknown things, nothing scores high enough, or the
        asked-for detail is missing; otherwise select and render the best sentences."""
        unknown = request.extra.get("unknown") or []
        if unknown:
            return abstention(request, chunks, self.contact_hint, unknown)
        scored = score_sentences(request, chunks[: self.max_chunks])
        if not scored or scored[0].score < self.abstain_threshold or near_miss(request, scored):
            return abstention(request, chunks, self.contact_hint)
        acronym, entries = request.extra.get("spellings") or ("", [])
        if misses_spelling(request, scored):
            never = f"The documents use {acronym} but never say what it stands for. "
            return abstention(request, chunks, self.contact_hint, missing=never)
        elsewhen = out_of_time(request, scored)
        if elsewhen is not None:
            return abstention(request, chunks, self.contact_hint, closest=elsewhen)
        picked = select(request, scored, self.max_sentences)
        return spell_out(render(request, picked), acronym, entries)
