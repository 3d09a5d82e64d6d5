"""config.toml: defaults, valid settings, and one-line errors for wrong ones."""

from __future__ import annotations

import pytest

from newsreader import paths
from newsreader.config import Config, ConfigError, load_config, parse_config


def test_missing_file_means_defaults():
    assert load_config() == Config()
    assert Config().mark_read_delay == 0.0


def test_settings_are_read(tui_home):
    paths.config_path().write_text(
        'mark_read = "after:3"\nrefresh_minutes = 0\n[keys]\nfavourite = "F"\nnext-unread = ["N", "ctrl+n"]\n',
        encoding="utf-8")
    cfg = load_config()
    assert cfg.mark_read == "after:3" and cfg.mark_read_delay == 3.0
    assert cfg.refresh_minutes == 0
    assert cfg.keys == {"favourite": "F", "next-unread": "N,ctrl+n"}
    assert parse_config('mark_read = "manual"').mark_read_delay is None


@pytest.mark.parametrize("text, words", [
    ("mark_read = 'sometimes'", "mark_read"),
    ("mark_read = 'after:-1'", "mark_read"),
    ("refresh_minutes = -5", "refresh_minutes"),
    ("refresh_minutes = true", "refresh_minutes"),
    ("[keys]\nfavourite = 3", "[keys] favourite"),
    ("colour = 'red'", "unknown settings: colour"),
    ("mark_read = ", "not valid TOML"),
])
def test_wrong_settings_name_the_problem(text, words):
    with pytest.raises(ConfigError) as err:
        parse_config(text)
    assert words in str(err.value)
    assert "\n" not in str(err.value)
