"""The answerer interface: a question and ranked chunks in, an answer with citations out.

Two implementations are swappable behind it: the extractive composer (default, no LLM) and the
LLM answerer (which falls back to the composer when too little of its output is grounded).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from assistant.types import Answer, Chunk


@dataclass
class AnswerRequest:
    """Everything an answerer may use besides the chunks."""

    question: str  # the standalone question (after follow-up rewriting)
    original: str = ""  # what the person typed
    time_intent: str = "current"  # "current" | "year:2019" | "period:2019-2021" | "any" | "past"
    yes_no: bool = False
    query_vector: Any = None  # numpy vector of the question, reused for sentence scoring
    sentence_vectors: Callable[[str], Any] | None = None  # chunk id -> its sentence vectors
    years: tuple[int, int] | None = None
    next_chunk: Callable[[str], Chunk | None] | None = None  # chunk id -> the one after it
    previous_chunk: Callable[[str], Chunk | None] | None = None  # chunk id -> the one before
    extra: dict = field(default_factory=dict)


class Answerer(Protocol):
    def answer(self, request: AnswerRequest, chunks: list[Chunk]) -> Answer:
        """Return ``Answer`` with text, citations, abstained; ``retrieved`` is filled by caller."""
        ...

    def stream(self, request: AnswerRequest, chunks: list[Chunk]) -> Iterator[str | Answer]:
        """Yield text deltas as they are produced, then exactly one final (checked) ``Answer``."""
        ...
