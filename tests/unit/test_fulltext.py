"""Whole articles for summary feeds, against a real server on 127.0.0.1: each item's
page is fetched once, its main text kept with the page, failures kept with a reason."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from newsreader.cli import main
from newsreader.ingest.fetch import FetchSettings
from newsreader.ingest.fulltext import PAGE_SETTINGS, fetches_pages
from newsreader.ingest.opml import parse_opml, write_opml
from newsreader.ingest.refresh import refresh_all
from newsreader.ingest.subscribe import add_subscription
from newsreader.models import Subscription
from newsreader.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "http"))
from loopback import PARAGRAPHS, FeedServer, summary_feed  # noqa: E402
from loopback import article_page as page  # noqa: E402

PAGES = FetchSettings(deadline=1.5, connect_timeout=1.0, read_timeout=1.0, max_bytes=2 * 1024 * 1024,
                      per_host=2, accept=PAGE_SETTINGS.accept)

@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "lib.db") as s:
        yield s


def page_requests(server, paths):
    return sum(len(server.requests(p)) for p in paths)


def articles(store):
    arts = [store.article(a.id) for a in store.list_articles()]
    return {a.guid: a for a in arts}


def test_refresh_keeps_each_page_article_text_and_finds_its_quotes(server, store):
    paths = [f"/news/{i}" for i in range(3)]
    for i, p in enumerate(paths):
        server.feed(p, page(i), ctype="text/html; charset=utf-8")
    server.feed("/feed.xml", summary_feed(server, paths))
    feed, counts = add_subscription(store, server.url("/feed.xml"), full_text=True)
    assert counts.added == 3
    report = refresh_all(store, page_settings=PAGES)
    assert (report.pages.asked, report.pages.fetched, report.pages.failed) == (3, 3, [])
    got = articles(store)
    for i in range(3):
        art = got[f"story-{i}"]
        assert art.full_text == "ok"
        assert art.body.startswith("The harbour board voted on Tuesday night")
        assert f"(Story {i}.)" in art.body and "All rights reserved" not in art.body and "Sport" not in art.body
        assert art.summary == f"The harbour board voted to rebuild the pier. Story {i}."
        assert art.page_html is not None and f"story {i}</h1>" in art.page_html
        assert art.byline == "Ines Calder"
        assert {q.speaker for q in art.quotes} == {"Marta Lindqvist", "Tomas Berg"}
    from newsreader.store import Filter

    assert store.count(Filter(search="trawler skipper")) == 3  # the index has the page's words
    assert server.requests(paths[0])[0]["user-agent"].startswith("newsreader/")

    again = refresh_all(store, page_settings=PAGES)
    assert again.pages is None  # nothing left to fetch
    assert page_requests(server, paths) == 3  # no page was fetched a second time
    assert articles(store)["story-0"].full_text == "ok"


def test_pages_come_two_at_a_time_from_one_host(server, store):
    paths = [f"/n/{i}" for i in range(6)]

    def slow_page(n):
        def route(h):
            time.sleep(0.2)
            h.reply(200, page(n), "text/html")
        return route

    for i, p in enumerate(paths):
        server.routes[p] = slow_page(i)
    server.feed("/feed.xml", summary_feed(server, paths))
    add_subscription(store, server.url("/feed.xml"), full_text=True)
    server.max_active = 0
    assert refresh_all(store, page_settings=PAGES).pages.fetched == 6
    assert server.max_active == 2


def test_failed_pages_keep_the_summary_and_say_why_and_are_not_fetched_again(server, store):
    server.feed("/ok", page(0), ctype="text/html")
    server.status("/missing", 404)
    server.slow("/slow", 5.0, b"<html><body><p>The start of a page that never")
    server.big("/huge", 60 * 1024 * 1024)
    server.feed("/empty", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", ctype="text/html")
    server.feed("/audio", b"ID3\x00\x00\x00", ctype="audio/mpeg")
    paths = ["/ok", "/missing", "/slow", "/huge", "/empty", "/audio"]
    server.feed("/feed.xml", summary_feed(server, paths))
    add_subscription(store, server.url("/feed.xml"), full_text=True)
    report = refresh_all(store, page_settings=PAGES)
    assert (report.pages.asked, report.pages.fetched, len(report.pages.failed)) == (6, 1, 5)
    got = articles(store)
    assert got["story-0"].full_text == "ok"
    reasons = {}
    for i, name in enumerate(paths[1:], 1):
        art = got[f"story-{i}"]
        assert art.body == f"The harbour board voted to rebuild the pier. Story {i}."  # the feed's text kept
        assert art.page_html is None
        reasons[name] = art.full_text
    assert "404" in reasons["/missing"]
    assert "timed out" in reasons["/slow"]
    assert "larger than 2 MB" in reasons["/huge"]
    assert "no article text" in reasons["/empty"]
    assert "audio/mpeg" in reasons["/audio"]
    before = page_requests(server, paths)
    refresh_all(store, page_settings=PAGES)
    assert page_requests(server, paths) == before


def test_automatic_for_summary_feeds_and_a_switch_per_feed(server, store):
    server.feed("/p", page(0), ctype="text/html")
    server.feed("/feed.xml", summary_feed(server, ["/p"]))
    feed, _ = add_subscription(store, server.url("/feed.xml"))
    assert feed.full_text is None and fetches_pages(store, feed)  # short bodies with links
    feed, _ = add_subscription(store, server.url("/feed.xml"), full_text=False)
    assert fetches_pages(store, store.feed(feed.id)) is False
    assert refresh_all(store, page_settings=PAGES).pages is None
    assert server.requests("/p") == []

    long_items = "".join(f"<item><title>T{i}</title><link>{server.url('/p')}{i}</link><guid isPermaLink='false'>l{i}</guid>"
                         f"<description>{escape(' '.join(PARAGRAPHS))}</description></item>" for i in range(3))
    server.feed("/long.xml", f"<rss version='2.0'><channel><title>L</title>{long_items}</channel></rss>".encode())
    whole, _ = add_subscription(store, server.url("/long.xml"))
    assert not fetches_pages(store, whole)  # the feed gives whole articles already

    podcast = summary_feed(server, ["/e0", "/e1"]).replace(
        b"</description>", b"</description><enclosure url='http://cdn.example/ep.mp3' type='audio/mpeg'/>")
    server.feed("/podcast.xml", podcast.replace(b"<title>Gazette</title>", b"<title>Pod</title>"))
    pod, _ = add_subscription(store, server.url("/podcast.xml"))
    assert not fetches_pages(store, pod)  # episode pages are show notes, not articles


def test_feed_updates_keep_the_fetched_text(server, store):
    server.feed("/p", page(0), ctype="text/html")
    server.feed("/feed.xml", summary_feed(server, ["/p"]))
    add_subscription(store, server.url("/feed.xml"), full_text=True)
    refresh_all(store, page_settings=PAGES)
    changed = summary_feed(server, ["/p"]).replace(b"to rebuild the pier", b"to rebuild the old pier")
    server.feed("/feed.xml", changed)
    refresh_all(store, page_settings=PAGES)
    art = articles(store)["story-0"]
    assert art.full_text == "ok" and art.body.startswith("The harbour board voted on Tuesday night")
    assert art.summary == "The harbour board voted to rebuild the old pier. Story 0."
    assert {q.speaker for q in art.quotes} == {"Marta Lindqvist", "Tomas Berg"}
    assert len(server.requests("/p")) == 1


def test_opml_carries_the_setting():
    subs = [Subscription("http://a.example/feed", "A", full_text=True),
            Subscription("http://b.example/feed", "B", full_text=False),
            Subscription("http://c.example/feed", "C")]
    back = parse_opml(write_opml(subs).encode())
    assert [s.full_text for s in back] == [True, False, None]


def cli(capsys, home, *argv):
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_add_full_text_feeds_switch_and_show_json(server, tmp_path, capsys):
    home = tmp_path / "h"
    server.feed("/p", page(0), ctype="text/html")
    server.feed("/feed.xml", summary_feed(server, ["/p"]))
    code, out, err = cli(capsys, home, "add", server.url("/feed.xml"), "--full-text", "--json")
    assert code == 0, err
    got = json.loads(out)
    assert got["full_text"] is True and got["pages"]["fetched"] == 1
    code, out, err = cli(capsys, home, "show", "1", "--json")
    shown = json.loads(out)
    assert shown["full_text"] == "ok" and shown["body"].startswith("The harbour board voted on Tuesday")
    assert shown["summary"].startswith("The harbour board voted to rebuild")
    assert {q["speaker"] for q in shown["quotes"]} == {"Marta Lindqvist", "Tomas Berg"}

    code, out, err = cli(capsys, home, "feeds", "--full-text", "1", "off")
    assert code == 0 and "full text off" in out
    code, out, err = cli(capsys, home, "feeds", "--json")
    assert json.loads(out)[0]["full_text"] == "off" and json.loads(out)[0]["fetches_pages"] is False
    code, out, err = cli(capsys, home, "feeds", "--full-text", "1", "maybe")
    assert code == 1 and "on, off or auto" in err and "Traceback" not in err
    code, out, err = cli(capsys, home, "feeds", "--full-text", "99", "on")
    assert code == 1 and "no subscribed feed" in err


def test_json_backup_keeps_whole_articles_the_setting_and_enclosures(server, tmp_path, capsys):
    home, other = tmp_path / "h", tmp_path / "h2"
    server.feed("/p", page(0), ctype="text/html")
    feed = summary_feed(server, ["/p"]).replace(
        b"</description>", b"</description><enclosure url='http://cdn.example/ep1.mp3' type='audio/mpeg'"
                           b" length='52000000'/>")
    server.feed("/feed.xml", feed)
    assert cli(capsys, home, "add", server.url("/feed.xml"), "--full-text")[0] == 0
    assert cli(capsys, home, "export", "--json", str(tmp_path / "b.json"))[0] == 0
    assert cli(capsys, other, "import", str(tmp_path / "b.json"))[0] == 0
    with Store(other / "library.sqlite3") as s:
        (art,) = [s.article(a.id) for a in s.list_articles()]
        assert art.full_text == "ok" and art.body.startswith("The harbour board voted on Tuesday night")
        assert art.page_html and art.summary.startswith("The harbour board voted to rebuild")
        assert [(e.url, e.type, e.length) for e in art.enclosures] == [
            ("http://cdn.example/ep1.mp3", "audio/mpeg", 52000000)]
        assert s.feeds()[0].full_text is True
