"""Chunks that follow the document's structure.

A chunk never crosses a section boundary; paragraphs are packed up to ``chunk_chars``; a list
or table stays whole when it fits in twice that; a paragraph longer than the target is split
between sentences (langchain's RecursiveCharacterTextSplitter, sentence separators first).
A chunk that opens in the middle of a list or paragraph records what introduced it
(``ChunkMeta.lead_in``), which is searched with it.
"""

from __future__ import annotations

import re

from assistant.textutil import sha256, split_sentences
from assistant.types import Chunk, ChunkMeta
from ingest.model import Block


def _split_long(text: str, size: int) -> list[str]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size,
        chunk_overlap=0,
        separators=["\n", ". ", "; ", ", ", " "],
        keep_separator="end",
    )
    return [part.strip() for part in splitter.split_text(text) if part.strip()]


def _pieces(block: Block, size: int) -> list[str]:
    if len(block.text) <= size or (block.kind in ("list", "table") and len(block.text) <= 2 * size):
        return [block.text]
    return _split_long(block.text, size)


_LEAD_IN_CHARS = 300


def _sentences_within(text: str, last: bool = False) -> str:
    """A paragraph's first (or ``last``) sentences, up to ``_LEAD_IN_CHARS``: its topic, or
    the introduction a list follows."""
    sentences = split_sentences(text)
    kept: list[str] = []
    for sentence in reversed(sentences) if last else sentences:
        if kept and sum(len(k) + 1 for k in kept) + len(sentence) > _LEAD_IN_CHARS:
            break
        kept.append(sentence)
    return " ".join(reversed(kept) if last else kept)


_SHOWS = re.compile(r":$|\b(below|following)\b", re.I)


def _table_intro(text: str) -> str:
    """The paragraph that says what a table shows: the last of the three before it that
    ends with a colon or speaks of "the figure below", else the last one."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()][-3:]
    chosen = next((p for p in reversed(paragraphs) if _SHOWS.search(p)), paragraphs[-1])
    return _sentences_within(chosen, last=True)


def _lead_in(previous: Chunk | None, section: str, text: str) -> str:
    """A chunk that opens in the middle of a list keeps the paragraph that introduced it
    ("The key themes identified include:"), which the chunk before holds: without it the
    items lose their subject, for search and for the answer. A table keeps the paragraph
    before it ("The figure below provides a breakdown of agencies ... attending training")."""
    if previous is None or previous.meta.section != section:
        return ""
    last = previous.text.rsplit("\n\n", 1)[-1].strip()
    if "\t" in text.split("\n", 1)[0]:  # a table: what the paragraph before says it shows
        return previous.meta.lead_in if "\t" in last else _table_intro(previous.text)
    if not text.startswith("- "):
        return ""
    if last.endswith(":"):
        return _sentences_within(last, last=True)
    if last.startswith("- "):
        return previous.meta.lead_in  # the same list goes on
    return ""


def section_paths(blocks: list[Block]) -> list[str]:
    """The heading path in force at each block (" > "-joined)."""
    stack: list[tuple[int, str]] = []
    paths = []
    for block in blocks:
        if block.kind == "heading":
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            stack.append((block.level, block.text))
        paths.append(" > ".join(text for _, text in stack))
    return paths


def make_chunks(blocks: list[Block], doc: dict, chunk_chars: int) -> list[Chunk]:
    """Chunks with full metadata; ids are deterministic for a given document version."""
    chunks: list[Chunk] = []
    parts: list[str] = []
    part_page: int | None = None
    current_section = ""
    opening = ""  # the first sentences of the paragraph a chunk opens in the middle of

    def emit() -> None:
        nonlocal parts, part_page, opening
        text = "\n\n".join(parts).strip()
        if text:
            position = len(chunks)
            meta = ChunkMeta(
                doc_id=doc["doc_id"],
                title=doc["title"],
                doc_type=doc["doc_type"],
                published=doc["published"],
                period=doc["period"],
                section=current_section,
                page=part_page,
                position=position,
                content_hash=sha256(text)[:16],
                doc_version=doc["doc_version"],
                publisher=doc.get("publisher", ""),
                inferred=doc.get("inferred", ""),
                lead_in=opening or _lead_in(chunks[-1] if chunks else None, current_section, text),
            )
            chunk_id = f"{doc['doc_id']}:{doc['doc_version'][:12]}:{position:04d}"
            chunks.append(Chunk(id=chunk_id, text=text, meta=meta, sentences=split_sentences(text)))
        parts, part_page, opening = [], None, ""

    for block, path in zip(blocks, section_paths(blocks), strict=True):
        if block.kind == "heading":
            emit()
            current_section = path
            continue
        pieces = _pieces(block, chunk_chars)
        for i, piece in enumerate(pieces):
            size = sum(len(p) + 2 for p in parts)
            if parts and size + len(piece) > chunk_chars:
                emit()
            if not parts:
                part_page = block.page
                if i > 0 and block.kind == "paragraph":
                    opening = _sentences_within(pieces[0])
            parts.append(piece)
    emit()
    return chunks
