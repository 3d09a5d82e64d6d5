"""The speakers of the open article, each in their colour with their number of quotes:
a list, or folded into one line when the pane is short or they are many."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.events import Click
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsreader.tui.article_text import QuoteStyles
from newsreader.tui.widgets.lists import StopList


class SpeakerList(StopList):
    """Enter brings a speaker's quotes forward; ``e`` lists every quote they gave."""

    BINDINGS = [
        Binding("e", "every_quote", "Quotes", id="speaker-quotes",
                tooltip="Every quote by this speaker, across the library"),
        Binding("escape", "clear_forward", "Clear", show=False, id="speaker-clear",
                tooltip="Bring nobody's quotes forward"),
    ]

    class SpeakerChosen(Message):
        """A speaker was chosen (None: bring nobody forward)."""

        def __init__(self, name: str | None) -> None:
            super().__init__()
            self.name = name

    class EveryQuoteRequested(Message):
        """The reader asked for every quote by this speaker."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.speakers: list[tuple[str, int]] = []

    def set_speakers(self, speakers: list[tuple[str, int]], styles: QuoteStyles,
                     forward: str | None = None) -> None:
        """List ``(name, quotes)`` pairs; the speaker brought forward is marked."""
        keep = self.highlighted
        self.speakers = speakers
        options = []
        for slot, (name, n) in enumerate(speakers):
            marker = "▶ " if name == forward else "● "
            prompt = Content.assemble(
                Content(marker).stylize(styles.speaker(slot)),
                Content(name).stylize(styles.speaker(slot) + styles.name),
                f"  {n} quote{'' if n == 1 else 's'}",
            )
            options.append(Option(prompt))
        self.set_options(options)
        if speakers:
            self.highlighted = keep if keep is not None and keep < len(speakers) else 0

    @property
    def current(self) -> str | None:
        """The highlighted speaker's name."""
        if self.highlighted is None or not self.speakers:
            return None
        return self.speakers[self.highlighted][0]

    def action_every_quote(self) -> None:
        """Ask for the highlighted speaker's quotes across the library."""
        if self.current:
            self.post_message(self.EveryQuoteRequested(self.current))

    def action_clear_forward(self) -> None:
        """Bring nobody forward."""
        self.post_message(self.SpeakerChosen(None))

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current:
            self.post_message(self.SpeakerChosen(self.current))


class SpeakerLine(Widget):
    """The speakers folded into one line, fitted to its width; a click opens the list."""

    class Opened(Message):
        """The line was clicked: open the list."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._fold: tuple[list[tuple[str, int]], QuoteStyles, str | None, str] | None = None

    def show(self, speakers: list[tuple[str, int]], styles: QuoteStyles, forward: str | None, key: str) -> None:
        """Fold these speakers (see :func:`fold_speakers`)."""
        self._fold = (speakers, styles, forward, key)
        self.refresh()

    def render(self) -> Content:
        if self._fold is None:
            return Content("")
        speakers, styles, forward, key = self._fold
        return fold_speakers(speakers, styles, forward, self.size.width, key)

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(self.Opened())


def fold_speakers(speakers: list[tuple[str, int]], styles: QuoteStyles, forward: str | None,
                  width: int, key: str) -> Content:
    """``● Alice 3 · ● Bob 2 · +4 more  (s: list)``: as many speakers as ``width`` holds,
    each in their colour (``▶`` for the one brought forward), then how to open the list."""
    hint = f"  ({key}: list)"
    parts: list[Content] = []
    used = 0
    for slot, (name, n) in enumerate(speakers):
        colour = styles.speaker(slot)
        part = Content.assemble(Content("▶ " if name == forward else "● ").stylize(colour),
                                Content(name).stylize(colour + styles.name), f" {n}")
        rest = len(speakers) - slot - 1
        room = width - len(hint) - (len(f" · +{rest} more") if rest else 0)
        if parts and used + 3 + part.cell_length > room:
            break
        parts.append(part)
        used += part.cell_length + (3 if len(parts) > 1 else 0)
    rest = len(speakers) - len(parts)
    line = Content(" · ").join(parts) + (f" · +{rest} more" if rest else "") + hint
    return line.truncate(width, ellipsis=True) if line.cell_length > width else line
