"""The speakers folded into one line on a short pane (or when they are many), opened on s, Enter or a click."""

from __future__ import annotations

import pytest
from textual.style import Style

from newsreader.tui.article_text import QuoteStyles
from newsreader.tui.widgets.reading_pane import ReadingPane
from newsreader.tui.widgets.speaker_list import SpeakerLine, SpeakerList, fold_speakers
from tests.tui.conftest import article_id, settle

pytestmark = pytest.mark.anyio
SUMMIT = "Ministers meet at the river summit"  # Petra Lind 3 quotes, Omar Vale 1
PLAIN = QuoteStyles(speakers=(Style(),), unattributed=Style(), name=Style(), forward=Style(),
                    faded=Style(), current=Style())


def body_top(app) -> int:
    """Rows between the pane's top and the article's first paragraph."""
    reader = app.main.reader
    return app.main.query_one("#article-body > .paragraph").region.y - reader.region.y


async def open_summit(app, pilot, library) -> None:
    app.main.open_article(article_id(library, SUMMIT))
    await settle(pilot)


async def test_at_80x24_the_speakers_are_one_line_and_s_opens_the_list(make_app, library):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_summit(app, pilot, library)
        line, box = app.main.query_one(SpeakerLine), app.main.query_one(SpeakerList)
        assert line.display and not box.display
        shown = line.render().plain
        assert shown == "● Petra Lind 3 · ● Omar Vale 1  (s: list)"
        folded_top = body_top(app)
        assert folded_top <= 10  # border, title, meta (two rows), link, the line, margins
        await pilot.press("s")
        assert box.display and not line.display and isinstance(app.focused, SpeakerList)
        assert body_top(app) >= folded_top + 3  # the list, open, takes room the text had
        await pilot.press("j", "enter")
        assert app.main.reader.forward == "Omar Vale"
        await pilot.press("q")  # back to the article: folded again
        assert isinstance(app.focused, ReadingPane) and line.display and not box.display
        assert body_top(app) == folded_top


async def test_enter_or_a_click_on_the_line_opens_the_list(make_app, library):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_summit(app, pilot, library)
        line, box = app.main.query_one(SpeakerLine), app.main.query_one(SpeakerList)
        await pilot.press("enter")
        assert box.display and isinstance(app.focused, SpeakerList)
        await pilot.press("q")
        assert line.display
        await pilot.click(SpeakerLine)
        assert box.display and isinstance(app.focused, SpeakerList)


async def test_a_tall_pane_keeps_the_box_for_a_few_speakers(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_summit(app, pilot, library)
        assert app.main.query_one(SpeakerList).display and not app.main.query_one(SpeakerLine).display
        assert not app.main.reader.check_action("open_speakers", ())  # Enter is for the list itself
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.main.query_one(SpeakerLine).display and not app.main.query_one(SpeakerList).display


def test_the_line_fits_its_width_and_counts_the_rest():
    speakers = [(f"Speaker Number {i}", 10 - i) for i in range(9)]
    line = fold_speakers(speakers, PLAIN, None, 76, "s").plain
    assert line == "● Speaker Number 0 10 · ● Speaker Number 1 9 · +7 more  (s: list)"
    assert fold_speakers(speakers, PLAIN, None, 87, "s").plain.count("●") == 2
    assert len(fold_speakers(speakers, PLAIN, None, 88, "s").plain) == 88  # one more fits exactly
    every = fold_speakers(speakers[:2], PLAIN, "Speaker Number 1", 120, "ctrl+s").plain
    assert every == "● Speaker Number 0 10 · ▶ Speaker Number 1 9  (ctrl+s: list)"
    narrow = fold_speakers(speakers, PLAIN, None, 30, "s").plain
    assert len(narrow) <= 30 and narrow.startswith("● Speaker Number 0")
