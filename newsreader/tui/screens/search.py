"""The search prompt: one line of words, looked up in the full-text index."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SearchDialog(ModalScreen[str | None]):
    """Dismisses with the words typed (None when cancelled).

    Given ``search``, Enter calls ``search(words, found)`` and the dialog stays until
    ``found()`` says the results are shown (read in a worker): the dialog's going and
    the results then come in one frame, and the event loop is free meanwhile.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="search-cancel")]

    def __init__(self, initial: str = "",
                 search: Callable[[str, Callable[[], object]], object] | None = None) -> None:
        super().__init__()
        self.initial = initial
        self.search = search
        self.searching: str | None = None  # the words being looked up

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog", classes="dialog"):
            yield Static("Search titles and text (every word must match; the last may be a prefix)",
                         id="search-hint", markup=False)
            yield Input(self.initial, placeholder="words…", id="search-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        words = event.value.strip() or None
        if words is None or self.search is None:
            self.dismiss(words)
            return
        self.searching = words
        self.search(words, lambda: self._found(words))

    def _found(self, words: str) -> None:
        if self.searching == words and self.is_current:  # not cancelled, nor searched again since
            self.searching = None
            self.dismiss(words)

    def action_cancel(self) -> None:
        """Close without searching."""
        self.dismiss(None)
