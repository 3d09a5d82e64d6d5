"""``newsreader doctor`` on a real library built by importing files, then damaged.

Every repair must keep a byte-exact copy of the file as found, leave a library
that opens and passes its checks, and give back the readable articles with their
text and marks; what cannot be repaired is one line, a non-zero exit, and the
file untouched.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from newsreader import paths
from newsreader.analysis import QUOTES_VERSION
from newsreader.cli import main
from newsreader.errors import NewsreaderError
from newsreader.store import Filter, Store
from tests.unit.clirun import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
import procs  # noqa: E402

READ, FAVOURITE = range(1, 400, 7), range(3, 400, 31)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A library of ~800 imported articles, some read, some favourites."""
    tmp = tmp_path_factory.mktemp("doctor")
    files = procs.write_feeds(tmp / "feeds", 10, 80, words=150, seed=3)
    paths.set_home(tmp / "home")
    try:
        assert main(["import", *map(str, files)]) == 0
        assert main(["mark", *map(str, READ), "--read"]) == 0
        assert main(["mark", *map(str, FAVOURITE), "--favourite"]) == 0
    finally:
        paths.set_home(None)
    return tmp / "home" / "library.sqlite3"


@pytest.fixture
def library(template, newsreader_home) -> Path:
    newsreader_home.mkdir(parents=True, exist_ok=True)
    db = newsreader_home / "library.sqlite3"
    shutil.copy(template, db)
    return db


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def articles(db: Path) -> dict[int, tuple]:
    with sqlite3.connect(db) as c:
        return {r[0]: r[1:] for r in c.execute("SELECT id, title, body, read, favourite FROM articles")}


def copies(db: Path) -> list[Path]:
    """The copies of the main file kept by doctor (a log kept beside one ends in -wal)."""
    return sorted(p for p in db.parent.glob(db.name + ".before-doctor-*") if not p.name.endswith("-wal"))


def test_a_healthy_library_is_left_alone(capsys, library):
    before = sha(library)
    code, out, err = run(capsys, "doctor")
    assert code == 0 and err == ""
    assert "the library is healthy" in out and "integrity: ok" in out
    assert sha(library) == before and copies(library) == []


def _truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) * 6 // 10])


def _overwrite(db: Path) -> None:
    data = bytearray(db.read_bytes())
    rng = random.Random(18)
    start = len(data) // 3
    data[start:start + len(data) // 5] = rng.randbytes(len(data) // 5)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_truncate, _overwrite], ids=["truncated", "garbage"])
def test_a_damaged_library_is_recovered_into_one_that_opens(capsys, library, damage):
    original = articles(library)
    damage(library)
    damaged = sha(library)
    code, _, err = run(capsys, "list")  # every command names the cure
    assert code == 1 and len(err.strip().splitlines()) == 1 and "newsreader doctor" in err

    code, out, err = run(capsys, "doctor", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert not report["healthy"] and report["checks"][0]["ok"] is False
    kept, = copies(library)
    assert report["backup"] == [str(kept)] and sha(kept) == damaged  # byte for byte as found
    got = report["recovered"]["articles"]
    assert 0 < got["recovered"] <= got["named"] <= len(original)

    # the new library opens, passes its checks, and holds exactly what was read back
    recovered = articles(library)
    assert len(recovered) == got["recovered"]
    diff = [(i, original.get(i), row) for i, row in recovered.items() if original.get(i) != row]
    assert not diff, diff[:2]  # text, read and favourite
    assert any(row[2] for row in recovered.values()) and any(row[3] for row in recovered.values())
    with Store(library) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        s.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        some_id, (title, *_rest) = next(iter(recovered.items()))
        assert some_id in [a.id for a in s.list_articles(Filter(search=title))]
        assert s.count_stale_quotes(QUOTES_VERSION) == 0 and s.quotes()
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "healthy" in out


def test_what_cannot_be_read_is_left_as_it_was(capsys, library):
    library.write_bytes(random.Random(1).randbytes(200_000))
    before = sha(library)
    code, out, err = run(capsys, "doctor")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "cannot repair" in err and "left as it was" in err
    assert sha(library) == before and copies(library) == []


def test_a_newer_library_is_not_touched(capsys, library):
    with sqlite3.connect(library) as c:
        c.execute("PRAGMA user_version = 999")
    before = sha(library)
    code, _, err = run(capsys, "doctor")
    assert code == 1 and "newer newsreader" in err and sha(library) == before


def test_index_orphans_and_old_quotes_are_mended_in_place(capsys, library):
    with sqlite3.connect(library) as c:  # what a bug or an old version could leave
        title, body = c.execute("SELECT title, body FROM articles WHERE id = 5").fetchone()
        c.execute("INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', 5, ?, ?)",
                  (title, body))
        c.execute("INSERT INTO quotes (article_id, start, end, kind) VALUES (99999, 0, 1, 'direct')")
        c.execute("UPDATE articles SET quotes_version = 0 WHERE id <= 20")
        c.execute("UPDATE meta SET value = '1' WHERE key = 'stories_version'")

    def found():
        with Store(library) as s:
            return [a.id for a in s.list_articles(Filter(search=title), limit=None)]

    assert 5 not in found()
    log = library.with_name(library.name + ".quotes-log")  # what a pass that failed left
    log.write_text("Traceback (most recent call last):\n  ...\nMemoryError: out of memory\n")
    before = sha(library)
    code, out, err = run(capsys, "doctor")
    assert code == 0, err
    assert "search index: problem" in out and "orphan rows: problem: 1 in quotes" in out
    assert "rebuilt the search index" in out and "mended 1 orphan row" in out
    assert "found the quotes again in 20 articles" in out
    assert "20 articles' quotes are from an older quote finder (the background pass last wrote: MemoryError" in out
    assert "stories: problem: grouped by an older method (1)" in out and "grouped the articles into stories again" in out
    kept, = copies(library)
    assert sha(kept) == before and f"kept a copy of the file as it was: {kept}" in out
    assert 5 in found()
    assert "healthy" in run(capsys, "doctor")[1]


def test_the_app_names_doctor_too(library):
    from newsreader.tui.app import NewsreaderApp

    _truncate(library)
    with pytest.raises(NewsreaderError, match="newsreader doctor"):
        NewsreaderApp(library)
