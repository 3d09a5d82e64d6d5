"""A full or read-only disk: one line naming the library, a non-zero exit, and
nothing already stored lost.

The real conditions where the machine allows them: a tiny tmpfs that fills up,
and a home that cannot be written (chmod for a normal user; root writes through
chmod, so there a tmpfs remounted read-only). SQLite's "disk full" is also made
everywhere with ``PRAGMA max_page_count``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsreader.store import Store
from tests.unit.clirun import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
import procs  # noqa: E402


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsreader: error:") and "Traceback" not in err, err
    return lines[0]


def state(home: Path) -> tuple:
    """What the library holds, read without writing."""
    db = home / "library.sqlite3"
    # on a read-only file system SQLite cannot make the log's index: read the file as
    # it is (it was closed cleanly, its log folded in)
    mode = "ro" if os.access(home, os.W_OK) and not os.statvfs(home).f_flag & os.ST_RDONLY else "ro&immutable=1"
    with sqlite3.connect(f"{db.as_uri()}?mode={mode}", uri=True) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(c.execute("SELECT id, guid, read, favourite FROM articles ORDER BY id"))


@contextmanager
def tmpfs(where: Path, size: str):
    """A tmpfs of ``size`` mounted at ``where`` (root only; skips elsewhere)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    where.mkdir(parents=True, exist_ok=True)
    got = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                         capture_output=True)
    if got.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {got.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_disk_full_by_max_page_count(capsys, tmp_path, cli_data, monkeypatch):
    home = tmp_path / "home"
    assert run(capsys, "--home", str(home), "import", str(cli_data / "harbour.rss"))[0] == 0
    assert run(capsys, "--home", str(home), "mark", "1", "--read")[0] == 0
    before = state(home)
    opened = Store.__init__

    def no_room(self, path):  # the file may not grow by a page: SQLITE_FULL
        opened(self, path)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Store, "__init__", no_room)
    files = procs.write_feeds(tmp_path / "feeds", 2, 40)
    code, _, err = run(capsys, "--home", str(home), "import", *map(str, files))
    line = one_line(err)
    assert code == 1 and "disk is full" in line and str(home / "library.sqlite3") in line
    monkeypatch.undo()
    assert state(home) == before


def test_disk_full_on_a_tiny_filesystem(capsys, tmp_path):
    disk = tmp_path / "disk"
    files = procs.write_feeds(tmp_path / "feeds", 40, 40)  # ~2 MB of feeds, a 1 MB disk
    with tmpfs(disk, "1m"):
        home = disk / "home"
        stored, failure = [], None
        for f in files:
            code, out, err = run(capsys, "--home", str(home), "import", "--json", str(f))
            if code:
                failure = one_line(err)
                break
            stored.append(json.loads(out)[0]["added"])
            if len(stored) == 3:
                assert run(capsys, "--home", str(home), "mark", "2", "--favourite")[0] == 0
        assert failure and "disk is full" in failure and str(home / "library.sqlite3") in failure
        held = state(home)
        assert len(held) == sum(stored) > 0 and [r for r in held if r[3]] == [held[1]]
        code, _, err = run(capsys, "--home", str(home), "mark", "1", "--read")
        assert code == 0 or "disk is full" in one_line(err)
        assert state(home)[1:] == held[1:]  # the favourite is kept; at most the mark is not made


@pytest.fixture
def read_only_home(tmp_path, cli_data, capsys):
    """A home with a library in it that this process cannot write."""
    home = tmp_path / "home"
    assert run(capsys, "--home", str(home), "import", str(cli_data / "harbour.rss"))[0] == 0
    assert run(capsys, "--home", str(home), "mark", "2", "--read")[0] == 0
    if os.geteuid() != 0:
        db = home / "library.sqlite3"
        db.chmod(0o444)
        home.chmod(0o555)
        try:
            yield home
        finally:
            home.chmod(0o755)
            db.chmod(0o644)
        return
    with tmpfs(tmp_path / "ro", "16m") as mnt:
        shutil.copytree(home, mnt / "home")
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        yield mnt / "home"


def test_read_only_home(capsys, read_only_home, cli_data):
    home = read_only_home
    db = home / "library.sqlite3"
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    before = state(home)
    for argv in (["import", str(cli_data / "harbour.rss")], ["mark", "1", "--favourite"],
                 ["refresh"], ["list"], ["doctor"]):
        code, _, err = run(capsys, "--home", str(home), *argv)
        line = one_line(err)
        assert code == 1 and str(db) in line, argv
        assert "read-only" in line or "may not write" in line or "cannot keep a copy" in line, line
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest and state(home) == before
