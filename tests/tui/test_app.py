"""The app as a whole: welcome, help, keymap, palette, state, refresh, narrow layout, hostile text."""

from __future__ import annotations

import shutil

import pytest

from newsreader import paths
from newsreader.config import Config
from newsreader.store import Store
from newsreader.tui.app import NewsreaderApp
from newsreader.tui.screens.help import HelpDialog
from newsreader.tui.screens.welcome import WelcomeScreen
from newsreader.tui.state import load_state
from newsreader.tui.widgets.article_list import ArticleList
from newsreader.tui.widgets.reading_pane import ReadingPane
from tests.tui import quote_stub
from tests.tui.conftest import DATA, NOW, article_id, settle, stored, titles

pytestmark = pytest.mark.anyio
SUMMIT = "Ministers meet at the river summit"


async def test_empty_library_opens_on_the_welcome(tui_home):
    app = NewsreaderApp(paths.database_path(), clock=lambda: NOW, config=Config(refresh_minutes=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        text = str(app.screen.query_one("#welcome-text").content)
        assert "newsreader add" in text and "newsreader import" in text and "newsreader --demo" in text
        await pilot.press("r")
        await settle(pilot)
        assert "No subscriptions" in str(app.screen.query_one("#welcome-status").content)
        await pilot.press("question_mark")  # the help lists the keys that work here, not the reader's
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert {i for _k, _d, i in app.screen.rows} == {"refresh", "back", "help", "command-palette"}
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0


async def test_r_on_the_welcome_picks_up_articles_imported_meanwhile(tui_home):
    from tests.tui.conftest import build_library

    app = NewsreaderApp(paths.database_path(), clock=lambda: NOW, config=Config(refresh_minutes=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        build_library(paths.database_path(), feeds=("world.rss",))  # as `newsreader import` would
        await pilot.press("r")
        await settle(pilot)
        assert not isinstance(app.screen, WelcomeScreen)
        assert app.main.articles.rows and app.main.categories.unread("all") == len(app.main.articles.rows)


async def test_help_scrolls_by_keys_and_its_headers_are_whole(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one("#help-table")
        assert [c.label.plain for c in table.columns.values()] == ["Key", "Does", "Id"]
        assert all(c.width >= len(c.label.plain) for c in table.columns.values())
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1 and table.scroll_y > 0
        await pilot.press("g", "j")
        await pilot.pause()
        assert table.cursor_row == 1


async def test_f_then_q_q_leaves_that_article_read_and_favourite(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        opened = app.main.article.id
        await pilot.press("f", "q")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("q")
        await settle(pilot)
    with Store(library) as store:
        changed = [(a.id, a.read, a.favourite) for a in store.iter_articles() if a.read or a.favourite]
    assert changed == [(opened, True, True)]


async def test_help_shows_keys_with_the_keymap_applied(make_app):
    app = make_app(Config(refresh_minutes=0, keys={"favourite": "F", "next-unread": "N"}))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        row = app.main.articles.current
        await pilot.press("f")
        assert not row.favourite and not app.main.articles.current.favourite  # f is no longer bound
        await pilot.press("F")
        assert app.main.articles.current.favourite
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        rows = {i: (k, d) for k, d, i in app.screen.rows}
        assert rows["favourite"][0] == "F" and rows["next-unread"][0] == "N"
        assert rows["open"][0] == "⏎"  # Enter opens, and says so
        for binding_id in ("search", "refresh", "next-quote", "speakers", "open-link", "mark-all-read",
                           "page-down", "back", "help", "command-palette", "down", "top", "pane-left"):
            assert binding_id in rows
        await pilot.press("escape")
        assert app.screen is app.main


async def test_help_columns_are_wide_enough_to_read(make_app):
    from textual.widgets import DataTable

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        widths = [c.get_render_width(table) - 2 * table.cell_padding for c in table.columns.values()]
        longest = [max(len(row[i]) for row in app.screen.rows) for i in range(3)]
        assert widths[0] >= longest[0] and widths[2] >= longest[2], (widths, longest)
        assert widths[1] >= 20, (widths, longest)  # "Favourite on or off", not "Favo"
        assert sum(widths) + 6 * table.cell_padding <= table.scrollable_content_region.width
        keys = {i: k for k, _d, i in app.screen.rows}
        assert keys["down"] == "j, ↓" and keys["top"] == "g, home"  # each key once


async def test_palette_goes_to_a_category_a_feed_and_a_speaker(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for query, check in (
            ("Go to World", lambda: app.main.articles.view.key == "category:World"),
            ("Feed: Lab Notes", lambda: set(titles(app)) == {"Comet dust found in glacier ice",
                                                             "Bees prefer the blue flowers, study says"}),
            ("Quotes by Omar Vale", lambda: "Omar Vale" in str(app.screen.query_one("#speaker-heading").content)),
        ):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*query)
            await pilot.pause(0.5)
            await pilot.press("enter")
            await settle(pilot)
            assert check(), query


async def test_palette_counts_a_feed_of_one_article_in_the_singular(make_app):
    from textual.command import CommandList

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Feed: Loud")
        await pilot.pause(0.5)
        shown = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
        assert any("1 article, 0 unread" in p or "1 article, 1 unread" in p for p in shown), shown


async def test_theme_and_last_category_are_remembered(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        app.main.show_view(next(v for v in app.main.categories.views if v.label == "Science"))
        await settle(pilot)
    assert load_state().theme == "nord" and load_state().view == "category:Science"
    again = make_app()
    async with again.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"
        assert again.main.articles.view.key == "category:Science"
        assert again.main.categories.current.key == "category:Science"


async def test_a_remembered_category_that_is_gone_opens_all_instead(make_app, library):
    from newsreader.tui.state import UiState, save_state

    save_state(UiState(view="category:Episodes"))  # a category an older version chose
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.main.articles.view.key == "all" and app.main.articles.rows
        assert app.main.categories.current.key == "all"


async def test_r_refreshes_in_a_worker_and_keeps_the_selection(make_app, library, tmp_path, monkeypatch):
    from newsreader.ingest import pipeline
    from newsreader.ingest.subscribe import add_subscription

    monkeypatch.setattr(pipeline, "analyse", quote_stub.analyse)
    feed = tmp_path / "live.rss"
    shutil.copy(DATA / "science.rss", feed)
    with Store(library) as store:
        add_subscription(store, str(feed))
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        kept = app.main.articles.current.id
        text = feed.read_text(encoding="utf-8").replace("<item>", (
            "<item><title>Fresh: a new moon is named</title><guid>lab-13</guid>"
            "<pubDate>Thu, 05 Nov 2026 11:00:00 GMT</pubDate><category>Science</category>"
            "<description>“Call it Pip,” said astronomer Lou Park.</description></item><item>"), 1)
        feed.write_text(text, encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        assert "Fresh: a new moon is named" in titles(app)
        assert app.main.articles.current.id == kept
        assert "1 new article ·" in str(app.main.query_one("#status-line").content)
        assert app.main.categories.unread("category:Science") == 3


async def test_a_failing_feed_is_marked_under_feeds_and_says_why(make_app, library, tmp_path, monkeypatch):
    from newsreader.ingest import pipeline
    from newsreader.ingest.subscribe import add_subscription

    monkeypatch.setattr(pipeline, "analyse", quote_stub.analyse)
    good, bad = tmp_path / "good.rss", tmp_path / "bad.rss"
    shutil.copy(DATA / "science.rss", good)
    # the feed that will break has stories of its own (world.rss's would be stored once, under
    # the feed the library already has)
    bad.write_text((DATA / "world.rss").read_text(encoding="utf-8")
                   .replace("<link>https://", "<link>https://desk.").replace("<guid>", "<guid>desk-"),
                   encoding="utf-8")
    with Store(library) as store:
        add_subscription(store, str(good), title="Good Lab")
        add_subscription(store, str(bad), title="Broken Desk")
    bad.write_bytes(b"<html><body><p>This page has moved.</p></body></html>")
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        status = str(app.main.query_one("#status-line").content)
        assert status.startswith("1 failed: Broken Desk · ")
        pane = app.main.categories
        prompts = {o.id: str(o.prompt) for o in pane._options if o.id}
        broken = next(k for k, f in pane.feeds.items() if f.title == "Broken Desk")
        fine = next(k for k, f in pane.feeds.items() if f.title == "Good Lab")
        assert prompts[broken].startswith("! Broken Desk") and prompts[fine].startswith("Good Lab")
        pane.focus()
        pane.highlighted = pane.get_option_index(broken)
        await settle(pilot)
        status = str(app.main.query_one("#status-line").content)
        assert status.startswith("Broken Desk failed once: ") and "not a feed" in status
        assert app.main.articles.view.key == broken
        before = pane.unread(broken)
        assert before == len(app.main.articles.rows) > 0  # a feed shows its unread count
        app.main.articles.focus()
        await pilot.press("m")  # read on: the feed's count follows
        assert pane.unread(broken) == before - 1
        await pilot.press("m")
        await pilot.press("q")  # a feed of the pane is where q quits, as a category is
        await settle(pilot)
    assert app.return_code == 0
    again = make_app()
    async with again.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert again.main.articles.view.key == broken  # remembered, like a category
        assert again.main.categories.highlighted_option.id == broken


async def test_narrow_terminal_stacks_list_then_article(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.main.has_class("-narrow")
        assert not app.main.reader.display or not app.main.reader.region.width
        assert app.main.articles.region.width > 40
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.main.reader.region.width >= 78 and app.main.articles.region.width == 0
        assert isinstance(app.focused, ReadingPane)
        assert app.main.query_one("#speaker-line").region.height == 1  # the speakers folded into a line
        await pilot.press("q")
        await pilot.pause()
        assert app.main.articles.region.width > 40 and isinstance(app.focused, ArticleList)


async def test_an_article_open_on_a_wide_screen_is_shown_alone_once_it_narrows(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.main.articles.region.width and app.main.reader.region.width
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.main.reader.region.width >= 78 and app.main.articles.region.width == 0
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert app.main.articles.region.width and app.main.reader.region.width
        await pilot.press("q")  # back to the list, then narrow again: the list, not the article
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.main.articles.region.width > 40 and not app.main.reader.region.width


async def test_narrow_q_q_in_quick_succession_goes_back_then_quits(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        app.main.action_back()  # two q's in one read from the terminal: no refresh between them
        app.main.action_back()
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_every_footer_key_fits_at_80_columns(make_app):
    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        await pilot.press("s")  # the speakers list adds its own key to the footer
        await pilot.pause()
        keys = list(app.main.query(FooterKey))
        palette = [k for k in keys if k.has_class("-command-palette")]
        shown = [k for k in keys if k not in palette]
        assert {k.description for k in shown} >= {"Next", "Search", "Back", "Refresh", "Help"} and len(shown) == 8
        for key in shown:
            assert key.region.width and key.region.right <= palette[0].region.x, key.description


async def test_the_footer_is_composed_again_only_when_its_keys_change(make_app):
    import gc

    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        keys = list(app.main.query(FooterKey))
        await pilot.press("j", "enter")  # the focus moves to the reading pane: the same keys
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert list(app.main.query(FooterKey)) == keys
        await pilot.press("slash", *"delta", "enter")  # search results offer O
        await settle(pilot)
        shown = [k.key for k in app.main.query(FooterKey)]
        assert "O" in shown and "O" not in [k.key for k in keys]
        for _ in range(3):  # O comes and goes: the footer is composed again each time
            await pilot.press("q")
            await settle(pilot)
            await pilot.press("slash", *"delta", "enter")
            await settle(pilot)
            assert "O" in [k.key for k in app.main.query(FooterKey)]
        del keys
        gc.collect()
        alive = [k for k in gc.get_objects() if isinstance(k, FooterKey)]
        assert len(alive) == len(list(app.main.query(FooterKey)))  # the keys composed before are let go


async def test_the_heap_built_at_start_is_frozen_while_the_app_runs_and_let_go_after(make_app):
    import gc

    from newsreader.tui.collector import WHILE_BUSY

    thresholds = gc.get_threshold()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.get_freeze_count() > 10_000  # out of the full collections' way
        assert gc.get_threshold()[2] == WHILE_BUSY
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds


def test_a_full_collection_that_is_due_waits_for_input_to_pause(monkeypatch):
    import gc

    from newsreader.tui import collector as mod

    clock = [100.0]
    monkeypatch.setattr(mod, "monotonic", lambda: clock[0])
    c = mod.Collector()
    gc.collect()
    assert not c.tick()  # nothing due
    for _ in range(mod.DUE):
        gc.collect(1)  # each counts towards the next full collection
    c.touch()
    clock[0] += mod.IDLE / 2
    assert not c.tick() and gc.get_count()[2] >= mod.DUE  # a key came just now
    clock[0] += mod.IDLE
    assert c.tick() and gc.get_count()[2] == 0


async def test_hostile_text_shows_as_written_and_never_acts(make_app, library):
    from newsreader.ingest.pipeline import import_file

    with Store(library) as store:  # a category from elsewhere (an OPML list's folder) is untrusted too
        assert import_file(store, DATA / "hostile.rss", category="[red]Tricks[/red]").error is None
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        title = "Price [USD] rises [/] again [@click=app.quit]click me[/]"
        assert titles(app)[0] == title
        assert title in str(app.main.articles.get_option_at_index(0).prompt)
        assert "[red]Tricks[/red]" in [v.label for v in app.main.categories.views]
        await pilot.press("enter")
        await settle(pilot)
        body = "\n\n".join(str(p.content) for p in app.main.reader.query("#article-body > .paragraph"))
        assert "[@click=app.quit]Quit now[/]" in body and "[bold]not bold[/bold]" in body
        assert "\x1b" not in body and "\u202e" not in body and "\x07" not in body
        await pilot.click("#article-body")
        await pilot.press("o")
        await settle(pilot)
        assert app.is_running and app.screen is app.main
        assert stored(library, article_id(library, title)).read


async def test_one_wrong_setting_keeps_the_keys_remap_and_is_named_in_the_status_line(library, tui_home):
    paths.config_path().write_text(
        "mark_read = 'sometimes'\nrefresh_minutes = 0\n[keys]\nfavourite = 'F'\nfavourit = 'x'\n",
        encoding="utf-8")
    app = NewsreaderApp(library, clock=lambda: NOW)
    assert app.config.keys == {"favourite": "F"} and app.config.mark_read == "open"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = app.main.query_one("#status-line")
        assert str(status.content) == "config.toml: 2 settings ignored: mark_read, [keys] favourit"
        assert status.has_class("-warning") and status.region.y == 22  # its own row, over no border
        assert not app._notifications
        first = app.main.articles.current
        await pilot.press("F")  # the remapped key works
        assert stored(library, first.id).favourite
        await pilot.press("f")  # and the old one no longer does
        assert stored(library, first.id).favourite


async def test_escape_sequences_and_odd_links_from_a_feed_never_reach_the_screen(tmp_path, tui_home):
    import re

    from newsreader.ingest.pipeline import import_file
    from tests.unit.test_hostile import FORBIDDEN, hostile_feed

    library = tui_home / "hostile.sqlite3"
    with Store(library) as store:
        assert import_file(store, hostile_feed(tmp_path)).error is None
    app = NewsreaderApp(library, clock=lambda: NOW, config=Config(refresh_minutes=0))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for i in range(4):  # the clipboard grab, the 10 KB title, the 5 MB body, the deep nesting
            app.main.articles.highlighted = i
            await pilot.press("enter")
            await settle(pilot)
            shown = "\n".join(str(w.render()) for w in app.main.reader.query("Static"))
            assert shown.strip() and not FORBIDDEN.search(shown)
        app.main.articles.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        links = [str(w.render()) for w in app.main.reader.query("Static")]
        assert not any(re.search(r"javascript:|file:/|data:text", text) for text in links)
        assert app.main.reader.article.links == ("https://ok.example/page",)
