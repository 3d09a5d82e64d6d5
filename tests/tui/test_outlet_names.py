"""A library whose feeds are named again when the app opens: the list shows the new names
at once, even when no article changes category."""

from __future__ import annotations

import pytest

from newsreader import paths
from newsreader.config import Config
from newsreader.store import NewArticle, Store
from newsreader.tui.app import NewsreaderApp
from tests.tui.conftest import NOW, settle

pytestmark = pytest.mark.anyio

TAGLINE = "Quayside is a web magazine with obsessive daily coverage of everything on the harbour"


async def test_feeds_named_again_on_opening_show_their_new_names(tui_home):
    with Store(paths.database_path()) as store:  # as an older newsreader stored it: the title raw
        fid = store.ensure_feed("https://quayside.example/rss", TAGLINE, site="https://quayside.example/")
        store.upsert_articles(fid, "https://quayside.example/rss", [NewArticle(
            guid="g", title="Pier reopens", body="Body.", category="Uncategorised", content_hash="h",
            published="2026-11-04T00:00:00Z")])
    app = NewsreaderApp(paths.database_path(), clock=lambda: NOW, config=Config(refresh_minutes=0))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        row = str(app.main.articles.get_option_at_index(0).prompt)
        assert "Quayside ·" in row and "magazine" not in row
    with Store(paths.database_path()) as store:
        assert store.list_articles()[0].category == "Uncategorised"  # nothing moved: the names alone
