"""Category queries of the store, mixed into ``Store``: the terms each article's
category is chosen from, new categories for many articles at once, and the
library's small settings table (``meta``)."""

from __future__ import annotations

import json
import unicodedata
from typing import Iterable, Iterator

from newsreader.models import ArticleTerms
from newsreader.store.columns import enclosures as stored_enclosures, json_list

UNCATEGORISED = "Uncategorised"


def category_order(name: str) -> tuple:
    """The sort key of a category: case and accents aside, Uncategorised last."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return (name == UNCATEGORISED, folded, name)


class CategoryQueries:
    """Needs ``self.conn`` and ``self.transaction()`` from ``Store``."""

    def meta(self, key: str) -> str | None:
        """A library setting, None when unset."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Set (or, with None, forget) a library setting."""
        with self.transaction():
            if value is None:
                self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)"
                                  " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def article_terms(self) -> Iterator[ArticleTerms]:
        """Every article's category and what it is chosen from, a feed's articles together."""
        cur = self.conn.execute(
            "SELECT id, feed_id, category, sections, tags, link, enclosures FROM articles"
            " ORDER BY feed_id, id")
        loads = json.loads
        for art_id, feed_id, category, sections, tags, link, enclosures in cur:
            yield ArticleTerms(
                id=art_id, feed_id=feed_id, category=category,
                sections=None if sections is None else tuple(loads(sections)) if sections != "[]" else (),
                tags=tuple(loads(tags)) if tags != "[]" else (), link=link,
                enclosures=stored_enclosures(enclosures))

    def set_categories(self, changes: Iterable[tuple[int, str, tuple[str, ...] | None]]) -> int:
        """Give articles new categories in one transaction: (id, category, sections),
        where sections, when not None, fills in terms the article did not keep.
        Read and favourite state are not touched. Returns how many changed."""
        changes = list(changes)
        with self.transaction():
            self.conn.executemany("UPDATE articles SET category = ? WHERE id = ?",
                                  [(c, i) for i, c, _ in changes])
            self.conn.executemany("UPDATE articles SET sections = ? WHERE id = ? AND sections IS NULL",
                                  [(json_list(s), i) for i, _, s in changes if s is not None])
        return len(changes)
