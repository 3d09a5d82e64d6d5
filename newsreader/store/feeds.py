"""Feed (subscription and source) queries of the store, mixed into ``Store``."""

from __future__ import annotations

import sqlite3

from newsreader.errors import NotFound
from newsreader.models import Feed
from newsreader.store.timefmt import from_db, now_utc, to_db


class FeedQueries:
    """Needs ``self.conn`` and ``self.transaction()`` from ``Store``."""

    def _feed(self, row: sqlite3.Row) -> Feed:
        return Feed(
            id=row["id"], url=row["url"], title=row["title"], category=row["category"],
            site=row["site"], enabled=bool(row["enabled"]), etag=row["etag"],
            last_modified=row["last_modified"], body_hash=row["body_hash"],
            last_attempt=from_db(row["last_attempt"]), last_success=from_db(row["last_success"]),
            last_error=row["last_error"], failures=row["failures"],
            retry_after=from_db(row["retry_after"]),
            full_text=None if row["full_text"] is None else bool(row["full_text"]),
            article_count=row["n"], unread_count=row["unread"], subscribed=bool(row["subscribed"]),
            own_title=row["own_title"], renamed=bool(row["renamed"]),
        )

    _FEED_SELECT = (
        "SELECT f.*, (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS n,"
        " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0) AS unread"
        " FROM feeds f"
    )

    def _feed_rows(self, where: str, args: tuple) -> list[Feed]:
        self.conn.row_factory = sqlite3.Row
        try:
            rows = self.conn.execute(f"{self._FEED_SELECT} WHERE {where} ORDER BY f.id", args).fetchall()
        finally:
            self.conn.row_factory = None
        return [self._feed(r) for r in rows]

    def feeds(self, subscribed_only: bool = True) -> list[Feed]:
        """The subscriptions (or every source, files included)."""
        return self._feed_rows("f.subscribed = 1" if subscribed_only else "1", ())

    def feed(self, feed_id: int) -> Feed:
        found = self._feed_rows("f.id = ?", (feed_id,))
        if not found:
            raise NotFound(f"no feed with id {feed_id}")
        return found[0]

    def feed_by_url(self, url: str) -> Feed | None:
        found = self._feed_rows("f.url = ?", (url,))
        return found[0] if found else None

    def find_feed(self, ref: str) -> Feed:
        """A subscription by id, URL or exact title."""
        if ref.isascii() and ref.isdigit() and len(ref) < 19:
            found = self._feed_rows("f.id = ? AND f.subscribed = 1", (int(ref),))
        else:
            found = self._feed_rows("(f.url = ? OR f.title = ?) AND f.subscribed = 1", (ref, ref))
        if not found:
            raise NotFound(f"no subscribed feed matches {ref!r}")
        return found[0]

    def ensure_feed(self, url: str, title: str, *, category: str | None = None,
                    site: str | None = None, subscribed: bool = False, own_title: str | None = None) -> int:
        """The id of the source at ``url``, made if new; a subscription is never demoted.
        ``own_title`` is what the feed calls itself, when ``title`` is another name."""
        row = self.conn.execute("SELECT id, subscribed FROM feeds WHERE url = ?", (url,)).fetchone()
        if row:
            sets, args = [], []
            if subscribed and not row[1]:
                sets.append("subscribed = 1")
            if category is not None:
                sets.append("category = ?")
                args.append(category)
            if site is not None:
                sets.append("site = ?")
                args.append(site)
            if sets:
                self.conn.execute(f"UPDATE feeds SET {', '.join(sets)} WHERE id = ?", (*args, row[0]))
            return row[0]
        cur = self.conn.execute(
            "INSERT INTO feeds (url, title, category, site, subscribed, added_at, own_title)"
            " VALUES (?,?,?,?,?,?,?)",
            (url, title or url, category, site, int(subscribed), to_db(now_utc()), own_title),
        )
        return cur.lastrowid

    def update_feed(self, feed_id: int, **fields) -> None:
        """Set feed columns (title, url, etag, last_error, failures, ...)."""
        allowed = {"title", "url", "category", "site", "enabled", "etag", "last_modified",
                   "body_hash", "last_attempt", "last_success", "last_error", "failures",
                   "retry_after", "subscribed", "full_text", "own_title", "renamed"}
        bad = set(fields) - allowed
        if bad:
            raise ValueError(f"unknown feed fields {sorted(bad)}")
        if not fields:
            return
        values = [to_db(v) if hasattr(v, "tzinfo") else v for v in fields.values()]
        cols = ", ".join(f"{k} = ?" for k in fields)
        self.conn.execute(f"UPDATE feeds SET {cols} WHERE id = ?", (*values, feed_id))

    def remove_feed(self, feed_id: int) -> int:
        """Unsubscribe: drop the feed and its articles, except favourites. Returns articles removed."""
        with self.transaction():
            self._flush_index()  # the delete trigger takes rows out of the index
            cur = self.conn.execute("DELETE FROM articles WHERE feed_id = ? AND favourite = 0", (feed_id,))
            self.conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return cur.rowcount

