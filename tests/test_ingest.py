"""Ingest on generated documents: every format, every kind of bad file, incremental updates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.index import read_state
from assistant.index.store import open_chroma
from ingest.pipeline import run_ingest
from tests import fixtures
from tests.conftest import make_settings, run_module

pytestmark = pytest.mark.slow

MANIFEST = """\
documents:
  - file: referral-procedure.pdf
    title: "ESP Referral procedure"
    publisher: Example Safeguarding Partnership (ESP)
    doc_type: procedure
    published: 2024-05
    period: unknown
"""


@pytest.fixture()
def esp_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.yaml").write_text(MANIFEST)
    fixtures.make_pdf(corpus / "referral-procedure.pdf")
    (corpus / "procedures").mkdir()
    fixtures.make_html(corpus / "procedures" / "escalation-chapter.html")
    fixtures.make_docx(corpus / "esp-guidance-2023.docx")
    fixtures.make_markdown(corpus / "esp-learning-summary-2022.md")
    (corpus / "esp-notes.txt").write_text(
        "ESP practice notes\n\nPractitioners in the Example Safeguarding Partnership record "
        "every referral in the case system on the same day.\n"
    )
    return corpus


def _add_bad_files(corpus: Path) -> None:
    fixtures.make_encrypted_pdf(corpus / "locked.pdf")
    fixtures.make_corrupt_pdf(corpus / "broken.pdf")
    fixtures.make_image_only_pdf(corpus / "scan.pdf")
    (corpus / "empty.txt").write_text("   \n")
    (corpus / "huge.txt").write_text("Example text. " * 200_000)
    (corpus / "data.xyz").write_text("what is this")


def _chroma_ids(data: Path) -> set[str]:
    return set(open_chroma(data, fresh=True).get(include=[])["ids"])


def _live_ids(data: Path) -> set[str]:
    state = read_state(data)
    assert state is not None
    return {i for rec in state["documents"].values() for i in rec["chunk_ids"]}


def test_every_format_is_indexed_with_pages_and_sections(esp_corpus: Path, tmp_path: Path) -> None:
    from assistant import open_assistant

    settings = make_settings(esp_corpus, tmp_path / "data")
    report = run_ingest(settings, progress=False)
    assert not report.failed
    assert len(report.added) == 5
    assistant = open_assistant(settings)
    chunks = assistant.chunks()
    pdf = [c for c in chunks if c.doc_id == "referral-procedure"]
    strategy = next(c for c in pdf if "strategy discussion within 3 working days" in c.text)
    assert strategy.meta.page == 2
    assert strategy.meta.published == "2024-05" and strategy.meta.doc_type == "procedure"
    assert "What happens after a referral" in strategy.meta.section
    html = [c for c in chunks if c.doc_id == "procedures-escalation-chapter"]
    assert html and all(c.meta.page is None for c in html)
    assert any(
        " > " in c.meta.section for c in html + [c for c in chunks if c.doc_id.endswith("2022")]
    )
    # Metadata the manifest does not give is inferred and marked so.
    docx = next(d for d in assistant.documents() if d.doc_id == "esp-guidance-2023")
    assert docx.published == "2023" and "published" in docx.inferred
    assert all(len(c.meta.content_hash) == 16 for c in chunks)


def test_bad_files_are_reported_and_the_rest_indexed(esp_corpus: Path, tmp_path: Path) -> None:
    _add_bad_files(esp_corpus)
    data = tmp_path / "data"
    settings = make_settings(esp_corpus, data, max_file_mb=1.0)
    report = run_ingest(settings, progress=False)
    reasons = {f.file: f.reason for f in report.failed}
    assert reasons == {
        "locked.pdf": "encrypted",
        "broken.pdf": "corrupt",
        "scan.pdf": "image_only",
        "empty.txt": "empty",
        "huge.txt": "oversized",
        "data.xyz": "unsupported",
    }
    assert "OCR" in next(f.message for f in report.failed if f.reason == "image_only")
    assert len(report.added) == 5
    assert _chroma_ids(data) == _live_ids(data)  # the index is consistent


def test_incremental_ingest_skips_replaces_and_removes(esp_corpus: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = make_settings(esp_corpus, data)
    first = run_ingest(settings, progress=False)
    ids_before = _live_ids(data)
    again = run_ingest(settings, progress=False)
    assert not again.added and not again.updated and not again.removed
    assert len(again.unchanged) == len(first.added)
    assert _live_ids(data) == ids_before

    notes = esp_corpus / "esp-notes.txt"
    notes.write_text("ESP practice notes\n\nReferrals are now recorded within two hours.\n")
    (esp_corpus / "esp-learning-summary-2022.md").unlink()
    changed = run_ingest(settings, progress=False)
    assert changed.updated == ["esp-notes"]
    assert changed.removed == ["esp-learning-summary-2022"]
    state = read_state(data)
    assert state is not None and "esp-learning-summary-2022" not in state["documents"]
    from assistant import open_assistant

    texts = [c.text for c in open_assistant(settings).chunks() if c.doc_id == "esp-notes"]
    assert texts == ["Referrals are now recorded within two hours."]
    assert _chroma_ids(data) == _live_ids(data)  # old version's chunks are gone from Chroma

    rebuilt = run_ingest(settings, rebuild=True, progress=False)
    assert len(rebuilt.added) == 4 and _chroma_ids(data) == _live_ids(data)


def test_chunk_ids_are_deterministic(esp_corpus: Path, tmp_path: Path) -> None:
    run_ingest(make_settings(esp_corpus, tmp_path / "a"), progress=False)
    run_ingest(make_settings(esp_corpus, tmp_path / "b"), progress=False)
    assert _live_ids(tmp_path / "a") == _live_ids(tmp_path / "b")


def test_cli_json_summary_and_exit_status(esp_corpus: Path, tmp_path: Path) -> None:
    fixtures.make_corrupt_pdf(esp_corpus / "broken.pdf")
    env = {"SGA_CORPUS_DIR": str(esp_corpus), "SGA_DATA_DIR": str(tmp_path / "data")}
    run = run_module("ingest", "--json", "--quiet", **env)
    assert run.returncode == 3, run.stderr
    summary = json.loads(run.stdout)
    assert len(summary["added"]) == 5
    assert summary["failed"][0]["file"] == "broken.pdf"
    human = run_module("ingest", "--quiet", **env)
    assert "unchanged 5" in human.stdout and "FAILED broken.pdf [corrupt]" in human.stdout
    bad = run_module("ingest", **env, SGA_NOPE="1")
    assert bad.returncode == 2 and "Unknown setting SGA_NOPE" in bad.stderr


def test_a_running_assistant_sees_a_cli_ingest_without_restart(
    esp_corpus: Path, tmp_path: Path
) -> None:
    from assistant import open_assistant

    data = tmp_path / "data"
    settings = make_settings(esp_corpus, data)
    run_ingest(settings, progress=False)
    assistant = open_assistant(settings)
    before = assistant.index_version
    (esp_corpus / "esp-new-rule.txt").write_text(
        "ESP lanyard rule\n\nEvery visitor to an ESP children's centre wears a purple lanyard.\n"
    )
    done = run_module("ingest", "--quiet", SGA_CORPUS_DIR=str(esp_corpus), SGA_DATA_DIR=str(data))
    assert done.returncode == 0, done.stderr
    answer = assistant.ask("What colour lanyard do visitors to a children's centre wear?")
    assert assistant.index_version != before
    assert any(c.doc_id == "esp-new-rule" for c in answer.citations)
    assert "purple lanyard" in answer.text
