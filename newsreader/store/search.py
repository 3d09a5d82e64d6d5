"""Full-text search in the store: the query a user types, relevance, and where it matched.

The words a user types become an FTS5 query that every word must match (the
last one as a prefix, as it is typed). Relevance is FTS5's bm25 with a title
weighing ``TITLE_WEIGHT`` times the body. Where an article matched is asked of
FTS5 itself (``highlight()``), so the words marked in the reading pane are the
ones the index matched: case, accents and prefixes as its tokenizer folds them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsreader.errors import NewsreaderError

TITLE_WEIGHT = 5.0
# For FTS5's ``rank MATCH``: the columns are (title, body).
RANK_FUNCTION = f"bm25({TITLE_WEIGHT}, 1.0)"

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


class SearchQueries:
    """Needs ``self.conn`` from ``Store``."""

    conn: sqlite3.Connection

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
