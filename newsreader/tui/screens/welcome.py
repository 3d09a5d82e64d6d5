"""What an empty library opens on: how to add feeds, and the demo."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

WELCOME = """\
Your library is empty.

Add a feed from the command line, then come back:

    newsreader add https://example.org/feed.xml
    newsreader import subscriptions.opml
    newsreader import saved-page.txt

newsreader import FILE reads feeds, OPML lists, saved pages and
backups; press r here once they are in.

To look around first, try the demo library; it leaves yours untouched:

    newsreader --demo
"""


class WelcomeScreen(Screen[None]):
    """Shown while the library holds no articles; r reads the subscriptions if there are any."""

    BINDINGS = [
        Binding("r", "app.refresh_feeds", "Refresh", id="refresh",
                tooltip="Read every subscribed feed again"),
        Binding("q", "app.quit", "Quit", id="back"),
        Binding("question_mark", "app.help", "Help", id="help"),
    ]

    def compose(self) -> ComposeResult:
        with Center(id="welcome-box"):
            with Vertical(id="welcome"):
                yield Static("Welcome to newsreader", id="welcome-title", markup=False)
                yield Static(Content(WELCOME), id="welcome-text")
                yield Static("", id="welcome-status", markup=False)
        yield Footer()

    def set_status(self, text: str) -> None:
        """Show a line of progress or a result under the welcome."""
        self.query_one("#welcome-status", Static).update(Content(text))
