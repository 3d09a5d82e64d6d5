"""The article out of the app: saved to a file, piped to a command, bookmarked; real files and processes."""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass

import pytest
from textual.widgets import Input

from newsreader.config import Config
from newsreader.share import plain_text
from newsreader.tui.screens.confirm import ConfirmDialog
from newsreader.tui.screens.prompt import PromptDialog
from tests.tui.conftest import article_id, settle, stored

pytestmark = pytest.mark.anyio
INTERVIEW = "Interview: the mapmaker who redrew the delta"
PRICE = "Price [USD] rises [/] again [@click=app.quit]click me[/]"


@dataclass(frozen=True)
class Settings(Config):
    """The two settings config.toml has for this (getattr'd by the app; declared here so
    these tests stand whether or not this checkout's Config has them yet)."""

    bookmark_command: str | None = None
    pipe_command: str | None = None


def status(app) -> str:
    return str(app.main.query_one("#status-line").content)


async def open_interview(app, pilot) -> int:
    await settle(pilot)
    app.main.open_article(article_id(app.db_path, INTERVIEW))
    await settle(pilot)
    return app.main.article.id


async def answer(pilot, text: str) -> None:
    """Put ``text`` in the open prompt and press Enter."""
    assert isinstance(pilot.app.screen, PromptDialog)
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await settle(pilot)


async def test_w_saves_the_article_as_text_and_asks_before_replacing(make_app, tmp_path):
    app = make_app()
    target = tmp_path / "saved.txt"
    async with app.run_test(size=(160, 48)) as pilot:
        art_id = await open_interview(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "~/interview-the-mapmaker-who-redrew-the-delta.txt"
        await answer(pilot, str(target))
        text = target.read_text(encoding="utf-8")
        art = stored(app.db_path, art_id)
        assert text == plain_text(art)
        assert text.startswith(INTERVIEW + "\n") and "Ada Quill · Meridian Wire" in text
        assert "2026-11-02 12:00 UTC" in text and "https://meridian.example/world/mapmaker" in text
        assert "Rosa Field: They listen to the flood." in text
        assert status(app) == f"Saved to {target}"
        target.write_text("mine", encoding="utf-8")
        await pilot.press("w")
        await answer(pilot, str(target))
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "mine" and "Not saved" in status(app)
        await pilot.press("w")
        await answer(pilot, str(tmp_path))  # a directory: the file goes in it under the article's name
        assert (tmp_path / "interview-the-mapmaker-who-redrew-the-delta.txt").read_text(encoding="utf-8") == text
        await pilot.press("w")
        await answer(pilot, str(target))
        await pilot.press("y")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == text
        await pilot.press("w")
        await answer(pilot, str(tmp_path / "no-such-dir" / "x.txt"))
        assert status(app).startswith("Could not save to") and "No such file" in status(app)


async def test_pipe_gives_the_article_to_a_command_and_says_how_it_went(make_app, tmp_path):
    app = make_app(Settings(refresh_minutes=0, pipe_command="wc -c"))
    out = tmp_path / "piped.txt"
    async with app.run_test(size=(160, 48)) as pilot:
        art_id = await open_interview(app, pilot)
        expected = plain_text(stored(app.db_path, art_id))
        await pilot.press("vertical_line")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "wc -c"  # pipe_command is offered
        await answer(pilot, "wc -c")
        assert status(app) == f"wc -c: done (exit 0): {len(expected.encode('utf-8'))}"
        await pilot.press("vertical_line")
        await answer(pilot, f"cat > '{out}'")
        assert out.read_text(encoding="utf-8") == expected
        await pilot.press("vertical_line")
        await answer(pilot, "echo first problem >&2; echo second >&2; exit 3")
        assert status(app).endswith("failed (exit 3): first problem")
        await pilot.press("vertical_line")
        await answer(pilot, "no-such-command-here --flag")
        assert status(app) == "no-such-command-here --flag: command not found: no-such-command-here"
        await pilot.press("vertical_line")
        await answer(pilot, "")  # nothing typed: nothing run
        assert status(app) == "no-such-command-here --flag: command not found: no-such-command-here"


async def test_a_slow_command_leaves_the_app_free_and_stops_with_it(make_app, tmp_path):
    app = make_app()
    pid_file = tmp_path / "pid"
    command = f"echo $$ > '{pid_file}'; exec sleep 30"
    async with app.run_test(size=(160, 48)) as pilot:
        await open_interview(app, pilot)
        await pilot.press("vertical_line")
        app.screen.query_one(Input).value = command
        await pilot.press("enter")
        await pilot.pause()
        assert status(app) == f"Running {command}…"
        await pilot.press("q")  # the keys still work meanwhile
        await pilot.pause()
        assert app.focused is app.main.articles
        for _ in range(50):
            if pid_file.exists() and pid_file.read_text().strip():
                break
            await pilot.pause(0.1)
        pid = int(pid_file.read_text())
        os.kill(pid, 0)  # running
    # quitting the app cancels the worker, which stops the command (and reaps it) within a poll
    for _ in range(30):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


async def test_b_runs_the_bookmark_command_with_link_and_title_as_arguments(make_app, tmp_path):
    script = tmp_path / "bookmark"
    record = tmp_path / "argv.txt"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '{record}'\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    app = make_app(Settings(refresh_minutes=0, bookmark_command=f"{script} --tag news"))
    async with app.run_test(size=(160, 48)) as pilot:
        await open_interview(app, pilot)
        await pilot.press("B")
        await settle(pilot)
        assert record.read_text(encoding="utf-8").splitlines() == [
            "4", "--tag", "news", "https://meridian.example/world/mapmaker", INTERVIEW]
        assert status(app) == f"Bookmarked: {INTERVIEW}"


async def test_a_shell_bookmark_command_gets_them_as_positional_parameters(make_app, tmp_path):
    record = tmp_path / "bookmarks.txt"
    app = make_app(Settings(refresh_minutes=0, bookmark_command=f"echo \"$2 <$1>\" >> '{record}'"))
    async with app.run_test(size=(160, 48)) as pilot:
        await open_interview(app, pilot)
        await pilot.press("B")
        await settle(pilot)
        # from the list, the highlighted article is the one bookmarked
        await pilot.press("q")
        app.main.articles.highlight_id(article_id(app.db_path, "Comet dust found in glacier ice"))
        await pilot.press("B")
        await settle(pilot)
        app.main.articles.highlight_id(article_id(app.db_path, PRICE))  # its javascript: link was dropped
        await pilot.press("B")
        await settle(pilot)
        assert status(app) == "This article has no link to bookmark"
    lines = record.read_text(encoding="utf-8").splitlines()
    assert lines == [f"{INTERVIEW} <https://meridian.example/world/mapmaker>",
                     "Comet dust found in glacier ice <https://labnotes.example/comet-dust>"]


async def test_bookmark_without_the_setting_says_how_to_set_it(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_interview(app, pilot)
        await pilot.press("B")
        await settle(pilot)
        assert "No bookmark command" in status(app) and "bookmark_command" in status(app)
        assert "config.toml" in status(app)


async def test_failing_bookmark_command_is_one_clear_line(make_app, tmp_path):
    app = make_app(Settings(refresh_minutes=0, bookmark_command=str(tmp_path / "missing-script")))
    async with app.run_test(size=(160, 48)) as pilot:
        await open_interview(app, pilot)
        await pilot.press("B")
        await settle(pilot)
        assert status(app) == f"Bookmark command: command not found: {tmp_path / 'missing-script'}"
