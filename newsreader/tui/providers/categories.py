"""Command palette: go to a view or a category."""

from __future__ import annotations

import asyncio

from textual.content import Content
from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsreader.store import Store
from newsreader.tui.providers import plain_highlight
from newsreader.tui.messages import ShowView
from newsreader.tui.views import ALL, FAVOURITES, UNREAD, View, category_view


class CategoryCommands(Provider):
    """One command per fixed view and per category."""

    async def startup(self) -> None:
        """Read the categories off the event loop, with a connection of that thread."""
        def load() -> list[tuple[View, int]]:
            with Store(self.app.db_path) as store:
                return [(category_view(c.name), c.unread) for c in store.categories()]

        self.views = [(v, 0) for v in (ALL, UNREAD, FAVOURITES)] + await asyncio.to_thread(load)

    def _go(self, view: View):
        return lambda: self.app.post_message(ShowView(view))

    def _help(self, view: View, unread: int) -> str:
        return f"{unread} unread" if unread else "Show this list"

    async def discover(self) -> Hits:
        for view, unread in self.views:
            yield DiscoveryHit(Content(f"Go to {view.label}"), self._go(view), help=self._help(view, unread))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for view, unread in self.views:
            text = f"Go to {view.label}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, plain_highlight(matcher, text), self._go(view), text=text,
                          help=self._help(view, unread))
