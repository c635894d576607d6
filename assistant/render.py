"""Answers as Markdown (app) and plain text (CLI): one rendering of notices, text and sources."""

from __future__ import annotations

from assistant.types import Answer, Citation, Notice

_ORDER = {
    "escalation": 0,
    "contacts": 0,
    "warning": 1,
    "decision": 2,
    "newer_source": 3,
    "older_source": 4,
    "note": 5,
}
_LABEL = {
    "escalation": "🚨 **If a child may be at risk now**",
    "contacts": "📞 **Contacts**",
    "warning": "⚠️ **Personal details**",
    "decision": "⚖️ **Decisions stay with you**",
    "older_source": "🕰️ **Dates**",
    "newer_source": "🕰️ **Dates**",
    "note": "ℹ️",
}


def sorted_notices(notices: list[Notice]) -> list[Notice]:
    """The escalation panel always comes first."""
    return sorted(notices, key=lambda n: _ORDER.get(n.kind, 9))


def citation_label(c: Citation) -> str:
    parts = [c.title]
    if c.section:
        parts.append(c.section)
    if c.page is not None:
        parts.append(f"page {c.page}")
    parts.append(c.published or "date unknown")
    return " — ".join(parts)


def notices_markdown(notices: list[Notice]) -> str:
    blocks = []
    for n in sorted_notices(notices):
        text = n.text.replace("\n", "  \n> ")
        blocks.append(f"> {_LABEL.get(n.kind, '')} {text}".replace(">  ", "> "))
    return "\n\n".join(blocks)


def sources_markdown(citations: list[Citation]) -> str:
    if not citations:
        return ""
    lines = ["**Sources**"]
    for c in citations:
        lines.append(f"{c.n}. {citation_label(c)}  \n   > {c.quote}")
    return "\n".join(lines)


def to_markdown(answer: Answer) -> str:
    parts = [
        notices_markdown(answer.notices),
        answer.text.replace("\n- ", "  \n- "),
        sources_markdown(answer.citations),
    ]
    return "\n\n".join(p for p in parts if p)


def to_text(answer: Answer) -> str:
    lines = []
    for n in sorted_notices(answer.notices):
        lines.append(f"[{n.kind.upper()}] {n.text}")
    lines.append(answer.text)
    if answer.citations:
        lines.append("\nSources:")
        for c in answer.citations:
            lines.append(f"  [{c.n}] {citation_label(c)}\n      “{c.quote}”")
    return "\n".join(lines)
