"""Fuzzing figures: mutated real documents and random bytes through the readers of
untrusted input, then time at 1x, 10x and 100x a document's size.

    python benchmarks/fuzz_bench.py [--inputs 1000] [--seed 0] [--max-factor 100]

Seeds are tests/data plus ../shared's feeds, article pages and page dumps when
present (tests/data/fuzzing.py). For each reader: how many inputs, how many were
read, refused with the project's one-line error (NewsreaderError), or raised
anything else (a bug: the first few are printed), and the slowest input per
byte. Then each reader on three mid-sized seeds, unchanged and mutated, their
middle repeated 10 and 100 times: linear time shows as ratios near 10 and 100.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data"))

import fuzzing  # noqa: E402

from newsreader.analysis import find_quotes  # noqa: E402
from newsreader.errors import NewsreaderError  # noqa: E402
from newsreader.ingest.feeds import parse_feed  # noqa: E402
from newsreader.ingest.htmlpage import parse_html_page  # noqa: E402
from newsreader.ingest.htmltext import html_to_text  # noqa: E402
from newsreader.ingest.pipeline import prepare  # noqa: E402
from newsreader.ingest.textpage import parse_text_page  # noqa: E402


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


READERS = {
    # name: (what it runs, the kind of seed it is fed)
    "feed import": (lambda d: prepare(parse_feed(d, "https://fuzz.example/f.xml").articles), "feed"),
    "page-text import": (lambda d: prepare([parse_text_page(_text(d), "page.txt")]), "text"),
    "HTML to text": (lambda d: html_to_text(_text(d), "https://fuzz.example/a/"), "html"),
    "HTML page import": (lambda d: prepare([parse_html_page(d, "https://fuzz.example/a/")]), "html"),
    "quote finder": (lambda d: find_quotes(_text(d)), "text"),
}


def _run(fn, data: bytes) -> tuple[str, float, str]:
    t = time.perf_counter()
    try:
        fn(data)
        outcome, detail = "read", ""
    except NewsreaderError:
        outcome, detail = "refused", ""
    except Exception as exc:  # noqa: BLE001 - the point: anything else is a bug
        outcome, detail = "BUG", f"{type(exc).__name__}: {exc} | {traceback.format_exc().splitlines()[-3].strip()}"
    return outcome, time.perf_counter() - t, detail


def fuzz(name: str, fn, kind: str, n: int, rng: random.Random) -> None:
    found = fuzzing.seeds(kind)
    counts = {"read": 0, "refused": 0, "BUG": 0}
    sizes, times, worst, bugs = [], [], (0.0, 0, 0.0), []
    started = time.perf_counter()
    for i in range(n):
        if i % 5 == 4:
            data = rng.randbytes(rng.randint(0, 4096))
        else:
            data = fuzzing.mutate(rng.choice(found), fuzzing.random_edits(rng, rng.randint(1, 8)), found)
        outcome, took, detail = _run(fn, data)
        counts[outcome] += 1
        sizes.append(len(data))
        times.append(took)
        if len(data) > 1000 and took / len(data) > worst[0]:
            worst = (took / len(data), len(data), took)
        if detail and len(bugs) < 5:
            bugs.append(detail[:300])
    total = time.perf_counter() - started
    print(f"{name}: {n} inputs ({len(found)} seeds; sizes median {statistics.median(sizes):,.0f} B,"
          f" max {max(sizes):,} B) in {total:.1f} s: {counts['read']} read, {counts['refused']} refused with"
          f" a one-line error, {counts['BUG']} other exceptions; median {statistics.median(times) * 1000:.1f} ms,"
          f" slowest {max(times) * 1000:.0f} ms; worst per byte {worst[0] * 1e6:.1f} us/B"
          f" ({worst[1]:,} B in {worst[2] * 1000:.0f} ms)")
    for b in bugs:
        print(f"    {b}")


def scaling(name: str, fn, kind: str, factors: list[int], rng: random.Random) -> None:
    found = sorted((s for s in fuzzing.seeds(kind, 40_000) if len(s) >= 2_000), key=len)
    picks = [found[len(found) // 4], found[len(found) // 2], found[3 * len(found) // 4]]
    picks += [fuzzing.mutate(p, fuzzing.random_edits(rng, 4), found) for p in picks]
    for i, seed in enumerate(picks):
        row = []
        for f in factors:
            data = fuzzing.scaled(seed, f)
            best = min(_run(fn, data)[1] for _ in range(2 if f < 100 else 1))
            row.append((len(data), best))
        base = row[0][1]
        cells = "  ".join(f"{f}x {size / 1e3:,.0f} KB {t * 1000:,.0f} ms ({t / base:,.0f}x)"
                          for f, (size, t) in zip(factors, row))
        print(f"  {name} {'mutated' if i >= 3 else 'seed'} {i % 3 + 1}: {cells}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=1000, help="inputs per reader")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-factor", type=int, default=100, choices=(10, 100))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    have_shared = fuzzing.SHARED.is_dir()
    print(f"seeds: tests/data{' and ../shared' if have_shared else ' only (../shared absent)'}")
    for name, (fn, kind) in READERS.items():
        fuzz(name, fn, kind, args.inputs, rng)
    print("time at 1x, 10x, 100x a document (its middle repeated); best of 2 below 100x:")
    factors = [1, 10, 100] if args.max_factor == 100 else [1, 10]
    for name, (fn, kind) in READERS.items():
        scaling(name, fn, kind, factors, rng)


if __name__ == "__main__":
    main()
