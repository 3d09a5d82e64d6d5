"""The reader: categories, the article list and the reading pane.

Wide terminals show the three side by side. Narrow ones (under
``NARROW`` columns) show the categories and the list, then the article
alone once it is opened; q goes back.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from newsreader.errors import NewsreaderError
from newsreader.ingest.pipeline import reanalyse
from newsreader.models import Article, ArticleSummary
from newsreader.store import Store
from newsreader.store.search import SearchMatches
from newsreader.tui import messages
from newsreader.tui.screens.confirm import ConfirmDialog
from newsreader.tui.screens.search import SearchDialog
from newsreader.tui.screens.sharing import SharingActions
from newsreader.tui.screens.speaker import SpeakerScreen
from newsreader.tui.screens.view_actions import ViewActions, saved_counts
from newsreader.tui.views import ALL, View, search_view
from newsreader.tui.widgets.article_list import ArticleList
from newsreader.tui.widgets.category_list import CategoryList
from newsreader.tui.widgets.footer import KeyFooter
from newsreader.tui.widgets.reading_pane import ReadingPane
from newsreader.tui.widgets.speaker_list import SpeakerList

NARROW = 110
NOTHING_OPEN = "Choose an article and press Enter to read it."
NOTE_SECONDS = 6.0  # how long an answer to a key ("No more quotes") stays in the status line


def _b(key: str, action: str, text: str, id: str, tip: str, show: bool = True) -> Binding:
    return Binding(key, action, text, show=show, id=id, tooltip=tip)


class MainScreen(SharingActions, ViewActions, Screen[None]):
    """The three panes and the keys that act across them (those that send the
    article elsewhere are in ``SharingActions``, those that change what the list
    shows in ``ViewActions``)."""

    BINDINGS = [
        _b("n", "next_unread", "Next", "next-unread", "Open the next unread article"),
        _b("p", "previous_unread", "Prev unread", "previous-unread", "Open the previous unread article", False),
        _b("space", "page(1)", "Page", "page-down", "Page the article down; at its end, the next unread", False),
        _b("b", "page(-1)", "Page up", "page-up", "Page the article up", False),
        _b("f", "toggle_favourite", "Fav", "favourite", "Favourite on or off"),
        _b("m", "toggle_read", "Read", "read", "Read on or off", False),
        _b("A", "mark_view_read", "All read", "mark-all-read", "Mark everything in this list read (asks first)", False),
        _b("tab", "pane(1)", "Next pane", "next-pane", "Move to the next pane", False),
        _b("shift+tab", "pane(-1)", "Previous pane", "previous-pane", "Move to the previous pane", False),
        _b("l,right", "pane(1, False)", "Pane right", "pane-right", "Move to the pane on the right", False),
        _b("h,left", "pane(-1, False)", "Pane left", "pane-left", "Move to the pane on the left", False),
        _b("right_square_bracket", "quote(1)", "Next quote", "next-quote", "Jump to the next quote", False),
        _b("left_square_bracket", "quote(-1)", "Prev quote", "previous-quote", "Jump to the previous quote", False),
        _b("s", "speakers", "Speakers", "speakers", "Go to the article's speakers list"),
        _b("t", "story", "Story", "story", "The article's story: every outlet's version side by side", False),
        _b("slash", "search", "Search", "search", "Search the library's full text"),
        _b("O", "toggle_search_order", "Relevance/date", "search-order",
           "Search results: best matches first, or newest first"),
        _b("v", "filter", "Filter", "filter",
           "Narrow the list with a filter (ctrl+s there saves it as a view)", False),
        _b("D", "delete_view", "Delete view", "delete-view", "Delete the highlighted saved view (asks first)",
           False),
        _b("u", "toggle_unread_only", "Unread only", "unread-only", "Only the list's unread articles: on or off",
           False),
        _b("S", "cycle_sort", "Sort", "sort", "Sort the list by date, title or feed", False),
        _b("o", "open_link", "Open link", "open-link",
           "Open the article's page, or one of its numbered links, in the browser", False),
        _b("w", "save_article", "Save", "save-article", "Save the article as plain text to a file", False),
        _b("vertical_line", "pipe_article", "Pipe", "pipe-article",
           "Pipe the article as plain text to a command", False),
        _b("B", "bookmark_article", "Bookmark", "bookmark-article",
           "Bookmark: run bookmark_command with the link and title", False),
        _b("W", "whole_article", "Whole article", "whole-article",
           "Fetch the whole article from its web page (for summary feeds)", False),
        _b("F", "feed_full_text", "Feed full text", "feed-full-text",
           "Whole articles on every refresh for this feed: on or off", False),
        _b("q", "back", "Back", "back", "Go back; quit from the list"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.article: Article | None = None
        self.fixed_view: View = ALL  # the categories pane's view, to return to from a search
        self.search_relevance = True  # searches list the best matches first (O switches)
        self.chosen: View = ALL
        self.unread_only: set[str] = set()
        self.sort = "date"
        self._read_timer = None
        self._note = False  # the status line answers a key and goes stale once the reader moves on
        self._note_timer = None
        self.reading = False  # an article is up (narrow: shown alone, the class -reading)

    # --- building ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield CategoryList(id="category-list")
            yield ArticleList(self.app.fetch_page, self.app.clock, self.app.thread_store, id="article-list")
            yield ReadingPane(id="reading-pane")
        yield Static(id="status-line")
        yield KeyFooter()

    @property
    def articles(self) -> ArticleList:
        """The article list."""
        return self.query_one(ArticleList)

    @property
    def categories(self) -> CategoryList:
        """The categories pane."""
        return self.query_one(CategoryList)

    @property
    def reader(self) -> ReadingPane:
        """The reading pane."""
        return self.query_one(ReadingPane)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        keymap = self.app.config.keys or {}
        for attr, binding_id in (("fetch_key", "whole-article"), ("speakers_key", "speakers")):
            if keymap.get(binding_id):  # the reading pane names these keys as they are bound now
                setattr(self.reader, attr, self.app.get_key_display(Binding(keymap[binding_id].split(",")[0], "")))
        self.reader.show_message(Content(NOTHING_OPEN))
        self.categories.border_title = "Categories"
        self.sort = self.app.state.sort or "date"
        self.fixed_view = self.app.start_view
        self.show_view(self.fixed_view)
        self.categories.select_key(self.fixed_view.key)
        self.articles.focus()
        self.load_counts()

    def _theme_changed(self, _theme) -> None:
        self.articles.refresh_prompts()
        self.reader.restyle()
        self.categories.restyle()

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < NARROW
        self.set_class(narrow, "-narrow")
        self.set_class(narrow and self.reading, "-reading")
        self.query_one(KeyFooter).compact = narrow  # every key still fits in 80 columns

    # --- counts and lists ----------------------------------------------------

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def load_counts(self) -> None:
        """Count unread articles per category with a connection of this thread."""
        with Store(self.app.db_path) as store:
            totals, cats, feeds, saved = store.totals(), store.categories(), store.feeds(), saved_counts(store)
        self.app.call_from_thread(self._counts_loaded, totals, cats, feeds, saved)

    def _counts_loaded(self, totals, cats, feeds, saved) -> None:
        self.categories.set_counts(totals, cats, feeds, saved)
        shown = self.chosen.filter.category
        if shown is not None and self.chosen.key.startswith("category:") and shown not in {c.name for c in cats}:
            self.show_view(ALL)  # the category it showed is gone (chosen again, or emptied)

    def show_view(self, view: View, keep_id: int | None = None, background: bool = False,
                  then: Callable[[], object] | None = None) -> None:
        """Fill the article list with ``view`` (unread only if u says so, in the sort S chose);
        ``background``: read by a worker, the list and its heading change once it lands
        (and ``then()`` is called, as ``ArticleList.show_view`` says)."""
        if view.is_fixed:
            self.fixed_view = view
            self.app.remember(view=view.key)
            self.categories.select_key(view.key)
        if not view.key.startswith("filter:"):
            self.filter_base, self.filter_text = None, ""
        self.chosen = view
        try:
            self.articles.show_view(self.arranged(view), keep_id, background=background, then=then)
        except NewsreaderError as exc:  # a search with no words in it
            self.app.notify(str(exc), severity="warning", markup=False)
            return
        if not background:
            self._view_shown()

    @on(ArticleList.ViewShown)
    def _view_shown(self) -> None:
        self._update_heading()
        self.refresh_bindings()  # the search-order key shows on search results only

    def _update_heading(self) -> None:
        view = self.articles.view
        if view is None:
            return
        n, more = self.articles.count
        count = f"{n}{'+' if more else ''} article{'' if n == 1 else 's'}"
        if not n and view.filter.search:
            count = "nothing found · q goes back"
        elif not n and view.key.startswith("filter:"):
            count = "nothing matches · v changes the filter, q goes back"
        self.articles.border_title = Content(self.heading_of(view))
        self.articles.border_subtitle = Content(count)

    @on(CategoryList.ViewHighlighted)
    def _view_highlighted(self, event: CategoryList.ViewHighlighted) -> None:
        if self.articles.view is None or self.articles.view.key != event.view.key:
            self.show_view(event.view)
        why = self.categories.failing(event.view.key)
        if why:
            self.set_status(why, note=True, sticky=True)
        elif self._note:
            self._clear_note()

    @on(CategoryList.ViewChosen)
    def _view_chosen(self, event: CategoryList.ViewChosen) -> None:
        if self.articles.view is None or self.articles.view.key != event.view.key:
            self.show_view(event.view)
        self.articles.focus()

    def on_show_view(self, message: messages.ShowView) -> None:
        message.stop()
        self.show_view(message.view)
        if message.view.is_fixed:
            self.categories.select_key(message.view.key)
        self._leave_reading()
        self.articles.focus()

    @on(ArticleList.ArticleHighlighted)
    def _article_highlighted(self, _event) -> None:
        self._update_heading()

    @on(ArticleList.ArticleChosen)
    def _article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        self.open_article(event.summary.id)

    def on_open_article(self, message: messages.OpenArticle) -> None:
        message.stop()
        self.open_article(message.article_id, message.quote_start)

    # --- opening -------------------------------------------------------------

    def open_article(self, article_id: int, quote_start: int | None = None) -> None:
        """Open an article (read from the store, and marked read, in a worker); from a
        search's results, with the words it matched marked."""
        listed = self.articles.highlight_id(article_id)
        view = self.articles.view
        query = view.filter.search if listed and view is not None else None
        self._load_article(article_id, quote_start, self.app.config.mark_read_delay == 0, query)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _load_article(self, article_id: int, quote_start: int | None, mark: bool, query: str | None) -> None:
        with Store(self.app.db_path) as store:
            try:
                try:
                    reanalyse(store, article_id=article_id)  # quotes an older quote finder found
                except sqlite3.OperationalError:
                    pass  # the library is busy (an import holds it): show the quotes stored
                article = store.article(article_id)
                matches = store.search_matches(article_id, query) if query else SearchMatches()
                was_read = article.read
                if mark and not was_read:
                    store.set_read([article_id], True)  # committed before the pane shows it
                    article = replace(article, read=True)
            except NewsreaderError as exc:
                self.app.call_from_thread(self.app.notify, str(exc), severity="error", markup=False)
                return
        self.app.call_from_thread(self._show_article, article, was_read, quote_start, matches)

    def _show_article(self, article: Article, was_read: bool, quote_start: int | None,
                      matches: SearchMatches = SearchMatches()) -> None:
        self.article = article
        self._clear_note()
        self.reader.show_article(article, matches)
        if matches:
            n = len(matches.title) + len(matches.body)
            self.set_status(f"{n} match{'' if n == 1 else 'es'} marked", note=True)
        if article.read != was_read:
            self._changed(article, read_delta=-1)
        self._arm_read_timer(article)
        self._set_reading(True)
        self.reader.focus()
        if quote_start is not None:
            self.reader.focus_quote_at(quote_start)

    def _arm_read_timer(self, article: Article) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        delay = self.app.config.mark_read_delay
        if delay and not article.read:
            self._read_timer = self.set_timer(delay, lambda: self._mark_after_delay(article.id))

    def _mark_after_delay(self, article_id: int) -> None:
        if self.article is not None and self.article.id == article_id and not self.article.read:
            self._set_read(self.article, True)

    def _leave_reading(self) -> None:
        self._set_reading(False)

    def _set_reading(self, reading: bool) -> None:
        # The class matters to the narrow layout only; set on a wide screen too, each
        # article opened and left would restyle every widget of the screen.
        self.reading = reading
        self.set_class(reading and self.has_class("-narrow"), "-reading")

    # --- state changes -------------------------------------------------------

    def _target(self) -> Article | ArticleSummary | None:
        """What f and m act on: the open article when reading, else the highlighted row."""
        focused = self.focused
        reading = focused is not None and (focused is self.reader or self.reader in focused.ancestors)
        if self.article is not None and (reading or self.articles.current is None
                                         or self.articles.current.id == self.article.id):
            return self.article
        return self.articles.current

    def _chosen(self) -> Article | ArticleSummary | None:
        """``_target()``, saying so in the status line when there is none."""
        target = self._target()
        if target is None:
            self.set_status("Choose an article first", note=True)
        return target

    def _changed(self, item: Article | ArticleSummary, read_delta: int = 0, fav_delta: int = 0) -> None:
        """Bring every pane up to date with one article's new state."""
        if self.article is not None and self.article.id == item.id:
            self.article = replace(self.article, read=item.read, favourite=item.favourite)
        i = self.articles.index_of(item.id)
        if i is not None:
            self.articles.update_row(replace(self.articles.rows[i], read=item.read, favourite=item.favourite))
        self.categories.adjust(item.category, read_delta, fav_delta, item.feed_id)
        if any(v.key.startswith("view:") for v in self.categories.views):
            self.count_views()  # which saved views hold the article only the store can say

    def _set_read(self, item: Article | ArticleSummary, read: bool) -> None:
        self.app.store.set_read([item.id], read)
        self._changed(replace(item, read=read), read_delta=-1 if read else 1)

    def action_toggle_read(self) -> None:
        """Read on or off for the open or highlighted article."""
        item = self._target()
        if item is not None:
            self._set_read(item, not item.read)
            if self._read_timer is not None and self.article and self.article.id == item.id:
                self._read_timer.stop()  # the reader decided; the timer must not overrule them

    def action_toggle_favourite(self) -> None:
        """Favourite on or off for the open or highlighted article."""
        item = self._target()
        if item is not None:
            self.app.store.set_favourite([item.id], not item.favourite)
            self._changed(replace(item, favourite=not item.favourite),
                          fav_delta=-1 if item.favourite else 1)

    def action_mark_view_read(self) -> None:
        """Ask, then mark every article of the current list read."""
        view = self.articles.view
        if view is None:
            return
        n = self.app.store.count(replace(view.filter, unread=True))
        if not n:
            self.app.notify(Content(f"Nothing unread in {view.label}").plain, markup=False)
            return
        question = Content(f"Mark {n} unread article{'' if n == 1 else 's'} in {view.label} as read?")
        self.app.push_screen(ConfirmDialog(question, "Mark read"),
                             lambda yes: yes and self._mark_view_read(view))

    @work(thread=True, exclusive=True, group="mark", exit_on_error=False)
    def _mark_view_read(self, view: View) -> None:
        with Store(self.app.db_path) as store:
            n = store.mark_all_read(view.filter)
        self.app.call_from_thread(self._after_bulk_change, f"Marked {n} read in {view.label}")

    def _after_bulk_change(self, status: str) -> None:
        if self.article is not None:
            self.article = replace(self.article, read=self.app.store.article(self.article.id).read)
        self.articles.reload()
        self._update_heading()
        self.load_counts()
        self.set_status(status)

    def set_status(self, text: str, note: bool = False, sticky: bool = False, warning: bool = False) -> None:
        """Show one line of progress or a result above the footer.

        A ``note`` answers a key: it goes when another article opens, and after
        ``NOTE_SECONDS`` unless it is ``sticky`` (it names a state still in force).
        A ``warning`` stands out and may take a second line.
        """
        line = self.query_one("#status-line", Static)
        line.update(Content(text))
        line.set_class(warning, "-warning")
        self._note = note and bool(text)
        if self._note_timer is not None:
            self._note_timer.stop()
            self._note_timer = None
        if self._note and not sticky:
            self._note_timer = self.set_timer(NOTE_SECONDS, self._clear_note)

    def _clear_note(self) -> None:
        if self._note:
            self.set_status("")

    # --- moving --------------------------------------------------------------

    def _find_unread(self, step: int) -> ArticleSummary | None:
        lst = self.articles
        start = lst.highlighted if lst.highlighted is not None else -1
        on_open = self.article is not None and lst.current is not None and lst.current.id == self.article.id
        # Nothing open yet: the highlighted row itself is the next one to read.
        i = start + step if on_open or start < 0 or step < 0 else start
        while True:
            if i < 0:
                added = lst.load_before() if step < 0 else 0  # above the rows loaded after G
                if not added:
                    return None
                i += added
                continue
            if i >= len(lst.rows):
                if step < 0 or not lst.load_more():
                    return None
                continue
            row = lst.rows[i]
            if not row.read and (self.article is None or row.id != self.article.id):
                return row
            i += step

    def action_next_unread(self) -> None:
        """Open the next unread article below the highlight."""
        self._open_unread(1)

    def action_previous_unread(self) -> None:
        """Open the previous unread article above the highlight."""
        self._open_unread(-1)

    def _open_unread(self, step: int) -> None:
        row = self._find_unread(step)
        if row is None:
            self.set_status("No more unread articles in this list" if step > 0 else "No unread articles above",
                            note=True)
            return
        self.open_article(row.id)

    def action_page(self, step: int) -> None:
        """Page the article; space at its end opens the next unread one."""
        if self.article is None:
            if step > 0:
                self.action_next_unread()
            return
        if step > 0 and self.reader.at_end:
            self.action_next_unread()
        else:
            self.reader.page(step)

    def _panes(self) -> list[Widget]:
        if self.has_class("-narrow"):
            return [self.reader] if self.has_class("-reading") else [self.categories, self.articles]
        return [self.categories, self.articles, self.reader]

    def action_pane(self, step: int, wrap: bool = True) -> None:
        """Move the focus to the next or previous pane; Tab goes round, but l and h
        stop at the last pane (the categories are not to the right of the article)."""
        panes = self._panes()
        focused = self.focused
        current = next((i for i, p in enumerate(panes) if focused is p or (focused and p in focused.ancestors)), 0)
        if not wrap and not 0 <= current + step < len(panes):
            if not (self.has_class("-narrow") and self.has_class("-reading") and step < 0):
                return
        target = panes[(current + step) % len(panes)]
        if self.has_class("-narrow") and self.has_class("-reading") and step < 0:
            self._leave_reading()
            target = self.articles
        target.focus()

    def action_quote(self, step: int) -> None:
        """Jump to the next or previous quote in the article."""
        if self.article is None:
            return
        if not self.reader.jump_quote(step):
            self.set_status("No more quotes" if self.reader.speakers or self.article.quotes
                            else "No quotes in this article", note=True)

    def action_speakers(self) -> None:
        """Move to the speakers list of the open article."""
        if self.article is None or not self.reader.open_speakers():
            self.set_status("No speakers in this article" if self.article else "Open an article first", note=True)

    @on(SpeakerList.SpeakerChosen)
    def _speaker_chosen(self, event: SpeakerList.SpeakerChosen) -> None:
        name = self.reader.forward  # the reading pane has brought them forward (or nobody)
        self.set_status(f"{name}'s quotes brought forward ([ and ] go through them)" if name else "",
                        note=True, sticky=True)

    def on_show_speaker(self, message: messages.ShowSpeaker) -> None:
        message.stop()
        def opened(target: tuple[int, int] | None) -> None:
            if target is not None:
                self.open_article(*target)

        self.app.push_screen(SpeakerScreen(self.app.db_path, message.name, message.key), opened)

    def action_story(self) -> None:
        """Open the story the article is part of: its outlets, speakers and versions."""
        from newsreader.tui.screens.story import StoryScreen

        target = self._chosen()
        if target is None:
            return
        story = getattr(target, "story_id", None) or self.app.store.story_of(target.id)
        if story is None:
            self.set_status("No other article tells this story (yet)", note=True)
            return
        self.app.push_screen(StoryScreen(self.app.db_path, story, target.id))

    def action_search(self) -> None:
        """Ask for words and list the articles holding them."""
        current = self.articles.view
        initial = current.filter.search if current and current.filter.search else ""

        def searched(query: str | None) -> None:
            if query:  # its results are in the list by now
                self._leave_reading()
                self.articles.focus()
            else:
                self.articles.forget_background()  # cancelled while the search was being read

        def search(query: str, found: Callable[[], object]) -> None:
            # the dialog stays until the results are in, so one frame takes it away and shows them
            self.show_view(search_view(query, self.search_relevance), background=True, then=found)

        self.app.push_screen(SearchDialog(initial, search), searched)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_search_order":
            view = self.articles.view if self.is_mounted else None
            return view is not None and bool(view.filter.search)
        return True

    def action_toggle_search_order(self) -> None:
        """Search results: best matches first, or newest first (and so for later searches)."""
        view = self.articles.view
        if view is None or not view.filter.search:
            return
        self.search_relevance = not view.filter.relevance
        current = self.articles.current
        self.show_view(search_view(view.filter.search, self.search_relevance), current.id if current else None,
                       background=True)

    # --- whole articles ------------------------------------------------------

    def action_whole_article(self) -> None:
        """Fetch the open (or highlighted) article's web page for its whole text."""
        target = self._chosen()
        if target is None:
            return
        if any(w.group == "whole" and w.is_running for w in self.workers):
            self.set_status("Already fetching an article…", note=True)
            return
        self.set_status(f"Fetching the whole article: {target.title}")
        # an article opened from a search keeps its words marked in the whole text
        query = self.reader.matches.query if self.article is not None and self.article.id == target.id else ""
        self._fetch_whole(target.id, query)

    @work(thread=True, exclusive=True, group="whole", exit_on_error=False)
    def _fetch_whole(self, article_id: int, query: str = "") -> None:
        from newsreader.ingest.fulltext import fetch_pages

        with Store(self.app.db_path) as store:
            try:
                art = store.article(article_id)
                if not art.link:
                    self.app.call_from_thread(self.set_status, "This article has no link to fetch", True)
                    return
                if art.full_text == "ok":
                    self.app.call_from_thread(self.set_status, "This is the whole article already", True)
                    return
                store.forget_full_text(article_id)
                report = fetch_pages(store, [(article_id, art.link, art.body)])
                art = store.article(article_id)
                matches = store.search_matches(article_id, query) if query else SearchMatches()
            except (NewsreaderError, sqlite3.OperationalError) as exc:
                self.app.call_from_thread(self.set_status, f"Could not fetch the article: {exc}", True)
                return
        if report.fetched:
            n = len(art.quotes)
            status = f"Whole article fetched: {n} quotation{'' if n == 1 else 's'}"
        else:
            status = f"Kept the feed's text: {art.full_text}"
        self.app.call_from_thread(self._whole_fetched, art, status, matches)

    def _whole_fetched(self, art: Article, status: str, matches: SearchMatches = SearchMatches()) -> None:
        if self.article is not None and self.article.id == art.id:
            self.article = replace(art, read=self.article.read, favourite=self.article.favourite)
            self.reader.show_article(self.article, matches)
        self.set_status(status, note=True)

    def action_feed_full_text(self) -> None:
        """Turn whole-article fetching on or off for the highlighted feed (in the
        categories pane) or the target article's feed."""
        from newsreader.ingest.fulltext import fetches_pages

        view = self.categories.current if self.focused is self.categories else None
        listed = self.categories.feeds.get(view.key) if view is not None else None
        target = self._target()
        feed_id = listed.id if listed is not None else target.feed_id if target is not None else None
        if feed_id is None:
            self.set_status("Choose a feed, or an article from one, first", note=True)
            return
        store = self.app.store
        try:
            feed = store.feed(feed_id)
        except NewsreaderError as exc:
            self.set_status(str(exc), note=True)
            return
        on = not fetches_pages(store, feed)
        with store.transaction():
            store.update_feed(feed.id, full_text=int(on))
        if on:
            self.set_status(f"Whole articles on for {feed.title}: fetched on each refresh"
                            f" ({self.reader.fetch_key} fetches this one now)", note=True)
        else:
            self.set_status(f"Whole articles off for {feed.title}: the feed's own text is kept", note=True)

    def action_back(self) -> None:
        """Back one step: speakers, then the article, then a search; then quit."""
        focused = self.focused
        if isinstance(focused, SpeakerList):
            if self.reader.forward:
                self.reader.bring_forward(None)
                self._clear_note()
            self.reader.focus()
        elif (self.has_class("-reading") if self.has_class("-narrow") else focused is self.reader):
            # Narrow: the class says whether the article is up (the focus moves to the list only
            # once the list is shown again, so a quick second q would see the reader still focused).
            self._leave_reading()
            self.articles.focus()
        elif self.articles.view is not None and not self.articles.view.is_fixed:
            self.show_view(self.fixed_view, self.article.id if self.article else None)
            self.categories.select_key(self.fixed_view.key)
        else:
            self.app.exit()

    # --- refresh -------------------------------------------------------------

    def after_refresh(self, status: str) -> None:
        """New articles are in: reload the counts and the list, keeping the highlight."""
        self.articles.reload()
        self._update_heading()
        self.load_counts()
        self.set_status(status)
