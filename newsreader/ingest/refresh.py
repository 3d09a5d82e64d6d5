"""``newsreader refresh``: read every subscribed feed again, each on its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from newsreader.errors import NewsreaderError
from newsreader.ingest.fetch import is_url
from newsreader.ingest.pipeline import store_feed
from newsreader.store import Store
from newsreader.store.timefmt import now_utc


@dataclass
class RefreshReport:
    total: int = 0
    fetched: int = 0
    unchanged: int = 0
    added: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"feeds": self.total, "fetched": self.fetched, "unchanged": self.unchanged,
                "added": self.added, "failed": [{"feed": n, "reason": r} for n, r in self.failed]}

    def summary(self) -> str:
        return (f"{self.total} feeds: {self.fetched} fetched, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed; {self.added} articles added")


def refresh_all(store: Store, progress: Callable[[int, int, str], None] | None = None) -> RefreshReport:
    """Refresh each enabled subscription; a failure is recorded on the feed and reported."""
    from newsreader.ingest.subscribe import load_feed_document

    feeds = [f for f in store.feeds() if f.enabled]
    report = RefreshReport(total=len(feeds))
    for i, feed in enumerate(feeds):
        if progress:
            progress(i, len(feeds), feed.title)
        started = now_utc()
        try:
            _url, parsed = load_feed_document(feed.url)
            _id, counts = store_feed(store, parsed, feed.url, category=feed.category)
        except NewsreaderError as exc:
            store.update_feed(feed.id, last_attempt=started, last_error=str(exc),
                              failures=feed.failures + 1)
            report.failed.append((feed.title, str(exc)))
            continue
        store.update_feed(feed.id, last_attempt=started, last_success=started, last_error=None, failures=0)
        report.added += counts.added
        if counts.added or counts.updated:
            report.fetched += 1
        else:
            report.unchanged += 1
    if progress:
        progress(len(feeds), len(feeds), "")
    return report
