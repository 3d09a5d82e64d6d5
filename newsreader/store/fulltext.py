"""Whole-article queries of the store, mixed into ``Store``: which articles want
their web page fetched, and what came of it."""

from __future__ import annotations

from typing import Sequence

from newsreader.models import Quote
from newsreader.store.timefmt import now_utc, to_db

SHORT_BODY = 500  # characters: a body under this with a link is a summary of the page
AUTO_SAMPLE = 50  # the newest articles of a feed that decide the automatic setting


class FullTextQueries:
    """Needs ``self.conn``, ``self.transaction()`` and the index helpers from ``Store``."""

    def summary_only(self, feed_id: int) -> bool:
        """True when most of the feed's newest articles are short bodies with a link
        (an item with audio or video attached is a podcast's or a video's: its page is no article)."""
        n, short = self.conn.execute(
            "SELECT count(*), coalesce(sum(length(body) < ? AND link IS NOT NULL"
            " AND enclosures NOT LIKE '%\"audio/%' AND enclosures NOT LIKE '%\"video/%'), 0)"
            " FROM (SELECT body, link, enclosures FROM articles WHERE feed_id = ? AND full_text IS NOT 'ok'"
            " ORDER BY id DESC LIMIT ?)", (SHORT_BODY, feed_id, AUTO_SAMPLE)).fetchone()
        return n > 0 and short * 2 > n

    def full_text_due(self, feed_id: int, limit: int) -> list[tuple[int, str, str]]:
        """(id, link, body) of the feed's newest articles whose page was never fetched."""
        return list(self.conn.execute(
            "SELECT id, link, body FROM articles WHERE feed_id = ? AND full_text IS NULL"
            " AND link IS NOT NULL ORDER BY published DESC, id DESC LIMIT ?", (feed_id, limit)))

    def store_full_text(self, article_id: int, body: str, links: Sequence[str], page_html: str | None,
                        quotes: Sequence[Quote], keys: Sequence[str | None], version: int,
                        byline: str | None = None) -> None:
        """The article's body becomes its page's main text; the feed's text stays as
        its summary (unless the feed gave one of its own) and its quotes are the page's."""
        with self.transaction():
            if self._unindexed_after is not None and article_id > self._unindexed_after:
                self._flush_index()  # the update trigger takes the old body out of the index
            self.conn.execute(
                "UPDATE articles SET summary = CASE WHEN summary = '' THEN body ELSE summary END,"
                " body = ?, links = ?, page_html = ?, byline = coalesce(byline, ?), full_text = 'ok',"
                " full_text_at = ?, quotes_version = ? WHERE id = ?",
                (body, _json(links), page_html, byline, to_db(now_utc()), version, article_id))
            self.conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
            self._insert_quotes(article_id, quotes, keys)

    def full_text_failed(self, article_id: int, reason: str) -> None:
        """Keep the feed's text and why the page gave none; it is not asked for again."""
        with self.transaction():
            self.conn.execute("UPDATE articles SET full_text = ?, full_text_at = ? WHERE id = ?",
                              (reason or "no article text", to_db(now_utc()), article_id))

    def forget_full_text(self, article_id: int) -> None:
        """A failed fetch may be tried again (the user asked for it)."""
        with self.transaction():
            self.conn.execute("UPDATE articles SET full_text = NULL WHERE id = ? AND full_text IS NOT 'ok'",
                              (article_id,))


def _json(items: Sequence[str]) -> str:
    import json

    return json.dumps(list(items), ensure_ascii=False) if items else "[]"
