"""The value objects that cross module boundaries: chunks in, answers out.

They are plain dataclasses so that the evaluation tools, the CLI's ``--json`` and the app can
all serialise them the same way (``to_dict``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

NoticeKind = Literal["escalation", "warning", "newer_source", "older_source", "note", "decision"]


@dataclass(frozen=True)
class ChunkMeta:
    """What every stored chunk knows about itself and its document."""

    doc_id: str
    title: str
    doc_type: str
    published: str  # ISO date of known precision: "2018", "2018-06", "2025-07-02", or ""
    period: str  # "2017-2019", "2024-04-01/2025-03-31", or ""
    section: str  # heading path joined with " > "
    page: int | None
    position: int  # order of the chunk within its document
    content_hash: str
    doc_version: str  # hash of the document version the chunk belongs to
    publisher: str = ""
    inferred: str = ""  # comma-separated names of fields that were inferred, not given
    lead_in: str = ""  # what introduces the list or paragraph this chunk continues


@dataclass
class Chunk:
    """A retrieved (or stored) passage with its score."""

    id: str
    text: str
    meta: ChunkMeta
    score: float = 0.0
    sentences: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "score": self.score, **asdict(self.meta)}


@dataclass(frozen=True)
class Citation:
    """One source card: the passage an answer sentence rests on."""

    n: int  # the [n] marker used in the answer text
    doc_id: str
    title: str
    published: str
    page: int | None
    section: str
    quote: str
    chunk_id: str = ""
    doc_type: str = ""


@dataclass(frozen=True)
class Notice:
    """Something shown beside the answer: escalation routes, warnings, notes on dates."""

    kind: NoticeKind
    text: str


@dataclass
class Answer:
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    retrieved: list[Chunk] = field(default_factory=list)
    question: str = ""
    standalone_question: str = ""  # the question after follow-up rewriting
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def escalated(self) -> bool:
        return any(n.kind == "escalation" for n in self.notices)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "standalone_question": self.standalone_question,
            "text": self.text,
            "abstained": self.abstained,
            "citations": [asdict(c) for c in self.citations],
            "notices": [asdict(n) for n in self.notices],
            "retrieved": [c.to_dict() for c in self.retrieved],
            "timings_ms": self.timings_ms,
        }
