"""The database schema and its migrations, applied on ``PRAGMA user_version``.

Each entry of ``MIGRATIONS`` takes the database from version ``i`` to
``i + 1``; all pending ones run in one transaction, so an upgrade either
happens whole or not at all.
"""

from __future__ import annotations

import sqlite3

V1 = """
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    category TEXT,
    site TEXT,
    subscribed INTEGER NOT NULL DEFAULT 1,
    enabled INTEGER NOT NULL DEFAULT 1,
    etag TEXT,
    last_modified TEXT,
    body_hash TEXT,
    last_attempt TEXT,
    last_success TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    retry_after TEXT,
    added_at TEXT NOT NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    source TEXT NOT NULL,
    guid TEXT,
    link TEXT,
    title TEXT NOT NULL,
    byline TEXT,
    published TEXT NOT NULL,
    published_estimated INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    category TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    links TEXT NOT NULL DEFAULT '[]',
    html TEXT,
    content_hash TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    read_at TEXT,
    favourite INTEGER NOT NULL DEFAULT 0,
    favourite_at TEXT
);
CREATE UNIQUE INDEX articles_feed_guid ON articles(feed_id, guid);
CREATE INDEX articles_link ON articles(link) WHERE link IS NOT NULL;
CREATE INDEX articles_feed_read ON articles(feed_id, read);
CREATE INDEX articles_published ON articles(published DESC, id DESC);
CREATE INDEX articles_category ON articles(category, published DESC, id DESC);
CREATE INDEX articles_unread ON articles(read, published DESC, id DESC);
CREATE INDEX articles_favourite ON articles(published DESC, id DESC) WHERE favourite = 1;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
"""

# Version 2: new articles enter the full-text index in one statement per batch
# (Store.upsert_articles) instead of through a per-row trigger. FTS5 flushes its
# pending terms at every statement savepoint, so the trigger wrote one tiny index
# segment per article; a refresh of 10,000 articles spent a second on it.
V2 = """
DROP TRIGGER articles_ai;
"""

# Version 3: which version of the quote finder found each article's quotes, so a
# newer one can find them again (pipeline.reanalyse); 0 is "before this was kept".
V3 = """
ALTER TABLE articles ADD COLUMN quotes_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_quotes_version ON articles(quotes_version, id);
"""

# Version 4: whole articles. A feed may fetch each item's web page for its full
# text (``full_text``: NULL decides by the feed's bodies, 1 on, 0 off); an
# article keeps that page (``page_html``), what came of the fetch (``full_text``:
# NULL not tried, 'ok', else the reason it failed, so it is not tried on every
# refresh) and its enclosures (JSON: url, type, length).
V4 = """
ALTER TABLE feeds ADD COLUMN full_text INTEGER;
ALTER TABLE articles ADD COLUMN enclosures TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN page_html TEXT;
ALTER TABLE articles ADD COLUMN full_text TEXT;
ALTER TABLE articles ADD COLUMN full_text_at TEXT;
"""

# Version 5: filters. Saved views (a name and a filter expression, see
# newsreader.filters); ``hidden`` marks an article the killfile hid on arrival
# (listed only by a filter that names ``hidden``); indexes page the title and
# feed sorts (store/paging.py).
V5 = """
ALTER TABLE articles ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
CREATE TABLE views (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    expr TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE, id);
CREATE INDEX articles_feed_published ON articles(feed_id, published DESC, id DESC);
CREATE INDEX feeds_title ON feeds(title COLLATE NOCASE, id);
"""

# Version 6: categories chosen again when their rules change. An article keeps the
# entry's own categories or breadcrumb (``sections``, JSON; NULL for articles stored
# before, whose category stands in for them), apart from its keyword tags, so a
# stored article is categorised as an imported one is; ``meta`` holds what the
# stored categories were chosen under (the rules' version and the user's mapping).
V6 = """
ALTER TABLE articles ADD COLUMN sections TEXT;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# Version 7: stories. Articles of several outlets on one event share a ``story_id``;
# ``stories`` keeps each story's headline (its first article's), its span in time
# and its counts of articles and outlets (what a list shows beside an article).
# Grouping places the articles stored after ``meta['stories_through']`` (an id):
# every article of a library from before is placed once, then each new one as it
# arrives. ``link_key`` is an article's address reduced to what names the page
# (scheme, "www.", tracking parameters, fragment and final slash dropped), so the
# same page reached by two addresses is one article (``url_key``, a function the
# store gives SQLite, fills it for the articles stored before). ``articles_fts_vocab``
# tells in how many articles a word is, so a refresh looks up stories by its rarer
# headline words only.
V7 = """
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    first_published TEXT NOT NULL,
    last_published TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    outlets INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_last ON stories(last_published DESC, id DESC);
ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL;
CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;
ALTER TABLE articles ADD COLUMN link_key TEXT;
UPDATE articles SET link_key = url_key(link) WHERE link IS NOT NULL;
CREATE INDEX articles_link_key ON articles(link_key) WHERE link_key IS NOT NULL;
CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
CREATE TRIGGER articles_story_ad AFTER DELETE ON articles WHEN old.story_id IS NOT NULL BEGIN
    UPDATE stories SET articles = articles - 1,
        outlets = (SELECT count(DISTINCT lower(coalesce(f.title, a.source))) FROM articles a
                   LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.story_id = old.story_id)
    WHERE id = old.story_id;
END;
"""

# Version 8: the articles the killfile hid, in an index of their own (a few, often
# none). Every list leaves them out; tested on the row, ``hidden`` (stored after the
# body, so on the row's overflow pages) cost a read of every article counted or passed
# over: counting 100,000 took 110 ms, and a search for a common word twice as long as
# its ranking. ``a.id NOT IN`` this index leaves the lists on their own indexes.
V8 = """
CREATE INDEX articles_hidden ON articles(id) WHERE hidden = 1;
"""

# Version 9: a feed's name apart from its own title. ``title`` is the name every list
# shows and sorts by ("Engadget"); ``own_title`` what the feed called itself when it was
# first read ("Engadget is a web magazine with ...": its words name a section, and the
# name is made from it again when the naming rules change; NULL, stored before: the title
# is its own); ``renamed`` is 1 when the title is the user's own name, which always stays.
V9 = """
ALTER TABLE feeds ADD COLUMN own_title TEXT;
ALTER TABLE feeds ADD COLUMN renamed INTEGER NOT NULL DEFAULT 0;
"""

# Version 10: no index on ``link``. Since version 7 an article is found by its page's
# address through ``link_key`` (articles_link_key); no query reads ``link`` by an
# index (EXPLAIN QUERY PLAN of the 26,389 distinct statements the store, CLI, refresh
# and app tests run, on a library of 50,000 articles: articles_link in none, every
# other index in some), yet every article written kept it up to date: one of eleven
# indexes each new row enters, 4 MB in 100,000 articles.
V10 = """
DROP INDEX IF EXISTS articles_link;
"""

# MIGRATIONS[i] upgrades a database at user_version i to i + 1.
MIGRATIONS: list[str] = [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` up to ``SCHEMA_VERSION``; returns the version found before.

    Refuses a database written by a newer newsreader rather than guess at it.
    """
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        from newsreader.errors import NewsreaderError

        raise NewsreaderError(
            f"the library was written by a newer newsreader (schema {found}, this one knows {SCHEMA_VERSION})"
        )
    if found == SCHEMA_VERSION:
        return found
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the write lock.
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        for script in MIGRATIONS[found:]:
            for statement in _statements(script):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _statements(script: str) -> list[str]:
    """Split a DDL script into statements (triggers contain inner semicolons)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
