"""Undated items take their place from their feed's order (ingest/undated.py), in a real library."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone

import pytest

from newsreader.ingest.backup import restore, write_backup
from newsreader.ingest.refresh import refresh_all
from newsreader.ingest.subscribe import add_subscription
from newsreader.ingest.undated import estimate_dates
from newsreader.store import Filter, Store

T = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
H = timedelta(hours=1)
S = timedelta(seconds=1)


def test_a_run_of_undated_items_goes_between_its_dated_neighbours_in_feed_order():
    dates = [None, T, None, None, T - 3 * H, None]
    got = estimate_dates(dates, NOW)
    assert got[1] is None and got[4] is None
    assert got[0] == T + S  # above the item below it, not at the top of the library
    assert T > got[2] > got[3] > T - 3 * H and got[2] == T - H
    assert got[5] == T - 3 * H - S


def test_an_oldest_first_feed_is_read_the_other_way():
    dates = [T - 3 * H, None, None, T, None]
    got = estimate_dates(dates, NOW)
    assert T - 3 * H < got[1] < got[2] < T
    assert got[4] == T + S


def test_a_feed_without_dates_keeps_its_order_under_the_time_it_was_read():
    assert estimate_dates([None, None, None], NOW) == [NOW, NOW - S, NOW - 2 * S]
    assert estimate_dates([], NOW) == []


def test_an_estimate_is_never_later_than_the_reading():
    assert estimate_dates([None, NOW + H], NOW) == [NOW, None]


def rss(title: str, items: list[tuple[str, datetime | None]]) -> bytes:
    """A feed of (guid, date or None) items in that order."""
    parts = [f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
             f"<link>https://{title.lower()}.example/</link>"]
    for guid, when in items:
        date = f"<pubDate>{when:%a, %d %b %Y %H:%M:%S} +0000</pubDate>" if when else ""
        parts.append(f"<item><title>{title} {guid}</title><guid>{guid}</guid>"
                     f"<description>Story {guid} of {title}.</description>{date}</item>")
    return ("".join(parts) + "</channel></rss>").encode()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "lib.db") as s:
        yield s


def titles(store) -> list[str]:
    return [a.title for a in store.iter_articles(Filter(), page=3)]


def test_undated_items_stay_under_newer_news_of_other_feeds_across_refreshes(store, tmp_path):
    news, old = tmp_path / "news.rss", tmp_path / "old.rss"
    news.write_bytes(rss("News", [("n1", T + 2 * H), ("n2", T - 2 * H)]))
    old.write_bytes(rss("Old", [("u0", None), ("o1", T), ("u2", None), ("o3", T - 4 * H)]))
    add_subscription(store, str(news))
    add_subscription(store, str(old))
    expected = ["News n1", "Old u0", "Old o1", "Old u2", "News n2", "Old o3"]
    assert titles(store) == expected
    u0 = store.article(next(a.id for a in store.iter_articles() if a.title == "Old u0"))
    assert u0.published_estimated and u0.published == T + S

    # later: new items on both feeds; the old feed's undated items keep their places
    news.write_bytes(rss("News", [("n0", T + 3 * H), ("n1", T + 2 * H), ("n2", T - 2 * H)]))
    old.write_bytes(rss("Old", [("u-new", None), ("o0", T + H), ("u0", None), ("o1", T),
                                ("u2", None), ("o3", T - 4 * H)]))
    report = refresh_all(store, workers=0)
    assert report.added == 3 and not report.failed
    # the new undated item goes above its feed's newest, under the other feed's newer news
    assert titles(store) == ["News n0", "News n1", "Old u-new", "Old o0", *expected[1:]]
    again = store.article(u0.id)
    assert (again.published, again.published_estimated) == (u0.published, True)

    # the feed now gives the item a date: it moves there and is no longer estimated
    old.write_bytes(rss("Old", [("u0", T - 3 * H), ("o1", T)]))
    refresh_all(store, workers=0)
    dated = store.article(u0.id)
    assert (dated.published, dated.published_estimated) == (T - 3 * H, False)


def test_keyset_pages_walk_through_undated_items_with_equal_times(store, tmp_path):
    # two dated items in the same second with undated ones between: the estimates tie
    items = [("d0", T)] + [(f"u{i}", None) for i in range(7)] + [("d8", T)]
    items += [(f"z{i}", None) for i in range(5)]
    path = tmp_path / "ties.rss"
    path.write_bytes(rss("Ties", items))
    add_subscription(store, str(path))
    nodates = tmp_path / "nodates.rss"
    nodates.write_bytes(rss("Plain", [(f"p{i}", None) for i in range(9)]))
    add_subscription(store, str(nodates))
    whole = store.list_articles(Filter(), limit=None)
    assert len(whole) == 23
    assert [(a.published, a.id) for a in whole] == sorted(((a.published, a.id) for a in whole), reverse=True)
    for size in (1, 2, 4, 7):
        paged = list(store.iter_articles(Filter(), page=size))
        assert [a.id for a in paged] == [a.id for a in whole]
    # the dateless feed keeps its own order, under the newest dated news stored (not on top as "now")
    assert [a.title for a in whole if a.title.startswith("Plain")] == [f"Plain p{i}" for i in range(9)]
    assert [a.title for a in whole].index("Plain p0") == 9 and all(a.published == T for a in whole[:9])
    assert store.conn.execute("SELECT count(*) FROM articles WHERE published_estimated = 1").fetchone()[0] == 21
    # the seven between d0 and d8 share d0's second: pages must split ties by id
    assert sum(a.published == T for a in whole) == 9


def test_a_backup_puts_an_estimated_date_back_where_it_was(tmp_path):
    path = tmp_path / "old.rss"
    path.write_bytes(rss("Old", [("o1", T), ("u2", None), ("o3", T - 4 * H)]))
    with Store(tmp_path / "a.db") as first:
        add_subscription(first, str(path))
        out = io.StringIO()
        write_backup(first, out)
        before = {a.title: first.article(a.id) for a in first.iter_articles()}
    with Store(tmp_path / "b.db") as second:
        restore(second, json.loads(out.getvalue()))
        after = {a.title: second.article(a.id) for a in second.iter_articles()}
    u2 = after["Old u2"]
    assert (u2.published, u2.published_estimated) == (before["Old u2"].published, True)
    assert T - 4 * H < u2.published < T


def test_a_feed_with_no_dates_read_first_goes_under_the_dated_news_stored(store, tmp_path):
    news, archive = tmp_path / "news.rss", tmp_path / "archive.rss"
    news.write_bytes(rss("News", [("n1", T), ("n2", T - 2 * H)]))
    archive.write_bytes(rss("Archive", [("a1", None), ("a2", None)]))
    add_subscription(store, str(news))
    add_subscription(store, str(archive))
    # not above every dated article as "now": under the newest, in the feed's order
    assert titles(store) == ["News n1", "Archive a1", "Archive a2", "News n2"]
    listed = {a.title: a for a in store.iter_articles()}
    assert listed["Archive a1"].estimated and not listed["News n1"].estimated
    # an item that turns up later on the undated feed is new: it is filed when it was read
    archive.write_bytes(rss("Archive", [("a0", None), ("a1", None), ("a2", None)]))
    assert refresh_all(store, workers=0).added == 1
    assert titles(store)[0] == "Archive a0"


def test_list_show_and_story_all_call_an_undated_article_undated(capsys, tmp_path):
    """The time an undated article is filed under is no date: every view says "undated"."""
    from tests.unit.clirun import run

    news, archive = tmp_path / "news.rss", tmp_path / "archive.rss"
    news.write_bytes(rss("News", [("n1", T)]))
    archive.write_bytes(rss("Archive", [("a1", None)]))
    home = str(tmp_path / "home")
    assert run(capsys, "--home", home, "import", str(news), str(archive))[0] == 0
    code, out, _ = run(capsys, "--home", home, "list")
    rows = {line.split()[0]: line for line in out.splitlines()}
    assert code == 0 and " undated " in rows["2"] and "2024-05-01" in rows["1"]
    code, out, _ = run(capsys, "--home", home, "show", "2")
    assert code == 0 and " · undated" in out.splitlines()[1] and "2024-05-01" not in out
    assert "2024-05-01 12:00 UTC" in run(capsys, "--home", home, "show", "1")[1]


def test_a_story_marks_its_undated_article(tmp_path):
    from newsreader.store import NewArticle

    with Store(tmp_path / "l.sqlite3") as s:
        feed = s.ensure_feed("https://a.example/rss", "A")
        s.upsert_articles(feed, "https://a.example/rss", [
            NewArticle("g1", "Dated", "Body.", "World", "h1", "2024-05-01T12:00:00Z"),
            NewArticle("g2", "Undated", "Body.", "World", "h2", None, estimate="2024-05-01T11:59:59Z")])
        s.conn.execute("INSERT INTO stories (id, title, first_published, last_published) VALUES (1, 'S', ?, ?)",
                       ("2024-05-01T12:00:00Z", "2024-05-01T12:00:00Z"))
        s.conn.execute("UPDATE articles SET story_id = 1")
        arts = {a.title: a for a in s.story(1).articles}
    assert arts["Undated"].estimated and not arts["Dated"].estimated
