"""Word (.docx): styles say what is a heading or a list, so no guessing is needed.

The body's elements are walked in order so that a table stays between the paragraphs that
introduce and follow it (``Document.paragraphs`` and ``.tables`` would separate them).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from assistant.errors import DocumentError
from ingest.model import Block, LoadedDocument

_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_LIST_LEVEL = re.compile(r"list\b.*?\s([2-9])$", re.IGNORECASE)  # "List Bullet 2" -> depth 1


def _style_chain(paragraph: Paragraph) -> list[str]:
    """Names of the paragraph's style and the styles it is based on."""
    names: list[str] = []
    try:
        style = paragraph.style
    except Exception:  # noqa: BLE001 - a style id the styles part does not define
        return names
    while style is not None and len(names) < 10:
        names.append(style.name or "")
        style = style.base_style
    return names


def _heading_level(paragraph: Paragraph, styles: list[str]) -> int:
    """1-6 for Title / Heading N (or a custom style based on one), else 0."""
    for name in styles:
        if name.lower() == "title":
            return 1
        match = _HEADING_STYLE.match(name)
        if match:
            return min(int(match.group(1)), 6)
    ppr = paragraph._p.pPr
    outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if outline is not None:
        value = outline.get(qn("w:val"), "9")
        if value.isdigit() and int(value) < 9:  # 9 means body text
            return min(int(value) + 1, 6)
    return 0


def _list_depth(paragraph: Paragraph, styles: list[str]) -> int | None:
    """Nesting depth if the paragraph is a list item (list style or numbering), else None."""
    ppr = paragraph._p.pPr
    num = ppr.numPr if ppr is not None else None
    if num is not None and num.numId is not None and num.numId.val == 0:
        num = None  # numId 0 switches off numbering a style would give
    if num is not None and num.ilvl is not None and num.ilvl.val is not None:
        return int(num.ilvl.val)
    name = styles[0] if styles else ""
    if num is not None or "list" in name.lower():
        match = _LIST_LEVEL.search(name)
        return int(match.group(1)) - 1 if match else 0
    return None


def _cell_text(text: str) -> str:
    return " ".join(text.split())


def _table_text(table: Table) -> str:
    """Rows of tab-separated cells; a merged cell is read once, not once per grid column."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(_cell_text(cell.text))
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _body_items(element: Any, parent: Any) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables in document order, looking inside content controls too."""
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_items(content, parent)


def _blocks(document: Any) -> list[Block]:
    blocks: list[Block] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            blocks.append(Block("list", "\n".join(items)))
            items.clear()

    for item in _body_items(document.element.body, document._body):
        if isinstance(item, Table):
            flush()
            text = _table_text(item)
            if text:
                blocks.append(Block("table", text))
            continue
        text = _cell_text(item.text)
        if not text:
            continue  # blank spacer paragraphs do not end a list
        styles = _style_chain(item)
        if styles and styles[0].lower().startswith("toc"):
            continue  # a table of contents repeats the headings, with page numbers
        level = _heading_level(item, styles)
        depth = None if level else _list_depth(item, styles)
        if depth is not None:
            items.append(f"{'  ' * depth}- {text}")
            continue
        flush()
        if level:
            blocks.append(Block("heading", text, level=level))
        else:
            blocks.append(Block("paragraph", text))
    flush()
    return blocks


def load_docx(path: Path) -> LoadedDocument:
    """Blocks of a Word document, tables in place."""
    if not zipfile.is_zipfile(path):
        raise DocumentError(
            "corrupt",
            f"{path.name} is not a .docx file (not a zip package: an old .doc, or damaged?)",
        )
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # not a zip, no document part, broken XML...
        raise DocumentError(
            "corrupt", f"{path.name} is not a readable Word (.docx) file: {exc}"
        ) from exc
    try:
        blocks = _blocks(document)
    except Exception as exc:
        raise DocumentError("corrupt", f"{path.name}: the document body is damaged: {exc}") from exc
    try:
        title = " ".join((document.core_properties.title or "").split())
    except Exception:  # noqa: BLE001 - damaged properties should not lose the text
        title = ""
    title = title or next((b.text for b in blocks if b.kind == "heading"), "")
    return LoadedDocument(blocks=blocks, title_hint=title)
