"""Filters and sorts on a large library: the first page (200 rows, as the app
loads) and the fifth (keyset paging) per sort and per filter, and the unread
count of a saved view (what the categories pane shows).

    python benchmarks/filter_bench.py [--files 40] [--items 600] [--words 200] [--home DIR]

Generates RSS files (import_bench's generator), imports them with
``newsreader import`` into a temporary home (or reuses ``--home`` if it holds
a library), then times each query in process on a fresh connection: the
median of 7 runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from import_bench import write_feed  # noqa: E402

from newsreader.filters import parse  # noqa: E402
from newsreader.store import Store  # noqa: E402
from newsreader.store.store import PAGE, SORTS, Filter  # noqa: E402

FILTERS = [
    "unread",
    "title ~ \"river\"",
    "title ~ \"no such words\"",  # nothing matches: the whole library is read
    "body ~ \"harbour*ferry\"",
    "speaker = \"Ada Lind\"",
    "category = \"Sport\" and not favourite",
    "feed = \"Bench feed 3\" or feed ~ \"bench feed 1\"",
    "age < 2w and unread",
    "tag = \"World\"",
]


def timed(fn, runs: int = 7) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, out


def fifth(store: Store, flt: Filter):
    """A function reading the fifth page by keyset (the fourth's last row found first), or None."""
    last = None
    for _ in range(4):
        rows = store.list_articles(flt, limit=PAGE, after=last)
        if len(rows) < PAGE:
            return None
        last = rows[-1]
    return lambda: store.list_articles(flt, limit=PAGE, after=last)


def row(store: Store, label: str, flt: Filter) -> None:
    first, rows = timed(lambda: store.list_articles(flt, limit=PAGE))
    deep = fifth(store, flt)
    later = f"{timed(deep)[0]:>6.1f}ms" if deep else f"{'-':>8}"
    print(f"{label:<52} {first:>6.1f}ms {later} {len(rows):>6}")


def build(home: Path, files: int, items: int, words: int) -> None:
    feeds = []
    for i in range(files):
        path = home.parent / f"feed{i:02d}.rss"
        write_feed(path, i, items, words)
        feeds.append(path)
    env = dict(os.environ, NEWSREADER_HOME=str(home))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsreader", "import", *map(str, feeds)], env=env, check=True,
                   stdout=subprocess.DEVNULL, cwd=ROOT)
    print(f"imported {files * items} articles in {time.perf_counter() - t0:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--items", type=int, default=600)
    ap.add_argument("--words", type=int, default=200)
    ap.add_argument("--home", type=Path, help="a newsreader home to use (built there if it has no library)")
    args = ap.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="newsreader-filters-")) / "home"
    db = home / "library.sqlite3"
    if not db.exists():
        home.mkdir(parents=True, exist_ok=True)
        build(home, args.files, args.items, args.words)
    with Store(db) as store:
        total = store.count(Filter())
        print(f"library: {total} articles, {db.stat().st_size / 1e6:.0f} MB ({db})")
        print(f"{'list':<52} {'page 1':>8} {'page 5':>8} {'rows':>6}")
        for sort in SORTS:
            row(store, f"sort {sort}", Filter(sort=sort))
            row(store, f"sort {sort}, unread only", Filter(sort=sort, unread=True))
        for text in FILTERS:
            for sort in SORTS:
                row(store, f"{text} ({sort})", Filter(where=parse(text), sort=sort))
        for text in FILTERS[:5]:
            ms, n = timed(lambda: store.count(Filter(where=parse(text), unread=True)), runs=3)
            print(f"{'unread count: ' + text:<52} {ms:>6.1f}ms {'':>8} {n:>6}")


if __name__ == "__main__":
    main()
