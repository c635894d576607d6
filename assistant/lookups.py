"""Per-snapshot lookups that query planning and answering share, built once per index version."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.compose import content_words
from assistant.compose.acronyms import asked_acronym
from assistant.index import IndexSnapshot, tokenize

SYNONYMS_FILE = Path(__file__).with_name("synonyms.yaml")


@lru_cache(maxsize=1)
def load_synonyms() -> dict[str, list[str]]:
    """Practitioners' shorthand -> the documents' terms (``synonyms.yaml``)."""
    raw = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8")) or {}
    return {str(k).lower(): [str(v) for v in vs] for k, vs in raw.items()}


def usable_synonyms(table: dict[str, list[str]], vocab: set[str]) -> dict[str, list[str]]:
    """Only alternatives whose every word the corpus uses: others cannot help the search.

    >>> usable_synonyms({"front door": ["MASH", "Gateway"]}, {"mash"})
    {'front door': ['MASH']}
    """
    out: dict[str, list[str]] = {}
    for phrase, alternatives in table.items():
        kept = [a for a in alternatives if all(t in vocab for t in tokenize([a])[0] or ["-"])]
        if kept:
            out[phrase] = kept
    return out


class Lookups:
    """Built once per snapshot (an ingest publishes a new one): the glossary map, word
    statistics for typo repair and sentence scoring, and the synonyms the corpus can use."""

    def __init__(self, snap: IndexSnapshot) -> None:
        self.glossary_map: dict[str, list[str]] = {}
        self.glossary_entries = snap.glossary
        common = _common_acronyms(snap)
        self.unsearched = frozenset(_own_names(snap))
        for e in snap.glossary:
            if e["acronym"] in common:
                continue  # the partnership's own name is in every chunk: expanding it is noise
            key = e["acronym"].upper().rstrip("S") if e["acronym"].endswith("s") else e["acronym"]
            for k in dict.fromkeys((e["acronym"], key)):  # ordered: same in every process
                if e["expansion"] not in self.glossary_map.setdefault(k, []):
                    self.glossary_map[k].append(e["expansion"])
        vocabulary: set[str] = set()
        df: Counter[str] = Counter()
        for c in snap.chunks.values():
            df.update(content_words(c.text))
        n = max(len(snap.chunks), 1)
        unseen = math.log(n + 1) + 1.0
        idf_table = {w: math.log((n + 1) / (f + 1)) + 1.0 for w, f in df.items()}
        self.idf = lambda w: idf_table.get(w, unseen)
        texts = [f"{c.meta.title} {c.meta.section} {c.text}" for c in snap.chunks.values()]
        self.corpus_text = " ".join(texts).lower()
        self.known_tokens = set(re.findall(r"[a-z0-9][a-z0-9'’&-]*", self.corpus_text))
        self.known_tokens |= {t.strip("'’") for t in self.known_tokens}
        self.known_tokens |= {e["expansion"].lower() for e in snap.glossary}
        for c in snap.chunks.values():
            vocabulary.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", c.text))
            vocabulary.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", c.meta.section))
        self.vocabulary: tuple[str, ...] = tuple(sorted(vocabulary))  # sorted: deterministic
        self.vocabulary_set = frozenset(vocabulary)
        self.word_count: Counter[str] = Counter(
            w.lower() for c in snap.chunks.values() for w in re.findall(r"[A-Za-z]{4,}", c.text)
        )
        self.synonyms = usable_synonyms(load_synonyms(), snap.lexical.vocab)
        self.initialisms = {
            k: v
            for k, v in initialisms(c.text for c in snap.chunks.values()).items()
            if k.lower() not in self.known_tokens and k not in self.glossary_map
        }
        # Words the documents write in lower case somewhere: a capitalised pair of words that
        # are never written so ("Lisa Lyons", not "Business Manager") is a proper name.
        self.lower_words = frozenset(
            w for c in snap.chunks.values() for w in re.findall(r"\b[a-z][a-z'’-]+\b", c.text)
        )

    def spellings(self, question: str) -> tuple[str, list[dict[str, str]]]:
        """The acronym a question asks to have spelt out, and the glossary's entries for it."""
        acronym = asked_acronym(question)
        if acronym is None:
            return "", []
        keys = {acronym, acronym.removesuffix("s")}
        return acronym, [e for e in self.glossary_entries if e["acronym"] in keys]


_NAME = re.compile(
    r"\b(?!(?:The|This|These|That|Our|In|We|It|All|An?)\b)[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}\b"
)


def initialisms(texts: Iterable[str], min_count: int = 3) -> dict[str, list[str]]:
    """Names the documents write often, by their initials ("WT": Working Together): shorthand
    a reader uses that no document defines. Most frequent first.

    >>> initialisms(["Working Together says", "under Working Together.", "Working Together"])
    {'WT': ['Working Together']}
    """
    counts: Counter[str] = Counter()
    for text in texts:
        for match in _NAME.finditer(text):
            words = match.group(0).split()
            for n in range(2, len(words) + 1):
                counts.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    out: dict[str, list[str]] = {}
    for name, n in counts.most_common():
        if n >= min_count:
            out.setdefault("".join(w[0] for w in name.split()), []).append(name)
    return out


def _common_acronyms(snap: IndexSnapshot) -> set[str]:
    """Acronyms found in more than a fifth of all chunks."""
    acronyms = {e["acronym"] for e in snap.glossary}
    total = max(len(snap.chunks), 1)
    counts = {a: sum(1 for c in snap.chunks.values() if a in c.text) for a in acronyms}
    return {a for a, n in counts.items() if n / total > 0.2}


def _own_names(snap: IndexSnapshot) -> set[str]:
    """The expansions of acronyms in documents' titles: the partnership's own names. Searched
    for, they pull towards sentences that only name it ("The arrangement is referred to as
    the OSCB"); the acronym itself is searched as written."""
    titles = " ".join(i.title for i in snap.documents.values())
    return {e["expansion"] for e in snap.glossary if re.search(rf"\b{e['acronym']}\b", titles)}
