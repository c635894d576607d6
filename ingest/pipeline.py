"""Incremental, idempotent ingest: files in, one committed index version out.

Unchanged files are recognised by hash before any model is loaded, so a no-change run is fast.
A bad file is reported and skipped (its previous version, if any, stays live); everything else
is indexed and the index is committed once, consistently.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import DocumentError
from assistant.index import IndexWriter, lexical_text, read_state
from assistant.settings import Settings
from assistant.textutil import sha256, unnumbered
from ingest.chunking import make_chunks
from ingest.glossary import mine_glossary
from ingest.loaders import LOADERS, load_document
from ingest.metadata import MANIFEST, doc_id_for, load_manifest, resolve_metadata

PIPELINE_VERSION = "22"  # bump when loaders or chunking change, so every document is redone


@dataclass
class Failure:
    file: str
    reason: str
    message: str


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    chunks: int = 0
    seconds: float = 0.0
    version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def discover(paths: list[Path]) -> list[Path]:
    """Files to ingest under the given paths (the manifest and hidden files are not documents)."""
    found: list[Path] = []
    for path in paths:
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        for p in candidates:
            if p.is_file() and p.name != MANIFEST and not p.name.startswith((".", "~$")):
                found.append(p)
    return found


def _fingerprint(raw: bytes, entry: dict[str, Any] | None, settings: Settings) -> str:
    """Changes when the file, its manifest entry or the chunking rules change."""
    meta = json.dumps(entry or {}, sort_keys=True, default=str)
    return sha256(raw + f"|{meta}|{settings.chunk_chars}|{PIPELINE_VERSION}".encode())


def run_ingest(
    settings: Settings,
    paths: list[Path] | None = None,
    rebuild: bool = False,
    progress: bool = True,
) -> IngestReport:
    started = time.perf_counter()
    corpus = Path(settings.corpus_dir)
    roots = [p.resolve() for p in (paths or [corpus])]
    for root in roots:
        if not root.exists():
            raise DocumentError("missing", f"{root} does not exist")
    data_dir = Path(settings.data_dir)
    manifest = load_manifest(corpus) if corpus.exists() else {}
    state = (None if rebuild else read_state(data_dir)) or {"documents": {}}
    known = state["documents"]
    report = IngestReport()

    files = discover(roots)
    todo: list[tuple[Path, str, str, dict[str, Any] | None]] = []
    seen_ids: set[str] = set()
    for path in files:
        base = corpus if _inside(path, corpus) else path.parent
        doc_id = doc_id_for(path, base)
        rel = str(path.resolve().relative_to(base.resolve())) if _inside(path, base) else path.name
        entry = manifest.get(rel) if base == corpus else None
        seen_ids.add(doc_id)
        if path.suffix.lower() not in LOADERS:
            report.failed.append(Failure(rel, "unsupported", f"{rel}: unsupported file type"))
            continue
        raw = path.read_bytes()
        version = _fingerprint(raw, entry, settings)
        if doc_id in known and known[doc_id].get("doc_version") == version:
            report.unchanged.append(doc_id)
            continue
        todo.append((path, doc_id, version, entry))

    removed = [
        doc_id
        for doc_id, rec in known.items()
        if doc_id not in seen_ids and any(_inside(Path(rec.get("path", "")), r) for r in roots)
    ]
    if not todo and not removed and not rebuild:
        report.chunks = sum(len(r.get("chunk_ids", [])) for r in known.values())
        report.seconds = time.perf_counter() - started
        report.version = state.get("version", "")
        return report

    writer = IndexWriter(data_dir, settings.chroma_url, rebuild=rebuild)
    _index_files(todo, corpus, settings, writer, known, report, progress)
    for doc_id in removed:
        writer.remove_document(doc_id)
        report.removed.append(doc_id)
    report.version = writer.commit()
    report.chunks = sum(len(r.get("chunk_ids", [])) for r in writer.documents.values())
    report.seconds = time.perf_counter() - started
    return report


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _index_files(
    todo: list[tuple[Path, str, str, dict[str, Any] | None]],
    corpus: Path,
    settings: Settings,
    writer: IndexWriter,
    known: dict[str, Any],
    report: IngestReport,
    progress: bool,
) -> None:
    from tqdm import tqdm

    from assistant.embeddings import get_embedder

    max_bytes = int(settings.max_file_mb * 1024 * 1024)
    for path, doc_id, version, entry in tqdm(
        todo, desc="ingest", unit="file", disable=not progress or not todo, leave=False
    ):
        name = path.name
        try:
            loaded = load_document(path, max_bytes=max_bytes)
        except DocumentError as exc:
            report.failed.append(Failure(name, exc.reason, str(exc)))
            continue
        except Exception as exc:  # a parser bug must not sink the whole ingest
            report.failed.append(Failure(name, "corrupt", f"{name}: cannot be read ({exc})"))
            continue
        base = corpus if _inside(path, corpus) else path.parent
        text = loaded.full_text()
        meta = resolve_metadata(path, base, entry, loaded.title_hint, text)
        record = {
            "doc_id": doc_id,
            "doc_version": version,
            "path": str(path.resolve()),
            "source": str(path.resolve().relative_to(base.resolve())),
            "has_pages": loaded.has_pages,
            **meta,
        }
        chunks = make_chunks(loaded.blocks, record, settings.chunk_chars)
        record["glossary"] = [
            {
                "acronym": a,
                "expansion": e,
                "doc_id": doc_id,
                "title": meta["title"],
                "published": meta["published"],
            }
            for a, e in mine_glossary(text)
        ]
        embedder = get_embedder()
        chunk_vectors = embedder.encode([lexical_text(c.text, asdict(c.meta)) for c in chunks])
        # An item's number is for reading and asking by ("priority no. 3"), not meaning.
        sentence_vectors = embedder.encode([unnumbered(s) for c in chunks for s in c.sentences])
        writer.put_document(record, chunks, chunk_vectors, sentence_vectors, text)
        (report.updated if doc_id in known else report.added).append(doc_id)
