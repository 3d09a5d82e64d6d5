"""Import benchmark: 20 RSS files of 5,000 items of about 600 words, then `list --limit 50`.

Prints the time and rate of the import, the database size, and the time of
`newsreader list --limit 50 --json` on the resulting library (a fresh
process each run, median of several). ``--files`` / ``--items`` scale it down.

    python benchmarks/import_bench.py [--files 20] [--items 5000] [--words 600]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

VOCAB = ("the council harbour market winter report minister said would could after before "
         "people city river bridge school budget election team season museum water energy "
         "price plan study data survey region village police court health science film music "
         "festival vote board farmers trade road rail ferry storm coast island mountain forest "
         "history record week month year morning evening night north south east west new old").split()
NAMES = ["Ada Lind", "Jonas Pell", "Mira Holt", "Tomas Varga", "Ida Brenner", "Oskar Dahl"]


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(VOCAB) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def article_html(rng: random.Random, words: int) -> str:
    paras, left = [], words
    while left > 0:
        n = min(left, rng.randint(40, 90))
        p = paragraph(rng, n)
        if rng.random() < 0.3:
            p += f" “{paragraph(rng, 12)[:-1]},” said {rng.choice(NAMES)}."
        paras.append(f"<p>{escape(p)}</p>")
        left -= n
    return "".join(paras)


def write_feed(path: Path, index: int, items: int, words: int) -> None:
    rng = random.Random(index)
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                 f"<title>Bench feed {index}</title><link>https://bench{index}.example/</link>"
                 "<description>generated</description>\n")
        for i in range(items):
            day, minute = 1 + (i % 28), i % 1440
            fh.write(f"<item><title>Story {index}-{i}: {escape(paragraph(rng, 6))}</title>"
                     f"<link>https://bench{index}.example/{i}</link><guid>b{index}-{i}</guid>"
                     f"<pubDate>{['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][i % 7]}, {day:02d} Oct 2026 "
                     f"{minute // 60:02d}:{minute % 60:02d}:00 GMT</pubDate>"
                     f"<category>{rng.choice(['World', 'Sport', 'Science', 'Business'])}</category>"
                     f"<description><![CDATA[{article_html(rng, words)}]]></description></item>\n")
        fh.write("</channel></rss>\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="newsreader-bench-"))
    feeds = []
    t0 = time.perf_counter()
    for i in range(args.files):
        path = tmp / f"feed{i:02d}.rss"
        write_feed(path, i, args.items, args.words)
        feeds.append(path)
    size = sum(p.stat().st_size for p in feeds)
    print(f"generated {args.files} files x {args.items} items x ~{args.words} words "
          f"({size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f} s")

    env = dict(os.environ, NEWSREADER_HOME=str(tmp / "home"))
    cmd = [sys.executable, "-m", "newsreader"]
    t0 = time.perf_counter()
    subprocess.run([*cmd, "import", *map(str, feeds)], env=env, check=True, stdout=subprocess.DEVNULL)
    took = time.perf_counter() - t0
    n = args.files * args.items
    db = tmp / "home" / "library.sqlite3"
    print(f"import: {n} articles in {took:.1f} s = {n / took:.0f} articles/s; "
          f"database {db.stat().st_size / 1e6:.0f} MB")

    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        out = subprocess.run([*cmd, "list", "--limit", "50", "--json"], env=env, check=True,
                             capture_output=True).stdout
        times.append(time.perf_counter() - t0)
    assert out.count(b'"id"') == 50
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import newsreader.cli"], check=True)
    startup = time.perf_counter() - t0
    print(f"list --limit 50 --json: median {statistics.median(times) * 1000:.0f} ms over 7 runs "
          f"(min {min(times) * 1000:.0f} ms; Python start-up and imports alone {startup * 1000:.0f} ms)")
    if not args.keep:
        import shutil

        shutil.rmtree(tmp)
    else:
        print(f"kept {tmp}")


if __name__ == "__main__":
    main()
