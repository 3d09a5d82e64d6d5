"""The search prompt: one line of words, looked up in the full-text index."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SearchDialog(ModalScreen[str | None]):
    """Dismisses with the words typed (None when cancelled)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="search-cancel")]

    def __init__(self, initial: str = "") -> None:
        super().__init__()
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog", classes="dialog"):
            yield Static("Search titles and text (every word must match; the last may be a prefix)",
                         id="search-hint", markup=False)
            yield Input(self.initial, placeholder="words…", id="search-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without searching."""
        self.dismiss(None)
