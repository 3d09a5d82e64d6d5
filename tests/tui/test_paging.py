"""paging.walk over a real store: the last pages or the page of one article, a few pages held."""

from __future__ import annotations

import pytest

from newsreader.store import Store
from newsreader.store.store import Filter
from newsreader.tui.paging import walk
from tests.tui.conftest import bulk_library

N = 53  # pages of 5: ten whole pages and three rows


@pytest.fixture
def fetch(tmp_path):
    db = tmp_path / "lib.sqlite3"
    bulk_library(db, N)
    with Store(db) as store:
        calls = []

        def fetch(flt, after, limit):
            calls.append(limit)
            return store.list_articles(flt, limit=limit, after=after)

        fetch.calls = calls
        fetch.order = [a.id for a in store.iter_articles(Filter())]
        yield fetch


def test_to_the_end_keeps_the_last_two_pages_and_every_boundary(fetch):
    w = walk(fetch, Filter(), 5, keep_all=12)
    assert w.at_end and w.start == 45 and [r.id for r in w.rows] == fetch.order[45:]
    assert sorted(w.anchors) == list(range(5, N, 5))
    assert all(w.anchors[k].id == fetch.order[k - 1] for k in w.anchors)
    assert set(fetch.calls) == {5}  # a page at a time, never the whole view


def test_a_short_view_comes_back_whole(fetch):
    w = walk(fetch, Filter(), 5, keep_all=100)
    assert w.at_end and w.start == 0 and [r.id for r in w.rows] == fetch.order


def test_to_one_article_stops_at_its_page(fetch):
    target = fetch.order[31]
    w = walk(fetch, Filter(), 5, target=target, keep_all=12)
    assert not w.at_end and w.start == 25 and [r.id for r in w.rows] == fetch.order[25:35]
    assert len(fetch.calls) == 7


def test_a_cancelled_walk_gives_nothing(fetch):
    assert walk(fetch, Filter(), 5, should_stop=lambda: True) is None
    assert len(fetch.calls) == 1
