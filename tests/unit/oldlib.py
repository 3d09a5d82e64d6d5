"""A library file as an older newsreader left it: the schema up to a given version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsreader.store.schema import MIGRATIONS, _statements
from newsreader.store.urlkey import url_key


def library_at(path: Path, version: int) -> sqlite3.Connection:
    """Create ``path`` at schema ``version`` (the first ``version`` migrations) and return
    an autocommit connection to fill it with what such a library held."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("url_key", 1, url_key, deterministic=True)  # version 7 fills link_key with it
    for script in MIGRATIONS[:version]:
        for statement in _statements(script):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {int(version)}")
    return conn
