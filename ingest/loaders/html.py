"""HTML: procedure-manual chapters saved as web pages.

Only the chapter itself is wanted: site furniture (menus, breadcrumbs, cookie banners, footers)
would otherwise be indexed on every page and crowd out real answers. The markup already says
what is a heading, list or table, so blocks come straight from the tags.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from assistant.errors import DocumentError
from ingest.model import Block, LoadedDocument

_DROP_TAGS = [
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "nav", "aside", "form", "button", "select", "footer", "header",
]  # fmt: skip
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
_FURNITURE = re.compile(r"^(nav|breadcrumb|cookie|consent|menu|sidebar|skip)", re.IGNORECASE)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = _HEADINGS | {
    "p", "ul", "ol", "dl", "table", "div", "section", "article", "main", "blockquote", "pre",
    "figure", "figcaption", "li", "dt", "dd", "tr", "td", "th", "address", "details", "summary",
    "hr", "br",
}  # fmt: skip
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTAINERS = sorted(_BLOCK_TAGS - {"br", "hr"})


def _tokens(tag: Tag) -> list[str]:
    """id and class words, split at '-', '_' and camelCase: 'mainNav' -> ['main', 'nav']."""
    raw = [str(tag.get("id") or "")] + [str(c) for c in tag.get_attribute_list("class") if c]
    words: list[str] = []
    for value in raw:
        words += [w for w in re.split(r"[-_\s]+|(?<=[a-z])(?=[A-Z])", value) if w]
    return words


def _is_furniture(tag: Tag) -> bool:
    role = str(tag.get("role") or "").lower()
    if role in _DROP_ROLES or tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    if "display:none" in str(tag.get("style") or "").replace(" ", "").lower():
        return True
    return any(_FURNITURE.match(w) for w in _tokens(tag))


def _strip_furniture(soup: BeautifulSoup) -> None:
    """Remove site furniture but never a wrapper that holds the content itself
    (``<div class="page with-sidebar">`` around ``<main>`` must survive)."""
    for tag in soup.find_all(_DROP_TAGS):
        if tag.name == "header" and tag.find_parent(["main", "article"]):
            continue  # an article's own header carries its title
        tag.decompose()
    body_len = len((soup.body or soup).get_text(" ", strip=True)) or 1
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in {"html", "body", "main", "article"}:
            continue
        if not _is_furniture(tag) or tag.find(["main", "article", "h1"]):
            continue
        if len(tag.get_text(" ", strip=True)) < 0.5 * body_len:
            tag.decompose()


def _inline(el: Tag | NavigableString, skip: frozenset[str] = frozenset()) -> str:
    """Text of an element with words kept apart at block boundaries and ``<br>``."""
    parts: list[str] = []

    def walk(node: Tag | NavigableString) -> None:
        if isinstance(node, NavigableString):
            if _is_text(node):
                parts.append(str(node))
            return
        if node.name in skip:
            return
        if node.name in _BLOCK_TAGS:
            parts.append(" ")
        for child in node.children:
            walk(child)
        if node.name in _BLOCK_TAGS:
            parts.append(" ")

    walk(el)
    return " ".join("".join(parts).split())


def _is_text(node: NavigableString) -> bool:
    """Plain text, not comments, doctypes or CDATA."""
    return type(node) is NavigableString


def _list_lines(lst: Tag, depth: int = 0) -> list[str]:
    """'- item' lines; a nested list is indented under its item."""
    lines: list[str] = []
    for li in lst.find_all("li", recursive=False):
        text = _inline(li, skip=frozenset({"ul", "ol"}))
        if text:
            lines.append(f"{'  ' * depth}- {text}")
        for sub in li.find_all(["ul", "ol"]):
            if sub.find_parent("li") is li:
                lines += _list_lines(sub, depth + 1)
    return lines


def _table_text(table: Tag) -> str:
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a nested table's rows are read as its cell's text
        cells = [_inline(c) for c in tr.find_all(["td", "th"], recursive=False)]
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _blocks(node: Tag, out: list[Block]) -> None:
    """Walk in document order; loose text between blocks becomes a paragraph."""
    loose: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(loose).split())
        if text:
            out.append(Block("paragraph", text))
        loose.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            if _is_text(child):
                loose.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name in _HEADINGS or name in {"p", "ul", "ol", "dl", "table", "pre"}:
            flush()
        if name in _HEADINGS:
            text = _inline(child)
            if text:
                out.append(Block("heading", text, level=int(name[1])))
        elif name in {"p", "pre"}:
            text = _inline(child)
            if text:
                out.append(Block("paragraph", text))
        elif name in {"ul", "ol"}:
            lines = _list_lines(child)
            if lines:
                out.append(Block("list", "\n".join(lines)))
        elif name == "dl":
            lines = [f"- {_inline(t)}" for t in child.find_all(["dt", "dd"]) if _inline(t)]
            if lines:
                out.append(Block("list", "\n".join(lines)))
        elif name == "table" and not child.find(list(_HEADINGS) + ["table"]):
            text = _table_text(child)
            if text:
                out.append(Block("table", text))
        elif name == "br":
            loose.append(" ")
        elif name in _BLOCK_TAGS or name == "table" or child.find(_CONTAINERS):
            flush()
            _blocks(child, out)  # a container (div, section, layout table...): look inside
        else:
            loose.append(_inline(child))  # inline markup: a, span, strong, em...
    flush()


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 if it decodes (pages often mis-declare), else the declared charset, else cp1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    if b"\x00" in raw[:4096]:
        raise DocumentError("corrupt", f"{name} looks like a binary file, not a web page")
    declared = _CHARSET.search(raw[:4096])
    for encoding in ["utf-8-sig"] + ([declared.group(1).decode("ascii")] if declared else []):
        try:
            text = raw.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        text = raw.decode("cp1252", errors="replace")
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    if bad > max(10, len(text) // 100):
        raise DocumentError("corrupt", f"{name} is garbled: it is not readable text or HTML")
    return text


def load_html(path: Path) -> LoadedDocument:
    """Blocks of the main content of a web page."""
    text = _decode(path.read_bytes(), path.name)
    try:
        soup = BeautifulSoup(text, "lxml")
    except Exception as exc:  # lxml refuses some garbage outright
        raise DocumentError("corrupt", f"{path.name} could not be parsed as HTML: {exc}") from exc
    page_title = " ".join(soup.title.get_text().split()) if soup.title else ""
    _strip_furniture(soup)
    root = soup.find("main") or soup.find(attrs={"role": "main"})
    if root is None:
        articles = soup.find_all("article")
        root = articles[0] if len(articles) == 1 else soup.body or soup
    blocks: list[Block] = []
    _blocks(root, blocks)
    h1 = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), "")
    return LoadedDocument(blocks=blocks, title_hint=h1 or page_title)
