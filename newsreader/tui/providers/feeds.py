"""Command palette: show one feed's articles."""

from __future__ import annotations

import asyncio

from textual.content import Content
from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsreader.models import Feed
from newsreader.store import Store
from newsreader.tui.providers import plain_highlight
from newsreader.tui.messages import ShowView
from newsreader.tui.views import feed_view


class FeedCommands(Provider):
    """One command per source that holds articles (subscriptions and imported files)."""

    async def startup(self) -> None:
        """Read the feeds off the event loop, with a connection of that thread."""
        def load() -> list[Feed]:
            with Store(self.app.db_path) as store:
                return [f for f in store.feeds(subscribed_only=False) if f.article_count]

        self.feeds = await asyncio.to_thread(load)

    def _go(self, feed: Feed):
        return lambda: self.app.post_message(ShowView(feed_view(feed.id, feed.title)))

    def _help(self, feed: Feed) -> str:
        n = feed.article_count
        return f"{n} article{'' if n == 1 else 's'}, {feed.unread_count} unread"

    async def discover(self) -> Hits:
        for feed in self.feeds:
            yield DiscoveryHit(Content(f"Feed: {feed.title}"), self._go(feed), help=self._help(feed))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for feed in self.feeds:
            text = f"Feed: {feed.title}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, plain_highlight(matcher, text), self._go(feed), text=text, help=self._help(feed))
