"""newsreader beside newsboat, in one run, on the same generated feed files.

    python benchmarks/vs_newsboat.py [--files 20] [--items 5000] [--words 600] [--no-refresh] [--no-latency]
                                     [--set DIR]

``--set DIR`` keeps the generated files in DIR and reads them from there next time
(they are the same for the same counts), rather than writing 450 MB each run.

Prints, for both readers: the import of the files (newsboat: ``-x reload`` of
file:// URLs with as many reload threads as cores) with its peak memory; the
time from start to the article list on a terminal (each run in tmux, the pane
polled until the list shows) and the memory then; then ``refresh_bench.py``
(200 loopback feeds of 50 items, which compares with newsboat itself) and
``app_latency.py`` (the in-app latency table), unless told not to. It also
prints the floor: one lxml pass over the files with the entries' text taken
by libxml2 and written to SQLite with an FTS5 index, one transaction a file, on
every core: what no Python reader of these files does faster.

newsboat is installed with apt-get when missing (as root); without it the
newsreader figures are printed alone. Figures are wall-clock seconds on this
machine; nothing else should be running.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # this checkout's newsreader

from import_bench import write_feed  # noqa: E402


def newsboat() -> str | None:
    exe = shutil.which("newsboat")
    if exe or os.geteuid() != 0 or not shutil.which("apt-get"):
        return exe
    print("installing newsboat with apt-get ...", flush=True)
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "newsboat"]):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("newsboat")


CPU: dict[str, float] = {}  # CPU seconds (user + sys, with its waited-for children) by command


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of a command run to its end; its CPU time goes in ``CPU``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd[:4])} ...: {proc.stderr.read().decode()[:300]}")
    CPU[cmd[0]] = usage.ru_utime + usage.ru_stime
    return took, usage.ru_maxrss / 1024


def on_screen(cmd: str, env: dict, shows: str, timeout: float = 120.0) -> tuple[float, float]:
    """(seconds until ``shows`` is on the screen, RSS in MB a second later) of a
    terminal program run in tmux at 160x48."""
    name = f"bench{os.getpid()}"
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    t0 = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "160", "-y", "48",
                    f"env {exports} {cmd}"], check=True)
    try:
        while shows not in subprocess.run(["tmux", "capture-pane", "-p", "-t", name],
                                          capture_output=True, text=True).stdout:
            if time.perf_counter() - t0 > timeout:
                sys.exit(f"{cmd.split()[0]}: {shows!r} not on the screen after {timeout:.0f} s")
            time.sleep(0.01)
        took = time.perf_counter() - t0
        time.sleep(1.0)
        pid = subprocess.run(["tmux", "display-message", "-p", "-t", name, "#{pane_pid}"],
                             capture_output=True, text=True).stdout.strip()
        return took, _rss_tree(int(pid))
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], stderr=subprocess.DEVNULL)


def _rss_tree(pid: int) -> float:
    """RSS in MB of ``pid`` and its descendants (``env`` execs the program itself)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except OSError:
            pass
    return total / 1024


def _floor_file(args: tuple[str, str]) -> int:
    import lxml.etree as etree
    import lxml.html

    path, db = args
    rows = []
    for _, item in etree.iterparse(path, tag="item"):
        desc = item.findtext("description") or ""
        body = lxml.html.fromstring(desc).text_content() if desc.strip() else ""
        rows.append((item.findtext("guid"), item.findtext("title"), item.findtext("link"),
                     item.findtext("pubDate"), body))
        item.clear()
    conn = sqlite3.connect(db, timeout=60, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO a (guid, title, link, published, body) VALUES (?,?,?,?,?)", rows)
    first = conn.execute("SELECT max(id) FROM a").fetchone()[0] - len(rows)
    conn.execute("INSERT INTO f (rowid, title, body) SELECT id, title, body FROM a WHERE id > ?", (first,))
    conn.execute("COMMIT")
    conn.close()
    return len(rows)


def floor(files: list[Path], tmp: Path) -> float:
    db = str(tmp / "floor.sqlite3")
    conn = sqlite3.connect(db)
    conn.executescript("PRAGMA journal_mode=WAL;"
                       "CREATE TABLE a (id INTEGER PRIMARY KEY, guid TEXT, title TEXT, link TEXT,"
                       " published TEXT, body TEXT);"
                       "CREATE VIRTUAL TABLE f USING fts5(title, body, content='a', content_rowid='id');")
    conn.close()
    import resource

    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        sum(pool.map(_floor_file, [(str(p), db) for p in files]))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU["floor"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - t0


def wait_quotes(db: Path) -> float:
    """Seconds until the background quote pass of ``db`` has finished."""
    from newsreader.ingest.quotepass import pass_running

    t0 = time.perf_counter()
    time.sleep(0.2)
    while pass_running(db):
        time.sleep(0.2)
    return time.perf_counter() - t0


def row(what: str, ours: float, theirs: float | None, unit: str, goal: str) -> None:
    ratio = f"{ours / theirs:5.2f}x" if theirs else "   - "
    other = f"{theirs:9.2f}" if theirs is not None else "        -"
    print(f"{what:<34}{ours:9.2f}{other}  {unit:<4}{ratio}   {goal}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--no-refresh", action="store_true")
    ap.add_argument("--no-latency", action="store_true")
    ap.add_argument("--set", type=Path, help="keep the generated files here, and reuse them")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsreader-vs-"))
    try:
        files = []
        where = args.set or tmp
        where.mkdir(parents=True, exist_ok=True)
        for i in range(args.files):
            files.append(where / f"feed{i:02d}-{args.items}x{args.words}.rss")
            if not (args.set and files[-1].is_file()):
                write_feed(files[-1], i, args.items, args.words)
        n = args.files * args.items
        print(f"{args.files} files x {args.items} items x ~{args.words} words = {n:,} articles, "
              f"{sum(p.stat().st_size for p in files) / 1e6:.0f} MB; {os.cpu_count()} cores", flush=True)
        subprocess.run(["sync"])
        print("load average (1, 5, 15 min) before the import: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()),
              flush=True)

        home = tmp / "home"
        env = dict(os.environ, NEWSREADER_HOME=str(home))
        ours = [sys.executable, "-m", "newsreader"]
        imp, imp_rss = timed([*ours, "import", *map(str, files)], env)
        quotes_after = wait_quotes(home / "library.sqlite3")
        db_mb = (home / "library.sqlite3").stat().st_size / 1e6

        nb = newsboat()
        nb_imp = nb_rss = nb_start = nb_start_rss = None
        if nb:
            nbdir = tmp / "nb"
            (nbdir / "xc").mkdir(parents=True)
            (nbdir / "urls").write_text("".join(f"file://{p}\n" for p in files))
            (nbdir / "config").write_text(f"reload-threads {os.cpu_count() or 1}\n")
            nb_env = dict(os.environ, HOME=str(nbdir), XDG_CONFIG_HOME=str(nbdir / "xc"),
                          XDG_DATA_HOME=str(nbdir / "xd"))
            nb_cmd = [nb, "-u", str(nbdir / "urls"), "-c", str(nbdir / "cache.db"), "-C", str(nbdir / "config")]
            nb_imp, nb_rss = timed([*nb_cmd, "-x", "reload"], nb_env)
            nb_start, nb_start_rss = on_screen(" ".join(nb_cmd), {k: nb_env[k] for k in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")},
                                               "Bench feed 0")
        else:
            print("newsboat is not installed and could not be (apt-get, as root): newsreader alone")
        start, start_rss = on_screen(f"{sys.executable} -m newsreader", {"NEWSREADER_HOME": str(home)},
                                     "Story ")
        low = floor(files, tmp)

        print(f"\n{'':<34}{'newsreader':>9}{'newsboat':>9}        ratio   goal")
        row("import (s)", imp, nb_imp, "s", "0.5x or less")
        row("  CPU time of the import (user+sys)", CPU[ours[0]], CPU.get(nb) if nb else None, "s", "")
        row("  peak memory of the import", imp_rss, nb_rss, "MB", "")
        row("start to the list (s)", start, nb_start, "s", "0.25x or less")
        row("memory after start", start_rss, nb_start_rss, "MB", "0.5x or less")
        print(f"quotes found in the background within {quotes_after:.1f} s after the import returned")
        print(f"database {db_mb:.0f} MB = {db_mb * 1e6 / n / 1024:.1f} KB an article"
              + (f"; newsboat's cache {(tmp / 'nb' / 'cache.db').stat().st_size / 1e6:.0f} MB" if nb else ""))
        print(f"floor (lxml + SQLite/FTS5, every core): {low:.2f} s (CPU {CPU['floor']:.1f} s)"
              f" = {low / imp:.2f} of newsreader's import"
              + (f", {low / nb_imp:.2f}x newsboat" if nb_imp else ""), flush=True)
        print("load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if not args.no_refresh:
        print("\n# refresh: benchmarks/refresh_bench.py", flush=True)
        subprocess.run([sys.executable, str(HERE / "refresh_bench.py")])
    if not args.no_latency and (HERE / "app_latency.py").exists():
        print("\n# in-app latency: benchmarks/app_latency.py", flush=True)
        subprocess.run([sys.executable, str(HERE / "app_latency.py")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
