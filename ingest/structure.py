"""Recover structure from plain text and light Markdown.

Text extracted from PDFs has no markup: lines are hard-wrapped, headings are just short lines,
bullets and tab-separated tables survive, and page breaks can split a sentence in two. This
module turns such text into blocks (headings, paragraphs, lists, tables) that the chunker can
follow. Markdown adds ``#`` headings and inline emphasis, handled by the same code.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.model import Block

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]\s*)+(?:[·•]\s*)?|^\s*\(?\d{1,2}[.)]\s+(?=\S)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_TERMINAL = (".", ",", ";", ":", "!", "…")
_CONNECTORS = {
    "and",
    "or",
    "the",
    "of",
    "with",
    "to",
    "a",
    "an",
    "for",
    "in",
    "on",
    "by",
    "from",
    "our",
    "their",
    "is",
    "are",
    "be",
    "that",
    "as",
    "at",
    "which",
    "who",
    "this",
    "we",
    "it",
    "its",
}
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")


_HTML_TAG = re.compile(r"</?(?:u|b|i|em|strong|sup|sub|span|br|mark|small)\b[^>]*>", re.I)


def clean_inline(text: str) -> str:
    """Drop Markdown emphasis, inline HTML tags and link targets, keeping the words."""
    text = _HTML_TAG.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPH.sub(r"\2", text)
    return text.replace("**", "").strip()


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines into one paragraph, mending words split by a hyphen."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and line[:1].islower() and not out.endswith(" -"):
            out += line  # "multi-" + "agency" stays "multi-agency"
        else:
            out += " " + line
    return re.sub(r"[ \u00a0]{2,}", " ", out)


def _is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line)) and len(_BULLET.sub("", line).strip()) > 0


_ITEM_NUMBER = re.compile(r"^\s*(?:[-*•·▪◦]\s*)*\(?(\d{1,2}[.)])\s+(?=\S)")


def _strip_bullet(line: str) -> str:
    """The item's text; a numbered item keeps its number ("1. Tackling neglect"), which a
    reader may ask by ("what was priority no. 3?")."""
    number = _ITEM_NUMBER.match(line)
    prev = None
    while prev != line:  # "- 1. text" and "- · text" carry two markers
        prev, line = line, _BULLET.sub("", line, count=1).strip()
    return f"{number.group(1)} {line}" if number else line


def _numbered_if_short(item: str) -> str:
    """A short item keeps its number ("1. Tackling neglect"); a long one is a numbered
    paragraph of a report, whose number a reader would not ask by."""
    if _KEPT_NUMBER.match(item) and len(item.split()) > 16:
        return _KEPT_NUMBER.sub("", item, count=1)
    return item


_KEPT_NUMBER = re.compile(r"^\d{1,2}[.)] ")


def _looks_like_heading(line: str, nxt: str | None) -> bool:
    """A short line with no closing punctuation that starts a new thought."""
    text = line.strip()
    if not text or len(text) > 80 or len(text.split()) > 12:
        return False
    if text.endswith(_TERMINAL) or _is_bullet(text) or "\t" in text:
        return False
    first = text[0]
    if text.isdigit() or first in "¹²³⁴⁵⁶⁷⁸⁹*" or not (first.isupper() or first.isdigit()):
        return False
    if text.split()[-1].lower().strip("'’\"") in _CONNECTORS:
        return False
    if re.search(r"[a-z]\. [A-Z]", text):
        return False  # "Contact Officer: Tan Lea. Strategic ..." holds a sentence break
    if _SIGNATURE.match(text) and _ROLE_WORD.search(text):
        return False  # "Martin Reeves, Chief Executive of ...": a signature, not a title
    if ":" in text and len(text.split(":", 1)[1].split()) > 6:
        return False  # "Priorities: working to address neglect and ..." is content, not a title
    if nxt is not None:
        n = nxt.strip()
        if n and n[0].islower():
            return False  # the line wraps on into a lowercase continuation
    return True


def _groups(text: str) -> list[list[str]]:
    """Lines grouped by blank lines."""
    groups: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _group_blocks(lines: list[str], markdown: bool, page: int | None) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []
    items: list[str] = []
    rows: list[str] = []

    def flush() -> None:
        nonlocal para, items, rows
        if para and not join_lines(para).isdigit():  # a bare page number is not content
            blocks.append(Block("paragraph", clean_inline(join_lines(para)), page=page))
        if items:
            listed = "\n".join(f"- {clean_inline(_numbered_if_short(i))}" for i in items)
            blocks.append(Block("list", listed, page=page))
        if rows:
            blocks.append(Block("table", "\n".join(clean_inline(r) for r in rows), page=page))
        para, items, rows = [], [], []

    for i, line in enumerate(lines):
        md = _MD_HEADING.match(line) if markdown else None
        if md:
            flush()
            heading = clean_inline(md.group(2))
            if heading:
                blocks.append(Block("heading", heading, level=len(md.group(1)), page=page))
            continue
        if "\t" in line.strip("\t ") or (rows and "\t" in line):
            if para or items:
                flush()
            rows.append("\t".join(c.strip() for c in line.split("\t")).strip("\t"))
            continue
        if _is_bullet(line):
            if para or rows:
                flush()
            items.append(_strip_bullet(line))
            continue
        if items and (
            line.startswith((" ", "\t"))
            or (not items[-1].rstrip().endswith((".", "!", "?", ":", ";")) and len(line) < 70)
        ):
            items[-1] += " " + line.strip()  # wrapped bullet text
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if not para and not items and not rows and nxt is not None and len(lines) > 1:
            if _looks_like_heading(line, nxt) and (len(line.strip()) < 60):
                blocks.append(Block("heading", clean_inline(line), level=0, page=page))
                continue
        if items or rows:
            flush()
        para.append(line)
    flush()
    return blocks


def _merge_split_paragraphs(blocks: list[Block]) -> list[Block]:
    """Mend paragraphs that a page break cut in two (no closing stop, lowercase next start)."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "paragraph"
            and block.kind == "paragraph"
            and not prev.text.rstrip().endswith((".", "!", "?", ":", ";", "”", '"'))
            and block.text[:1].islower()
        ):
            prev.text = f"{prev.text.rstrip()} {block.text}"
            continue
        if (
            prev is not None
            and prev.kind == "list"
            and block.kind == "paragraph"
            and block.text[:1].islower()
            and not prev.text.rstrip().endswith((".", "!", "?", ":", ";"))
        ):
            prev.text = f"{prev.text.rstrip()} {block.text}"  # a list item wrapped past a gap
            continue
        if prev is not None and prev.kind == "list" and block.kind == "list":
            prev.text = f"{prev.text}\n{block.text}"  # one list split over blank lines
            continue
        out.append(block)
    return out


def text_to_blocks(text: str, *, markdown: bool = False, page: int | None = None) -> list[Block]:
    """Blocks of a plain-text (or Markdown) document, in order.

    >>> [b.kind for b in text_to_blocks("Our aims\\n\\nWe keep children safe.\\n\\n- one\\n- two")]
    ['heading', 'paragraph', 'list']
    """
    text = text.replace("\r\n", "\n").replace("\u00ad", "")
    blocks: list[Block] = []
    # A bare page number between groups would make the line before it look like a heading
    # (and so block mending a paragraph split by that page break): drop it up front.
    groups = [g for g in _groups(text) if not (len(g) == 1 and g[0].strip().isdigit())]
    for gi, lines in enumerate(groups):
        if len(lines) == 1 and not (markdown and _MD_HEADING.match(lines[0])):
            nxt_group = groups[gi + 1] if gi + 1 < len(groups) else None
            line = lines[0]
            if nxt_group is not None and _looks_like_heading(line, None) and not _is_bullet(line):
                nxt_first = nxt_group[0].strip()
                if not nxt_first[:1].islower():
                    blocks.append(Block("heading", clean_inline(line), level=0, page=page))
                    continue
        blocks.extend(_group_blocks(lines, markdown, page))
    blocks = _merge_split_paragraphs(blocks)
    return _assign_levels(_keep_bodyless_lines(blocks))


def _keep_bodyless_lines(blocks: list[Block]) -> list[Block]:
    """A line taken for a heading that heads nothing (a Markdown heading or the end follows:
    a signature such as "Jason Hogg, Chief Constable") is content, or it would be lost; so
    is one that a line ending in a colon introduces ("Comments checked by:" then "Thomas
    James, Finance Business Partner"). Before an inferred heading it stays a heading: a title
    above a section's heading. A name over its role ("Kevin Gordon" / "Director of Children's
    Services") is one line of a signature block: "Kevin Gordon, Director of Children's Services".
    """
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if b.kind == "heading" and b.level == 0:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            prev = out[-1] if out else None
            if (
                nxt is None
                or (nxt.kind == "heading" and nxt.level > 0)
                or (prev is not None and prev.kind != "heading" and prev.text.endswith(":"))
            ):
                b.kind = "paragraph"
            elif _NAME_LINE.fullmatch(b.text) and nxt.kind != "list" and _role_line(nxt.text):
                nxt.text, nxt.kind, nxt.level = f"{b.text}, {nxt.text}", "paragraph", 0
                continue
        out.append(b)
    return out


_SIGNATURE = re.compile(
    r"(?:(?:Dr|Prof|Cllr|Sir|Dame|Mr|Mrs|Ms|Miss)\.? )?[A-Z][a-z]+(?: [A-Z][a-z'’-]+){1,2}, "
)
_NAME_LINE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){1,2}")


def _role_line(text: str) -> bool:
    """A job title under a name: short, no sentence, a title's word ("Director of ...")."""
    return (
        len(text.split()) <= 8
        and not text.rstrip().endswith((".", "!", "?", ":"))
        and bool(_ROLE_WORD.search(text))
    )


_ROLE_WORD = re.compile(
    r"\b(director|officer|manager|chair|head|partner|lead|chief|commissioner|scrutineer|"
    r"constable|executive|co-?ordinator|advis[eo]r|superintendent|nurse|doctor|principal)\b",
    re.I,
)


def _assign_levels(blocks: list[Block]) -> list[Block]:
    """Give plain-text headings a level: a heading that recurs in the document ("Why these
    priorities?", "Impact and Outcomes") is a sub-heading of the one before it."""
    counts = Counter(b.text.lower() for b in blocks if b.kind == "heading")
    md_levels = [b.level for b in blocks if b.kind == "heading" and b.level > 0]
    top = min(md_levels) if md_levels else 1
    for b in blocks:
        if b.kind == "heading" and b.level == 0:
            b.level = top + 1 if counts[b.text.lower()] > 1 else top
    return blocks
