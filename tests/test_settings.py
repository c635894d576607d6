from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import SettingsError
from assistant.settings import REPO_ROOT, SETTINGS, load_settings


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    missing = [s.name for s in SETTINGS if f"SGA_{s.name.upper()}" not in readme]
    assert not missing, f"settings not documented in README.md: {missing}"


def test_environment_overrides_file_overrides_default(tmp_path: Path) -> None:
    file = tmp_path / "settings.toml"
    file.write_text('top_k = 5\ndata_dir = "/from/file"\n')
    s = load_settings(env={"SGA_SETTINGS_FILE": str(file), "SGA_TOP_K": "7"})
    assert s.top_k == 7 and s.data_dir == "/from/file"
    assert load_settings(env={}).top_k == 8


def test_unknown_keys_are_errors(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="SGA_TOP_KK"):
        load_settings(env={"SGA_TOP_KK": "3"})
    file = tmp_path / "settings.toml"
    file.write_text("colour = 'red'\n")
    with pytest.raises(SettingsError, match="colour"):
        load_settings(env={"SGA_SETTINGS_FILE": str(file)})
    with pytest.raises(SettingsError):
        load_settings(env={}, nonsense=1)


def test_malformed_values_are_errors() -> None:
    with pytest.raises(SettingsError, match="SGA_TOP_K"):
        load_settings(env={"SGA_TOP_K": "many"})
