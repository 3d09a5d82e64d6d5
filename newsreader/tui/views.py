"""The lists the app can show, each a store ``Filter`` with a name and a key.

A view's key is a short string ("all", "category:World", "feed:3",
"view:Morning", ...) so the last one can be remembered in the state file and
restored. ``expr`` is the view as a filter expression (``newsreader.filters``),
so a filter typed over it can be saved as a view of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Callable

from newsreader.filters import And, FilterError, Or, both, parse, quote
from newsreader.store.store import Filter


@dataclass(frozen=True)
class View:
    """One list of articles: what the store is asked and what the user is told."""

    key: str
    label: str
    filter: Filter
    expr: str | None = None  # the same as a filter expression; None: every article (or a search)

    @property
    def is_fixed(self) -> bool:
        """A view the categories pane lists (a fixed view, a category, a feed or a saved
        view; not a search or a filter typed over one)."""
        return self.key in ("all", "unread", "favourites") or self.key.startswith(("category:", "feed:", "view:"))


ALL = View("all", "All", Filter())
UNREAD = View("unread", "Unread", Filter(unread=True), "unread")
FAVOURITES = View("favourites", "Favourites", Filter(favourites=True), "favourite")


def category_view(name: str) -> View:
    """Every article in category ``name``."""
    return View(f"category:{name}", name, Filter(category=name), f"category = {quote(name)}")


def feed_view(feed_id: int, title: str) -> View:
    """Every article from one feed."""
    return View(f"feed:{feed_id}", f"Feed: {title}", Filter(feed_id=feed_id), f"feed = {feed_id}")


def search_view(query: str, relevance: bool = True) -> View:
    """Full-text search results, best matches first (or newest first)."""
    return View(f"search:{query}", f"Search: {query}", Filter(search=query, relevance=relevance))


def saved_view(name: str, expr: str) -> View | None:
    """A view saved by name (None when its expression cannot be read)."""
    try:
        return View(f"view:{name}", name, Filter(where=parse(expr)), expr)
    except FilterError:
        return None


def filtered_view(base: View, text: str) -> View:
    """``base`` narrowed by the filter expression ``text`` (raises ``FilterError``)."""
    where = both(base.filter.where, parse(text))
    expr = f"{_grouped(base.expr)} and {_grouped(text)}" if base.expr else text.strip()
    return View(f"filter:{base.key}:{text}", f"{base.label} · {text.strip()}",
                replace(base.filter, where=where), expr)


def _grouped(expr: str) -> str:
    """``expr`` in parentheses unless it is one term (so "a or b" stays whole inside "and")."""
    parsed = parse(expr)
    return expr.strip() if not isinstance(parsed, (And, Or)) else f"({expr.strip()})"


def view_from_key(key: str | None, feed_title: Callable[[int], str | None] = lambda _id: None,
                  saved_expr: Callable[[str], str | None] = lambda _name: None) -> View | None:
    """The view a remembered key names, if it is one the categories pane shows
    (a feed's or a saved view's, while ``feed_title`` or ``saved_expr`` still knows it)."""
    fixed = {v.key: v for v in (ALL, UNREAD, FAVOURITES)}
    if key in fixed:
        return fixed[key]
    if key and key.startswith("view:") and len(key) > len("view:"):
        expr = saved_expr(key[5:])
        return saved_view(key[5:], expr) if expr is not None else None
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
