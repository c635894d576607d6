"""Evaluation metrics: plain functions on plain data, each with a doctest example.

Text matching conventions (used everywhere in the evals):

* ``normalise`` collapses whitespace, lower-cases and folds typographic quotes and dashes, so a
  quote copied from a PDF matches the loader's text whatever the line breaks.
* Evidence is *found* in a passage when the normalised quote is a substring of the normalised
  passage, or, because quotes may straddle chunk boundaries, when the passage contains any
  ``WINDOW`` consecutive words of the quote (only for quotes longer than ``WINDOW`` words).
* A *fact* (``must_include`` item) is a list of acceptable alternatives; it is present when any
  alternative is a normalised substring of the answer.

Functions return ``None`` when a figure is undefined (no evidence, no unanswerable cases, ...);
aggregations skip ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from evals.rates import (  # noqa: F401  (part of this module's interface: ``m.abstention_recall``)
    abstention_precision,
    abstention_recall,
    escalation_false_positive_rate,
    escalation_recall,
)

WINDOW = 12
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_FOLD.update({0xA0: " ", 0xAD: None})
_MARKER = re.compile(r"\[\d+(?:\s*[,-]\s*\d+)*\]")
_FIGURE = re.compile(r"(?<![\w])[£$]?\d[\d,.:/-]*%?")


def normalise(text: str) -> str:
    """Lower-case, fold typographic quotes/dashes, collapse whitespace.

    >>> normalise("  The ‘Screening\\n  Tool’  ")
    "the 'screening tool'"
    """
    return " ".join(text.translate(_FOLD).lower().split())


def evidence_found(quote: str, passage: str, window: int = WINDOW) -> bool:
    """Whether ``passage`` holds ``quote`` (whole, or any ``window`` consecutive words of it).

    >>> evidence_found("Red  enquiries are completed within 24 hours", "... red enquiries are "
    ...                "completed within 24 hours of contact.")
    True
    >>> long = " ".join(f"w{i}" for i in range(20))
    >>> evidence_found(long, "text ending " + " ".join(f"w{i}" for i in range(12)), window=12)
    True
    >>> evidence_found(long, "only w0 w1 w2", window=12)
    False
    """
    q, p = normalise(quote), normalise(passage)
    if not q:
        return False
    if q in p:
        return True
    words = q.split()
    if len(words) <= window:
        return False
    return any(" ".join(words[i : i + window]) in p for i in range(len(words) - window + 1))


def evidence_ranks(quotes: Sequence[str], passages: Sequence[str]) -> list[int | None]:
    """For each quote, the 0-based rank of the first passage holding it (``None``: not found).

    >>> evidence_ranks(["alpha beta", "gamma"], ["x", "the gamma ray", "Alpha  Beta"])
    [2, 1]
    >>> evidence_ranks(["missing"], [])
    [None]
    """
    ranks: list[int | None] = []
    for quote in quotes:
        ranks.append(next((i for i, p in enumerate(passages) if evidence_found(quote, p)), None))
    return ranks


def evidence_recall_at_k(ranks: Sequence[int | None], k: int) -> float | None:
    """Share of evidence quotes found in the top ``k`` passages; ``None`` without evidence.

    >>> evidence_recall_at_k([0, 4, None], 3)
    0.3333333333333333
    >>> evidence_recall_at_k([0, 4, None], 5)
    0.6666666666666666
    >>> evidence_recall_at_k([], 5) is None
    True
    """
    if not ranks:
        return None
    return sum(1 for r in ranks if r is not None and r < k) / len(ranks)


def reciprocal_rank(ranks: Sequence[int | None]) -> float | None:
    """1 / (1 + rank of the first passage holding any evidence); 0 if none; ``None`` without
    evidence. The mean over cases is the MRR.

    >>> reciprocal_rank([None, 2])
    0.3333333333333333
    >>> reciprocal_rank([None])
    0.0
    """
    if not ranks:
        return None
    found = [r for r in ranks if r is not None]
    return 1.0 / (1 + min(found)) if found else 0.0


def source_precision_at_k(
    sources: Sequence[str], retrieved_doc_ids: Sequence[str], k: int
) -> float | None:
    """Share of the top ``k`` retrieved passages that come from an expected source.

    Fewer than ``k`` retrieved: the share of those there are. ``None`` when no source is
    expected or nothing was retrieved.

    >>> source_precision_at_k(["a"], ["a", "b", "a", "c"], 2)
    0.5
    >>> source_precision_at_k(["a"], ["a"], 10)
    1.0
    >>> source_precision_at_k([], ["a"], 3) is None
    True
    """
    top = list(retrieved_doc_ids)[:k]
    if not sources or not top:
        return None
    wanted = set(sources)
    return sum(1 for d in top if d in wanted) / len(top)


def newest_sources(sources: Sequence[str], doc_dates: Mapping[str, str]) -> list[str]:
    """The expected sources with the newest date (several when tied at it).

    Dates are the assistant's sort dates (``DocumentInfo.sort_date``: ISO dates of known
    precision, compared as strings, so ``"2018" < "2018-06" < "2020"``); a source without a
    known date counts as the oldest.

    >>> newest_sources(["plan-2018", "report-2025", "undated"],
    ...                {"plan-2018": "2018-06", "report-2025": "2025-07-02", "undated": ""})
    ['report-2025']
    >>> newest_sources(["a", "b"], {})
    ['a', 'b']
    """
    if not sources:
        return []
    newest = max(doc_dates.get(s, "") or "" for s in sources)
    return [s for s in sources if (doc_dates.get(s, "") or "") == newest]


def newest_in_top_k(
    sources: Sequence[str],
    doc_dates: Mapping[str, str],
    retrieved_doc_ids: Sequence[str],
    k: int = 3,
) -> bool | None:
    """Whether the newest expected source (``newest_sources``) is the document of one of the
    top ``k`` retrieved passages; ``None`` when no source is expected. Nothing retrieved is a
    miss.

    >>> dates = {"old": "2018-06", "new": "2025-07-02"}
    >>> newest_in_top_k(["old", "new"], dates, ["old", "new", "x", "y"])  # hit at rank 2
    True
    >>> newest_in_top_k(["old", "new"], dates, ["old", "x", "old", "new"])  # only the older one
    False
    >>> newest_in_top_k(["new"], dates, ["x", "x", "y", "new"])  # newest at rank 4
    False
    >>> newest_in_top_k([], dates, ["new"]) is None
    True
    """
    if not sources:
        return None
    return bool(set(newest_sources(sources, doc_dates)) & set(list(retrieved_doc_ids)[:k]))


def _contains_any(text: str, alternatives: Sequence[str]) -> bool:
    norm = normalise(text)
    return any(normalise(a) and normalise(a) in norm for a in alternatives)


def missing_facts(answer: str, must_include: Sequence[Sequence[str]]) -> list[list[str]]:
    """The facts (lists of alternatives) of which no alternative is in the answer.

    >>> missing_facts("Completed within 24 HOURS.", [["24 hours", "one day"], ["MASH"]])
    [['MASH']]
    """
    return [list(f) for f in must_include if not _contains_any(answer, f)]


def key_fact_recall(answer: str, must_include: Sequence[Sequence[str]]) -> float | None:
    """Share of key facts present in the answer; ``None`` when the case lists none.

    >>> key_fact_recall("The MASH completes red enquiries in 24 hours", [["24 hours"], ["MASH"],
    ...                 ["strategy discussion"]])
    0.6666666666666666
    >>> key_fact_recall("anything", []) is None
    True
    """
    if not must_include:
        return None
    return (len(must_include) - len(missing_facts(answer, must_include))) / len(must_include)


def forbidden_found(answer: str, must_not_include: Sequence[str | Sequence[str]]) -> list[str]:
    """The forbidden claims (strings, or lists of alternatives) that the answer makes.

    >>> forbidden_found("Richard Simpson chairs the board.", ["Richard Simpson chairs", "x"])
    ['Richard Simpson chairs']
    """
    found: list[str] = []
    for item in must_not_include:
        alternatives = [item] if isinstance(item, str) else list(item)
        found.extend(a for a in alternatives if a and normalise(a) in normalise(answer))
    return found


def fully_correct(
    answer: str,
    abstained: bool,
    must_include: Sequence[Sequence[str]],
    must_not_include: Sequence[str | Sequence[str]] = (),
) -> bool:
    """An answerable case is fully correct when answered with every fact and nothing forbidden.

    >>> fully_correct("Within 24 hours.", False, [["24 hours"]], ["48 hours"])
    True
    >>> fully_correct("Within 24 hours.", True, [["24 hours"]])
    False
    """
    return (
        not abstained
        and not missing_facts(answer, must_include)
        and not forbidden_found(answer, must_not_include)
    )


def _figure_parts(figure: str) -> set[str]:
    """A figure's pieces between ``-`` and ``/`` (dates, ranges), also without leading zeros."""
    parts = {figure, *re.split(r"[-/]", figure)}
    return {p for p in parts | {p.lstrip("0") for p in parts} if p}


def invented_figures(answer: str, allowed_text: str = "") -> list[str]:
    """Figures (numbers, phone numbers, dates) in an answer that ``allowed_text`` (the question,
    document titles and dates, configured contacts) does not contain. A figure is allowed whole,
    or when each of its date/range pieces is allowed. Citation markers ``[n]`` are ignored.

    >>> invented_figures("I could not find that [1]. Call 01865 123456.", "in 2024?")
    ['01865', '123456']
    >>> invented_figures("Nothing on 2024 in Annual Report (2 July 2025).", "in 2024? 2025-07-02")
    []
    """
    allowed: set[str] = set()
    for match in _FIGURE.finditer(allowed_text):
        allowed |= _figure_parts(match.group().rstrip(".,:/-"))

    def known(figure: str) -> bool:
        pieces = [p for p in re.split(r"[-/]", figure) if p]
        return (
            bool(_figure_parts(figure) & allowed)
            if len(pieces) == 1
            else all(_figure_parts(p) & allowed for p in pieces)
        )

    figures = (m.group().rstrip(".,:/-") for m in _FIGURE.finditer(_MARKER.sub(" ", answer)))
    return [f for f in figures if f and f not in allowed and not known(f)]


_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_ATTRIBUTION = re.compile(r"^[^.!?\n]*?\b(?:according to|said)\b[^.!?\n]*?:\s*", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The answer split into sentences (at ., ! or ? with their citation markers, or a line
    break), bullets and attribution lead-ins ("According to <document>:") removed.

    >>> sentences("According to the Plan (2020): Pupils are safer in school [1]. So\\n- attend [2]")
    ['Pupils are safer in school [1].', 'So', 'attend [2]']
    """
    out = []
    for match in re.finditer(
        r".+?(?:[.!?](?:\s*\[\d+(?:\s*[,-]\s*\d+)*\])*(?=\s|$)|(?=\n)|$)", text, re.DOTALL
    ):
        sentence = _ATTRIBUTION.sub("", _BULLET.sub("", match.group().strip()))
        if sentence.strip():
            out.append(sentence.strip())
    return out


def first_sentence(text: str) -> str:
    """The answer's leading statement: its first sentence carrying a citation marker (lead-ins
    and hedges like "The documents do not answer yes or no directly." carry none), else its
    first sentence.

    >>> first_sentence("Working Together 2023 applies [1]. Earlier it was 2018 [2].")
    'Working Together 2023 applies [1].'
    >>> first_sentence("No direct answer. According to the OSCP Report (2025):\\n- It is 2023 [1]")
    'It is 2023 [1]'
    >>> first_sentence("Figures: 3.5 per cent\\nmore")
    'Figures: 3.5 per cent'
    """
    parts = sentences(text)
    return next((p for p in parts if _MARKER.search(p)), parts[0] if parts else "")


def lead_correct(answer: str, lead: Sequence[str]) -> bool | None:
    """Whether one of the ``lead`` alternatives is in the leading statement (``first_sentence``);
    ``None`` without lead.

    >>> lead_correct("The 2023 edition is followed [1]. It replaced 2018.", ["2023"])
    True
    >>> lead_correct("In 2018 it was ... Now it is 2023.", ["2023"])
    False
    """
    if not lead:
        return None
    return _contains_any(first_sentence(answer), lead)


def citation_problems(
    citations: Sequence[tuple[str, str]],
    doc_texts: dict[str, str],
    expected_sources: Sequence[str] = (),
) -> list[str]:
    """What is wrong with an answer's citations, given as (doc_id, quote) pairs: quotes not in
    the cited document (an ellipsis may join fragments), unknown documents, no citation of an
    expected source (checked only when sources are expected), no citation at all.

    >>> docs = {"a": "The board meets\\nfour times a year.", "b": "Other text."}
    >>> citation_problems([("a", "meets four times")], docs, ["a"])
    []
    >>> citation_problems([("b", "meets four times")], docs, ["a"])
    ['quote not in b: meets four times', 'no citation of an expected source (a)']
    """
    if not citations:
        return ["no citation"]
    problems: list[str] = []
    for doc_id, quote in citations:
        if doc_id not in doc_texts:
            problems.append(f"unknown document {doc_id}")
            continue
        text = normalise(doc_texts[doc_id])
        fragments = [f for f in re.split(r"…|\.\.\.", normalise(quote)) if f.strip(" .,;")]
        if not fragments or any(f.strip() not in text for f in fragments):
            problems.append(f"quote not in {doc_id}: {quote[:80]}")
    if expected_sources and not {d for d, _ in citations} & set(expected_sources):
        problems.append(f"no citation of an expected source ({', '.join(expected_sources)})")
    return problems


def citation_correct(
    citations: Sequence[tuple[str, str]],
    doc_texts: dict[str, str],
    expected_sources: Sequence[str] = (),
) -> bool:
    """Every cited quote is really in its document and one citation is an expected source.

    >>> citation_correct([("a", "four times")], {"a": "Four  times a year"}, ["a"])
    True
    >>> citation_correct([], {"a": "x"}, ["a"])
    False
    """
    return not citation_problems(citations, doc_texts, expected_sources)


def word_count(text: str) -> int:
    """Words in an answer, citation markers excluded.

    >>> word_count("Within 24 hours [1] of contact [2].")
    5
    """
    return sum(1 for w in _MARKER.sub(" ", text).split() if re.search(r"\w", w))
