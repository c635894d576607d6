"""Generate test documents on the fly (no binaries in the repository).

Everything here is fictional: the "Example Safeguarding Partnership" (ESP) and its referral
procedure exist only so that loader tests have realistic, known text to assert on.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter

RUNNING_HEADER = "Example Safeguarding Partnership - Referral procedure"
SPLIT_START = "Over the last year the partnership and its partners"
SPLIT_END = "have updated the referral resources for schools."

# One list per page. "# " starts a title, "## " a heading, "- " a bullet, a line with tabs is
# a table row; anything else is a paragraph.
# Page 1 ends mid-sentence and page 2 carries on in lowercase: a split a loader must mend.
REFERRAL_PAGES: list[list[str]] = [
    [
        "# Example Safeguarding Partnership: Referral procedure",
        "## Making a referral",
        (
            "Anyone who is worried that a child is being harmed should contact the ESP front door "
            "team straight away. If a child is in immediate danger, call the police on 999."
        ),
        "- Say who you are and how you know the child",
        "- Describe what you have seen or heard",
        "- Say what you have already done",
        "This procedure applies to every agency in the partnership. " + SPLIT_START,
    ],
    [
        SPLIT_END,
        "## What happens after a referral",
        (
            "The front door team will acknowledge the referral within one working day and tell "
            "the referrer what will happen next."
        ),
        (
            "Where there is reasonable cause to suspect significant harm, the team will hold a "
            "strategy discussion within 3 working days with the police and health colleagues."
        ),
        "Step\tTimescale",
        "Acknowledge the referral\t1 working day",
        "Strategy discussion\t3 working days",
    ],
    [
        "## Escalation and resolution of professional disagreements",
        (
            "If you disagree with a decision, first talk to the worker who made it. If that does "
            "not resolve it within 5 working days, escalate to their manager."
        ),
        "The ESP escalation log is reviewed by the Quality Assurance subgroup every quarter.",
    ],
]


class _PartnershipPdf(FPDF):
    """A PDF with a running header and a bare page number on every page, like real reports."""

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, RUNNING_HEADER, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, str(self.page_no()), align="C")


def _pdf_bytes(pages: list[list[str]], title: str | None) -> bytes:
    pdf = _PartnershipPdf()
    if title:
        pdf.set_title(title)
    for items in pages:
        pdf.add_page()
        for item in items:
            if item.startswith("#"):
                level, text = item.split(" ", 1)
                pdf.set_font("Helvetica", "B", 18 if level == "#" else 14)
                pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(3)
            elif "\t" in item:
                pdf.set_font("Helvetica", size=11)
                cells = item.split("\t")
                for cell in cells:
                    pdf.cell(pdf.epw / len(cells), 7, cell)
                pdf.ln(9)
            elif item.startswith("- "):
                pdf.set_font("Helvetica", size=11)
                pdf.multi_cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("Helvetica", size=11)
                pdf.ln(3)
                pdf.multi_cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(3)
    return bytes(pdf.output())


def make_pdf(path: Path, pages: list[list[str]] | None = None, title: str | None = None) -> Path:
    """A multi-page PDF with a real text layer; ``pages`` defaults to ``REFERRAL_PAGES``."""
    path.write_bytes(_pdf_bytes(pages if pages is not None else REFERRAL_PAGES, title))
    return path


def _encrypt(path: Path, user_password: str) -> Path:
    # RC4 needs no optional crypto library, so the fixture works in any environment.
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_bytes(REFERRAL_PAGES, None))))
    writer.encrypt(user_password, owner_password="esp-owner", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_encrypted_pdf(path: Path, password: str = "secret") -> Path:
    """A PDF that cannot be opened without its user password."""
    return _encrypt(path, password)


def make_empty_password_pdf(path: Path) -> Path:
    """Encrypted with an empty user password (permissions only): readers open it freely."""
    return _encrypt(path, "")


def make_corrupt_pdf(path: Path) -> Path:
    """Starts like a PDF, then nothing pypdf can parse: no xref, no trailer, no objects."""
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8 + b"\n%%EO")
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: one picture and no text layer at all."""
    image = Image.new("RGB", (400, 300), "white")
    for x in range(40, 360):
        for y in (60, 61, 120, 121, 180, 181):  # grey bars standing in for scanned lines
            image.putpixel((x, y), (90, 90, 90))
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    path.write_bytes(bytes(pdf.output()))
    return path


HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Referral procedure | Example Safeguarding Partnership</title>
  <style>body { font-family: sans-serif; }</style>
  <script>window.dataLayer = [];</script>
</head>
<body>
  <a class="skip-link" href="#content">Skip to main content</a>
  <div id="cookie-banner">We use cookies to improve this site. <button>Accept cookies</button></div>
  <header><div class="logo">ESP Procedures Manual</div>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/contents">Contents</a></li></ul></nav>
  </header>
  <div class="page-wrapper with-sidebar">
    <div class="breadcrumbs"><a href="/">Home</a> &gt; Referrals</div>
    <main id="content">
      <h1>Referral procedure</h1>
      <p>This chapter explains how to make a referral to the ESP front door team.</p>
      <h2>Making a referral</h2>
      <p>Anyone who is worried about a child should <a href="/contact">contact the front
        door team</a> straight away.</p>
      <h3>What to include</h3>
      <ul>
        <li>Who you are and how you know the child</li>
        <li>What you have seen or heard
          <ul><li>dates and times</li><li>the child's own words</li></ul>
        </li>
        <li>What you have already done</li>
      </ul>
      <h2>What happens after a referral</h2>
      <div>The front door team will acknowledge the referral within one working day.</div>
      <table>
        <tr><th>Step</th><th>Timescale</th></tr>
        <tr><td>Acknowledge the referral</td><td>1 working day</td></tr>
        <tr><td>Strategy discussion</td><td>3 working days</td></tr>
      </table>
    </main>
    <aside class="sidebar">Related documents: ESP threshold guidance</aside>
  </div>
  <footer><p>Copyright Example Safeguarding Partnership. Accessibility statement.</p></footer>
</body>
</html>
"""


def make_html(path: Path) -> Path:
    """A procedures-manual chapter wrapped in site furniture a loader must strip."""
    path.write_text(HTML_PAGE, encoding="utf-8")
    return path


def make_docx(path: Path, title: str | None = "ESP Referral procedure") -> Path:
    """A Word procedure with a Title, Heading 1/2, paragraphs, a bulleted list and a table."""
    doc = Document()
    if title:
        doc.core_properties.title = title
    doc.add_heading("Referral procedure", level=0)  # the "Title" style
    doc.add_paragraph("This procedure is for all staff in the Example Safeguarding Partnership.")
    doc.add_heading("Making a referral", level=1)
    doc.add_paragraph("Contact the front door team when you are worried about a child.")
    for item in ("Who you are", "What you have seen or heard", "What you have already done"):
        doc.add_paragraph(item, style="List Bullet")
    doc.add_heading("Timescales", level=2)
    table = doc.add_table(rows=3, cols=2)
    rows = [
        ("Step", "Timescale"),
        ("Acknowledge the referral", "1 working day"),
        ("Strategy discussion", "3 working days"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    doc.add_paragraph("Record every referral in the child's file.")
    doc.save(str(path))
    return path


MARKDOWN = """# ESP Referral procedure

## Making a referral

Anyone who is worried about a child should contact the **front door team**
straight away.

- Say who you are
- Say what you have seen

## What happens after a referral

The front door team will acknowledge the referral within one working day.
"""


def make_markdown(path: Path) -> Path:
    """A short Markdown procedure with two heading levels and a list."""
    path.write_text(MARKDOWN, encoding="utf-8")
    return path
