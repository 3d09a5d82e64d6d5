"""Command palette: every quote by a speaker."""

from __future__ import annotations

import asyncio

from textual.content import Content
from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsreader.store import Store
from newsreader.tui.providers import plain_highlight
from newsreader.tui.messages import ShowSpeaker


class SpeakerCommands(Provider):
    """One command per person quoted in the library."""

    async def startup(self) -> None:
        """Read the speakers off the event loop, with a connection of that thread."""
        def load() -> list[tuple[str, str]]:
            with Store(self.app.db_path) as store:
                return sorted(store.speaker_keys(), key=lambda kn: kn[1].casefold())

        self.speakers = await asyncio.to_thread(load)

    def _go(self, key: str, name: str):
        return lambda: self.app.post_message(ShowSpeaker(name, key))

    async def discover(self) -> Hits:
        for key, name in self.speakers:
            yield DiscoveryHit(Content(f"Quotes by {name}"), self._go(key, name), help="Every quote, newest first")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key, name in self.speakers:
            text = f"Quotes by {name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, plain_highlight(matcher, text), self._go(key, name), text=text,
                          help="Every quote, newest first")
