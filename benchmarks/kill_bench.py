"""kill -9 at random moments of a 12,000-item import and of a 60-feed refresh.

    python benchmarks/kill_bench.py [--imports 20] [--refreshes 10] [--seed 0] [--checkout DIR]

Each round starts the real command (``python -m newsreader``) as a child, kills it
with SIGKILL at a random moment of its run, and checks: ``PRAGMA integrity_check``
and the search index's own check, the 40 read and 10 favourite marks set before,
and every process the command had started gone 3 s after its death. After the
kills one import (or refresh) runs whole: each item must then be stored once.
``--checkout`` runs another checkout's newsreader (the figures before a change);
what it leaves behind is killed by pid after being counted.
"""

from __future__ import annotations

import argparse
from contextlib import closing
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data"))
sys.path.insert(0, str(ROOT / "tests" / "data" / "http"))

import procs  # noqa: E402
from loopback import FeedServer, rss  # noqa: E402

READ, FAVOURITE = 40, 10


class Tally:
    def __init__(self, what: str):
        self.what, self.kills, self.survived = what, 0, 0
        self.helpers = self.left = 0
        self.slowest_end = 0.0
        self.problems: list[str] = []

    def kill(self, proc, home: Path, marks: tuple[set, set]) -> None:
        """Kill ``proc`` now and check the library and the processes it leaves."""
        before, left, took = procs.kill_and_watch(proc)
        names = sorted({procs.cmdline(p)[:70] for p in left})
        procs.reap_leftovers(left)
        self.kills += 1
        self.helpers += len(before)
        self.left += len(left)
        if before and not left:
            self.slowest_end = max(self.slowest_end, took)
        problems = check(home, marks)
        if left:
            problems.append(f"{len(left)} helpers alive 3 s later: {names}")
        if problems:
            self.problems += [f"kill {self.kills}: {p}" for p in problems]
        else:
            self.survived += 1

    def report(self) -> str:
        return (f"{self.what}: {self.survived} of {self.kills} kills survived (integrity, index, marks, no"
                f" helper left); helpers running at the kills {self.helpers}, alive 3 s later {self.left}"
                + (f", the last gone {self.slowest_end * 1000:.0f} ms after its parent at worst"
                   if self.helpers and not self.left else ""))


def check(home: Path, marks: tuple[set, set]) -> list[str]:
    out = []
    with closing(sqlite3.connect(home / "library.sqlite3")) as c:
        if (got := c.execute("PRAGMA integrity_check").fetchone()[0]) != "ok":
            out.append(f"integrity_check: {got}")
        try:
            c.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            out.append(f"search index: {exc}")
        read = {r[0] for r in c.execute("SELECT id FROM articles WHERE read = 1")}
        fav = {r[0] for r in c.execute("SELECT id FROM articles WHERE favourite = 1")}
    if read != marks[0] or fav != marks[1]:
        out.append(f"marks: {len(read & marks[0])} of {len(marks[0])} read, {len(fav & marks[1])} of"
                   f" {len(marks[1])} favourites kept")
    return out


def run(home: Path, *args: str, checkout: Path) -> float:
    t = time.monotonic()
    proc = procs.cli(home, *args, checkout=checkout)
    err = proc.communicate()[1]
    if proc.returncode:
        sys.exit(f"{' '.join(args[:1])} failed ({proc.returncode}): {err.decode()[-500:]}")
    return time.monotonic() - t


def set_marks(home: Path, rng: random.Random, checkout: Path) -> tuple[set, set]:
    with closing(sqlite3.connect(home / "library.sqlite3")) as c:
        ids = [r[0] for r in c.execute("SELECT id FROM articles")]
    read, fav = set(rng.sample(ids, READ)), set(rng.sample(ids, FAVOURITE))
    run(home, "mark", *map(str, read), "--read", checkout=checkout)
    run(home, "mark", *map(str, fav), "--favourite", checkout=checkout)
    return read, fav


def counts(home: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(home / "library.sqlite3")) as c:
        return c.execute("SELECT count(*), count(DISTINCT source || char(0) || guid) FROM articles").fetchone()


def imports(tmp: Path, rounds: int, rng: random.Random, checkout: Path) -> Tally:
    files = procs.write_feeds(tmp / "feeds", 40, 300)  # 12,000 items, 12 MB: the worker pool
    home = tmp / "import-home"
    whole = run(tmp / "scratch", "import", *map(str, files), checkout=checkout)
    run(home, "import", *map(str, files[:20]), checkout=checkout)  # half in, marked
    marks = set_marks(home, rng, checkout)
    print(f"import of 12,000 items ({sum(f.stat().st_size for f in files) / 1e6:.0f} MB) takes {whole:.1f} s"
          f" whole; killing at random moments of it")
    tally = Tally("import")
    for _ in range(rounds):
        proc = procs.cli(home, "import", *map(str, files), checkout=checkout)
        time.sleep(rng.uniform(0.05, whole))
        tally.kill(proc, home, marks)
    run(home, "import", *map(str, files), checkout=checkout)
    n, distinct = counts(home)
    print(f"  then a whole import: {n} articles, {distinct} distinct items (12,000 expected)"
          + ("" if n == distinct == 12_000 else "  <-- WRONG"))
    if not (n == distinct == 12_000):
        tally.problems.append(f"after the kills: {n} articles, {distinct} distinct")
    tally.problems += check(home, marks)
    return tally


def refreshes(tmp: Path, rounds: int, rng: random.Random, checkout: Path) -> Tally:
    home = tmp / "refresh-home"
    with FeedServer() as srv:
        def serve(tag: str) -> None:  # new items every round: each refresh has work to do
            for i in range(60):
                srv.feed(f"/f{i}.xml", rss(f"Feed {i}", 50, tag=tag))

        serve("r0")
        home.mkdir(parents=True)
        from newsreader.store import Store

        with Store(home / "library.sqlite3") as s, s.transaction():
            for i in range(60):  # the items link nowhere: no whole articles fetched
                s.update_feed(s.ensure_feed(srv.url(f"/f{i}.xml"), f"Feed {i}", subscribed=True), full_text=0)
        first = run(home, "refresh", checkout=checkout)
        marks = set_marks(home, rng, checkout)
        serve("r1")
        print(f"refresh of 60 loopback feeds of 50 items takes {first:.1f} s whole; killing at random moments")
        tally = Tally("refresh")
        for k in range(rounds):
            serve(f"r{k + 2}")
            proc = procs.cli(home, "refresh", checkout=checkout)
            time.sleep(rng.uniform(0.05, first))
            tally.kill(proc, home, marks)
        run(home, "refresh", checkout=checkout)
    with closing(sqlite3.connect(home / "library.sqlite3")) as c:
        last = c.execute("SELECT count(*) FROM articles WHERE guid LIKE ?", (f"%-r{rounds + 1}-%",)).fetchone()[0]
    n, distinct = counts(home)
    print(f"  then a whole refresh: the last round's {last} items stored (3,000 expected); {n} articles,"
          f" {distinct} distinct" + ("" if last == 3000 and n == distinct else "  <-- WRONG"))
    if last != 3000 or n != distinct:
        tally.problems.append(f"after the kills: {last} of the last round, {n} articles, {distinct} distinct")
    tally.problems += check(home, marks)
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--imports", type=int, default=20)
    ap.add_argument("--refreshes", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--checkout", type=Path, default=ROOT, help="the newsreader checkout to run")
    args = ap.parse_args()
    if not procs.HAVE_PROC:
        sys.exit("reads the process tree from /proc: Linux only")
    rng = random.Random(args.seed)
    print(f"checkout: {args.checkout}")
    with tempfile.TemporaryDirectory(prefix="newsreader-kill-") as tmp:
        tallies = [imports(Path(tmp), args.imports, rng, args.checkout),
                   refreshes(Path(tmp), args.refreshes, rng, args.checkout)]
    for t in tallies:
        print(t.report())
        for p in t.problems[:10]:
            print(f"    {p}")
    return 1 if any(t.problems for t in tallies) else 0


if __name__ == "__main__":
    sys.exit(main())
