"""``newsreader refresh``: read every subscribed feed again, each on its own.

The network fetches many feeds at once in a thread of its own (see
``fetch.FetchRun``). Results come back to the calling thread as they finish:
those that need no parsing (a 304, the same body, an error) are recorded at
once; changed bodies are parsed in worker processes, and stored feed by
feed, each in its own transaction, from the calling thread only (a Store's
connection belongs to its thread). One bad feed is recorded on the feed and
in the report, never raised.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from typing import Callable, Iterator

from newsreader.errors import IngestError, NewsreaderError
from newsreader.ingest.fetch import FetchJob, FetchResult, FetchRun, FetchSettings, body_hash, is_url
from newsreader.ingest.detect import sniff
from newsreader.ingest.feeds import parse_feed
from newsreader.ingest.fulltext import PagesReport, due_pages, fetch_pages
from newsreader.ingest.localfile import local_path, signature
from newsreader.ingest.killfile import Killfile, killed_summary, store_arrivals
from newsreader.ingest.categories import NO_RULES, CategoryRules
from newsreader.ingest.pipeline import arriving, prepare
from newsreader.models import Feed
from newsreader.store import NewArticle, Store
from newsreader.store.timefmt import now_utc
from newsreader.text import clean_line

Progress = Callable[[int, int, str], None]
POOL_MIN_FEEDS = 8  # with fewer feeds than this, parsing stays in the calling thread


@dataclass
class RefreshReport:
    total: int = 0
    fetched: int = 0
    unchanged: int = 0
    added: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # waiting out a Retry-After
    cancelled: bool = False
    pages: PagesReport | None = None  # the article pages fetched for feeds with full text
    hidden: int = 0  # of the added, how many the killfile hid
    marked_read: int = 0  # and how many it marked read

    def as_dict(self) -> dict:
        return {"feeds": self.total, "fetched": self.fetched, "unchanged": self.unchanged,
                "added": self.added, "hidden": self.hidden, "marked_read": self.marked_read,
                "failed": [{"feed": n, "reason": r} for n, r in self.failed],
                "skipped": [{"feed": n, "reason": r} for n, r in self.skipped],
                "cancelled": self.cancelled, "pages": self.pages.as_dict() if self.pages else None}

    def killed(self) -> str:
        """What the killfile did to the added articles, in words ("" when nothing)."""
        return killed_summary(self.hidden, self.marked_read)

    def short_summary(self) -> str:
        """The same in one status line: the failing feeds named first, so a narrow
        terminal cuts the counts rather than the names."""
        parts = []
        if self.failed:
            names = ", ".join(name for name, _ in self.failed[:3])
            more = f" and {len(self.failed) - 3} more" if len(self.failed) > 3 else ""
            parts.append(f"{len(self.failed)} failed: {names}{more}")
        parts.append(f"{self.added} new article{'' if self.added == 1 else 's'}")
        if killed := self.killed():
            parts[-1] += f" ({killed})"
        parts.append(f"{self.fetched} of {self.total} feeds changed, {self.unchanged} unchanged")
        if self.skipped:
            parts.append(f"{len(self.skipped)} waiting")
        if self.pages and self.pages.asked:
            parts.append(self.pages.summary())
        return " · ".join(parts) + (" (stopped early)" if self.cancelled else "")

    def summary(self) -> str:
        text = (f"{self.total} feeds: {self.fetched} fetched, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed")
        if self.skipped:
            text += f", {len(self.skipped)} waiting"
        text += f"; {self.added} article{'' if self.added == 1 else 's'} added"
        if killed := self.killed():
            text += f" ({killed})"
        if self.pages and self.pages.asked:
            text += f"; {self.pages.summary()}"
        return text + (" (stopped early)" if self.cancelled else "")


GROUP_LATER = 2000  # new articles from which a refresh leaves grouping them to a background pass


def refresh_all(store: Store, progress: Progress | None = None, *,
                settings: FetchSettings | None = None, feeds: list[Feed] | None = None,
                should_stop: Callable[[], bool] | None = None,
                workers: int | None = None, pages_progress: Progress | None = None,
                page_settings: FetchSettings | None = None, killfile: Killfile | None = None,
                rules: CategoryRules = NO_RULES) -> RefreshReport:
    """Refresh each enabled subscription (or ``feeds``); failures are recorded and reported.

    ``progress(done, total, name)`` is called from the calling thread after
    each feed; ``should_stop()`` is asked between feeds (a Textual worker's
    ``is_cancelled``) and ends the refresh early, keeping what is stored.
    ``workers`` is the number of parser processes (None: one per CPU, up to
    4, when there are enough feeds; 0: parse in the calling thread). The
    ``killfile`` judges each new article as it is stored. Then the
    feeds that want whole articles have their new items' pages fetched
    (``fulltext``), with ``pages_progress(done, total, url)`` after each.
    ``rules`` is the user's category mapping.
    """
    feeds = [f for f in (store.feeds() if feeds is None else feeds) if f.enabled]
    report = RefreshReport(total=len(feeds))
    started = now_utc()
    due, done = [], 0
    for f in feeds:
        if f.retry_after is not None and f.retry_after > started:
            report.skipped.append((f.title, f"the server asked to wait until {_when(f.retry_after)}"))
            done += 1
        else:
            due.append(f)
    by_id = {f.id: f for f in due}
    jobs = [FetchJob(f.id, f.url, f.etag, f.last_modified) for f in due if is_url(f.url)]
    files = [f for f in due if not is_url(f.url)]
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(due) >= POOL_MIN_FEEDS else 0
    parsers = _Parsers(workers)
    pending: dict[Future, tuple[Feed, FetchResult]] = {}

    def step(feed: Feed) -> bool:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(feeds), feed.title)
        if should_stop and should_stop():
            report.cancelled = True
            return False
        return True

    def finish(block: bool) -> bool:
        """Store what the parsers have done; with ``block``, wait for one at least."""
        if block and pending and not any(f.done() for f in pending):
            group.commit()  # nothing to write until a parser is done
            wait(pending, return_when=FIRST_COMPLETED)
        for fut in [f for f in pending if f.done()]:
            feed, res = pending.pop(fut)
            got = parsers.result(fut, res, feed.category)
            with group.feed():
                _store(store, feed, res, got, started, report, killfile, rules)
            if not step(feed):
                return False
        return True

    if progress:
        progress(done, len(feeds), "")
    group = _Group(store)
    try:
        # the network starts first and works while local files are read
        with FetchRun(jobs, settings) as run:
            for res in chain((_read_file(f) for f in files), run.iterate(on_wait=group.commit)):
                feed = by_id[res.key]
                with group.feed():
                    settled = _settled(store, feed, res, started, report)
                if settled:
                    if not step(feed):
                        return report
                else:
                    fut = parsers.submit(res.body, res.final_url or res.url, feed.category)
                    pending[fut] = (feed, res)
                # holding results back here holds the network back too (FetchRun's window)
                if not finish(block=len(pending) >= parsers.in_flight):
                    return report
            while pending:
                if not finish(block=True):
                    return report
    finally:
        try:
            group.commit()
        finally:
            parsers.close()
    # whole articles for the feeds that want them, once every feed is stored
    ids = {f.id for f in feeds}
    due = due_pages(store, [f for f in store.feeds() if f.id in ids])
    if due:
        report.pages = fetch_pages(store, due, progress=pages_progress, settings=page_settings,
                                   should_stop=should_stop)
        report.cancelled = report.pages.cancelled
    if report.added < GROUP_LATER:
        from newsreader.ingest.stories import group_new

        group_new(store, should_stop=should_stop)  # the new articles join stories, or start them
    # else a refresh of many new articles (a first one) leaves them to the pass the
    # caller starts (ingest.quotepass): grouping them would take as long as the refresh
    return report


class _Group:
    """Feeds written together in one transaction, each under a savepoint of its own
    (a feed that fails to store is undone alone).

    A commit writes every page the feed's rows touched in each index; feed by feed
    that was most of the cost of storing a big refresh. The transaction is
    committed after ``seconds`` and whenever the refresh is about to wait (for
    the network or a parser), so the write lock is never held while idle and
    other writers (the app marking an article read) wait a moment at most. A
    crash loses at most the uncommitted feeds, whose validators were not saved
    either: the next refresh fetches them again.
    """

    def __init__(self, store: Store, seconds: float = 0.1):
        self.store, self.seconds = store, seconds
        self.opened = 0.0

    @contextmanager
    def feed(self) -> Iterator[None]:
        if not self.store.conn.in_transaction:
            self.store.begin()
            self.opened = time.monotonic()
        with self.store.savepoint("feed"):
            yield
        if time.monotonic() - self.opened >= self.seconds:
            self.commit()

    def commit(self) -> None:
        self.store.commit()


def _when(t: datetime) -> str:
    return f"{t:%Y-%m-%d %H:%M} UTC"


def _read_file(feed: Feed) -> FetchResult:
    """A file subscription read again from disk, in the shape of a fetch: "not
    modified" while its modification time and size are the ones last seen."""
    from newsreader.ingest.detect import read_source_bytes

    try:
        path = local_path(feed.url)
        seen = signature(path)  # before reading: a change while it is read shows next time
        if seen is not None and seen == feed.last_modified:
            return FetchResult(key=feed.id, url=feed.url, final_url=feed.url, status=304, last_modified=seen)
        data = read_source_bytes(path)
    except NewsreaderError as exc:
        return FetchResult(key=feed.id, url=feed.url, error=f"{exc}: {feed.url}")
    return FetchResult(key=feed.id, url=feed.url, final_url=feed.url, status=200, body=data,
                       body_hash=body_hash(data), last_modified=seen)


def _ok_fields(feed: Feed, res: FetchResult, started: datetime) -> dict:
    ok = dict(last_attempt=started, last_success=started, last_error=None, failures=0,
              retry_after=None)
    if is_url(feed.url):
        # a 304 may leave the validators out: keep the ones that were sent
        keep = res.not_modified
        ok.update(etag=res.etag or (feed.etag if keep else None),
                  last_modified=res.last_modified or (feed.last_modified if keep else None))
    else:
        ok.update(last_modified=res.last_modified)  # a file's modification time and size
    return ok


def _settled(store: Store, feed: Feed, res: FetchResult, started: datetime,
             report: RefreshReport) -> bool:
    """Record a result that needs no parsing (an error, a 304, the same body); else False."""
    if res.error:
        extra = {}
        if res.retry_after is not None:
            extra["retry_after"] = res.retry_after
        if res.gone:
            extra["enabled"] = 0
        _failed(store, feed, res.error, started, report, **extra)
        return True
    if res.not_modified or (res.body_hash is not None and res.body_hash == feed.body_hash):
        with store.transaction():
            _move(store, feed, res)
            store.update_feed(feed.id, **_ok_fields(feed, res, started))
        report.unchanged += 1
        return True
    return False


@dataclass(frozen=True)
class Digest:
    """A feed body parsed and made ready to store, or the reason it could not be."""

    title: str = ""
    link: str | None = None
    items: tuple[NewArticle, ...] = ()
    error: str | None = None


def digest(body: bytes, source: str, category: str | None) -> Digest:
    """Parse a fetched body and prepare its articles (in a parser process, or here)."""
    try:
        parsed = _parse_feed(body, source)
        return Digest(clean_line(parsed.title), parsed.link, tuple(prepare(parsed.articles, category)))
    except NewsreaderError as exc:
        return Digest(error=str(exc))
    except (OSError, ValueError, LookupError, UnicodeError, RecursionError, MemoryError) as exc:
        # a parser bug on one odd document must not stop the other feeds
        return Digest(error=f"could not read the feed ({type(exc).__name__}: {exc})")


def _parse_feed(body: bytes, source: str):
    kind = sniff(body, source)
    if kind in ("feed", "jsonfeed"):
        return parse_feed(body, source)
    if kind == "html":
        from newsreader.ingest.discover import feed_links

        links = feed_links(body, source)
        hint = f"; the page names a feed at {links[0]}" if links else ""
        raise IngestError(f"the address gives a web page, not a feed{hint}")
    raise IngestError(f"not a feed (it looks like {'an' if kind[0] in 'aeiouh' else 'a'} {kind} document)")


def _store(store: Store, feed: Feed, res: FetchResult, got: Digest, started: datetime,
           report: RefreshReport, killfile: Killfile | None = None,
           rules: CategoryRules = NO_RULES) -> None:
    """Store one parsed feed in its own transaction."""
    if got.error:
        _failed(store, feed, got.error, started, report)
        return
    ok = _ok_fields(feed, res, started)
    if feed.title in (feed.url, res.url) and got.title:
        ok["title"] = ok["own_title"] = got.title  # subscribed by address alone: the feed names itself
    with store.transaction():
        url = _move(store, feed, res)
        feed_id = store.ensure_feed(url, feed.title, category=feed.category, site=got.link)
        store.update_feed(feed.id, body_hash=res.body_hash, **ok)  # its title first: it may name a category
        counts = store_arrivals(store, feed_id, url, arriving(store, feed_id, got.items, rules), killfile)
    report.added += counts.added
    report.hidden += counts.hidden
    report.marked_read += counts.marked_read
    if counts.added or counts.updated:
        report.fetched += 1
    else:
        report.unchanged += 1


def _move(store: Store, feed: Feed, res: FetchResult) -> str:
    """Follow a permanent redirect: the feed's stored URL becomes the new one."""
    new = res.permanent_url
    if new and new != feed.url and store.feed_by_url(new) is None:
        store.update_feed(feed.id, url=new)
        return new
    return feed.url


def _failed(store: Store, feed: Feed, reason: str, started: datetime, report: RefreshReport,
            **extra) -> None:
    reason = clean_line(reason)  # it may carry a server's words: no control characters
    store.update_feed(feed.id, last_attempt=started, last_error=reason,
                      failures=feed.failures + 1, **extra)
    report.failed.append((feed.title, reason))


class _Parsers:
    """Feed parsing in worker processes, so many changed feeds use every CPU.

    Parsing is pure Python and dominates a first refresh; threads would share
    one interpreter lock. A single-threaded caller forks its workers at once;
    otherwise a forkserver starts in the background (it imports the parsers,
    about half a second). Until the pool is up, and with no workers, or when
    processes cannot start, parsing happens in the calling thread.
    """

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = None
        self.in_flight = 2 * workers + 2
        self._starting: threading.Thread | None = None
        self._started: list = []
        if not workers:
            return
        import multiprocessing as mp

        methods = mp.get_all_start_methods()
        if "fork" in methods and threading.active_count() == 1:
            # a single-threaded process (the command line, before the network
            # thread starts) forks safely, at once, with the parsers imported
            import newsreader.analysis  # noqa: F401 - imported once, before the fork

            self._start("fork")
        else:
            # threads (the app) make fork unsafe: a forkserver starts meanwhile
            method = "forkserver" if "forkserver" in methods else "spawn"
            self._starting = threading.Thread(target=self._start, args=(method,),
                                              name="newsreader-parsers", daemon=True)
            self._starting.start()

    def _start(self, method: str) -> None:
        import multiprocessing as mp

        from newsreader.ingest.pool import process_pool

        try:
            if method == "forkserver":
                # workers fork from a server that has imported the parsers already
                mp.get_context(method).set_forkserver_preload(
                    ["newsreader.ingest.refresh", "newsreader.ingest.feeds", "newsreader.analysis"])
            pool = process_pool(self.workers, method)
            # the processes start with the first task; wait here, not in submit
            pool.submit(int).result()
        except (OSError, ValueError, NotImplementedError, BrokenProcessPool, RuntimeError):
            self._started.append(None)
            return
        self._started.append(pool)

    def _ready(self) -> bool:
        """True once the pool can take work (never, without workers)."""
        if self.pool is None and self._started:
            self.pool = self._started.pop()
            if self.pool is None:
                self.workers = 0
        return self.pool is not None

    def submit(self, body: bytes, source: str, category: str | None) -> Future:
        if self.workers and self._ready():
            try:
                return self.pool.submit(digest, body, source, category)
            except (BrokenProcessPool, RuntimeError):
                self._give_up()
        fut: Future = Future()
        fut.set_result(digest(body, source, category))
        return fut

    def result(self, fut: Future, res: FetchResult, category: str | None) -> Digest:
        try:
            return fut.result()
        except BrokenProcessPool:
            # a worker died (killed, out of memory): parse here, now and from now on
            self._give_up()
            return digest(res.body, res.final_url or res.url, category)

    def _give_up(self) -> None:
        self.close()
        self.workers = 0

    def close(self) -> None:
        if self._starting is not None:
            self._starting.join()
            self._starting = None
            self._ready()
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
