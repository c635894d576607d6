"""PDF: text per page with pypdf; structure recovered by ``ingest.structure``.

pypdf's plain extraction keeps reading order but loses paragraph gaps, and ``text_to_blocks``
finds paragraphs by blank lines. So each page's text is rebuilt from the chunks pypdf reports
with their positions: a tall vertical gap (or a change of font size) becomes a blank line and a
wide horizontal gap on one line becomes a tab, which ``text_to_blocks`` reads as a table cell.
The words themselves are exactly pypdf's.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from statistics import median
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError

from assistant.errors import DocumentError
from ingest.model import Block, LoadedDocument
from ingest.structure import text_to_blocks

# Broken files make pypdf log a warning per damaged object; the loader reports what matters.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$"
    r"|^(?-i:[ivxl]{1,6})$",  # lowercase roman numerals number front matter
    re.IGNORECASE,
)
_CLOSING = (".", "!", "?", ":", ";", "”", '"')
_EDGE = 3  # lines at the top and bottom of a page where running headers and footers live
_JUNK_TITLES = re.compile(r"^(untitled|microsoft (word|powerpoint) - |document\d*$)", re.IGNORECASE)


@dataclass
class _Line:
    text: str = ""
    y: float | None = None
    size: float = 0.0
    gap_before: bool = False
    chunks: list[tuple[float, float, str]] = field(default_factory=list)  # (x, size, text)


def _page_lines(page: Any) -> list[_Line]:
    """The page's text lines with the position and font size of each."""
    lines = [_Line()]

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        for i, piece in enumerate(text.split("\n")):
            if i:
                lines.append(_Line())
            if not piece:
                continue
            line = lines[-1]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            eff = abs(size * scale) or abs(size) or 10.0
            if piece.strip() and line.chunks and line.y is not None and abs(y - line.y) < eff / 2:
                px, psize, ptext = line.chunks[-1]
                if x > px + len(ptext) * 0.6 * psize + 3 * eff:  # a wide gap: a table column
                    line.text = line.text.rstrip() + "\t"
                    piece = piece.lstrip()
            line.text += piece
            if piece.strip():
                line.chunks.append((x, eff, piece))
                line.size = max(line.size, eff)
                line.y = y if line.y is None else line.y

    page.extract_text(visitor_text=visit)
    return [ln for ln in lines if ln.text.strip()]


def _mark_gaps(lines: list[_Line]) -> None:
    """Flag lines that start a new block: after a tall gap, a jump up, or a font-size change."""
    drops = [
        a.y - b.y
        for a, b in pairwise(lines)
        if a.y is not None and b.y is not None and 0 < a.y - b.y < 3 * max(a.size, b.size)
    ]
    usual = median(drops) if drops else 0.0
    for prev, line in pairwise(lines):
        if prev.y is None or line.y is None:
            continue
        size = max(prev.size, line.size)
        drop = prev.y - line.y
        base = min(usual, 1.3 * size) if usual else 1.3 * size
        resized = min(prev.size, line.size) < 0.87 * size
        line.gap_before = drop > 1.4 * base or drop < -size or resized


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove bare page numbers and short lines repeated at the top or bottom of most pages."""

    def edges(lines: list[_Line]) -> list[_Line]:
        return lines if len(lines) <= 2 * _EDGE else lines[:_EDGE] + lines[-_EDGE:]

    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_norm(ln.text) for ln in edges(lines) if len(ln.text.strip()) <= 100})
    need = max(2, 0.6 * len(pages))  # "most pages": both pages of a two-page document
    repeated = {t for t, n in counts.items() if n >= need}
    kept = []
    for lines in pages:
        edge = {id(ln) for ln in edges(lines)}
        kept.append(
            [
                ln
                for ln in lines
                if id(ln) not in edge
                or not (_norm(ln.text) in repeated or _PAGE_NUMBER.match(ln.text.strip()))
            ]
        )
    return kept


def _page_blocks(lines: list[_Line], page: int, sizes: dict[int, float]) -> list[Block]:
    """Blocks of one page; ``sizes`` collects each heading's type size for ranking later."""
    left = min((ln.chunks[0][0] for ln in lines if ln.chunks), default=0.0)
    text = "".join(
        ("\n\n" if ln.gap_before else "\n")
        + (" " if ln.chunks and ln.chunks[0][0] > left + 0.8 * ln.size else "")  # indented:
        + ln.text  # a bullet's wrapped text continues its item in ``text_to_blocks``
        for ln in lines
    )
    text = re.sub(r"(\t[^\n]*)\n\n+(?=[^\n]*\t)", r"\1\n", text)  # table rows spaced apart
    blocks = text_to_blocks(text, page=page)
    by_text = {ln.text.strip(): ln.size for ln in lines}
    sizes.update({id(b): by_text[b.text] for b in blocks if b.text in by_text})
    return blocks


def _assign_levels(blocks: list[Block], sizes: dict[int, float]) -> None:
    """Rank headings by type size across the whole document; if sizes say nothing, a heading
    that recurs is a sub-heading (as ``text_to_blocks`` does within one text)."""
    heads = [b for b in blocks if b.kind == "heading"]
    ranks = sorted({round(sizes[id(b)] * 2) for b in heads if id(b) in sizes}, reverse=True)
    counts = Counter(b.text.lower() for b in heads)
    for b in heads:
        if len(ranks) > 1 and id(b) in sizes:
            b.level = min(ranks.index(round(sizes[id(b)] * 2)) + 1, 6)
        else:
            b.level = 2 if counts[b.text.lower()] > 1 else 1


def _mend_page_breaks(pages: list[list[Block]]) -> list[Block]:
    """Join a paragraph cut by a page break; it keeps the page where it started."""
    out: list[Block] = []
    for blocks in pages:
        if blocks and out:
            prev, first = out[-1], blocks[0]
            if (
                prev.kind == first.kind == "paragraph"
                and not prev.text.rstrip().endswith(_CLOSING)
                and first.text[:1].islower()
            ):
                tail = prev.text.rstrip()
                joiner = "" if tail.endswith("-") and not tail.endswith(" -") else " "
                prev.text = tail + joiner + first.text
                blocks = blocks[1:]
        out.extend(blocks)
    return out


def _open(path: Path) -> PdfReader:
    """Open and, if needed, decrypt with the empty password (permissions-only encryption)."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(
                "encrypted", f"{path.name} is password-protected: save an unprotected copy first"
            )
        return reader
    except DocumentError:
        raise
    except DependencyError as exc:
        raise _needs_crypto(path) from exc
    except Exception as exc:  # broken files raise all sorts, not only PdfReadError
        raise _corrupt(path, exc) from exc


def _needs_crypto(path: Path) -> DocumentError:
    return DocumentError(
        "encrypted", f"{path.name} uses AES encryption; reading it needs the 'cryptography' package"
    )


def _corrupt(path: Path, exc: Exception) -> DocumentError:
    detail = str(exc) or type(exc).__name__
    return DocumentError(
        "corrupt", f"{path.name} is not a readable PDF (damaged, truncated or not a PDF): {detail}"
    )


def _read_pages(reader: PdfReader, path: Path, warnings: list[str]) -> list[list[_Line]]:
    try:
        page_list = list(reader.pages)
    except DependencyError as exc:
        raise _needs_crypto(path) from exc
    except Exception as exc:
        raise _corrupt(path, exc) from exc
    if not page_list:
        raise DocumentError("corrupt", f"{path.name} is a PDF with no pages")
    pages = []
    for n, page in enumerate(page_list, start=1):
        try:
            lines = _page_lines(page)
        except DependencyError as exc:
            raise _needs_crypto(path) from exc
        except Exception as exc:  # noqa: BLE001 - one damaged page should not lose the rest
            warnings.append(f"page {n}: text could not be extracted ({type(exc).__name__})")
            lines = []
        _mark_gaps(lines)
        pages.append(lines)
    return pages


def _title(reader: PdfReader) -> str:
    """The metadata title, unless missing or a generator's placeholder."""
    try:
        title = str((reader.metadata or {}).get("/Title") or "")
    except Exception:  # noqa: BLE001 - a damaged info dictionary fails on its own
        return ""
    title = " ".join(title.split())
    return "" if _JUNK_TITLES.match(title) else title


def load_pdf(path: Path) -> LoadedDocument:
    """Blocks of a PDF, each carrying its 1-based page number."""
    reader = _open(path)
    warnings: list[str] = []
    pages = _read_pages(reader, path, warnings)
    sizes: dict[int, float] = {}
    per_page = [
        _page_blocks(lines, n, sizes) for n, lines in enumerate(_drop_running_lines(pages), 1)
    ]
    if not any(per_page):
        raise DocumentError(
            "image_only",
            f"{path.name} has no extractable text (scanned pages?): it needs OCR before it "
            "can be added",
        )
    blank = [str(n) for n, lines in enumerate(pages, 1) if not lines]
    if blank:
        warnings.append(f"no text on page(s) {', '.join(blank)} (images only? needs OCR)")
    blocks = _mend_page_breaks(per_page)
    _assign_levels(blocks, sizes)
    title = _title(reader) or next((b.text for b in blocks if b.kind == "heading"), "")
    return LoadedDocument(blocks=blocks, title_hint=title, has_pages=True, warnings=warnings)
