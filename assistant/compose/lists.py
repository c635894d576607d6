"""Lists in answers: a sentence that introduces a list brings the whole list with it, and a
short list is written inline so the answer's first sentence carries the items themselves."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.compose.scoring import Scored
from assistant.compose.tables import is_row, rows_from
from assistant.types import Chunk


def is_intro(text: str) -> bool:
    """A sentence that announces a list ("...will be shared with:")."""
    return text.rstrip().endswith(":")


def list_after(s: Scored, next_chunk: Callable[[str], Chunk | None] | None = None) -> list[Scored]:
    """A sentence that introduces a list ("...priorities are:") brings the whole list, also
    when the list starts in the next chunk of the document."""
    chunk, start = s.chunk, s.index + 1
    if start >= len(chunk.sentences) and is_intro(s.text) and next_chunk is not None:
        chunk, start = next_chunk(chunk.id) or chunk, 0
    following = chunk.sentences[start : start + 11]
    leads_a_list = following and following[0].startswith("- ") and not _in_item(s)
    if is_intro(s.text) and following and is_row(following[0]):  # "...evaluation:" + a table
        return [Scored(s.chunk_rank, chunk, j, t, s.score) for j, t in rows_from(chunk, start)]
    if not (is_intro(s.text) or leads_a_list):
        return []
    items: list[Scored] = []
    for _ in range(3):  # this chunk, then the next ones while the list runs on into them
        for j in range(start, len(chunk.sentences)):
            text = chunk.sentences[j]
            if text.startswith("- "):
                items.append(Scored(s.chunk_rank, chunk, j, text, s.score))
            elif not inside_item(chunk, text):
                return items[:12]  # a multi-sentence item keeps only its first sentence
            if len(items) >= 12:
                return items
        following_chunk = next_chunk(chunk.id) if next_chunk is not None and items else None
        if (
            following_chunk is None
            or not following_chunk.sentences[:1]
            or not (following_chunk.sentences[0].startswith("- "))
        ):
            break
        chunk, start = following_chunk, 0
    return items


def holds(s: Scored, test: Callable[[str], bool]) -> bool:
    """The sentence, or the table it introduces ("...rate their understanding:" + rows),
    passes ``test`` (has a figure, a count...)."""
    if test(s.text):
        return True
    return is_intro(s.text) and any(is_row(r.text) and test(r.text) for r in list_after(s))


def inside_item(chunk: Chunk, sentence: str) -> bool:
    """A later sentence of a list item's line ("- a) 'Traction...'. The whole system...")."""
    at = chunk.text.find(sentence)
    return at > 0 and chunk.text[chunk.text.rfind("\n", 0, at) + 1 : at].startswith("- ")


def _in_item(s: Scored) -> bool:
    """The sentence is (part of) a list item: the items after it are its siblings, not its
    list ("- Policy: ... updated the Disagreement Policy." introduces nothing), unless the item
    is a short title ("- Scrutiny and quality assurance") over a flattened sub-list."""
    if s.text.startswith("- "):  # but a short title item heads the items under it
        return len(s.text.split()) > 9 or s.text.rstrip().endswith(".")
    return inside_item(s.chunk, s.text)


def list_before(
    s: Scored, previous_chunk: Callable[[str], Chunk | None] | None = None
) -> list[Scored]:
    """The list that "These priorities will..." refers back to, with its introduction ("It
    was agreed that the priorities should be:"), also when it ends the chunk before."""
    chunk, end = s.chunk, s.index
    if end == 0 and previous_chunk is not None:
        chunk = previous_chunk(s.chunk.id) or chunk
        end = len(chunk.sentences) if chunk is not s.chunk else 0
    start = _items_start(chunk, end, limit=10)
    if start == end or start == 0 or not is_intro(chunk.sentences[start - 1]):
        return []
    return [
        Scored(s.chunk_rank, chunk, j, chunk.sentences[j], s.score) for j in range(start - 1, end)
    ]


def intro_of(item: Scored, previous_chunk: Callable[[str], Chunk | None] | None) -> Scored | None:
    """The sentence that introduces the list an item belongs to, also when the list began in
    the chunk before (or right after its introduction there)."""
    chunk, start = item.chunk, _items_start(item.chunk, item.index)
    if start == 0 and previous_chunk is not None:
        before = previous_chunk(item.chunk.id)
        if before is not None and before is not item.chunk and before.sentences:
            chunk, start = before, _items_start(before, len(before.sentences))
    if start == 0 or not is_intro(chunk.sentences[start - 1]):
        return None
    return Scored(item.chunk_rank, chunk, start - 1, chunk.sentences[start - 1], item.score)


def _items_start(chunk: Chunk, end: int, limit: int | None = None) -> int:
    """Where the run of list items that ends just before sentence ``end`` begins."""
    start = end
    while start > 0 and (limit is None or end - start < limit):
        if not chunk.sentences[start - 1].startswith("- "):
            break
        start -= 1
    return start


def inline_short_list(body: str) -> str:
    r"""An intro sentence with a short list ("...are:" + items) reads as one sentence, so the
    answer's first sentence carries the items themselves.

    >>> inline_short_list("We will:\n- train staff [1]\n- audit cases. [1]")
    'We will: train staff; audit cases. [1]'
    >>> inline_short_list("Work for 2025-26: [1]\n- Establish a chairs meeting. [2]")
    'Work for 2025-26 [1]: Establish a chairs meeting. [2]'
    """
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
    own = re.search(r"\s*(\[\d+\])$", lines[0])
    intro = lines[0][: own.start()].rstrip() if own else lines[0].rstrip()
    if own and not (marker and marker.group(0).strip() == own.group(1)):
        intro = f"{intro[:-1]} {own.group(1)}:"  # from another passage: keep its own citation
    sentence = f"{intro} {'; '.join(cleaned)}.{' ' + marker.group(0) if marker else ''}"
    rest = lines[1 + len(items) :]
    return "\n".join([sentence] + rest)
