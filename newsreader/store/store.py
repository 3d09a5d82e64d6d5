"""The library: the only module that speaks SQL. It returns models, never rows.

A ``Store`` owns one SQLite connection and belongs to the thread that made
it (STYLE point 3): workers open their own.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from newsreader.errors import NewsreaderError, NotFound
from newsreader.filters import Expr, mentions
from newsreader.models import Article, ArticleSummary, CategoryCount, Enclosure, Quote
from newsreader.store.categories import UNCATEGORISED, CategoryQueries, category_order
from newsreader.store.feeds import FeedQueries
from newsreader.store.filtersql import FOLD, compile_expr, fold, needs_feeds
from newsreader.store.paging import BACKWARDS, SORTS, page_rows
from newsreader.store.fulltext import FullTextQueries
from newsreader.store.quotes import QuoteQueries
from newsreader.store.search import RankedListing, SearchQueries, fts_query
from newsreader.store.schema import migrate
from newsreader.store.views import ViewQueries
from newsreader.store.stories import StoryQueries
from newsreader.store.timefmt import from_db, now_utc, to_db
from newsreader.store.columns import chunks, enclosures, json_enclosures, json_list
from newsreader.store.urlkey import url_key

PAGE = 200
# Not hidden by the killfile, asked of the index of hidden articles (schema V8): the
# column itself is stored after the body, and reading it reads the whole row.
_NOT_HIDDEN = "{} NOT IN (SELECT id FROM articles WHERE hidden = 1)"
NOT_HIDDEN = _NOT_HIDDEN.format("a.id")


@dataclass(frozen=True)
class NewArticle:
    """An article ready to store: category resolved, quotes found."""

    guid: str
    title: str
    body: str
    category: str
    content_hash: str
    published: str | None  # stored form; None means unknown
    link: str | None = None
    byline: str | None = None
    tags: tuple[str, ...] = ()
    summary: str = ""
    links: tuple[str, ...] = ()
    html: str | None = None
    enclosures: tuple[Enclosure, ...] = ()
    sections: tuple[str, ...] = ()  # the entry's own categories (the category is chosen from them)
    quotes: tuple[Quote, ...] = ()
    speaker_keys: tuple[str | None, ...] = ()
    quotes_version: int = 0  # the quote finder's version that found ``quotes``
    # Restored state (from a backup); None leaves what the library has.
    read_at: str | None = None
    favourite_at: str | None = None
    imported_at: str | None = None
    full_text: str | None = None  # a whole article fetched before (restored): "ok", or why not
    page_html: str | None = None
    # where an undated article is filed when first stored (ingest/undated.py); never its date
    estimate: str | None = None


@dataclass(frozen=True)
class UpsertCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    hidden: int = 0  # of the added, how many the killfile hid (ingest/killfile.py)
    marked_read: int = 0  # and how many it marked read


@dataclass(frozen=True)
class Filter:
    """What a list shows (every field but ``sort`` narrows it) and in what order.

    ``where`` is a parsed filter expression (``newsreader.filters``); articles
    the killfile hid are left out unless it names ``hidden``. ``sort`` is one
    of ``SORTS``: newest first, title A-Z, or feed title A-Z then newest first.
    """

    category: str | None = None
    unread: bool = False
    favourites: bool = False
    feed_id: int | None = None
    search: str | None = None
    speaker_key: str | None = None
    relevance: bool = False  # a search's best matches first, not the newest
    where: Expr | None = None
    sort: str = "date"


_SUMMARY_COLS = (
    "a.id, a.title, a.category, a.source, a.published, a.read, a.favourite, f.title, a.feed_id,"
    " a.story_id, (SELECT outlets FROM stories WHERE id = a.story_id), a.published_estimated"
)


def _summary(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        id=row[0],
        title=row[1],
        category=row[2],
        source=row[3],
        published=from_db(row[4]),
        read=bool(row[5]),
        favourite=bool(row[6]),
        feed_title=row[7],
        feed_id=row[8],
        story_id=row[9],
        story_outlets=row[10] or 0,
        estimated=bool(row[11]),
        rank=row[12] if len(row) > 12 else None,
    )


class Store(FeedQueries, QuoteQueries, FullTextQueries, SearchQueries, ViewQueries, CategoryQueries,
            StoryQueries):
    """The SQLite library. Use as a context manager or call ``close()``.

    Feed, quote and saved-view queries live in mixins beside this module
    (store/feeds.py, store/quotes.py, store/views.py); this class holds the
    connection and the articles."""

    def __init__(self, path: str | Path):
        from newsreader.store.trouble import LibraryError, library_error

        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot make the folder {self.path.parent} for the library"
                               f" ({exc.strerror or exc})") from None
        self.conn = None
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=10)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=10000")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.create_function(FOLD, 1, fold, deterministic=True)
            self.conn.create_function("url_key", 1, url_key, deterministic=True)
            migrate(self.conn)
        except BaseException as exc:
            if self.conn is not None:
                self.conn.close()
            if isinstance(exc, sqlite3.Error):
                # damaged, read-only, full: one line that names the file (and doctor)
                raise library_error(exc, self.path) from None
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: all of it lands, or none of it."""
        if self.conn.in_transaction:
            yield
            return
        self.begin()
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.commit()

    def begin(self) -> None:
        """Open a write transaction (``transaction()`` is the usual way)."""
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        """Commit the open transaction, its new articles in the full-text index."""
        if self.conn.in_transaction:
            self._flush_index()
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self._unindexed_after = None
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextmanager
    def savepoint(self, name: str = "part") -> Iterator[None]:
        """Inside an open transaction, a part that is undone alone if it fails;
        outside one, a transaction of its own."""
        if not self.conn.in_transaction:
            with self.transaction():
                yield
            return
        unindexed = self._unindexed_after
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            # index entries made inside are undone with it: what was waiting waits again
            self._unindexed_after = unindexed
            raise
        self.conn.execute(f"RELEASE {name}")

    # --- the full-text index ---------------------------------------------------
    # New articles enter the index together when their transaction commits: FTS5
    # writes a segment for each statement or savepoint that adds rows, so one
    # INSERT ... SELECT per transaction is far cheaper than one per article or
    # per feed. Rows with ids above ``_unindexed_after`` are waiting; any update
    # of their title or body, or their deletion (whose triggers remove the old
    # text from the index), must come after ``_flush_index``.

    _unindexed_after: int | None = None

    def _note_unindexed(self) -> None:
        """Before adding articles: remember where the rows waiting for the index start."""
        if self._unindexed_after is None:
            self._unindexed_after = self.conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]

    def _flush_index(self) -> None:
        if self._unindexed_after is not None:
            self.conn.execute("INSERT INTO articles_fts(rowid, title, body)"
                              " SELECT id, title, body FROM articles WHERE id > ?", (self._unindexed_after,))
            self._unindexed_after = None

    # --- writing articles ----------------------------------------------------

    def upsert_articles(self, feed_id: int, source: str, items: Iterable[NewArticle]) -> UpsertCounts:
        """Store articles once: the same GUID in the feed, or the same link anywhere,
        updates the stored article and keeps its read and favourite state."""
        added = updated = unchanged = 0
        now = to_db(now_utc())
        conn = self.conn
        items = list(items)
        with self.transaction():
            known = _Known(conn, feed_id, items)
            for it, key in zip(items, known.keys):
                sections = json_list(it.sections)
                row = known.find(it, key)
                if row is None:
                    self._note_unindexed()
                    cur = conn.execute(
                        "INSERT INTO articles (feed_id, source, guid, link, title, byline, published,"
                        " published_estimated, imported_at, category, tags, summary, body, links, html,"
                        " content_hash, read, read_at, favourite, favourite_at, quotes_version, enclosures,"
                        " full_text, page_html, sections, link_key)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (feed_id, source, it.guid, it.link, it.title, it.byline,
                         it.published or it.estimate or it.imported_at or now, int(it.published is None),
                         it.imported_at or now, it.category, json_list(it.tags), it.summary,
                         it.body, json_list(it.links), it.html, it.content_hash,
                         int(it.read_at is not None), it.read_at,
                         int(it.favourite_at is not None), it.favourite_at, it.quotes_version,
                         json_enclosures(it.enclosures), it.full_text, it.page_html,
                         sections, key),
                    )
                    known.added(it, cur.lastrowid, key, sections)
                    self._insert_quotes(cur.lastrowid, it.quotes, it.speaker_keys)
                    added += 1
                    continue
                art_id = row[0]
                if it.read_at is not None:
                    conn.execute("UPDATE articles SET read = 1, read_at = ? WHERE id = ?", (it.read_at, art_id))
                if it.favourite_at is not None:
                    conn.execute("UPDATE articles SET favourite = 1, favourite_at = ? WHERE id = ?",
                                 (it.favourite_at, art_id))
                if row[1] == it.content_hash and row[2] == it.category:
                    if row[5] != sections:  # kept since, or the feed's own changed
                        conn.execute("UPDATE articles SET sections = ? WHERE id = ?", (sections, art_id))
                        row[5] = sections
                    unchanged += 1
                    continue
                if self._unindexed_after is not None and art_id > self._unindexed_after:
                    self._flush_index()  # added in this transaction, not indexed yet
                if row[4]:
                    # the body is the article's own page: the feed's new text is its summary
                    conn.execute(
                        "UPDATE articles SET title = ?, byline = ?, link = coalesce(?, link),"
                        " link_key = coalesce(?, link_key),"
                        " published = CASE WHEN ? IS NULL THEN published ELSE ? END,"
                        " published_estimated = CASE WHEN ? IS NULL THEN published_estimated ELSE 0 END,"
                        " category = ?, tags = ?, summary = ?, html = ?, enclosures = ?, content_hash = ?,"
                        " sections = ? WHERE id = ?",
                        (it.title, it.byline, it.link, key, it.published, it.published, it.published,
                         it.category, json_list(it.tags), it.summary or it.body, it.html,
                         json_enclosures(it.enclosures), it.content_hash, sections, art_id),
                    )
                    known.updated(it, row, key, sections)
                    updated += 1
                    continue
                conn.execute(
                    "UPDATE articles SET title = ?, byline = ?, link = coalesce(?, link),"
                    " link_key = coalesce(?, link_key),"
                    " published = CASE WHEN ? IS NULL THEN published ELSE ? END,"
                    " published_estimated = CASE WHEN ? IS NULL THEN published_estimated ELSE 0 END,"
                    " category = ?, tags = ?, summary = ?, body = ?, links = ?, html = ?, content_hash = ?,"
                    " quotes_version = ?, enclosures = ?, sections = ? WHERE id = ?",
                    (it.title, it.byline, it.link, key, it.published, it.published, it.published,
                     it.category, json_list(it.tags), it.summary, it.body,
                     json_list(it.links), it.html, it.content_hash, it.quotes_version,
                     json_enclosures(it.enclosures), sections, art_id),
                )
                known.updated(it, row, key, sections)
                conn.execute("DELETE FROM quotes WHERE article_id = ?", (art_id,))
                self._insert_quotes(art_id, it.quotes, it.speaker_keys)
                updated += 1
        return UpsertCounts(added, updated, unchanged)

    def _insert_quotes(self, article_id: int, quotes: Sequence[Quote], keys: Sequence[str | None]) -> None:
        if not quotes:
            return
        keys = keys or (None,) * len(quotes)
        self.conn.executemany(
            "INSERT INTO quotes (article_id, start, end, kind, speaker, speaker_key, speaker_start,"
            " speaker_end, cue) VALUES (?,?,?,?,?,?,?,?,?)",
            [(article_id, q.start, q.end, q.kind, q.speaker, k, q.speaker_start, q.speaker_end, q.cue)
             for q, k in zip(quotes, keys)],
        )

    def stale_quotes(self, version: int, limit: int, article_id: int | None = None,
                     after: int = 0) -> list[tuple[int, str, str]]:
        """(id, body, content hash) of articles whose quotes an older quote finder found,
        by id from ``after`` (or of the one article given, if it is such)."""
        if article_id is not None:
            return list(self.conn.execute(
                "SELECT id, body, content_hash FROM articles WHERE id = ? AND quotes_version < ?",
                (article_id, version)))
        ids = [r[0] for r in self.conn.execute(  # through the (quotes_version, id) index
            "SELECT id FROM articles WHERE quotes_version < ? AND id > ? ORDER BY id LIMIT ?",
            (version, after, limit))]
        if not ids:
            return []
        return list(self.conn.execute(
            f"SELECT id, body, content_hash FROM articles WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id",
            ids))

    def count_stale_quotes(self, version: int) -> int:
        """How many articles an older quote finder read."""
        return self.conn.execute(
            "SELECT count(*) FROM articles WHERE quotes_version < ?", (version,)).fetchone()[0]

    def replace_quotes(self, found: Iterable[tuple[int, str, Sequence[Quote] | None, Sequence[str | None] | None]],
                       version: int) -> None:
        """Put newly found quotes in place of the stored ones, in one transaction; an
        article whose text changed since it was read (its hash differs) is left alone,
        and one given None keeps its quotes (but counts as read by ``version``)."""
        with self.transaction():
            for article_id, content_hash, quotes, keys in found:
                if not self.conn.execute(
                        "UPDATE articles SET quotes_version = ? WHERE id = ? AND content_hash = ?"
                        " AND quotes_version < ?", (version, article_id, content_hash, version)).rowcount:
                    continue  # refreshed meanwhile: its quotes are the new finder's already
                if quotes is None:
                    continue
                self.conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
                self._insert_quotes(article_id, quotes, keys)

    def _check_ids(self, ids: Iterable[int]) -> list[int]:
        ids = list(dict.fromkeys(ids))
        for i in ids:
            if not self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (i,)).fetchone():
                raise NotFound(f"no article with id {i}")
        return ids

    def set_read(self, ids: Iterable[int], read: bool = True) -> None:
        """Mark articles read or unread (which unhides one the killfile hid); unknown
        ids change nothing and raise NotFound."""
        with self.transaction():
            ids = self._check_ids(ids)
            stamp = to_db(now_utc()) if read else None
            # marking a hidden article unread brings it back: a hidden article is always read
            self.conn.executemany(
                "UPDATE articles SET read = ?, read_at = CASE WHEN ? THEN coalesce(read_at, ?) END,"
                " hidden = hidden AND ? WHERE id = ?",
                [(int(read), int(read), stamp, int(read), i) for i in ids],
            )

    def set_favourite(self, ids: Iterable[int], favourite: bool = True) -> None:
        with self.transaction():
            ids = self._check_ids(ids)
            stamp = to_db(now_utc()) if favourite else None
            self.conn.executemany(
                "UPDATE articles SET favourite = ?, favourite_at = CASE WHEN ? THEN coalesce(favourite_at, ?) END"
                " WHERE id = ?",
                [(int(favourite), int(favourite), stamp, i) for i in ids],
            )

    def mark_all_read(self, flt: Filter = Filter()) -> int:
        """Mark every article the filter shows as read; returns how many changed."""
        where, args = self._where(flt)
        with self.transaction():
            cur = self.conn.execute(
                f"UPDATE articles SET read = 1, read_at = ? WHERE read = 0 AND id IN"
                f" (SELECT a.id FROM {_source(flt)} {where})",
                (to_db(now_utc()), *args),
            )
        return cur.rowcount

    # --- reading -------------------------------------------------------------

    def _where(self, flt: Filter) -> tuple[str, list]:
        conds, args = self._conds(flt)
        return ("WHERE " + " AND ".join(conds)) if conds else "", args

    def _conds(self, flt: Filter, in_order: bool = False) -> tuple[list[str], list]:
        """The filter as SQL conditions over ``articles a`` and ``feeds f``, with their parameters;
        ``in_order``: for a page read along the sort's index (``page_rows``)."""
        conds, args = [], []
        if flt.category is not None:
            conds.append("a.category = ?")
            args.append(flt.category)
        if flt.unread:
            conds.append("a.read = 0")
        if flt.favourites:
            conds.append("a.favourite = 1")
        if flt.feed_id is not None:
            conds.append("a.feed_id = ?")
            args.append(flt.feed_id)
        if flt.search:
            # A page in date order walks the date index and tests each row against the matches
            # (the unary + keeps SQLite from fetching every match by id and sorting them all:
            # 150 ms for a word most of 100,000 articles hold, against 10 to 25 ms whatever the word).
            conds.append(f"{'+' if in_order else ''}a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            args.append(fts_query(flt.search))
        if flt.speaker_key:
            conds.append("a.id IN (SELECT article_id FROM quotes WHERE speaker_key = ?)")
            args.append(flt.speaker_key)
        # A hidden article is read (Store.kill, set_read), so an unread list needs no test
        # of its own for it (and stays on the read-state indexes alone).
        if not flt.unread and (flt.where is None or not mentions(flt.where, "hidden")):
            conds.append(NOT_HIDDEN)
        if flt.where is not None:
            sql, more = compile_expr(flt.where, now_utc())
            conds.append(sql)
            args += more
        return conds, args

    def list_articles(self, flt: Filter = Filter(), *, limit: int | None = PAGE,
                      after: ArticleSummary | None = None, backwards: bool = False) -> list[ArticleSummary]:
        """In the filter's order (newest first by default; a search with ``relevance``:
        best match first); ``after`` continues from the last row of the previous page
        (keyset paging: no OFFSET). ``backwards`` (when ``reads_backwards``) gives the
        ``limit`` rows just before ``after`` instead, or the last ones when it is None,
        in the same order."""
        if flt.search and flt.relevance:
            return self._list_by_rank(flt, limit, after, backwards)
        if flt.sort not in SORTS:
            raise NewsreaderError(f"no sort called {flt.sort!r} (sorts: {', '.join(SORTS)})")
        conds, args = self._conds(flt, in_order=True)
        return [_summary(r) for r in page_rows(self.conn, _SUMMARY_COLS, flt.sort, conds, args, after, limit,
                                               backwards)]

    @staticmethod
    def reads_backwards(flt: Filter) -> bool:
        """Whether ``list_articles`` pages this list backwards (the feed sort it does not)."""
        return bool(flt.search and flt.relevance) or flt.sort in BACKWARDS

    def _list_by_rank(self, flt: Filter, limit: int | None, after: ArticleSummary | None,
                      backwards: bool = False) -> list[ArticleSummary]:
        """A search's matches by relevance (``search.RankedListing``): its newest
        ``rank_window`` matches by FTS5 rank, keyset on (rank, id), then the older ones
        newest first. A search with no other condition never reads an article row to rank."""
        conds, args = self._conds(replace(flt, search=None))
        alone = conds == [NOT_HIDDEN]
        listing = RankedListing(self.conn, _SUMMARY_COLS, fts_query(flt.search or ""),
                                [_NOT_HIDDEN.format("rowid")] if alone else conds, args,
                                join=not alone, window=self.rank_window)
        return [_summary(r) for r in listing.page(after, limit, backwards)]

    def iter_articles(self, flt: Filter = Filter(), page: int = PAGE) -> Iterator[ArticleSummary]:
        """Every match, fetched a page at a time."""
        last = None
        while True:
            rows = self.list_articles(flt, limit=page, after=last)
            yield from rows
            if len(rows) < page:
                return
            last = rows[-1]

    def count(self, flt: Filter = Filter()) -> int:
        where, args = self._where(flt)
        return self.conn.execute(f"SELECT count(*) FROM {_source(flt)} {where}", args).fetchone()[0]

    # --- the killfile ----------------------------------------------------------

    def newest_dated(self, but_feed: int | None = None) -> str | None:
        """The newest date a feed gave (not estimated) of the articles stored, in stored
        form; ``but_feed``'s own articles left out."""
        row = self.conn.execute(
            "SELECT max(published) FROM articles WHERE published_estimated = 0 AND feed_id IS NOT ?",
            (but_feed,)).fetchone()
        return row[0]

    def feed_is_empty(self, feed_id: int) -> bool:
        """True when no article of the feed is stored yet."""
        return self.conn.execute("SELECT 1 FROM articles WHERE feed_id = ? LIMIT 1", (feed_id,)).fetchone() is None

    def last_article_id(self) -> int:
        """The largest article id: articles stored after this call have larger ones."""
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]

    def hide_after(self, after_id: int) -> None:
        """Hide (and mark read) every article stored after ``after_id`` (a restored hidden one)."""
        self.conn.execute("UPDATE articles SET hidden = 1, read = 1, read_at = coalesce(read_at, ?)"
                          " WHERE id > ?", (to_db(now_utc()), after_id))

    def kill(self, expr: Expr, action: str, after_id: int) -> int:
        """Apply a killfile rule to the articles stored after ``after_id``: "hide" hides
        them (and marks them read, so no count shows what no list does), "read" marks
        them read. Returns how many changed; an article hidden already is left alone."""
        where, args = compile_expr(expr, now_utc())
        state = "hidden = 1, read = 1" if action == "hide" else "read = 1"
        unread = "" if action == "hide" else " AND read = 0"
        with self.transaction():
            return self.conn.execute(
                f"UPDATE articles SET {state}, read_at = coalesce(read_at, ?) WHERE id > ? AND hidden = 0"
                f"{unread} AND id IN (SELECT a.id FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id"
                f" WHERE a.id > ? AND {where})",
                (to_db(now_utc()), after_id, after_id, *args)).rowcount

    def article(self, article_id: int) -> Article:
        self.conn.row_factory = sqlite3.Row
        try:
            r = self.conn.execute(
                "SELECT a.*, f.title AS feed_title, f.subscribed AS feed_subscribed"
                " FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?", (article_id,)).fetchone()
        finally:
            self.conn.row_factory = None
        if r is None:
            raise NotFound(f"no article with id {article_id}")
        return Article(
            id=r["id"], title=r["title"], body=r["body"], category=r["category"], source=r["source"],
            published=from_db(r["published"]), published_estimated=bool(r["published_estimated"]),
            imported_at=from_db(r["imported_at"]), feed_id=r["feed_id"], feed_title=r["feed_title"],
            feed_subscribed=bool(r["feed_subscribed"]), guid=r["guid"], link=r["link"], byline=r["byline"],
            tags=tuple(json.loads(r["tags"])),
            summary=r["summary"], links=tuple(json.loads(r["links"])), html=r["html"],
            enclosures=enclosures(r["enclosures"]), page_html=r["page_html"], full_text=r["full_text"],
            content_hash=r["content_hash"], read=bool(r["read"]), read_at=from_db(r["read_at"]),
            favourite=bool(r["favourite"]), favourite_at=from_db(r["favourite_at"]),
            quotes=tuple(self.article_quotes(article_id)),
        )

    def article_quotes(self, article_id: int) -> list[Quote]:
        rows = self.conn.execute(
            "SELECT start, end, kind, speaker, speaker_start, speaker_end, cue FROM quotes"
            " WHERE article_id = ? ORDER BY start", (article_id,))
        return [Quote(*r) for r in rows]

    def categories(self) -> list[CategoryCount]:
        """Every category with its article and unread counts, by name (case and
        accents aside), Uncategorised last."""
        rows = self.conn.execute("SELECT category, count(*), sum(read = 0) FROM articles GROUP BY category")
        found = [CategoryCount(name, total, unread or 0) for name, total, unread in rows]
        return sorted(found, key=lambda c: category_order(c.name))

    def totals(self) -> dict[str, int]:
        """Counts for the fixed views: all, unread, favourites."""
        n, unread, fav = self.conn.execute(
            "SELECT count(*), coalesce(sum(read = 0), 0), coalesce(sum(favourite), 0) FROM articles"
        ).fetchone()
        return {"all": n, "unread": unread, "favourites": fav}

    def export_rows(self) -> Iterator[dict]:
        """Every article with its state, as plain dicts (the JSON backup)."""
        self.conn.row_factory = sqlite3.Row
        try:
            cur = self.conn.execute(
                "SELECT a.*, f.url AS feed_url, f.title AS feed_title, f.category AS feed_category,"
                " f.site AS feed_site, f.subscribed AS feed_subscribed"
                " FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id"
                " ORDER BY a.id")
            for r in cur:
                d = dict(r)
                d["tags"] = json.loads(d["tags"])
                d["links"] = json.loads(d["links"])
                d["enclosures"] = json.loads(d["enclosures"])
                d["sections"] = json.loads(d["sections"]) if d.get("sections") else []
                yield d
        finally:
            self.conn.row_factory = None


def _source(flt: Filter) -> str:
    """The tables a filter's conditions read: the feeds only when they are needed (an
    unread count without them is read from an index alone, in under a millisecond)."""
    return "articles a LEFT JOIN feeds f ON f.id = a.feed_id" if needs_feeds(flt.where) else "articles a"


class _Known:
    """The stored rows a batch of articles may match, read in a few queries up front
    and kept in step with the batch's own writes: what one lookup per article by
    (feed, guid) and then by link would find, without those queries.

    A row is ``[id, content_hash, category, link key, full text fetched, sections]``.
    Links are compared by ``url_key`` (one page under two addresses is one article).
    By link, the row with the smallest id wins (the index's order, as ``LIMIT 1``
    gives). A link whose answer this cannot know (a row moved off it by an update)
    is asked of SQL.
    """

    CHUNK = 500
    COLS = "id, content_hash, category, link_key, full_text = 'ok', sections"  # a row, as above

    def __init__(self, conn: sqlite3.Connection, feed_id: int, items: list[NewArticle]):
        self.conn, self.feed_id = conn, feed_id
        self.by_guid: dict[str, list] = {}
        self.by_link: dict[str, list] = {}
        self.unsure: set[str] = set()
        self.keys = [url_key(it.link) for it in items]  # each item's link key, in order
        cols = self.COLS
        guids = list(dict.fromkeys(it.guid for it in items if it.guid is not None))
        for part in chunks(guids, self.CHUNK):
            marks = ",".join("?" * len(part))
            for guid, *row in conn.execute(
                    f"SELECT guid, {cols} FROM articles WHERE feed_id = ? AND guid IN ({marks})",
                    (feed_id, *part)):
                self.by_guid[guid] = row
        links = list(dict.fromkeys(k for k in self.keys if k))
        for part in chunks(links, self.CHUNK):
            marks = ",".join("?" * len(part))
            for row in conn.execute(f"SELECT {cols} FROM articles WHERE link_key IN ({marks}) ORDER BY id",
                                    part):
                self.by_link.setdefault(row[3], list(row))

    def find(self, it: NewArticle, key: str | None) -> list | None:
        """The stored row of ``it`` (whose link key is ``key``), or None: a new article."""
        row = self.by_guid.get(it.guid) if it.guid is not None else None
        if row is None and key:
            if key in self.unsure:
                got = self.conn.execute(f"SELECT {self.COLS} FROM articles WHERE link_key = ? ORDER BY id LIMIT 1",
                                        (key,)).fetchone()
                return list(got) if got else None
            row = self.by_link.get(key)
        return row

    def added(self, it: NewArticle, art_id: int, key: str | None, sections: str) -> None:
        row = [art_id, it.content_hash, it.category, key, False, sections]
        if it.guid is not None:
            self.by_guid[it.guid] = row
        if key:
            self._link(key, row)

    def updated(self, it: NewArticle, row: list, key: str | None, sections: str) -> None:
        row[1], row[2], row[5] = it.content_hash, it.category, sections
        if key and key != row[3]:
            old = row[3]
            if old and self.by_link.get(old) is row:
                del self.by_link[old]
                self.unsure.add(old)  # another row may still have it
            row[3] = key
            self._link(key, row)

    def _link(self, link: str, row: list) -> None:
        if link in self.unsure:
            return
        have = self.by_link.get(link)
        if have is None or row[0] < have[0]:
            self.by_link[link] = row
