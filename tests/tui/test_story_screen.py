"""The story view: t on an article, its outlets and speakers, the shared quotations
marked, ] and [ keeping the place; the list's "+N outlets"; at 160x48 and 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader import paths
from newsreader.config import Config
from tests.tui import quote_stub
from tests.tui.conftest import NOW, settle

pytestmark = pytest.mark.anyio
DATA = Path(__file__).resolve().parents[1] / "data" / "stories"
CRANE = "Crane collapses onto container ship at Port Wenna"
FESTIVAL = "Port Wenna lantern festival draws record crowds"
WIDE, NARROW = (160, 48), (80, 24)


@pytest.fixture
def story_app(tui_home):
    """An app on a library of three outlets' feeds (one story among them)."""
    from newsreader.ingest import pipeline
    from newsreader.store import Store
    from newsreader.tui.app import NewsreaderApp

    db = paths.database_path()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "analyse", quote_stub.analyse)
        with Store(db) as store:
            assert not any(r.error for r in pipeline.import_paths(store, sorted(DATA.glob("*.json")), workers=1))
    return NewsreaderApp(db, clock=lambda: NOW, config=Config(refresh_minutes=0))


def row_text(app, title: str) -> str:
    olist = app.main.articles
    i = next(i for i, r in enumerate(olist.rows) if r.title == title)
    return olist.get_option_at_index(i).prompt.plain


async def open_story(pilot, title: str = CRANE):
    app = pilot.app
    await settle(pilot)
    olist = app.main.articles
    olist.highlighted = next(i for i, r in enumerate(olist.rows) if r.title == title)
    olist.focus()
    await pilot.press("t")
    await settle(pilot)
    return app.screen


async def test_the_list_marks_the_articles_other_outlets_tell_too(story_app):
    async with story_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert row_text(story_app, CRANE).endswith("· +2 outlets")
        assert "outlet" not in row_text(story_app, FESTIVAL)


async def test_t_shows_the_outlets_speakers_and_the_shared_quotations(story_app):
    from newsreader.tui.screens.story import OutletList, StoryScreen
    from newsreader.tui.widgets.story_pane import StoryPane

    async with story_app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        assert isinstance(screen, StoryScreen)
        outlets = screen.query_one(OutletList)
        assert outlets.option_count == 3
        assert [o.prompt.plain.split("\n")[0] for o in outlets.options] == [
            "The Wenna Post", "Coastline Radio", "The Daily Lantern"]
        speakers = str(screen.query_one("#story-speakers").content)
        assert "Edda Morrow\n  The Wenna Post, Coastline Radio, The Daily Lantern" in speakers
        assert "Kit Falloway\n  Coastline Radio" in speakers
        pane = screen.query_one(StoryPane)
        assert pane.article.title == CRANE
        body = pane.article.body
        marked = [body[s:e] for s, e in pane.matches.body]
        assert marked == ["We heard a crack like a rifle shot and then the whole arm came down on the deck,"]
        await pilot.press("q")
        await settle(pilot)
        assert screen is not story_app.screen and story_app.screen is story_app.main


async def test_switching_outlets_keeps_the_place(story_app):
    from newsreader.tui.widgets.story_pane import StoryPane

    async with story_app.run_test(size=NARROW) as pilot:
        screen = await open_story(pilot)
        pane = screen.query_one(StoryPane)
        body = pane.article.body
        crack = body.index("“We heard a crack")
        start = body.rfind("\n\n", 0, crack) + 2  # the quotation's paragraph
        pane.go_to(start)
        await settle(pilot)
        assert pane.place()[0] == start and pane.in_view(crack)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        radio = pane.article
        assert radio.title.startswith("Two hurt")
        # the same quotation in view in the other version (scrolled as far as it goes)
        assert pane.scroll_y > 0 and pane.in_view(radio.body.index("“We heard a crack"))
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.article.title == CRANE and pane.in_view(crack) and pane.scroll_y > 0


async def test_an_article_no_other_outlet_tells_says_so(story_app):
    async with story_app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot, FESTIVAL)
        assert screen is story_app.main
        assert "No other article tells this story" in str(screen.query_one("#status-line").content)


async def _story(pilot):
    await open_story(pilot)


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_story_view(snap_compare, story_app, size):
    assert snap_compare(story_app, terminal_size=size, run_before=_story)


async def test_a_speaker_chosen_on_the_story_screen_comes_forward_and_e_lists_every_quote(story_app):
    from newsreader.tui.screens.speaker import SpeakerScreen
    from newsreader.tui.widgets.speaker_list import SpeakerList
    from newsreader.tui.widgets.story_pane import StoryPane

    async with story_app.run_test(size=WIDE) as pilot:
        screen = await open_story(pilot)
        pane = screen.query_one(StoryPane)
        await pilot.press("s")
        await settle(pilot)
        box = screen.query_one(SpeakerList)
        assert story_app.focused is box
        first = box.current
        await pilot.press("enter")
        await settle(pilot)
        assert first and pane.forward == first  # their quotes stand out, as on the main screen
        await pilot.press("s", "enter")
        await settle(pilot)
        assert pane.forward is None  # chosen again: nobody's
        await pilot.press("s", "e")
        await settle(pilot)
        assert isinstance(story_app.screen, SpeakerScreen)
