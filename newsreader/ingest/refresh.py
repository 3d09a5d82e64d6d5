"""``newsreader refresh``: read every subscribed feed again, each on its own.

The network fetches many feeds at once in a thread of its own (see
``fetch.FetchRun``); this module takes the results as they come, in the
calling thread, and parses and stores them feed by feed, each in its own
transaction. A Store's connection belongs to its thread, so the store is only
ever touched here. One bad feed is recorded on the feed and in the report,
never raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from newsreader.errors import IngestError, NewsreaderError
from newsreader.ingest.fetch import FetchJob, FetchResult, FetchRun, FetchSettings, body_hash, is_url
from newsreader.ingest.pipeline import parse_document, store_feed
from newsreader.models import Feed
from newsreader.store import Store
from newsreader.store.timefmt import now_utc
from newsreader.text import clean_line

Progress = Callable[[int, int, str], None]


@dataclass
class RefreshReport:
    total: int = 0
    fetched: int = 0
    unchanged: int = 0
    added: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # waiting out a Retry-After
    cancelled: bool = False

    def as_dict(self) -> dict:
        return {"feeds": self.total, "fetched": self.fetched, "unchanged": self.unchanged,
                "added": self.added, "failed": [{"feed": n, "reason": r} for n, r in self.failed],
                "skipped": [{"feed": n, "reason": r} for n, r in self.skipped],
                "cancelled": self.cancelled}

    def summary(self) -> str:
        text = (f"{self.total} feeds: {self.fetched} fetched, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed")
        if self.skipped:
            text += f", {len(self.skipped)} waiting"
        text += f"; {self.added} articles added"
        return text + (" (stopped early)" if self.cancelled else "")


def refresh_all(store: Store, progress: Progress | None = None, *,
                settings: FetchSettings | None = None, feeds: list[Feed] | None = None,
                should_stop: Callable[[], bool] | None = None) -> RefreshReport:
    """Refresh each enabled subscription (or ``feeds``); failures are recorded and reported.

    ``progress(done, total, name)`` is called from the calling thread after
    each feed; ``should_stop()`` is asked between feeds (a Textual worker's
    ``is_cancelled``) and ends the refresh early, keeping what is stored.
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

    def step(feed: Feed) -> bool:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(feeds), feed.title)
        if should_stop and should_stop():
            report.cancelled = True
            return False
        return True

    if progress:
        progress(done, len(feeds), "")
    # The network starts first and works while local files are read.
    with FetchRun(jobs, settings) as run:
        for feed in files:
            _refresh_file(store, feed, started, report)
            if not step(feed):
                return report
        for res in run:
            feed = by_id[res.key]
            _apply(store, feed, res, started, report)
            if not step(feed):
                return report
    return report


def _when(t: datetime) -> str:
    return f"{t:%Y-%m-%d %H:%M} UTC"


def _refresh_file(store: Store, feed: Feed, started: datetime, report: RefreshReport) -> None:
    from newsreader.ingest.detect import read_source_bytes

    try:
        data = read_source_bytes(Path(feed.url))
    except NewsreaderError as exc:
        _failed(store, feed, str(exc), started, report)
        return
    res = FetchResult(key=feed.id, url=feed.url, final_url=feed.url, status=200, body=data,
                      body_hash=body_hash(data))
    _apply(store, feed, res, started, report)


def _apply(store: Store, feed: Feed, res: FetchResult, started: datetime, report: RefreshReport) -> None:
    """Record one feed's result: store new articles, or the reason it failed."""
    if res.error:
        extra = {}
        if res.retry_after is not None:
            extra["retry_after"] = res.retry_after
        if res.gone:
            extra["enabled"] = 0
        _failed(store, feed, res.error, started, report, **extra)
        return
    ok = dict(last_attempt=started, last_success=started, last_error=None, failures=0,
              retry_after=None)
    if is_url(feed.url):
        ok.update(etag=res.etag, last_modified=res.last_modified)
    if res.not_modified:
        # A 304 may leave out the validators; keep the ones we sent.
        ok.update(etag=res.etag or feed.etag, last_modified=res.last_modified or feed.last_modified)
        with store.transaction():
            _move(store, feed, res)
            store.update_feed(feed.id, **ok)
        report.unchanged += 1
        return
    if res.body_hash is not None and res.body_hash == feed.body_hash:
        with store.transaction():
            _move(store, feed, res)
            store.update_feed(feed.id, **ok)
        report.unchanged += 1
        return
    try:
        parsed = _parse_feed(res)
        with store.transaction():
            url = _move(store, feed, res)
            _id, counts = store_feed(store, parsed, url, category=feed.category)
            if feed.title in (feed.url, res.url) and clean_line(parsed.title):
                ok["title"] = clean_line(parsed.title)  # subscribed by address alone
            store.update_feed(feed.id, body_hash=res.body_hash, **ok)
    except NewsreaderError as exc:
        _failed(store, feed, str(exc), started, report)
        return
    except (OSError, ValueError, LookupError, UnicodeError, RecursionError, MemoryError) as exc:
        # a parser bug on one odd document must not stop the other feeds
        _failed(store, feed, f"could not read the feed ({type(exc).__name__}: {exc})", started, report)
        return
    report.added += counts.added
    if counts.added or counts.updated:
        report.fetched += 1
    else:
        report.unchanged += 1


def _parse_feed(res: FetchResult):
    source = res.final_url or res.url
    kind, parsed = parse_document(res.body, source)
    if kind in ("feed", "jsonfeed"):
        return parsed
    if kind == "html":
        from newsreader.ingest.discover import feed_links

        links = feed_links(res.body, source)
        hint = f"; the page names a feed at {links[0]}" if links else ""
        raise IngestError(f"the address gives a web page, not a feed{hint}")
    raise IngestError(f"not a feed (it looks like {'an' if kind[0] in 'aeiouh' else 'a'} {kind} document)")


def _move(store: Store, feed: Feed, res: FetchResult) -> str:
    """Follow a permanent redirect: the feed's stored URL becomes the new one."""
    new = res.permanent_url
    if new and new != feed.url and store.feed_by_url(new) is None:
        store.update_feed(feed.id, url=new)
        return new
    return feed.url


def _failed(store: Store, feed: Feed, reason: str, started: datetime, report: RefreshReport,
            **extra) -> None:
    store.update_feed(feed.id, last_attempt=started, last_error=reason,
                      failures=feed.failures + 1, **extra)
    report.failed.append((feed.title, reason))
