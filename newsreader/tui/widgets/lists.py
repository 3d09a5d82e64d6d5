"""The one list behaviour every pane shares: j/k/g/G, and a cursor that stops at the ends."""

from __future__ import annotations

from textual.binding import Binding
from textual.visual import VisualType
from textual.widgets import OptionList

LIST_KEYS = [
    Binding("j,down", "cursor_down", "Down", show=False, id="down"),
    Binding("k,up", "cursor_up", "Up", show=False, id="up"),
    Binding("g,home", "first", "Top", show=False, id="top"),
    Binding("G,end", "last", "Bottom", show=False, id="bottom"),
]


class StopList(OptionList):
    """An OptionList whose cursor stops at the first and the last option.

    Textual's wraps round: ``k`` on the first article went to the last one
    loaded, which in a paged list is not even the last article.
    """

    BINDINGS = LIST_KEYS

    def action_cursor_up(self) -> None:
        """Move the highlight up to the previous enabled option, if there is one."""
        self._step(-1)

    def action_cursor_down(self) -> None:
        """Move the highlight down to the next enabled option, if there is one."""
        self._step(1)

    def _step(self, direction: int) -> None:
        if self.highlighted is None:  # nothing highlighted yet: as Textual does, from an end
            (super().action_cursor_down if direction > 0 else super().action_cursor_up)()
            return
        options = self.options
        i = self.highlighted + direction
        while 0 <= i < len(options) and options[i].disabled:
            i += direction
        if 0 <= i < len(options):
            self.highlighted = i

    def restyle_option(self, index: int, prompt: VisualType, same_height: bool = True) -> None:
        """Give one option a new prompt that takes as many lines as its old one.

        Textual's ``replace_option_prompt_at_index`` lets go of every option's render
        and measured height: every row in view drawn again and every loaded row measured
        again, some 10 ms of an article opened (its row marked read, four counts in the
        categories pane). Here only this option's own render goes (Textual 8.2.8's cache,
        keyed by option), and only its own lines are drawn again. ``same_height`` False
        (the text changed) takes Textual's way.
        """
        if not same_height:
            self.replace_option_prompt_at_index(index, prompt)
            return
        option = self.get_option_at_index(index)
        option._set_prompt(prompt)
        cache = self._option_render_cache
        for key in [k for k in cache.keys() if k[0] is option]:
            cache.discard(key)
        self.refresh_lines(self._index_to_line[index], self._heights[index])
