"""The store on real SQLite files: dedupe, state, paging, search, migrations."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from newsreader.errors import NewsreaderError, NotFound
from newsreader.store import Filter, NewArticle, Store
from newsreader.store.schema import SCHEMA_VERSION


def art(guid, title="T", body="B", category="World", published="2026-01-01T00:00:00Z", link=None, h=None):
    return NewArticle(guid=guid, title=title, body=body, category=category,
                      content_hash=h or f"{title}|{body}", published=published, link=link)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "lib.sqlite3") as s:
        yield s


def test_new_database_is_wal_and_versioned(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_old_empty_database_is_upgraded(tmp_path):
    path = tmp_path / "old.sqlite3"
    sqlite3.connect(path).close()  # user_version 0: before the first release's schema
    with Store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert s.list_articles() == []


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    c = sqlite3.connect(path)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    c.close()
    with pytest.raises(NewsreaderError, match="newer"):
        Store(path)


def test_same_guid_updates_and_keeps_state(store):
    fid = store.ensure_feed("http://x/feed", "X", subscribed=True)
    store.upsert_articles(fid, "http://x/feed", [art("g1", body="first")])
    (a,) = store.list_articles()
    store.set_read([a.id])
    store.set_favourite([a.id])
    c = store.upsert_articles(fid, "http://x/feed", [art("g1", body="second")])
    assert (c.added, c.updated) == (0, 1)
    got = store.article(a.id)
    assert got.body == "second" and got.read and got.favourite


def test_same_link_across_feeds_is_one_article(store):
    f1 = store.ensure_feed("http://a/feed", "A")
    f2 = store.ensure_feed("http://b/feed", "B")
    store.upsert_articles(f1, "http://a/feed", [art("a1", link="http://news/x")])
    c = store.upsert_articles(f2, "http://b/feed", [art("b7", link="http://news/x")])
    assert c.added == 0 and store.count() == 1


def test_same_guid_in_other_feed_is_another_article(store):
    f1 = store.ensure_feed("http://a/feed", "A")
    f2 = store.ensure_feed("http://b/feed", "B")
    store.upsert_articles(f1, "u", [art("1")])
    store.upsert_articles(f2, "u", [art("1")])
    assert store.count() == 2


def test_keyset_paging_walks_every_row_once(store):
    fid = store.ensure_feed("f", "F")
    items = [art(str(i), published=f"2026-01-{1 + i % 28:02d}T00:00:00Z") for i in range(530)]
    store.upsert_articles(fid, "f", items)
    seen = [a.id for a in store.iter_articles(page=100)]
    assert len(seen) == 530 == len(set(seen))
    pubs = [a.published for a in store.iter_articles(page=100)]
    assert pubs == sorted(pubs, reverse=True)


def test_filters_and_counts(store):
    fid = store.ensure_feed("f", "F")
    store.upsert_articles(fid, "f", [art("1", category="World"), art("2", category="Sport"),
                                     art("3", category="World")])
    ids = {a.title + a.category: a.id for a in store.list_articles()}
    one = store.list_articles(Filter(category="Sport"))[0].id
    store.set_read([one])
    store.set_favourite([one])
    assert [c.name for c in store.categories()] == ["Sport", "World"]
    assert {c.name: c.unread for c in store.categories()} == {"Sport": 0, "World": 2}
    assert store.totals() == {"all": 3, "unread": 2, "favourites": 1}
    assert [a.id for a in store.list_articles(Filter(favourites=True))] == [one]
    assert len(store.list_articles(Filter(unread=True))) == 2
    assert store.mark_all_read(Filter(category="World")) == 2
    assert store.totals()["unread"] == 0
    assert ids


def test_unknown_id_changes_nothing(store):
    fid = store.ensure_feed("f", "F")
    store.upsert_articles(fid, "f", [art("1")])
    with pytest.raises(NotFound):
        store.set_read([1, 99])
    assert not store.article(1).read


def test_search_uses_words_not_syntax(store):
    fid = store.ensure_feed("f", "F")
    store.upsert_articles(fid, "f", [art("1", title="Glacier melt", body="ice retreats"),
                                     art("2", title="Budget", body="taxes rise")])
    assert [a.title for a in store.list_articles(Filter(search="glac"))] == ["Glacier melt"]
    assert [a.title for a in store.list_articles(Filter(search='ICE "retr'))] == ["Glacier melt"]
    with pytest.raises(NewsreaderError):
        store.list_articles(Filter(search="  ** "))


def test_search_index_follows_every_write(store):
    """New rows enter the index in one statement per batch; updates, duplicates within
    a batch and deletes keep it in step with the table."""
    fid = store.ensure_feed("f", "F")
    store.upsert_articles(fid, "f", [art("1", title="Harbour", body="ferry timetable"),
                                     art("1", title="Harbour", body="ferry repairs", h="x"),
                                     art("2", title="Pier", body="storm damage", link="http://l/2")])
    found = lambda q: sorted(a.title for a in store.list_articles(Filter(search=q)))  # noqa: E731
    assert found("repairs") == ["Harbour"] and found("timetable") == []
    store.upsert_articles(fid, "f", [art("3", title="Pier again", body="storm wall", link="http://l/2")])
    assert found("wall") == ["Pier again"] and found("damage") == []
    store.upsert_articles(fid, "f", [art("4", title="Budget", body="taxes")])
    assert found("taxes") == ["Budget"] and found("storm") == ["Pier again"]
    store.conn.execute("DELETE FROM articles WHERE guid = '4'")
    assert found("taxes") == []
    # raises "database disk image is malformed" when the index and the table disagree
    store.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def _ranked_library(store):
    fid = store.ensure_feed("f", "F")
    store.upsert_articles(fid, "f", [
        art("body-once", title="Budget", body="the harbour fund grows", published="2026-01-05T00:00:00Z"),
        art("title", title="Harbour walls rebuilt", body="stone and steel", published="2026-01-01T00:00:00Z"),
        art("body-often", title="Ferries", body="harbour harbour harbour fees", published="2026-01-03T00:00:00Z"),
        art("none", title="Taxes", body="nothing here", published="2026-01-07T00:00:00Z"),
    ])


def test_search_by_relevance_puts_titles_then_frequent_words_first(store):
    _ranked_library(store)
    by_rank = store.list_articles(Filter(search="harbour", relevance=True))
    assert [a.title for a in by_rank] == ["Harbour walls rebuilt", "Ferries", "Budget"]
    ranks = [a.rank for a in by_rank]
    assert all(r is not None for r in ranks) and ranks == sorted(ranks)
    by_date = store.list_articles(Filter(search="harbour"))
    assert [a.title for a in by_date] == ["Budget", "Ferries", "Harbour walls rebuilt"]
    assert {a.rank for a in by_date} == {None}
    # the other filters still narrow a ranked search
    store.set_read([by_rank[0].id])
    assert [a.title for a in store.list_articles(Filter(search="harb", relevance=True, unread=True))] == [
        "Ferries", "Budget"]


def test_search_by_relevance_pages_by_rank_and_id(store):
    fid = store.ensure_feed("f", "F")
    # ties (same text) and different scores: the keyset must neither skip nor repeat
    items = [art(str(i), title=f"Note {i % 7}", body="tide " * (1 + i % 5) + f"word{i}",
                 published=f"2026-01-{1 + i % 28:02d}T00:00:00Z") for i in range(230)]
    store.upsert_articles(fid, "f", items)
    flt = Filter(search="tide", relevance=True)
    walked = list(store.iter_articles(flt, page=40))
    assert len(walked) == 230 == len({a.id for a in walked})
    assert [(a.rank, a.id) for a in walked] == sorted((a.rank, a.id) for a in walked)
    assert [a.id for a in walked] == [a.id for a in store.list_articles(flt, limit=None)]


@pytest.mark.parametrize("flt", [Filter(search="tide", relevance=True),
                                 Filter(search="tide", relevance=True, unread=True)],
                         ids=["search alone", "with another condition"])
def test_search_by_relevance_pages_backwards_from_the_end_and_leaves_hidden_articles_out(store, flt):
    from newsreader.filters import parse

    fid = store.ensure_feed("f", "F")
    store.upsert_articles(fid, "f", [art(str(i), title=f"Note {i % 7}", body="tide " * (1 + i % 5) + f"word{i}",
                                         published=f"2026-01-{1 + i % 28:02d}T00:00:00Z") for i in range(60)])
    store.set_read([a.id for a in store.iter_articles() if a.title == "Note 3"])
    store.kill(parse('title = "Note 5"'), "hide", 0)
    every = store.list_articles(flt, limit=None)
    assert every and not any(a.title == "Note 5" for a in every) and len(every) == store.count(flt)
    paged, first = [], None
    while True:
        rows = store.list_articles(flt, limit=7, after=first, backwards=True)
        paged = rows + paged
        if len(rows) < 7:
            break
        first = rows[0]
    assert [a.id for a in paged] == [a.id for a in every]
    forwards = [a.id for a in store.iter_articles(flt, page=7)]
    assert forwards == [a.id for a in every]


def _tides(store, n=40):
    """Articles holding "tide" more or less often (so they rank differently), the odd ones read."""
    fid = store.ensure_feed("f", "F")
    store.upsert_articles(fid, "f", [art(str(i), title=f"Note {i % 7}", body="tide " * (1 + (i * 7) % 5) + f"word{i}",
                                         published=f"2026-01-{1 + i % 28:02d}T00:00:00Z") for i in range(n)])
    store.set_read([a.id for a in store.iter_articles() if int(a.title[-1]) % 2])


@pytest.mark.parametrize("flt", [Filter(search="tide", relevance=True),
                                 Filter(search="tide", relevance=True, unread=True)],
                         ids=["search alone", "with another condition"])
def test_a_search_with_many_matches_ranks_its_newest_and_lists_the_rest_newest_first(store, flt):
    _tides(store)
    every = store.list_articles(flt, limit=None)  # the window holds them all: ranked over all
    assert all(a.rank is not None for a in every)
    assert [(a.rank, a.id) for a in every] == sorted((a.rank, a.id) for a in every)
    store.rank_window = 6
    newest = sorted(every, key=lambda a: a.id, reverse=True)
    listed = store.list_articles(flt, limit=None)
    # the best of the newest six by the same scores, then every older match, newest first
    assert [a.id for a in listed[:6]] == [a.id for a in sorted(newest[:6], key=lambda a: (a.rank, a.id))]
    assert [a.rank for a in listed[:6]] == sorted(a.rank for a in newest[:6])
    assert [(a.id, a.rank) for a in listed[6:]] == [(a.id, None) for a in newest[6:]]
    assert len(listed) == store.count(flt)
    best_old = min(newest[6:], key=lambda a: a.rank)
    assert best_old.rank < max(a.rank for a in newest[:6])  # an older match would have ranked higher
    for size in (1, 4, 6, 7):  # pages end inside the ranked part, at its end, across it
        forwards = [a.id for a in store.iter_articles(flt, page=size)]
        paged, first = [], None
        while True:
            rows = store.list_articles(flt, limit=size, after=first, backwards=True)
            paged = rows + paged
            if len(rows) < size:
                break
            first = rows[0]
        assert forwards == [a.id for a in paged] == [a.id for a in listed], size


@pytest.mark.parametrize("sort", ["date", "title"])
def test_a_search_listed_newest_first_walks_the_sort_index_and_sorts_no_matches(store, sort):
    _tides(store)
    flt = Filter(search="tide", sort=sort)
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)  # the SQL as run, its parameters filled in
    try:
        first = store.list_articles(flt, limit=3)
    finally:
        store.conn.set_trace_callback(None)
    plan = " ".join(r[3] for sql in seen if sql.lstrip().upper().startswith("SELECT")
                    for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
    # every match fetched by id and sorted is what made a common word take 150 ms on 100,000 articles
    assert "TEMP B-TREE" not in plan and ("articles_published" in plan or "articles_title" in plan)
    assert [a.id for a in first] == [a.id for a in store.list_articles(flt, limit=None)][:3]


def test_search_matches_are_where_the_index_matched(store):
    fid = store.ensure_feed("f", "F")
    store.upsert_articles(fid, "f", [art("1", title="Café harbour", body="The CAFE by the Harbourside.\n\ncafé")])
    (a,) = store.list_articles()
    got = store.search_matches(a.id, "cafe harb")
    text = "The CAFE by the Harbourside.\n\ncafé"
    assert [text[s:e] for s, e in got.body] == ["CAFE", "Harbourside", "café"]
    assert [("Café harbour")[s:e] for s, e in got.title] == ["Café", "harbour"]
    assert not store.search_matches(a.id, "zebra") and not store.search_matches(a.id, "  ")


def test_version_1_library_is_upgraded_and_stays_searchable(tmp_path):
    from newsreader.store.schema import MIGRATIONS, _statements

    path = tmp_path / "v1.sqlite3"
    c = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        c.execute(statement)
    c.execute("PRAGMA user_version = 1")
    c.execute("INSERT INTO feeds (url, title, added_at) VALUES ('f', 'F', '2026-01-01T00:00:00Z')")
    c.execute("INSERT INTO articles (feed_id, source, guid, title, published, imported_at, category,"
              " body, content_hash) VALUES (1, 'f', 'old', 'Glacier', '2026-01-01T00:00:00Z',"
              " '2026-01-01T00:00:00Z', 'World', 'ice retreats', 'h')")
    c.close()
    with Store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        s.upsert_articles(1, "f", [art("new", title="Budget", body="ice cream tax")])
        assert sorted(a.title for a in s.list_articles(Filter(search="ice"))) == ["Budget", "Glacier"]


def test_version_8_library_loses_the_link_index_and_still_finds_articles_by_link(tmp_path):
    """Version 9 drops articles_link (no query reads it); a library from before is
    upgraded, and an article is still one article when another feed brings its page."""
    from tests.unit.oldlib import library_at

    path = tmp_path / "v8.sqlite3"
    c = library_at(path, 8)
    assert c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles_link'").fetchone()[0] == 1
    c.execute("INSERT INTO feeds (url, title, added_at) VALUES ('f', 'F', '2026-01-01T00:00:00Z')")
    c.execute("INSERT INTO articles (feed_id, source, guid, link, link_key, title, published, imported_at,"
              " category, body, content_hash) VALUES (1, 'f', 'old', 'https://www.site.invalid/a?utm_source=x',"
              " 'site.invalid/a', 'Glacier', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'World',"
              " 'ice retreats', 'h')")
    c.execute("INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles")
    c.close()
    with Store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 9
        names = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "articles_link" not in names and "articles_link_key" in names
        fid = s.ensure_feed("g", "G")
        got = s.upsert_articles(fid, "g", [art("other", title="Glacier", body="ice retreats further",
                                               link="http://site.invalid/a")])
        assert (got.added, got.updated) == (0, 1)
        assert s.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert [a.title for a in s.list_articles(Filter(search="further"))] == ["Glacier"]


def test_a_failed_savepoint_undoes_only_its_part(store):
    fid = store.ensure_feed("f", "F")
    with store.transaction():
        store.upsert_articles(fid, "f", [art("1", body="kept one")])
        with pytest.raises(RuntimeError):
            with store.savepoint():
                store.upsert_articles(fid, "f", [art("2", body="undone")])
                raise RuntimeError("boom")
        with store.savepoint():
            store.upsert_articles(fid, "f", [art("3", body="kept three")])
    assert sorted(a.title for a in store.list_articles(Filter(search="kept"))) == ["T", "T"]
    assert store.list_articles(Filter(search="undone")) == []
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    store.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_index_waits_for_commit_and_survives_an_undone_part(store):
    """New rows enter the index when their transaction commits; a part undone after
    it had to index them (an update inside it) leaves them waiting again."""
    fid = store.ensure_feed("f", "F")
    found = lambda q: sorted(a.title for a in store.list_articles(Filter(search=q)))  # noqa: E731
    with store.transaction():
        store.upsert_articles(fid, "f", [art("1", title="Harbour", body="ferry", link="http://l/1")])
        with pytest.raises(RuntimeError):
            with store.savepoint():
                store.upsert_articles(fid, "f", [art("1", title="Harbour", body="pier", h="new")])
                raise RuntimeError("undo the update")
        store.upsert_articles(fid, "f", [art("2", title="Budget", body="taxes")])
    assert found("ferry") == ["Harbour"] and found("pier") == [] and found("taxes") == ["Budget"]
    store.remove_feed(fid)
    assert found("ferry") == []
    store.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_state_survives_a_killed_process(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Store(path) as s:
        fid = s.ensure_feed("f", "F")
        s.upsert_articles(fid, "f", [art("1")])
    code = ("import os, sys; from newsreader.store import Store;"
            f"s = Store({str(path)!r}); s.set_read([1]); s.set_favourite([1]); os._exit(9)")
    subprocess.run([sys.executable, "-c", code], check=False)
    with Store(path) as s:
        a = s.article(1)
        assert a.read and a.favourite


def test_remove_feed_keeps_favourites(store):
    fid = store.ensure_feed("f", "F", subscribed=True)
    store.upsert_articles(fid, "f", [art("1"), art("2")])
    store.set_favourite([1])
    assert store.remove_feed(fid) == 1
    assert [a.id for a in store.list_articles()] == [1]
    assert store.feeds() == []


def test_quotes_an_older_finder_found_are_found_again(tmp_path):
    """A library from before quote versions (or from an older finder) gets its quotes
    found again: at once for one article, or all of them in batches."""
    from newsreader.analysis import QUOTES_VERSION
    from newsreader.ingest.pipeline import reanalyse

    path = tmp_path / "lib.sqlite3"
    body = "“The bridge stays shut,” said Ana Berg, the mayor."
    with Store(path) as s:
        fid = s.ensure_feed("f", "Feed")
        s.upsert_articles(fid, "f", [NewArticle(guid=f"g{i}", title=f"T{i}", body=body, category="C",
                                                content_hash=f"h{i}", published=None) for i in range(3)])
        assert s.count_stale_quotes(QUOTES_VERSION) == 3 and not s.article_quotes(1)
        assert reanalyse(s, article_id=2) == 1
        assert [q.speaker for q in s.article_quotes(2)] == ["Ana Berg"] and not s.article_quotes(1)
        assert reanalyse(s, article_id=2) == 0  # already current
        seen = []
        assert reanalyse(s, batch=1, progress=lambda d, t, _n: seen.append((d, t))) == 2
        assert seen == [(1, 2), (2, 2)] and s.count_stale_quotes(QUOTES_VERSION) == 0
        assert [q.speaker for q in s.article_quotes(1)] == ["Ana Berg"]
        assert s.speakers()[0].name == "Ana Berg" and s.speakers()[0].quotes == 3


def test_finding_quotes_again_leaves_an_article_refreshed_meanwhile_alone(tmp_path, monkeypatch):
    from newsreader.analysis import QUOTES_VERSION
    from newsreader.ingest import pipeline

    path = tmp_path / "lib.sqlite3"
    old = NewArticle(guid="g", title="T", body="“Shut,” said Ana Berg.", category="C",
                     content_hash="h1", published=None)
    with Store(path) as s:
        fid = s.ensure_feed("f", "Feed")
        s.upsert_articles(fid, "f", [old])
        (art_id, body, digest), = s.stale_quotes(QUOTES_VERSION, 10)
        found = pipeline.analyse(body)
        new_body = "A long update: “Open again,” said Ola Lind."
        quotes, keys = pipeline.analyse(new_body)
        s.upsert_articles(fid, "f", [NewArticle(guid="g", title="T", body=new_body, category="C",
                                                content_hash="h2", published=None, quotes=quotes,
                                                speaker_keys=keys, quotes_version=QUOTES_VERSION)])
        s.replace_quotes([(art_id, digest, *found)], QUOTES_VERSION)  # read before the refresh
        assert [q.speaker for q in s.article_quotes(art_id)] == ["Ola Lind"]
        # a text the finder fails on keeps what is stored, and is not tried again and again
        s.conn.execute("UPDATE articles SET quotes_version = 0")
        monkeypatch.setattr(pipeline, "analyse", lambda body: 1 / 0)
        assert pipeline.reanalyse(s) == 1 and s.count_stale_quotes(QUOTES_VERSION) == 0
        assert [q.speaker for q in s.article_quotes(art_id)] == ["Ola Lind"]
