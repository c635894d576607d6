"""The one module that owns the index (Chroma + lexical index + chunk store + state).

Ingest writes through ``IndexWriter``; retrieval reads through ``IndexSnapshot``.
"""

from assistant.index.lexical import LexicalIndex, tokenize
from assistant.index.reader import DocumentInfo, IndexSnapshot, newest_key
from assistant.index.store import IndexWriter, lexical_text, read_state, year_bounds

__all__ = [
    "DocumentInfo",
    "IndexSnapshot",
    "IndexWriter",
    "LexicalIndex",
    "lexical_text",
    "newest_key",
    "read_state",
    "tokenize",
    "year_bounds",
]
