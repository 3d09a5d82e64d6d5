"""The article list: one OptionList fed a page at a time from the store.

No widget per row (an option is a line of styled ``Content``) and never a
whole category at once: the next page is asked for, by keyset, only when
the highlight or the scroll comes near the end of what is loaded.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsreader.models import ArticleSummary
from newsreader.store.store import PAGE, Filter
from newsreader.tui.views import View, age

Fetch = Callable[[Filter, ArticleSummary | None, int], list[ArticleSummary]]
NEAR_END = 20
JUMP_ROWS = 1_000  # G goes this much further at most: each row is measured as it is added (~0.2 ms)


class ArticleList(OptionList):
    """Titles of one view, newest first: unread bold, read dimmed, favourites starred."""

    BINDINGS = [
        Binding("enter", "select", "Open", show=False, id="open", tooltip="Open the highlighted article"),
        Binding("j,down", "cursor_down", "Down", show=False, id="down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="up"),
        Binding("g,home", "first", "Top", show=False, id="top"),
        Binding("G,end", "last", "Bottom", show=False, id="bottom"),
    ]
    COMPONENT_CLASSES = {
        "article-list--unread", "article-list--read", "article-list--star", "article-list--meta",
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

    def __init__(self, fetch: Fetch, clock: Callable[[], datetime], **kwargs) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch
        self._clock = clock
        self.view: View | None = None
        self.rows: list[ArticleSummary] = []
        self._index: dict[int, int] = {}
        self._more = False

    # --- loading -------------------------------------------------------------

    def show_view(self, view: View, keep_id: int | None = None, at_least: int = PAGE) -> None:
        """Show ``view`` from its newest article; keep ``keep_id`` highlighted if it is there."""
        self.view = view
        limit = max(PAGE, at_least)
        rows = self._fetch(view.filter, None, limit)
        self._more = len(rows) == limit
        self.rows = rows
        self._index = {r.id: i for i, r in enumerate(rows)}
        self.set_options(self._option(r) for r in rows)
        if rows:
            self.highlighted = self._index.get(keep_id, 0) if keep_id is not None else 0
        self.post_message(self.ArticleHighlighted(self.current))

    def reload(self) -> None:
        """Show the same view again (new articles in), keeping the highlighted article."""
        if self.view is not None:
            keep = self.current.id if self.current else None
            self.show_view(self.view, keep, at_least=len(self.rows) + PAGE)

    def load_more(self, pages: int = 1) -> bool:
        """Append the next page (or up to ``pages`` pages), if there is one; True when rows were added."""
        if not self._more or self.view is None or not self.rows:
            return False
        rows: list[ArticleSummary] = []
        for _ in range(pages):
            page = self._fetch(self.view.filter, rows[-1] if rows else self.rows[-1], PAGE)
            rows.extend(page)
            self._more = len(page) == PAGE
            if not self._more:
                break
        start = len(self.rows)
        self.rows.extend(rows)
        self._index.update((r.id, start + i) for i, r in enumerate(rows))
        self.add_options(self._option(r) for r in rows)
        return bool(rows)

    def action_last(self) -> None:
        """Go to the oldest article: load the pages still in the store (up to ``JUMP_ROWS``), then the last row."""
        self.load_more(pages=JUMP_ROWS // PAGE)
        super().action_last()

    @property
    def has_more(self) -> bool:
        """Whether the store holds rows past the loaded ones."""
        return self._more

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
            self.replace_option_prompt_at_index(i, self._prompt(summary))

    def highlight_id(self, article_id: int) -> bool:
        """Move the highlight to an article if it is loaded."""
        i = self._index.get(article_id)
        if i is not None:
            self.highlighted = i
        return i is not None

    def _option(self, row: ArticleSummary) -> Option:
        return Option(self._prompt(row), id=str(row.id))

    def _prompt(self, row: ArticleSummary) -> Content:
        style = self.get_visual_style("article-list--read" if row.read else "article-list--unread",
                                      partial=True)
        star = Content("★ " if row.favourite else "").stylize(
            self.get_visual_style("article-list--star", partial=True))
        meta = f"{row.feed_title or row.source} · {age(row.published, self._clock())}"
        meta_style = self.get_visual_style("article-list--meta", partial=True)
        return Content.assemble(star, Content(row.title).stylize(style), "\n",
                                Content(meta).stylize(meta_style))

    def refresh_prompts(self) -> None:
        """Redraw every row (the theme changed)."""
        self.notify_style_update()
        for i, row in enumerate(self.rows):
            self.replace_option_prompt_at_index(i, self._prompt(row))

    # --- events --------------------------------------------------------------

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted >= len(self.rows) - NEAR_END:
            self.load_more()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._more and new >= self.max_scroll_y - self.size.height:
            self.call_later(self._load_if_near_end)

    def _load_if_near_end(self) -> None:
        # Checked again here: a page may have arrived since the scroll asked for one.
        if self._more and self.scroll_y >= self.max_scroll_y - self.size.height:
            self.load_more()

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.ArticleHighlighted(self.current))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.ArticleChosen(self.current))
