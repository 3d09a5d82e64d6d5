"""What a SQLite error means for the user's library, in one line that names the file.

Used wherever the store is opened or used outside a command's own handling: the
command line's last resort and the app. A damaged file points at ``newsreader
doctor``; a full or read-only disk says so, and that what is stored is kept (SQLite
undoes the transaction that could not be written).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from newsreader.errors import NewsreaderError

# SQLite's primary result codes (the low byte of an extended code)
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 5, 6, 8, 10, 11, 13, 14, 26

DOCTOR_HINT = "'newsreader doctor' checks it and recovers what it can"


class LibraryError(NewsreaderError):
    """The library file cannot be used (damaged, unwritable, full)."""


def explain(exc: sqlite3.Error, path: str | os.PathLike[str]) -> str:
    """One line for ``exc``, raised while using the library at ``path``."""
    code = _code(exc)
    if code in (_CORRUPT, _NOTADB):
        return f"the library {path} is damaged ({exc}); {DOCTOR_HINT}"
    if code == _FULL or (code == _IOERR and _disk_full(path)):
        return (f"the disk is full: cannot write the library {path}; what it holds is kept"
                " (free some space and try again)")
    if code in (_READONLY, _PERM, _CANTOPEN) or (code == _IOERR and not _writable(path)):
        folder = Path(path).parent
        if not _writable(path):
            where = "a read-only file system" if _read_only_fs(folder) else "a folder it may not write to"
            return f"cannot write the library {path}: it is on {where}"
        if code == _CANTOPEN:
            return f"cannot open the library {path} ({exc})"
        return f"cannot write the library {path} ({exc})"
    if code in (_BUSY, _LOCKED):
        return f"the library {path} is busy: another program holds it too long ({exc}); try again"
    return f"the library database cannot be used ({exc}): {path}"


def library_error(exc: sqlite3.Error, path: str | os.PathLike[str]) -> LibraryError:
    """``explain`` as an error to raise."""
    return LibraryError(explain(exc, path))


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # Python before 3.11 has no codes: the message tells
        text = str(exc)
        return (_CORRUPT if "malformed" in text else _NOTADB if "not a database" in text
                else _FULL if "is full" in text else None)
    return code & 0xFF


def _writable(path: str | os.PathLike[str]) -> bool:
    """Can this process write the library and the journal beside it?"""
    p = Path(path)
    folder = p.parent
    if _read_only_fs(folder):
        return False
    if p.exists() and not os.access(p, os.W_OK):
        return False
    return not folder.exists() or os.access(folder, os.W_OK)


def _read_only_fs(folder: Path) -> bool:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _disk_full(path: str | os.PathLike[str]) -> bool:
    try:
        st = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < 64 * 1024
