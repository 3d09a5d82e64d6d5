"""The reading pane: opening, quotes in colour, speakers, quote jumps, paging, links."""

from __future__ import annotations

import pytest

from newsreader.config import Config
from newsreader.tui.screens.speaker import SpeakerScreen
from newsreader.tui.widgets.quote_list import QuoteList
from newsreader.tui.widgets.reading_pane import ReadingPane
from newsreader.tui.widgets.speaker_list import SpeakerList
from tests.tui.conftest import article_id, settle, stored

pytestmark = pytest.mark.anyio
SUMMIT = "Ministers meet at the river summit"
INTERVIEW = "Interview: the mapmaker who redrew the delta"


async def open_title(app, pilot, title: str) -> None:
    app.main.open_article(article_id(app.db_path, title))
    await settle(pilot)


def paragraphs(app):
    return [p.content for p in app.main.reader.query("#article-body > .paragraph")]


async def test_enter_opens_marks_read_and_lists_speakers(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        art = app.main.article
        assert art.title == SUMMIT and art.read
        assert stored(library, art.id).read  # saved at once, before anything else happens
        assert app.main.articles.current.read
        assert app.main.query_one(SpeakerList).speakers == [("Petra Lind", 3), ("Omar Vale", 1)]
        assert str(app.main.query_one("#article-meta").content).startswith("Ada Quill · Meridian Wire · 2026-11-04")
        assert isinstance(app.focused, ReadingPane)


async def test_quotes_are_styled_in_their_speakers_colours(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, SUMMIT)
        styles = app.main.reader.quote_styles()
        para = paragraphs(app)[1]
        start = para.plain.index("We came")
        lind = [s for s in para.spans if s.start == start]
        assert lind and lind[0].style == styles.speaker(0)
        vale = paragraphs(app)[2]
        assert any(s.style == styles.speaker(1) for s in vale.spans)
        assert styles.speaker(0) != styles.speaker(1)
        assert not any(s.start < para.plain.index("“") for s in para.spans)  # plain body stays plain


async def test_a_new_theme_redraws_the_open_article_in_its_colours(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, SUMMIT)
        reader = app.main.reader
        before = reader.quote_styles().speaker(0)
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(pilot)
        after = reader.quote_styles().speaker(0)
        assert after != before
        para = paragraphs(app)[1]
        assert [s.style for s in para.spans if s.start == para.plain.index("We came")] == [after]


async def test_the_widgets_of_articles_read_before_are_let_go(make_app):
    import gc

    from textual._styles_cache import StylesCache
    from textual.widget import Widget

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for _ in range(3):
            for row in range(len(app.main.articles.rows)):
                app.main.open_article(app.main.articles.rows[row].id)
                await settle(pilot)
        gc.collect()
        live = {id(o._styles_cache) for o in gc.get_objects() if isinstance(o, Widget)}
        dead = [o for o in gc.get_objects() if isinstance(o, StylesCache) and id(o) not in live]
        # Textual 8.2.8 kept the last 1,024 in a cache keyed on them (textual_fixes.py)
        assert len(dead) < 20


async def test_interview_turns_show_the_speaker(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, INTERVIEW)
        styles = app.main.reader.quote_styles()
        turn = paragraphs(app)[2]
        assert turn.plain.startswith("Rosa Field: Because the river does.")
        name = [s for s in turn.spans if s.start == 0]
        assert name and name[0].style == styles.speaker(1) + styles.name


async def test_brackets_jump_between_quotes(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, SUMMIT)
        reader = app.main.reader
        starts = [q.start for q in sorted(app.main.article.quotes, key=lambda q: q.start)]
        await pilot.press("right_square_bracket")
        assert reader.current.start == starts[0]
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert reader.current.start == starts[2]
        await pilot.press("left_square_bracket")
        assert reader.current.start == starts[1]
        current = app.main.reader.quote_styles().current
        assert any(s.style == current for p in paragraphs(app) for s in p.spans)


async def test_s_then_enter_brings_a_speaker_forward(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, SUMMIT)
        await pilot.press("s")
        assert isinstance(app.focused, SpeakerList)
        await pilot.press("j", "enter")
        reader = app.main.reader
        assert reader.forward == "Omar Vale" and reader.current.speaker == "Omar Vale"
        styles = reader.quote_styles()
        spans = [s.style for p in paragraphs(app) for s in p.spans]
        assert styles.forward in spans and styles.faded in spans
        await pilot.press("right_square_bracket")  # only Omar Vale's quotes now: there is one
        assert reader.current.speaker == "Omar Vale"
        await pilot.press("escape")
        assert reader.forward is None
        await pilot.press("q")
        assert isinstance(app.focused, ReadingPane)


async def test_g_and_G_in_the_speakers_list_move_through_the_speakers(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, SUMMIT)
        await pilot.press("s")
        speakers = app.focused
        scroll = app.main.reader.scroll_y
        await pilot.press("G")
        assert speakers.highlighted == speakers.option_count - 1 > 0
        await pilot.press("g")
        assert speakers.highlighted == 0 and app.main.reader.scroll_y == scroll


async def test_every_quote_by_a_speaker_and_back_to_the_article(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, INTERVIEW)
        await pilot.press("s", "j", "e")  # Rosa Field
        await settle(pilot)
        assert isinstance(app.screen, SpeakerScreen)
        quotes = app.screen.query_one(QuoteList)
        assert quotes.option_count == 2
        assert "They listen to the flood." in str(quotes.get_option_at_index(1).prompt)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.screen is app.main
        assert app.main.reader.current.start == app.main.article.body.index("They listen")


async def test_space_pages_then_opens_the_next_unread_and_b_pages_back(make_app):
    app = make_app()
    async with app.run_test(size=(60, 14)) as pilot:  # small, so the article needs paging
        await settle(pilot)
        await open_title(app, pilot, INTERVIEW)
        reader = app.main.reader
        assert reader.max_scroll_y > 0
        await pilot.press("space")
        assert reader.scroll_y > 0
        await pilot.press("b")
        assert reader.scroll_y == 0
        while not reader.at_end:
            await pilot.press("space")
        await pilot.press("space")
        await settle(pilot)
        assert app.main.article.title != INTERVIEW


async def test_o_opens_web_links_only(make_app, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url))
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, SUMMIT)
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://meridian.example/world/river-summit"]
        from dataclasses import replace

        app.main.article = replace(app.main.article, link="file:///etc/passwd")
        await pilot.press("o")
        await settle(pilot)
        assert len(opened) == 1
        assert "only http and https" in str(app.main.query_one("#status-line").content)


async def test_o_without_a_browser_says_so(make_app, monkeypatch):
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: False)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, SUMMIT)
        await pilot.press("o")
        await settle(pilot)
        assert "No web browser found" in str(app.main.query_one("#status-line").content)


@pytest.mark.parametrize("setting, read_after_open", [("manual", False), ("after:1", True)])
async def test_mark_read_setting(make_app, library, setting, read_after_open):
    app = make_app(Config(mark_read=setting, refresh_minutes=0))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, SUMMIT)
        assert not stored(library, app.main.article.id).read
        await pilot.pause(1.3)
        assert stored(library, app.main.article.id).read is read_after_open


async def test_status_answers_do_not_outlive_the_article_they_were_about(make_app, monkeypatch):
    from newsreader.tui.screens import main

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_title(app, pilot, SUMMIT)
        line = app.main.query_one("#status-line")
        await pilot.press("s", "j", "enter")
        assert "Omar Vale's quotes brought forward" in str(line.content) and line.display
        await pilot.press("n")  # another article: nobody is forward any more, and the line says so
        await settle(pilot)
        assert app.main.article.title != SUMMIT and app.main.reader.forward is None
        assert str(line.content) == ""
        monkeypatch.setattr(main, "NOTE_SECONDS", 1.0)
        app.main.article = None
        await pilot.press("o")
        assert "Open an article first" in str(line.content)
        await pilot.pause(1.3)
        assert str(line.content) == "" and line.display  # the row stays, so the panes do not move
