"""The default answerer: an answer composed of the documents' own sentences, each cited.

No LLM, so nothing can be invented: numbers and names are exactly as written. Sentences are
scored against the question (stored sentence vectors + word overlap), the best few are kept,
lists are gathered whole, and the newest document leads unless the question names a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.answerer import AnswerRequest
from assistant.index import newest_key, year_bounds
from assistant.query import subject_terms
from assistant.textutil import paragraph_leads, words
from assistant.types import Answer, Chunk, Citation, Notice

_LIST_Q = re.compile(
    r"\b(priorities|subgroups|groups|list|which|what are|aims|areas|themes|"
    r"partners|members|actions|steps|changes|who are)\b",
    re.I,
)
_NUMBER_Q = re.compile(
    r"\b(how many|how much|number of|what percentage|what proportion|"
    r"what share|how often|figure|rate)\b",
    re.I,
)
_CONTACT_Q = re.compile(
    r"\b(phone|telephone|number to call|email|e-mail|address|contact details"
    r"|call)\b",
    re.I,
)
_MONEY_Q = re.compile(r"\b(budget|cost|spend|spent|funding|fund|£|money|contribution)\b", re.I)
_DATE_Q = re.compile(r"\b(what date|which date|when (is|will|does|was)|what day)\b", re.I)
_COMPARE_Q = re.compile(
    r"\b(changed?|compare[sd]?|comparison|difference|over time|"
    r"then and now|between \S+ and)\b",
    re.I,
)
_PRESENT_Q = re.compile(r"\b(now|currently|current|today|at present)\b", re.I)
_DATE_IN = re.compile(
    r"\b(\d{1,2}(st|nd|rd|th)?\s+(January|February|March|April|May|June|July|"
    r"August|September|October|November|December)|(January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\s+20\d\d)\b"
)
_ANAPHORA = re.compile(
    r"^(This|These|That|Those|It|They|Their|Such|He|She|In addition|"
    r"As a result)\b"
)
_PHONE = re.compile(r"\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\b999\b")
_NUMBER = re.compile(r"\d")
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "in",
    "on",
    "for",
    "to",
    "is",
    "are",
    "was",
    "were",
    "what",
    "who",
    "how",
    "when",
    "which",
    "does",
    "do",
    "did",
    "our",
    "we",
    "it",
    "this",
    # words of time intent, not of content ("how many live here now?")
    "now",
    "current",
    "currently",
    "still",
    "today",
    "latest",
    "recent",
    "recently",
}


@dataclass
class _Scored:
    chunk_rank: int
    chunk: Chunk
    index: int  # sentence index within the chunk
    text: str
    score: float
    overlap: float = 0.0
    topical: float = 0.0  # overlap counting the paragraph's topic too


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def content_words(text: str) -> set[str]:
    """Stemmed words that carry meaning (the unit of overlap and specificity scores)."""
    return {_stem(w) for w in words(text) if w not in _STOP and len(w) > 2}


_content = content_words


def short_title(title: str) -> str:
    return title.split(" (")[0].strip()


def date_label(published: str) -> str:
    return published or "date unknown"


class ExtractiveComposer:
    """Implements the ``Answerer`` protocol without any language model."""

    def __init__(
        self,
        abstain_threshold: float = 0.30,
        contact_hint: str = "",
        max_chunks: int = 8,
        max_sentences: int = 3,
    ) -> None:
        self.abstain_threshold = abstain_threshold
        self.contact_hint = contact_hint
        self.max_chunks = max_chunks
        self.max_sentences = max_sentences

    def stream(self, request: AnswerRequest, chunks: list[Chunk]) -> Iterator[str | Answer]:
        yield self.answer(request, chunks)

    def answer(self, request: AnswerRequest, chunks: list[Chunk]) -> Answer:
        unknown = request.extra.get("unknown") or []
        if unknown:
            return self._abstain(request, chunks, unknown)
        scored = self._score(request, chunks[: self.max_chunks])
        if (
            not scored
            or scored[0].score < self.abstain_threshold
            or self._near_miss(request, scored)
        ):
            return self._abstain(request, chunks)
        picked = self._select(request, scored)
        return self._render(request, picked)

    # -- scoring ---------------------------------------------------------------------------
    def _score(self, request: AnswerRequest, chunks: list[Chunk]) -> list[_Scored]:
        q_words = _content(request.question)
        idf = request.extra.get("idf") or (lambda w: 1.0)
        numeric = bool(_NUMBER_Q.search(request.question))
        titles = _title_overlap(request.question, chunks)
        recency = _recency(chunks)
        focus = _focus_word(request)
        wanted = _answer_type(request)
        asks_why = bool(re.match(r"\s*why\b", request.question, re.I))
        year_terms = re.findall(r"20\d\d(?:[-/]\d\d)?", request.question)
        asks_when = bool(
            _DATE_Q.search(request.question) or re.match(r"\s*when\b", request.question, re.I)
        )
        out: list[_Scored] = []
        for rank, chunk in enumerate(chunks):
            own = (
                q_words - content_words(chunk.meta.title)
                if titles.get(chunk.meta.doc_id)
                else q_words
            )  # words that only name the document are no evidence of an answer
            own_weight = sum(idf(w) for w in own) or 1.0
            # A sentence inherits its passage's topic ("They have escalated..." in a paragraph
            # about the Health Advisory Group).
            leads = _paragraph_leads(chunk)
            vectors = (
                request.sentence_vectors(chunk.id) if request.sentence_vectors is not None else None
            )
            for i, sentence in enumerate(chunk.sentences):
                if len(sentence.split()) < 3 and not sentence.startswith("- "):
                    continue
                sim = (
                    float(vectors[i] @ request.query_vector)
                    if vectors is not None and len(vectors) > i
                    else 0.0
                )
                words_here = _content(sentence)
                direct = sum(idf(w) for w in own & words_here) / own_weight
                context = content_words(chunk.meta.section) | content_words(leads[i])
                inherited = sum(idf(w) for w in own & (words_here | context)) / own_weight
                overlap = 0.6 * direct + 0.4 * inherited
                score = 0.55 * sim + 0.35 * overlap - 0.012 * rank
                if len(sentence.split()) < 7:
                    score -= 0.12  # fragments ("- Neglect") match words but say little
                if numeric and _has_figure(sentence, request.years):
                    score += 0.06
                if year_terms and any(t in sentence for t in year_terms):
                    score += 0.06
                if asks_when and _DATE_IN.search(sentence):
                    score += 0.06
                if wanted is not None and wanted(sentence):
                    score += 0.04  # holds the kind of thing asked for (a name, a date, a figure)
                if focus and focus in words_here:
                    score += 0.08  # the question's own key word, not just its names
                if asks_why and _REASON.search(sentence):
                    score += 0.05
                score += 0.06 * titles.get(chunk.meta.doc_id, 0.0)
                if request.time_intent == "current":
                    score += 0.04 * recency.get(chunk.meta.doc_id, 0.0)
                elif request.years and _covers(chunk, request.years):
                    score += 0.05
                out.append(_Scored(rank, chunk, i, sentence, score, overlap, inherited))
        out.sort(key=lambda s: -s.score)
        return out

    def _near_miss(self, request: AnswerRequest, scored: list[_Scored]) -> bool:
        """The topic is there but the asked-for detail is not: abstain rather than guess."""
        q = request.question
        top = [s.text for s in scored[:4]]
        if _CONTACT_Q.search(q) and re.search(r"\b(phone|number|email|call|contact)\b", q, re.I):
            if not any(_PHONE.search(t) or "@" in t for t in top):
                return True
        if _MONEY_Q.search(q) and _NUMBER_Q.search(q) or re.search(r"\bbudget\b", q, re.I):
            if not any("£" in t for t in top):
                return True
        if _NUMBER_Q.search(q):
            asked = _question_numbers(q, request.years)
            if not any(
                _has_figure(s.text, request.years)
                and max(s.overlap, s.topical - 0.1) >= 0.35
                and all(n in s.text for n in asked)  # "aged 19 to 21" is not "16-17"
                and (
                    not request.years
                    or _covers(s.chunk, request.years)
                    or any(str(y) in s.text for y in range(request.years[0], request.years[1] + 1))
                )
                for s in scored[:10]
            ):
                return True  # no figure that answers this question (for that time): no guess
        if _DATE_Q.search(q):
            rare = _rarest(request, q, 2)
            named = (
                [str(y) for y in range(*request.years)] + [str(request.years[1])]
                if request.years
                else []
            )
            if not any(
                _DATE_IN.search(x.text)
                and (not rare or any(w in _content(x.text) for w in rare))
                and (not named or any(y in x.text for y in named))  # the year asked about
                for x in scored[:6]
            ):
                return True  # no date on this topic in the documents: never guess one
        names = _person_names(q)
        if names:
            corpus_text = " ".join(s.chunk.text for s in scored[:20]).lower()
            if not all(n.lower() in corpus_text for n in names):
                return True
        return False

    # -- selection ---------------------------------------------------------------------------
    def _select(self, request: AnswerRequest, scored: list[_Scored]) -> list[_Scored]:
        best = self._lead(request, scored)
        picked = [best]
        wants_list = bool(_LIST_Q.search(request.question))
        picked.extend(self._list_after(best))
        by_key = {(x.chunk.id, x.index): x for x in scored}
        after = by_key.get((best.chunk.id, best.index + 1))
        asks_when = bool(
            re.match(r"\s*when\b", request.question, re.I) or _DATE_Q.search(request.question)
        )
        if (
            after
            and not after.text.startswith("- ")
            and (
                len(best.text.split()) < 14
                or after.score >= scored[0].score - 0.2
                or _ANAPHORA.match(after.text)
                or (asks_when and not _DATE_IN.search(best.text) and _DATE_IN.search(after.text))
                or (
                    _NUMBER_Q.search(request.question)
                    and not _has_figure(best.text, request.years)
                    and _has_figure(after.text, request.years)
                )
            )
        ):
            picked.append(after)  # the sentence that completes a short lead
        before = by_key.get((best.chunk.id, best.index - 1))
        if (
            before
            and _ANAPHORA.match(best.text.removeprefix("- "))
            and (best.text.startswith("- ") or not before.text.startswith("- "))
        ):
            picked.insert(0, before)  # "This is an increase on..." needs what "this" is
        if request.yes_no:
            claim = _claim_terms(request.question)
            if claim and not all(t in best.text for t in claim):
                said = next((x for x in scored if all(t in x.text for t in claim)), None)
                if said is not None and said not in picked:
                    picked.append(said)  # where the claim was true, to show what changed
        wanted = _answer_type(request)
        if wanted and not wanted(picked[0].text):
            typed = next((p for p in picked[1:] if wanted(p.text)), None)
            if typed is not None:  # the sentence that holds the asked-for name/date/figure leads
                picked.remove(typed)
                picked.insert(0, typed)
        time_refs = set(re.findall(r"20\d\d(?:[-/]\d\d)?", request.question))
        if (
            _COMPARE_Q.search(request.question)
            or (request.years and _PRESENT_Q.search(request.question))
            or len(time_refs) >= 2
        ):
            for doc_best in self._best_per_document(scored, exclude=best.chunk.meta.doc_id):
                if not _redundant(doc_best.text, [p.text for p in picked]):
                    picked.append(doc_best)
            return picked
        budget = self.max_sentences
        for cand in scored[1:]:
            if len([p for p in picked if not p.text.startswith("- ")]) >= budget:
                break
            if cand.score < scored[0].score - 0.12 or _words(picked) > 70:
                break
            if any(p.chunk.id == cand.chunk.id and p.index == cand.index for p in picked):
                continue
            if _redundant(cand.text, [p.text for p in picked]):
                continue
            picked.append(cand)
            if wants_list:
                picked.extend(p for p in self._list_after(cand) if p not in picked)
        return picked

    def _best_per_document(self, scored: list[_Scored], exclude: str) -> list[_Scored]:
        """For "how has X changed" questions: the best sentence of each other document."""
        seen, out = {exclude}, []
        for cand in scored:
            if cand.score < scored[0].score - 0.15 or len(out) >= 2:
                break
            if cand.chunk.meta.doc_id not in seen:
                seen.add(cand.chunk.meta.doc_id)
                out.append(cand)
        return out

    def _lead(self, request: AnswerRequest, scored: list[_Scored]) -> _Scored:
        """For a question about now, the newest document among the near-best sentences leads;
        for a named year, a document of that time does."""
        margin = 0.15 if request.extra.get("explicit_present") else 0.03
        if request.yes_no and request.time_intent == "current":
            topical = _newest_on_topic(request.question, scored)
            if topical is not None:  # "is X still ...?" is answered from the newest source
                return topical
        pool = [s for s in scored if s.score >= scored[0].score - margin][:8]
        if request.years:
            timely = [s for s in pool if _covers(s.chunk, request.years)]
            return timely[0] if timely else scored[0]
        if request.time_intent != "current":
            return scored[0]
        return max(
            pool, key=lambda s: (newest_key(s.chunk.meta.published, s.chunk.meta.period), s.score)
        )

    def _list_after(self, s: _Scored) -> list[_Scored]:
        """A sentence that introduces a list ("...priorities are:") brings the whole list."""
        following = s.chunk.sentences[s.index + 1 : s.index + 12]
        if not (s.text.rstrip().endswith(":") or (following and following[0].startswith("- "))):
            return []
        items = []
        for j, text in enumerate(following, start=s.index + 1):
            if not text.startswith("- "):
                break
            items.append(_Scored(s.chunk_rank, s.chunk, j, text, s.score))
        return items

    # -- rendering ---------------------------------------------------------------------------
    def _render(self, request: AnswerRequest, picked: list[_Scored]) -> Answer:
        docs: dict[str, list[_Scored]] = {}
        for p in picked:
            docs.setdefault(p.chunk.meta.doc_id, []).append(p)
        lead_doc = picked[0].chunk.meta.doc_id  # chosen by _lead: newest or of the named time
        order = [lead_doc] + sorted(
            (d for d in docs if d != lead_doc), key=lambda d: _doc_order(request, docs[d][0].chunk)
        )
        citations: list[Citation] = []
        numbers: dict[str, int] = {}
        parts: list[str] = []
        notices: list[Notice] = []
        lead_chunk = docs[order[0]][0].chunk
        for di, doc_id in enumerate(order):
            group = sorted(
                docs[doc_id], key=lambda p: (p is not picked[0], p.chunk.meta.position, p.index)
            )
            meta = group[0].chunk.meta
            label = f"{short_title(meta.title)} ({date_label(meta.published)})"
            lines = []
            for p in group:
                if p.chunk.id not in numbers:
                    numbers[p.chunk.id] = len(citations) + 1
                    citations.append(_citation(numbers[p.chunk.id], p))
                marker = f"[{numbers[p.chunk.id]}]"
                lines.append(
                    f"{p.text} {marker}" if not p.text.startswith("- ") else f"\n{p.text} {marker}"
                )
            body = _inline_short_list(" ".join(lines).replace(" \n", "\n"))
            if di == 0:
                intro = f"According to the {label}:"
                if request.yes_no:
                    intro = _verdict(request.question, group, docs, order) + " " + intro
                parts.append(f"{intro} {body}")
            else:
                older = newest_key(meta.published, meta.period) < newest_key(
                    lead_chunk.meta.published, lead_chunk.meta.period
                )
                parts.append(f"\n\n{'Earlier, the' if older else 'The'} {label} said: {body}")
                if older and request.time_intent == "current":
                    notices.append(
                        Notice(
                            "older_source",
                            (
                                f"Part of this answer comes from an older document, the {label}. "
                                "The newest source used is the "
                                f"{short_title(lead_chunk.meta.title)} "
                                f"({date_label(lead_chunk.meta.published)}); where they differ, "
                                "the newer one is more likely to be current."
                            ),
                        )
                    )
        if lead_chunk.meta.inferred and "published" in lead_chunk.meta.inferred:
            notices.append(
                Notice(
                    "note",
                    f"The date of {short_title(lead_chunk.meta.title)} is not "
                    "stated by the partnership; it was inferred from its text.",
                )
            )
        text = "".join(parts).strip()
        return Answer(
            text=text,
            abstained=False,
            citations=citations,
            notices=notices,
            question=request.original or request.question,
            standalone_question=request.question,
        )

    def _abstain(
        self, request: AnswerRequest, chunks: list[Chunk], unknown: list[str] | None = None
    ) -> Answer:
        seen: list[str] = []
        for c in chunks[:6]:
            label = f"{short_title(c.meta.title)} ({date_label(c.meta.published)})"
            if label not in seen:
                seen.append(label)
        searched = "; ".join(seen[:3]) if seen else "no document matched"
        missing = f"The documents never mention {', '.join(unknown)}. " if unknown else ""
        text = (
            f"{missing}I cannot find this in the partnership's documents, so I will not guess. "
            f"Closest documents searched: {searched}."
        )
        if self.contact_hint:
            text += f" {self.contact_hint}"
        return Answer(
            text=text,
            abstained=True,
            question=request.original or request.question,
            standalone_question=request.question,
        )


def _citation(n: int, p: _Scored) -> Citation:
    m = p.chunk.meta
    return Citation(
        n=n,
        doc_id=m.doc_id,
        title=m.title,
        published=m.published,
        page=m.page,
        section=m.section,
        quote=p.text.removeprefix("- "),
        chunk_id=p.chunk.id,
        doc_type=m.doc_type,
    )


def _recency(chunks: list[Chunk]) -> dict[str, float]:
    keys = sorted({newest_key(c.meta.published, c.meta.period) for c in chunks})
    if len(keys) <= 1:
        return {c.meta.doc_id: 1.0 for c in chunks}
    return {
        c.meta.doc_id: keys.index(newest_key(c.meta.published, c.meta.period)) / (len(keys) - 1)
        for c in chunks
    }


def _covers(chunk: Chunk, years: tuple[int, int]) -> bool:
    lo, hi = year_bounds(chunk.meta.published, chunk.meta.period)
    return bool(lo) and lo <= years[1] and hi >= years[0]


def _doc_order(request: AnswerRequest, chunk: Chunk) -> tuple:
    key = newest_key(chunk.meta.published, chunk.meta.period)
    if request.years:
        return (0 if _covers(chunk, request.years) else 1, "")
    if request.time_intent == "current":
        return (0, _invert(key))
    return (0, "")


def _invert(key: str) -> str:
    return "".join(chr(255 - ord(ch)) for ch in key)


def _words(picked: list[_Scored]) -> int:
    return sum(len(p.text.split()) for p in picked)


def _redundant(text: str, others: list[str]) -> bool:
    mine = _content(text)
    return any(mine and len(mine & _content(o)) / len(mine) > 0.8 for o in others)


_NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|half|quarter)\b",
    re.I,
)


def _question_numbers(question: str, years: tuple[int, int] | None) -> list[str]:
    """Numbers a question itself states (ages, counts), other than years: constraints."""
    skip = {str(y) for y in range(years[0], years[1] + 1)} if years else set()
    found = re.findall(r"(?<![\d/-])\d{1,3}(?![\d/-])", question)
    return [n for n in found if n not in skip and not re.fullmatch(r"20\d\d", n)]


def _has_figure(text: str, years: tuple[int, int] | None) -> bool:
    """A number other than the years the question itself names."""
    found = re.findall(r"\d[\d,.%]*", text)
    skip = {str(y) for y in range(years[0], years[1] + 1)} if years else set()
    return any(f.rstrip(".,") not in skip for f in found) or bool(_NUMBER_WORDS.search(text))


_REASON = re.compile(
    r"\b(because|as we know|so that|in order to|due to|to ensure|this is why|"
    r"which means|as a result|since)\b",
    re.I,
)


def _focus_word(request: AnswerRequest) -> str | None:
    """The most specific word the question writes in lower case: usually what it asks about
    ("escalate", "contextual"), as opposed to the names it mentions."""
    idf = request.extra.get("idf")
    if idf is None:
        return None
    lower = [
        w
        for w in re.findall(r"\b[a-z][a-z-]{3,}\b", request.question)
        if w not in _STOP and _stem(w) not in _GENERIC
    ]
    stems = {_stem(w) for w in lower}
    return max(sorted(stems), key=idf) if stems else None  # sorted: ties break the same way


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+ [A-Z][a-z]+\b")


def _answer_type(request: AnswerRequest):  # type: ignore[no-untyped-def]
    """What kind of thing the question asks for, as a test on a sentence (or None)."""
    q = request.question
    if re.match(r"\s*who\b", q, re.I):
        return lambda t: bool(_NAME.search(t))
    if re.match(r"\s*when\b", q, re.I) or _DATE_Q.search(q):
        return lambda t: bool(_DATE_IN.search(t))
    if re.search(r"\bhow often\b|\bhow frequently\b", q, re.I):
        return lambda t: bool(_FREQUENCY.search(t))
    if _NUMBER_Q.search(q):
        return lambda t: _has_figure(t, request.years)
    return None


_FREQUENCY = re.compile(
    r"\b(times a (year|month|week)|every (\w+ )?(day|week|month|year|quarter)s?|"
    r"monthly|quarterly|weekly|annually|yearly|twice|termly|bi-monthly|"
    r"each (week|month|year|term))\b",
    re.I,
)


def _inline_short_list(body: str) -> str:
    """An intro sentence with a short list ("...are:" + items) reads as one sentence, so the
    answer's first sentence carries the items themselves."""
    lines = body.split("\n")
    if len(lines) < 2 or not lines[0].rstrip(" [0123456789]").endswith(":"):
        return body
    items = []
    for line in lines[1:]:
        if not line.startswith("- "):
            break
        items.append(line)
    if not items or len(items) > 10 or any(len(i.split()) > 25 for i in items):
        return body
    cleaned = [re.sub(r"\s*\[\d+\]$", "", i[2:]).rstrip(".;") for i in items]
    marker = re.search(r"\[\d+\]\s*$", items[-1])
    intro = re.sub(r"\s*\[\d+\]$", "", lines[0]).rstrip()
    sentence = f"{intro} {'; '.join(cleaned)}.{' ' + marker.group(0) if marker else ''}"
    rest = lines[1 + len(items) :]
    return "\n".join([sentence] + rest)


def _paragraph_leads(chunk: Chunk) -> list[str]:
    return paragraph_leads(chunk.text, chunk.sentences)


def _rarest(request: AnswerRequest, question: str, n: int = 2) -> list[str]:
    """The two most specific words of a question (highest inverse document frequency)."""
    idf = request.extra.get("idf")
    if idf is None:
        return []
    content = [w for w in _content(question) if not w.isdigit() and w not in _GENERIC]
    return sorted(content, key=lambda w: (-idf(w), w))[:n]


_GENERIC = {
    "many",
    "much",
    "number",
    "date",
    "children",
    "child",
    "oxfordshire",
    "year",
    "figure",
    "percentage",
    "proportion",
    "rate",
    "often",
    "osc",
    "oscb",
    "oscp",
    "partnership",
    "board",
    "safeguard",
    "safeguarding",
    "receive",
    "happen",
    "doe",
    "did",
    "wa",
    "were",
}


def _title_overlap(question: str, chunks: list[Chunk]) -> dict[str, float]:
    """How strongly a question names a document ("the 2019-21 business plan")."""
    q = _content(question) | set(re.findall(r"20\d\d(?:[-/]\d\d)?", question))
    out: dict[str, float] = {}
    for c in chunks:
        title = _content(c.meta.title) | set(re.findall(r"20\d\d(?:[-/]\d\d)?", c.meta.title))
        hits = len(q & title)
        out[c.meta.doc_id] = hits / len(title) if hits >= 2 and title else 0.0
    return out


def _person_names(question: str) -> list[str]:
    """Two or more capitalised words not at the start (a person's or child's name)."""
    body = question.strip()
    found = re.findall(r"(?<!^)(?<![.?!] )\b([A-Z][a-z]+(?: [A-Z][a-z]+)+)\b", body)
    return [f for f in found if len(f.split()) >= 2 and not f.startswith(("Oxfordshire", "The "))]


def _claim_terms(question: str) -> list[str]:
    """The names a yes/no question asserts something about ("Is Dana Whitfield still ...")."""
    return [
        t for t in subject_terms(question) if t[:1].isupper() and not t.isupper() and len(t) > 2
    ]


def _newest_on_topic(question: str, scored: list[_Scored]) -> _Scored | None:
    """The newest document's sentence on the question's topic, ignoring the names it asserts:
    for "Is Dana Whitfield still the chair?", what the newest source says about the chair."""
    claim = content_words(" ".join(_claim_terms(question)))
    topic = content_words(question) - claim - _GENERIC
    if not topic or not scored:
        return None
    newest = max(newest_key(s.chunk.meta.published, s.chunk.meta.period) for s in scored)
    candidates = [
        s for s in scored if newest_key(s.chunk.meta.published, s.chunk.meta.period) == newest
    ]
    best = max(candidates, key=lambda s: (len(topic & content_words(s.text)), s.score))
    return best if len(topic & content_words(best.text)) * 2 >= len(topic) else None


def _verdict(
    question: str, lead: list[_Scored], docs: dict[str, list[_Scored]], order: list[str]
) -> str:
    """Start a yes/no answer with what the newest source says, never a guess."""
    terms = _claim_terms(question)
    if not terms:
        return "The documents do not answer yes or no directly."
    lead_text = " ".join(p.text for p in lead)
    if all(t in lead_text for t in terms):
        return "Yes, as far as the newest source says."
    older_text = " ".join(p.text for d in order[1:] for p in docs[d])
    if any(t in older_text for t in terms):
        return "Not according to the newest source."
    return "The documents do not answer yes or no directly."


def merge_answers(answers: list[Answer]) -> Answer:
    """One answer from the answers to the parts of a question, citations renumbered."""
    if len(answers) == 1:
        return answers[0]
    useful = [a for a in answers if not a.abstained] or answers[:1]
    texts, citations, notices = [], [], []
    for a in useful:
        mapping: dict[int, int] = {}
        for c in a.citations:
            same = next(
                (x for x in citations if x.chunk_id == c.chunk_id and x.quote == c.quote), None
            )
            if same is None:
                same = replace(c, n=len(citations) + 1)
                citations.append(same)
            mapping[c.n] = same.n
        texts.append(_renumber(a.text, mapping))
        notices.extend(n for n in a.notices if n not in notices)
    if any(a.abstained for a in answers) and len(useful) < len(answers):
        texts.append("I cannot find an answer to the rest of the question in the documents.")
    return Answer(
        text="\n\n".join(texts),
        abstained=all(a.abstained for a in answers),
        citations=citations,
        notices=notices,
        question=answers[0].question,
    )


def _renumber(text: str, mapping: dict[int, int]) -> str:
    return re.sub(r"\[(\d+)\]", lambda m: f"[{mapping.get(int(m.group(1)), m.group(1))}]", text)
