"""The article list: one OptionList fed a page at a time from the store.

No widget per row (an option is a line of styled ``Content``) and never a
whole category at once: a view opens with about two screens of rows (each
row is measured when it is added, so a store page of 200 cost 40 ms), and
the next rows are asked for, by keyset, only when the highlight or the scroll
comes near the end of what is loaded. ``G`` shows the view's last rows alone,
read backwards from its end by a worker (the feed sort, which the store does
not read backwards, walks its pages: see ``paging``), and the rows above come
back, a batch at a time, as the reader moves up.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Callable, ContextManager

from textual import work
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from newsreader.errors import NewsreaderError
from newsreader.models import ArticleSummary
from newsreader.store import Store
from newsreader.store.store import PAGE, Filter
from newsreader.text import UNDATED
from newsreader.tui.paging import Fetch, Walked, walk
from newsreader.tui.rows import Row
from newsreader.tui.views import View, age
from newsreader.tui.widgets.lists import StopList

NEAR_END = 20
BATCH_MIN = 40  # rows read at a time, at least (else as many as the terminal is lines high: two screens)
JUMP_ROWS = 1_000  # G shows at most this many rows from the top: each is measured when added (~0.2 ms)
WINDOW = 1_000  # rows kept while scrolling back up after G


class ArticleList(StopList):
    """Titles of one view, newest first: unread bold, read dimmed, favourites starred."""

    BINDINGS = [
        Binding("enter", "select", "Open", show=False, id="open", tooltip="Open the highlighted article"),
    ]
    COMPONENT_CLASSES = {
        "article-list--unread", "article-list--read", "article-list--star", "article-list--meta",
        "article-list--story",
    }

    class ArticleHighlighted(Message):
        """The highlight moved to an article (None: the list is empty)."""

        def __init__(self, summary: ArticleSummary | None) -> None:
            super().__init__()
            self.summary = summary

    class ArticleChosen(Message):
        """Enter (or a click) on an article: open it."""

        def __init__(self, summary: ArticleSummary) -> None:
            super().__init__()
            self.summary = summary

    class ViewShown(Message):
        """A view read in a worker (``show_view(..., background=True)``) is shown."""

        def __init__(self, view: View) -> None:
            super().__init__()
            self.view = view

    def __init__(self, fetch: Fetch, clock: Callable[[], datetime],
                 thread_store: Callable[[], ContextManager[Store]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch
        self._clock = clock
        self.view: View | None = None
        self.rows: list[ArticleSummary] = []
        self._index: dict[int, int] = {}
        self._more = False
        self.start = 0  # the view index of rows[0]: after G the rows above are not loaded
        self._anchors: dict[int, ArticleSummary] = {}  # view index k * PAGE -> the row before it
        self._total: int | None = None  # the view's length, once its end is loaded
        self._generation = 0  # counts what was shown, so a walk that lands late is dropped
        self._thread_store = thread_store
        self._styles: tuple[str, dict[str, Style]] | None = None  # (theme, the rows' styles)

    # --- loading -------------------------------------------------------------

    def show_view(self, view: View, keep_id: int | None = None, at_least: int = 0,
                  background: bool = False, then: Callable[[], object] | None = None) -> None:
        """Show ``view`` from its newest article; keep ``keep_id`` highlighted if it is there.

        ``background``: its first rows are read by a worker (a search: its SQL takes 5 to
        25 ms on 100,000 articles, more on larger libraries) and the list shows what it
        showed until they land (then ``ViewShown``; and ``then()``, also when the read
        failed); a view shown meanwhile wins, and then neither comes.
        """
        self._generation += 1  # a walk or a read still under way was for what was shown before
        # a row to keep highlighted may be further down: a store page is read for it
        limit = max(self.batch if keep_id is None else PAGE, at_least)
        if background:
            self._first_rows_worker(self._generation, view, keep_id, limit, then)
            return
        self._show_rows(view, self._fetch(view.filter, None, limit), keep_id, limit)

    def forget_background(self) -> None:
        """Drop a view still being read in a worker (its dialog was cancelled)."""
        self._generation += 1

    @work(thread=True, exclusive=True, group="article-list-walk", exit_on_error=False)
    def _first_rows_worker(self, generation: int, view: View, keep_id: int | None, limit: int,
                           then: Callable[[], object] | None) -> None:
        try:
            with self._thread_store() as store:
                rows = store.list_articles(view.filter, limit=limit)
        except (NewsreaderError, sqlite3.OperationalError) as exc:
            self.app.call_from_thread(self._first_rows_failed, generation, str(exc), then)
            return
        self.app.call_from_thread(self._first_rows_landed, generation, view, rows, keep_id, limit, then)

    def _first_rows_landed(self, generation: int, view: View, rows: list[ArticleSummary], keep_id: int | None,
                           limit: int, then: Callable[[], object] | None) -> None:
        if generation != self._generation:
            return  # another view was shown since
        self._show_rows(view, rows, keep_id, limit)
        self.post_message(self.ViewShown(view))
        if then is not None:
            then()  # in the same turn as the rows: one frame shows both (a dialog gone, the rows in)

    def _first_rows_failed(self, generation: int, why: str, then: Callable[[], object] | None) -> None:
        if generation != self._generation:
            return
        self.app.notify(why, severity="warning", markup=False)
        if then is not None:
            then()

    def _show_rows(self, view: View, rows: list[ArticleSummary], keep_id: int | None, limit: int) -> None:
        self.view = view
        self._more = len(rows) == limit
        self._anchors = {}
        self._total = None if self._more else len(rows)
        self._set_rows(0, rows)
        if rows:
            self.highlighted = self._index.get(keep_id, 0) if keep_id is not None else 0
        self.post_message(self.ArticleHighlighted(self.current))

    def _set_rows(self, start: int, rows: list[ArticleSummary]) -> None:
        self.start = start
        self.rows = rows
        self._index = {r.id: i for i, r in enumerate(rows)}
        self._note_anchors()
        self.set_options(self._option(r) for r in rows)

    def _note_anchors(self, first: int = 0) -> None:
        """Remember the row before each page boundary among ``rows[first:]``."""
        for i in range(first, len(self.rows)):
            if (self.start + i + 1) % PAGE == 0:
                self._anchors[self.start + i + 1] = self.rows[i]

    @property
    def batch(self) -> int:
        """How many rows are read at a time: enough for two screens (a row is two lines; the
        terminal's height, known before the list's first layout, stands for the list's)."""
        return max(BATCH_MIN, self.app.size.height)

    def reload(self) -> None:
        """Show the same view again (new articles in), keeping the highlighted article."""
        if self.view is None:
            return
        keep = self.current.id if self.current else None
        if keep is None or (self.start == 0 and len(self.rows) <= JUMP_ROWS):
            self.show_view(self.view, keep, at_least=len(self.rows) + PAGE)
        else:  # far down a long list: find the article again by keyset pages, in a worker
            self._walk_to(keep)

    def load_more(self) -> bool:
        """Append the next page, if there is one; True when rows were added."""
        if not self._more or self.view is None or not self.rows:
            return False
        batch = self.batch
        fetched = self._fetch(self.view.filter, self.rows[-1], batch)
        self._more = len(fetched) == batch
        page = [r for r in fetched if r.id not in self._index]
        first = len(self.rows)
        self.rows.extend(page)
        self._index.update((r.id, first + i) for i, r in enumerate(page))
        self._note_anchors(first)
        if not self._more:
            self._total = self.start + len(self.rows)
        self.add_options(self._option(r) for r in page)
        return bool(page)

    def load_before(self) -> int:
        """Load the rows above the first loaded row (after ``G``); returns how many came.

        The view stays still: the same article highlighted, the same lines in view.
        Past ``WINDOW`` rows, rows at the bottom are let go (``load_more`` brings them back).
        """
        if self.start == 0 or self.view is None or not self.rows:
            return 0
        if Store.reads_backwards(self.view.filter):  # the batch just before the first row
            batch = self.batch
            fetched = self._fetch(self.view.filter, self.rows[0], batch, backwards=True)
            page = [r for r in fetched if r.id not in self._index]
            # fewer than asked: the top of the view (the count above it was out of date)
            boundary = max(self.start - len(page), 0) if len(fetched) == batch else 0
        else:  # the page from the anchor noted at the page boundary above, by keyset
            boundary = (self.start - 1) // PAGE * PAGE
            after = self._anchors.get(boundary) if boundary else None
            if boundary and after is None:
                return 0
            page = [r for r in self._fetch(self.view.filter, after, self.start - boundary)
                    if r.id not in self._index]
        if not page:
            return 0
        highlighted, scroll_y = self.highlighted, self.scroll_y
        rows = page + self.rows
        if len(rows) > WINDOW:
            rows, self._more = rows[:WINDOW], True
        with self.prevent(OptionList.OptionHighlighted):  # the same article stays highlighted
            self._set_rows(boundary, rows)
            if highlighted is not None:
                self.highlighted = min(highlighted + len(page), len(rows) - 1)
        self.scroll_to(y=scroll_y + self._index_to_line[len(page)], animate=False, immediate=True)
        return len(page)

    def action_first(self) -> None:
        """Go to the newest article (loading the top of the view again after ``G``)."""
        if self.start and self.view is not None:
            self.show_view(self.view)
        else:
            super().action_first()

    def action_last(self) -> None:
        """Go to the oldest article in one press, however many pages the store holds."""
        if self._more:
            self._walk_to(None)
        else:
            super().action_last()

    def _walk_to(self, target: int | None) -> None:
        """Show the page holding ``target`` (None: the view's last rows), in a worker."""
        if self.view is None:
            return
        self._generation += 1
        self._walk_worker(self._generation, self.view.filter, target, self.batch)

    @work(thread=True, exclusive=True, group="article-list-walk", exit_on_error=False)
    def _walk_worker(self, generation: int, flt: Filter, target: int | None, batch: int) -> None:
        worker = get_current_worker()
        with self._thread_store() as store:
            if target is None and store.reads_backwards(flt):
                # the last rows, read from the end; where they start, from an indexed count
                rows = store.list_articles(flt, limit=batch, backwards=True)
                walked: Walked | None = Walked(max(store.count(flt) - len(rows), 0), rows, True, {})
            else:
                walked = walk(lambda f, after, n: store.list_articles(f, limit=n, after=after), flt, PAGE,
                              target, JUMP_ROWS, should_stop=lambda: worker.is_cancelled)
        if walked is not None:
            self.app.call_from_thread(self._landed, generation, target, walked)

    def _landed(self, generation: int, target: int | None, walked: Walked) -> None:
        if generation != self._generation or self.view is None:
            return  # another view or another walk since
        if target is not None and not any(r.id == target for r in walked.rows):
            self.show_view(self.view)  # the article has left the view: its top
            return
        self._anchors = walked.anchors
        self._more = not walked.at_end
        self._total = walked.start + len(walked.rows) if walked.at_end else None
        self._set_rows(walked.start, walked.rows)
        if walked.rows:
            self.highlighted = self._index[target] if target is not None else len(walked.rows) - 1
        self.post_message(self.ArticleHighlighted(self.current))

    @property
    def has_more(self) -> bool:
        """Whether the store holds rows past the loaded ones."""
        return self._more

    @property
    def count(self) -> tuple[int, bool]:
        """How many articles the view holds, as far as is known, and whether there may be more."""
        if self._total is not None:
            return self._total, False
        return self.start + len(self.rows), True

    # --- rows ----------------------------------------------------------------

    @property
    def current(self) -> ArticleSummary | None:
        """The highlighted article."""
        if self.highlighted is None or not self.rows:
            return None
        return self.rows[self.highlighted]

    def index_of(self, article_id: int) -> int | None:
        """The row of an article, if it is loaded."""
        return self._index.get(article_id)

    def update_row(self, summary: ArticleSummary) -> None:
        """Redraw one article after its read or favourite state changed."""
        i = self._index.get(summary.id)
        if i is not None:
            self.rows[i] = summary
            prompt = self._prompt(summary)
            old = self.get_option_at_index(i).prompt
            # read or unread restyles the row; a star added or taken away may wrap its title anew
            self.restyle_option(i, prompt, isinstance(old, Row) and old.plain == prompt.plain)

    def highlight_id(self, article_id: int) -> bool:
        """Move the highlight to an article if it is loaded."""
        i = self._index.get(article_id)
        if i is not None:
            self.highlighted = i
        return i is not None

    def _option(self, row: ArticleSummary) -> Option:
        return Option(self._prompt(row), id=str(row.id))

    def _row_styles(self) -> dict[str, Style]:
        """The rows' component styles, read once a theme (each reading walks the styles:
        four a row were a fifth of the time a view's first rows took to build)."""
        if self._styles is None or self._styles[0] != self.app.theme:
            names = ("read", "unread", "star", "meta", "story")
            self._styles = (self.app.theme, {n: self.get_visual_style(f"article-list--{n}", partial=True)
                                             for n in names})
        return self._styles[1]

    def _prompt(self, row: ArticleSummary) -> Row:
        styles = self._row_styles()
        star = Content("★ " if row.favourite else "").stylize(styles["star"])
        when = UNDATED if row.estimated else age(row.published, self._clock())
        meta = f"{row.feed_title or row.source} · {when}"
        # part of a story other outlets tell too (t opens it)
        others = row.story_outlets - 1 if row.story_id is not None else 0
        story = Content(f" · +{others} outlet{'s' if others > 1 else ''}" if others > 0 else "").stylize(
            styles["story"])
        return Row(Content.assemble(star, Content(row.title).stylize(styles["read" if row.read else "unread"]),
                                    "\n", Content(meta).stylize(styles["meta"]), story))

    def refresh_prompts(self) -> None:
        """Redraw every row (the theme changed)."""
        self.notify_style_update()
        self._styles = None  # read again, in the new theme
        for i, row in enumerate(self.rows):
            self.replace_option_prompt_at_index(i, self._prompt(row))

    # --- events --------------------------------------------------------------

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted >= len(self.rows) - NEAR_END:
            self.load_more()
        elif highlighted is not None and highlighted < NEAR_END and self.start:
            self.call_later(self._load_if_near_top)  # not while the highlight is being set

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._more and new >= self.max_scroll_y - self.size.height:
            self.call_later(self._load_if_near_end)
        if self.start and new < self.size.height:
            self.call_later(self._load_if_near_top)

    def _load_if_near_end(self) -> None:
        # Checked again here: a page may have arrived since the scroll asked for one.
        if self._more and self.scroll_y >= self.max_scroll_y - self.size.height:
            self.load_more()

    def _load_if_near_top(self) -> None:
        if self.start and (self.scroll_y < self.size.height
                           or (self.highlighted is not None and self.highlighted < NEAR_END)):
            self.load_before()

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.ArticleHighlighted(self.current))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.ArticleChosen(self.current))
