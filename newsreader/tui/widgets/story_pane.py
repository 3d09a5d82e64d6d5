"""The story view's reading pane: one outlet's article, with the quotations other
outlets carry too marked, and a place that survives a switch to another outlet."""

from __future__ import annotations

from typing import Awaitable

from textual.style import Style
from textual.widgets import Static

from newsreader.models import Article
from newsreader.store.search import SearchMatches
from newsreader.tui.article_text import paragraph_of
from newsreader.tui.widgets.reading_pane import ReadingPane


class StoryPane(ReadingPane):
    """A ``ReadingPane`` whose marked spans are the shared quotations, not search words."""

    COMPONENT_CLASSES = {*ReadingPane.COMPONENT_CLASSES, "story-pane--shared"}

    def _match_style(self) -> Style:
        return self.get_visual_style("story-pane--shared", partial=True)

    def show_shared(self, article: Article, shared: list[tuple[int, int]]) -> None:
        """Show ``article`` from the top with the body spans ``shared`` marked."""
        self.show_article(article, SearchMatches(body=tuple(sorted(shared))))

    def _paragraph_widgets(self) -> list[Static]:
        return list(self.query("#article-body > .paragraph").results(Static))

    def place(self) -> tuple[int, float] | None:
        """Where the reader is: the body offset of the first paragraph in view, and the
        share of the body above it (for an article without a counterpart there); None
        at the top."""
        widgets = self._paragraph_widgets()
        bounds = self._bounds
        if not widgets or not bounds or self.scroll_y <= 0:
            return None
        top = self.scrollable_content_region.y  # inside the border
        for widget, (start, _end) in zip(widgets, bounds[self._first:]):
            if widget.region.height and widget.region.bottom > top:
                return start, start / max(len(self.article.body), 1) if self.article else 0.0
        return bounds[-1][0], 1.0

    def in_view(self, offset: int) -> bool:
        """Whether the paragraph holding body offset ``offset`` is on screen, whole."""
        widget = self.paragraph_widget(paragraph_of(self._bounds, offset))
        if widget is None:
            return False
        region = widget.region
        inside = self.scrollable_content_region
        return bool(region.height) and region.y >= inside.y and region.bottom <= inside.bottom

    def go_to(self, offset: int) -> None:
        """Put the paragraph holding body offset ``offset`` at the top of the pane (once
        the paragraphs just mounted, and not the ones they replace, are laid out)."""
        if offset <= 0:
            self.scroll_home(animate=False, immediate=True)
            return
        mounting = self.mount_through(offset)  # a long article's paragraphs come in batches
        if mounting is not None:
            self.call_later(self._go_when_mounted, mounting, offset)
            return

        def scroll() -> None:
            widget = self.paragraph_widget(paragraph_of(self._bounds, offset))
            if widget is not None:
                self.scroll_to_widget(widget, animate=False, top=True, immediate=True)

        # after the move to the top that showing the article asked for, not before it
        self.call_after_refresh(self.call_after_refresh, scroll)

    async def _go_when_mounted(self, mounting: Awaitable[object], offset: int) -> None:
        await mounting
        self.go_to(offset)
