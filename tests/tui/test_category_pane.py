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


async def test_a_changed_mapping_moves_the_stored_articles_in_the_background(make_app, library):
    from dataclasses import dataclass, field

    from newsreader.store import Filter

    @dataclass(frozen=True)
    class MappedConfig(Config):  # the fields config.py gains for [categories] and [feed_categories]
        categories: dict = field(default_factory=dict)
        feed_categories: dict = field(default_factory=dict)

    with Store(library) as store:
        world = [a.id for a in store.list_articles(Filter(category="World"))]
        store.set_read(world[:1])
        store.set_favourite(world[1:2])
    app = make_app(MappedConfig(refresh_minutes=0, categories={"world": "International"}))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await settle(pilot)  # the pass, then the counts it asks for
        labels = [v.label for v in app.main.categories.views]
        assert "International" in labels and "World" not in labels
        assert app.main.categories.unread("category:International") == len(world) - 1
        assert "Categories chosen again: 4 articles moved" in str(app.main.query_one("#status-line").content)
    with Store(library) as store:
        moved = {a.id: a for a in store.list_articles(Filter(category="International"))}
        assert set(moved) == set(world) and moved[world[0]].read and moved[world[1]].favourite
