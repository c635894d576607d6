"""The Gradio app in a real headless Chromium: ask, see the cited answer; a risk message shows
the escalation panel first."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(bundled_settings) -> Iterator[str]:  # type: ignore[no-untyped-def]
    port = _free_port()
    env = {
        **os.environ,
        "SGA_DATA_DIR": bundled_settings.data_dir,
        "SGA_PORT": str(port),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "app.py"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"app exited: {proc.stdout.read() if proc.stdout else ''}")
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("app did not start within 120 s")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def page(app_url: str):  # type: ignore[no-untyped-def]
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh test installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(app_url)
        yield page
        browser.close()


BOTS = "#chat .message.bot, #chat [data-testid='bot']"


def _ask(page, question: str) -> str:  # type: ignore[no-untyped-def]
    """Ask and return the text of the NEW answer once it has stopped changing."""
    before = page.locator(BOTS).count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        "([sel, n]) => { const m = document.querySelectorAll(sel);"
        " return m.length > n && m[m.length - 1].innerText.length > 40; }",
        arg=[BOTS, before],
        timeout=60_000,
    )
    last = page.locator(BOTS).nth(before)
    text = last.inner_text()
    for _ in range(20):  # streaming: wait until two reads agree
        page.wait_for_timeout(250)
        again = last.inner_text()
        if again == text:
            break
        text = again
    return text


def test_question_gets_a_cited_answer(page) -> None:  # type: ignore[no-untyped-def]
    text = _ask(page, "How many children were in care at the end of 2017/18?")
    assert "691" in text
    assert "Sources" in text and "OSCB Business Plan 2017-19" in text


def test_risk_message_shows_the_escalation_panel_first(page) -> None:  # type: ignore[no-untyped-def]
    text = _ask(page, "A pupil just told me her stepdad hits her and she is scared to go home")
    assert "999" in text
    assert text.index("999") < text.find("According to") if "According to" in text else True
    assert "MASH" in text and "LADO" in text
