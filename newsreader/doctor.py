"""``newsreader doctor``: check the library and repair what can be repaired.

Before SQLite touches the file, a byte-exact copy of it (and of its write-ahead
log) is kept beside it, named with the time; a healthy library gives the copy up
again, since nothing changed. Then:

- a damaged file (``PRAGMA integrity_check``) has its readable rows copied into a
  new library that replaces it; the original stays in the copy;
- an older schema is upgraded;
- a search index out of step with the articles is rebuilt;
- rows naming a parent that is gone are treated as its deletion would have;
- quotes an older quote finder found (or that were lost) are found again;
- stories an older grouping method made are made again.

What cannot be repaired raises ``CannotRepair`` with the file left as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from newsreader.errors import NewsreaderError
from newsreader.store import Store
from newsreader.store import doctor as sql
from newsreader.store.schema import SCHEMA_VERSION

Progress = Callable[[int, int, str], None]


class CannotRepair(NewsreaderError):
    """The library cannot be checked or repaired; it is left as it was."""


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class DoctorReport:
    path: str
    checks: list[Check] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    backup: list[str] = field(default_factory=list)  # the copies kept of the file as found
    recovered: dict | None = None  # after a damaged file: rows got back, by kind

    @property
    def healthy(self) -> bool:
        return not self.repairs and all(c.ok for c in self.checks)

    def as_dict(self) -> dict:
        return {"path": self.path, "healthy": self.healthy,
                "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
                "repairs": self.repairs, "backup": self.backup or None, "recovered": self.recovered}


def run_doctor(path: Path, progress: Progress | None = None) -> DoctorReport:
    """Check the library at ``path`` and repair what is wrong with it."""
    path = Path(path)
    report = DoctorReport(str(path))
    if not path.exists():
        report.checks.append(Check("library", True, "no library yet: nothing to check"))
        return report
    version = sql.file_version(path)
    if version is None:
        raise CannotRepair(f"cannot repair {path}: it is no SQLite database (not even its first bytes"
                           " are left), so nothing can be read from it; it is left as it was")
    if version > SCHEMA_VERSION:
        raise CannotRepair(f"cannot check {path}: a newer newsreader wrote it (schema {version}, this one"
                           f" knows {SCHEMA_VERSION}); it is left as it was")
    copies = keep_copy(path)
    report.backup = [str(p) for p in copies]
    problems = _integrity(path)
    report.checks.append(Check("integrity", not problems, "; ".join(problems[:3]) or "ok"))
    try:
        if problems:
            _recover(path, copies, report, progress)
        else:
            _check_and_mend(path, version, report, progress)
    except CannotRepair:
        if problems:  # the file was not replaced: it is its own copy
            for p in copies:
                p.unlink()
        raise
    if report.healthy:
        for p in copies:  # nothing changed: the copy is the library itself
            p.unlink()
        report.backup = []
    return report


def keep_copy(path: Path) -> list[Path]:
    """Copy the library and its write-ahead log, byte for byte, beside it, named with
    the time; returns the copies. A copy that cannot be made whole is not kept."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.before-doctor-{stamp}")
    n = 1
    while base.exists():
        n += 1
        base = path.with_name(f"{path.name}.before-doctor-{stamp}-{n}")
    out = []
    # the log goes with the main file under the name SQLite looks for beside it
    for src, dst in ((path, base), (_wal(path), _wal(base))):
        if not src.exists() or (src != path and not src.stat().st_size):
            continue  # an empty log holds nothing
        try:
            shutil.copy2(src, dst)
            if _digest(src) != _digest(dst):
                raise OSError(f"the copy of {src} differs from it (is it being written?)")
        except OSError as exc:
            _remove(*out, dst)
            raise CannotRepair(f"cannot keep a copy of {src} before checking it"
                               f" ({exc.strerror or exc}); nothing was changed") from None
        out.append(dst)
    return out


def _integrity(path: Path) -> list[str]:
    try:
        conn = sql.open_readonly(path)
        try:
            return sql.integrity_problems(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _check_and_mend(path: Path, version: int, report: DoctorReport, progress: Progress | None) -> None:
    """The checks of a file SQLite can read whole, and their repairs in place."""
    from newsreader.analysis import QUOTES_VERSION
    from newsreader.analysis.stories import STORIES_VERSION
    from newsreader.ingest.pipeline import reanalyse
    from newsreader.ingest.stories import group_new, grouped_by_older

    current = version == SCHEMA_VERSION
    report.checks.append(Check("schema", current, f"version {version}" + (
        "" if current else f", older than this newsreader's {SCHEMA_VERSION}")))
    with Store(path) as store:  # upgrades an older schema
        if not current:
            report.repairs.append(f"upgraded the schema from version {version} to {SCHEMA_VERSION}")
        conn = store.conn
        in_step = sql.search_index_in_step(conn)
        report.checks.append(Check("search index", in_step, "in step with the articles" if in_step
                                   else "out of step with the articles"))
        lost = sql.orphans(conn)
        report.checks.append(Check("orphan rows", not lost, ", ".join(
            f"{n} in {t}" for t, n in sorted(lost.items())) or "none"))
        stale = store.count_stale_quotes(QUOTES_VERSION)
        report.checks.append(Check("quotes", not stale, f"{stale} articles' quotes are from an older quote"
                                   f" finder{_pass_said(path)}" if stale
                                   else f"found by the current quote finder ({QUOTES_VERSION})"))
        regroup = grouped_by_older(store)
        report.checks.append(Check("stories", not regroup, f"grouped by an older method ({store.stories_version()})"
                                   if regroup else f"grouped by the current method ({STORIES_VERSION})"))
        if not in_step:
            with store.transaction():
                sql.rebuild_search_index(conn)
            report.repairs.append("rebuilt the search index")
        if lost:
            with store.transaction():
                n = sql.fix_orphans(conn)
            report.repairs.append(f"mended {n} orphan row{'' if n == 1 else 's'}")
        if stale:
            done = reanalyse(store, progress=progress)
            report.repairs.append(f"found the quotes again in {done} article{'' if done == 1 else 's'}")
        if regroup:
            placed = group_new(store)
            report.repairs.append(f"grouped the articles into stories again ({placed} in stories of two or more)")
        if report.repairs:
            _verify(store)


def _recover(path: Path, copies: list[Path], report: DoctorReport, progress: Progress | None) -> None:
    """Copy what can be read of a damaged library into a new one, which replaces it."""
    from newsreader.ingest.pipeline import reanalyse

    scratch = path.with_name(path.name + ".doctor-read")
    new = path.with_name(path.name + ".doctor-new")
    _remove(scratch, new)
    try:
        for src, dst in zip(copies, (scratch, _wal(scratch))):  # read a copy: reading may write
            shutil.copyfile(src, dst)
        old = sql.open_damaged(scratch)
        try:
            with Store(new) as store:
                got = sql.recover(old, store.conn)
                if not any(got.rows.values()):
                    raise CannotRepair(f"cannot repair {path}: not one row of it can be read; it is left"
                                       " as it was")
                if "quotes" in got.damaged:  # some quotes are lost: find them all again
                    with store.transaction():
                        sql.mark_quotes_stale(store.conn)
                refound = reanalyse(store, progress=progress)
                _verify(store)
                report.recovered = _recovered(store, got)
        finally:
            old.close()
        _remove(_wal(path), path.with_name(path.name + "-shm"))  # they belong to the damaged file
        os.replace(new, path)
    except sqlite3.DatabaseError as exc:
        raise CannotRepair(f"cannot repair {path}: {exc}; it is left as it was") from None
    except OSError as exc:
        raise CannotRepair(f"cannot repair {path} ({exc.strerror or exc}); it is left as it was") from None
    finally:
        _remove(scratch, new)
    arts = report.recovered["articles"]
    report.repairs.append(f"recovered {arts['recovered']} of the {arts['named']} articles the damaged file"
                          f" still names, {report.recovered['feeds']} feeds, {report.recovered['read']}"
                          f" read and {report.recovered['favourites']} favourite marks, into a new library")
    if got.feeds_remade:
        report.repairs.append(f"made {got.feeds_remade} lost feeds again from their articles' addresses"
                              " (not subscribed: 'newsreader add URL' subscribes again)")
    if got.orphans_fixed:
        report.repairs.append(f"mended {got.orphans_fixed} rows whose parent was lost")
    report.repairs.append("rebuilt the search index")
    if refound:
        report.repairs.append(f"found the quotes again in {refound} articles")


def _recovered(store: Store, got: sql.Recovered) -> dict:
    totals = store.totals()
    return {"articles": {"recovered": got.rows.get("articles", 0), "named": len(got.article_ids)},
            "feeds": got.rows.get("feeds", 0), "feeds_remade": got.feeds_remade,
            "quotes": sql.row_count(store.conn, "quotes"),
            "read": totals["all"] - totals["unread"], "favourites": totals["favourites"],
            "damaged_tables": sorted(got.damaged)}


def _verify(store: Store) -> None:
    """The repaired library must pass the checks it failed."""
    problems = sql.integrity_problems(store.conn)
    if problems or not sql.search_index_in_step(store.conn):
        raise CannotRepair(f"the repair of {store.path} did not hold ({'; '.join(problems[:2]) or 'index'})")


def _pass_said(path: Path) -> str:
    """The last line the background quote pass wrote to its log beside the library (an
    error that stopped it), for the quotes check; empty when it wrote nothing."""
    from newsreader.text import clean_line

    try:
        with open(path.with_name(path.name + ".quotes-log"), "rb") as log:
            log.seek(max(0, log.seek(0, os.SEEK_END) - 4096))
            lines = [ln for ln in log.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    except OSError:
        return ""
    return f" (the background pass last wrote: {clean_line(lines[-1])[:200]})" if lines else ""


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _remove(*paths: Path) -> None:
    """Remove each file with its log and index, if they are there and can be removed."""
    for p in paths:
        for q in (p, _wal(p), p.with_name(p.name + "-shm")) if not p.name.endswith(("-wal", "-shm")) else (p,):
            try:
                q.unlink(missing_ok=True)
            except OSError:
                pass


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
