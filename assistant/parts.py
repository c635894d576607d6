"""Two questions in one ("who chaired it then, and who chairs it now?") as parts that are
each searched and answered on their own."""

from __future__ import annotations

import re

_PART_SPLIT = re.compile(
    r"(?:,|;)?\s+and\s+(?=(?:who|what|when|how|which|where|why|is|are|does|anything)\b)"
    r"|[,;]\s+and\s+(?=(?:was|were|did|do|has|have|can|could|will)\b)"
    # "...under whose leadership? And what has replaced that role since?"
    r"|\?\s+(?:and\s+|also\s+|but\s+)?(?=(?:who|what|when|how|which|where|why|is|are|does|do|"
    r"did|was|were|has|have|can)\b)",
    re.I,
)


def split_parts(question: str) -> list[str]:
    """A two-part question ("who chaired it in 2019-21, and who chairs it now?") as parts.

    >>> split_parts("Who chaired the OSCB in 2019-21, and who chairs the partnership now?")
    ['Who chaired the OSCB in 2019-21?', 'who chairs the partnership now?']
    >>> split_parts("How many nursery staff and how many childminders came on training?")[0]
    'How many nursery staff came on training?'
    >>> split_parts("HOTH - what is changing, and who is being consulted?")[1]
    'HOTH - who is being consulted?'
    """
    parts = [p.strip(" ,;") for p in _PART_SPLIT.split(question) if p.strip(" ,;")]
    shared = len(parts) == 1
    if shared:
        parts = _shared_head(question)
    if len(parts) < 2 or any(len(p.split()) < 3 for p in parts):
        return [question]
    parts = [p if p.endswith("?") else p + "?" for p in parts]
    # "CSA conference delegates - how many from health and how many from CSC?"
    topic = None if shared else _TOPIC.match(parts[0])
    if topic:
        parts[1:] = [f"{topic.group(0)}{p}" for p in parts[1:]]
    return _shared_predicate(parts)


# A topic set before the question itself, shared by all its parts: "HOTH - what's ...",
# "In the training delivery table, how many ...".
_TOPIC = re.compile(
    r"^(?:[^?]{3,60}?\s[-–:]\s+|(?:in|for|under|on) [^,?]{3,60},\s*)"
    r"(?=(?:who|what|when|how|which|where|why|is|are|does|do|did)\b)",
    re.I,
)


# The verb where a count's predicate starts: "how many from health came on training?"
_PREDICATE = (
    r"(?:came|come|attended|attend|went|took|take|joined|completed|received|got|were|was|are|"
    r"is|have|has|had|did|do|does)"
)
_BARE_COUNT = re.compile(
    rf"^how many (?!(?:[\w'’-]+ )*{_PREDICATE}\b)((?:[\w'’-]+ ){{0,5}}[\w'’-]+)\?$", re.I
)
_COUNTED = re.compile(rf"^how many (?:[\w'’-]+ ){{0,5}}?(?P<rest>{_PREDICATE}\b.+)$", re.I)


def _shared_predicate(parts: list[str]) -> list[str]:
    """ "How many nursery staff and how many childminders came on training?": the first part
    ("How many nursery staff?") asks about the same thing as the second.

    >>> _shared_predicate(["How many nursery staff?", "how many childminders came on training?"])
    ['How many nursery staff came on training?', 'how many childminders came on training?']
    >>> _shared_predicate(["How many people from social care?", "how many from health came?"])[0]
    'How many people from social care came?'
    >>> _shared_predicate(["How many delegates came from education?", "how many from health?"])[1]
    'how many delegates came from health?'
    """
    if len(parts) != 2:
        return parts
    first, second = _BARE_COUNT.match(parts[0]), _COUNTED.match(parts[1])
    if first and second:
        return [f"How many {first.group(1)} {second.group('rest')}", parts[1]]
    counted, bare = _COUNT_FROM.search(parts[0]), _BARE_FROM.match(parts[1])
    if counted and bare:  # "how many delegates came from education, and how many from ...?"
        return [parts[0], f"{bare.group('pre')}{counted.group('what')} {bare.group('rest')}"]
    return parts


# "how many delegates came from X": what is counted, up to where it came from.
_COUNT_FROM = re.compile(
    r"\bhow many (?P<what>(?!(?:from|in|at)\b)[^?]+?)\s(?=(?:from|in|at)\s)", re.I
)
_BARE_FROM = re.compile(r"^(?P<pre>.*?\bhow many )(?P<rest>(?:from|in|at)\s[^?]+\?)$", re.I)


# "what were the figures for X and for Y?": one question about two things.
_SHARED_HEAD = re.compile(
    r"^(?P<head>(?:[^?]*?\s)?(?:who|what|when|how|which|where|anything)\b[^?]*"
    r"\b(?P<prep>for|from|in|at|on|of|by|about)\s)"
    r"(?P<a>[^?]+?),?\s+and\s+(?P=prep)\s+(?P<b>[^?]+)\?$",
    re.I,
)


def _shared_head(question: str) -> list[str]:
    """ "what were the figures for the voluntary sector and for district councils?" as two
    questions, one for each thing named after the repeated preposition.

    >>> _shared_head("What were the figures for health and for district councils?")
    ['What were the figures for health?', 'What were the figures for district councils?']
    >>> _shared_head("Was there anything on how decisions get made, and on timeliness?")[1]
    'Was there anything on timeliness?'
    """
    m = _SHARED_HEAD.match(question.strip())
    if not m or len(m.group("a").split()) > 8:
        return [question]
    return [f"{m.group('head')}{m.group('a')}?", f"{m.group('head')}{m.group('b')}?"]
