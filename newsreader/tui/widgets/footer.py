"""The key footer: Textual's, composed again only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's ``Footer`` composes a widget per key again whenever the screen's
    bindings may have changed: twice on every move of the focus, so opening an
    article and going back to the list composed it four times, a good part of
    their cost. This one does so only when the keys shown, their state or the
    way they are written differ from what it shows; and it lets the keys it composed
    before go."""

    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            shown = self._keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        # Each key binds the footer's ``compact`` (``data_bind``), and Textual forgets the
        # binding of a removed key only when ``compact`` next changes, which it seldom
        # does: every key composed before stayed alive, with its styles and caches.
        watchers = getattr(self, "__watchers", {}).get("compact")
        if watchers:
            watchers[:] = [(node, callback) for node, callback in watchers
                           if not (node._closing or node._closed)]
        yield from super().compose()

    def _keys(self, screen: Screen) -> tuple:
        return tuple((b.key, b.action, b.description, enabled, tooltip, self.app.get_key_display(b))
                     for _node, b, enabled, tooltip in screen.active_bindings.values() if b.show)
