"""Where newsreader keeps its files: the one seam tests point elsewhere.

Everything (database, config, cache) lives under one home directory: the
platformdirs user data dir by default, or ``NEWSREADER_HOME`` / ``--home``.
"""

from __future__ import annotations

import os
from pathlib import Path

_override: Path | None = None


def set_home(path: str | os.PathLike[str] | None) -> None:
    """Point every path at ``path`` (``--home``); ``None`` restores the default."""
    global _override
    _override = Path(path).expanduser() if path else None


def home() -> Path:
    """The directory holding the database, config and cache."""
    if _override is not None:
        return _override
    env = os.environ.get("NEWSREADER_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsreader", appauthor=False))


def database_path() -> Path:
    return home() / "library.sqlite3"


def config_path() -> Path:
    return home() / "config.toml"


def cache_dir() -> Path:
    return home() / "cache"


def styles_dir() -> Path:
    """The app's TCSS: the copy inside the wheel, else the checkout's ``styles/``."""
    packaged = Path(__file__).parent / "styles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "styles"


def demo_dir() -> Path:
    return Path(__file__).parent / "demo"
