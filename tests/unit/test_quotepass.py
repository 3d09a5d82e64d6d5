"""A large import stores first and finds stories and quotes after, in a pass of its own."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from newsreader.analysis import QUOTES_VERSION
from newsreader.ingest import pipeline, quotepass
from newsreader.store import Store
from tests.unit.clirun import jrun, run

SPEAKERS = ("Ada Lind", "Jonas Pell", "Mira Holt")


def write_feed(path: Path, outlet: int, items: int = 12) -> Path:
    """An RSS file whose items each carry a quotation and its speaker."""
    parts = []
    for i in range(items):
        who = SPEAKERS[i % len(SPEAKERS)]
        parts.append(
            f"<item><title>Harbour vote {i} at outlet {outlet}</title><guid>o{outlet}-{i}</guid>"
            f"<link>https://outlet{outlet}.example/{i}</link><pubDate>Mon, 0{1 + i % 9} Jun 2026 08:00:00 GMT</pubDate>"
            f"<description>&lt;p&gt;The council met on item {i} of the harbour plan.&lt;/p&gt;"
            f"&lt;p&gt;“We will vote on the harbour plan {i} next week,” said {who}, who chairs the board.&lt;/p&gt;"
            "</description></item>")
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {outlet}</title>'
                    f"<link>https://outlet{outlet}.example/</link>{''.join(parts)}</channel></rss>")
    return path


def quotes_of(store: Store) -> list[tuple]:
    return sorted((a, q.speaker, t) for a, q, t in store.quotes(None, limit=1000))


def wait_done(db: Path, timeout: float = 60.0) -> None:
    """Until the background pass has found every quote and let go of its lock."""
    end = time.monotonic() + timeout
    while True:
        with Store(db) as store:
            if not quotepass.pending(store) and not quotepass.pass_running(db):
                return
        log = db.with_name(db.name + ".quotes-log")
        assert time.monotonic() < end, f"the background pass did not end: {log.read_text()[-500:]}"
        time.sleep(0.1)


def test_deferred_import_finds_the_same_quotes_after(tmp_path):
    feeds = [write_feed(tmp_path / f"f{i}.rss", i) for i in range(2)]
    with Store(tmp_path / "now.sqlite3") as now, Store(tmp_path / "later.sqlite3") as later:
        pipeline.import_paths(now, feeds, workers=1, defer_quotes=False)
        pipeline.import_paths(later, feeds, workers=1, defer_quotes=True)
        assert later.count_stale_quotes(QUOTES_VERSION) == 24 and not quotes_of(later)
        assert later.stories_through() == 0  # grouping waits for the pass too
        assert now.count_stale_quotes(QUOTES_VERSION) == 0 and len(quotes_of(now)) == 24
        seen = []
        assert quotepass.find_stale(later, workers=1, progress=lambda d, t, _: seen.append((d, t))) == 24
        assert seen[-1] == (24, 24)
        assert quotes_of(later) == quotes_of(now)
        assert {s.name for s in later.speakers()} == set(SPEAKERS)


def test_the_pass_in_worker_processes_agrees(tmp_path):
    feeds = [write_feed(tmp_path / f"f{i}.rss", i, items=30) for i in range(2)]
    with Store(tmp_path / "a.sqlite3") as one, Store(tmp_path / "b.sqlite3") as two:
        for store in (one, two):
            pipeline.import_paths(store, feeds, workers=1, defer_quotes=True)
        monkey_batch = quotepass.BATCH
        quotepass.BATCH = 7  # several batches in flight
        try:
            assert quotepass.find_stale(two, workers=2) == 60
        finally:
            quotepass.BATCH = monkey_batch
        quotepass.find_stale(one, workers=1)
        assert quotes_of(one) == quotes_of(two) and len(quotes_of(two)) == 60
        assert two.count_stale_quotes(QUOTES_VERSION) == 0


def test_a_large_cli_import_hands_quotes_and_stories_to_a_background_pass(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pipeline, "PARALLEL_BYTES", 0)  # these small files count as large
    feeds = [write_feed(tmp_path / f"f{i}.rss", i) for i in range(2)]
    code, out, err = run(capsys, "import", *map(str, feeds))
    assert code == 0, err
    assert "quotes are being found in the background (24 articles)" in out
    db = tmp_path / "home" / "library.sqlite3"
    assert db.exists()
    wait_done(db)
    with Store(db) as store:
        assert store.count_stale_quotes(QUOTES_VERSION) == 0
        assert len(quotes_of(store)) == 24
        assert store.stories_through() == max(r[0] for r in store.conn.execute("SELECT id FROM articles"))
    with Store(tmp_path / "inline.sqlite3") as inline:
        pipeline.import_paths(inline, feeds, workers=1, defer_quotes=False)
        assert groups(inline) == groups(Store(db))  # the same stories as an import that waits
    assert {a for story in jrun(capsys, "stories") for a in story["articles"]} == set(range(1, 25))


def groups(store: Store) -> set[frozenset[int]]:
    rows = store.conn.execute("SELECT story_id, id FROM articles WHERE story_id IS NOT NULL").fetchall()
    by: dict[int, set[int]] = {}
    for story, art in rows:
        by.setdefault(story, set()).add(art)
    return {frozenset(v) for v in by.values()}


def test_quotes_waits_for_a_running_pass_then_finishes_the_rest(tmp_path, capsys):
    feeds = [write_feed(tmp_path / "f.rss", 0)]
    db = tmp_path / "home" / "library.sqlite3"
    with Store(db) as store:
        pipeline.import_paths(store, feeds, workers=1, defer_quotes=True)
    held = threading.Event()

    def hold() -> None:  # another pass, as far as the lock tells
        with quotepass.pass_lock(db, wait=True):
            held.set()
            time.sleep(0.8)

    t = threading.Thread(target=hold)
    t.start()
    held.wait()
    t0 = time.monotonic()
    got = jrun(capsys, "quotes")
    assert time.monotonic() - t0 >= 0.5  # it waited for the lock to be let go
    t.join()
    assert len(got) == 12 and {q["speaker"] for q in got} == set(SPEAKERS)


def test_one_pass_at_a_time(tmp_path):
    db = tmp_path / "lib.sqlite3"
    Store(db).close()
    assert not quotepass.pass_running(db)
    with quotepass.pass_lock(db, wait=False) as mine:
        assert mine and quotepass.pass_running(db)
        with quotepass.pass_lock(db, wait=False) as second:
            assert not second
        assert not quotepass.start_background(db)  # one is running: no second
    assert not quotepass.pass_running(db)


@pytest.mark.parametrize("moved", [False, True])
def test_grouping_written_only_from_the_mark_it_was_computed_from(tmp_path, moved):
    feeds = [write_feed(tmp_path / f"f{i}.rss", i) for i in range(2)]
    with Store(tmp_path / "lib.sqlite3") as store:
        pipeline.import_paths(store, feeds, workers=1, defer_quotes=True)
        if moved:  # another process placed articles since this grouping read the mark
            store.set_meta("stories_through", "5")
        got = store.place_in_stories({1: -1, 13: -1}, 24, since=0)
        assert (got is None) == moved
        linked = store.conn.execute("SELECT count(*) FROM articles WHERE story_id IS NOT NULL").fetchone()[0]
        assert linked == (0 if moved else 2)
