"""In-app latency on a large library: the key press to the screen showing its effect.

    python benchmarks/app_latency.py [--articles 100000] [--presses 100] [--db PATH]
                                     [--only ACTION[,ACTION]] [--profile FILE]

The library (``latency_library.py``: several feeds and categories, bodies of a
few hundred words with quotations, one article of about 2 MB) is built in a
temporary home, or at ``--db PATH`` when that file does not exist yet (and
reused when it does). The app runs headless in this process at 160x48 and each
action is pressed ``--presses`` times, one press at a time from a settled screen:

* move: j in the article list (from row 150, so a page load is among them);
* open an article: Enter on a list row (the reading pane showed another one);
* open the 2 MB article: Enter on it (the reading pane showed another one);
* change category: j or k in the categories pane, to the next category;
* search: Enter on the query typed in the search prompt (queries from a
  surname to "said", which most articles hold);
* search newest first: O on a search's results (best matches first before);
* G: the last article of the whole library (the list shown from its top before);
* G in the 2 MB article: its last paragraph (the article shown from its top before).

A press's time runs from the key event being sent until the first frame the
app composes (``post_display_hook``, after the compositor rendered the update)
in which the effect holds: the highlight on the next row and in view; the
reading pane holding the article, its title and first paragraph laid out (new
widgets, not the last article's); the list showing the category's newest
article; the search's results (its best or its newest match first, as the store
lists them); the last row highlighted with no more below; the article's last
paragraph laid out and in view. CPU time (``time.process_time``, every thread of
the process) is taken over the same span, as wall time is noisy on a busy machine.
So the work done in workers and after the refresh counts, up to the frame
(at most ``TEXTUAL_FPS``, 60 a second) that shows it. Headless, the frame is
not written to a terminal; everything before that is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's newsreader, not an installed one
sys.path.insert(0, str(ROOT / "benchmarks"))

from latency_library import BIG_TITLE, Writer, build  # noqa: E402

BARS = {"move": 50, "open article": 50, "open 2 MB article": 300, "change category": 50,
        "search": 50, "search newest first": 50, "G": 50, "G in the 2 MB article": 50}
CHARS = {"enter": "\r"}
TIMEOUT = 30.0


def timed_app_class():
    from textual.widgets import Static

    from newsreader.tui.app import NewsreaderApp

    class TimedApp(NewsreaderApp):
        """The app, noting the first frame in which an armed check holds."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._check: Callable[[], bool] | None = None
            self._done = asyncio.Event()
            self.done_at = self.cpu_at = 0.0

        def arm(self, check: Callable[[], bool]) -> None:
            self._check = check
            self._done.clear()

        def post_display_hook(self) -> None:
            if self._check is not None and self._check():
                self.done_at, self.cpu_at = time.perf_counter(), time.process_time()
                self._check = None
                self._done.set()

        def first_paragraph(self) -> Static | None:
            found = self.main.reader.query("#article-body > .paragraph")
            return found.first(Static) if found else None

    return TimedApp


CPU: list[float] = []  # CPU milliseconds of each press, in the order pressed


async def press(app, key: str, check: Callable[[], bool]) -> float:
    """Milliseconds from sending ``key`` to the first frame in which ``check`` holds
    (its CPU milliseconds appended to ``CPU``)."""
    from textual import events

    app.arm(check)
    start, cpu = time.perf_counter(), time.process_time()
    app._driver.send_message(events.Key(key, CHARS.get(key, key)))
    try:
        await asyncio.wait_for(app._done.wait(), TIMEOUT)
    except (TimeoutError, asyncio.TimeoutError):
        app._check = None
        CPU.append(math.inf)
        return math.inf
    CPU.append((app.cpu_at - cpu) * 1000)
    return (app.done_at - start) * 1000


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def in_view(lst, index: int) -> bool:
    line = lst._index_to_line.get(index)  # OptionList's own map from option to line
    return line is not None and lst.scroll_y <= line < lst.scroll_y + lst.scrollable_content_region.height


async def move(pilot, n: int) -> list[float]:
    app = pilot.app
    lst = app.main.articles
    lst.focus()
    lst.highlighted = 150
    await settle(pilot)
    out = []
    for _ in range(n):
        target = lst.highlighted + 1
        out.append(await press(app, "j", lambda: lst.highlighted == target and in_view(lst, target)))
        await settle(pilot)
    return out


async def _open(pilot, row: int) -> float:
    """Enter on list row ``row``, timed to the reading pane showing it: its title and its
    first paragraph (the widgets may be those of the article before, filled again)."""
    from newsreader.store import Store

    app = pilot.app
    main, lst = app.main, app.main.articles
    lst.highlighted = row
    await settle(pilot)
    target = lst.rows[row].id
    with Store(app.db_path) as store:
        article = store.article(target)
    opening = article.body[:article.body.find("\n\n")] if "\n\n" in article.body else article.body
    title = main.reader.query_one("#article-title")

    def shown() -> bool:
        first = app.first_paragraph()
        return (main.reader.article is not None and main.reader.article.id == target and first is not None
                and str(first.content).startswith(opening.strip()[:60]) and bool(first.region)
                and str(title.content) == article.title and bool(title.region))

    took = await press(app, "enter", shown)
    await settle(pilot)
    await pilot.press("q")  # back to the list
    await settle(pilot)
    return took


async def open_article(pilot, n: int) -> list[float]:
    pilot.app.main.articles.focus()
    return [await _open(pilot, 1 + i) for i in range(n)]


async def open_big(pilot, n: int) -> list[float]:
    lst = pilot.app.main.articles
    lst.focus()
    big = next(i for i, r in enumerate(lst.rows) if r.title == BIG_TITLE)
    out = []
    for i in range(n):
        await _open(pilot, big + 1 + i % 50)  # the pane holds a usual article before
        out.append(await _open(pilot, big))
    return out


async def change_category(pilot, n: int) -> list[float]:
    from newsreader.store import Store
    from newsreader.store.store import Filter

    app = pilot.app
    main, cats, lst = app.main, app.main.categories, app.main.articles
    keys = [v.key for v in cats.views if v.key.startswith("category:")]
    with Store(app.db_path) as store:
        newest = {k: store.list_articles(Filter(category=k.split(":", 1)[1], sort=main.sort), limit=1)[0].id
                  for k in keys}
    cats.focus()
    cats.highlighted = cats.get_option_index(keys[0])
    await settle(pilot)
    pos, step, out = 0, 1, []
    for _ in range(n):
        if not 0 <= pos + step < len(keys):
            step = -step
        pos += step
        key, first = keys[pos], newest[keys[pos]]
        out.append(await press(app, "j" if step > 0 else "k", lambda: (
            lst.view is not None and lst.view.key == key and bool(lst.rows) and lst.rows[0].id == first
            and lst.highlighted == 0 and in_view(lst, 0))))
        await settle(pilot)
    return out


def firsts(app, queries: list[str], relevance: bool) -> dict[str, int | None]:
    """The article each query's results list first, best match or newest first."""
    from newsreader.store import Store
    from newsreader.store.store import Filter

    with Store(app.db_path) as store:
        return {q: next((r.id for r in store.list_articles(
                    Filter(search=q, relevance=relevance, sort=app.main.sort), limit=1)), None)
                for q in queries}


def showing(app, query: str, relevance: bool, first: int | None) -> Callable[[], bool]:
    """A check: the list shows the search's results, from ``first`` (None: nothing found)."""
    main, lst = app.main, app.main.articles
    return lambda: (app.screen is main and lst.view is not None and lst.view.key == f"search:{query}"
                    and lst.view.filter.relevance == relevance
                    and ([r.id for r in lst.rows[:1]] == ([first] if first is not None else []))
                    and (not lst.rows or (lst.highlighted == 0 and in_view(lst, 0))))


async def search(pilot, n: int, queries: list[str], hits: dict[str, list], newest: bool = False) -> list[float]:
    """Enter on each query typed; ``newest``: O on the results instead, timed to the
    newest-first list (the search itself untimed)."""
    from textual.widgets import Input

    app = pilot.app
    lst = app.main.articles
    best = firsts(app, queries, True)
    latest = firsts(app, queries, False) if newest else {}
    lst.focus()
    out = []
    for i in range(n):
        query = queries[i % len(queries)]
        await pilot.press("slash")
        await settle(pilot)
        app.screen.query_one(Input).value = query
        await settle(pilot)
        if newest:
            await pilot.press("enter")
            await settle(pilot)
            took = await press(app, "O", showing(app, query, False, latest[query]))
            await settle(pilot)
            await pilot.press("O")  # best matches first again, for the next search
        else:
            took = await press(app, "enter", showing(app, query, True, best[query]))
            hits.setdefault(query, []).append(took)
        out.append(took)
        await settle(pilot)
        await pilot.press("q")  # back to the list searched from
        await settle(pilot)
    return out


async def last(pilot, n: int) -> list[float]:
    app = pilot.app
    lst = app.main.articles
    lst.focus()
    out = []
    for _ in range(n):
        await pilot.press("g")
        await settle(pilot)
        out.append(await press(app, "G", lambda: (
            not lst.has_more and bool(lst.rows) and lst.highlighted == len(lst.rows) - 1
            and in_view(lst, len(lst.rows) - 1))))
    return out


async def last_paragraph(pilot, n: int) -> list[float]:
    """G in the reading pane on the 2 MB article, opened afresh (from its top) each time."""
    app = pilot.app
    main, lst = app.main, app.main.articles
    lst.focus()
    big = next(i for i, r in enumerate(lst.rows) if r.title == BIG_TITLE)
    out = []
    for _ in range(n):
        lst.highlighted = big
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = main.reader
        ends = reader.article.body.rstrip()[-60:]

        def at_end() -> bool:
            found = reader.query("#article-body > .paragraph")
            last = found.last() if found else None
            return (last is not None and str(last.content).rstrip().endswith(ends) and bool(last.region)
                    and reader.region.contains_region(last.region))

        out.append(await press(app, "G", at_end))
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
    return out


async def run(db: Path, presses: int, only: set[str], queries: list[str]) -> tuple[dict, dict, dict]:
    import sqlite3

    from newsreader.config import Config
    from newsreader.tui.views import ALL

    # every run starts from the library as built, all unread: "open article" marks rows read,
    # and opening a read article skips that work, so a reused --db would flatter later runs
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET read = 0, read_at = NULL WHERE read = 1")
    app = timed_app_class()(db, config=Config(refresh_minutes=0))
    results: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}
    hits: dict[str, list] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await settle(pilot)  # the start-up workers (counts, quotes, categories, stories)
        steps = {"move": lambda: move(pilot, presses),
                 "open article": lambda: open_article(pilot, presses),
                 "open 2 MB article": lambda: open_big(pilot, presses),
                 "change category": lambda: change_category(pilot, presses),
                 "search": lambda: search(pilot, presses, queries, hits),
                 "search newest first": lambda: search(pilot, presses, queries, {}, newest=True),
                 "G": lambda: last(pilot, presses),
                 "G in the 2 MB article": lambda: last_paragraph(pilot, presses)}
        for name, step in steps.items():
            if not only or name in only:
                CPU.clear()
                results[name] = await step()
                cpus[name] = list(CPU)
                app.main.show_view(ALL)  # the next action starts from the top of All (not the last category)
                app.main.articles.focus()
                await settle(pilot)
    return results, cpus, hits


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def table(results: dict[str, list[float]], cpus: dict[str, list[float]]) -> str:
    lines = [f"{'action':<23}{'n':>4}{'median ms':>10}{'p95 ms':>8}{'max ms':>8}{'bar ms':>7}  result"
             f"{'cpu median':>12}{'cpu p95':>9}", "-" * 92]
    for name, times in results.items():
        bar = BARS[name]
        ok = p95(times) < bar
        cpu = cpus.get(name) or [math.nan]
        lines.append(f"{name:<23}{len(times):>4}{statistics.median(times):>10.1f}{p95(times):>8.1f}"
                     f"{max(times):>8.1f}{bar:>7}  {'pass' if ok else 'FAIL':<6}"
                     f"{statistics.median(cpu):>12.1f}{p95(cpu):>9.1f}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--presses", type=int, default=100)
    ap.add_argument("--db", type=Path, help="the library to use; built here first if it does not exist")
    ap.add_argument("--only", default="", help=f"comma-separated actions of: {', '.join(BARS)}")
    ap.add_argument("--profile", type=Path, help="write a cProfile of the timed run to this file")
    args = ap.parse_args()
    only = {a.strip() for a in args.only.split(",") if a.strip()}
    if only - set(BARS):
        ap.error(f"unknown action(s): {', '.join(sorted(only - set(BARS)))}")
    with tempfile.TemporaryDirectory(prefix="newsreader-latency-") as home:
        os.environ["NEWSREADER_HOME"] = home
        from newsreader import paths

        paths.set_home(Path(home))
        db = args.db or Path(home) / "library.sqlite3"
        if not db.exists():
            t = time.perf_counter()
            build(db, args.articles)
            print(f"built {args.articles} articles in {time.perf_counter() - t:.0f} s: {db}")
        print(f"library: {db} ({db.stat().st_size / 2**20:.0f} MB); {args.presses} presses each, 160x48, headless")
        queries = Writer().search_words()
        if args.profile:
            import cProfile

            with cProfile.Profile() as prof:
                results, cpus, hits = asyncio.run(run(db, args.presses, only, queries))
            prof.dump_stats(str(args.profile))
        else:
            results, cpus, hits = asyncio.run(run(db, args.presses, only, queries))
        found = {}
        if hits:
            from newsreader.store import Filter, Store

            with Store(db) as store:
                found = {query: store.count(Filter(search=query)) for query in hits}
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(table(results, cpus))
    if hits:
        print("\nsearch by query (articles it finds, median ms):")
        for query, times in hits.items():
            print(f"  {query!r:<24}{found[query]:>7} {statistics.median(times):>8.1f}")


if __name__ == "__main__":
    main()
