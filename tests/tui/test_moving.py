"""Moving in every pane: the cursor stops at the ends, G reaches the last article of a long
list in one press (the list holding only a few pages), g shows the article's title."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsreader.config import Config
from newsreader.store import Store
from newsreader.store.store import PAGE, Filter
from newsreader.tui.screens.help import HelpDialog
from newsreader.tui.screens.links import LinksDialog
from newsreader.tui.widgets.article_list import JUMP_ROWS, WINDOW
from newsreader.tui.widgets.lists import StopList
from tests.tui.conftest import NOW, article_id, bulk_library, settle

pytestmark = pytest.mark.anyio
SUMMIT = "Ministers meet at the river summit"
LONG = 2_424  # the list: past JUMP_ROWS, so G cannot simply load everything


@pytest.fixture
def long_app(tui_home):
    from newsreader.tui.app import NewsreaderApp

    db = tui_home / "library.sqlite3"
    bulk_library(db, LONG)
    return NewsreaderApp(db, clock=lambda: NOW, config=Config(refresh_minutes=0))


def view_order(db) -> list[int]:
    with Store(db) as store:
        return [a.id for a in store.iter_articles(Filter())]


async def test_k_on_the_first_row_and_j_on_the_last_stay_in_every_list(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        lists = app.main.articles, app.main.categories
        for lst in lists:
            lst.focus()
            await pilot.press("g", "k", "up")
            assert lst.highlighted == 0, lst
            await pilot.press("G")
            last = lst.highlighted
            assert last == lst.option_count - 1 > 0, lst
            await pilot.press("j", "down")
            assert lst.highlighted == last, lst
        app.main.open_article(article_id(library, SUMMIT))  # two speakers
        await settle(pilot)
        await pilot.press("s")
        speakers = app.focused
        assert isinstance(speakers, StopList) and speakers.option_count == 2
        await pilot.press("k")
        assert speakers.highlighted == 0
        await pilot.press("j", "j", "j")
        assert speakers.highlighted == 1


async def test_the_help_and_links_lists_stop_at_their_ends(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        table = app.screen.query_one("DataTable")
        await pilot.press("k", "up")
        assert table.cursor_row == 0
        await pilot.press("G", "j", "down")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("escape")
        app.main.open_article(article_id(library, SUMMIT))
        await settle(pilot)
        app.push_screen(LinksDialog(replace(app.main.article, links=("https://a.example/1", "https://a.example/2"))))
        await pilot.pause()
        links = app.screen.query_one(StopList)
        await pilot.press("k")
        assert links.highlighted == 0
        await pilot.press("G", "j")
        assert links.highlighted == links.option_count - 1 == 2


async def test_G_reaches_the_last_of_thousands_in_one_press_holding_a_few_pages(long_app):
    app = long_app
    order = view_order(app.db_path)
    assert len(order) == LONG > JUMP_ROWS + 2 * PAGE
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        lst = app.main.articles
        # about two screens of rows, not a store page: each row is measured as it is added
        assert len(lst.rows) == lst.batch < PAGE and app.main.articles.border_subtitle == f"{lst.batch}+ articles"
        await pilot.press("G")
        await settle(pilot)
        assert lst.current.title == "Article 000000" and lst.current.id == order[-1]
        assert len(lst.rows) == lst.batch  # the last rows only, read backwards: not the 2,424
        assert [r.id for r in lst.rows] == order[lst.start:]
        assert app.main.articles.border_subtitle == f"{LONG} articles"
        # back up, row by row, past the first row loaded: the page above comes in its place
        first_loaded, steps = lst.start, len(lst.rows) + 5
        for _ in range(steps):
            await pilot.press("k")
        await pilot.pause()
        assert lst.current.id == order[LONG - 1 - steps]
        assert lst.start < first_loaded
        assert [r.id for r in lst.rows] == order[lst.start:lst.start + len(lst.rows)]
        assert lst.current.id == order[lst.start + lst.highlighted]
        assert len(lst.rows) <= WINDOW
        await pilot.press("g")
        assert lst.start == 0 and lst.current.id == order[0]


async def test_k_after_G_moves_to_the_row_just_above(long_app):
    app = long_app
    order = view_order(app.db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        lst = app.main.articles
        steps = len(lst.rows) + PAGE // 2  # into the page above the ones G loaded
        for _ in range(steps):
            await pilot.press("k")
        await settle(pilot)
        assert lst.current.id == order[LONG - 1 - steps]
        await pilot.press("G")  # the end is loaded now: at once
        assert lst.current.id == order[-1]


async def test_p_after_G_finds_an_unread_article_above_the_rows_loaded(long_app):
    app = long_app
    order = view_order(app.db_path)
    with Store(app.db_path) as store:
        store.set_read(order[LONG - 3 * PAGE:], True)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert app.main.articles.start > LONG - 3 * PAGE
        await pilot.press("p")
        await settle(pilot)
        assert app.main.article.id == order[LONG - 3 * PAGE - 1]


async def run_key(app, key: str) -> None:
    """Run the action ``key`` is bound to where the focus is, and return when it returns."""
    active = app.active_bindings[key]
    await app.run_action(active.binding.action, active.node)


async def test_g_in_the_reading_pane_shows_the_title_at_once(make_app, library):
    app = make_app()
    async with app.run_test(size=(60, 16)) as pilot:  # the interview is longer than the pane
        await settle(pilot)
        app.main.open_article(article_id(library, "Interview: the mapmaker who redrew the delta"))
        await settle(pilot)
        reader = app.main.reader
        # The keys' actions, run as a key runs them but without waiting for the screen to
        # settle: the scroll is done when the action returns (an animated one, still under
        # way when the next key came, stopped short of the title).
        await run_key(app, "G")
        assert reader.scroll_y == reader.max_scroll_y > 0
        await run_key(app, "g")
        assert reader.scroll_y == 0
        await pilot.pause()
        title = app.main.query_one("#article-title")
        assert reader.region.y < title.region.y and title.region.height >= 1
        await run_key(app, "end")
        await run_key(app, "home")
        assert reader.scroll_y == 0
