"""Read side of the index: one consistent snapshot of chunks, vectors and the lexical index."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import IndexMissingError
from assistant.index.lexical import LexicalIndex
from assistant.index.store import open_chroma, read_state, state_path, year_bounds
from assistant.types import Chunk, ChunkMeta


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str
    title: str
    doc_type: str
    published: str
    period: str
    publisher: str
    n_chunks: int
    source: str
    inferred: str

    @property
    def sort_date(self) -> str:
        """What "newest" compares: ``published``, else the end of ``period``."""
        return newest_key(self.published, self.period)


def newest_key(published: str, period: str) -> str:
    if published and published != "unknown":
        return published
    _, hi = year_bounds("", period)
    return str(hi) if hi else ""


class IndexSnapshot:
    """Everything a query needs, loaded from one ``state.json`` version."""

    def __init__(self, data_dir: Path, chroma_url: str = "", fresh: bool = False) -> None:
        state = read_state(data_dir)
        if state is None or "version" not in state:
            raise IndexMissingError(str(data_dir))
        self.data_dir = data_dir
        self.version: str = state["version"]
        self.state_mtime = os.stat(state_path(data_dir)).st_mtime_ns
        self.collection = open_chroma(data_dir, chroma_url, fresh=fresh)
        self.chunks: dict[str, Chunk] = {}
        self.documents: dict[str, DocumentInfo] = {}
        self.texts: dict[str, str] = {}
        self.glossary: list[dict[str, Any]] = []
        vectors, spans = [], {}
        offset = 0
        for doc_id, rec in state["documents"].items():
            payload = json.loads((data_dir / "store" / f"{rec['store']}.json").read_text())
            sv = np.load(data_dir / "store" / f"{rec['store']}.npy").astype(np.float32)
            vectors.append(sv)
            self.texts[doc_id] = payload["text"]
            self.glossary.extend(rec.get("glossary", []))
            local = 0
            for c in payload["chunks"]:
                n = len(c["sentences"])
                spans[c["id"]] = (offset + local, offset + local + n)
                local += n
                self.chunks[c["id"]] = Chunk(
                    id=c["id"],
                    text=c["text"],
                    meta=ChunkMeta(**c["meta"]),
                    sentences=c["sentences"],
                )
            offset += sv.shape[0]
            self.documents[doc_id] = DocumentInfo(
                doc_id=doc_id,
                title=rec["title"],
                doc_type=rec["doc_type"],
                published=rec["published"],
                period=rec["period"],
                publisher=rec.get("publisher", ""),
                n_chunks=len(payload["chunks"]),
                source=rec.get("source", ""),
                inferred=rec.get("inferred", ""),
            )
        self.sentence_vectors = (
            np.concatenate(vectors) if vectors else np.zeros((0, 384), np.float32)
        )
        self.sentence_spans: dict[str, tuple[int, int]] = spans
        owner = np.empty(len(self.sentence_vectors), dtype=object)
        for cid, (lo, hi) in spans.items():
            owner[lo:hi] = cid
        self.sentence_owner = owner  # sentence row -> chunk id
        order: dict[str, list[Chunk]] = {}
        for chunk in self.chunks.values():
            order.setdefault(chunk.meta.doc_id, []).append(chunk)
        self._following: dict[str, Chunk] = {}
        self._preceding: dict[str, Chunk] = {}
        for doc_chunks in order.values():
            doc_chunks.sort(key=lambda c: c.meta.position)
            for a, b in zip(doc_chunks, doc_chunks[1:], strict=False):
                self._following[a.id] = b
                self._preceding[b.id] = a
        self.lexical = LexicalIndex.load(data_dir / state["lexical"])
        self.lexical_pos = {cid: i for i, cid in enumerate(self.lexical.ids)}

    def is_current(self) -> bool:
        """Cheap check (one stat) whether an ingest has published a newer version."""
        try:
            return os.stat(state_path(self.data_dir)).st_mtime_ns == self.state_mtime
        except FileNotFoundError:
            return False

    def dense_search(
        self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """Chunk ids by cosine similarity; chunks of other versions are ignored."""
        total = len(self.chunks)
        if total == 0:
            return []
        result = self.collection.query(
            query_embeddings=[vector.tolist()],
            n_results=min(n, total),
            where=where or None,
            include=["distances"],
        )
        out = []
        for cid, dist in zip(result["ids"][0], result["distances"][0], strict=True):
            if cid in self.chunks:  # another version of the document: not in this snapshot
                out.append((cid, 1.0 - float(dist)))
        return out

    def sentence_search(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """Chunk ids ranked by their best-matching sentence (exact search over all sentences)."""
        if not len(self.sentence_vectors):
            return []
        sims = self.sentence_vectors @ vector
        take = min(len(sims), n * 4)
        top = np.argpartition(-sims, take - 1)[:take]
        out: dict[str, float] = {}
        for i in top[np.argsort(-sims[top])]:
            cid = self.sentence_owner[i]
            if cid not in out:
                out[cid] = float(sims[i])
                if len(out) >= n:
                    break
        return list(out.items())

    def next_chunk(self, chunk_id: str) -> Chunk | None:
        """The chunk that follows in the same document: a list can run past a chunk's end."""
        return self._following.get(chunk_id)

    def previous_chunk(self, chunk_id: str) -> Chunk | None:
        """The chunk before in the same document: "These priorities..." may follow its list."""
        return self._preceding.get(chunk_id)

    def sentence_matrix(self, chunk_id: str) -> np.ndarray:
        lo, hi = self.sentence_spans.get(chunk_id, (0, 0))
        return self.sentence_vectors[lo:hi]
