"""How long ``G`` takes on a long list, and how many rows the list then holds.

    python benchmarks/list_end_bench.py [ARTICLES ...]   (default 2424 20000 100000)

Each size is a library of generated articles in a temporary home; the app runs
headless at 160x48 and the figures are wall-clock seconds from the key press
until the last article is highlighted (pressing G again while it is not), with
the rows then in the list and the process's peak RSS growth (ru_maxrss).
"""

from __future__ import annotations

import asyncio
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's newsreader, not an installed one

from tests.tui.conftest import bulk_library  # noqa: E402  (the tests' long library: Article 000000 oldest)


async def press_end(db: Path) -> tuple[float, int, int, str]:
    from newsreader import paths
    from newsreader.config import Config
    from newsreader.tui.app import NewsreaderApp

    paths.set_home(db.parent)
    app = NewsreaderApp(db, config=Config(refresh_minutes=0))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        lst = app.main.articles
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t = time.perf_counter()
        presses = 0
        while lst.current is None or lst.current.title != "Article 000000":
            await pilot.press("G")
            presses += 1
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        took = time.perf_counter() - t
        grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
        return took, presses, len(lst.rows), grew, str(lst.border_subtitle)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [2424, 20_000, 100_000]
    for n in sizes:
        with tempfile.TemporaryDirectory() as home:
            db = Path(home) / "library.sqlite3"
            bulk_library(db, n)
            took, presses, rows, grew, heading = asyncio.run(press_end(db))
            print(f"{n:>7} articles: {presses} G press(es), {took:.2f} s, {rows} rows in the list, "
                  f"peak RSS +{grew // 1024} MB, heading '{heading}'")


if __name__ == "__main__":
    main()
