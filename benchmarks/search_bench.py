"""How fast search is on a large library: the first page by relevance and by date.

    python benchmarks/search_bench.py                  # 20,000 articles of ~600 words in a temp home
    python benchmarks/search_bench.py --articles 50000 --keep /tmp/big   # keep the library there

The articles are made up: words drawn from a Zipf-like vocabulary of invented
words (so a few words are in nearly every article and most in a handful), with
one common English word ("harbour", in about a third of them; also searched as
the prefix "harb") and one rare one ("lighthouse", in about 20). Times are the median of several runs of one page
(``PAGE`` rows, what the app asks for) through ``Store.list_articles``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsreader.store import Filter, NewArticle, Store  # noqa: E402
from newsreader.store.store import PAGE  # noqa: E402

VOCABULARY = 30_000
WORDS = 600
BATCH = 1_000


def _vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    seen: set[str] = set()
    while len(seen) < VOCABULARY:
        seen.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 10))))
    return sorted(seen)


def build(path: Path, n: int, seed: int = 7) -> None:
    """``n`` articles of about ``WORDS`` words each, a batch per transaction."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    weights = [1 / (i + 1) for i in range(len(vocab))]
    rare = set(rng.sample(range(n), 20))
    with Store(path) as store:
        fid = store.ensure_feed("bench", "Bench")
        for start in range(0, n, BATCH):
            items = []
            for i in range(start, min(n, start + BATCH)):
                words = rng.choices(vocab, weights, k=WORDS)
                if i % 3 == 0:
                    words[rng.randrange(WORDS)] = "harbour"
                if i in rare:
                    words[rng.randrange(WORDS)] = "lighthouse"
                title_words = rng.choices(vocab, weights, k=8)
                if i % 50 == 0:
                    title_words[0] = "Harbour"
                paras = [" ".join(words[j:j + 60]) + "." for j in range(0, WORDS, 60)]
                body, title = "\n\n".join(paras), " ".join(title_words).capitalize()
                day = 1 + i % 28
                items.append(NewArticle(
                    guid=str(i), title=title, body=body, category=f"C{i % 12}",
                    content_hash=hashlib.sha1(body.encode()).hexdigest(),
                    published=f"2025-{1 + i % 12:02d}-{day:02d}T{i % 24:02d}:00:00Z"))
            store.upsert_articles(fid, "bench", items)


def timed(store: Store, flt: Filter, runs: int = 7) -> tuple[float, int]:
    """Median milliseconds for the first page, and how many rows it had."""
    times, rows = [], []
    for _ in range(runs):
        t = time.perf_counter()
        rows = store.list_articles(flt, limit=PAGE)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), len(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--keep", type=Path, help="build (or reuse) the library in this directory")
    args = ap.parse_args()
    home = args.keep or Path(tempfile.mkdtemp(prefix="nr-search-"))
    home.mkdir(parents=True, exist_ok=True)
    db = home / "library.sqlite3"
    try:
        if not db.exists():
            t = time.perf_counter()
            build(db, args.articles)
            print(f"built {args.articles} articles in {time.perf_counter() - t:.1f} s ({db.stat().st_size >> 20} MB)")
        with Store(db) as store:
            commonest = _vocabulary(random.Random(7))[0]  # the word of weight 1: in nearly every article
            for word in (commonest, "harbour", "harb", "lighthouse"):
                hits = store.count(Filter(search=word))
                for relevance in (True, False):
                    ms, n = timed(store, Filter(search=word, relevance=relevance))
                    order = "relevance" if relevance else "date"
                    print(f"{word!r:13} {hits:>6} hits  by {order:9}  first page ({n} rows): {ms:7.1f} ms")
            flt = Filter(search="harbour", relevance=True)
            first = store.list_articles(flt, limit=PAGE)
            t = time.perf_counter()
            store.list_articles(flt, limit=PAGE, after=first[-1])
            print(f"'harbour' by relevance, second page: {(time.perf_counter() - t) * 1000:.1f} ms")
    finally:
        if args.keep is None:
            shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
