"""What a loader hands to the chunker: the document as a flat list of structural blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list", "table"]


@dataclass
class Block:
    """One structural unit. A ``list`` or ``table`` block is kept whole by the chunker where it
    fits; a heading's ``level`` (1 = top) builds the section path of what follows it."""

    kind: BlockKind
    text: str
    level: int = 0
    page: int | None = None


@dataclass
class LoadedDocument:
    blocks: list[Block]
    title_hint: str = ""  # a title the file itself gives (PDF metadata, <title>, first H1)
    has_pages: bool = False
    warnings: list[str] = field(default_factory=list)

    def full_text(self) -> str:
        """The document's text as extracted: what evidence quotes are checked against."""
        return "\n\n".join(b.text for b in self.blocks if b.text.strip())
