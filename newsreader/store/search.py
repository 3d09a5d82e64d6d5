"""Full-text search in the store: the query a user types, relevance, and where it matched.

The words a user types become an FTS5 query that every word must match (the
last one as a prefix, as it is typed). Relevance is FTS5's bm25 with a title
weighing ``TITLE_WEIGHT`` times the body, over a search's newest ``RANK_WINDOW``
matches: a word most articles hold ("said") would have FTS5 score every one of
them (about a microsecond each, 0.1 s on 100,000 articles) for the first page
alone, so the newest matches are ranked and the older ones follow, newest first
(unranked). A search with fewer matches is ranked over all of them. Where an article matched is asked of
FTS5 itself (``highlight()``), so the words marked in the reading pane are the
ones the index matched: case, accents and prefixes as its tokenizer folds them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsreader.errors import NewsreaderError
from newsreader.models import ArticleSummary

TITLE_WEIGHT = 5.0
# For FTS5's ``rank MATCH``: the columns are (title, body).
RANK_FUNCTION = f"bm25({TITLE_WEIGHT}, 1.0)"
# How many of a search's matches, the newest by article id, are ranked by relevance;
# FTS5 walks a query's matches in rowid order, so only these are scored.
RANK_WINDOW = 5_000

Span = tuple[int, int]
# Markers around each match in highlight()'s answer: control characters, which
# stored text never holds (text.strip_unsafe removes them before storing).
_OPEN, _CLOSE = "\x02", "\x03"


def query_words(text: str) -> list[str]:
    """The words of what a user typed: runs of letters and digits, punctuation dropped."""
    return "".join(c if c.isalnum() else " " for c in text).split()


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word must match."""
    words = query_words(text)
    if not words:
        raise NewsreaderError("the search has no words in it")
    return " ".join('"' + w + '"' + ("*" if i == len(words) - 1 else "") for i, w in enumerate(words))


@dataclass(frozen=True)
class SearchMatches:
    """Where a search (``query``) matched one article: (start, end) offsets into its title and body."""

    title: tuple[Span, ...] = ()
    body: tuple[Span, ...] = ()
    query: str = ""

    def __bool__(self) -> bool:
        return bool(self.title or self.body)


def marked_spans(marked: str) -> tuple[Span, ...]:
    """The spans between the markers of a highlight()ed text, as offsets into the text without them."""
    spans: list[Span] = []
    start = None
    removed = 0
    for i, ch in enumerate(marked):
        if ch == _OPEN:
            start = i - removed
            removed += 1
        elif ch == _CLOSE:
            if start is not None and i - removed > start:
                spans.append((start, i - removed))
            start = None
            removed += 1
    return tuple(spans)


class RankedListing:
    """The SQL of a search listed by relevance: its newest ``window`` matches by bm25
    rank (then id), then the older matches newest first, unranked (``rank`` NULL).

    ``cols`` are the summary columns over ``articles a`` and ``feeds f``; ``conds``
    (with ``args``) narrow the matches: over ``a`` and ``f``, or, with ``join`` False,
    over the index's own ``rowid`` (no article row is read to rank a search alone).
    Every page is keyset: on (rank, id) among the ranked, on id among the rest.
    """

    def __init__(self, conn: sqlite3.Connection, cols: str, match: str, conds: list[str], args: list,
                 *, join: bool, window: int) -> None:
        self.conn, self.cols, self.window, self.join = conn, cols, window, join
        self.conds, self.args = conds, [match, *args]

    def _matches(self, ranked: bool, extra: list[str]) -> tuple[str, str]:
        """SELECT of the matches' id (and rank), meeting ``conds`` and ``extra`` (which
        name the id as ``{id}``); and the id's column, for an ORDER BY after it."""
        rank = (f", rank FROM articles_fts WHERE articles_fts MATCH ? AND rank MATCH '{RANK_FUNCTION}'"
                if ranked else " FROM articles_fts WHERE articles_fts MATCH ?")
        if not self.join:
            where = [c.format(id="rowid") for c in extra]
            return "SELECT rowid AS id" + rank + "".join(" AND " + c for c in [*self.conds, *where]), "rowid"
        where = [*self.conds, *(c.format(id="s.id") for c in extra)]
        return (f"SELECT s.id{', s.rank' if ranked else ''} FROM (SELECT rowid AS id{rank}) s"
                " JOIN articles a ON a.id = s.id LEFT JOIN feeds f ON f.id = a.feed_id"
                + (" WHERE " + " AND ".join(where) if where else ""), "s.id")

    def page(self, after: ArticleSummary | None, limit: int | None, backwards: bool) -> list[tuple]:
        """The ``limit`` rows after ``after`` (or before it, ``backwards``; None: from the
        top, or from the end), in the listing's order."""
        n = -1 if limit is None else limit  # SQLite's LIMIT -1: no limit
        if not backwards:
            if after is not None and after.rank is None:  # among the unranked already
                return self._tail(after.id, None, n, False)
            rows = self._ranked(after, n, False)
            if n < 0 or len(rows) < n:
                below = self._boundary()
                if below is not None:
                    rows += self._tail(below, None, n - len(rows) if n >= 0 else -1, False)
            return rows
        if after is not None and after.rank is not None:
            return self._ranked(after, n, True)
        below = self._boundary()
        rows = [] if below is None else self._tail(below, after.id if after else None, n, True)
        if n < 0 or len(rows) < n:
            rows = self._ranked(None, n - len(rows) if n >= 0 else -1, True) + rows
        return rows

    def _ranked(self, after: ArticleSummary | None, n: int, backwards: bool) -> list[tuple]:
        window, id_col = self._matches(True, [])
        keyset, key_args = [], []
        if after is not None:
            keyset, key_args = [f"(rank, id) {'<' if backwards else '>'} (?, ?)"], [after.rank, after.id]
        order = "rank DESC, id DESC" if backwards else "rank, id"
        inner = (f"SELECT id, rank FROM ({window} ORDER BY {id_col} DESC LIMIT ?)"
                 + "".join(" WHERE " + k for k in keyset) + f" ORDER BY {order} LIMIT ?")
        sql = (f"SELECT {self.cols}, r.rank FROM ({inner}) r JOIN articles a ON a.id = r.id"
               " LEFT JOIN feeds f ON f.id = a.feed_id ORDER BY r.rank, r.id")
        return self.conn.execute(sql, [*self.args, self.window, *key_args, n]).fetchall()

    def _boundary(self) -> int | None:
        """The id below which matches are not ranked; None when all of them are."""
        window, id_col = self._matches(False, [])
        least, n = self.conn.execute(f"SELECT min(id), count(*) FROM ({window} ORDER BY {id_col} DESC LIMIT ?)",
                                     [*self.args, self.window]).fetchone()
        return least if n >= self.window else None

    def _tail(self, below: int, above: int | None, n: int, backwards: bool) -> list[tuple]:
        """Unranked matches with ids under ``below`` (and over ``above``), newest first:
        the first ``n`` of them, or the last ``n`` when ``backwards``."""
        extra, more = ["{id} < ?"], [below]
        if above is not None:
            extra.append("{id} > ?")
            more.append(above)
        matches, id_col = self._matches(False, extra)
        sql = (f"SELECT {self.cols}, NULL FROM ({matches} ORDER BY {id_col}{'' if backwards else ' DESC'} LIMIT ?) t"
               " JOIN articles a ON a.id = t.id LEFT JOIN feeds f ON f.id = a.feed_id ORDER BY a.id DESC")
        return self.conn.execute(sql, [*self.args, *more, n]).fetchall()


class SearchQueries:
    """Needs ``self.conn`` from ``Store``."""

    conn: sqlite3.Connection
    rank_window: int = RANK_WINDOW  # a search's newest matches ranked by relevance (tests set fewer)

    def search_matches(self, article_id: int, query: str) -> SearchMatches:
        """Where ``query`` matches the article in the full-text index (nothing when it does not)."""
        try:
            match = fts_query(query)
        except NewsreaderError:
            return SearchMatches()
        row = self.conn.execute(
            "SELECT highlight(articles_fts, 0, ?, ?), highlight(articles_fts, 1, ?, ?), a.title, a.body"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? AND articles_fts.rowid = ?",
            (_OPEN, _CLOSE, _OPEN, _CLOSE, match, article_id)).fetchone()
        if row is None:
            return SearchMatches()
        title, body, plain_title, plain_body = row
        # A text that held a marker itself cannot be read back: leave it unmarked.
        spans = [marked_spans(m) if _OPEN not in p and _CLOSE not in p else ()
                 for m, p in ((title, plain_title), (body, plain_body))]
        return SearchMatches(*spans, query=query)
