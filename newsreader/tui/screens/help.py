"""The ``?`` help: every key as it is bound now (after ``[keys]`` in config.toml)."""

from __future__ import annotations

from typing import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

INTRO = ("Keys can be changed under [keys] in config.toml by the id in the last column, "
         'e.g. favourite = "F". q or escape closes this.')


class HelpDialog(ModalScreen[None]):
    """A table of keys, what they do and their binding ids."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help-close"),
        # the table has the arrows, home/end and page keys; these are the reader's own
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
        Binding("g", "move(-9999)", "Top", show=False),
        Binding("G", "move(9999)", "Bottom", show=False),
        Binding("space", "move(10)", "Page down", show=False),
        Binding("b", "move(-10)", "Page up", show=False),
    ]

    def __init__(self, rows: Iterable[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static("Keys", id="help-title", markup=False)
            yield Static(Content(INTRO), id="help-intro")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)

    def on_resize(self, _event: Resize) -> None:
        self.call_after_refresh(self._fill)  # once the table has its new size

    def _fill(self) -> None:
        """Lay the table out for the room there is: the descriptions wrap rather than hide.

        (Cells are rich ``Text``: the table measures those, where ``Content`` cells
        were measured as one cell wide and cut to a few letters.)
        """
        table = self.query_one(DataTable)
        keys = max([len("Key")] + [len(k) for k, _d, _i in self.rows])
        ids = max([len("Id")] + [len(i) for _k, _d, i in self.rows])
        longest = max((len(d) for _k, d, _i in self.rows), default=4)
        room = (table.scrollable_content_region.width - keys - ids - 3 * 2 * table.cell_padding
                - table.styles.scrollbar_size_vertical)
        does = max(min(longest, room), 20)
        table.clear(columns=True)
        table.add_column("Key", width=keys)
        table.add_column("Does", width=does)
        table.add_column("Id", width=ids)
        for k, d, i in self.rows:
            table.add_row(Text(k), Text(d), Text(i), height=None)

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def action_move(self, rows: int) -> None:
        """Move through the keys (the table scrolls with the cursor)."""
        table = self.query_one(DataTable)
        table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + rows)))

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
        shown = [display(Binding(k.strip(), b.action)) for k in keys.split(",")]
        if b.id in rows:  # several widgets bind the same id (down, top, ...): list each key once
            earlier = rows[b.id][0].split(", ")
            shown = earlier + [k for k in shown if k not in earlier]
        rows[b.id] = (", ".join(shown), b.tooltip or b.description, b.id)
    return list(rows.values())
