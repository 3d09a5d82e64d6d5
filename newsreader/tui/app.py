"""The newsreader app: opens the library, the config and the remembered state."""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from contextlib import contextmanager
from typing import Callable, Iterator

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.widgets import Static
from textual.dom import DOMNode
from textual.worker import Worker, WorkerState, get_current_worker

from newsreader import paths
from newsreader.config import Config, Problem, load_config
from newsreader.errors import NewsreaderError
from newsreader.models import ArticleSummary
from newsreader.store import Store
from newsreader.store.store import Filter
from newsreader.store.timefmt import now_utc
from newsreader.store.trouble import explain
from newsreader.tui import messages, screens, textual_fixes, widgets
from newsreader.tui.collector import IDLE, Collector
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

RECATEGORISING = "Choosing categories again…"
PASS_RUNNING = "Stories and quotes are being found in the background"
textual_fixes.apply()

class _LibraryFailed(Exception):
    """Shown as one line when the app ends (Textual prints ``__rich__`` errors so)."""

    def __rich__(self):
        from rich.text import Text

        return Text(f"newsreader: error: {self}")


STYLE_FILES = ("app.tcss", "main.tcss", "dialogs.tcss", "speaker.tcss", "welcome.tcss", "story.tcss")


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
        self.config = known_keys_only(config or load_config())
        self.config_problem = self.config.problem_line  # every other setting is in use
        self.state = load_state()
        self.store = Store(self.db_path)  # this (the event loop's) thread's connection
        self.collector = Collector()  # full garbage collections while no key comes
        self.start_view: View = view_from_key(self.state.view, self._feed_title, self._saved_expr) or ALL

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
            # the status line, not a toast: a toast is drawn over the panes' borders
            self.call_after_refresh(self._status, self.config_problem, True)
        if self.config.refresh_minutes:
            self.set_interval(self.config.refresh_minutes * 60, self._auto_refresh)
        self._reanalyse()
        self._recategorise()
        self._group_stories()
        self.call_after_refresh(self.collector.start)  # what is built by now lives as long as the app
        self.set_interval(IDLE / 2, self.collector.tick)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.collector.touch()  # no full garbage collection while keys come
        await super().on_event(event)

    @property
    def category_rules(self):
        """The category mapping of the config (``[categories]``, ``[feed_categories]``)."""
        from newsreader.ingest.categories import CategoryRules

        return CategoryRules.from_config(self.config)

    @work(thread=True, exclusive=True, group="categories", exit_on_error=False)
    def _recategorise(self) -> None:
        """After an upgrade of the category rules or a change of the mapping in the config,
        choose every article's category again, in the background (not while the config
        cannot be read: its mapping is unknown, and the library keeps its categories)."""
        from newsreader.ingest.outlets import name_feeds
        from newsreader.ingest.recategorise import is_current, recategorise

        if self.config_problem:
            return
        rules, worker = self.category_rules, get_current_worker()
        with Store(self.db_path) as store:
            if is_current(store, rules):
                return
            if not store.list_articles(limit=1):
                recategorise(store, rules)  # nothing to move: just note the rules
                return
            self.call_from_thread(self._status, RECATEGORISING)
            renamed = name_feeds(store)  # the feeds' names may have changed with the rules too
            moved = recategorise(store, rules, should_stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.call_from_thread(self._recategorised, moved, renamed)

    def _recategorised(self, moved: int, renamed: int = 0) -> None:
        if isinstance(self.screen, WelcomeScreen):
            return
        if not moved and renamed:
            self.main.after_refresh("")  # the lists show the feeds' new names
            return
        if not moved:
            if str(self.main.query_one("#status-line", Static).content) == RECATEGORISING:
                self._status("")  # nothing moved: the line says nothing (unless another task spoke since)
            return
        view = self.main.articles.view
        if view is not None and view.filter.category and not self.store.count(Filter(category=view.filter.category)):
            self.main.show_view(ALL)  # the category shown is gone (an indexed count: quick)
        self.main.after_refresh(f"Categories chosen again: {moved} article{'' if moved == 1 else 's'} moved")

    @work(thread=True, exclusive=True, group="reanalyse", exit_on_error=False)
    def _reanalyse(self) -> None:
        """After an upgrade of the quote finder, find every article's quotes again,
        in the background and a batch at a time (reading goes on meanwhile)."""
        from newsreader.ingest.pipeline import reanalyse
        from newsreader.analysis import QUOTES_VERSION
        from newsreader.ingest.quotepass import POOL_FROM, pass_lock, start_background

        worker = get_current_worker()

        def progress(done: int, total: int, _name: str) -> None:
            self.call_from_thread(self._status, f"Finding quotes again after an upgrade: {done}/{total}")

        db = Path(self.db_path)
        with Store(db) as store:
            many = store.count_stale_quotes(QUOTES_VERSION) >= POOL_FROM
        # many waiting (after a large import) are found by a pass in its own process,
        # which keeps both cores busy and this one's GIL free for the screen
        if many and start_background(db):
            self.call_from_thread(self._watch_pass)
            return
        with pass_lock(db, wait=False) as mine, Store(db) as store:
            if not mine:  # a pass in another process is at it
                self.call_from_thread(self._watch_pass)
                return
            done = reanalyse(store, progress=progress, should_stop=lambda: worker.is_cancelled, batch=100)
        if done:
            self.call_from_thread(self._status, f"Quotes found again in {done} article{'' if done == 1 else 's'}")

    _pass_timer = None

    def _watch_pass(self) -> None:
        """Say that a background pass is finding stories and quotes, and say when it has
        ended (the list then shows the stories): a look at its lock every two seconds."""
        self._status(PASS_RUNNING)
        if self._pass_timer is None:
            self._pass_timer = self.set_interval(2.0, self._check_pass)

    def _check_pass(self) -> None:
        from newsreader.ingest.quotepass import pass_running

        if pass_running(Path(self.db_path)):  # one non-blocking lock attempt: no wait
            return
        self._pass_timer.stop()
        self._pass_timer = None
        if isinstance(self.screen, WelcomeScreen):
            return
        if str(self.main.query_one("#status-line", Static).content) == PASS_RUNNING:
            self._status("Stories and quotes found in the background")
        self.main.articles.reload()  # the list marks the stories

    @work(thread=True, exclusive=True, group="stories", exit_on_error=False)
    def _group_stories(self) -> None:
        """Place the articles no grouping has seen (a library from before stories, or
        one another program wrote) into stories, in the background."""
        from newsreader.ingest.stories import group_new

        worker = get_current_worker()
        with Store(self.db_path) as store:
            placed = group_new(store, should_stop=lambda: worker.is_cancelled)
        if placed and not isinstance(self.screen, WelcomeScreen):
            self.call_from_thread(self.main.articles.reload)  # the list marks the stories

    def _feed_title(self, feed_id: int) -> str | None:
        try:
            return self.store.feed(feed_id).title
        except NewsreaderError:  # gone since
            return None

    def _saved_expr(self, name: str) -> str | None:
        try:
            return self.store.saved_view(name).expr
        except NewsreaderError:  # deleted since
            return None

    def on_unmount(self) -> None:
        self.store.close()
        self.collector.stop()

    def remember(self, **changes) -> None:
        """Save part of the UI state (theme, view) at once."""
        self.state = replace(self.state, **changes)
        save_state(self.state)

    def fetch_page(self, flt: Filter, after: ArticleSummary | None, limit: int,
                   backwards: bool = False) -> list[ArticleSummary]:
        """One page of a list: an indexed query with a LIMIT, fast enough for the event loop."""
        return self.store.list_articles(flt, limit=limit, after=after, backwards=backwards)

    @contextmanager
    def thread_store(self) -> Iterator[Store]:
        """The library on a connection of the calling thread, for a worker (the end of a long list)."""
        with Store(self.db_path) as store:
            yield store

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
        own = getattr(self.screen, "HELP_CLASSES", None)  # a screen that lists its own (the story's)
        classes = ((WelcomeScreen, NewsreaderApp) if isinstance(self.screen, WelcomeScreen)
                   else (*own, NewsreaderApp) if own
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
        from newsreader.ingest.killfile import killfile_of
        from newsreader.ingest.quotepass import start_if_pending
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
            killfile = killfile_of(self.config)
            for problem in killfile.problems:  # named once a refresh, and skipped
                self.call_from_thread(self.notify, problem, title="config.toml", severity="warning",
                                      timeout=10, markup=False)
            report = refresh_all(store, progress=progress, should_stop=lambda: worker.is_cancelled,
                                 pages_progress=pages, killfile=killfile, rules=self.category_rules)
            if start_if_pending(store):  # many new articles: grouped apart, in the background
                self.call_from_thread(self._watch_pass)
        self.call_from_thread(self._refreshed, report.short_summary())

    def _refreshed(self, summary: str) -> None:
        if isinstance(self.screen, WelcomeScreen) and self.store.list_articles(limit=1):
            self.pop_screen()
        self.main.after_refresh(summary)
        self._status(summary)

    def _status(self, text: str, warning: bool = False) -> None:
        if isinstance(self.screen, WelcomeScreen):
            self.screen.set_status(text)
        else:
            self.main.set_status(text, warning=warning)


def binding_ids() -> set[str]:
    """Every binding id of the app's screens and widgets (and Textual's own), as ``[keys]`` may name."""
    for package in (screens, widgets):  # those imported only when first used count too
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    ids, todo = set(), [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        ids.update(b.id for b in cls.__dict__.get("BINDINGS", ()) if isinstance(b, Binding) and b.id)
    return ids


def known_keys_only(config: Config) -> Config:
    """``config`` without ``[keys]`` entries naming no binding id (a typo), those named as problems."""
    if not config.keys:
        return config  # nothing to check: no need to import every screen to list the ids
    known = binding_ids()
    unknown = sorted(set(config.keys) - known)
    if not unknown:
        return config
    return replace(config, keys={k: v for k, v in config.keys.items() if k in known},
                   problems=config.problems + tuple(Problem(f"[keys] {k}", "no key has this id (? lists them)")
                                                    for k in unknown))
