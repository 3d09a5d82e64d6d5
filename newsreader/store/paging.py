"""A page of a sorted article list, continued by keyset (never OFFSET).

Each sort reads an index in its own order, so a page costs about the same
however deep it is and however large the library:

* date: newest first, on ``articles_published`` (or another index that
  keeps that order, as the planner chooses);
* title: A to Z ignoring ASCII case, then id, on ``articles_title``;
* feed: the feed's title A to Z (then its id), each feed newest first, by
  walking ``feeds_title`` and, per feed, ``articles_feed_published``; the
  articles whose feed is gone (favourites kept after an unsubscribe) come
  last, by source.

``conds`` are SQL conditions over ``articles a`` and ``feeds f`` with their
``args`` (from ``Store._conds``); ``after`` is the last row of the page before.
The date and title sorts read backwards too (``BACKWARDS``): the page before a
row, or the view's last page, read from the other end of the same index (what
``G`` and the rows above it need on a long list, without walking to the end).
"""

from __future__ import annotations

import sqlite3

from newsreader.models import ArticleSummary
from newsreader.store.timefmt import to_db

SORTS = ("date", "title", "feed")
BACKWARDS = ("date", "title")  # the sorts ``page_rows`` reads backwards

_NEWEST = "a.published DESC, a.id DESC"
_OLDER = "(a.published, a.id) < (?, ?)"


def page_rows(conn: sqlite3.Connection, cols: str, sort: str, conds: list[str], args: list,
              after: ArticleSummary | None, limit: int | None, backwards: bool = False) -> list[tuple]:
    """Rows of ``cols`` for the page after ``after`` (the first page when None); with
    ``backwards`` (a sort of ``BACKWARDS``), the page before ``after`` (the last page
    when None), still in the sort's order."""
    if sort == "feed":
        if backwards:
            raise ValueError("the feed sort is not read backwards")
        return _by_feed(conn, cols, conds, args, after, limit)
    conds, args = list(conds), list(args)
    ahead, behind = (">", "<") if not backwards else ("<", ">")
    if sort == "title":
        source = "articles a INDEXED BY articles_title"  # else an unread filter sorts every unread row
        order = "a.title COLLATE NOCASE, a.id" if not backwards else "a.title COLLATE NOCASE DESC, a.id DESC"
        if after is not None:
            # the first condition lets SQLite seek in the index; the second is the exact keyset
            conds.append(f"a.title COLLATE NOCASE {ahead}= ? AND (a.title COLLATE NOCASE {ahead} ? OR a.id {ahead} ?)")
            args += [after.title, after.title, after.id]
    else:
        source, order = "articles a", _NEWEST if not backwards else "a.published, a.id"
        if after is not None:
            conds.append(f"(a.published, a.id) {behind} (?, ?)")
            args += [to_db(after.published), after.id]
    rows = _select(conn, cols, f"{source} LEFT JOIN feeds f ON f.id = a.feed_id", conds, args, order, limit)
    return rows[::-1] if backwards else rows


def _select(conn, cols, source, conds, args, order, limit) -> list[tuple]:
    sql = f"SELECT {cols} FROM {source}"
    if conds:
        sql += " WHERE " + " AND ".join(conds)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        args = [*args, limit]
    return conn.execute(sql, args).fetchall()


def _by_feed(conn, cols, conds, args, after, limit) -> list[tuple]:
    # feeds outside, each feed's articles inside: the nested loop is already in order
    walk = "feeds f INDEXED BY feeds_title CROSS JOIN articles a INDEXED BY articles_feed_published" \
           " ON a.feed_id = f.id"
    rows: list[tuple] = []

    def want() -> int | None:
        return None if limit is None else limit - len(rows)

    if after is None or after.feed_id is not None:
        if after is not None:  # the rest of the feed the last page ended in
            rows += _select(conn, cols, walk, [*conds, "f.id = ?", _OLDER],
                            [*args, after.feed_id, to_db(after.published), after.id], _NEWEST, want())
        if want() != 0:
            more, more_args = list(conds), list(args)
            if after is not None:
                more.append("f.title COLLATE NOCASE >= ? AND (f.title COLLATE NOCASE > ? OR f.id > ?)")
                more_args += [after.feed_title, after.feed_title, after.feed_id]
            rows += _select(conn, cols, walk, more, more_args, f"f.title COLLATE NOCASE, f.id, {_NEWEST}",
                            want())
    if want() != 0:
        orphans, orphan_args = [*conds, "a.feed_id IS NULL"], list(args)
        if after is not None and after.feed_id is None:
            orphans.append(f"(a.source COLLATE NOCASE > ? OR (a.source COLLATE NOCASE = ? AND {_OLDER}))")
            orphan_args += [after.source, after.source, to_db(after.published), after.id]
        rows += _select(conn, cols, "articles a LEFT JOIN feeds f ON f.id = a.feed_id", orphans, orphan_args,
                        f"a.source COLLATE NOCASE, {_NEWEST}", want())
    return rows
