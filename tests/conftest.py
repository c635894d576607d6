"""Shared fixtures: real components only (the real embedding model, real Chroma stores in temp
folders, the real bundled corpus, documents generated on the fly)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
for key in [k for k in os.environ if k.startswith("SGA_")]:
    del os.environ[key]  # tests choose their own settings

from assistant.settings import REPO_ROOT, Settings, load_settings  # noqa: E402

BUNDLED_CORPUS = REPO_ROOT / "corpus"


def run_module(module: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m MODULE ARGS`` from the repo root as a person would, with a clean
    environment: only the given ``SGA_*`` (or other) variables, offline."""
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=600,
    )


def make_settings(corpus: Path, data: Path, **extra: object) -> Settings:
    return load_settings(env={}, corpus_dir=str(corpus), data_dir=str(data), **extra)


@pytest.fixture(scope="session")
def bundled_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The bundled corpus ingested once per test session into a temporary data folder."""
    from ingest.pipeline import run_ingest

    data = tmp_path_factory.mktemp("bundled-index")
    settings = make_settings(BUNDLED_CORPUS, data)
    report = run_ingest(settings, progress=False)
    assert not report.failed, report.failed
    return settings


@pytest.fixture(scope="session")
def bundled(bundled_settings: Settings):  # type: ignore[no-untyped-def]
    from assistant import open_assistant

    return open_assistant(bundled_settings)


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, target)
    return target
