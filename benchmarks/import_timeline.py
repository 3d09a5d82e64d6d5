"""Where a large import's time goes: when each file is parsed (in a worker) and written.

    python benchmarks/import_timeline.py FILE... [--workers 2] [--home DIR]

Runs what ``import_paths`` runs for a large import (``load_file`` in spawned
worker processes, ``write_loaded`` in this one, in the files' order, quotes
deferred) and prints, for each file: which worker parsed it, from when to when
(seconds since the start) with its CPU time, when this process got it and how
long its write took; then the wall time, this process's CPU time (the writes,
and unpickling what the workers send), the time it waited for a worker, and the
workers' CPU time. Make the files with ``vs_newsboat.py --set DIR``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's newsreader


def timed_load(path: str):
    """Worker: ``load_file`` with (pid, start, end, CPU seconds)."""
    from newsreader.ingest.pipeline import load_file

    t0, c0 = time.time(), time.process_time()
    loaded = load_file(path, None, False)
    return loaded, (os.getpid(), t0, time.time(), time.process_time() - c0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 4))
    ap.add_argument("--home", type=Path, help="library folder (emptied first); a temporary one by default")
    args = ap.parse_args()
    from newsreader.ingest.pipeline import write_loaded
    from newsreader.ingest.pool import process_pool
    from newsreader.store import Store

    home = args.home or Path(tempfile.mkdtemp(prefix="newsreader-timeline-"))
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    start, cpu0, waited = time.time(), time.process_time(), 0.0
    with Store(home / "library.sqlite3") as store, process_pool(args.workers, "spawn") as pool:
        for fut in [pool.submit(timed_load, p) for p in args.files]:
            w0 = time.time()
            loaded, (pid, t0, t1, cpu) = fut.result()
            got = time.time()
            waited += got - w0
            write_loaded(store, loaded)
            done = time.time()
            print(f"{Path(loaded.source).name:<28} worker {pid:<7} parse {t0 - start:6.2f}-{t1 - start:6.2f}"
                  f" (cpu {cpu:4.2f})  written {got - start:6.2f}-{done - start:6.2f} ({done - got:4.2f} s)",
                  flush=True)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"wall {time.time() - start:.2f} s; this process CPU {time.process_time() - cpu0:.2f} s, waited"
          f" {waited:.2f} s for workers; workers CPU {workers.ru_utime + workers.ru_stime:.2f} s;"
          f" load average {os.getloadavg()[0]:.2f}")
    if not args.home:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
