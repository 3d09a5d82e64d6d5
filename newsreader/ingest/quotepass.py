"""Stories and quotes found after a large import, off its critical path.

A large import stores its articles without their quotes (``quotes_version``
0) and without grouping them into stories, so they are listed and readable at
once; finding quotes costs three times what parsing does. The stories and
quotes are then found by one pass over the new
articles: a background process the import starts (``python -m
newsreader.ingest.quotepass DB``), or ``newsreader quotes``, which waits for
a running pass and then finishes what is left. Opening an article finds its
own quotes on demand (``reanalyse(article_id=...)``), so nothing waits for the
pass to read an article.

One pass at a time: whoever runs it holds a lock on a file beside the
library. Two passes would not corrupt anything (an article's quotes are only
replaced while its text and version are the ones read), they would only do
the work twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from newsreader.ingest.pipeline import Progress, _analyse_or_keep
from newsreader.ingest.stories import group_new
from newsreader.store import Store

BATCH = 200  # articles a worker reads at once, and per write transaction
POOL_FROM = 2000  # fewer stale articles than this are read in this process


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".quotes-lock")


@contextmanager
def pass_lock(db: Path, *, wait: bool) -> Iterator[bool]:
    """Hold the quote pass's lock for ``db``; yields False (holding nothing) when
    another process holds it and ``wait`` is false. Where file locks are not
    offered, every caller holds it."""
    try:
        import fcntl
    except ImportError:  # not on this system: passes may overlap, harmlessly
        yield True
        return
    fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def pass_running(db: Path) -> bool:
    """Whether another process is finding quotes in ``db`` now."""
    with pass_lock(db, wait=False) as mine:
        return not mine


def _stale_batches(store: Store, version: int, batch: int) -> Iterator[list[tuple[int, str, str]]]:
    last = 0
    while True:
        stale = store.stale_quotes(version, batch, after=last)
        if not stale:
            return
        last = stale[-1][0]
        yield stale


def _analyse_batch(batch: list[tuple[int, str, str]]) -> list[tuple]:
    """Worker: each article's quotes and speaker keys (None, None where the finder fails)."""
    return [(art_id, digest, *_analyse_or_keep(body)) for art_id, body, digest in batch]


def find_stale(store: Store, *, progress: Progress | None = None, workers: int | None = None,
               should_stop: Callable[[], bool] | None = None, batch: int | None = None) -> int:
    """Find the quotes of every article an older (or no) quote finder read, ``batch``
    articles a transaction, in worker processes when there are many; returns how
    many articles were read. ``should_stop()`` is asked after each batch."""
    from newsreader.analysis import QUOTES_VERSION

    total = store.count_stale_quotes(QUOTES_VERSION)
    if not total:
        return 0
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if total >= POOL_FROM else 1
    done = 0

    def wrote(found: list[tuple]) -> bool:
        nonlocal done
        store.replace_quotes(found, QUOTES_VERSION)
        done += len(found)
        if progress:
            progress(done, max(total, done), "")
        return bool(should_stop and should_stop())

    batches = _stale_batches(store, QUOTES_VERSION, batch or BATCH)
    if workers <= 1:
        for batch in batches:
            if wrote(_analyse_batch(batch)):
                break
        return done
    from newsreader.ingest.pool import process_pool

    # a few batches in flight per worker: both cores busy, bodies not all in memory
    with process_pool(workers, "spawn") as pool:
        pending: list[Future] = []
        for batch in batches:
            pending.append(pool.submit(_analyse_batch, batch))
            if len(pending) >= 2 * workers and wrote(pending.pop(0).result()):
                pool.shutdown(cancel_futures=True)
                return done
        for fut in pending:
            if wrote(fut.result()):
                break
    return done


def start_background(db: Path) -> bool:
    """Start a detached process that finds the stale quotes of ``db`` (unless one
    runs already); it outlives this process and holds the pass lock while it works."""
    if pass_running(db):
        return False
    log = db.with_name(db.name + ".quotes-log")
    with open(log, "ab") as err:
        subprocess.Popen([sys.executable, "-m", "newsreader.ingest.quotepass", str(db)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                         start_new_session=True, close_fds=True)
    return True


def pending(store: Store) -> int:
    """Whether the pass has work: how many articles' quotes are unread, else 1 when
    articles wait to be grouped into stories (0: none)."""
    from newsreader.analysis import QUOTES_VERSION

    stale = store.count_stale_quotes(QUOTES_VERSION)
    return stale or len(store.ungrouped(1))


def start_if_pending(store: Store) -> int:
    """Start the background pass when articles wait for it (after a large import or
    a refresh of many articles); returns ``pending`` (0: nothing to do)."""
    waiting = pending(store)
    if waiting:
        start_background(store.path)
    return waiting


def wait_for_pass(db: Path, store: Store, progress: Progress | None = None,
                  poll: float = 0.5) -> None:
    """Wait until no other process is finding quotes in ``db``, showing how many
    articles still wait (the pass being another process, only the count is seen)."""
    from newsreader.analysis import QUOTES_VERSION

    first = None
    while pass_running(db):
        left = store.count_stale_quotes(QUOTES_VERSION)
        first = left if first is None else max(first, left)
        if progress and first:
            progress(first - left, first, "")
        time.sleep(poll)


def run(db: Path) -> int:
    """The background pass: find every stale quote in ``db``, gently (a lower
    priority, so the reader and the import's user do not feel it)."""
    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass
    with pass_lock(db, wait=False) as mine:
        if not mine:
            return 0  # another pass is at it
        with Store(db) as store:
            group_new(store)  # the quicker part first: the list shows the stories
            find_stale(store)
    return 0


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1])))
