"""Feeds kept in files on this computer: named by a path or a ``file:`` URL.

A file subscription is stored under its absolute path, whichever way it was
given, so ``add feed.xml``, ``add file:///home/me/feed.xml`` and an import of
the same file are one feed. Refresh reads it again when its modification time
or size changed (``signature``), and then only stores it if the bytes did.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsreader.errors import IngestError

_FILE_URL = re.compile(r"file:", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+)://")


def is_file_url(target: str) -> bool:
    return bool(_FILE_URL.match(target))


def local_path(target: str) -> Path:
    """The absolute path that a path or a ``file:`` URL names (``~`` expanded, a
    relative path taken from the current directory). Raises IngestError for a
    ``file:`` URL naming another computer, or another URL scheme."""
    if is_file_url(target):
        parts = urlsplit(target)
        if parts.netloc and parts.netloc.lower() != "localhost":
            raise IngestError(f"a file: URL names a file on this computer, not on {parts.netloc!r}"
                              " (file:///path/feed.xml)")
        if not parts.path or parts.query or parts.fragment:
            raise IngestError("a file: URL needs a path and nothing after it (file:///path/feed.xml)")
        path = Path(unquote(parts.path))
    else:
        scheme = _OTHER_SCHEME.match(target)
        if scheme and not Path(target).exists():
            raise IngestError(f"unsupported URL scheme {scheme.group(1)!r}: only http and https feeds"
                              " are fetched, and file: names a file")
        path = Path(target).expanduser()
    try:
        return path.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise IngestError(f"cannot follow the path: {exc}") from None


def location(target: str) -> str:
    """How a feed's location is stored: a ``file:`` URL as its path, anything else as given."""
    if not is_file_url(target):
        return target
    try:
        return str(local_path(target))
    except IngestError:
        return target  # refresh will say what is wrong with it


def signature(path: str | Path) -> str | None:
    """The file's modification time and size, or None when it cannot be looked at."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return f"{st.st_mtime_ns} {st.st_size}"


def file_url(path: str) -> str:
    """A stored file location as a ``file:`` URL (what other readers understand in OPML)."""
    p = Path(path)
    return p.as_uri() if p.is_absolute() else path
