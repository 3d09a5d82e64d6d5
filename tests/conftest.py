"""Every test gets its own newsreader home: no test touches a real library."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader import paths

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def newsreader_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSREADER_HOME", str(home))
    paths.set_home(None)
    yield home
    paths.set_home(None)


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def cli_data() -> Path:
    return ROOT / "tests" / "data" / "cli"
