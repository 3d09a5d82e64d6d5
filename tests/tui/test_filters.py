"""The app's filter keys: v (filter, ctrl+s saves a view), D (delete a view), u (unread
only), S (sort), saved views in the categories pane, and the killfile on refresh."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input, Static

from newsreader.config import Config
from newsreader.store import NewArticle, Store
from newsreader.store.store import PAGE, Filter
from newsreader.tui.screens.confirm import ConfirmDialog
from newsreader.tui.screens.filter import FilterDialog
from newsreader.tui.state import UiState, save_state
from newsreader.tui.widgets.category_list import CategoryList
from tests.tui.conftest import settle, stored, titles

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "http"))
from loopback import FeedServer, rss  # noqa: E402

pytestmark = pytest.mark.anyio
WORLD = ["Ministers meet at the river summit", "Harbour cranes return after the strike",
         "Interview: the mapmaker who redrew the delta", "Night trains to run across the border again"]


@dataclass(frozen=True)
class KillConfig(Config):
    """The settings with ``killfile`` (config.py gains the field on another branch)."""

    killfile: list = field(default_factory=list)


def status(app) -> str:
    return str(app.main.query_one("#status-line").render())


async def type_filter(pilot, text: str, then: str = "enter") -> None:
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FilterDialog)
    pilot.app.screen.query_one(Input).value = text
    await pilot.press(then)
    await settle(pilot)


async def test_v_narrows_the_list_and_q_or_an_empty_filter_shows_it_whole(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        everything = titles(app)
        await type_filter(pilot, 'title ~ "the" and not speaker = "petra lind"')
        assert app.screen is app.main
        assert titles(app) == [t for t in everything if "the" in t.lower() and t != WORLD[0]]  # Petra Lind's
        assert app.main.articles.border_title == 'All · newest first · filter: title ~ "the" and not speaker = "petra lind"'
        assert "matches" in status(app)
        await pilot.press("v")  # the filter comes back to be changed
        await pilot.pause()
        assert app.screen.query_one(Input).value == 'title ~ "the" and not speaker = "petra lind"'
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert titles(app) == everything
        await type_filter(pilot, "category = science")
        assert len(titles(app)) == 2
        await pilot.press("q")
        await settle(pilot)
        assert titles(app) == everything and app.main.articles.border_title == "All · newest first"


async def test_a_bad_filter_says_why_in_one_line_and_waits(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await type_filter(pilot, "title ~ ")
        assert isinstance(app.screen, FilterDialog)
        error = str(app.screen.query_one("#filter-error", Static).render())
        assert error == "expected a value after '~' at column 9"
        await pilot.press("x")  # typing on clears the stale error
        assert str(app.screen.query_one("#filter-error", Static).render()) == ""
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main and len(titles(app)) == 7


async def test_a_filter_over_a_category_saved_as_a_view_is_listed_with_its_count(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.categories.focus()
        app.main.categories.select_key("category:World")
        await pilot.press("enter")
        await settle(pilot)
        await type_filter(pilot, 'title ~ "r*the"', then="ctrl+s")
        assert isinstance(app.screen, FilterDialog)  # now asking for the name
        hint = str(app.screen.query_one("#filter-hint", Static).render())
        assert 'category = "World" and title ~ "r*the"' in hint
        for name, problem in (("  ", "a view needs a name"), ("", "a view needs a name")):
            app.screen.query_one(Input).value = name
            await pilot.press("enter")
            assert str(app.screen.query_one("#filter-error", Static).render()) == problem
        app.screen.query_one(Input).value = "River news"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main
        with Store(library) as store:
            (view,) = store.saved_views()
        assert (view.name, view.expr) == ("River news", 'category = "World" and title ~ "r*the"')
        expected = [t for t in WORLD if "r" in t.lower() and "the" in t.lower().split("r", 1)[1]]
        assert titles(app) == expected
        cats = app.main.categories
        assert "view:River news" in [v.key for v in cats.views]
        assert cats.unread("view:River news") == len(expected)
        assert str(cats.get_option("view:River news").prompt).split()[-1] == str(len(expected))
        heading = [str(cats.get_option_at_index(i).prompt) for i in range(cats.option_count)
                   if cats.get_option_at_index(i).disabled]
        assert heading == ["Views"]  # no feeds: no Feeds heading
        assert app.main.articles.border_title == "River news · newest first"
        await pilot.press("m")  # the view's count follows the article read
        await settle(pilot)
        assert cats.unread("view:River news") == len(expected) - 1
        # the name is taken (in any case) while the view is there
        await type_filter(pilot, "unread", then="ctrl+s")
        app.screen.query_one(Input).value = "RIVER NEWS"
        await pilot.press("enter")
        assert "there is a view named 'River news' already" in str(app.screen.query_one("#filter-error").render())
        await pilot.press("escape")  # back to the expression
        assert app.screen.query_one(Input).value == "unread"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main


async def test_D_deletes_the_highlighted_view_after_asking(make_app, library):
    with Store(library) as store:
        store.add_view("Science", "category = science")
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("D")  # on All: nothing to delete
        assert "Highlight a saved view" in status(app)
        cats = app.main.categories
        cats.focus()
        cats.select_key("view:Science")
        await pilot.press("enter", "h")  # shown, and back on the pane
        await settle(pilot)
        assert len(titles(app)) == 2 and app.focused is cats
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        with Store(library) as store:
            assert [v.name for v in store.saved_views()] == ["Science"]
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        with Store(library) as store:
            assert store.saved_views() == []
        assert "view:Science" not in [v.key for v in cats.views]
        assert len(titles(app)) == 7 and "Deleted the view Science" in status(app)


async def test_a_saved_view_is_remembered_as_the_last_view(make_app, library):
    with Store(library) as store:
        store.add_view("Lab", 'feed = "lab notes"')
    save_state(UiState(view="view:Lab"))
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert titles(app) == ["Comet dust found in glacier ice", "Bees prefer the blue flowers, study says"]
        assert app.main.categories.current.key == "view:Lab"


async def test_u_shows_only_unread_articles_of_the_view(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("m", "j", "j", "m")  # the first and the third read
        read = {r.title for r in app.main.articles.rows if r.read}
        assert len(read) == 2
        await pilot.press("u")
        await settle(pilot)
        assert len(titles(app)) == 5 and not read & set(titles(app))
        assert app.main.articles.border_title == "All · unread only · newest first"
        app.main.categories.focus()
        app.main.categories.select_key("category:Science")
        await pilot.press("enter")
        await settle(pilot)
        assert len(titles(app)) == 2 and "unread only" not in app.main.articles.border_title  # per view
        app.main.categories.focus()
        app.main.categories.select_key("all")  # back to All: still unread only
        await pilot.press("enter")
        await settle(pilot)
        assert len(titles(app)) == 5
        await pilot.press("u")
        await settle(pilot)
        assert len(titles(app)) == 7 and app.main.articles.border_title == "All · newest first"


async def test_S_cycles_date_title_feed_and_is_remembered(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        by_date = titles(app)
        highlighted = app.main.articles.current.id
        await pilot.press("S")
        await settle(pilot)
        assert titles(app) == sorted(by_date, key=str.lower)
        assert app.main.articles.border_title == "All · by title"
        assert app.main.articles.current.id == highlighted  # the highlight stays on its article
        await pilot.press("S")
        await settle(pilot)
        rows = app.main.articles.rows
        assert [r.feed_title for r in rows] == sorted((r.feed_title for r in rows), key=str.lower)
        assert app.main.articles.border_title == "All · by feed"
        world = [r.title for r in rows if r.feed_title == "Meridian Wire"]
        assert world == WORLD  # within a feed, newest first
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.main.articles.border_title == "All · by feed"
        await pilot.press("S")
        await settle(pilot)
        assert titles(app) == by_date and app.main.articles.border_title == "All · newest first"


async def test_sorted_lists_page_through_a_large_library(make_app, library):
    with Store(library) as store:
        feeds = [store.ensure_feed(f"http://f{i}.invalid/", f"Feed {'BCA'[i]}", subscribed=True) for i in range(3)]
        for i, feed in enumerate(feeds):
            store.upsert_articles(feed, f"http://f{i}.invalid/", [
                NewArticle(guid=f"{i}-{n}", title=f"{'xyz'[n % 3]} story {n:03d}", body="b", category="Bulk",
                           content_hash=f"{i}-{n}", published=f"2026-10-{1 + n % 28:02d}T00:00:00Z")
                for n in range(170)])
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for _sort in ("title", "feed"):
            with Store(library) as store:
                order = [a.id for a in store.iter_articles(Filter(sort=_sort))]
            assert len(order) == 3 * 170 + 7
            await pilot.press("S")
            await settle(pilot)
            lst = app.main.articles
            assert len(lst.rows) == PAGE and lst.has_more
            await pilot.press("G")  # the title sort read backwards from its end; the feed sort's pages walked
            await settle(pilot)
            assert lst.current.id == order[-1] and lst.count == (len(order), False)
            assert [r.id for r in lst.rows] == order[lst.start:]
            if _sort == "title":
                assert [r.title.lower() for r in lst.rows] == sorted(r.title.lower() for r in lst.rows)
            else:
                keys = [(r.feed_title or "").lower() for r in lst.rows]
                assert keys == sorted(keys)
            for _ in range(min(len(lst.rows), 60) + 5):  # up, past the first row G loaded when it is near
                await pilot.press("k")
            await settle(pilot)
            assert [r.id for r in lst.rows] == order[lst.start:lst.start + len(lst.rows)]
            assert lst.current.id == order[lst.start + lst.highlighted]


async def test_the_killfile_hides_and_marks_read_on_refresh(make_app, library):
    with FeedServer() as server:
        server.feed("/feed.xml", rss("Harbour News", 2))
        with Store(library) as store:
            store.ensure_feed(server.url("/feed.xml"), "Harbour News", subscribed=True)
        rules = [('title ~ "item 1"', "hide"), ("feed = 'harbour news' and title ~ 0", "read"), ("bad ~", "read")]
        app = make_app(KillConfig(refresh_minutes=0, killfile=rules))
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            assert "2 new articles (1 hidden and 1 marked read by the killfile)" in status(app)
            assert "Harbour News item 1" not in titles(app)
            item0 = next(r for r in app.main.articles.rows if r.title == "Harbour News item 0")
            assert item0.read and stored(library, item0.id).read
            assert app.main.categories.unread("all") == 7
            assert any("killfile rule 3 (bad ~)" in n.message for n in app._notifications)
            await type_filter(pilot, "hidden")
            assert titles(app) == ["Harbour News item 1"]


async def test_the_keys_are_in_the_help_with_their_ids(make_app):
    app = make_app(Config(refresh_minutes=0, keys={"sort": "O", "filter": "ctrl+f"}))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        rows = {i: (k, d) for k, d, i in app.screen.rows}
        assert rows["sort"][0] == "O" and rows["unread-only"][0] == "u" and rows["delete-view"][0] == "D"
        assert "Narrow the list with a filter" in rows["filter"][1]
        await pilot.press("escape", "O")  # remapped through [keys]
        await settle(pilot)
        assert app.main.articles.border_title == "All · by title"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FilterDialog)


async def test_a_view_name_or_filter_that_looks_like_markup_is_shown_as_typed(make_app, library):
    name = "[b]Loud[/] [@click=app.quit]x[/]"
    with Store(library) as store:
        store.add_view(name, 'title ~ "[/]"')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        cats = app.main.categories
        assert str(cats.get_option(f"view:{name}").prompt).startswith(name[:10])
        cats.focus()
        cats.select_key(f"view:{name}")
        await pilot.press("enter")
        await settle(pilot)
        assert titles(app) == ["Price [USD] rises [/] again [@click=app.quit]click me[/]"]
        shown = lambda: Content.from_markup(app.main.articles.border_title).plain  # noqa: E731
        assert shown() == f"{name} · newest first"
        await type_filter(pilot, 'title ~ "[@click"')
        assert shown() == f'{name} · newest first · filter: title ~ "[@click"'
        await pilot.press("q", "D")  # back to the view, then delete it
        await pilot.pause()
        assert "[@click=app.quit]" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")
        await settle(pilot)
        assert app.is_running
