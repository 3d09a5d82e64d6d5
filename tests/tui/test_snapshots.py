"""Pictures of the main screens at 160x48 and 80x24 (clock frozen, see conftest.NOW).

Update after a deliberate change with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

import pytest

from newsreader import paths
from newsreader.config import Config
from tests.tui.conftest import NOW, article_id, settle

WIDE, NARROW = (160, 48), (80, 24)


async def _ready(pilot) -> None:
    await settle(pilot)


async def _open_summit(pilot) -> None:
    await settle(pilot)
    app = pilot.app
    app.main.open_article(article_id(app.db_path, "Ministers meet at the river summit"))
    await settle(pilot)
    await pilot.press("right_square_bracket")
    await pilot.pause()


async def _open_interview_with_speaker(pilot) -> None:
    await settle(pilot)
    app = pilot.app
    app.main.open_article(article_id(app.db_path, "Interview: the mapmaker who redrew the delta"))
    await settle(pilot)
    await pilot.press("s", "j", "enter")
    await pilot.pause()


async def _help(pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_main_screen(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_ready)


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_article_open(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_open_summit)


def test_speaker_forward(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=_open_interview_with_speaker)


def test_help(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=_help)


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_welcome(snap_compare, tui_home, size):
    from newsreader.tui.app import NewsreaderApp

    app = NewsreaderApp(paths.database_path(), clock=lambda: NOW, config=Config(refresh_minutes=0))
    assert snap_compare(app, terminal_size=size, run_before=_ready)
