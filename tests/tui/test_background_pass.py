"""Many articles waiting for their quotes: the app hands them to the background pass,
says so on the status line, and says when it has ended."""

from __future__ import annotations

import asyncio
import time

import pytest

from newsreader.analysis import QUOTES_VERSION
from newsreader.ingest import quotepass
from newsreader.store import Store
from tests.tui.conftest import settle

pytestmark = pytest.mark.anyio


async def test_the_app_hands_stale_quotes_to_the_pass_and_says_when_it_ends(make_app, library, monkeypatch):
    with Store(library) as store:
        store.conn.execute("UPDATE articles SET quotes_version = 0")
        waiting = store.count_stale_quotes(QUOTES_VERSION)
    assert waiting
    monkeypatch.setattr(quotepass, "POOL_FROM", 1)  # this small library counts as many
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)

        def status() -> str:
            return str(app.main.query_one("#status-line").content)

        seen = {status()}
        end = time.monotonic() + 60
        while status() != "Stories and quotes found in the background":
            assert time.monotonic() < end, f"the pass was not seen to end: {seen}"
            await asyncio.sleep(0.1)
            seen.add(status())
        assert "Stories and quotes are being found in the background" in seen
        assert not quotepass.pass_running(library)
    with Store(library) as store:
        assert store.count_stale_quotes(QUOTES_VERSION) == 0  # the pass found them, not the app's thread
