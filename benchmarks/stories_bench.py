"""Grouping benchmark: place 100,000 articles into stories, then a refresh's worth more.

The library is the import benchmark's scale set (``import_bench.py``: 20 feeds of
5,000 items of about 600 words over 28 days), stored directly (no quote finding,
which is not what is measured). ``--events`` writes a harder set instead: the same
sizes, but every article reports one of 20,000 events (three to eight outlets
each, within a day), its headline and lead naming the event's own people and
places, so that candidates abound. Prints the time to group the whole library
from nothing (a library from before stories, or a first import), and the time a
refresh of ``--new`` articles adds.

    python benchmarks/stories_bench.py [--files 20] [--items 5000] [--events] [--new 500]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from import_bench import paragraph  # noqa: E402

from newsreader.ingest.stories import group_new  # noqa: E402
from newsreader.store import NewArticle, Store  # noqa: E402

T0 = datetime(2026, 10, 1, tzinfo=timezone.utc)
SYLLABLES = "ka lo mi ren tas vel dor ish um pra ne go lin sa tor bel quo fi zan mur".split()


def name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def scale_items(feed: int, items: int, words: int):
    """The import benchmark's feed ``feed``, as it would be stored."""
    rng = random.Random(feed)
    for i in range(items):
        when = T0 + timedelta(days=i % 28, minutes=i % 1440)
        yield f"Story {feed}-{i}: {paragraph(rng, 6)}", paragraph(rng, words), when


def event_items(feed: int, items: int, words: int, events: list):
    rng = random.Random(1000 + feed)
    for i in range(items):
        people, place, day = events[rng.randrange(len(events))]
        when = day + timedelta(minutes=rng.randint(0, 1200))
        title = f"{people[0]} and {people[1]} meet in {place} {paragraph(rng, 4)}"
        lead = (f"In {place}, {people[0]} said {paragraph(rng, 20)} {people[2]} answered {paragraph(rng, 20)} "
                + paragraph(rng, max(words - 50, 10)))
        yield title, lead, when


def build(db: Path, files: int, items: int, words: int, use_events: bool) -> int:
    rng = random.Random(7)
    events = [([name(rng) + " " + name(rng) for _ in range(3)], name(rng), T0 + timedelta(days=rng.randint(0, 27)))
              for _ in range(20_000)]
    n = 0
    with Store(db) as store:
        for f in range(files):
            fid = store.ensure_feed(f"bench://{f}", f"Bench outlet {f}")
            rows = event_items(f, items, words, events) if use_events else scale_items(f, items, words)
            batch = [NewArticle(guid=f"{f}-{i}", title=t, body=b, category="News", content_hash=f"{f}-{i}",
                                published=w.strftime("%Y-%m-%dT%H:%M:%SZ"), link=f"https://bench{f}.invalid/{i}")
                     for i, (t, b, w) in enumerate(rows)]
            store.upsert_articles(fid, f"bench://{f}", batch)
            n += len(batch)
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--events", action="store_true", help="articles that report shared events")
    ap.add_argument("--new", type=int, default=500, help="articles a refresh brings")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsreader-stories-"))
    db = tmp / "library.sqlite3"
    t0 = time.perf_counter()
    n = build(db, args.files, args.items, args.words, args.events)
    print(f"built {n} articles ({'events' if args.events else 'scale set'}) in {time.perf_counter() - t0:.1f} s")
    with Store(db) as store:
        t0 = time.perf_counter()
        group_new(store)
        took = time.perf_counter() - t0
        stories = store.conn.execute("SELECT count(*), coalesce(sum(articles), 0) FROM stories"
                                     " WHERE articles > 1").fetchone()
        print(f"grouping {n} articles from nothing: {took:.1f} s ({n / took:,.0f} articles/s);"
              f" {stories[0]} stories of {stories[1]} articles")
        # a refresh: new articles of the last day arrive
        rng = random.Random(99)
        fid = store.ensure_feed("bench://new", "Bench outlet new")
        last = T0 + timedelta(days=27)
        new = [NewArticle(guid=f"new-{i}", title=f"Fresh {i}: {paragraph(rng, 6)}", body=paragraph(rng, args.words),
                          category="News", content_hash=f"new-{i}",
                          published=(last + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ"))
               for i in range(args.new)]
        t0 = time.perf_counter()
        store.upsert_articles(fid, "bench://new", new)
        stored = time.perf_counter() - t0
        t0 = time.perf_counter()
        placed = group_new(store)
        took = time.perf_counter() - t0
        print(f"a refresh of {args.new} new articles: storing them {stored * 1000:.0f} ms, grouping them"
              f" {took * 1000:.0f} ms ({placed} placed in stories)")


if __name__ == "__main__":
    main()
