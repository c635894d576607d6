"""Plain text and Markdown: structure is recovered by ``ingest.structure``."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import DocumentError
from ingest.model import LoadedDocument
from ingest.structure import text_to_blocks


def read_text_file(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise DocumentError("corrupt", f"{path.name} looks like a binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _load(path: Path, markdown: bool) -> LoadedDocument:
    text = read_text_file(path)
    blocks = text_to_blocks(text, markdown=markdown)
    first_heading = next((b.text for b in blocks if b.kind == "heading"), "")
    return LoadedDocument(blocks=blocks, title_hint=first_heading)


def load_text(path: Path) -> LoadedDocument:
    return _load(path, markdown=False)


def load_markdown(path: Path) -> LoadedDocument:
    return _load(path, markdown=True)
