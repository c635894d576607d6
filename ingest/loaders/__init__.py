"""Loaders by file extension. Each takes a path and returns a ``LoadedDocument`` or raises
``DocumentError(reason, message)`` with one of the reasons in ``REASONS``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assistant.errors import DocumentError
from ingest.loaders.text import load_markdown, load_text
from ingest.model import LoadedDocument

Loader = Callable[[Path], LoadedDocument]

REASONS = {
    "corrupt": "the file is damaged or not what its extension says",
    "encrypted": "the file is password-protected",
    "empty": "the file has no text",
    "image_only": "the file has no extractable text (scanned images?): it needs OCR first",
    "oversized": "the file is larger than the max_file_mb setting",
    "unsupported": "no loader for this kind of file",
}


def _lazy(module: str, name: str) -> Loader:
    """Import heavy parsers (pypdf, bs4, python-docx) only when such a file turns up."""

    def load(path: Path) -> LoadedDocument:
        from importlib import import_module

        return getattr(import_module(module), name)(path)

    return load


LOADERS: dict[str, Loader] = {
    ".txt": load_text,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".pdf": _lazy("ingest.loaders.pdf", "load_pdf"),
    ".html": _lazy("ingest.loaders.html", "load_html"),
    ".htm": _lazy("ingest.loaders.html", "load_html"),
    ".docx": _lazy("ingest.loaders.docx", "load_docx"),
}


def load_document(path: Path, max_bytes: int | None = None) -> LoadedDocument:
    """Load any supported file, enforcing the size limit and the no-text rules."""
    if max_bytes is not None and path.stat().st_size > max_bytes:
        raise DocumentError(
            "oversized",
            f"{path.name} is {path.stat().st_size / 1e6:.1f} MB, over the limit of "
            f"{max_bytes / 1e6:.1f} MB (setting max_file_mb)",
        )
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise DocumentError(
            "unsupported",
            f"{path.name}: unsupported file type {path.suffix or '(none)'}; "
            f"supported: {', '.join(sorted(LOADERS))}",
        )
    doc = loader(path)
    if not any(b.text.strip() for b in doc.blocks):
        raise DocumentError("empty", f"{path.name} has no text")
    return doc
