"""The index: Chroma (dense vectors), the lexical index, per-document chunk records with
sentence vectors, and ``state.json``, whose version stamp says which document versions are live.

Writers add a new document version beside the old one, then swap ``state.json`` atomically, then
delete the old version. Readers hold one state snapshot and ignore chunks of any other version,
so a query running during an ingest sees exactly one version of every document. Chroma's embedded
store is not process-safe, so a reader reopens everything when the stamp changes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import uuid
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.index.lexical import LexicalIndex
from assistant.textutil import contact_kinds
from assistant.types import Chunk, ChunkMeta

SCHEMA = 2
COLLECTION = "chunks"


def state_path(data_dir: Path) -> Path:
    return data_dir / "state.json"


def read_state(data_dir: Path) -> dict[str, Any] | None:
    try:
        return json.loads(state_path(data_dir).read_text())
    except FileNotFoundError:
        return None


def open_chroma(  # type: ignore[no-untyped-def]
    data_dir: Path, chroma_url: str = "", fresh: bool = False, reset: bool = False
):
    """The Chroma collection, embedded in ``data_dir`` or on a server (``chroma_url``)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if chroma_url:
        from urllib.parse import urlparse

        url = urlparse(chroma_url)
        client = chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or 8000,
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    else:
        if fresh:
            # Another process may have written since this process first opened the store.
            chromadb.api.client.SharedSystemClient.clear_system_cache()
        client = chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=chroma_settings)
    if reset and any(c.name == COLLECTION for c in client.list_collections()):
        client.delete_collection(COLLECTION)
    return client.get_or_create_collection(
        COLLECTION, metadata={"hnsw:space": "cosine"}, embedding_function=None
    )


@lru_cache(maxsize=4096)
def year_bounds(published: str, period: str) -> tuple[int, int]:
    """First and last year a document speaks for (0, 0 when unknown). Cached: retrieval asks
    it of every candidate chunk, and a corpus has few distinct (published, period) pairs."""

    years = [int(y) for y in re.findall(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", f"{period} {published}")]
    for start, end in re.findall(r"(?<!\d)(20\d\d)[-/](\d\d)(?![\d-])", f"{period} {published}"):
        if 0 < int(end) - int(start) % 100 <= 5:  # "2017-19", "2024/25"; not "2024-04-01"
            years.append(int(start[:2] + end))
    return (min(years), max(years)) if years else (0, 0)


def _chroma_meta(meta: ChunkMeta) -> dict[str, Any]:
    lo, hi = year_bounds(meta.published, meta.period)
    return {
        "doc_id": meta.doc_id,
        "doc_type": meta.doc_type,
        "doc_version": meta.doc_version,
        "year_from": lo,
        "year_to": hi,
        "page": meta.page if meta.page is not None else -1,
        "section": meta.section,
        "position": meta.position,
    }


class IndexWriter:
    """Used by ingest only: stage document versions, then ``commit``."""

    def __init__(self, data_dir: Path, chroma_url: str = "", rebuild: bool = False) -> None:
        self.data_dir = data_dir
        if rebuild and data_dir.exists():
            # Chroma's files are dropped through its own API (open clients keep handles on them).
            for name in ("store", "lexical", "state.json"):
                target = data_dir / name
                if target.is_dir():
                    shutil.rmtree(target)
                elif target.exists():
                    target.unlink()
        (data_dir / "store").mkdir(parents=True, exist_ok=True)
        self.collection = open_chroma(data_dir, chroma_url, reset=rebuild)
        self.state = read_state(data_dir) or {"schema": SCHEMA, "documents": {}}
        self.documents: dict[str, dict[str, Any]] = dict(self.state.get("documents", {}))
        self._retired: list[dict[str, Any]] = []

    def put_document(
        self,
        record: dict[str, Any],
        chunks: list[Chunk],
        chunk_vectors: np.ndarray,
        sentence_vectors: np.ndarray,
        full_text: str,
    ) -> None:
        """Stage a new version of one document (not visible to readers until ``commit``)."""
        doc_id, version = record["doc_id"], record["doc_version"]
        stem = f"{doc_id}--{version[:16]}"
        payload = {
            "record": record,
            "text": full_text,
            "chunks": [
                {"id": c.id, "text": c.text, "meta": asdict(c.meta), "sentences": c.sentences}
                for c in chunks
            ],
        }
        (self.data_dir / "store" / f"{stem}.json").write_text(json.dumps(payload))
        np.save(self.data_dir / "store" / f"{stem}.npy", sentence_vectors.astype(np.float16))
        for i in range(0, len(chunks), 2000):
            part = chunks[i : i + 2000]
            self.collection.upsert(
                ids=[c.id for c in part],
                embeddings=chunk_vectors[i : i + 2000],
                documents=[c.text for c in part],
                metadatas=[_chroma_meta(c.meta) for c in part],
            )
        old = self.documents.get(doc_id)
        if old and old.get("doc_version") != version:
            self._retired.append(old)
        self.documents[doc_id] = {**record, "store": stem, "chunk_ids": [c.id for c in chunks]}

    def remove_document(self, doc_id: str) -> None:
        old = self.documents.pop(doc_id, None)
        if old:
            self._retired.append(old)

    def commit(self, lexical_texts: dict[str, str] | None = None) -> str:
        """Rebuild the lexical index, publish the new state, then drop retired versions."""
        version = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        ids, texts = [], []
        for rec in self.documents.values():
            payload = json.loads((self.data_dir / "store" / f"{rec['store']}.json").read_text())
            for c in payload["chunks"]:
                ids.append(c["id"])
                texts.append(lexical_text(c["text"], c["meta"]))
        lexical_dir = self.data_dir / "lexical" / version
        LexicalIndex.build(ids, texts).save(lexical_dir)
        state = {
            "schema": SCHEMA,
            "version": version,
            "lexical": f"lexical/{version}",
            "updated": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "documents": self.documents,
        }
        tmp = state_path(self.data_dir).with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=1))
        os.replace(tmp, state_path(self.data_dir))  # the atomic switch readers look for
        self._drop_retired(state)
        return version

    def _drop_retired(self, state: dict[str, Any]) -> None:
        live = {rec["store"] for rec in state["documents"].values()}
        for old in self._retired:
            if old.get("store") in live:
                continue
            stale_ids = [i for i in old.get("chunk_ids", []) if i not in _live_ids(state)]
            for i in range(0, len(stale_ids), 5000):
                self.collection.delete(ids=stale_ids[i : i + 5000])
            for ext in (".json", ".npy"):
                (self.data_dir / "store" / f"{old['store']}{ext}").unlink(missing_ok=True)
        self._retired = []
        lexical_root = self.data_dir / "lexical"
        for folder in lexical_root.iterdir() if lexical_root.exists() else []:
            if f"lexical/{folder.name}" != state["lexical"]:
                shutil.rmtree(folder, ignore_errors=True)


def _live_ids(state: dict[str, Any]) -> set[str]:
    return {i for rec in state["documents"].values() for i in rec.get("chunk_ids", [])}


def lexical_text(text: str, meta: dict[str, Any]) -> str:
    """What BM25 and the embedding see: the passage with its title and section as context,
    the introduction of a list it continues, and the kinds of contact detail it gives."""
    lead_in = meta.get("lead_in") or ""
    context = f"{meta.get('title', '')}. {meta.get('section', '')}."
    kinds = contact_kinds(text)
    if kinds:  # "oscp@oxfordshire.gov.uk" says "email" to no search
        text = f"{text}\nContact details: {', '.join(kinds)}."
    return f"{context}\n{lead_in}\n{text}" if lead_in else f"{context}\n{text}"
