"""``newsreader add``: subscribe to a feed given by URL or file path.

A web address may give a web page rather than a feed; then the feeds the
page announces (``<link rel="alternate">``) are tried in its order.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsreader.errors import IngestError
from newsreader.ingest.fetch import FetchJob, FetchResult, FetchSettings, body_hash, fetch_all, is_url
from newsreader.ingest.detect import sniff
from newsreader.ingest.feeds import parse_feed
from newsreader.ingest.localfile import local_path, signature
from newsreader.ingest.killfile import Killfile
from newsreader.ingest.categories import NO_RULES, CategoryRules
from newsreader.ingest.pipeline import parse_document, store_feed
from newsreader.models import Feed, ParsedFeed
from newsreader.store import Store, UpsertCounts
from newsreader.store.timefmt import now_utc

MAX_CANDIDATES = 3


@dataclass(frozen=True)
class Loaded:
    url: str  # what to subscribe to: the address, after permanent redirects, or a file's path
    feed: ParsedFeed
    fetched: FetchResult | None = None  # validators to keep: a web address's, a file's signature


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiouh' else 'a'} {kind}"


def _get(url: str, settings: FetchSettings | None) -> FetchResult:
    (res,) = fetch_all([FetchJob(url, url)], settings)
    if res.error:
        raise IngestError(res.error)
    return res


def load(target: str, settings: FetchSettings | None = None) -> Loaded:
    """The parsed feed at ``target`` (a URL, found through a page if need be, or a file)."""
    if not is_url(target):
        from newsreader.ingest.detect import read_source_bytes

        path = local_path(target)  # a file: URL is a file; stored by its absolute path
        seen = signature(path)  # before reading: a change while it is read shows next time
        data = read_source_bytes(path)
        kind, parsed = parse_document(data, str(path))
        if kind not in ("feed", "jsonfeed"):
            raise IngestError(f"not a feed (it looks like {_a(kind)} document)")
        return Loaded(str(path), parsed, FetchResult(key=None, url=str(path), body_hash=body_hash(data),
                                                     last_modified=seen))
    res = _get(target, settings)
    kind = sniff(res.body, res.final_url)
    if kind in ("feed", "jsonfeed"):
        return Loaded(res.permanent_url or target, parse_feed(res.body, res.final_url), res)
    if kind != "html":
        raise IngestError(f"not a feed (it looks like {_a(kind)} document)")
    from newsreader.ingest.discover import feed_links

    links = feed_links(res.body, res.final_url)
    if not links:
        raise IngestError("a web page that names no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed)")
    reasons = []
    for link in links[:MAX_CANDIDATES]:
        try:
            got = _get(link, settings)
            if sniff(got.body, got.final_url) in ("feed", "jsonfeed"):
                return Loaded(got.permanent_url or link, parse_feed(got.body, got.final_url), got)
        except IngestError as exc:
            reasons.append(f"{link}: {exc}")
            continue
        reasons.append(f"{link}: not a feed")
    raise IngestError("the page names feeds, but none could be read: " + "; ".join(reasons))


def load_feed_document(target: str):
    """(canonical url or path, parsed feed) for a URL or a local feed file."""
    got = load(target)
    return got.url, got.feed


def add_subscription(store: Store, target: str, *, category: str | None = None,
                     title: str | None = None, settings: FetchSettings | None = None,
                     full_text: bool | None = None, killfile: Killfile | None = None,
                     rules: CategoryRules = NO_RULES) -> tuple[Feed, UpsertCounts]:
    """Subscribe to ``target`` and store its current articles, in one transaction (the
    ``killfile`` judging them); ``full_text`` is the feed's whole-article setting (None:
    decided by its items)."""
    got = load(target, settings)
    now = now_utc()
    with store.transaction():
        feed_id, counts = store_feed(store, got.feed, got.url, category=category, title=title,
                                     subscribed=True, killfile=killfile, rules=rules)
        fields = dict(last_attempt=now, last_success=now, last_error=None, failures=0)
        if title:
            fields.update(title=title, renamed=1)  # the user's own name: it stays
        if full_text is not None:
            fields["full_text"] = int(full_text)
        if got.fetched is not None:
            # the next refresh asks "has it changed?" instead of downloading (or reading) it again
            fields.update(etag=got.fetched.etag, last_modified=got.fetched.last_modified,
                          body_hash=got.fetched.body_hash or body_hash(got.fetched.body))
        store.update_feed(feed_id, **fields)
    return store.feed(feed_id), counts
