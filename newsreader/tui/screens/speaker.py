"""Every quote by one speaker, across the library, newest article first."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from newsreader.store import Store
from newsreader.store.store import Filter
from newsreader.tui.widgets.quote_list import QuoteList

QUOTE_LIMIT = 500


def find_speaker_key(store: Store, name: str) -> str | None:
    """The library's key for a speaker named ``name`` in some article."""
    try:
        from newsreader.analysis.speakers import person_key
    except ImportError:
        person_key = None
    keys = store.speaker_keys()
    if person_key is not None:
        key = person_key(name)
        if any(k == key for k, _n in keys):
            return key
    return next((k for k, shown in keys if shown == name), None)


class SpeakerScreen(Screen[tuple[int, int] | None]):
    """Lists the quotes; Enter dismisses with (article id, quote start) to open there."""

    BINDINGS = [
        Binding("q,escape", "close", "Back", id="back"),
    ]

    def __init__(self, db_path: Path, name: str, key: str | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.speaker = name
        self.key = key

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Every quote by {self.speaker}"), id="speaker-heading")
        yield QuoteList(id="speaker-quotes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(QuoteList).loading = True
        self.load_quotes()

    @work(thread=True, exclusive=True, group="speaker", exit_on_error=False)
    def load_quotes(self) -> None:
        """Read the quotes and their articles' titles with a connection of this thread."""
        with Store(self.db_path) as store:
            key = self.key or find_speaker_key(store, self.speaker)
            quotes = store.quotes([key], limit=QUOTE_LIMIT) if key else []
            articles = {a.id: a for a in store.list_articles(
                Filter(speaker_key=key), limit=QUOTE_LIMIT)} if key else {}
        self.app.call_from_thread(self.show_quotes, quotes, articles)

    def show_quotes(self, quotes, articles) -> None:
        """Fill the list and say how many there are."""
        olist = self.query_one(QuoteList)
        olist.loading = False
        olist.set_quotes(quotes, articles)
        heading = f"Every quote by {self.speaker}: {len(quotes)}"
        if len(quotes) == QUOTE_LIMIT:
            heading += " (the newest shown)"
        if not quotes:
            heading = f"No quotes by {self.speaker} in the library"
        self.query_one("#speaker-heading", Static).update(Content(heading))
        olist.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.query_one(QuoteList).targets[event.option_index])

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
