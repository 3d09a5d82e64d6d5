"""The story view's reading pane: one outlet's article, with the quotations other
outlets carry too marked, and a place that survives a switch to another outlet."""

from __future__ import annotations

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

    def place(self) -> tuple[int, float]:
        """Where the reader is: the body offset of the first paragraph in view, and the
        share of the body above it (for an article without a counterpart there)."""
        widgets = self._paragraph_widgets()
        bounds = self._bounds
        if not widgets or not bounds or self.scroll_y <= 0:
            return 0, 0.0
        top = self.region.y
        for widget, (start, _end) in zip(widgets, bounds):
            if widget.region.height and widget.region.bottom > top:
                return start, start / max(len(self.article.body), 1) if self.article else 0.0
        return bounds[-1][0], 1.0

    def go_to(self, offset: int) -> None:
        """Put the paragraph holding body offset ``offset`` at the top of the pane."""
        widgets = self._paragraph_widgets()
        if not widgets or offset <= 0:
            self.scroll_home(animate=False)
            return
        target = widgets[paragraph_of(self._bounds, offset)]
        self.call_after_refresh(self.scroll_to_widget, target, animate=False, top=True)
