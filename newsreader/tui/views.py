"""The lists the app can show, each a store ``Filter`` with a name and a key.

A view's key is a short string ("all", "category:World", "feed:3", ...)
so the last one can be remembered in the state file and restored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from newsreader.store.store import Filter


@dataclass(frozen=True)
class View:
    """One list of articles: what the store is asked and what the user is told."""

    key: str
    label: str
    filter: Filter

    @property
    def is_fixed(self) -> bool:
        """A view the categories pane lists (a fixed view, a category or a feed; not a search)."""
        return self.key in ("all", "unread", "favourites") or self.key.startswith(("category:", "feed:"))


ALL = View("all", "All", Filter())
UNREAD = View("unread", "Unread", Filter(unread=True))
FAVOURITES = View("favourites", "Favourites", Filter(favourites=True))


def category_view(name: str) -> View:
    """Every article in category ``name``."""
    return View(f"category:{name}", name, Filter(category=name))


def feed_view(feed_id: int, title: str) -> View:
    """Every article from one feed."""
    return View(f"feed:{feed_id}", f"Feed: {title}", Filter(feed_id=feed_id))


def search_view(query: str, relevance: bool = True) -> View:
    """Full-text search results, best matches first (or newest first)."""
    order = "relevance" if relevance else "date"
    return View(f"search:{query}", f"Search: {query} (by {order})", Filter(search=query, relevance=relevance))


def view_from_key(key: str | None, feed_title: Callable[[int], str | None] = lambda _id: None) -> View | None:
    """The view a remembered key names, if it is one the categories pane shows
    (a feed's, while ``feed_title`` still knows the feed)."""
    fixed = {v.key: v for v in (ALL, UNREAD, FAVOURITES)}
    if key in fixed:
        return fixed[key]
    if key and key.startswith("category:") and len(key) > len("category:"):
        return category_view(key.split(":", 1)[1])
    if key and key.startswith("feed:") and key[5:].isascii() and key[5:].isdigit() and len(key) < 20:
        title = feed_title(int(key[5:]))
        return feed_view(int(key[5:]), title) if title is not None else None
    return None


def age(when: datetime, now: datetime) -> str:
    """A short age such as "5m", "3h", "2d", or the date when older than a week."""
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    if seconds < 7 * 86400:
        return f"{int(seconds // 86400)}d"
    if when.year == now.year:
        return when.strftime("%d %b")
    return when.strftime("%Y-%m-%d")
