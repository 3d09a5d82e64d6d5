"""kill -9 of a command leaves no helper process behind (issue 18).

Real commands in child processes: ``python -m newsreader import`` of generated
feeds big enough for the worker pool, ``refresh`` against a loopback server, and
both run from a thread (the app's way: a forkserver or spawn from a thread).
Every process under the killed one must be gone 3 s later.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsreader.store import Store

DATA = Path(__file__).resolve().parents[1] / "data"
sys.path.insert(0, str(DATA))
sys.path.insert(0, str(DATA / "http"))
import procs  # noqa: E402
from loopback import FeedServer, rss  # noqa: E402

pytestmark = [
    pytest.mark.skipif(not procs.HAVE_PROC, reason="reads the process tree from /proc"),
    pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one CPU: import and refresh start no pool"),
]


def _check_no_helper_left(proc: subprocess.Popen, helpers: int) -> None:
    """Wait for ``helpers`` processes under ``proc``, let them work, kill -9 it, and
    check that each of them is gone within 3 s."""
    got = procs.wait_for(lambda: len(procs.descendants(proc.pid)) >= helpers, 60)
    if not got:
        proc.kill()
        pytest.fail(f"the helpers never started: {proc.communicate()[1]!r}")
    time.sleep(0.5)  # past their start-up, into the work
    before, left, _took = procs.kill_and_watch(proc)
    procs.reap_leftovers(left)
    assert len(before) >= helpers
    assert not left, [procs.cmdline(p) for p in left]


def test_killed_import_leaves_no_worker(tmp_path):
    files = procs.write_feeds(tmp_path / "feeds", 40, 300)  # 12 MB: past the pool's threshold
    proc = procs.cli(tmp_path / "home", "import", *map(str, files))
    _check_no_helper_left(proc, 3)  # two workers and the resource tracker


@pytest.fixture
def feeds_home(tmp_path):
    """A library subscribed to 60 loopback feeds and one that never finishes."""
    with FeedServer() as srv:
        for i in range(60):
            srv.feed(f"/f{i}.xml", rss(f"Feed {i}", 50))
        srv.slow("/slow.xml", 30.0)
        home = tmp_path / "home"
        with Store(home / "library.sqlite3") as s, s.transaction():
            for i in range(60):
                s.ensure_feed(srv.url(f"/f{i}.xml"), f"F{i}", subscribed=True)
            s.ensure_feed(srv.url("/slow.xml"), "slow", subscribed=True)
        yield home


def test_killed_refresh_leaves_no_worker(feeds_home):
    proc = procs.cli(feeds_home, "refresh")
    _check_no_helper_left(proc, 2)  # two forked parsers


def _in_a_thread(body: str) -> subprocess.Popen:
    """Python running ``body`` in a thread, as the app runs its work."""
    code = textwrap.dedent("""
        import threading
        from newsreader.store import Store
        def go():
        {body}
        t = threading.Thread(target=go)
        t.start()
        t.join()
    """).format(body=textwrap.indent(textwrap.dedent(body), "    "))
    return subprocess.Popen([sys.executable, "-c", code], cwd=procs.ROOT,
                            env=dict(os.environ, PYTHONPATH=str(procs.ROOT)), stderr=subprocess.PIPE)


def test_killed_refresh_from_a_thread_leaves_no_forkserver(feeds_home):
    proc = _in_a_thread(f"""
        from newsreader.ingest.refresh import refresh_all
        with Store({str(feeds_home / 'library.sqlite3')!r}) as s:
            refresh_all(s)
    """)
    _check_no_helper_left(proc, 4)  # tracker, forkserver, two parsers


def test_killed_import_from_a_thread_leaves_no_worker(tmp_path):
    files = procs.write_feeds(tmp_path / "feeds", 40, 300)
    proc = _in_a_thread(f"""
        from newsreader.ingest.pipeline import import_paths
        with Store({str(tmp_path / 'lib.sqlite3')!r}) as s:
            import_paths(s, {list(map(str, files))!r})
    """)
    _check_no_helper_left(proc, 3)


# --- each watch alone -------------------------------------------------------------

OWNER = """
import multiprocessing as mp, os, sys, time
from newsreader.ingest import pool

def worker():
    pool.die_with_owner(os.getppid(), {steady})
    time.sleep(60)

if __name__ == "__main__":
    {patch}
    p = mp.get_context("fork").Process(target=worker)
    p.start()
    time.sleep(60)
"""


@pytest.mark.parametrize("patch, ends", [
    ("pass", True),  # the kernel's parent-death signal first
    ("pool._set_death_signal = lambda: None", True),  # the watchdog on a pidfd
    ("pool._set_death_signal = lambda: None; del os.pidfd_open", True),  # the watchdog polling
    ("pool._set_death_signal = pool._watch = lambda *a: None", False),  # no watch: it lives on
], ids=["kernel", "pidfd", "poll", "none"])
def test_each_watch_ends_the_worker(tmp_path, patch, ends):
    script = tmp_path / "owner.py"
    script.write_text(OWNER.format(steady=True, patch=patch))
    proc = subprocess.Popen([sys.executable, str(script)], cwd=procs.ROOT,
                            env=dict(os.environ, PYTHONPATH=str(procs.ROOT)))
    assert procs.wait_for(lambda: procs.descendants(proc.pid), 10)
    time.sleep(0.3)  # the watch is set
    before, left, took = procs.kill_and_watch(proc, grace=3.0 if ends else 1.0)
    procs.reap_leftovers(left)
    assert len(before) == 1
    assert (not left and took < 3) if ends else left
