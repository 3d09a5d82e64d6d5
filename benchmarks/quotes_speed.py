"""Articles per second for find_quotes on one core, pure Python.

Builds ~600-word articles by shuffling paragraphs of the development and held-out
sets (tests/data/quotes*/*.txt) and times find_quotes over them: once quote-dense
(every paragraph drawn alike), once plain prose (paragraphs without quotation marks
or colons, one quoted paragraph in eight).
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


_MARKS = "\"\u201c\u201d\u2018\u2019'\u00ab\u00bb\u201e:"


def _paragraphs(sets: tuple[str, ...] = ("quotes",)) -> list[str]:
    paras = []
    for name in sets:
        for path in sorted((ROOT / "tests" / "data" / name).glob("*.txt")):
            paras += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return paras


def articles(n: int, words: int = 600, seed: int = 7, plain: bool = False) -> list[str]:
    """``n`` synthetic articles of about ``words`` words from dev-set paragraphs."""
    if plain:
        paras = _paragraphs(("quotes", "quotes_heldout"))
        prose = [p for p in paras if len(p.split()) > 12 and not any(c in p for c in _MARKS)]
        quoted = [p for p in paras if p not in prose and len(p.split()) > 12]
    else:
        paras = _paragraphs()
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        chosen, count = [], 0
        while count < words:
            p = rng.choice(paras) if not plain else rng.choice(quoted if rng.random() < 0.125 else prose)
            chosen.append(p)
            count += len(p.split())
        out.append("\n\n".join(chosen))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    for plain in (False, True):
        docs = articles(n, plain=plain)
        find_quotes(docs[0])  # warm up imports
        t0 = time.perf_counter()
        found = sum(len(find_quotes(d)) for d in docs)
        dt = time.perf_counter() - t0
        words = sum(len(d.split()) for d in docs) / len(docs)
        kind = "plain prose" if plain else "quote-dense"
        print(f"{kind}: {n} articles of ~{words:.0f} words, {found} quotes: {n / dt:.0f} articles/s"
              f" ({1000 * dt / n:.2f} ms each)")


if __name__ == "__main__":
    main()
