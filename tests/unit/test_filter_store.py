"""Filter expressions, sorts, saved views and the killfile on a real SQLite library."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from newsreader.errors import NewsreaderError, NotFound
from newsreader.filters import parse
from newsreader.models import Quote
from newsreader.store import Filter, NewArticle, Store
from newsreader.store.schema import SCHEMA_VERSION
from newsreader.store.store import NOT_HIDDEN
from newsreader.store.timefmt import now_utc, to_db
from tests.unit.oldlib import library_at


def ago(**delta) -> str:
    return to_db(now_utc() - timedelta(**delta))


def art(guid, title, *, body="Nothing much.", category="World", published=None, byline=None, tags=(),
        speakers=()) -> NewArticle:
    quotes = tuple(Quote(0, 4, "quote", s) for s in speakers)
    return NewArticle(guid=guid, title=title, body=body, category=category, content_hash=guid,
                      published=published or ago(days=1), byline=byline, tags=tuple(tags),
                      quotes=quotes, speaker_keys=tuple(s.split()[-1].lower() for s in speakers))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "lib.sqlite3") as s:
        yield s


@pytest.fixture
def lib(store):
    """Two feeds, bylines, tags, quotes, ages from an hour to a month."""
    news = store.ensure_feed("http://news.invalid/rss", "Harbour News", subscribed=True)
    blog = store.ensure_feed("http://blog.invalid/feed", "Élan Blog", subscribed=True)
    store.upsert_articles(news, "http://news.invalid/rss", [
        art("n1", "Ferry timetable changes", body="The ferry leaves at nine.", category="Transport",
            published=ago(hours=2), byline="Ada Lind", tags=["Ferries", "Winter"], speakers=["Mira Holt"]),
        art("n2", "Council approves fish market", body="A vote on the market.", category="Council",
            published=ago(days=3), speakers=["Tomas Varga", "Mira Holt"]),
        art("n3", "Rate rise expected", body="Banks say rates will rise 100% by spring.",
            category="Business", published=ago(days=10), byline="jonas pell", tags=["Economy"]),
        art("n4", "Old harbour photos", body="Pictures from 1920.", category="Culture",
            published=ago(days=40)),
    ])
    store.upsert_articles(blog, "http://blog.invalid/feed", [
        art("b1", "ÉLAN and the snow", body="Snow_fall was heavy.", category="Culture",
            published=ago(hours=5), byline="Ida Brenner", speakers=["Ødegaard"]),
        art("b2", "Quiet week", body="Nothing happened; see the 50% sale.", category="World",
            published=ago(days=8), tags=["Sale"]),
    ])
    return store


def titles(store, text, **kw) -> list[str]:
    return sorted(a.title for a in store.iter_articles(Filter(where=parse(text), **kw)))


@pytest.mark.parametrize("text, expected", [
    ('title ~ "ferry"', ["Ferry timetable changes"]),
    ('title ~ "RATE*RISE"', ["Rate rise expected"]),  # * is any run of characters
    ('title = "quiet week"', ["Quiet week"]),
    ('title ~ "élan"', ["ÉLAN and the snow"]),  # beyond ASCII, case is folded too
    ('body ~ "100%"', ["Rate rise expected"]),  # % and _ are themselves
    ('body ~ "50%"', ["Quiet week"]),
    ('body ~ "snow_"', ["ÉLAN and the snow"]),
    ('body ~ "snow_f" or body ~ "w%"', ["ÉLAN and the snow"]),
    ('feed = "harbour news"', ["Council approves fish market", "Ferry timetable changes",
                               "Old harbour photos", "Rate rise expected"]),
    ('feed = "http://blog.invalid/feed"', ["Quiet week", "ÉLAN and the snow"]),
    ('feed ~ "élan"', ["Quiet week", "ÉLAN and the snow"]),
    ('feed ~ "blog.invalid"', ["Quiet week", "ÉLAN and the snow"]),
    ('category = "culture"', ["Old harbour photos", "ÉLAN and the snow"]),
    ('category != "Culture" and category != world', ["Council approves fish market",
                                                      "Ferry timetable changes", "Rate rise expected"]),
    ('speaker = "mira holt"', ["Council approves fish market", "Ferry timetable changes"]),
    ('speaker = "ØDEGAARD"', ["ÉLAN and the snow"]),
    ('speaker ~ "varg"', ["Council approves fish market"]),
    ('author ~ "JONAS"', ["Rate rise expected"]),
    ('byline = "ada lind"', ["Ferry timetable changes"]),
    ('author !~ "a"', ["Council approves fish market", "Old harbour photos", "Quiet week"]),  # no byline
    ('tag = "winter"', ["Ferry timetable changes"]),
    ('tag ~ "e"', ["Ferry timetable changes", "Quiet week", "Rate rise expected"]),
    ("tag != economy", ["Council approves fish market", "Ferry timetable changes", "Old harbour photos",
                        "Quiet week", "ÉLAN and the snow"]),
    ("age < 1d", ["Ferry timetable changes", "ÉLAN and the snow"]),
    ("age > 1w and age < 2w", ["Quiet week", "Rate rise expected"]),
    ("age >= 4w", ["Old harbour photos"]),
    ("age <= 3h", ["Ferry timetable changes"]),
    ('not (category = culture or age > 1w) and not speaker ~ "holt"', []),
    ('(category = culture or age > 1w) and not speaker ~ "ø"', ["Old harbour photos", "Quiet week",
                                                                "Rate rise expected"]),
    ("title = \"'; DROP TABLE articles; --\"", []),  # values are bound, never pasted
])
def test_every_term_against_the_library(lib, text, expected):
    assert titles(lib, text) == sorted(expected)


def test_flags_and_the_fixed_filters_combine(lib):
    ferry = next(a for a in lib.iter_articles() if a.title.startswith("Ferry"))
    lib.set_read([ferry.id])
    lib.set_favourite([ferry.id])
    assert titles(lib, "read") == ["Ferry timetable changes"]
    assert titles(lib, "favourite and read") == ["Ferry timetable changes"]
    assert len(titles(lib, "unread")) == 5
    assert titles(lib, "unread", category="Culture") == ["Old harbour photos", "ÉLAN and the snow"]
    assert lib.count(Filter(where=parse('feed = "Harbour News"'), unread=True)) == 3
    feed_id = ferry.feed_id
    assert titles(lib, f"feed = {feed_id} and not read") == ["Council approves fish market",
                                                              "Old harbour photos", "Rate rise expected"]


def test_hidden_articles_are_listed_only_when_asked_for(lib):
    before = lib.last_article_id()
    lib.upsert_articles(1, "http://news.invalid/rss", [art("n5", "Sponsored: buy a boat"),
                                                      art("n6", "Sponsored: win a trip")])
    assert lib.kill(parse('title ~ "sponsored"'), "hide", before) == 2
    assert "Sponsored: buy a boat" not in titles(lib, 'title ~ "boat" or unread')
    assert lib.count(Filter()) == 6 and lib.count(Filter(unread=True)) == 6
    assert lib.totals()["unread"] == 6  # a hidden article is read: no count shows it
    assert titles(lib, "hidden") == ["Sponsored: buy a boat", "Sponsored: win a trip"]
    assert titles(lib, 'hidden or title ~ "quiet"') == ["Quiet week", "Sponsored: buy a boat",
                                                        "Sponsored: win a trip"]
    boat = next(a for a in lib.iter_articles(Filter(where=parse("hidden"))) if "boat" in a.title)
    lib.set_read([boat.id], False)  # marking it unread brings it back
    assert titles(lib, "hidden") == ["Sponsored: win a trip"]
    assert "Sponsored: buy a boat" in titles(lib, "unread")


def test_kill_touches_only_new_articles_and_counts_each_once(lib):
    old = next(a for a in lib.iter_articles() if a.title == "Quiet week")
    before = lib.last_article_id()
    lib.upsert_articles(2, "http://blog.invalid/feed", [art("b3", "Quiet month"), art("b4", "Loud week")])
    assert lib.kill(parse('title ~ "quiet"'), "read", before) == 1
    assert not lib.article(old.id).read  # stored before: the killfile leaves it
    assert lib.kill(parse('title ~ "week"'), "hide", before) == 1
    assert lib.kill(parse('title ~ "week"'), "hide", before) == 0  # hidden already
    assert lib.kill(parse('title ~ "quiet"'), "read", before) == 0  # read already
    assert titles(lib, "hidden") == ["Loud week"]


def _library_for_paging(store, n=57):
    """Many ties: repeated titles in several cases, shared times, feeds sharing a title, orphans."""
    feeds = [store.ensure_feed(f"http://f{i}.invalid/", title, subscribed=True)
             for i, title in enumerate(["beta", "Alpha", "alpha", "Gamma"])]
    for i in range(n):
        title = ["apple", "Apple", "banana", "Éclair", "cherry", "APPLE"][i % 6]
        published = to_db(now_utc() - timedelta(hours=i % 7))
        store.upsert_articles(feeds[i % 4], f"http://f{i % 4}.invalid/",
                              [art(f"g{i}", title, published=published)])
    gone = store.ensure_feed("http://gone.invalid/", "Gone")
    store.upsert_articles(gone, "http://gone.invalid/", [art("o1", "orphan", published=ago(hours=1)),
                                                         art("o2", "orphan", published=ago(hours=1))])
    store.set_favourite([a.id for a in store.iter_articles(Filter(where=parse('title = "orphan"')))])
    store.remove_feed(gone)  # the favourites stay, with no feed


def _nocase(text: str) -> str:
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


@pytest.mark.parametrize("sort", ["date", "title", "feed"])
@pytest.mark.parametrize("where", [None, "not favourite", 'title ~ "a"'])
def test_keyset_paging_walks_every_row_once_in_each_sort(store, sort, where):
    _library_for_paging(store)
    flt = Filter(where=parse(where) if where else None, sort=sort)
    every = store.list_articles(flt, limit=None)
    paged, last = [], None
    for _ in range(len(every)):  # a keyset that does not move on would repeat a page forever
        rows = store.list_articles(flt, limit=5, after=last)
        paged += rows
        if len(rows) < 5:
            break
        last = rows[-1]
    assert [a.id for a in paged] == [a.id for a in every]
    assert len({a.id for a in paged}) == len(paged) == store.count(flt) > 10
    newest = lambda a: (-a.published.timestamp(), -a.id)  # noqa: E731
    if sort == "date":
        expected = sorted(every, key=newest)
    elif sort == "title":
        expected = sorted(every, key=lambda a: (_nocase(a.title), a.id))
    else:  # feed title, then the feed, newest first; the articles of no feed last
        expected = sorted(every, key=lambda a: (a.feed_id is None, _nocase(a.feed_title or a.source),
                                                a.feed_id or 0, *newest(a)))
    assert [a.id for a in paged] == [a.id for a in expected]


@pytest.mark.parametrize("sort", ["date", "title"])
@pytest.mark.parametrize("where", [None, "not favourite", 'title ~ "a"'])
def test_backwards_paging_reads_the_same_rows_from_the_end(store, sort, where):
    _library_for_paging(store)
    hidden = next(a for a in store.iter_articles() if a.title == "banana")
    store.kill(parse("title = banana"), "hide", hidden.id - 1)  # hidden rows stay out either way
    flt = Filter(where=parse(where) if where else None, sort=sort)
    every = store.list_articles(flt, limit=None)
    assert store.reads_backwards(flt) and hidden.id not in {a.id for a in every}
    paged, first = [], None
    for _ in range(len(every)):
        rows = store.list_articles(flt, limit=5, after=first, backwards=True)
        paged = rows + paged  # each page comes in the sort's own order
        if len(rows) < 5:
            break
        first = rows[0]
    assert [a.id for a in paged] == [a.id for a in every] and len(every) == store.count(flt) > 10
    assert store.list_articles(flt, limit=3, backwards=True) == every[-3:]


def test_the_feed_sort_is_not_read_backwards(store):
    assert not store.reads_backwards(Filter(sort="feed"))
    assert store.reads_backwards(Filter(sort="feed", search="x", relevance=True))  # ranked: the sort aside


def test_an_unknown_sort_is_refused(store):
    with pytest.raises(NewsreaderError, match="no sort called 'size'"):
        store.list_articles(Filter(sort="size"))


def test_saved_views_are_kept_by_name_in_any_case(store):
    store.add_view("Morning", "unread and age < 1d")
    store.add_view("  ads   here ", 'title ~ "sponsored"')
    assert [(v.name, v.expr) for v in store.saved_views()] == [
        ("ads here", 'title ~ "sponsored"'), ("Morning", "unread and age < 1d")]
    assert store.saved_view("MORNING").name == "Morning"
    with pytest.raises(NewsreaderError, match="there is a view named 'Morning' already"):
        store.add_view("morning", "read")
    with pytest.raises(NewsreaderError, match="needs a name"):
        store.add_view(" \t", "read")
    assert store.remove_view("ADS HERE").name == "ads here"
    with pytest.raises(NotFound, match=r"no view named 'ads here' \(views: Morning\)"):
        store.remove_view("ads here")
    assert [v.name for v in store.saved_views()] == ["Morning"]


def test_version_7_library_gets_the_index_of_hidden_articles_and_lists_leave_them_out(tmp_path):
    path = tmp_path / "v7.sqlite3"
    c = library_at(path, 7)  # as version 7 left it: no index of hidden articles
    c.execute("INSERT INTO feeds (url, title, added_at) VALUES ('f', 'Old Feed', '2026-01-01T00:00:00Z')")
    for i, hidden in enumerate((0, 1, 0)):
        c.execute("INSERT INTO articles (feed_id, source, guid, title, published, imported_at, category,"
                  " body, content_hash, read, hidden) VALUES (1, 'f', ?, ?, '2026-01-01T00:00:00Z',"
                  " '2026-01-01T00:00:00Z', 'World', 'ice', 'h', ?, ?)", (f"g{i}", f"Story {i}", hidden, hidden))
    c.close()
    with Store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 8
        plan = " ".join(r[3] for r in s.conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM articles a WHERE " + NOT_HIDDEN))
        assert "articles_hidden" in plan  # the hidden ones read from their index, not every row
        assert [a.title for a in s.list_articles()] == ["Story 2", "Story 0"] and s.count(Filter()) == 2
        assert [a.title for a in s.list_articles(Filter(where=parse("hidden")))] == ["Story 1"]


def test_version_4_library_is_upgraded_with_views_and_hidden(tmp_path):
    path = tmp_path / "v4.sqlite3"
    c = library_at(path, 4)
    c.execute("INSERT INTO feeds (url, title, added_at) VALUES ('f', 'Old Feed', '2026-01-01T00:00:00Z')")
    c.execute("INSERT INTO articles (feed_id, source, guid, title, published, imported_at, category,"
              " body, content_hash, read) VALUES (1, 'f', 'old', 'Glacier', '2026-01-01T00:00:00Z',"
              " '2026-01-01T00:00:00Z', 'World', 'ice retreats', 'h', 1)")
    c.close()
    with Store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 6
        assert [a.title for a in s.list_articles(Filter(where=parse('feed = "old feed" and read')))] == ["Glacier"]
        assert s.list_articles(Filter(where=parse("hidden"))) == []
        assert [a.title for a in s.list_articles(Filter(sort="title"))] == ["Glacier"]
        assert [a.title for a in s.list_articles(Filter(sort="feed"))] == ["Glacier"]
        s.add_view("Ice", 'body ~ "ice"')
        assert s.saved_views()[0].name == "Ice"


def test_mark_all_read_takes_the_expression(lib):
    flt = Filter(where=parse('feed = "harbour news" and age < 1w'))
    assert lib.mark_all_read(flt) == 2
    assert titles(lib, "read") == ["Council approves fish market", "Ferry timetable changes"]


def test_a_filter_over_a_view_is_saved_with_the_view():
    from newsreader.tui.views import UNREAD, category_view, feed_view, filtered_view, saved_view

    world = filtered_view(category_view('Say "hi"'), 'title ~ a or title ~ b')
    assert world.expr == 'category = "Say \\"hi\\"" and (title ~ a or title ~ b)'
    assert filtered_view(UNREAD, "favourite").expr == "unread and favourite"
    assert filtered_view(feed_view(3, "X"), "read").expr == "feed = 3 and read"
    inner = saved_view("Mine", "unread or favourite")
    assert filtered_view(inner, "not hidden").expr == "(unread or favourite) and not hidden"
    assert saved_view("Broken", "title ~") is None
