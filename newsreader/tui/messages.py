"""Requests any part of the app may make; the main screen carries them out.

Events a widget reports about itself live on the widget (``ArticleList.ArticleChosen``);
these are imperative and cross-cutting (the command palette, the speaker view).
"""

from __future__ import annotations

from textual.message import Message

from newsreader.tui.views import View


class ShowView(Message):
    """Show this view in the article list."""

    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view


class OpenArticle(Message):
    """Open an article, optionally at the quote starting at ``quote_start``."""

    def __init__(self, article_id: int, quote_start: int | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.quote_start = quote_start


class ShowSpeaker(Message):
    """Show every quote by a speaker (by key when known, else by display name)."""

    def __init__(self, name: str, key: str | None = None) -> None:
        super().__init__()
        self.name = name
        self.key = key
