"""The main screen's keys for what the list shows: a filter typed over it (v), saved
as a view (ctrl+s there) or deleted (D); unread only (u); the sort (S).

Mixed into ``MainScreen``, whose BINDINGS name these actions (so ``?`` lists them).
The list shows ``arranged(view)``: the view as chosen, narrowed to its unread
articles when u is on for it, in the sort S last chose.
"""

from __future__ import annotations

from dataclasses import replace

from textual import work
from textual.content import Content

from newsreader.errors import NewsreaderError
from newsreader.store import Store
from newsreader.store.paging import SORTS
from newsreader.store.views import check_view_name
from newsreader.tui.screens.confirm import ConfirmDialog
from newsreader.tui.screens.filter import FilterDialog
from newsreader.tui.views import ALL, View, filtered_view, saved_view

SORT_LABELS = {"date": "newest first", "title": "by title", "feed": "by feed"}


def saved_counts(store: Store) -> list[tuple[View, int]]:
    """Each saved view that can be read, with its unread count (a query each: run in a worker)."""
    out = []
    for saved in store.saved_views():
        view = saved_view(saved.name, saved.expr)
        if view is not None:
            out.append((view, store.count(replace(view.filter, unread=True))))
    return out


class ViewActions:
    """Needs MainScreen's panes, ``show_view``, ``set_status`` and ``load_counts``."""

    unread_only: set[str]  # keys of the views u narrowed to their unread articles
    sort: str
    chosen: View  # the view as chosen, before arranged() narrows or sorts it
    filter_base: View | None = None  # what the filter on show was typed over
    filter_text: str = ""

    def arranged(self, view: View) -> View:
        """``view`` as the list shows it: unread only if u is on for it, in the chosen sort."""
        unread = view.filter.unread or view.key in self.unread_only
        return replace(view, filter=replace(view.filter, unread=unread, sort=self.sort))

    def heading_of(self, view: View) -> str:
        """The list's title: the view, whether it is unread only, the sort, then the
        filter (last, as the longest: a narrow pane cuts it rather than the rest)."""
        filtered = view.key.startswith("filter:") and self.filter_base is not None
        parts = [self.filter_base.label if filtered else view.label]
        parts += ["unread only"] if view.key in self.unread_only else []
        order = "by relevance" if view.filter.search and view.filter.relevance else SORT_LABELS[self.sort]
        parts += [order] + ([f"filter: {self.filter_text}"] if filtered else [])
        return " · ".join(parts)

    def _show_again(self) -> None:
        current = self.articles.current
        self.show_view(self.chosen, current.id if current else None)

    # --- unread only, sort ------------------------------------------------------

    def action_toggle_unread_only(self) -> None:
        """Show only the unread articles of this list, or all of them again."""
        key = self.chosen.key
        self.unread_only ^= {key}
        self._show_again()
        on = key in self.unread_only
        self.set_status("Only the unread articles of this list (u shows them all)" if on
                        else "Every article of this list", note=True)

    def action_cycle_sort(self) -> None:
        """Sort the list by date (newest first), then title (A-Z), then feed (then date)."""
        self.sort = _after(self.sort)
        self.app.remember(sort=self.sort)
        self._show_again()
        self.set_status(f"Sorted {SORT_LABELS[self.sort]} (S sorts by "
                        f"{SORT_LABELS[_after(self.sort)].removeprefix('by ')})", note=True)

    # --- filters and saved views ------------------------------------------------

    def action_filter(self) -> None:
        """Ask for a filter expression and narrow the list to it (ctrl+s saves it as a view)."""
        filtering = self.filter_base is not None and self.chosen.key.startswith("filter:")
        base = self.filter_base if filtering else self.chosen
        dialog = FilterDialog(base.label, self.filter_text if filtering else "",
                              check_name=self._view_name_problem,
                              saved_as=lambda text: filtered_view(base, text).expr or text)
        self.app.push_screen(dialog, lambda result: self._filtered(base, result))

    def _filtered(self, base: View, result: tuple[str, str | None] | None) -> None:
        if result is None:
            return
        text, name = result
        self._leave_reading()
        if not text:
            self.filter_base, self.filter_text = None, ""
            self.show_view(base)
        elif name:
            self._save_view(base, filtered_view(base, text), name)
        else:
            self.filter_base, self.filter_text = base, text
            self.show_view(filtered_view(base, text))
            n = len(self.articles.rows)
            self.set_status(f"{n}{'+' if self.articles.has_more else ''} match{'' if n == 1 else 'es'}"
                            " · v changes the filter, q shows the whole list", note=True)
        self.articles.focus()

    def _view_name_problem(self, name: str) -> str | None:
        try:
            name = check_view_name(name)
        except NewsreaderError as exc:
            return str(exc)
        taken = next((v.name for v in self.app.store.saved_views() if v.name.casefold() == name.casefold()), None)
        return f"there is a view named {taken!r} already" if taken else None

    def _save_view(self, base: View, view: View, name: str) -> None:
        try:
            saved = self.app.store.add_view(name, view.expr or "")
        except NewsreaderError as exc:
            self.set_status(str(exc), note=True)
            return
        shown = saved_view(saved.name, saved.expr)
        self.filter_base, self.filter_text = None, ""
        self.show_view(shown)
        self.load_counts()
        lost = " (a search is not kept in a view)" if base.filter.search else ""
        self.set_status(f"Saved the view {saved.name}: {saved.expr}{lost}", note=True)

    def action_delete_view(self) -> None:
        """Delete the saved view highlighted in the categories pane (or shown), after asking."""
        on_pane = self.focused is self.categories and self.categories.current is not None
        view = self.categories.current if on_pane else self.chosen
        if not view.key.startswith("view:"):
            self.set_status("Highlight a saved view (under Views in the categories pane) to delete it", note=True)
            return
        name = view.key.removeprefix("view:")
        question = Content(f"Delete the view {name} ({view.expr})? Its articles stay.")
        self.app.push_screen(ConfirmDialog(question, "Delete"), lambda yes: yes and self._delete_view(name))

    def _delete_view(self, name: str) -> None:
        try:
            self.app.store.remove_view(name)
        except NewsreaderError as exc:
            self.set_status(str(exc), note=True)
            return
        if self.chosen.key == f"view:{name}" or (self.filter_base and self.filter_base.key == f"view:{name}"):
            self.filter_base, self.filter_text = None, ""
            self.show_view(ALL)
        self.load_counts()
        self.set_status(f"Deleted the view {name}", note=True)

    @work(thread=True, exclusive=True, group="view-counts", exit_on_error=False)
    def count_views(self) -> None:
        """Count the saved views' unread articles again (after one was read or unread)."""
        with Store(self.app.db_path) as store:
            counts = {view.key: n for view, n in saved_counts(store)}
        self.app.call_from_thread(self.categories.set_unread, counts)


def _after(sort: str) -> str:
    """The sort S turns ``sort`` into."""
    return SORTS[(SORTS.index(sort) + 1) % len(SORTS)]
