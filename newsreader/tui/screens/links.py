"""The open article's links, numbered as in its text: a number or Enter opens one."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newsreader.models import Article
from newsreader.tui.widgets.lists import StopList


def link_choices(article: Article) -> list[tuple[str, str]]:
    """(label, url): the article's own page as 0, then its links as numbered in the body."""
    out = [("0", article.link)] if article.link else []
    out += [(str(i), url) for i, url in enumerate(article.links, 1)]
    return out


class LinksDialog(ModalScreen[str | None]):
    """Dismisses with the chosen URL, or None."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="links-close")]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.choices = link_choices(article)
        self.typed = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="links-dialog", classes="dialog"):
            yield Static(Content("Open which link? Type its number, or move and press Enter (Esc closes)"),
                         id="links-question")
            yield StopList(*(Option(Content(f"[{label}] {url}"), id=label) for label, url in self.choices),
                             id="links-options")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        if event.character is None or not event.character.isdigit():
            return
        event.stop()
        labels = [label for label, _ in self.choices]
        typed = self.typed + event.character
        if typed not in labels and not any(x.startswith(typed) for x in labels):
            typed = event.character  # a fresh number
        self.typed = typed
        if typed in labels:
            self.query_one(OptionList).highlighted = labels.index(typed)
            if not any(x != typed and x.startswith(typed) for x in labels):
                self.dismiss(self.choices[labels.index(typed)][1])  # no longer number starts so

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index][1])

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
