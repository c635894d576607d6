"""Client-server mode: a real Chroma server (the ``chroma`` CLI of the venv) holds the vectors.

Ingest writes to the server, the assistant reads from it, and a re-ingest after a file is
removed deletes that document's chunks from the server's collection.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.index.store import COLLECTION
from ingest.pipeline import run_ingest
from tests.conftest import make_settings

pytestmark = [pytest.mark.slow]

CHROMA = Path(sys.executable).parent / "chroma"
HEARTBEAT = "/api/v2/heartbeat"  # chromadb 1.x (the v1 API answers 410 Gone)
START_TIMEOUT_S = 60.0

TRAINING = """\
Example Safeguarding Partnership training report 2023

Multi-agency training

The Example Safeguarding Partnership ran 37 multi-agency training courses on neglect and \
child exploitation for practitioners across the county during 2023.

Every designated safeguarding lead in the Example Safeguarding Partnership must refresh their \
training every two years.
"""

ESCALATION = """\
Example Safeguarding Partnership escalation procedure 2024

Resolving professional disagreements

When a practitioner disagrees with a decision about a child, the Example Safeguarding \
Partnership escalation procedure says they should first talk to the other worker within \
5 working days.

If the disagreement is not resolved, the practitioner's manager raises it with the manager of \
the other agency.
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + HEARTBEAT, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@pytest.fixture()
def chroma_server(tmp_path: Path) -> Iterator[str]:
    """A Chroma server on a free local port, persisting in a temp folder; its URL."""
    if not CHROMA.exists():
        pytest.skip(f"the chroma CLI is not installed next to the interpreter ({CHROMA})")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "chroma-server.log"
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [str(CHROMA), "run", "--path", str(tmp_path / "chroma-server"), "--host", "127.0.0.1"]
            + ["--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _answers(url):
            if server.poll() is not None:
                pytest.fail(
                    f"chroma server exited with {server.returncode}:\n"
                    + log_path.read_text(errors="replace")[-3000:]
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"chroma server did not answer {HEARTBEAT} within {START_TIMEOUT_S:.0f} s:\n"
                    + log_path.read_text(errors="replace")[-3000:]
                )
            time.sleep(0.25)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


def _server_collection(url: str):  # type: ignore[no-untyped-def]
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    port = int(url.rsplit(":", 1)[1])
    client = chromadb.HttpClient(
        host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False)
    )
    return client.get_collection(COLLECTION)


def test_ingest_query_and_removal_against_a_chroma_server(
    chroma_server: str, tmp_path: Path
) -> None:
    from assistant import open_assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "esp-training-report-2023.txt").write_text(TRAINING, encoding="utf-8")
    (corpus / "esp-escalation-procedure-2024.txt").write_text(ESCALATION, encoding="utf-8")
    data = tmp_path / "data"
    settings = make_settings(corpus, data, chroma_url=chroma_server)

    report = run_ingest(settings, progress=False)
    assert not report.failed, report.failed
    assert sorted(report.added) == ["esp-escalation-procedure-2024", "esp-training-report-2023"]
    assert not (data / "chroma").exists(), "server mode must not create an embedded store"

    collection = _server_collection(chroma_server)
    on_server = collection.get(include=["metadatas"])
    by_doc: dict[str, set[str]] = {}
    for cid, meta in zip(on_server["ids"], on_server["metadatas"], strict=True):
        by_doc.setdefault(str(meta["doc_id"]), set()).add(cid)
    assert set(by_doc) == {"esp-escalation-procedure-2024", "esp-training-report-2023"}
    assert sum(len(ids) for ids in by_doc.values()) == report.chunks

    a = open_assistant(settings)
    question = "How many multi-agency training courses did the partnership run in 2023?"
    chunks = a.retrieve(question, k=3)
    assert chunks, "retrieval over the server collection returned nothing"
    top = chunks[0]
    assert top.doc_id == "esp-training-report-2023"
    assert "37 multi-agency training courses" in top.text
    assert top.id in by_doc["esp-training-report-2023"]
    # The dense half really came from the server: querying it directly finds the same chunk.
    assert top.id in set(a.snapshot().collection.get(ids=[top.id], include=[])["ids"])

    answer = a.ask(question)
    assert not answer.abstained, answer.text
    assert answer.citations, "the answer must cite its source"
    cited = {(c.doc_id, c.chunk_id) for c in answer.citations}
    assert ("esp-training-report-2023", top.id) in cited, cited
    assert "37" in answer.text

    # Remove one document and ingest again: its chunks must go from the server collection.
    removed_ids = by_doc["esp-escalation-procedure-2024"]
    (corpus / "esp-escalation-procedure-2024.txt").unlink()
    second = run_ingest(settings, progress=False)
    assert second.removed == ["esp-escalation-procedure-2024"]
    assert not second.failed, second.failed

    collection = _server_collection(chroma_server)
    assert collection.get(ids=sorted(removed_ids), include=[])["ids"] == []
    left = collection.get(where={"doc_id": "esp-escalation-procedure-2024"}, include=[])
    assert left["ids"] == []
    kept = set(collection.get(include=[])["ids"])
    assert kept == by_doc["esp-training-report-2023"]

    # The open assistant picks up the new index version and no longer finds the removed text.
    escalation = a.retrieve("What should a practitioner do when they disagree with a decision?")
    assert escalation, "the remaining document should still be retrievable"
    assert all(c.doc_id == "esp-training-report-2023" for c in escalation)
    assert a.index_version == second.version
