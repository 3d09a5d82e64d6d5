"""The ``?`` help: every key as it is bound now (after ``[keys]`` in config.toml)."""

from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

INTRO = ("Keys can be changed under [keys] in config.toml, by the id in the last column, "
         'e.g.  favourite = "F".  q or escape closes this.')


class HelpDialog(ModalScreen[None]):
    """A table of keys, what they do and their binding ids."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help-close")]

    def __init__(self, rows: Iterable[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static("Keys", id="help-title", markup=False)
            yield Static(Content(INTRO), id="help-intro")
            table: DataTable = DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            table.add_columns("Key", "Does", "Id")
            table.add_rows([Content(k), Content(d), Content(i)] for k, d, i in self.rows)
            yield table

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)


def help_rows(bindings: Iterable[Binding], keymap: dict[str, str], display) -> list[tuple[str, str, str]]:
    """(keys, description, id) per binding id, with the keymap applied; ``display`` formats a key."""
    rows: dict[str, tuple[str, str, str]] = {}
    for b in bindings:
        if not b.id or not b.description:
            continue
        keys = keymap.get(b.id, b.key)
        shown = ", ".join(display(Binding(k.strip(), b.action)) for k in keys.split(","))
        if b.id in rows:
            old = rows[b.id]
            if shown not in old[0].split(", "):
                shown = f"{old[0]}, {shown}"
        rows[b.id] = (shown, b.tooltip or b.description, b.id)
    return list(rows.values())
