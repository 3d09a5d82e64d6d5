"""The app open while other processes write the library, and two apps on one library.

A real ``newsreader refresh`` (loopback feeds) and ``newsreader import`` run as
child processes while the app marks articles read: neither may see "database is
locked", every mark lands, and the app shows the new articles when its view is
refreshed. Two apps on one home see each other's marks after a refresh.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsreader.store import Store
from tests.tui.conftest import settle, stored, titles

DATA = Path(__file__).resolve().parents[1] / "data"
sys.path.insert(0, str(DATA))
sys.path.insert(0, str(DATA / "http"))
import procs  # noqa: E402
from loopback import FeedServer, rss  # noqa: E402

pytestmark = pytest.mark.anyio


def _unread_total(db: Path) -> int:
    with Store(db) as s:
        return s.totals()["unread"]


async def test_app_open_while_refresh_and_import_run(make_app, library, tmp_path):
    files = procs.write_feeds(tmp_path / "feeds", 6, 100, words=80)
    with FeedServer() as srv:
        for i in range(20):
            srv.feed(f"/f{i}.xml", rss(f"Loop {i}", 30))
        with Store(library) as s, s.transaction():
            for i in range(20):  # the items link nowhere: no whole articles fetched
                s.update_feed(s.ensure_feed(srv.url(f"/f{i}.xml"), f"Loop {i}", subscribed=True), full_text=0)
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            before = len(titles(app))
            others = [procs.cli(library.parent, "refresh"), procs.cli(library.parent, "import", *map(str, files))]
            toggled = {}
            while any(p.poll() is None for p in others):  # read and unread meanwhile, briskly
                await pilot.press("j", "m")
                await pilot.pause(0.1)
                current = app.main.articles.current
                toggled[current.id] = current.read
            errors = [p.stderr.read().decode() for p in others]
            assert [p.returncode for p in others] == [0, 0], errors
            assert not any("locked" in e for e in errors), errors
            assert toggled and all(stored(library, i).read == read for i, read in toggled.items())
            await pilot.press("r")  # the app's own refresh reloads its view
            await settle(pilot)
            shown = titles(app)
            assert len(shown) > before and any(t.startswith("Story 0-") for t in shown)
            assert app.main.categories.unread("all") == _unread_total(library)


async def test_two_apps_see_each_others_marks_after_a_refresh(make_app, library):
    first, second = make_app(), make_app()
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        await settle(one)
        await settle(two)
        target = first.main.articles.current
        assert second.main.articles.current.id == target.id and not target.read
        await one.press("m")  # read in the first
        await one.press("f")
        await settle(one)
        assert not second.main.articles.current.read  # the second has not looked yet
        await two.press("r")
        await settle(two)
        row = second.main.articles.current
        assert row.id == target.id and row.read and row.favourite
        await two.press("m")  # and back: unread in the second
        await settle(two)
        await one.press("r")
        await settle(one)
        assert not first.main.articles.current.read and first.main.articles.current.favourite
