"""A message with a child's date of birth is warned about and written nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_module

pytestmark = pytest.mark.slow

DOB = "14/03/2016"
MESSAGE = f"Jayden Smith, 9, born {DOB}, lives at 12 Mill Lane OX4 1AB. What happens after I refer?"


def _files_containing(folder: Path, needle: str) -> list[Path]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file() and needle.encode() in path.read_bytes():
            hits.append(path)
    return hits


def test_personal_details_warned_and_never_logged_or_stored(bundled_settings, tmp_path) -> None:
    log_file = tmp_path / "assistant.log"
    run = run_module(
        "assistant",
        "ask",
        MESSAGE,
        "--json",
        SGA_DATA_DIR=bundled_settings.data_dir,
        SGA_LOG_FILE=str(log_file),
        SGA_LOG_LEVEL="DEBUG",
    )
    assert run.returncode in (0, 1), run.stderr
    assert '"kind": "warning"' in run.stdout  # the person is told not to enter such details
    assert log_file.exists() and "answered:" in log_file.read_text()
    for needle in (DOB, "Jayden", "Mill Lane"):
        assert needle not in log_file.read_text()
        assert needle not in run.stderr
        assert not _files_containing(Path(bundled_settings.data_dir), needle)


def test_the_answer_does_not_repeat_a_childs_name(bundled) -> None:
    answer = bundled.ask("Jamie Smith, 7, lives at 12 High Street and has bruises. What do I do?")
    assert any(n.kind == "warning" for n in answer.notices)
    assert "Smith" not in answer.text and "Jamie" not in answer.text
