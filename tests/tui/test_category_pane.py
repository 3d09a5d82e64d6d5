"""The categories pane on a library with many categories and long names: every unread
count shows at once, at the right end of its category's own line."""

from __future__ import annotations

import pytest

from newsreader import paths
from newsreader.config import Config
from newsreader.ingest.categories import NO_RULES
from newsreader.ingest.recategorise import STAMP_KEY
from newsreader.store import NewArticle, Store
from newsreader.tui.app import NewsreaderApp
from newsreader.tui.widgets.category_list import CountedLabel
from tests.tui.conftest import NOW, settle

pytestmark = pytest.mark.anyio


@pytest.fixture
def crowded_library(tui_home):
    """50 categories with long names (more than the pane has lines), the nth with n articles."""
    db = paths.database_path()
    with Store(db) as store:
        fid = store.ensure_feed("https://f.example/rss", "F")
        store.upsert_articles(fid, "https://f.example/rss", [
            NewArticle(guid=f"{i}-{j}", title=f"Story {i}-{j}", body="b", content_hash=f"{i}-{j}",
                       category=f"A category with a long name, number {i:02d}", published="2026-11-01T00:00:00Z")
            for i in range(1, 51) for j in range(i)])
        store.set_meta(STAMP_KEY, NO_RULES.stamp())  # chosen under today's rules: no pass moves them
    return db


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_counts_show_at_once_on_each_categorys_own_line(crowded_library, size):
    app = NewsreaderApp(crowded_library, clock=lambda: NOW, config=Config(refresh_minutes=0))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)  # no article opened, no key pressed
        pane = app.main.categories
        region = pane.scrollable_content_region
        assert pane.max_scroll_y > 0  # more categories than lines: the scroll bar takes its columns
        assert pane.virtual_size.height == len(pane.options) + 1  # one line each, and the rule under Favourites
        lines = [pane.render_line(y).text for y in range(region.height)]
        assert lines[0].split() == ["All", "1275"] and lines[1].split() == ["Unread", "1275"]
        shown = [line for line in lines if "category" in line]
        assert len(shown) == region.height - 4
        for n, line in enumerate(shown, start=1):
            assert len(line) == region.width
            name, count = line.strip().rsplit(" ", 1)
            assert count == str(n), line
            assert name.endswith("…") or name.endswith(f"{n:02d}")
        await pilot.resize_terminal(size[0] - 20, size[1])  # narrower: still one line, count at the end
        await settle(pilot)
        line = pane.render_line(4).text
        assert line.strip().endswith(" 1") and "…" in line


def test_a_counted_label_fits_any_width():
    from textual.content import Content

    label = CountedLabel(Content("Entertainment"), Content("1234"))
    assert label.line(30).plain == "Entertainment" + " " * 13 + "1234"
    assert label.line(12).plain == "Entert… 1234"
    assert label.line(5).cell_length <= 5  # too narrow for both: cut short, never wrapped
    assert str(label) == "Entertainment 1234"
