"""The newsreader app: opens the library, the config and the remembered state."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Callable

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState, get_current_worker

from newsreader import paths
from newsreader.config import Config, ConfigError, load_config
from newsreader.errors import NewsreaderError
from newsreader.models import ArticleSummary
from newsreader.store import Store
from newsreader.store.store import Filter
from newsreader.store.timefmt import now_utc
from newsreader.store.trouble import explain
from newsreader.tui import messages
from newsreader.tui.providers.categories import CategoryCommands
from newsreader.tui.providers.feeds import FeedCommands
from newsreader.tui.providers.speakers import SpeakerCommands
from newsreader.tui.screens.help import HelpDialog, help_rows
from newsreader.tui.screens.main import MainScreen
from newsreader.tui.screens.welcome import WelcomeScreen
from newsreader.tui.state import load_state, save_state
from newsreader.tui.views import ALL, View, view_from_key
from newsreader.tui.widgets.article_list import ArticleList
from newsreader.tui.widgets.reading_pane import ReadingPane
from newsreader.tui.widgets.speaker_list import SpeakerList


class _LibraryFailed(Exception):
    """Shown as one line when the app ends (Textual prints ``__rich__`` errors so)."""

    def __rich__(self):
        from rich.text import Text

        return Text(f"newsreader: error: {self}")


STYLE_FILES = ("app.tcss", "main.tcss", "dialogs.tcss", "speaker.tcss", "welcome.tcss")


class NewsreaderApp(App[None]):
    """The reader. ``clock`` gives "now" for ages in the list (tests freeze it)."""

    TITLE = "newsreader"
    CSS_PATH = [paths.styles_dir() / name for name in STYLE_FILES]
    COMMANDS = App.COMMANDS | {CategoryCommands, FeedCommands, SpeakerCommands}
    BINDINGS = [
        Binding("r", "refresh_feeds", "Refresh", id="refresh", tooltip="Read every subscribed feed again"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Show every key"),
        Binding("ctrl+p", "command_palette", "Palette", id="command-palette", show=False, priority=True,
                tooltip="Go to a category, a feed or a speaker"),
    ]

    def __init__(self, db_path: Path, *, clock: Callable[[], datetime] | None = None,
                 config: Config | None = None) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.clock = clock or now_utc
        self.config_problem: str | None = None
        if config is None:
            try:
                config = load_config()
            except ConfigError as exc:
                self.config_problem = str(exc)
                config = Config()
        self.config = config
        self.state = load_state()
        self.store = Store(self.db_path)  # this (the event loop's) thread's connection
        self.start_view: View = view_from_key(self.state.view, self._feed_title) or ALL

    # --- start and stop ------------------------------------------------------

    def on_mount(self) -> None:
        if self.state.theme and self.state.theme in self.available_themes:
            self.theme = self.state.theme
        self.theme_changed_signal.subscribe(self, lambda theme: self.remember(theme=theme.name))
        if self.config.keys:
            self.set_keymap(self.config.keys)
        self.push_screen(MainScreen())
        if not self.store.list_articles(limit=1):
            self.push_screen(WelcomeScreen())
        if self.config_problem:
            self.notify(self.config_problem, title="config.toml ignored", severity="warning",
                        timeout=10, markup=False)
        if self.config.refresh_minutes:
            self.set_interval(self.config.refresh_minutes * 60, self._auto_refresh)
        self._reanalyse()

    @work(thread=True, exclusive=True, group="reanalyse", exit_on_error=False)
    def _reanalyse(self) -> None:
        """After an upgrade of the quote finder, find every article's quotes again,
        in the background and a batch at a time (reading goes on meanwhile)."""
        from newsreader.ingest.pipeline import reanalyse

        worker = get_current_worker()

        def progress(done: int, total: int, _name: str) -> None:
            self.call_from_thread(self._status, f"Finding quotes again after an upgrade: {done}/{total}")

        with Store(self.db_path) as store:
            done = reanalyse(store, progress=progress, should_stop=lambda: worker.is_cancelled, batch=100)
        if done:
            self.call_from_thread(self._status, f"Quotes found again in {done} article{'' if done == 1 else 's'}")

    def _feed_title(self, feed_id: int) -> str | None:
        try:
            return self.store.feed(feed_id).title
        except NewsreaderError:  # gone since
            return None

    def on_unmount(self) -> None:
        self.store.close()

    def remember(self, **changes) -> None:
        """Save part of the UI state (theme, view) at once."""
        self.state = replace(self.state, **changes)
        save_state(self.state)

    def fetch_page(self, flt: Filter, after: ArticleSummary | None, limit: int) -> list[ArticleSummary]:
        """One page of a list: an indexed query with a LIMIT, fast enough for the event loop."""
        return self.store.list_articles(flt, limit=limit, after=after)

    @property
    def main(self) -> MainScreen:
        """The reader screen (under any dialog)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    # --- requests from anywhere ----------------------------------------------

    def on_show_view(self, message: messages.ShowView) -> None:
        self._to_main()
        self.main.post_message(messages.ShowView(message.view))

    def on_show_speaker(self, message: messages.ShowSpeaker) -> None:
        self._to_main()
        self.main.post_message(messages.ShowSpeaker(message.name, message.key))

    def _to_main(self) -> None:
        while self.screen is not self.main:
            self.pop_screen()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed says so instead of failing silently."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            why = (explain(error, self.db_path) if isinstance(error, sqlite3.Error)
                   else f"{type(error).__name__}: {error}")
            self.notify(f"{event.worker.name or 'A task'} failed: {why}",
                        severity="error", timeout=10, markup=False)
            self._status("")

    def _handle_exception(self, error: Exception) -> None:
        # The library failing under the app (damaged, disk full) ends it with the
        # command line's one line, naming the file and doctor, not a traceback.
        if isinstance(error, sqlite3.Error):
            error = _LibraryFailed(explain(error, self.db_path))
        super()._handle_exception(error)

    # --- actions -------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key as bound now."""
        # The welcome has keys of its own; the reader's would not work there.
        classes = ((WelcomeScreen, NewsreaderApp) if isinstance(self.screen, WelcomeScreen)
                   else (ArticleList, ReadingPane, MainScreen, SpeakerList, NewsreaderApp))
        bindings = [b for cls in classes for b in cls.BINDINGS if isinstance(b, Binding)]
        self.push_screen(HelpDialog(help_rows(bindings, self.config.keys, self.get_key_display)))

    def _auto_refresh(self) -> None:
        if not any(w.group == "refresh" and w.is_running for w in self.workers):
            self.action_refresh_feeds()

    def action_refresh_feeds(self) -> None:
        """Read every subscribed feed again in a worker, with progress in the status line."""
        if any(w.group == "refresh" and w.is_running for w in self.workers):
            self._status("Already refreshing…")
            return
        self._status("Refreshing…")
        self._refresh()

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def _refresh(self) -> None:
        from newsreader.ingest.refresh import refresh_all

        def progress(done: int, total: int, title: str) -> None:
            if title:
                self.call_from_thread(self._status, f"Refreshing {done}/{total}: {title}")

        def pages(done: int, total: int, _url: str) -> None:
            self.call_from_thread(self._status, f"Fetching whole articles {done}/{total}")

        with Store(self.db_path) as store:
            if not store.feeds():
                if store.list_articles(limit=1):  # imported from the command line meanwhile
                    self.call_from_thread(self._refreshed, "No subscriptions; the library is reloaded")
                else:
                    self.call_from_thread(self._status, "No subscriptions: newsreader add URL")
                return
            worker = get_current_worker()
            report = refresh_all(store, progress=progress, should_stop=lambda: worker.is_cancelled,
                                 pages_progress=pages)
        self.call_from_thread(self._refreshed, report.short_summary())

    def _refreshed(self, summary: str) -> None:
        if isinstance(self.screen, WelcomeScreen) and self.store.list_articles(limit=1):
            self.pop_screen()
        self.main.after_refresh(summary)
        self._status(summary)

    def _status(self, text: str) -> None:
        if isinstance(self.screen, WelcomeScreen):
            self.screen.set_status(text)
        else:
            self.main.set_status(text)
