"""Story queries of the store, mixed into ``Store``: what grouping reads and writes,
and the stories a list or the story screen shows.

An outlet is a feed or page source by its title (two saved pages of one site
are one outlet), ``OUTLET`` below.
"""

from __future__ import annotations

from typing import Iterable

from newsreader.models import Quote, Story, StoryArticle, StoryText
from newsreader.store.columns import chunks, marks
from newsreader.store.timefmt import from_db, to_db

OUTLET = "lower(coalesce(f.title, a.source))"
LEAD_CHARS = 2000  # of the body: the lead grouping reads (terms.LEAD_WORDS words, most often fewer)
_TEXT_COLS = (f"a.id, a.title, CASE WHEN a.body = '' THEN a.summary ELSE substr(a.body, 1, {LEAD_CHARS}) END,"
              f" a.published, a.published_estimated, a.story_id, {OUTLET}")
_TEXTS = "articles a LEFT JOIN feeds f ON f.id = a.feed_id"  # what _TEXT_COLS reads from
_THROUGH = "stories_through"
_VERSION = "stories_version"


def _text(r) -> StoryText:
    return StoryText(r[0], r[1], r[2], from_db(r[3]), bool(r[4]), r[5], r[6])


class StoryQueries:
    """Needs ``self.conn``, ``self.transaction``, ``meta`` and ``set_meta`` from ``Store``."""

    # --- what grouping reads -------------------------------------------------

    def stories_through(self) -> int:
        """The largest article id grouping has placed (0: none yet)."""
        return int(self.meta(_THROUGH) or 0)

    def stories_version(self) -> int:
        """The grouping method the stored stories were made by (1: before it was noted)."""
        return int(self.meta(_VERSION) or (1 if self.stories_through() else 0))

    def ungrouped(self, limit: int, after: int | None = None) -> list[StoryText]:
        """Articles stored after the last placed one (or after ``after``), by id."""
        start = self.stories_through() if after is None else after
        rows = self.conn.execute(f"SELECT {_TEXT_COLS} FROM {_TEXTS} WHERE a.id > ? ORDER BY a.id LIMIT ?",
                                 (start, limit))
        return [_text(r) for r in rows]

    def story_window(self, start, end, through: int) -> list[StoryText]:
        """Placed articles (id up to ``through``) published between ``start`` and ``end``."""
        rows = self.conn.execute(
            f"SELECT {_TEXT_COLS} FROM {_TEXTS} WHERE a.published BETWEEN ? AND ? AND a.id <= ?",
            (to_db(start), to_db(end), through))
        return [_text(r) for r in rows]

    def story_window_count(self, start, end, through: int) -> int:
        """How many placed articles were published between ``start`` and ``end``."""
        return self.conn.execute("SELECT count(*) FROM articles WHERE published BETWEEN ? AND ? AND id <= ?",
                                 (to_db(start), to_db(end), through)).fetchone()[0]

    def story_window_sample(self, start, end, through: int, limit: int) -> list[StoryText]:
        """The latest ``limit`` placed articles of a stretch of time (to weigh words by)."""
        rows = self.conn.execute(
            f"SELECT {_TEXT_COLS} FROM {_TEXTS} WHERE a.published BETWEEN ? AND ? AND a.id <= ?"
            " ORDER BY a.published DESC LIMIT ?", (to_db(start), to_db(end), through, limit))
        return [_text(r) for r in rows]

    def story_title_matches(self, words: Iterable[str], start, end, through: int, limit: int) -> list[int]:
        """Placed articles of a stretch of time whose headline has any of ``words``
        (the full-text index's answer: candidates, not yet matches)."""
        words = [w for w in dict.fromkeys(words) if w.isalnum()]
        if words:  # only the rarer words: a common one would bring back the whole stretch
            rare = max(50, self.conn.execute("SELECT count(*) FROM articles").fetchone()[0] // 100)
            found = set()
            for part in chunks([w.lower() for w in words]):
                found |= {t for t, n in self.conn.execute(
                    f"SELECT term, doc FROM articles_fts_vocab WHERE term IN ({marks(len(part))})", part)
                    if n <= rare}
            words = [w for w in words if w.lower() in found]
        if not words:
            return []
        query = "title : (" + " OR ".join('"' + w + '"' for w in words) + ")"
        return [r[0] for r in self.conn.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? AND a.published BETWEEN ? AND ? AND a.id <= ? LIMIT ?",
            (query, to_db(start), to_db(end), through, limit))]

    def story_members(self, story_ids: Iterable[int]) -> list[StoryText]:
        """Every article of the given stories."""
        return self._texts_where("a.story_id", list(dict.fromkeys(story_ids)))

    def story_texts(self, ids: Iterable[int]) -> list[StoryText]:
        """The given articles, as grouping reads them."""
        return self._texts_where("a.id", list(ids))

    def _texts_where(self, column: str, values: list) -> list[StoryText]:
        """The articles whose ``column`` is one of ``values``, as grouping reads them."""
        out = []
        for part in chunks(values):
            out += [_text(r) for r in self.conn.execute(
                f"SELECT {_TEXT_COLS} FROM {_TEXTS} WHERE {column} IN ({marks(len(part))})", part)]
        return out

    def story_neighbours(self, words: Iterable[str], limit: int = 20) -> list[int]:
        """Articles the full-text index ranks best for any of ``words`` (an undated
        article's candidates, from any time)."""
        words = [w for w in dict.fromkeys(words) if w.isalnum()][:12]
        if not words:
            return []
        query = " OR ".join('"' + w + '"' for w in words)
        return [r[0] for r in self.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit))]

    # --- what grouping writes ------------------------------------------------

    def place_in_stories(self, placed: dict[int, int], through: int, since: int | None = None,
                         version: int | None = None) -> dict[int, int] | None:
        """Put articles in stories (article id -> story id; a number below zero is a
        new story, one per number) and note ``through`` as placed. Returns the new
        stories' ids by their numbers. One transaction. With ``since`` (the
        placed-through mark the grouping was computed from) nothing is written and
        None comes back when another process has placed articles meanwhile. With
        ``version`` (a grouping of the whole library from its first article by that
        method) the stories made before are undone in the same transaction, so a
        reader sees the old stories or the new ones, never none."""
        made: dict[int, int] = {}
        with self.transaction():
            if since is not None and self.stories_through() != since:
                return None
            if version is not None:
                self.conn.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
                self.conn.execute("DELETE FROM stories")
                self.set_meta(_VERSION, str(version))
            for art_id, key in sorted(placed.items()):
                if key < 0 and key not in made:
                    made[key] = self.conn.execute(
                        "INSERT INTO stories (title, first_published, last_published) VALUES ('', '', '')"
                    ).lastrowid
            self.conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?",
                                  [(made.get(k, k), a) for a, k in placed.items()])
            self._count_stories({made.get(k, k) for k in placed.values()})
            self.set_meta(_THROUGH, str(through))
        return made

    def _count_stories(self, ids: Iterable[int]) -> None:
        """Each story's headline (its first article's), span and counts, from its articles."""
        self.conn.executemany(
            f"""UPDATE stories SET
                title = (SELECT a.title FROM articles a WHERE a.story_id = stories.id
                         ORDER BY a.published_estimated, a.published, a.id LIMIT 1),
                first_published = (SELECT coalesce(min(CASE WHEN published_estimated = 0 THEN published END),
                                                   min(published)) FROM articles WHERE story_id = stories.id),
                last_published = (SELECT coalesce(max(CASE WHEN published_estimated = 0 THEN published END),
                                                  max(published)) FROM articles WHERE story_id = stories.id),
                articles = (SELECT count(*) FROM articles WHERE story_id = stories.id),
                outlets = (SELECT count(DISTINCT {OUTLET}) FROM articles a
                           LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.story_id = stories.id)
                WHERE id = ?""", [(i,) for i in ids])

    # --- what is shown -------------------------------------------------------

    def stories(self, limit: int | None = None, min_articles: int = 2) -> list[Story]:
        """Stories of at least ``min_articles`` articles, the latest news first
        (by their newest article), each with its articles."""
        sql = ("SELECT id FROM stories WHERE articles >= ? ORDER BY last_published DESC, id DESC"
               + (" LIMIT ?" if limit is not None else ""))
        ids = [r[0] for r in self.conn.execute(sql, (min_articles,) if limit is None else (min_articles, limit))]
        return [self.story(i) for i in ids]

    def story(self, story_id: int) -> Story:
        """One story and its articles, oldest first."""
        from newsreader.errors import NotFound

        row = self.conn.execute("SELECT id, title, first_published, last_published FROM stories WHERE id = ?",
                                (story_id,)).fetchone()
        if row is None:
            raise NotFound(f"no story with id {story_id}")
        rows = self.conn.execute(
            "SELECT a.id, a.title, coalesce(f.title, a.source), a.published, a.body, a.read, a.feed_id,"
            " a.published_estimated"
            " FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id"
            " WHERE a.story_id = ? ORDER BY a.published, a.id", (story_id,))
        arts = tuple(StoryArticle(r[0], r[1], r[2], from_db(r[3]), len(r[4].split()), bool(r[5]), r[6], bool(r[7]))
                     for r in rows)
        return Story(row[0], row[1], from_db(row[2]) if row[2] else None,
                     from_db(row[3]) if row[3] else None, arts)

    def story_quotes(self, story_id: int) -> list[tuple[int, Quote, str | None, str]]:
        """(article id, quote, speaker key, quoted text) of every quotation in the story's
        articles (interview turns too), by article and place."""
        rows = self.conn.execute(
            "SELECT q.article_id, q.start, q.end, q.kind, q.speaker, q.speaker_start, q.speaker_end, q.cue,"
            " q.speaker_key, substr(a.body, q.start + 1, q.end - q.start) FROM quotes q"
            " JOIN articles a ON a.id = q.article_id WHERE a.story_id = ? ORDER BY q.article_id, q.start",
            (story_id,))
        return [(r[0], Quote(*r[1:8]), r[8], r[9]) for r in rows]

    def story_bodies(self, story_id: int) -> dict[int, str]:
        """Article id -> body of the story's articles, in its order."""
        return dict(self.conn.execute("SELECT id, body FROM articles WHERE story_id = ?"
                                      " ORDER BY published, id", (story_id,)))

    def story_of(self, article_id: int) -> int | None:
        """The story an article is part of, or None."""
        row = self.conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None
