"""The answer's text: the picked sentences grouped by document, lead document first, each
sentence followed by its citation number, with notices where sources are older or undated."""

from __future__ import annotations

import re

from assistant.answerer import AnswerRequest
from assistant.compose.lists import inline_short_list
from assistant.compose.periods import doc_order
from assistant.compose.question import claim_terms
from assistant.compose.scoring import Scored
from assistant.index import newest_key
from assistant.textutil import is_row
from assistant.types import Answer, Chunk, ChunkMeta, Citation, Notice


def short_title(title: str) -> str:
    """A document's title without its parenthesised qualifier, for naming it in answers."""
    return title.split(" (")[0].strip()


def date_label(published: str) -> str:
    """A document's date as shown to the reader: never blank."""
    return published or "date unknown"


def doc_label(meta: ChunkMeta) -> str:
    """How answers name a document: "Annual Report 2019 (2019)"."""
    return f"{short_title(meta.title)} ({date_label(meta.published)})"


def render(request: AnswerRequest, picked: list[Scored]) -> Answer:
    """The picked sentences as one cited answer: the lead document's, then the others'."""
    docs: dict[str, list[Scored]] = {}
    for p in picked:
        docs.setdefault(p.chunk.meta.doc_id, []).append(p)
    lead_doc = picked[0].chunk.meta.doc_id  # chosen by selection.lead: newest or of the named time
    order = [lead_doc] + sorted(
        (d for d in docs if d != lead_doc), key=lambda d: doc_order(request, docs[d][0].chunk)
    )
    citations: list[Citation] = []
    numbers: dict[str, int] = {}
    parts: list[str] = []
    notices: list[Notice] = []
    lead_chunk = docs[order[0]][0].chunk
    place = _reading_order(picked)
    for di, doc_id in enumerate(order):
        group = sorted(docs[doc_id], key=lambda p: place[id(p)])
        meta = group[0].chunk.meta
        label = doc_label(meta)
        body = _body(group, numbers, citations)
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
                notices.append(_older_source_notice(label, lead_chunk))
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


def _reading_order(picked: list[Scored]) -> dict[int, tuple]:
    """Where each picked sentence goes within its document's part: the lead's run first, then
    in document order; a run of sentences that follow one another in the document (a list's
    introduction, its items and the sentence after it, even across chunks) stays together."""
    runs: list[list[Scored]] = []
    for p in picked:
        prev = runs[-1][-1] if runs else None
        if prev is not None and _follows(prev, p):
            runs[-1].append(p)
        else:
            runs.append([p])
    place: dict[int, tuple] = {}
    for r, run in enumerate(runs):
        first = run[0]
        for i, p in enumerate(run):
            place[id(p)] = (r != 0, first.chunk.meta.position, first.index, i)
    return place


def _follows(prev: Scored, p: Scored) -> bool:
    if p.chunk.id == prev.chunk.id:
        between = p.chunk.sentences[prev.index : p.index + 1]
        table = len(between) > 1 and all(is_row(t) for t in between)  # a header and its row
        return p.index == prev.index + 1 or table
    return (
        p.chunk.meta.doc_id == prev.chunk.meta.doc_id
        and p.chunk.meta.position == prev.chunk.meta.position + 1
        and p.index == 0
        and prev.index == len(prev.chunk.sentences) - 1
    )


def _body(group: list[Scored], numbers: dict[str, int], citations: list[Citation]) -> str:
    """One document's sentences, each marked with its chunk's citation number.

    ``numbers`` and ``citations`` are shared across documents: a chunk is cited once, numbered
    in order of first use.
    """
    lines = []
    after_item = False
    for i, p in enumerate(group):
        if p.chunk.id not in numbers:
            numbers[p.chunk.id] = len(citations) + 1
            citations.append(citation(numbers[p.chunk.id], p))
        marker = f" [{numbers[p.chunk.id]}]"
        row = is_row(p.text)
        following = group[i + 1] if i + 1 < len(group) else None
        if row and following is not None and following.chunk.id == p.chunk.id:
            marker = "" if is_row(following.text) else marker  # a table is cited once, at its end
        item = p.text.startswith("- ") or row  # a list item or a table row
        # An item, or the first sentence after a list, starts a new line.
        text = p.text.replace("\t", " | ")  # a table row reads as its cells
        lines.append(f"\n{text}{marker}" if item or after_item else f"{text}{marker}")
        after_item = item
    return inline_short_list(" ".join(lines).replace(" \n", "\n"))


def _older_source_notice(label: str, lead_chunk: Chunk) -> Notice:
    """For a question about now: part of the answer comes from an older document."""
    return Notice(
        "older_source",
        (
            f"Part of this answer comes from an older document, the {label}. "
            "The newest source used is the "
            f"{short_title(lead_chunk.meta.title)} "
            f"({date_label(lead_chunk.meta.published)}); where they differ, "
            "the newer one is more likely to be current."
        ),
    )


def citation(n: int, p: Scored) -> Citation:
    """The source card for a picked sentence."""
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


def _verdict(
    question: str, lead: list[Scored], docs: dict[str, list[Scored]], order: list[str]
) -> str:
    """Start a yes/no answer with what the newest source says, never a guess."""
    terms = claim_terms(question)
    if not terms:
        return "The documents do not answer yes or no directly."
    lead_text = " ".join(p.text for p in lead)
    if all(t in lead_text for t in terms):
        change = _change(lead_text, terms)
        if change == "left":
            return "No longer, according to the newest source."
        if change == "changed":
            return "The newest source describes a change; read it below."
        return "Yes, as far as the newest source says."
    for d in order[1:]:  # the newest source is silent on them: say so, and where they last appear
        if any(t in p.text for t in terms for p in docs[d]):
            missing = " ".join(t for t in terms if t not in lead_text)
            return (
                f"The newest source does not mention {missing}; the latest that does is the "
                f"{doc_label(docs[d][0].chunk.meta)}."
            )
    return "The documents do not answer yes or no directly."


_LEFT_AFTER = re.compile(  # "Ian Sutherland transitioning from Chair", "X stepped down"
    r"^\W*(?:\w+\W+){0,3}?(transition(?:ed|ing|s)? from|stepp(?:ed|ing) down|stood down|"
    r"left|leaving|retired|moved on|was replaced|is no longer|no longer)\b",
    re.I,
)
_LEFT_BEFORE = re.compile(r"\b(former|outgoing|previous)\s+$", re.I)  # "the former chair X"
_CHANGE = re.compile(
    r"\b(transition\w*|rebrand\w*|renamed|replac\w*|succeeded|from \S+(?: \S+){0,6} to)\b", re.I
)


def _change(text: str, terms: list[str]) -> str:
    """What the newest source says happened to the asserted names: "left" when the clause
    naming them says they left ("…, with Ian Sutherland transitioning from Chair to …"),
    "changed" when the sentence describes some other change, else "".

    >>> news = "Lisa Lyons became Chair, with Ian Sutherland transitioning from Chair."
    >>> _change(news, ["Ian Sutherland"]), _change(news, ["Lisa Lyons"])
    ('left', 'changed')
    >>> _change("Lisa Lyons chairs the partnership.", ["Lisa Lyons"])
    ''
    """
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if not all(t in sentence for t in terms):
            continue
        clauses = re.split(r",|;|\bwith\b|\bwhile\b|\bwhereas\b", sentence)
        for clause in clauses:
            if not all(t in clause for t in terms):
                continue
            at = clause.index(terms[-1]) + len(terms[-1])
            if _LEFT_AFTER.search(clause[at:]) or _LEFT_BEFORE.search(
                clause[: clause.index(terms[0])]
            ):
                return "left"
        if _CHANGE.search(sentence):
            return "changed"
    return ""
