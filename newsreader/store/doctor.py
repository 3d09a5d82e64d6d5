"""The SQL behind ``newsreader doctor``: checks of a library file and its repairs.

``newsreader.doctor`` decides what to run and keeps the copy of the file; this
module only reads and writes SQLite. Recovery reads a damaged file table by
table in rowid order, stepping over the parts that cannot be read, into a fresh
library; the search index and quotes are derived data and are made again.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

MAX_ROWID = 2**63 - 1
DERIVED = ("articles_fts",)  # rebuilt from the articles, never copied (its shadow tables neither)


def open_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (the checks' first look)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


def file_version(path: Path) -> int | None:
    """The schema version in the file's header (SQLite's user_version), read without
    SQLite: None when the file is no SQLite database at all."""
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or not head.startswith(b"SQLite format 3\0"):
        return None
    return int.from_bytes(head[60:64], "big")


def integrity_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """What ``PRAGMA integrity_check`` finds (empty: none)."""
    rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
    return [] if rows == ["ok"] else [line for r in rows for line in r.splitlines()]


def search_index_in_step(conn: sqlite3.Connection) -> bool:
    """True when the full-text index holds exactly the articles' titles and bodies.

    FTS5's own check is a write statement: it runs inside a transaction that is
    rolled back, so it changes nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        return True
    except sqlite3.DatabaseError:  # SQLITE_CORRUPT_VTAB: out of step
        return False
    finally:
        conn.execute("ROLLBACK")


def row_count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {_name(table)}").fetchone()[0]


def rebuild_search_index(conn: sqlite3.Connection) -> None:
    """Make the full-text index again from the articles (in the caller's transaction)."""
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def orphans(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows that name a parent row that is gone, by table."""
    out: dict[str, int] = {}
    for table, *_ in conn.execute("PRAGMA foreign_key_check"):
        out[table] = out.get(table, 0) + 1
    return out


def fix_orphans(conn: sqlite3.Connection) -> int:
    """Do to each orphan what deleting its parent would have done (the foreign key's
    ON DELETE: SET NULL keeps the row, anything else removes it); returns how many."""
    fixed = 0
    for table, rowid, _parent, fkid in list(conn.execute("PRAGMA foreign_key_check")):
        keys = {r[0]: r for r in conn.execute(f"PRAGMA foreign_key_list({_name(table)})")}
        _id, _seq, _parent_t, column, _to, _upd, on_delete, _match = keys[fkid]
        if on_delete == "SET NULL":
            conn.execute(f"UPDATE {_name(table)} SET {_name(column)} = NULL WHERE rowid = ?", (rowid,))
        else:
            conn.execute(f"DELETE FROM {_name(table)} WHERE rowid = ?", (rowid,))
        fixed += 1
    return fixed


# --- recovery -----------------------------------------------------------------


@dataclass
class Recovered:
    """What a recovery copied, table by table, and what the damaged file still names."""

    rows: dict[str, int] = field(default_factory=dict)
    damaged: set[str] = field(default_factory=set)  # tables with parts that could not be read
    article_ids: set[int] = field(default_factory=set)  # every article id seen anywhere
    feeds_remade: int = 0  # lost feeds made again from their articles' sources
    orphans_fixed: int = 0


def open_damaged(path: Path) -> sqlite3.Connection:
    """A connection to a damaged file (a scratch copy: reading may write its journal).

    ``writable_schema`` lets SQLite read a file shorter than its header says (a
    truncated library); nothing is written through it."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("PRAGMA query_only=ON")
    return conn


def recover(old: sqlite3.Connection, new: sqlite3.Connection) -> Recovered:
    """Copy every readable row of ``old`` into the empty library ``new`` (made by
    ``Store``), keeping ids; then repair what the copy left: orphans, the index."""
    got = Recovered()
    old_tables = _tables(old)  # raises if not even the schema can be read
    new.execute("PRAGMA foreign_keys=OFF")  # parents may be lost: orphans are fixed after
    new.execute("BEGIN IMMEDIATE")
    try:
        for table in _tables(new):
            if table not in old_tables:
                continue
            readable = set(_columns(old, table))
            cols = [c for c in _columns(new, table) if c in readable]
            sql = (f"INSERT OR IGNORE INTO {_name(table)} ({', '.join(map(_name, cols))})"
                   f" VALUES ({', '.join('?' * len(cols))})")
            n = 0
            for rows in readable_rows(old, table, cols, on_damage=lambda t=table: got.damaged.add(t)):
                whole = [r for r in rows if _whole(r)]
                if len(whole) < len(rows):
                    got.damaged.add(table)
                rows = whole
                new.executemany(sql, [r[1:] for r in rows])
                n += len(rows)
                if table == "articles":
                    got.article_ids.update(r[0] for r in rows)
            got.rows[table] = n
        got.article_ids |= _named_articles(old)
        got.feeds_remade = _remake_feeds(new)
        got.orphans_fixed = fix_orphans(new)
        rebuild_search_index(new)
        new.execute("COMMIT")
    except BaseException:
        new.execute("ROLLBACK")
        raise
    finally:
        new.execute("PRAGMA foreign_keys=ON")
    return got


def _whole(row: tuple) -> bool:
    """False for a row with a run of NULs: SQLite reads a page missing from a truncated
    file as zeros, so a value whose overflow pages were lost comes back padded with
    them, without an error. Stored text never holds such a run (control characters are
    stripped on the way in)."""
    return not any((isinstance(v, str) and "\0" * 16 in v) or (isinstance(v, bytes) and b"\0" * 16 in v)
                   for v in row)


def _remake_feeds(conn: sqlite3.Connection) -> int:
    """A feed row for each lost feed that recovered articles name: its URL is their
    source. Not subscribed (that was lost with it): they stay grouped, and nothing is
    fetched that the user did not ask for again."""
    from newsreader.store.timefmt import now_utc, to_db

    return conn.execute(
        "INSERT OR IGNORE INTO feeds (id, url, title, subscribed, added_at)"
        " SELECT a.feed_id, min(a.source), min(a.source), 0, ? FROM articles a"
        " WHERE a.feed_id IS NOT NULL AND a.feed_id NOT IN (SELECT id FROM feeds) GROUP BY a.feed_id",
        (to_db(now_utc()),)).rowcount


def mark_quotes_stale(conn: sqlite3.Connection) -> int:
    """Have every article's quotes found again (some of them were lost)."""
    return conn.execute("UPDATE articles SET quotes_version = 0").rowcount


def readable_rows(conn: sqlite3.Connection, table: str, cols: list[str], batch: int = 200,
                  on_damage=lambda: None) -> Iterator[list[tuple]]:
    """The rows of ``table`` that can be read, ``(rowid, *cols)``, in batches in rowid
    order; a row or a run of rows that cannot be read is stepped over."""
    what = f"SELECT rowid, {', '.join(map(_name, cols))} FROM {_name(table)}"
    sql = f"{what} WHERE rowid >= ? ORDER BY rowid LIMIT ?"
    at, careful = -MAX_ROWID - 1, 0
    while at is not None:
        try:
            rows = conn.execute(sql, (at, 1 if careful else batch)).fetchall()
        except sqlite3.DatabaseError:
            on_damage()
            if careful:  # this very row cannot be read: step over it (and what else is lost)
                resume = _step_over(conn, table, at)
                # good pages may lie among the bad ones stepped over: ask for each id there
                yield from _one_by_one(conn, f"{what} WHERE rowid = ?", at + 1, resume)
                at = resume
            careful = batch  # one row at a time until well past the damage
            continue
        if not rows:
            return
        yield rows
        careful = max(careful - len(rows), 0)
        at = rows[-1][0] + 1 if rows[-1][0] < MAX_ROWID else None


def _one_by_one(conn: sqlite3.Connection, sql: str, lo: int, hi: int | None,
                give_up: int = 10_000) -> Iterator[list[tuple]]:
    """Rows with ids from ``lo`` up to ``hi`` (None: no end), each looked up on its
    own: upwards from ``lo``, then downwards from ``hi``, each way until ``give_up``
    ids in a row are missing (the ids of a damaged run are not known)."""
    last = lo - 1
    for row in _sweep(conn, sql, lo, hi if hi is not None else MAX_ROWID, 1, give_up):
        last = row[0]
        yield [row]
    if hi is not None:
        down = list(_sweep(conn, sql, hi - 1, last, -1, give_up))
        yield from ([row] for row in reversed(down))


def _sweep(conn: sqlite3.Connection, sql: str, start: int, stop: int, step: int,
           give_up: int) -> Iterator[tuple]:
    misses, x = 0, start
    while x != stop and misses < give_up:
        try:
            row = conn.execute(sql, (x,)).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row:
            misses = 0
            yield row
        else:
            misses += 1
        x += step


def _step_over(conn: sqlite3.Connection, table: str, at: int) -> int | None:
    """A rowid from which reading works again after a failure at ``at`` (None: nowhere)."""
    first = _probe(conn, table, at)
    if first is not False:  # the row's place can be read, its content not: skip the row
        return None if first is None or first >= MAX_ROWID else first + 1
    bad, step = at, 1
    while True:  # the tree cannot be read here: jump ahead, further each time
        good = min(bad + step, MAX_ROWID)
        if _probe(conn, table, good) is not False:
            break
        if good == MAX_ROWID:
            return None
        bad, step = good, step * 2
    while good - bad > 1:  # then back towards the first place where it can
        mid = (bad + good) // 2
        if _probe(conn, table, mid) is False:
            bad = mid
        else:
            good = mid
    return good


def _probe(conn: sqlite3.Connection, table: str, at: int):
    """The first rowid at or after ``at`` (None: none), or False if it cannot be read."""
    try:
        row = conn.execute(f"SELECT rowid FROM {_name(table)} WHERE rowid >= ? ORDER BY rowid LIMIT 1",
                           (at,)).fetchone()
    except sqlite3.DatabaseError:
        return False
    return None if row is None else row[0]


def _named_articles(old: sqlite3.Connection) -> set[int]:
    """Article ids the damaged file still names in its index or its quotes."""
    ids: set[int] = set()
    tables = _tables(old, shadow=True)
    # the articles' own tree holds ids whose rows cannot be read (their text is lost)
    for table, col in (("articles", "rowid"), ("articles_fts_docsize", "id"), ("quotes", "article_id")):
        if table in tables:
            for rows in readable_rows(old, table, [col]):
                ids.update(r[1] for r in rows)
    return ids


def _tables(conn: sqlite3.Connection, shadow: bool = False) -> list[str]:
    """Ordinary tables, parents before children; the search index and its shadow
    tables only with ``shadow``."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rootpage")]
    if not shadow:
        names = [n for n in names if not n.startswith(DERIVED)]
    parents = {n: {r[2] for r in conn.execute(f"PRAGMA foreign_key_list({_name(n)})")} for n in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered) | {n}]
        ordered += ready or [n for n in names if n not in ordered]  # a cycle: any order
    return ordered


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({_name(table)})")]


def _name(ident: str) -> str:
    return '"' + ident.replace('"', '""') + '"'
