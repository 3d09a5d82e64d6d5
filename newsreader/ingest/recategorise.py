"""Categories chosen again for the library already stored.

The library remembers what its categories were chosen under (the rules'
``CATEGORIES_VERSION`` and the user's mapping, as ``CategoryRules.stamp``).
When that differs from the rules in force, every article gets its category
again from its stored terms, link and feed, feed by feed as on import; only
the category changes, never read or favourite state. A write under other rules
(an import without the mapping) marks the library for this too.
"""

from __future__ import annotations

from itertools import groupby
from typing import Callable, Protocol, Sequence

from newsreader.ingest.categories import UNCATEGORISED, CategoryRules, Entry, Source, choose, has_audio
from newsreader.ingest.outlets import name_feeds
from newsreader.models import Enclosure, Feed
from newsreader.store import Store

STAMP_KEY = "categories"


class _Terms(Protocol):
    sections: tuple[str, ...] | None
    tags: tuple[str, ...]
    link: str | None
    enclosures: tuple[Enclosure, ...]


def _stand_in(category: str) -> tuple[str, ...]:
    """An article stored before its own terms were kept: the category it was given
    then (from those terms) stands in for them."""
    return () if category == UNCATEGORISED else (category,)


def choose_for(feed: Feed | None, items: Sequence[_Terms], rules: CategoryRules) -> list[str]:
    """The categories of a feed's articles (new items, or stored ones) under ``rules``."""
    source = Source() if feed is None else Source(feed.own_title or feed.title, feed.url, feed.site, feed.category,
                                                  feed.id, feed.title)
    entries = [Entry(it.sections if it.sections is not None else _stand_in(getattr(it, "category", "")),
                     it.tags, it.link, has_audio(it.enclosures)) for it in items]
    return choose(entries, source, rules)


def is_current(store: Store, rules: CategoryRules) -> bool:
    """Whether the stored categories were chosen under ``rules``."""
    return store.meta(STAMP_KEY) == rules.stamp()


def note_rules(store: Store, rules: CategoryRules) -> None:
    """Before writing articles categorised under ``rules``: if the library's others were
    chosen under different ones, they must all be chosen again. (A library with no
    articles yet is all chosen under ``rules``.)"""
    stamp = store.meta(STAMP_KEY)
    if stamp is None and not store.list_articles(limit=1):
        store.set_meta(STAMP_KEY, rules.stamp())
    elif stamp not in (None, rules.stamp()):
        forget_rules(store)


def forget_rules(store: Store) -> None:
    """Mark the stored categories as chosen under no known rules."""
    store.set_meta(STAMP_KEY, None)


def recategorise(store: Store, rules: CategoryRules, *, force: bool = False,
                 should_stop: Callable[[], bool] | None = None) -> int:
    """Choose every stored article's category again if the rules changed (or ``force``);
    returns how many articles changed category. A stop request leaves everything as it was."""
    if not force and is_current(store, rules):
        return 0
    name_feeds(store)  # the names first: a feed's articles may be filed under its name
    feeds = {f.id: f for f in store.feeds(subscribed_only=False)}
    changes: list[tuple[int, str, tuple[str, ...] | None]] = []
    moved = 0
    for feed_id, group in groupby(store.article_terms(), key=lambda row: row.feed_id):
        if should_stop and should_stop():
            return 0
        rows = list(group)
        for row, category in zip(rows, choose_for(feeds.get(feed_id), rows, rules)):
            fill = _stand_in(row.category) if row.sections is None else None
            if category != row.category or fill is not None:
                changes.append((row.id, category, fill))
                moved += category != row.category
    with store.transaction():
        store.set_categories(changes)
        store.set_meta(STAMP_KEY, rules.stamp())
    return moved

