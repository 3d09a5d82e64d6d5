"""Whole articles in the app: a summary says so, W fetches the page in a worker and
the pane shows the whole text in place; links are numbered and o opens one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsreader import paths
from newsreader.config import Config
from newsreader.ingest.subscribe import add_subscription
from newsreader.store import Store
from newsreader.tui.screens.links import LinksDialog
from tests.tui.conftest import NOW, settle

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "http"))
from loopback import FeedServer, article_page, summary_feed  # noqa: E402

pytestmark = pytest.mark.anyio


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


def make(server, tui_home, text="The harbour board voted to rebuild the pier."):
    server.feed("/p0", article_page(0), ctype="text/html")
    server.feed("/feed.xml", summary_feed(server, ["/p0"], text))
    db = paths.database_path()
    with Store(db) as store:
        add_subscription(store, server.url("/feed.xml"), full_text=False)
    from newsreader.tui.app import NewsreaderApp

    return NewsreaderApp(db, clock=lambda: NOW, config=Config(refresh_minutes=0))


def note(app) -> str:
    widget = app.main.reader.query_one("#article-note")
    return str(widget.render()) if widget.display else ""


def body_text(app) -> str:
    return "\n".join(str(p.content) for p in app.main.reader.query("#article-body > .paragraph"))


async def test_w_fetches_the_whole_article_in_place(server, tui_home):
    app = make(server, tui_home)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert note(app) == "Only the feed's summary: press W to fetch the whole article."
        assert body_text(app) == "The harbour board voted to rebuild the pier. Story 0."
        await pilot.press("W")
        await settle(pilot)
        assert app.main.article.full_text == "ok"
        assert body_text(app).startswith("The harbour board voted on Tuesday night")
        assert note(app) == ""
        assert app.main.reader.speakers == [("Marta Lindqvist", 2), ("Tomas Berg", 1)]
        assert "Whole article fetched" in str(app.main.query_one("#status-line").render())
        assert len(server.requests("/p0")) == 1


async def test_a_page_that_fails_says_why_and_keeps_the_summary(server, tui_home):
    app = make(server, tui_home)
    server.status("/p0", 404)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        assert body_text(app) == "The harbour board voted to rebuild the pier. Story 0."
        assert note(app).startswith("The whole article could not be fetched: not found (HTTP 404)")
        assert note(app).endswith("W tries again.")


async def test_an_item_without_text_shows_its_link_and_the_key(server, tui_home):
    app = make(server, tui_home, text="")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        shown = "\n".join(str(p.render()) for p in app.main.reader.query("#article-body > .message"))
        assert server.url("/p0") in shown
        assert note(app) == "No text in the feed: press W to fetch the article from its page."


async def test_links_are_listed_under_the_article_and_o_opens_one_by_number(server, tui_home, monkeypatch):
    app = make(server, tui_home)
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        links = app.main.article.links
        assert links  # the page's own links (Home, News, Sport are furniture, not the article's)
        extras = "\n".join(str(w.render()) for w in app.main.reader.query("#article-extras > .extras"))
        assert f"[1] {links[0]}" in extras
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, LinksDialog)
        await pilot.press("1")
        await settle(pilot)
        assert opened == [links[0]]


async def test_f_turns_whole_articles_on_and_off_for_a_feed(server, tui_home):
    app = make(server, tui_home)  # subscribed with full text off
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        with Store(app.db_path) as store:
            assert store.feeds()[0].full_text is True
        assert "Whole articles on for Gazette" in str(app.main.query_one("#status-line").render())
        app.main.categories.focus()
        app.main.categories.select_key("feed:1")
        await pilot.pause()
        app.main.categories.focus()
        await pilot.press("F")
        await settle(pilot)
        with Store(app.db_path) as store:
            assert store.feeds()[0].full_text is False


async def test_an_article_opened_from_a_search_keeps_its_words_marked_in_the_whole_text(server, tui_home):
    app = make(server, tui_home)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"pier", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        match = app.main.reader.quote_styles().match

        def marked() -> list[str]:
            return [p.content.plain[s.start:s.end] for p in app.main.reader.query("#article-body > .paragraph")
                    for s in p.content.spans if s.style == match]

        assert marked() == ["pier"]
        await pilot.press("W")
        await settle(pilot)
        assert app.main.article.full_text == "ok"
        whole = body_text(app).lower()
        assert len(marked()) == whole.count("pier") > 1
