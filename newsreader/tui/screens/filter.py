"""The filter prompt: one line of filter expression over the current list, and
on ctrl+s a name to save it under as a view."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from newsreader.filters import FilterError, parse

HINT = ('Filter {label}: e.g. unread and title ~ "storm" or age < 2d (see newsreader list --help).'
        " Enter narrows the list, an empty line shows it whole; ctrl+s saves as a view; Esc cancels")
NAME_HINT = "Save as a view listed with the categories: {expr}. Type its name and press Enter (Esc goes back)"


class FilterDialog(ModalScreen[tuple[str, str | None] | None]):
    """Dismisses with (expression, None) to narrow the list, (expression, name) to save
    it as a view too, or None when cancelled. ``check_name`` says what is wrong with a
    name (None when it will do); ``saved_as`` turns the expression into what is saved."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter-cancel"),
        Binding("ctrl+s", "save", "Save as a view", id="filter-save"),
    ]

    def __init__(self, label: str, initial: str = "", *, check_name: Callable[[str], str | None],
                 saved_as: Callable[[str], str]) -> None:
        super().__init__()
        self.label = label
        self.initial = initial
        self.check_name = check_name
        self.saved_as = saved_as
        self.expr: str | None = None  # set while the name is asked for

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-dialog", classes="dialog"):
            yield Static(Content(HINT.format(label=self.label)), id="filter-hint")
            yield Input(self.initial, placeholder="filter expression…", id="filter-input")
            yield Static("", id="filter-error")

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    def _error(self, text: str) -> None:
        self.query_one("#filter-error", Static).update(Content(text))

    def _checked(self, text: str) -> bool:
        try:
            parse(text)
        except FilterError as exc:
            self._error(str(exc))
            return False
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value
        if self.expr is None:
            if not value.strip():
                self.dismiss(("", None))
            elif self._checked(value):
                self.dismiss((value.strip(), None))
            return
        problem = self.check_name(value)
        if problem:
            self._error(problem)
        else:
            self.dismiss((self.expr, value.strip()))

    def on_input_changed(self, _event: Input.Changed) -> None:
        self._error("")  # an error about the text before this key is stale

    def action_save(self) -> None:
        """Ask for a name to save the expression under."""
        value = self.input.value
        if self.expr is not None or not self._checked(value):
            return
        self.expr = value.strip()
        self.query_one("#filter-hint", Static).update(Content(NAME_HINT.format(expr=self.saved_as(self.expr))))
        self.input.value = ""
        self.input.placeholder = "name of the view…"

    def action_cancel(self) -> None:
        """Close without filtering (while naming: back to the expression)."""
        if self.expr is None:
            self.dismiss(None)
            return
        self.input.value, self.expr = self.expr, None
        self.input.placeholder = "filter expression…"
        self.query_one("#filter-hint", Static).update(Content(HINT.format(label=self.label)))
