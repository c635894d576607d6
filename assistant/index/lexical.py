"""The lexical half of the index: BM25 over chunk texts (bm25s, sparse matrices).

Kept beside the Chroma store and rebuilt by the same ingest commit, so the two never disagree
about which chunks exist.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path

import numpy as np


@lru_cache(maxsize=1)
def _bm25s():  # type: ignore[no-untyped-def]
    """Imported on first use; bm25s sets its own logger to DEBUG on import, so quieten it after."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def stem_word(word: str) -> str:
    """The lexical index's stem of one word (how search sees "escalate" and "escalated")."""
    return _stemmer().stemWord(word.lower())


_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")


def tokenize(texts: list[str], query: bool = False) -> list[list[str]]:
    """Stemmed, lower-cased tokens without English stopwords. In a query a hyphenated word
    also counts written solid, so "e-learning" finds "eLearning" and "multi-agency" finds
    "multiagency" (documents are indexed as written)."""
    joined = [_HYPHENATED.sub(r"\1-\2 \1\2", t) for t in texts] if query else texts
    tokens = _bm25s().tokenize(
        joined, stopwords="en", stemmer=_stemmer(), return_ids=False, show_progress=False
    )
    return [list(t) for t in tokens]


class LexicalIndex:
    """BM25 scores for every chunk, addressed by chunk id."""

    def __init__(self, ids: list[str], retriever) -> None:  # type: ignore[no-untyped-def]
        self.ids = ids
        self._retriever = retriever
        self.vocab: set[str] = set(retriever.vocab_dict.keys()) if retriever is not None else set()

    @classmethod
    def build(cls, ids: list[str], texts: list[str]) -> LexicalIndex:
        bm25s = _bm25s()
        if not ids:
            return cls([], None)
        retriever = bm25s.BM25(k1=1.2, b=0.75)
        retriever.index(tokenize(texts), show_progress=False)
        return cls(list(ids), retriever)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "ids.json").write_text(json.dumps(self.ids))
        if self._retriever is not None:
            self._retriever.save(str(folder / "bm25"))

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        bm25s = _bm25s()
        ids = json.loads((folder / "ids.json").read_text())
        if not ids:
            return cls([], None)
        retriever = bm25s.BM25.load(str(folder / "bm25"), mmap=False)
        return cls(ids, retriever)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk for the query tokens (unknown tokens are ignored)."""
        known = [t for t in tokens if t in self.vocab]
        if self._retriever is None or not known:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._retriever.get_scores(known), dtype=np.float32)
