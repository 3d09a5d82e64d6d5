"""The categories pane: All, Unread, Favourites, each category with its unread count,
then the saved views, then the subscriptions, a failing one marked."""

from __future__ import annotations

from typing import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from newsreader.models import CategoryCount, Feed
from newsreader.tui.views import ALL, FAVOURITES, UNREAD, View, category_view, feed_view
from newsreader.tui.widgets.lists import StopList

FAILING_MARK = "!"


class CountedLabel(Visual):
    """A name with a count at the right edge, on one line at whatever width it is drawn:
    a long name is cut short with an ellipsis, the count always shows. (A prompt padded
    to a width known in advance goes wrong when the pane's width changes after, as it
    does when its scroll bar appears.)"""

    def __init__(self, label: Content, count: Content) -> None:
        self.label, self.count = label, count

    def __str__(self) -> str:
        return f"{self.label.plain} {self.count.plain}" if self.count.plain else self.label.plain

    def line(self, width: int) -> Content:
        """The name and the count laid out in ``width`` cells."""
        count = self.count
        if count.cell_length + 2 > width:
            return (self.label + " " + count).truncate(max(width, 1), ellipsis=True)
        room = width - count.cell_length - (1 if count.cell_length else 0)
        label = self.label.truncate(room, ellipsis=True) if self.label.cell_length > room else self.label
        return label + " " * (width - label.cell_length - count.cell_length) + count

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.line(width).render_strips(width, 1, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.label.cell_length + 1 + self.count.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


class CategoryList(StopList):
    """The fixed views and the categories; choosing one shows it in the article list."""

    COMPONENT_CLASSES = {"category-list--count", "category-list--heading", "category-list--failing"}

    class ViewHighlighted(Message):
        """The highlight moved to a view."""

        def __init__(self, view: View) -> None:
            super().__init__()
            self.view = view

    class ViewChosen(Message):
        """Enter on a view: show it and move to the list."""

        def __init__(self, view: View) -> None:
            super().__init__()
            self.view = view

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.views: list[View] = []
        self._counts: dict[str, int] = {}
        self.feeds: dict[str, Feed] = {}  # by view key, the subscriptions listed
        self.wanted = "all"  # the view to highlight, even before the counts arrive

    def set_counts(self, totals: dict[str, int], categories: list[CategoryCount],
                   feeds: Sequence[Feed] = (), saved: Sequence[tuple[View, int]] = ()) -> None:
        """Fill the pane from the store's counts, saved views (with their unread
        counts) and subscriptions; the highlighted view stays highlighted."""
        fixed = [ALL, UNREAD, FAVOURITES] + [category_view(c.name) for c in categories]
        self.feeds = {f"feed:{f.id}": f for f in feeds}
        self.views = fixed + [v for v, _n in saved] + [feed_view(f.id, f.title) for f in feeds]
        self._counts = {"all": totals.get("unread", 0), "unread": totals.get("unread", 0),
                        "favourites": totals.get("favourites", 0)}
        self._counts.update((f"category:{c.name}", c.unread) for c in categories)
        self._counts.update((f"feed:{f.id}", f.unread_count) for f in feeds)
        self._counts.update((v.key, n) for v, n in saved)
        options: list[Option | None] = []
        for i, view in enumerate(self.views):
            if i == 3 and len(fixed) > 3:
                options.append(None)  # a rule between the fixed views and the categories
            for start, name in ((len(fixed), "Views" if saved else None), (len(fixed) + len(saved), "Feeds")):
                if i == start and name:
                    options.append(None)
                    heading = Content(name).stylize(self.get_visual_style("category-list--heading", partial=True))
                    options.append(Option(heading, disabled=True))
            options.append(Option(self._prompt(view), id=view.key))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
        if not self.select_key(self.wanted):
            self.select_key("all")

    def adjust(self, category: str, unread_delta: int = 0, favourite_delta: int = 0,
               feed_id: int | None = None) -> None:
        """Change the counts after one article changed, without asking the store."""
        for key, delta in (("all", unread_delta), ("unread", unread_delta),
                           (f"category:{category}", unread_delta), (f"feed:{feed_id}", unread_delta),
                           ("favourites", favourite_delta)):
            if delta and key in self._counts:
                self._counts[key] = max(0, self._counts[key] + delta)
                view = next(v for v in self.views if v.key == key)
                self.restyle_option(self.get_option_index(key), self._prompt(view))  # one line each

    def set_unread(self, counts: dict[str, int]) -> None:
        """New unread counts for some of the listed views (by key)."""
        for view in self.views:
            if view.key in counts and counts[view.key] != self._counts.get(view.key):
                self._counts[view.key] = counts[view.key]
                self.replace_option_prompt(view.key, self._prompt(view))

    def unread(self, key: str) -> int:
        """The count shown beside a view."""
        return self._counts.get(key, 0)

    def failing(self, key: str) -> str | None:
        """Why the subscription listed under ``key`` is failing, in words; None if it is not."""
        feed = self.feeds.get(key)
        if feed is None:
            return None
        if not feed.enabled:
            return (f"{feed.title} is turned off: {feed.last_error or 'gone'} "
                    f"(newsreader remove {feed.id} unsubscribes)")
        if feed.failures and feed.last_error:
            times = "once" if feed.failures == 1 else f"{feed.failures} times in a row"
            return f"{feed.title} failed {times}: {feed.last_error}"
        return None

    def _prompt(self, view: View) -> CountedLabel:
        n = self._counts.get(view.key, 0)
        count = Content(str(n) if n else "").stylize(
            self.get_visual_style("category-list--count", partial=True))
        feed = self.feeds.get(view.key)
        if feed is not None:
            # a subscription: its title, marked when it is failing (the reason shows when highlighted)
            label = Content(feed.title)
            if self.failing(view.key):
                label = Content(f"{FAILING_MARK} ").stylize(
                    self.get_visual_style("category-list--failing", partial=True)) + label
        else:
            label = Content(view.label)
        return CountedLabel(label, count)

    def restyle(self) -> None:
        """Draw every prompt again (the theme changed)."""
        for view in self.views:
            self.replace_option_prompt(view.key, self._prompt(view))

    @property
    def current(self) -> View | None:
        """The highlighted view."""
        option = self.highlighted_option
        if option is None:
            return None
        return next((v for v in self.views if v.key == option.id), None)

    def select_key(self, key: str) -> bool:
        """Highlight the view with this key, if the pane lists it (quietly: the list is not changed)."""
        self.wanted = key
        try:
            index = self.get_option_index(key)
        except OptionDoesNotExist:  # a category that has gone
            return False
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = index
        return True

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.current is not None:
            self.wanted = self.current.key
            self.post_message(self.ViewHighlighted(self.current))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.ViewChosen(self.current))
