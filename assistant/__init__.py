"""Safeguarding assistant: answers from a partnership's own documents, with cited sources.

Public API: ``open_assistant()`` returns an ``Assistant`` with ``ask``, ``stream``,
``retrieve``, ``documents``, ``document_text``, ``chunks`` and ``glossary``.
"""

from assistant.core import Assistant, open_assistant
from assistant.errors import AssistantError, IndexMissingError, ProviderError, SettingsError
from assistant.index import DocumentInfo
from assistant.retrieval import Filters
from assistant.types import Answer, Chunk, ChunkMeta, Citation, Notice

__all__ = [
    "Answer",
    "Assistant",
    "AssistantError",
    "Chunk",
    "ChunkMeta",
    "Citation",
    "DocumentInfo",
    "Filters",
    "IndexMissingError",
    "Notice",
    "ProviderError",
    "SettingsError",
    "open_assistant",
]
