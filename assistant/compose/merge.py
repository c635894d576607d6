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
        text = _drop_repeats(a.text, "\n".join(texts)) if texts else a.text
        if not text:
            continue  # both parts found the same sentences: say them once
        mapping: dict[int, int] = {}
        for c in a.citations:
            same = next(
                (x for x in citations if x.chunk_id == c.chunk_id and x.quote == c.quote), None
            )
            if same is None:
                same = replace(c, n=len(citations) + 1)
                citations.append(same)
            mapping[c.n] = same.n
        texts.append(_renumber(text, mapping))
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


# A label may hold a colon of its own ("Cabinet report: OSCB Annual Report (2021-12-21)").
_INTRO_TEXT = r"(?:According to the [^\n]*?\):|(?:Earlier, the|The) [^\n]*?\) said:)"
_INTRO = re.compile(rf"^\s*{_INTRO_TEXT}\s*")
_ORPHAN = re.compile(rf"(?:^|\n\n)\s*{_INTRO_TEXT}\s*(?=\n\n|$)")


def _drop_repeats(text: str, said: str) -> str:
    """``text`` without the sentences already in ``said`` (citation numbers aside), and
    without source introductions left with nothing after them; "" when nothing new is left.

    >>> first = "According to the Plan (2020): The board meets. [1] It has a chair. [2]"
    >>> _drop_repeats("According to the Plan (2020): It has a chair. [3]", first)
    ''
    >>> _drop_repeats("According to the Plan (2020): It has a chair. [3] It meets. [3]", first)
    'According to the Plan (2020): It meets. [3]'
    >>> _drop_repeats("According to the Cabinet report: Plan (2021): It has a chair. [1]", first)
    ''
    """
    plain = re.sub(r"\s*\[\d+\]", "", said)
    pieces = re.split(r"(\s*\[\d+\])", text)
    kept: list[str] = []
    for seg, marker in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
        intro = _INTRO.match(seg)
        body = seg[intro.end() :] if intro else seg
        if body.strip() and body.strip() in plain:
            kept.append(intro.group(0) if intro else "")
        else:
            kept.append(seg + marker)
    out = re.sub(r" {2,}", " ", "".join(kept))
    while (trimmed := _ORPHAN.sub("", out)) != out:  # introductions that lost their sentences
        out = trimmed
    return out.strip()
