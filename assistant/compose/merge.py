"""One answer from the answers to the parts of a multi-part question."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.types import Answer


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
    """Citation markers ``[n]`` rewritten to the merged answer's numbers."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{mapping.get(int(m.group(1)), m.group(1))}]", text)
