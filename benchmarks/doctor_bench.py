"""``newsreader doctor`` on damaged copies of a real library: what it gets back.

    python benchmarks/doctor_bench.py [--generated]

Builds a library by importing ../shared's 56 real feeds (or, with --generated or
without ../shared, 12,000 generated items), marks 40 read and 10 favourite, then
damages copies of it: cut to 90%, 75%, 50% and 25% of its length, a twentieth or
a fifth of it overwritten with random bytes, and its first page overwritten.
For each: doctor's exit status and time, the articles recovered of those before,
the marks kept, whether the copy it kept is byte for byte the damaged file, and
whether the library then opens and passes integrity_check.
"""

from __future__ import annotations

import argparse
from contextlib import closing
import hashlib
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data"))
import procs  # noqa: E402

SHARED_FEEDS = ROOT.parent / "shared" / "data" / "feeds" / "real"


def cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsreader", "--home", str(home), *args], cwd=ROOT,
                          capture_output=True, text=True)


def cut(fraction: float):
    def damage(data: bytes, _rng: random.Random) -> bytes:
        return data[: int(len(data) * fraction)]
    damage.__name__ = f"cut to {fraction:.0%}"
    return damage


def overwrite(fraction: float, at: float = 0.4):
    def damage(data: bytes, rng: random.Random) -> bytes:
        start, n = int(len(data) * at), int(len(data) * fraction)
        return data[:start] + rng.randbytes(n) + data[start + n:]
    damage.__name__ = f"{fraction:.0%} overwritten at {at:.0%}"
    return damage


def first_page(data: bytes, rng: random.Random) -> bytes:
    return rng.randbytes(4096) + data[4096:]


first_page.__name__ = "first page overwritten"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generated", action="store_true")
    args = ap.parse_args()
    rng = random.Random(18)
    with tempfile.TemporaryDirectory(prefix="newsreader-doctor-") as tmp:
        tmp = Path(tmp)
        home = tmp / "home"
        if SHARED_FEEDS.is_dir() and not args.generated:
            files, what = sorted(SHARED_FEEDS.iterdir()), "the 56 real feeds of ../shared"
        else:
            files, what = procs.write_feeds(tmp / "feeds", 40, 300), "12,000 generated items"
        cli(home, "import", *map(str, files))
        db = home / "library.sqlite3"
        with closing(sqlite3.connect(db)) as c:
            ids = [r[0] for r in c.execute("SELECT id FROM articles")]
        cli(home, "mark", *map(str, rng.sample(ids, 40)), "--read")
        cli(home, "mark", *map(str, rng.sample(ids, 10)), "--favourite")
        original = db.read_bytes()
        print(f"library from {what}: {len(ids)} articles, {len(original) / 1e6:.1f} MB")
        for damage in (cut(0.9), cut(0.75), cut(0.5), cut(0.25), overwrite(0.05), overwrite(0.2), first_page):
            case = tmp / "case"
            shutil.rmtree(case, ignore_errors=True)
            case.mkdir()
            bad = damage(original, rng)
            (case / "library.sqlite3").write_bytes(bad)
            t = time.perf_counter()
            got = cli(case, "doctor", "--json")
            took = time.perf_counter() - t
            if got.returncode:
                same = (case / "library.sqlite3").read_bytes() == bad
                print(f"{damage.__name__}: exit {got.returncode} in {took:.1f} s: {got.stderr.strip()}"
                      f" (file {'untouched' if same else 'CHANGED'})")
                continue
            report = json.loads(got.stdout)
            rec = report["recovered"] or {}
            kept = [Path(p) for p in report["backup"] or [] if not p.endswith("-wal")]
            exact = bool(kept) and hashlib.sha256(kept[0].read_bytes()).digest() == hashlib.sha256(bad).digest()
            opens = cli(case, "list", "--limit", "1").returncode == 0
            with closing(sqlite3.connect(case / "library.sqlite3")) as c:
                ok = c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            arts = rec.get("articles", {})
            print(f"{damage.__name__}: exit 0 in {took:.1f} s; recovered {arts.get('recovered')} of the"
                  f" {len(ids)} articles ({arts.get('named')} still named), {rec.get('feeds')} feeds"
                  f" (+{rec.get('feeds_remade')} made again from articles),"
                  f" {rec.get('read')} of 40 read and {rec.get('favourites')} of 10 favourite marks;"
                  f" copy byte-exact: {exact}; opens: {opens}; integrity ok: {ok}")


if __name__ == "__main__":
    main()
