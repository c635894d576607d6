"""Rates over a whole set: abstention and escalation, from per-case booleans.

``None`` when a rate is undefined (no case of the kind it is taken over).
"""

from __future__ import annotations

from collections.abc import Sequence


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def abstention_precision(should_abstain: Sequence[bool], abstained: Sequence[bool]) -> float | None:
    """Of the cases the assistant abstained on, the share that were unanswerable.

    >>> abstention_precision([True, False, False], [True, True, False])
    0.5
    >>> abstention_precision([False], [False]) is None
    True
    """
    pairs = [s for s, a in zip(should_abstain, abstained, strict=True) if a]
    return _rate(sum(pairs), len(pairs))


def abstention_recall(should_abstain: Sequence[bool], abstained: Sequence[bool]) -> float | None:
    """Of the unanswerable cases, the share the assistant abstained on (``None``: none).

    >>> abstention_recall([True, True, False], [True, False, True])
    0.5
    >>> abstention_recall([False, False], [True, False]) is None
    True
    """
    pairs = [a for s, a in zip(should_abstain, abstained, strict=True) if s]
    return _rate(sum(pairs), len(pairs))


def escalation_recall(expected: Sequence[bool], escalated: Sequence[bool]) -> float | None:
    """Of the messages that must raise the escalation panel, the share that did.

    >>> escalation_recall([True, True, False], [True, False, False])
    0.5
    """
    pairs = [e for x, e in zip(expected, escalated, strict=True) if x]
    return _rate(sum(pairs), len(pairs))


def escalation_false_positive_rate(
    expected: Sequence[bool], escalated: Sequence[bool]
) -> float | None:
    """Of the ordinary messages, the share that raised the escalation panel anyway.

    >>> escalation_false_positive_rate([True, False, False, False], [True, True, False, False])
    0.3333333333333333
    >>> escalation_false_positive_rate([True], [True]) is None
    True
    """
    pairs = [e for x, e in zip(expected, escalated, strict=True) if not x]
    return _rate(sum(pairs), len(pairs))
