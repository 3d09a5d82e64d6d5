"""The categories pane and the article list: moving, views, state keys, paging."""

from __future__ import annotations

import pytest

from newsreader.config import Config
from newsreader.store import Store
from newsreader.store.store import PAGE
from newsreader.tui.screens.confirm import ConfirmDialog
from newsreader.tui.widgets.article_list import ArticleList
from newsreader.tui.widgets.category_list import CategoryList
from tests.tui.conftest import NOW, build_library, settle, stored, titles

pytestmark = pytest.mark.anyio


async def test_opens_on_all_with_categories_and_unread_counts(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        cats = app.main.categories
        assert [v.label for v in cats.views][:3] == ["All", "Unread", "Favourites"]
        assert "World" in [v.label for v in cats.views]
        assert cats.unread("category:World") == 4 and cats.unread("all") == 7
        assert titles(app)[1] == "Ministers meet at the river summit"
        assert isinstance(app.focused, ArticleList)


async def test_j_k_g_G_move_the_highlight(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        lst = app.main.articles
        await pilot.press("j", "j")
        assert lst.highlighted == 2
        await pilot.press("k")
        assert lst.highlighted == 1
        await pilot.press("G")
        assert lst.highlighted == len(lst.rows) - 1
        await pilot.press("g")
        assert lst.highlighted == 0
        await pilot.press("down", "up", "down")
        assert lst.highlighted == 1


async def test_choosing_a_category_lists_it(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        assert isinstance(app.focused, CategoryList)
        app.main.categories.select_key("category:World")
        await pilot.press("enter")
        await settle(pilot)
        assert {r.category for r in app.main.articles.rows} == {"World"}
        assert len(app.main.articles.rows) == 4
        assert isinstance(app.focused, ArticleList)
        assert app.main.articles.border_title == "World · newest first"


async def test_tab_shift_tab_h_l_change_pane(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        seen = []
        for key in ("tab", "tab", "tab", "shift+tab", "h", "l", "l", "l", "h"):
            await pilot.press(key)
            seen.append(app.focused.id)
        # Tab goes round; h and l stop at the outer panes (l on the article never lands on the
        # categories, where j would leave a search)
        assert seen == ["reading-pane", "category-list", "article-list", "category-list",
                        "category-list", "article-list", "reading-pane", "reading-pane", "article-list"]


async def test_f_and_m_toggle_and_save_at_once(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        row = app.main.articles.current
        await pilot.press("f")
        assert stored(library, row.id).favourite
        assert app.main.articles.current.favourite
        assert app.main.categories.unread("favourites") == 1
        await pilot.press("m")
        assert stored(library, row.id).read
        assert app.main.categories.unread("all") == 6
        await pilot.press("m", "f")
        assert not stored(library, row.id).read and not stored(library, row.id).favourite


def drawn(widget, text: str):
    """The line of ``widget`` holding ``text`` as the screen has it: through the widget's
    own cache of lines, so a line not marked for drawing again shows as it was."""
    from textual.geometry import Region

    lines = widget.render_lines(Region(0, 0, *widget.outer_size))
    return next(line for line in lines if text in line.text)


async def test_a_row_marked_read_is_drawn_anew_and_the_rows_around_it_are_kept(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        lst, cats = app.main.articles, app.main.categories
        await pilot.press("j")
        row, below = lst.rows[1], lst.rows[2]
        assert not row.read
        unread = drawn(lst, row.title)
        assert drawn(cats, "All").text.split()[-2] == "7"  # (the last is the pane's border)
        neighbour = lst.render_line(lst._index_to_line[2] - int(lst.scroll_y))
        await pilot.press("m")
        await pilot.pause()
        read = drawn(lst, row.title)
        assert read.text == unread.text and list(read) != list(unread)  # the same words, restyled
        assert drawn(cats, "All").text.split()[-2] == "6" and drawn(cats, "Unread").text.split()[-2] == "6"
        # the row below was not rendered again: the same strip comes from the list's cache
        assert lst.render_line(lst._index_to_line[2] - int(lst.scroll_y)) is neighbour
        await pilot.press("k")  # away from the row: no longer bold, as a read row is not
        await pilot.pause()
        assert not any(seg.style and seg.style.bold for seg in drawn(lst, row.title) if row.title[:10] in seg.text)
        assert any(seg.style and seg.style.bold for seg in drawn(lst, below.title) if below.title[:10] in seg.text)
        await pilot.press("j", "f")  # a star: the title is longer, and may wrap anew
        await pilot.pause()
        assert "★ " + row.title[:10] in drawn(lst, row.title[:10]).text


async def test_n_and_p_open_the_next_and_previous_unread(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        first, second, third = app.main.articles.rows[:3]
        with Store(library) as store:
            store.set_read([second.id])
        app.main.articles.reload()
        await pilot.press("n")
        await settle(pilot)
        assert app.main.article.id == first.id and stored(library, first.id).read
        await pilot.press("p")
        await settle(pilot)
        assert "No unread articles above" in str(app.main.query_one("#status-line").content)
        await pilot.press("m")  # keep the first one unread
        await pilot.press("n")
        await settle(pilot)
        assert app.main.article.id == third.id  # the read one is skipped
        await pilot.press("p")
        await settle(pilot)
        assert app.main.article.id == first.id


async def test_A_asks_then_marks_the_category_read(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.show_view(app.main.categories.views[-2])  # World (sorted: Science, World, [red]Tricks[)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        from textual.widgets import Button

        labels = [str(b.label) for b in app.screen.query(Button)]
        assert labels == ["Mark read (y)", "Cancel (n)"]  # the dialog says which keys answer it
        await pilot.press("n")
        await settle(pilot)
        assert app.main.categories.unread("category:World") == 4
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        with Store(library) as store:
            assert {a.read for a in store.iter_articles() if a.category == "World"} == {True}
            assert {a.read for a in store.iter_articles() if a.category == "Science"} == {False}
        assert app.main.categories.unread("category:World") == 0
        assert all(r.read for r in app.main.articles.rows), (app.main.articles.view, app.main.articles.rows)


async def test_search_view_and_back(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"delta", "enter")
        await settle(pilot)
        assert set(titles(app)) == {"Ministers meet at the river summit",
                                    "Interview: the mapmaker who redrew the delta"}
        assert app.main.articles.border_title == "Search: delta · by relevance"
        await pilot.press("q")
        await settle(pilot)
        assert app.main.articles.view.key == "all" and len(titles(app)) == 7


async def test_search_for_nothing_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zebra", "enter")
        await settle(pilot)
        assert titles(app) == [] and "nothing found" in str(app.main.articles.border_subtitle)
        await pilot.press("slash", *"[]", "enter")
        await settle(pilot)
        assert any("no words" in n.message for n in app._notifications)


async def test_list_is_paged_from_the_store(tui_home, tmp_path):
    feed = tmp_path / "many.rss"
    items = "".join(
        f"<item><title>Item {i:03d}</title><guid>many-{i}</guid>"
        f"<pubDate>Mon, 02 Nov 2026 {i // 60 % 24:02d}:{i % 60:02d}:00 GMT</pubDate>"
        f"<category>Bulk</category><description>Body {i}.</description></item>"
        for i in range(PAGE * 2 + 50))
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>{items}'
                    "</channel></rss>", encoding="utf-8")
    db = tui_home / "library.sqlite3"
    build_library(db, feeds=[feed])
    from newsreader.tui.app import NewsreaderApp

    app = NewsreaderApp(db, clock=lambda: NOW, config=Config(refresh_minutes=0))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        lst = app.main.articles
        assert len(lst.rows) == lst.batch and lst.has_more
        await pilot.press("G")  # the bottom is the oldest article, not the end of the first page
        await settle(pilot)  # read backwards from the end, in a worker
        assert len(lst.rows) == lst.batch and not lst.has_more and lst.start == PAGE * 2 + 50 - lst.batch
        assert lst.highlighted == len(lst.rows) - 1 and lst.current.title == "Item 000"
        assert app.main.articles.border_subtitle == f"{PAGE * 2 + 50} articles"
        assert [r.id for r in lst.rows] == sorted({r.id for r in lst.rows}, key=[r.id for r in lst.rows].index)
        assert len({r.id for r in lst.rows}) == len(lst.rows)
