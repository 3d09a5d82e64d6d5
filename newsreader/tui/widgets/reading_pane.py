"""The reading pane: the open article with every quote in its speaker's colour."""

from __future__ import annotations

from typing import Awaitable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.await_complete import AwaitComplete
from textual.widgets import Static

from newsreader.models import Article, Quote
from newsreader.quoteview import speaker_index, speaker_list
from newsreader.ingest.fulltext import text_state
from newsreader.store.search import SearchMatches
from newsreader.text import human_size, shown_date
from newsreader.tui.article_text import (
    QuoteStyles,
    distinct_speakers,
    Hanging,
    hanging,
    mark_spans,
    paragraph_bounds,
    paragraph_content,
    paragraph_of,
    quotes_by_paragraph,
)
from newsreader.tui import messages
from newsreader.tui.paragraphs import batch_end, batch_start, run_for
from newsreader.tui.widgets.speaker_list import SpeakerLine, SpeakerList

SPEAKER_SLOTS = 6
FOLD_BELOW = 30  # a pane fewer rows high than this shows the speakers on one line
BOX_SPEAKERS = 6  # the box shows this many; more would need a scrollbar of its own: one line then
# A long article's paragraphs are mounted (one widget each) a batch at a time, each
# about this many screens of text, the next when the reader comes near the last:
# a 2 MB article is some 5,000 paragraphs, and mounting them all takes seconds.
BATCH_SCREENS = 3
BATCH_MIN_CHARS = 8_000


class ReadingPane(VerticalScroll):
    """Title, byline, source, date and link; the speakers; then the body."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="up"),
        Binding("g,home", "top", "Top", show=False, id="top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="bottom"),
        Binding("enter", "open_speakers", "Speakers", show=False, id="open-speakers",
                tooltip="Open the speakers list when it is folded into one line"),
    ]
    COMPONENT_CLASSES = {
        *(f"reading-pane--speaker-{i}" for i in range(SPEAKER_SLOTS)),
        "reading-pane--quote", "reading-pane--name", "reading-pane--forward",
        "reading-pane--faded", "reading-pane--current", "reading-pane--match",
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self.forward: str | None = None
        self.current: Quote | None = None
        self._bounds: list[tuple[int, int]] = []
        self._quotes_in: list[list[Quote]] = []  # the quotes each paragraph styles
        self._first = 0  # the paragraphs mounted are [_first, _mounted): a run of a long article's
        self._mounted = 0
        self._slots: dict[str, int] = {}
        self._quotes: list[Quote] = []
        self.matches = SearchMatches()  # the words of the search the article was opened from
        self.fetch_key = "W"  # the key that fetches the whole article, as bound now
        self.speakers_key = "s"  # the key that opens the speakers list, as bound now
        self._speakers_open = False  # the folded speakers unfolded to choose one
        self._styles: tuple[str, QuoteStyles] | None = None  # (theme, its quote styles)

    def compose(self) -> ComposeResult:
        yield Static(id="article-title")
        yield Static(id="article-meta")
        yield Static(id="article-link")
        yield Static(id="article-note")
        yield SpeakerLine(id="speaker-line")
        yield SpeakerList(id="speaker-list")
        yield Vertical(id="article-body")
        yield Vertical(id="article-extras")

    def on_mount(self) -> None:
        self.query_one(SpeakerList).display = False
        self.query_one(SpeakerLine).display = False
        self.query_one("#article-note").display = False

    def on_resize(self) -> None:
        self._layout_speakers()  # a taller or shorter pane may fold or unfold them

    # --- what is shown -------------------------------------------------------

    def quote_styles(self) -> QuoteStyles:
        """The quote styles as the current theme and TCSS make them (read once a theme:
        an article opened asks for them three times, and each reading takes a while)."""
        if self._styles is None or self._styles[0] != self.app.theme:
            self._styles = (self.app.theme, self._read_styles())
        return self._styles[1]

    def _read_styles(self) -> QuoteStyles:
        get = self.get_visual_style
        return QuoteStyles(
            speakers=distinct_speakers([get(f"reading-pane--speaker-{i}", partial=True)
                                        for i in range(SPEAKER_SLOTS)], self.app.current_theme.dark),
            unattributed=get("reading-pane--quote", partial=True),
            name=get("reading-pane--name", partial=True),
            forward=get("reading-pane--forward", partial=True),
            faded=get("reading-pane--faded", partial=True),
            current=get("reading-pane--current", partial=True),
            match=self._match_style(),
        )

    def _match_style(self) -> Style:
        style = self.get_visual_style("reading-pane--match", partial=True)
        # get_visual_style leaves out reverse (Textual 8.2.8): read it from the rule itself
        if self.get_component_styles("reading-pane--match").text_style.reverse:
            style += Style(reverse=True)
        return style

    def show_message(self, message: Content) -> None:
        """Show a note instead of an article (nothing chosen, a welcome)."""
        self.article = None
        self._quotes, self._bounds, self._slots = [], [], {}
        self._quotes_in, self._first, self._mounted = [], 0, 0
        self.forward = self.current = None
        self.matches = SearchMatches()
        for wid in ("#article-title", "#article-meta", "#article-link", "#article-note"):
            self.query_one(wid, Static).update("")
        self.query_one("#article-note").display = False
        self.query_one("#article-extras").remove_children()
        self.query_one(SpeakerList).set_speakers([], self.quote_styles())
        body = self.query_one("#article-body")
        body.remove_children()
        body.mount(Static(message, classes="paragraph message"))
        self.scroll_home(animate=False)

    def show_article(self, article: Article, matches: SearchMatches = SearchMatches()) -> None:
        """Show an article from the top, no speaker brought forward; ``matches`` are
        where the search it was opened from matched it, marked in the title and body."""
        self.article = article
        self.matches = matches
        self._quotes = sorted(article.quotes, key=lambda q: (q.start, q.end))
        self._bounds = paragraph_bounds(article.body)
        self._quotes_in = quotes_by_paragraph(self._bounds, self._quotes)
        self._first = self._mounted = 0
        self._slots = speaker_index(self._quotes)
        self.forward = self.current = None
        self._speakers_open = False
        self.query_one("#article-title", Static).update(self._title())
        when = shown_date(article.published, article.published_estimated)
        meta = [m for m in (article.byline, article.feed_title or article.source, when, article.category) if m]
        self.query_one("#article-meta", Static).update(Content(" · ".join(meta)))
        self.query_one("#article-link", Static).update(Content(article.link or ""))
        self.query_one("#article-link").display = bool(article.link)
        note = self.full_text_note(article)
        self.query_one("#article-note", Static).update(Content(note or ""))
        self.query_one("#article-note").display = bool(note)
        body = self.query_one("#article-body")
        body.remove_children()
        if article.body.strip():
            self._mount_run(0, self._batch_end(0))
        else:
            body.mount(Static(Content(f"This item has no text of its own. Its page: {article.link or 'none given'}"),
                              classes="paragraph message"))
        extras = self.query_one("#article-extras")
        extras.remove_children()
        extras.mount_all(Static(c, classes="extras") for c in extras_content(article))
        self._show_speakers()
        self.scroll_home(animate=False)

    def full_text_note(self, article: Article) -> str | None:
        """One line on where the text comes from, when it is not the whole article."""
        key = self.fetch_key
        return {
            "failed": f"The whole article could not be fetched: {article.full_text}. {key} tries again.",
            "empty": f"No text in the feed: press {key} to fetch the article from its page.",
            "summary": f"Only the feed's summary: press {key} to fetch the whole article.",
        }.get(text_state(article) or "")

    def restyle(self) -> None:
        """Draw the article again (the theme or the speaker brought forward changed)."""
        self._styles = None  # the theme's styles are read again (they are in force by now)
        if self.article is None:
            return
        self.query_one("#article-title", Static).update(self._title())
        widgets = list(self.query("#article-body > .paragraph").results(Static))
        shown = range(self._first, min(self._first + len(widgets), self._mounted))
        for widget, content in zip(widgets, self._paragraphs(shown)):
            widget.update(content)
        self._show_speakers()

    def _title(self) -> Content:
        assert self.article is not None
        return mark_spans(Content(self.article.title), self.matches.title, self.quote_styles().match)

    def _paragraphs(self, indexes: range) -> list[Content | Hanging]:
        assert self.article is not None
        styles = self.quote_styles()
        return [hanging(paragraph_content(self.article.body, self._bounds[i], self._quotes_in[i], self._slots,
                                          styles, forward=self.forward, current=self.current,
                                          matches=self.matches.body))
                for i in indexes]

    # --- a long body, a run of paragraphs mounted a batch at a time (paragraphs.py) ---

    def _want(self) -> int:
        """About how many characters a batch of paragraphs holds: a few screens."""
        return max(BATCH_MIN_CHARS, BATCH_SCREENS * self.size.width * self.size.height)

    def _batch_end(self, first: int) -> int:
        """Where a batch of paragraphs from paragraph ``first`` ends (exclusive)."""
        return batch_end(self._bounds, first, self._want())

    def _statics(self, start: int, end: int) -> list[Static]:
        return [Static(c, classes="paragraph") for c in self._paragraphs(range(start, end))]

    def _mount_run(self, start: int, end: int) -> Awaitable[object] | None:
        """Mount paragraphs ``[start, end)``: those before or after the run mounted, when they
        meet it; in its place, when they do not (None when nothing is to be mounted; else
        what to await for them to be in, and the run they replace gone)."""
        end = min(end, len(self._bounds))
        first, last = self._first, self._mounted
        body = self.query_one("#article-body")
        if start > last or end < first or first == last:
            removing = body.remove_children()
            self._first, self._mounted = start, end
            return AwaitComplete(removing, body.mount_all(self._statics(start, end))) if end > start else None
        if start < first:  # one side at a time, as the reader scrolls or jumps near the run
            self._first = start
            return body.mount_all(self._statics(start, first), before=0)
        if end > last:
            self._mounted = end
            return body.mount_all(self._statics(last, end))
        return None

    @property
    def all_mounted(self) -> bool:
        """Whether every paragraph of the article is mounted (a long one's come in batches)."""
        return self._first == 0 and self._mounted >= len(self._bounds)

    def paragraph_widget(self, index: int) -> Static | None:
        """The widget of paragraph ``index``, if it is mounted."""
        if not self._first <= index < self._mounted:
            return None
        widgets = list(self.query("#article-body > .paragraph").results(Static))
        return widgets[index - self._first] if index - self._first < len(widgets) else None

    def mount_through(self, offset: int) -> Awaitable[object] | None:
        """Mount the paragraph holding body ``offset`` with a batch either side of it, or the
        run mounted grown to it (None when it is mounted already)."""
        run = run_for(self._bounds, self._first, self._mounted, paragraph_of(self._bounds, offset), self._want())
        return self._mount_run(*run) if run is not None else None

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._mounted < len(self._bounds) and new >= self.max_scroll_y - 2 * self.size.height:
            self.call_later(self._mount_if_near_end)
        if self._first and new < self._run_top() + 2 * self.size.height:
            self.call_later(self._mount_if_near_start)

    def _run_top(self) -> int:
        return self.query_one("#article-body").virtual_region.y

    def _mount_if_near_end(self) -> None:
        # checked again: the batch asked for by an earlier scroll may have come since
        if self._mounted < len(self._bounds) and self.scroll_y >= self.max_scroll_y - 2 * self.size.height:
            self._mount_run(self._first, self._batch_end(self._mounted))

    async def _mount_if_near_start(self) -> None:
        if not self._first or self.scroll_y >= self._run_top() + 2 * self.size.height:
            return
        body = self.query_one("#article-body")
        anchor = body.children[0] if body.children else None
        was = anchor.virtual_region.y if anchor is not None else 0
        mounting = self._mount_run(batch_start(self._bounds, self._first, self._want()), self._mounted)
        if mounting is None or anchor is None:
            return
        await mounting

        def keep_still() -> None:  # the lines the reader was on stay where they were
            self.scroll_to(y=self.scroll_y + anchor.virtual_region.y - was, animate=False, immediate=True)

        self.call_after_refresh(keep_still)

    def _show_speakers(self) -> None:
        self.query_one(SpeakerList).set_speakers(speaker_list(self._quotes), self.quote_styles(),
                                                 self.forward)
        self._layout_speakers()

    # --- the speakers: a box, or one line that opens the list ------------------

    @property
    def folded(self) -> bool:
        """Whether the speakers show as one line: the pane is short, or they would need
        a scrollbar of their own beside the pane's."""
        n = len(self.query_one(SpeakerList).speakers)
        return bool(n) and (self.size.height < FOLD_BELOW or n > BOX_SPEAKERS)

    def _layout_speakers(self) -> None:
        box, line = self.query_one(SpeakerList), self.query_one(SpeakerLine)
        folded = self.folded
        self.set_class(folded, "-folded")
        line.display = folded and not self._speakers_open
        box.display = bool(box.speakers) and not line.display
        if line.display:
            line.show(box.speakers, self.quote_styles(), self.forward, self.speakers_key)

    def open_speakers(self) -> bool:
        """Move to the speakers list, unfolding it if it is one line; False when there are none."""
        box = self.query_one(SpeakerList)
        if not box.speakers:
            return False
        self._speakers_open = True
        self._layout_speakers()
        box.focus()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_speakers":
            return self.folded  # Enter means nothing else here
        return True

    def action_open_speakers(self) -> None:
        """Open the folded speakers list."""
        self.open_speakers()

    def on_speaker_list_speaker_chosen(self, event: SpeakerList.SpeakerChosen) -> None:
        """A speaker chosen in the list comes forward; chosen again, nobody. (The
        message goes on up: a screen may say so in its status line.)"""
        self.bring_forward(None if event.name == self.forward else event.name)

    def on_speaker_list_every_quote_requested(self, event: SpeakerList.EveryQuoteRequested) -> None:
        event.stop()
        self.app.post_message(messages.ShowSpeaker(event.name))  # the app opens it from the main screen

    def on_speaker_line_opened(self, event: SpeakerLine.Opened) -> None:
        event.stop()
        self.open_speakers()

    def on_descendant_blur(self, event) -> None:
        # Folded again once the reader leaves the list, but not for a screen on top
        # (every quote by a speaker): back from it, the list is still open.
        if self._speakers_open and isinstance(event.widget, SpeakerList) and self.screen.is_current:
            self._speakers_open = False
            self._layout_speakers()

    # --- quotes --------------------------------------------------------------

    @property
    def speakers(self) -> list[tuple[str, int]]:
        """The open article's speakers with their number of quotes."""
        return speaker_list(self._quotes)

    def bring_forward(self, name: str | None) -> None:
        """Make one speaker's quotes stand out (None: nobody) and go to the first of them."""
        self.forward = name
        self.current = None
        self.restyle()
        if name is not None:
            self.jump_quote(1)

    def jump_quote(self, step: int) -> bool:
        """Go to the next (``step`` 1) or previous (-1) quote, of the forward speaker if any."""
        quotes = [q for q in self._quotes if self.forward is None or q.speaker == self.forward]
        if not quotes:
            return False
        if self.current in quotes:
            i = quotes.index(self.current) + step  # type: ignore[arg-type]
        else:
            i = 0 if step > 0 else len(quotes) - 1
        if not 0 <= i < len(quotes):
            return False
        self.current = quotes[i]
        self.restyle()
        self.reveal_offset(self.current.start)
        return True

    def reveal_offset(self, offset: int) -> None:
        """Scroll so the paragraph holding body offset ``offset`` is in view (mounting it first)."""
        mounting = self.mount_through(offset)
        if mounting is not None:
            self.call_later(self._reveal_when_mounted, mounting, offset)
            return
        target = self.paragraph_widget(paragraph_of(self._bounds, offset))
        if target is not None:
            self.call_after_refresh(self.scroll_to_center, target, animate=False)

    async def _reveal_when_mounted(self, mounting: Awaitable[object], offset: int) -> None:
        await mounting
        self.reveal_offset(offset)

    def focus_quote_at(self, offset: int) -> None:
        """Make the quote starting at ``offset`` the current one and show it."""
        found = next((q for q in self._quotes if q.start <= offset < max(q.end, q.start + 1)), None)
        self.current = found
        self.restyle()
        self.reveal_offset(offset)

    # --- paging --------------------------------------------------------------

    async def action_top(self) -> None:
        """To the very top, the title in view, at once (an animated scroll could be cut short
        by the next key and stop a line or two below the title); after a jump into a long
        article, its first paragraphs mounted again first."""
        mounting = self._mount_run(0, self._batch_end(0)) if self._first else None
        if mounting is not None:
            await mounting
            self.scroll_home(animate=False)  # once the paragraphs just mounted are laid out
        else:
            self.scroll_home(animate=False, immediate=True)

    async def action_bottom(self) -> None:
        """To the end of the article at once: its last paragraphs mounted first, and only
        those (a batch), however many lie between."""
        # No frame until the new run is in and the old one gone, and anchored, the layout of
        # the paragraphs just mounted puts the end in view: the first frame shows it (a frame
        # of the run half laid out, or a scroll after the layout, would take a second one).
        with self.app.batch_update():
            mounting = self.mount_through(self._bounds[-1][0]) if self._bounds else None
            if mounting is None:
                self.scroll_end(animate=False, immediate=True)
                return
            self.anchor()
            await mounting
        self.call_after_refresh(self.anchor, False)  # else it would pull later batches to their end

    @property
    def at_end(self) -> bool:
        """Whether the bottom of the article is in view (and there is nothing more to mount)."""
        return self._mounted >= len(self._bounds) and self.scroll_y >= self.max_scroll_y

    def page(self, step: int) -> None:
        """Scroll a page down (1) or up (-1)."""
        if step > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)


def extras_content(article: Article) -> list[Content]:
    """The links, numbered as in the text, and the attachments, under the article."""
    out = []
    if article.links:
        lines = [f"[{i}] {url}" for i, url in enumerate(article.links, 1)]
        out.append(Content("Links (o, then the number, opens one)\n" + "\n".join(lines)))
    if article.enclosures:
        lines = [" · ".join(x for x in (e.type, human_size(e.length) if e.length is not None else "", e.url) if x)
                 for e in article.enclosures]
        out.append(Content("Attachments\n" + "\n".join(lines)))
    return out
