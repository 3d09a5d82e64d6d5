"""Saved views (a name and a filter expression), mixed into ``Store``."""

from __future__ import annotations

from newsreader.errors import NewsreaderError, NotFound
from newsreader.models import SavedView
from newsreader.store.timefmt import now_utc, to_db

MAX_NAME = 60


def check_view_name(name: str) -> str:
    """The name as it is kept: one line, no control characters, single spaces."""
    from newsreader.text import clean_line

    clean = clean_line(name)
    if not clean:
        raise NewsreaderError("a view needs a name")
    if len(clean) > MAX_NAME:
        raise NewsreaderError(f"a view's name is at most {MAX_NAME} characters")
    return clean


class ViewQueries:
    """Needs ``self.conn`` and ``self.transaction()`` from ``Store``."""

    def saved_views(self) -> list[SavedView]:
        """Every saved view, by name (ignoring case)."""
        rows = self.conn.execute("SELECT name, expr FROM views ORDER BY name COLLATE NOCASE")
        return [SavedView(name, expr) for name, expr in rows]

    def saved_view(self, name: str) -> SavedView:
        """The view called ``name`` (any case)."""
        from newsreader.text import clean_line

        row = self.conn.execute("SELECT name, expr FROM views WHERE name = ?", (clean_line(name),)).fetchone()
        if row is None:
            known = ", ".join(v.name for v in self.saved_views()) or "none yet"
            raise NotFound(f"no view named {name!r} (views: {known})")
        return SavedView(*row)

    def add_view(self, name: str, expr: str) -> SavedView:
        """Save a view; ``expr`` must have been checked by ``filters.parse``. A name
        in use (in any case) is refused: nothing saved is replaced unasked."""
        name = check_view_name(name)
        with self.transaction():
            taken = self.conn.execute("SELECT name FROM views WHERE name = ?", (name,)).fetchone()
            if taken:
                raise NewsreaderError(f"there is a view named {taken[0]!r} already")
            self.conn.execute("INSERT INTO views (name, expr, added_at) VALUES (?, ?, ?)",
                              (name, expr.strip(), to_db(now_utc())))
        return SavedView(name, expr.strip())

    def remove_view(self, name: str) -> SavedView:
        """Delete the view called ``name`` (any case); its articles stay."""
        with self.transaction():
            view = self.saved_view(name)
            self.conn.execute("DELETE FROM views WHERE name = ?", (view.name,))
        return view
