"""Loaders and plain-text structure recovery, on generated fictional documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import DocumentError
from ingest.loaders import load_document
from ingest.loaders.docx import load_docx
from ingest.loaders.html import load_html
from ingest.loaders.pdf import load_pdf
from ingest.model import Block, LoadedDocument
from ingest.structure import text_to_blocks
from tests import fixtures


def _find(doc: LoadedDocument | list[Block], phrase: str) -> Block:
    blocks = doc.blocks if isinstance(doc, LoadedDocument) else doc
    matches = [b for b in blocks if phrase in b.text]
    assert matches, f"{phrase!r} not found in {[b.text for b in blocks]}"
    return matches[0]


def _reason(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        load_document(path)
    return info.value


# --- PDF -------------------------------------------------------------------------------------


@pytest.fixture
def pdf_doc(tmp_path: Path) -> LoadedDocument:
    return load_pdf(fixtures.make_pdf(tmp_path / "referral.pdf", title="ESP Referral procedure"))


def test_pdf_blocks_carry_their_page(pdf_doc: LoadedDocument) -> None:
    assert pdf_doc.has_pages
    assert all(b.page is not None for b in pdf_doc.blocks)
    assert _find(pdf_doc, "within one working day").page == 2
    assert _find(pdf_doc, "strategy discussion within 3 working days").page == 2
    assert _find(pdf_doc, "Escalation and resolution").page == 3
    assert _find(pdf_doc, "call the police on 999").page == 1


def test_pdf_structure_headings_lists_tables(pdf_doc: LoadedDocument) -> None:
    title = _find(pdf_doc, "Example Safeguarding Partnership: Referral procedure")
    section = _find(pdf_doc, "What happens after a referral")
    assert (title.kind, section.kind) == ("heading", "heading")
    assert title.level < section.level  # bigger type ranks higher
    assert _find(pdf_doc, "Describe what you have seen").kind == "list"
    table = _find(pdf_doc, "Strategy discussion\t3 working days")
    assert table.kind == "table" and table.page == 2
    assert pdf_doc.title_hint == "ESP Referral procedure"


def test_pdf_mends_sentence_split_by_page_break(pdf_doc: LoadedDocument) -> None:
    mended = _find(pdf_doc, fixtures.SPLIT_START)
    assert f"{fixtures.SPLIT_START} {fixtures.SPLIT_END}" in mended.text
    assert mended.page == 1  # keeps the page where it started
    assert not any(b.text.startswith(fixtures.SPLIT_END) for b in pdf_doc.blocks)


def test_pdf_drops_running_header_and_page_numbers(pdf_doc: LoadedDocument) -> None:
    text = pdf_doc.full_text()
    assert fixtures.RUNNING_HEADER not in text
    assert not any(b.text.strip().isdigit() for b in pdf_doc.blocks)


def test_pdf_two_pages_header_dropped_and_title_from_heading(tmp_path: Path) -> None:
    doc = load_pdf(fixtures.make_pdf(tmp_path / "short.pdf", pages=fixtures.REFERRAL_PAGES[:2]))
    assert fixtures.RUNNING_HEADER not in doc.full_text()
    assert doc.title_hint == "Example Safeguarding Partnership: Referral procedure"


def test_pdf_encrypted_with_password(tmp_path: Path) -> None:
    error = _reason(fixtures.make_encrypted_pdf(tmp_path / "locked.pdf"))
    assert error.reason == "encrypted"
    assert "password" in str(error)


def test_pdf_encrypted_with_empty_password_loads(tmp_path: Path) -> None:
    doc = load_document(fixtures.make_empty_password_pdf(tmp_path / "open.pdf"))
    assert _find(doc, "strategy discussion within 3 working days").page == 2


def test_pdf_needing_crypto_library_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf.errors import DependencyError

    import ingest.loaders.pdf as pdf_module

    def refuse(_path: Path) -> None:
        raise DependencyError("cryptography is required for AES algorithm")

    monkeypatch.setattr(pdf_module, "PdfReader", refuse)
    error = _reason(fixtures.make_pdf(tmp_path / "aes.pdf"))
    assert error.reason == "encrypted" and "cryptography" in str(error)


@pytest.mark.parametrize(
    "content",
    [
        None,  # fixtures.make_corrupt_pdf
        b"",
        b"This is a text file with a .pdf name.",
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog",
    ],
)
def test_pdf_corrupt(
    tmp_path: Path, content: bytes | None, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "broken.pdf"
    if content is None:
        fixtures.make_corrupt_pdf(path)
    else:
        path.write_bytes(content)
    error = _reason(path)
    assert error.reason == "corrupt"
    assert "broken.pdf" in str(error) and "not a readable PDF" in str(error)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]  # pypdf kept quiet


def test_pdf_truncated_is_corrupt(tmp_path: Path) -> None:
    whole = fixtures.make_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) - 200])
    assert _reason(path).reason == "corrupt"


def test_pdf_image_only_needs_ocr(tmp_path: Path) -> None:
    error = _reason(fixtures.make_image_only_pdf(tmp_path / "scan.pdf"))
    assert error.reason == "image_only"
    assert "OCR" in str(error)


# --- HTML, DOCX, Markdown --------------------------------------------------------------------


def test_html_keeps_content_and_drops_site_furniture(tmp_path: Path) -> None:
    doc = load_html(fixtures.make_html(tmp_path / "chapter.html"))
    text = doc.full_text()
    for furniture in (
        "Skip to main content",
        "cookies",
        "Home",
        "Contents",
        "Copyright",
        "Related",
    ):
        assert furniture not in text
    assert "ESP Procedures Manual" not in text
    assert not doc.has_pages and doc.title_hint == "Referral procedure"
    headings = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("Referral procedure", 1),
        ("Making a referral", 2),
        ("What to include", 3),
        ("What happens after a referral", 2),
    ]
    assert "contact the front door team straight away" in _find(doc, "Anyone who").text
    items = _find(doc, "Who you are").text.splitlines()
    assert _find(doc, "Who you are").kind == "list"
    assert items[1:3] == ["- What you have seen or heard", "  - dates and times"]
    assert _find(doc, "within one working day").kind == "paragraph"  # loose div text
    table = _find(doc, "Timescale")
    assert table.kind == "table"
    assert table.text.splitlines()[2] == "Strategy discussion\t3 working days"


def test_html_without_main_still_drops_furniture(tmp_path: Path) -> None:
    path = tmp_path / "plain.html"
    page = fixtures.HTML_PAGE.replace('<main id="content">', '<div id="content">')
    path.write_text(page.replace("</main>", "</div>"), encoding="utf-8")
    doc = load_html(path)
    assert "Strategy discussion" in doc.full_text()  # the "with-sidebar" wrapper survived
    assert "cookies" not in doc.full_text() and "Related documents" not in doc.full_text()


def test_html_garbage_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "garbage.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 20)
    assert _reason(path).reason == "corrupt"


def test_docx_headings_lists_tables_in_order(tmp_path: Path) -> None:
    doc = load_docx(fixtures.make_docx(tmp_path / "procedure.docx"))
    assert doc.title_hint == "ESP Referral procedure" and not doc.has_pages
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [
        ("heading", 1),  # Title
        ("paragraph", 0),
        ("heading", 1),
        ("paragraph", 0),
        ("list", 0),
        ("heading", 2),
        ("table", 0),
        ("paragraph", 0),
    ]
    assert _find(doc, "Who you are").text.splitlines() == [
        "- Who you are",
        "- What you have seen or heard",
        "- What you have already done",
    ]
    assert "Strategy discussion\t3 working days" in _find(doc, "Timescale\n").text


def test_docx_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    doc = load_docx(fixtures.make_docx(tmp_path / "untitled.docx", title=None))
    assert doc.title_hint == "Referral procedure"


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_docx_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    assert _reason(path).reason == "corrupt"


def test_markdown_headings(tmp_path: Path) -> None:
    doc = load_document(fixtures.make_markdown(tmp_path / "procedure.md"))
    headings = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings[:2] == [("ESP Referral procedure", 1), ("Making a referral", 2)]
    assert "contact the front door team straight away" in _find(doc, "Anyone").text
    assert _find(doc, "Say who you are").kind == "list"


# --- Registry --------------------------------------------------------------------------------


def test_registry_unsupported_oversized_and_empty(tmp_path: Path) -> None:
    odd = tmp_path / "minutes.xyz"
    odd.write_text("Minutes of the meeting.", encoding="utf-8")
    assert _reason(odd).reason == "unsupported"

    big = fixtures.make_markdown(tmp_path / "big.md")
    with pytest.raises(DocumentError) as info:
        load_document(big, max_bytes=10)
    assert info.value.reason == "oversized"

    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    assert _reason(empty).reason == "empty"


def test_registry_dispatches_by_extension(tmp_path: Path) -> None:
    assert load_document(fixtures.make_html(tmp_path / "a.HTM")).title_hint == "Referral procedure"
    assert load_document(fixtures.make_docx(tmp_path / "b.docx")).blocks[0].kind == "heading"
    assert load_document(fixtures.make_pdf(tmp_path / "c.pdf")).has_pages


# --- Plain-text structure recovery -----------------------------------------------------------


def test_structure_joins_hard_wrapped_lines() -> None:
    blocks = text_to_blocks("We work with partners to keep\nchildren safe across the\ncounty.")
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "We work with partners to keep children safe across the county.")
    ]


def test_structure_keeps_the_numbers_of_a_numbered_list() -> None:
    """A reader asks for "priority no. 3": the item keeps the number the document gave it."""
    blocks = text_to_blocks("Priorities\n\n1.  Tackling neglect\n\n3. Addressing exploitation\n")
    listed = [b.text for b in blocks if b.kind == "list"]
    assert listed == ["- 1. Tackling neglect\n- 3. Addressing exploitation"]
    bullets = text_to_blocks("Our priorities\n\n- Tackling neglect\n- 1) Working together\n")
    assert [b.text for b in bullets if b.kind == "list"] == [
        "- Tackling neglect\n- 1) Working together"
    ]
    long = "2. This paper highlights findings from the annual report on how well local arrangements"
    paragraphs = text_to_blocks(f"Summary\n\n{long} keep children safe in the county.\n")
    assert [b.text for b in paragraphs if b.kind == "list"][0].startswith("- This paper")


def test_structure_mends_hyphenated_words() -> None:
    blocks = text_to_blocks("Training covers multi-\nagency working.")
    assert blocks[0].text == "Training covers multi-agency working."


def test_structure_heading_like_line_becomes_heading() -> None:
    for text in ("Making a referral\n\nCall the team.", "Making a referral\nCall the team today."):
        blocks = text_to_blocks(text)
        assert [b.kind for b in blocks] == ["heading", "paragraph"]
        assert blocks[0].text == "Making a referral" and blocks[0].level == 1


def test_structure_keeps_lines_that_head_nothing_as_content() -> None:
    text = (
        "# Foreword\n\nWe thank our partners.\n\nJo Bloggs, Chief Constable, Example Police"
        "\n\n# Scrutineer statement\n\nThe arrangements are robust."
    )
    blocks = text_to_blocks(text, markdown=True)
    signature = [b for b in blocks if "Jo Bloggs" in b.text]
    assert [b.kind for b in signature] == ["paragraph"]
    officer = text_to_blocks("Contact Officer: Jo Bloggs. Partnership Officer\n\n30 11 21")
    assert officer[0].kind == "paragraph"
    # A council paper's sign-off: the name a colon introduces, and a name over its role.
    paper = text_to_blocks(
        "Financial Implications\n\nThe budget is in appendix B.\n\nComments checked by:\n\n"
        "Sam Reed, Finance Business Partner\n\nLegal Implications\n\nThere are none.\n\n"
        "Jo Bloggs\n\nDirector of Children's Services\n\nContact Officer: Tan Lea. Officer"
    )
    texts = [(b.kind, b.text) for b in paper]
    assert ("paragraph", "Sam Reed, Finance Business Partner") in texts
    assert ("paragraph", "Jo Bloggs, Director of Children's Services") in texts
    assert ("heading", "Legal Implications") in texts
    # A foreword's signatures after its last list are content, not a section of their own.
    foreword = text_to_blocks(
        "# Foreword\n\nShared with:\n\n- The Board\n\nJo Bloggs, Chief Executive of Example "
        "Council\n\nDr Sam Reed, Chief Constable, Example Police\n\n# Scrutineer statement\n\n"
        "The arrangements are robust.",
        markdown=True,
    )
    signed = [b for b in foreword if "Jo Bloggs" in b.text or "Sam Reed" in b.text]
    assert [b.kind for b in signed] == ["paragraph", "paragraph"]


def test_structure_mends_a_list_item_wrapped_past_a_blank_line() -> None:
    text = (
        "1.  Embedding the new arrangements including the\n\nchild death review\n\n2.  Joint work"
    )
    blocks = text_to_blocks(text)
    assert [b.kind for b in blocks] == ["list"]
    assert blocks[0].text.splitlines() == [
        "- 1. Embedding the new arrangements including the child death review",
        "- 2. Joint work",
    ]


def test_structure_bullets_become_one_list() -> None:
    blocks = text_to_blocks("What to include:\n\n- who you are\n• what you saw\n\n- what you did")
    assert [b.kind for b in blocks] == ["paragraph", "list"]
    assert blocks[1].text == "- who you are\n- what you saw\n- what you did"


def test_structure_tab_separated_lines_become_one_table() -> None:
    blocks = text_to_blocks("Step\tTimescale\nAcknowledge\t1 day\nStrategy discussion\t3 days")
    assert len(blocks) == 1 and blocks[0].kind == "table"
    assert blocks[0].text.splitlines()[2] == "Strategy discussion\t3 days"


def test_structure_mends_paragraph_split_by_page_break() -> None:
    blocks = text_to_blocks("Over the last year they\n\n\n\nhave updated the resources.")
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Over the last year they have updated the resources.")
    ]


def test_structure_drops_bare_page_numbers() -> None:
    blocks = text_to_blocks("The partnership met often.\n\n12\n\nIt agreed the plan.")
    assert [b.text for b in blocks] == ["The partnership met often.", "It agreed the plan."]


def test_structure_page_number_inside_split_paragraph() -> None:
    blocks = text_to_blocks("The partners agreed\n\n7\n\nto meet again in May.", page=3)
    assert [(b.text, b.page) for b in blocks] == [("The partners agreed to meet again in May.", 3)]


def test_a_chunk_that_continues_a_list_keeps_its_introduction() -> None:
    from assistant.index import lexical_text
    from ingest.chunking import make_chunks

    items = "\n".join(
        f"- Police checks item {i}: revisit checks when new intelligence arises." for i in range(8)
    )
    blocks = [
        Block("heading", "Support for families", level=1),
        Block("paragraph", "Contacts rose again. " * 12),
        Block("paragraph", "We audited the MASH with partners. The key themes identified include:"),
        Block("list", items),
        Block("paragraph", "A closing paragraph that introduces nothing."),
    ]
    doc = {
        "doc_id": "d",
        "title": "ESP Annual Report",
        "doc_type": "annual_report",
        "published": "2024",
        "period": "",
        "doc_version": "v" * 16,
    }
    chunks = make_chunks(blocks, doc, chunk_chars=400)
    listed = next(c for c in chunks if c.text.startswith("- Police"))
    assert chunks[chunks.index(listed) - 1].text.endswith("include:")  # split at the list
    assert listed.meta.lead_in == (
        "We audited the MASH with partners. The key themes identified include:"
    )
    assert "We audited the MASH" in lexical_text(listed.text, listed.meta.__dict__)
    assert chunks[0].meta.lead_in == ""
    # A paragraph too long for one chunk: the later part keeps the paragraph's opening.
    long = "Neglect is our first priority this year. " + "We train staff on the tool. " * 30
    split = make_chunks([Block("paragraph", long)], doc, chunk_chars=400)
    assert len(split) > 1 and split[0].meta.lead_in == ""
    assert all(c.meta.lead_in.startswith("Neglect is our first priority") for c in split[1:])
