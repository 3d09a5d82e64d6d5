"""One story told by several outlets: their headlines, who each quotes, and each
version with the quotations it shares with the others marked.

The outlets' articles are read and compared in a worker; moving to another
outlet (the list, or ``[`` and ``]``) opens its version at the same place:
at the quotation the two share nearest where the reader was, else as far down.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from newsreader.models import Article
from newsreader.store import Store
from newsreader.text import UNDATED, counted
from newsreader.tui.widgets.lists import StopList
from newsreader.tui.widgets.speaker_list import SpeakerList
from newsreader.tui.widgets.story_pane import StoryPane

NARROW = 110
MAX_ARTICLES = 40  # a story is a handful of outlets; past this the first ones are shown


class OutletList(StopList):
    """The story's articles, one an outlet: outlet, headline, date and length."""

    COMPONENT_CLASSES = {"outlet-list--outlet", "outlet-list--meta"}

    def show(self, cmp, narrow: int | None) -> None:
        """List the story's articles; ``narrow`` (a width) puts each on one line that fits."""
        outlet = self.get_visual_style("outlet-list--outlet", partial=True)
        meta = self.get_visual_style("outlet-list--meta", partial=True)
        self.clear_options()
        for a in cmp.story.articles:
            shared = sum(1 for q in cmp.quotes if q.shared and a.id in q.articles)
            if narrow:  # one line each, the headline cut to fit
                room = max(narrow - len(a.outlet) - 3, 8)
                title = a.title if len(a.title) <= room else a.title[:room - 1] + "…"
                prompt = Content.assemble(Content(a.outlet).stylize(outlet), " · ", Content(title))
            else:
                prompt = Content.assemble(
                    Content(a.outlet).stylize(outlet), "\n", Content(a.title), "\n",
                    Content(f"{UNDATED if a.estimated else f'{a.published:%d %b %Y}'} · {a.length:,} words"
                            f" · {shared} shared").stylize(meta))
            self.add_option(Option(prompt, id=str(a.id)))


class StoryScreen(Screen[int | None]):
    """The story of an article; dismisses with the article last shown (or None)."""

    BINDINGS = [
        Binding("q,escape", "close", "Back", id="story-back", tooltip="Back to the list"),
        Binding("right_square_bracket", "outlet(1)", "Next outlet", id="next-outlet",
                tooltip="The next outlet's version, at the same place"),
        Binding("left_square_bracket", "outlet(-1)", "Prev outlet", id="previous-outlet",
                tooltip="The previous outlet's version, at the same place"),
        Binding("tab", "switch_pane", "Pane", show=False, id="story-pane",
                tooltip="Between the outlets and the article"),
        Binding("s", "speakers", "Speakers", show=False, id="story-speakers",
                tooltip="The speakers of the version shown"),
    ]

    def __init__(self, db_path: Path, story_id: int, article_id: int | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.story_id = story_id
        self.first = article_id
        self.cmp = None
        self.articles: dict[int, Article] = {}
        self.shown: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Reading the story…"), id="story-heading")
        with Horizontal(id="story-panes"):
            with Vertical(id="story-side"):
                yield OutletList(id="story-outlets")
                yield Static(id="story-speakers")
            yield StoryPane(id="story-reader")
        yield Static(id="story-status")
        yield Footer()

    def on_mount(self) -> None:
        self._narrow(self.app.size.width)
        self.query_one("#story-outlets").border_title = "Outlets"
        self.query_one(StoryPane).loading = True
        self.load()

    def on_resize(self, event: Resize) -> None:
        self._narrow(event.size.width)

    def _narrow(self, width: int) -> None:
        self.set_class(width < NARROW, "-narrow")
        if self.cmp is not None:  # one line an outlet, fitted to the width
            self._fill_outlets()
            self.query_one("#story-speakers", Static).update(self._speakers())

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def load(self) -> None:
        """Read the story, compare its quotations and read its articles, in this thread."""
        from newsreader.storyview import compare

        with Store(self.db_path) as store:
            cmp = compare(store, self.story_id)
            articles = {a.id: store.article(a.id) for a in cmp.story.articles[:MAX_ARTICLES]}
        self.app.call_from_thread(self._loaded, cmp, articles)

    def _loaded(self, cmp, articles: dict[int, Article]) -> None:
        self.cmp, self.articles = cmp, articles
        s = cmp.story
        self.query_one("#story-heading", Static).update(Content.assemble(
            Content("Story: ").stylize("dim"), Content(s.title).stylize("bold"),
            f" · {counted(len(s.articles), 'article')} from {counted(len(s.outlets), 'outlet')}"))
        self._fill_outlets()
        self.query_one("#story-speakers", Static).update(self._speakers())
        shared = sum(q.shared for q in cmp.quotes)
        self.query_one("#story-status", Static).update(Content(
            f"{counted(len(cmp.quotes), 'quotation')}, {shared or 'none'} carried by more than one article"
            + (": underlined in the text" if shared else "") if cmp.quotes else "No quotations in these articles"))
        self.query_one(StoryPane).loading = False
        first = self.first if self.first in articles else next(iter(articles), None)
        if first is not None:
            self.show_article(first)
            ids = [a.id for a in s.articles]
            self.query_one(OutletList).highlighted = ids.index(first)
        self.query_one(OutletList).focus()

    def _fill_outlets(self) -> None:
        olist = self.query_one(OutletList)
        keep = olist.highlighted
        olist.show(self.cmp, self.app.size.width - 8 if self.has_class("-narrow") else None)
        if keep is not None:
            olist.highlighted = keep

    def _speakers(self) -> Content:
        """Each speaker of the story with the outlets that quote them."""
        if not self.cmp.speakers:
            return Content("No one is quoted by name.")
        if self.has_class("-narrow"):  # a line or two: each speaker and how many outlets quote them
            parts = [Content("Speakers (outlets quoting them):").stylize("bold")]
            for sp in self.cmp.speakers:
                n = len(self.cmp.outlets_of(sp.articles))
                parts += [Content(" "), Content(sp.name).stylize("bold"), Content(f" {n} ·")]
            return Content.assemble(*parts)[:-2]
        parts = [Content("Speakers and the outlets quoting them").stylize("bold")]
        for sp in self.cmp.speakers:
            parts += [Content("\n"), Content(sp.name).stylize("bold"),
                      Content("\n  " + ", ".join(self.cmp.outlets_of(sp.articles))).stylize("dim")]
        return Content.assemble(*parts)

    # --- moving between the outlets' versions ----------------------------------

    def show_article(self, article_id: int) -> None:
        """Show one outlet's version, at the place the reader was in the one before."""
        pane = self.query_one(StoryPane)
        place = pane.place() if self.shown is not None else None
        target = self._counterpart(article_id, *place) if place is not None else 0
        self.shown = article_id
        shared = [(c.start, c.end) for q in self.cmp.quotes if q.shared
                  for c in q.places if c.article == article_id]
        pane.show_shared(self.articles[article_id], shared)
        pane.go_to(target)

    def _counterpart(self, article_id: int, offset: int, share: float) -> int:
        """The body offset in ``article_id`` matching ``offset`` in the article shown: the
        first shared quotation at or after it that both carry, else the same share down."""
        pairs = []
        for q in self.cmp.quotes:
            here = [c.start for c in q.places if c.article == self.shown and c.start >= offset]
            there = [c.start for c in q.places if c.article == article_id]
            if here and there:
                pairs.append((min(here), min(there)))
        if pairs:
            return min(pairs)[1]  # the one nearest below where the reader was
        return int(share * len(self.articles[article_id].body))

    @on(OptionList.OptionHighlighted, "#story-outlets")
    def _outlet_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None and self.cmp is not None and int(event.option.id) != self.shown:
            self.show_article(int(event.option.id))

    @on(OptionList.OptionSelected, "#story-outlets")
    def _outlet_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(StoryPane).focus()

    def action_outlet(self, step: int) -> None:
        """The next (1) or previous (-1) outlet's version."""
        olist = self.query_one(OutletList)
        if self.cmp is None or not olist.option_count:
            return
        i = (olist.highlighted or 0) + step
        if 0 <= i < olist.option_count:
            olist.highlighted = i  # its highlight shows the article
        else:
            self.notify("That was the " + ("last" if step > 0 else "first") + " outlet", timeout=2)

    def action_speakers(self) -> None:
        """The speakers list of the version shown (choosing one brings their quotes forward)."""
        if self.shown is None or not self.query_one(StoryPane).open_speakers():
            self.notify("No one is quoted by name here", timeout=2)

    def action_switch_pane(self) -> None:
        """Between the outlets list and the article."""
        pane = self.query_one(StoryPane)
        (self.query_one(OutletList) if pane.has_focus_within else pane).focus()

    def action_close(self) -> None:
        """Back to where the story was opened from."""
        self.dismiss(self.shown)


# What ? lists on this screen (the app's own keys are added): set once the class exists.
StoryScreen.HELP_CLASSES = (OutletList, StoryPane, SpeakerList, StoryScreen)
