"""A list of quotes from across the library: the words, then where they were said."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from newsreader.models import ArticleSummary, Quote
from newsreader.tui.widgets.lists import StopList


class QuoteList(StopList):
    """One option per quote; ``targets`` holds (article id, quote start) for each."""

    COMPONENT_CLASSES = {"quote-list--quote", "quote-list--meta"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.targets: list[tuple[int, int]] = []

    def set_quotes(self, quotes: list[tuple[int, Quote, str]],
                   articles: dict[int, ArticleSummary]) -> None:
        """Show ``(article id, quote, quoted text)`` rows with their articles' titles."""
        quote_style = self.get_visual_style("quote-list--quote", partial=True)
        meta_style = self.get_visual_style("quote-list--meta", partial=True)
        self.targets = [(art_id, q.start) for art_id, q, _text in quotes]
        options = []
        for art_id, _q, text in quotes:
            art = articles.get(art_id)
            where = (f"{art.title} · {art.feed_title or art.source} · {art.published:%Y-%m-%d}"
                     if art else f"article {art_id}")
            options.append(Option(Content.assemble(
                Content(f"“{' '.join(text.split())}”").stylize(quote_style), "\n",
                Content(f"— {where}").stylize(meta_style))))
        self.set_options(options)
        if options:
            self.highlighted = 0
