"""``newsreader add``: subscribe to a feed given by URL or file path."""

from __future__ import annotations

from pathlib import Path

from newsreader.errors import IngestError
from newsreader.ingest.fetch import fetch, is_url
from newsreader.ingest.pipeline import parse_document, store_feed
from newsreader.models import Feed
from newsreader.store import Store, UpsertCounts


def load_feed_document(target: str):
    """(canonical url or path, parsed feed) for a URL or a local feed file."""
    if is_url(target):
        got = fetch(target)
        url, data = got.url, got.body
    else:
        from newsreader.ingest.detect import read_source_bytes

        path = Path(target).expanduser()
        data = read_source_bytes(path)
        url = str(path.resolve())
    kind, parsed = parse_document(data, url)
    if kind not in ("feed", "jsonfeed"):
        raise IngestError(f"not a feed (it looks like {'an' if kind[0] in 'aeiouh' else 'a'} {kind} document)")
    return url, parsed


def add_subscription(store: Store, target: str, *, category: str | None = None,
                     title: str | None = None) -> tuple[Feed, UpsertCounts]:
    """Subscribe to ``target`` and store its current articles, in one transaction."""
    url, feed = load_feed_document(target)
    feed_id, counts = store_feed(store, feed, url, category=category, title=title, subscribed=True)
    if title:
        store.update_feed(feed_id, title=title)
    return store.feed(feed_id), counts
