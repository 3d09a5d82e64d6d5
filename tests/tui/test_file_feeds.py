"""Feed files imported with --subscribe are subscriptions in the app: listed under Feeds, read by r."""

from __future__ import annotations

import pytest

from newsreader.ingest import pipeline
from newsreader.store import Store
from tests.tui import quote_stub
from tests.tui.conftest import DATA, settle, titles

pytestmark = pytest.mark.anyio


async def test_a_subscribed_feed_file_is_listed_and_refreshed_by_r(make_app, library, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "analyse", quote_stub.analyse)
    feed, loose = tmp_path / "lab.rss", tmp_path / "loose.rss"
    feed.write_text((DATA / "science.rss").read_text(encoding="utf-8")
                    .replace("<link>https://", "<link>https://files.").replace("<guid>", "<guid>files-"),
                    encoding="utf-8")
    loose.write_text(feed.read_text(encoding="utf-8").replace("files-", "loose-")
                     .replace("https://files.", "https://loose."), encoding="utf-8")
    with Store(library) as store:
        assert pipeline.import_file(store, feed.as_uri(), subscribe=True).subscription
        assert not pipeline.import_file(store, loose).subscription
        title = store.feed_by_url(str(feed)).title
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        listed = {f.url for f in app.main.categories.feeds.values()}
        assert str(feed) in listed and str(loose) not in listed
        prompts = [str(o.prompt) for o in app.main.categories._options if o.id]
        assert any(p.startswith(title) for p in prompts)
        feed.write_text(feed.read_text(encoding="utf-8").replace("<item>", (
            "<item><title>Fresh from the file</title><guid>files-new</guid>"
            "<pubDate>Thu, 05 Nov 2026 11:00:00 GMT</pubDate>"
            "<description>A new story in the file.</description></item><item>"), 1), encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        assert "Fresh from the file" in titles(app)
        assert "1 new article ·" in str(app.main.query_one("#status-line").content)
