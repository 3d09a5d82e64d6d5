"""An import of many files in worker processes writes them in their order, as one
process would, reading only a few files ahead of the writer."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from newsreader.ingest import pipeline
from newsreader.store import Store
from tests.unit.test_quotepass import write_feed


def _library(store: Store) -> list[tuple]:
    return list(store.conn.execute("SELECT id, feed_id, guid, title, body FROM articles ORDER BY id"))


def test_files_are_written_in_order_with_a_bounded_read_ahead(tmp_path, monkeypatch):
    feeds = [write_feed(tmp_path / f"f{i}.rss", i, items=3) for i in range(7)]
    feeds.insert(3, tmp_path / "missing.rss")  # a bad file among them keeps its place
    submitted, seen = [], []
    with Store(tmp_path / "pool.sqlite3") as pooled:
        original = ProcessPoolExecutor.submit

        def submit(self, fn, *args, **kwargs):
            submitted.append((args[0], len(seen) - 1))  # which file, after how many were written
            return original(self, fn, *args, **kwargs)

        monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
        results = pipeline.import_paths(pooled, feeds, workers=2, defer_quotes=True,
                                        progress=lambda done, total, path: seen.append((done, path)))
        monkeypatch.undo()
        with Store(tmp_path / "one.sqlite3") as alone:
            pipeline.import_paths(alone, feeds, workers=1, defer_quotes=True)
            assert _library(pooled) == _library(alone)
    assert [r.path for r in results] == list(map(str, feeds))
    assert [r.error is not None for r in results] == [False, False, False, True, False, False, False, False]
    assert [d for d, _ in seen] == list(range(9)) and [p for _, p in seen[1:]] == list(map(str, feeds))
    assert [p for p, _ in submitted] == feeds
    # never more than 2 x workers files parsed ahead of the one being written
    assert all(path_index - written <= 4 for path_index, (_, written) in enumerate(submitted))
    assert max(path_index - written for path_index, (_, written) in enumerate(submitted)) == 4
