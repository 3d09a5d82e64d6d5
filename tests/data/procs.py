"""Processes for the kill -9 tests and benchmark: the CLI as a child, its process tree
read from /proc, and generated feed files big enough to make ``import`` use its pool.

Linux only (/proc); the tests that use it skip elsewhere.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
HAVE_PROC = Path("/proc/self/stat").exists()

WORDS = ("the council harbour market winter report minister said would could after before people "
         "city river bridge school budget election team season museum water energy price plan "
         "study data survey region village police court health science film music festival vote "
         "board farmers trade road rail ferry storm coast island mountain forest").split()


def write_feeds(folder: Path, files: int, items: int, words: int = 120, seed: int = 0) -> list[Path]:
    """``files`` RSS files of ``items`` generated items of about ``words`` words each."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for f in range(files):
        rng = random.Random(seed * 1000 + f)
        parts = [f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                 f"<title>Generated {f}</title><link>https://gen{f}.example/</link><description>d</description>"]
        for i in range(items):
            text = " ".join(rng.choice(WORDS) for _ in range(words))
            quote = f" “{' '.join(rng.choice(WORDS) for _ in range(8))},” said Ada Lind." if i % 3 == 0 else ""
            parts.append(f"<item><title>Story {f}-{i}</title><link>https://gen{f}.example/{i}</link>"
                         f"<guid>g{f}-{i}</guid><pubDate>Mon, 05 Oct 2026 {i % 24:02d}:{i % 60:02d}:00 GMT</pubDate>"
                         f"<description>{escape(text.capitalize() + '.' + quote)}</description></item>")
        parts.append("</channel></rss>")
        path = folder / f"gen{f:03d}.rss"
        path.write_text("".join(parts), encoding="utf-8")
        out.append(path)
    return out


def cli(home: Path, *args: str, checkout: Path = ROOT, **kw) -> subprocess.Popen:
    """``python -m newsreader --home HOME ARGS`` from this checkout (or another), as a
    child process."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    return subprocess.Popen([sys.executable, "-m", "newsreader", "--home", str(home), *args], cwd=checkout,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def _stat(pid: int) -> tuple[int, str, int] | None:
    """(parent pid, state, start time) of ``pid``, or None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    rest = raw[raw.rindex(")") + 2:].split()  # the name may hold spaces and parentheses
    return int(rest[1]), rest[0], int(rest[19])


def descendants(pid: int) -> dict[int, int]:
    """Every living process under ``pid``: pid -> start time (to tell a reused pid apart)."""
    children: dict[int, list[int]] = {}
    starts = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(int(entry))
            if st and st[1] != "Z":
                children.setdefault(st[0], []).append(int(entry))
                starts[int(entry)] = st[2]
    out, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out[child] = starts[child]
            todo.append(child)
    return out


def alive(procs: dict[int, int]) -> list[int]:
    """Those of ``procs`` still running (a zombie has ended: only its exit status is left)."""
    out = []
    for pid, start in procs.items():
        st = _stat(pid)
        if st and st[1] != "Z" and st[2] == start:
            out.append(pid)
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "?"


def wait_for(test, timeout: float, step: float = 0.05):
    """Poll ``test()`` until it is truthy or ``timeout`` passes; returns its last value."""
    end = time.monotonic() + timeout
    while True:
        got = test()
        if got or time.monotonic() > end:
            return got
        time.sleep(step)


def kill_and_watch(proc: subprocess.Popen, grace: float = 3.0) -> tuple[dict[int, int], list[int], float]:
    """SIGKILL ``proc``; returns its descendants at that moment, those still alive
    ``grace`` s later, and how long the last of them took to end.

    The parent is reaped only after the wait, as a shell or scheduler might be slow to:
    helpers must notice their parent's death, not its reaping."""
    procs = descendants(proc.pid)
    start = time.monotonic()
    proc.send_signal(signal.SIGKILL)
    wait_for(lambda: not alive(procs), grace, step=0.01)
    took = time.monotonic() - start
    left = alive(procs)
    proc.wait()
    return procs, left, took


def reap_leftovers(pids: list[int]) -> None:
    """Kill what a failed check left behind, by pid, so one failure does not pile up."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
