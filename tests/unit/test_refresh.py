"""Refreshing subscriptions from a real server on 127.0.0.1: store, status, reporting, CLI."""

from __future__ import annotations

import json
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.ingest import refresh as refresh_mod
from newsreader.ingest.fetch import FetchSettings
from newsreader.ingest.refresh import refresh_all
from newsreader.ingest.subscribe import add_subscription
from newsreader.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "http"))
from loopback import FeedServer, rss  # noqa: E402

FAST = FetchSettings(deadline=1.5, connect_timeout=1.0, read_timeout=1.0)
PAGE = b"""<!DOCTYPE html><html><head><title>Harbour News</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="All news" href="feed.xml">
</head><body><p>Welcome to the harbour news, a page for people.</p></body></html>"""


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "lib.db") as s:
        yield s


def subscribe(store, *urls):
    with store.transaction():
        return [store.ensure_feed(u, u, subscribed=True) for u in urls]


def by_url(store):
    return {f.url: f for f in store.feeds()}


def test_first_refresh_stores_then_second_is_conditional(server, store):
    server.feed("/a", rss("Alpha", 5), etag='"a1"')
    server.feed("/b", rss("Beta", 4), last_modified="Tue, 03 Nov 2026 08:00:00 GMT")
    subscribe(store, server.url("/a"), server.url("/b"))
    seen = []
    first = refresh_all(store, lambda d, t, n: seen.append((d, t)), settings=FAST)
    assert (first.total, first.fetched, first.unchanged, first.added, first.failed) == (2, 2, 0, 9, [])
    assert seen[-1] == (2, 2)
    feeds = by_url(store)
    a = feeds[server.url("/a")]
    assert a.title == "Alpha" and a.etag == '"a1"' and a.body_hash and a.article_count == 5
    assert a.last_success and a.last_attempt and a.last_error is None and a.failures == 0

    second = refresh_all(store, settings=FAST)
    assert (second.fetched, second.unchanged, second.added) == (0, 2, 0)
    assert server.requests("/a")[-1]["if-none-match"] == '"a1"'
    assert server.requests("/b")[-1]["if-modified-since"] == "Tue, 03 Nov 2026 08:00:00 GMT"


def test_same_body_is_not_parsed_again(server, store, monkeypatch):
    server.feed("/f", rss("Same", 3))  # no validators: the server always sends the body
    subscribe(store, server.url("/f"))
    assert refresh_all(store, settings=FAST).added == 3
    monkeypatch.setattr(refresh_mod, "parse_feed", lambda *a: pytest.fail("parsed again"))
    report = refresh_all(store, settings=FAST)
    assert report.unchanged == 1 and report.added == 0 and not report.failed


def test_new_items_are_added(server, store):
    server.feed("/f", rss("Grow", 3), etag='"1"')
    subscribe(store, server.url("/f"))
    refresh_all(store, settings=FAST)
    server.feed("/f", rss("Grow", 5), etag='"2"')
    report = refresh_all(store, settings=FAST)
    assert report.fetched == 1 and report.added == 2
    assert by_url(store)[server.url("/f")].etag == '"2"'


def test_one_bad_feed_never_stops_the_others(server, store):
    server.feed("/good", rss("Good", 3))
    server.status("/missing", 404)
    server.status("/broken", 500)
    server.slow("/slow", 5.0, b"<rss>")
    server.reset("/reset", rss("Cut", 100))
    server.big("/big", 3_000_000, announce=False)
    server.feed("/page", PAGE, ctype="text/html")
    server.feed("/feed.xml", rss("Found", 1))
    server.feed("/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    server.feed("/text", rss("Plain", 2), ctype="text/plain")  # wrong type, right content
    server.redirect("/loop1", "/loop2")
    server.redirect("/loop2", "/loop1")
    paths = ["/good", "/missing", "/broken", "/slow", "/reset", "/big", "/page", "/png", "/text", "/loop1"]
    subscribe(store, *(server.url(p) for p in paths))
    t = time.monotonic()
    report = refresh_all(store, settings=FetchSettings(deadline=1.0, max_bytes=1_000_000))
    assert time.monotonic() - t < 4
    assert report.total == 10 and report.fetched == 2 and report.added == 5
    reasons = dict(report.failed)
    u = server.url
    assert "not found" in reasons[u("/missing")]
    assert "HTTP 500" in reasons[u("/broken")]
    assert "timed out" in reasons[u("/slow")]
    assert "broke off" in reasons[u("/reset")]
    assert "larger than" in reasons[u("/big")]
    assert reasons[u("/page")] == f"the address gives a web page, not a feed; the page names a feed at {u('/feed.xml')}"
    assert "binary" in reasons[u("/png")]
    assert "redirect loop" in reasons[u("/loop1")]
    assert len(reasons) == 8
    feeds = by_url(store)
    assert feeds[u("/good")].article_count == 3 and feeds[u("/text")].article_count == 2
    bad = feeds[u("/missing")]
    assert bad.failures == 1 and bad.last_error == reasons[u("/missing")] and bad.last_success is None
    refresh_all(store, feeds=[bad], settings=FAST)
    assert store.feed(bad.id).failures == 2
    server.feed("/missing", rss("Back", 1))
    refresh_all(store, feeds=[store.feed(bad.id)], settings=FAST)
    back = store.feed(bad.id)
    assert back.failures == 0 and back.last_error is None and back.last_success is not None


def test_gone_turns_the_feed_off(server, store):
    server.status("/gone", 410)
    (fid,) = subscribe(store, server.url("/gone"))
    report = refresh_all(store, settings=FAST)
    assert "gone" in report.failed[0][1] and "turned off" in report.failed[0][1]
    feed = store.feed(fid)
    assert not feed.enabled and "410" in feed.last_error
    assert refresh_all(store, settings=FAST).total == 0
    assert len(server.requests("/gone")) == 1


def test_retry_after_is_respected_next_time(server, store):
    server.status("/busy", 429, {"Retry-After": "3600"})
    (fid,) = subscribe(store, server.url("/busy"))
    report = refresh_all(store, settings=FAST)
    assert "too many requests" in report.failed[0][1]
    wait = store.feed(fid).retry_after
    assert wait > datetime.now(timezone.utc) + timedelta(minutes=59)
    again = refresh_all(store, settings=FAST)
    assert again.skipped and not again.failed and "wait until" in again.skipped[0][1]
    assert len(server.requests("/busy")) == 1
    # once the time has passed, the feed is asked again
    store.update_feed(fid, retry_after=datetime.now(timezone.utc) - timedelta(seconds=1))
    server.feed("/busy", rss("Calm", 1))
    assert refresh_all(store, settings=FAST).added == 1
    assert store.feed(fid).retry_after is None


def test_permanent_redirect_updates_the_stored_url(server, store):
    server.redirect("/old", "/new", 301)
    server.feed("/new", rss("Moved", 2), etag='"m"')
    (fid,) = subscribe(store, server.url("/old"))
    assert refresh_all(store, settings=FAST).added == 2
    assert store.feed(fid).url == server.url("/new")
    assert refresh_all(store, settings=FAST).unchanged == 1
    assert server.requests("/new")[-1]["if-none-match"] == '"m"'
    assert len(server.requests("/old")) == 1


def test_temporary_redirect_keeps_the_url(server, store):
    server.redirect("/here", "/there", 302)
    server.feed("/there", rss("Visiting", 1))
    (fid,) = subscribe(store, server.url("/here"))
    assert refresh_all(store, settings=FAST).added == 1
    assert store.feed(fid).url == server.url("/here")


def test_gzip_feed_is_stored(server, store):
    server.feed("/z", rss("Zipped", 7), encoding="gzip")
    subscribe(store, server.url("/z"))
    assert refresh_all(store, settings=FAST).added == 7


def test_file_subscriptions_are_read_again(store, tmp_path):
    path = tmp_path / "local.rss"
    path.write_bytes(rss("Local", 2))
    subscribe(store, str(path))
    assert refresh_all(store).added == 2
    assert refresh_all(store).unchanged == 1
    path.write_bytes(rss("Local", 4))
    assert refresh_all(store).added == 2
    path.unlink()
    assert refresh_all(store).failed == [("Local", f"no such file: {path}")]


def test_refresh_from_a_worker_thread(server, tmp_path):
    # a Textual thread worker: a thread with no event loop, its own Store
    server.feed("/f", rss("Worker", 3))
    with Store(tmp_path / "w.db") as s:
        subscribe(s, server.url("/f"))
    out = []

    def work():
        with Store(tmp_path / "w.db") as s:
            out.append(refresh_all(s, settings=FAST))

    t = threading.Thread(target=work)
    t.start()
    t.join(20)
    assert out and out[0].added == 3


def test_stored_feeds_are_committed_while_a_slow_one_is_awaited(server, tmp_path):
    # feeds are written in groups; the group is committed before the refresh waits,
    # so another process sees the stored articles and can write (mark read) at once
    server.feed("/quick", rss("Quick", 4))
    server.slow("/slow", 3.0, b"<rss>")
    path = tmp_path / "lib.db"
    with Store(path) as s:
        subscribe(s, server.url("/quick"), server.url("/slow"))
    done = []
    thread = threading.Thread(target=lambda: done.append(
        _refresh_path(path, FetchSettings(deadline=2.5, read_timeout=2.5))))
    thread.start()
    try:
        with Store(path) as other:
            other.conn.execute("PRAGMA busy_timeout = 100")
            seen = 0
            for _ in range(100):
                seen = other.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                if seen == 4 or done:
                    break
                time.sleep(0.02)
            assert seen == 4 and not done  # committed while the slow feed is still awaited
            first = other.list_articles()[0]
            other.set_read([first.id])  # the write lock is free
    finally:
        thread.join(20)
    assert done and done[0].added == 4 and len(done[0].failed) == 1
    with Store(path) as s:
        assert s.article(first.id).read


def _refresh_path(path, settings):
    with Store(path) as s:
        return refresh_all(s, settings=settings)


def test_should_stop_ends_early(server, store):
    for i in range(5):
        server.feed(f"/s{i}", rss(f"S{i}", 1))
    subscribe(store, *(server.url(f"/s{i}") for i in range(5)))
    report = refresh_all(store, settings=FAST, should_stop=lambda: True)
    assert report.cancelled and report.added == 1


def test_add_finds_the_feed_through_the_page(server, store):
    server.feed("/site/", PAGE, ctype="text/html; charset=utf-8")
    server.feed("/site/feed.xml", rss("Harbour News", 4), etag='"h"')
    feed, counts = add_subscription(store, server.url("/site/"), settings=FAST)
    assert feed.url == server.url("/site/feed.xml") and counts.added == 4
    assert feed.etag == '"h"' and feed.body_hash
    assert refresh_all(store, settings=FAST).unchanged == 1


def test_add_refuses_a_page_without_feeds(server, store):
    from newsreader.errors import IngestError

    server.feed("/plain", b"<html><body><p>No feeds here.</p></body></html>", ctype="text/html")
    with pytest.raises(IngestError, match="names no feed"):
        add_subscription(store, server.url("/plain"), settings=FAST)


# --- the command line ------------------------------------------------------------


def cli(capsys, home, *argv):
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_refresh_json_and_exit_status(server, tmp_path, capsys):
    home = tmp_path / "h"
    server.feed("/site/", PAGE, ctype="text/html")
    server.feed("/site/feed.xml", rss("Harbour News", 3), etag='"x"')
    server.status("/dead", 404)
    code, out, err = cli(capsys, home, "add", server.url("/site/"), "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["url"] == server.url("/site/feed.xml")
    # the items are summaries whose links lead nowhere (news.invalid): each page fails, once
    assert (added["pages"]["asked"], added["pages"]["fetched"], len(added["pages"]["failed"])) == (3, 0, 3)

    code, out, err = cli(capsys, home, "refresh", "--json")
    assert code == 0, err
    assert json.loads(out) == {"feeds": 1, "fetched": 0, "unchanged": 1, "added": 0, "hidden": 0,
                               "marked_read": 0, "failed": [], "skipped": [], "cancelled": False,
                               "pages": None}

    with _store_of(home) as s:
        subscribe(s, server.url("/dead"))
    code, out, err = cli(capsys, home, "refresh")
    assert code == 0
    assert "2 feeds: 0 fetched, 1 unchanged, 1 failed; 0 articles added" in out
    assert f"{server.url('/dead')}: not found" in err
    code, out, err = cli(capsys, home, "refresh", "--strict", "--json")
    assert code == 1 and json.loads(out)["failed"][0]["feed"] == server.url("/dead")

    code, out, err = cli(capsys, home, "feeds", "--json")
    dead = [f for f in json.loads(out) if f["url"] == server.url("/dead")][0]
    assert dead["failures"] == 2 and "not found" in dead["last_error"]


def _store_of(home):
    return Store(home / "library.sqlite3")


def test_cli_every_feed_failing_is_an_error(server, tmp_path, capsys):
    home = tmp_path / "h"
    with _store_of(home) as s:
        subscribe(s, server.url("/nothing"))
    code, out, err = cli(capsys, home, "refresh", "--json")
    assert code == 1 and json.loads(out)["failed"]
