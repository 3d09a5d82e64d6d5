"""Categories benchmark: a large library's categories chosen again, and counted.

Writes ``--feeds`` RSS files of ``--items`` short items each (their own
categories drawn from section words in several languages and from keywords,
links with and without section folders, one feed of podcast episodes), imports
them, then times:

* ``recategorise`` with every stored category to change (as after an upgrade
  of the rules), and with nothing to change;
* ``Store.categories()`` and ``Store.totals()`` (what the categories pane asks).

    python benchmarks/categories_bench.py [--feeds 50] [--items 2000] [--keep]

The defaults make a library of 100,000 articles.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SECTIONS = ["World", "World news", "Mundo", "Ausland", "Politics", "Politik", "Business", "Economia",
            "Wirtschaft", "Technology", "Tech", "Science", "Wissenschaft", "Health", "Santé", "Sport",
            "Desporto", "Football", "Culture", "Kultur", "Opinion", "Meinung", "Lifestyle", "Travel",
            "Environment", "Climate", "UK news", "Local"]
KEYWORDS = ["Ukraine", "Elections", "Budget", "Flooding", "Cup final", "Museums", "Comets", "Rail strike",
            "Harbour", "Ferries", "Housing", "Schools", "Inflation", "Startups", "Vaccines", "Storms"]
FOLDERS = ["world", "politics", "business", "technology", "science", "health", "sport", "culture",
           "opinion", "lifestyle", "environment", "news", "2026", "live"]
WORDS = "the council harbour market report minister said people city river bridge school budget".split()


def write_feed(path: Path, index: int, items: int, rng: random.Random) -> None:
    kind = index % 5  # 0, 1: own categories; 2: link folders only; 3: neither; 4 (once): a podcast
    podcast = index == 4
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                 f"<title>{'Bench Podcast' if podcast else f'Bench Gazette {index}'}</title>"
                 f"<link>https://bench{index}.example/</link><description>generated</description>\n")
        for i in range(items):
            day, minute = 1 + (i % 28), i % 1440
            cats = ""
            if kind in (0, 1) and not podcast:
                terms = rng.sample(KEYWORDS, 2) + [rng.choice(SECTIONS)]
                rng.shuffle(terms)
                cats = "".join(f"<category>{escape(t)}</category>" for t in terms)
            folder = rng.choice(FOLDERS) + "/" if kind == 2 else ""
            enclosure = (f'<enclosure url="https://bench{index}.example/ep{i}.mp3" type="audio/mpeg"'
                         ' length="1000"/>' if podcast else "")
            body = " ".join(rng.choice(WORDS) for _ in range(25))
            fh.write(f"<item><title>Story {index}-{i}</title>"
                     f"<link>https://bench{index}.example/{folder}story-{i}</link><guid>b{index}-{i}</guid>"
                     f"<pubDate>{['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][i % 7]}, {day:02d} Oct 2026 "
                     f"{minute // 60:02d}:{minute % 60:02d}:00 GMT</pubDate>{cats}{enclosure}"
                     f"<description>{escape(body)}.</description></item>\n")
        fh.write("</channel></rss>\n")


def timed(label: str, fn):
    t0 = time.perf_counter()
    out = fn()
    print(f"{label}: {time.perf_counter() - t0:.2f} s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--items", type=int, default=2000)
    ap.add_argument("--keep", action="store_true", help="keep the library (its path is printed)")
    args = ap.parse_args()

    from newsreader.ingest.categories import NO_RULES, CategoryRules
    from newsreader.ingest.pipeline import import_paths
    from newsreader.ingest.recategorise import recategorise
    from newsreader.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="newsreader-catbench-"))
    rng = random.Random(1)
    paths = []
    for i in range(args.feeds):
        paths.append(tmp / f"feed{i:03d}.rss")
        write_feed(paths[-1], i, args.items, rng)
    db = tmp / "library.sqlite3"
    with Store(db) as store:
        timed(f"import {args.feeds * args.items:,} articles", lambda: import_paths(store, paths, rules=NO_RULES))
        n = store.totals()["all"]
        timed("recategorise, nothing to change", lambda: recategorise(store, NO_RULES, force=True))
        store.conn.execute("UPDATE articles SET category = 'Old'")
        moved = timed("recategorise, every article changes", lambda: recategorise(store, NO_RULES, force=True))
        print(f"  {moved:,} of {n:,} articles changed category")
        rules = CategoryRules({"World": "International"}, {"Bench Gazette 3": {"*": "Gazette 3"}})
        moved = timed("recategorise under a new mapping", lambda: recategorise(store, rules))
        print(f"  {moved:,} articles changed category")
        cats = timed("Store.categories()", store.categories)
        timed("Store.totals()", store.totals)
        timed("Store.feeds()", store.feeds)
        for c in cats:
            print(f"  {c.name:<16} {c.total:>7,} ({c.unread:,} unread)")
    if args.keep:
        print(f"library kept: {db}")
    else:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
