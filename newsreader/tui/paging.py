"""Walking a view by keyset pages to a far row (its last, or one article) without holding it all.

The article list shows a window of a view: the rows from some view index on.
``G`` on a list of 100,000 articles must not load 100,000 rows into the list
(each is measured when it is added). Most sorts the store reads backwards, from
the view's end; for the others (and to find one article again far down) a worker
walks the pages, keeping only the last two, and notes an *anchor* at every page
boundary: the row just before view index ``k * PAGE``. From an anchor any page can
be fetched again, by keyset, when the reader scrolls back up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

from newsreader.models import ArticleSummary
from newsreader.store.store import Filter


class Fetch(Protocol):
    """A page of the view ``flt``: the ``limit`` rows after ``after`` (the first ones when
    None); ``backwards``, the rows just before it (the last ones), for the sorts the store
    reads backwards. ``walk`` only reads forwards."""

    def __call__(self, flt: Filter, after: ArticleSummary | None, limit: int,
                 backwards: bool = False) -> list[ArticleSummary]: ...


@dataclass(frozen=True)
class Walked:
    """Where a walk stopped: ``rows`` from view index ``start``; ``at_end`` when they reach
    the view's end; ``anchors`` maps each page boundary passed to the row before it."""

    start: int
    rows: list[ArticleSummary]
    at_end: bool
    anchors: dict[int, ArticleSummary]


def walk(fetch: Fetch, flt: Filter, page: int, target: int | None = None, keep_all: int = 1_000,
         should_stop: Callable[[], bool] = lambda: False) -> Walked | None:
    """Page through the view ``flt`` from its top to the article ``target`` (None: to its end).

    Every row walked is returned when there are at most ``keep_all`` of them; past
    that only the page holding the target (or the last page) and the one before it
    are kept, so memory stays at a few pages whatever the view's length. None when
    ``should_stop`` says so between two pages.
    """
    anchors: dict[int, ArticleSummary] = {}
    pages: list[list[ArticleSummary]] = []
    start = walked = 0  # the view index of pages[0][0]; how many rows were read
    after = None
    while True:
        rows = fetch(flt, after, page)
        anchors.update((walked + i, row) for i, row in enumerate(rows, 1) if (walked + i) % page == 0)
        walked += len(rows)
        pages.append(rows)
        if walked > keep_all:
            while len(pages) > 2:
                start += len(pages.pop(0))
        if len(rows) < page or (target is not None and any(r.id == target for r in rows)):
            return Walked(start, [r for p in pages for r in p], len(rows) < page, anchors)
        if should_stop():
            return None
        after = rows[-1]
