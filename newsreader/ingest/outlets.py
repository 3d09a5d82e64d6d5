"""The name a feed goes by in the library: its own title when that is a name, else a
short one made from it (``sources.shown_name``: "Engadget", not the tagline the feed
gives as its title), unless the user named it.

A feed is named when it is stored, and the whole library again when the naming rules
change: ``NAMES_VERSION`` is part of the categories' stamp, and ``recategorise`` names
the feeds before it chooses categories. A user's own name (``add --title``, ``feeds
--rename``) is never replaced; the feed's own title is kept beside the name.
"""

from __future__ import annotations

from dataclasses import replace

from newsreader.ingest.sources import shown_name
from newsreader.models import Feed
from newsreader.store import Store
from newsreader.text import clean_line


def name_of(feed: Feed) -> str:
    """The name the feed should go by: the user's, else the one its own title gives."""
    if feed.renamed:
        return feed.title
    own = feed.own_title or feed.title
    return shown_name(own, feed.url, feed.site) or own


def name_feed(store: Store, feed: Feed) -> Feed:
    """Give the stored feed the name it should go by (its own title kept beside it)."""
    name, own = name_of(feed), feed.own_title or feed.title
    if (name, own) == (feed.title, feed.own_title):
        return feed
    store.update_feed(feed.id, title=name, own_title=own)
    return replace(feed, title=name, own_title=own)


def name_feeds(store: Store) -> int:
    """Name every feed of the library as the rules now say; returns how many changed name."""
    changed = 0
    with store.transaction():
        for feed in store.feeds(subscribed_only=False):
            changed += name_feed(store, feed).title != feed.title
    return changed


def rename(store: Store, feed: Feed, name: str) -> Feed:
    """The user's own name for a feed, which stays whatever the feed calls itself;
    an empty ``name`` gives the feed back the name its own title gives."""
    from newsreader.ingest.recategorise import forget_rules

    name = clean_line(name)
    with store.transaction():
        own = feed.own_title or feed.title
        if name:
            store.update_feed(feed.id, title=name, own_title=own, renamed=1)
            feed = replace(feed, title=name, own_title=own, renamed=True)
        else:
            feed = name_feed(store, replace(feed, renamed=False, own_title=own))
            store.update_feed(feed.id, renamed=0)
        forget_rules(store)  # the mapping of config.toml may name the feed by its new name
    return feed
