"""How fast ``refresh`` is on loopback feeds, beside newsboat; and the bounds check.

    python benchmarks/refresh_bench.py            # 200 feeds of 50 items, twice; newsboat if installed
    python benchmarks/refresh_bench.py --check    # 40 good feeds + slow, missing, 60 MB, redirected

The feed server runs in a separate process (so it does not share our GIL),
on 127.0.0.1 only. Prints the figures; exits non-zero if the check fails.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from email.utils import formatdate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "http"))


def _serve(n: int, items: int, check: bool, pipe) -> None:
    from loopback import FeedServer, rss

    srv = FeedServer()
    stamp = formatdate(1_760_000_000, usegmt=True)
    for i in range(n):
        srv.feed(f"/feed/{i}.xml", rss(f"Feed {i}", items), etag=f'"f{i}"', last_modified=stamp)
    if check:
        srv.slow("/slow.xml", 30.0, b"<?xml version='1.0'?><rss>")
        srv.status("/missing.xml", 404)
        srv.big("/huge.xml", 60 * 1024 * 1024, announce=False)
        srv.redirect("/moved.xml", "/feed/7.xml", 302)

    def log(h):
        with srv.lock:
            rows = [(p, "if-none-match" in hd or "if-modified-since" in hd) for p, hd in srv.log]
        h.reply(200, json.dumps(rows).encode(), "application/json")

    def clear(h):
        with srv.lock:
            srv.log.clear()
        h.reply(200, b"ok", "text/plain")

    srv.routes["/_log"], srv.routes["/_clear"] = log, clear
    with srv:
        pipe.send(srv.port)
        pipe.recv()  # until told to stop


class Server:
    def __init__(self, n: int, items: int = 50, check: bool = False):
        ctx = mp.get_context("spawn")
        self.parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(n, items, check, child), daemon=True)
        self.proc.start()
        self.port = self.parent.recv()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.url(path), timeout=10) as r:  # loopback only
            return r.read()

    def log(self) -> list[tuple[str, bool]]:
        return [tuple(r) for r in json.loads(self._get("/_log"))]

    def clear(self) -> None:
        self._get("/_clear")

    def stop(self) -> None:
        self.parent.send("stop")
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.terminate()


def _ours(home: Path, urls: list[str], deadline: float | None = None):
    """Subscribe to ``urls`` in a fresh library; returns a function that refreshes once."""
    from newsreader.ingest.fetch import FetchSettings
    from newsreader.ingest.quotepass import pass_running, pending, start_if_pending
    from newsreader.ingest.refresh import refresh_all
    from newsreader.store import Store

    db = home / "library.sqlite3"
    with Store(db) as s, s.transaction():
        for u in urls:
            # like newsboat, read the feeds alone: no item pages (whose links, on
            # news.invalid, would wait for the resolver's time-out on a machine offline)
            s.update_feed(s.ensure_feed(u, u, subscribed=True), full_text=0)
    settings = FetchSettings() if deadline is None else FetchSettings(deadline=deadline)

    def once():
        with Store(db) as s:
            t = time.perf_counter()
            report = refresh_all(s, settings=settings)
            took = time.perf_counter() - t
            # as `newsreader refresh` does: many new articles are grouped by a background
            # pass, whose time is reported apart (it is not the refresh's)
            t = time.perf_counter()
            if start_if_pending(s):
                while pass_running(db) or pending(s):
                    time.sleep(0.05)
            once.background = time.perf_counter() - t
            articles = s.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            t = time.perf_counter()
            s.feeds()  # part of every refresh: listing the subscriptions
            once.listing = time.perf_counter() - t
        return took, report, articles

    once.listing = once.background = 0.0

    return once


def _newsboat(tmp: Path, urls: list[str]) -> tuple[float, float] | None:
    exe = shutil.which("newsboat")
    if not exe:
        return None
    (tmp / "urls").write_text("\n".join(urls) + "\n")
    (tmp / "config").write_text("reload-threads 8\nshow-read-feeds yes\n")
    env = dict(os.environ, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "xc"), XDG_DATA_HOME=str(tmp / "xd"))
    cmd = [exe, "-x", "reload", "-u", str(tmp / "urls"), "-c", str(tmp / "cache.db"),
           "-C", str(tmp / "config")]
    times = []
    for _ in range(2):
        t = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        times.append(time.perf_counter() - t)
        if proc.returncode != 0:
            print(f"newsboat failed ({proc.returncode}): {proc.stderr.strip()[:300]}")
            return None
    return times[0], times[1]


def bench(n: int, items: int) -> int:
    srv = Server(n, items)
    try:
        urls = [srv.url(f"/feed/{i}.xml") for i in range(n)]
        with tempfile.TemporaryDirectory() as tmp:
            once = _ours(Path(tmp), urls)
            first, r1, articles = once()
            grouping = once.background
            second, r2, _ = once()
            print(f"newsreader  first refresh  {first:6.2f} s  ({r1.summary()}; {articles} stored)")
            print(f"  then the background pass grouped them into stories in {grouping:.2f} s")
            print(f"newsreader  second refresh {second:6.2f} s  ({r2.summary()})")
            print(f"  of which listing the subscriptions (Store.feeds) takes {once.listing:.2f} s")
        with tempfile.TemporaryDirectory() as tmp:
            nb = _newsboat(Path(tmp), urls)
        if nb is None:
            print("newsboat not installed (apt-get install newsboat): no comparison")
        else:
            print(f"newsboat    first reload   {nb[0]:6.2f} s")
            print(f"newsboat    second reload  {nb[1]:6.2f} s")
            print(f"ratio newsreader/newsboat: first {first / nb[0]:.2f}, second {second / nb[1]:.2f}")
    finally:
        srv.stop()
    return 0


def check() -> int:
    srv = Server(40, 50, check=True)
    ok = True
    try:
        good = [srv.url(f"/feed/{i}.xml") for i in range(40)]
        bad = {srv.url("/slow.xml"): "slow", srv.url("/missing.xml"): "missing",
               srv.url("/huge.xml"): "60 MB"}
        urls = good + list(bad) + [srv.url("/moved.xml")]
        with tempfile.TemporaryDirectory() as tmp:
            once = _ours(Path(tmp), urls)
            took, r1, articles = once()
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            # parser processes (and the feed server's, which is not ours) are children
            child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"first refresh: {took:.2f} s, {articles} articles stored, peak RSS {peak:.0f} MB"
                  f" (largest child process {child:.0f} MB)")
            print(f"  {r1.summary()}")
            for name, reason in r1.failed:
                print(f"  failed: {bad.get(name, '?')}: {name}: {reason}")
            named = {n for n, _ in r1.failed}
            ok &= named == set(bad) and articles == 2000 and took < 25 and peak < 400
            srv.clear()
            took2, r2, articles2 = once()
            log = srv.log()
            asked = {p: c for p, c in log if p.startswith("/feed/")}
            conditional = sum(1 for c in asked.values() if c)
            print(f"second refresh: {took2:.2f} s, {r2.added} added, "
                  f"{conditional}/40 feeds asked conditionally, {articles2} articles stored")
            print(f"  {r2.summary()}")
            ok &= conditional == 40 and len(asked) == 40 and r2.added == 0 and articles2 == 2000
    finally:
        srv.stop()
    print("check passed" if ok else "CHECK FAILED")
    return 0 if ok else 1


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="the bounds check instead of the timing")
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--items", type=int, default=50)
    a = p.parse_args()
    return check() if a.check else bench(a.feeds, a.items)


if __name__ == "__main__":
    sys.exit(main())
