"""Whole articles for feeds that carry summaries: fetch each item's web page and
keep its main text.

Pages come through the project's fetcher (timeouts, a size cap, redirects, a
clear User-Agent) at most two at a time per host; trafilatura finds the main
text (``htmlpage.parse_html_page``). The page is stored with the article, the
feed's text stays as its summary, and the quotes are found again on the whole
text. A page that gives nothing (an error, a paywall, no main text) leaves the
feed's text and the reason, and is not asked for again on the next refresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from newsreader.errors import NewsreaderError
from newsreader.ingest.fetch import FetchJob, FetchResult, FetchRun, FetchSettings, is_url
from newsreader.models import Feed
from newsreader.store import Store
from newsreader.text import clean_line

Progress = Callable[[int, int, str], None]
PER_FEED = 30  # pages fetched for one feed in one refresh; older items wait for the next
PAGE_SETTINGS = FetchSettings(deadline=15.0, max_bytes=10 * 1024 * 1024, concurrency=8, per_host=2,
                              accept="text/html, application/xhtml+xml;q=0.9, */*;q=0.5")
_PAGE_TYPES = ("html", "xml", "text/plain")


def text_state(article) -> str | None:
    """Where an article's text stands when it is not the whole article: "failed"
    (its page gave none), "empty" (no text at all) or "summary" (a short text
    with a page to fetch); None for a whole article or one with nothing to fetch."""
    from newsreader.store.fulltext import SHORT_BODY

    if article.full_text == "ok" or not article.link:
        return None
    if article.full_text is not None:
        return "failed"
    if not article.body.strip():
        return "empty"
    return "summary" if len(article.body) < SHORT_BODY else None


@dataclass
class PagesReport:
    asked: int = 0
    fetched: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)  # (article id, reason)
    cancelled: bool = False

    def as_dict(self) -> dict:
        return {"asked": self.asked, "fetched": self.fetched,
                "failed": [{"article": a, "reason": r} for a, r in self.failed],
                "cancelled": self.cancelled}

    def summary(self) -> str:
        text = f"{self.fetched} of {self.asked} article page{'' if self.asked == 1 else 's'} fetched"
        if self.failed:
            text += f", {len(self.failed)} kept the feed's text"
        return text + (" (stopped early)" if self.cancelled else "")


def fetches_pages(store: Store, feed: Feed) -> bool:
    """Whether a refresh fetches the feed's item pages (its setting, or automatically)."""
    if feed.full_text is not None:
        return feed.full_text
    # a feed read from a file decides nothing by itself: it may be read offline
    return is_url(feed.url) and store.summary_only(feed.id)


def due_pages(store: Store, feeds: Iterable[Feed], per_feed: int = PER_FEED) -> list[tuple[int, str, str]]:
    """(article id, link, feed text) of the pages the feeds that want full text still lack."""
    due = []
    for feed in feeds:
        if feed.enabled and fetches_pages(store, feed):
            due.extend(store.full_text_due(feed.id, per_feed))
    return due


def fetch_pages(store: Store, due: list[tuple[int, str, str]], *, progress: Progress | None = None,
                settings: FetchSettings | None = None,
                should_stop: Callable[[], bool] | None = None) -> PagesReport:
    """Fetch each page of ``due`` and store its main text (or why there is none)."""
    report = PagesReport(asked=len(due))
    if not due:
        return report
    texts = {art_id: body for art_id, _, body in due}
    jobs = [FetchJob(art_id, link) for art_id, link, _ in due]
    done = 0
    with FetchRun(jobs, settings or PAGE_SETTINGS) as run:
        for res in run:
            reason = _keep_page(store, res, texts[res.key])
            if reason is None:
                report.fetched += 1
            else:
                store.full_text_failed(res.key, reason)
                report.failed.append((res.key, reason))
            done += 1
            if progress:
                progress(done, len(due), res.url)
            if should_stop and should_stop():
                report.cancelled = True
                break
    return report


def _keep_page(store: Store, res: FetchResult, feed_text: str) -> str | None:
    """Store the page's main text; the reason in words when there is none to keep."""
    from newsreader.analysis import QUOTES_VERSION
    from newsreader.ingest.htmlpage import parse_html_page
    from newsreader.ingest.pipeline import analyse

    if res.error:
        return clean_line(res.error)
    kind = res.content_type.split(";")[0].strip().lower()
    if kind and not any(t in kind for t in _PAGE_TYPES) and not _looks_like_page(res.body):
        return f"the link gives {clean_line(kind)}, not a web page"
    try:
        page = parse_html_page(res.body, res.final_url or res.url)
    except NewsreaderError as exc:
        return clean_line(str(exc)).replace(" in the HTML page", " on the page")
    except (ValueError, TypeError, LookupError, RecursionError, MemoryError) as exc:
        return f"the page could not be read ({type(exc).__name__})"
    if len(page.body.split()) <= len(feed_text.split()):
        return "the page gives no more text than the feed (a paywall, or no article on it)"
    try:
        quotes, keys = analyse(page.body)
    except Exception:  # noqa: BLE001 - a finder bug keeps the text, without quotes
        quotes, keys = (), ()
    store.store_full_text(res.key, page.body, page.links, page.html, quotes, keys, QUOTES_VERSION,
                          byline=page.byline)
    return None


def _looks_like_page(body: bytes) -> bool:
    """An HTML page served under a wrong type (application/octet-stream, say)."""
    from newsreader.ingest.detect import sniff

    try:
        return sniff(body) == "html"
    except NewsreaderError:  # binary: audio, video, an image
        return False
