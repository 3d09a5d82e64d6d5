"""Articles per second for find_quotes on one core, pure Python.

Builds ~600-word articles by shuffling paragraphs of the development set
(tests/data/quotes/*.txt) and times find_quotes over them.
Run: ``.venv/bin/python benchmarks/quotes_speed.py [N]``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsreader.analysis import find_quotes  # noqa: E402


def articles(n: int, words: int = 600, seed: int = 7) -> list[str]:
    """``n`` synthetic articles of about ``words`` words from dev-set paragraphs."""
    paras = []
    for path in sorted((ROOT / "tests" / "data" / "quotes").glob("*.txt")):
        paras += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        chosen, count = [], 0
        while count < words:
            p = rng.choice(paras)
            chosen.append(p)
            count += len(p.split())
        out.append("\n\n".join(chosen))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    docs = articles(n)
    find_quotes(docs[0])  # warm up imports
    t0 = time.perf_counter()
    found = sum(len(find_quotes(d)) for d in docs)
    dt = time.perf_counter() - t0
    words = sum(len(d.split()) for d in docs) / len(docs)
    print(f"{n} articles of ~{words:.0f} words, {found} quotes: {n / dt:.0f} articles/s")


if __name__ == "__main__":
    main()
