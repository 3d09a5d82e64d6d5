"""Worker processes that end when the process that started them dies.

A ``ProcessPoolExecutor`` worker waits on its task queue for ever, and no
end-of-file ever comes: every worker holds the queue's write end too. So when
``newsreader import`` or ``refresh`` is killed (kill -9, the OOM killer, a
shutdown), its workers, about 95 MB each, and multiprocessing's resource
tracker (which waits for every holder of its pipe, the workers among them)
lived on until reboot. Every worker started through ``process_pool`` watches
its parent instead and ends within a moment of its death; the tracker then
sees its pipe close and ends too.

Two watches, because each misses a case. The kernel's parent-death signal
(Linux ``prctl(PR_SET_PDEATHSIG)``) fires even while the worker is stuck in C
code holding the GIL, but it follows the *thread* that started the worker, so
it is only set where that thread lives as long as the pool. A watchdog thread
covers the rest (and other systems): it waits on a pidfd of the owner where
Linux offers one, else polls for the owner or a change of parent.
"""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

_POLL = 0.25  # seconds between checks where the owner's death cannot be waited on
_PR_SET_PDEATHSIG = 1


def process_pool(workers: int, method: str) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes started by ``method`` (fork, spawn,
    forkserver) whose workers end when this process does."""
    import multiprocessing

    # The kernel signal is safe when this thread outlives the workers it starts:
    # the main thread does; another (the app's worker threads) may not, and a
    # forkserver's workers are its children, not this thread's (see _watch).
    steady = threading.current_thread() is threading.main_thread()
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=die_with_owner, initargs=(os.getpid(), steady))


def die_with_owner(owner: int, steady: bool) -> None:
    """Worker initializer: end this process as soon as ``owner`` (the process that
    made the pool) has died. It never raises: a failing initializer breaks the pool."""
    try:
        parent = os.getppid()
        # A forkserver is our parent: single-threaded, and it ends with the owner.
        if steady or parent != owner:
            _set_death_signal()
        if _gone(owner, parent):  # died while we started, before any watch was set
            os._exit(1)
        threading.Thread(target=_watch, args=(owner, parent), name="newsreader-watchdog",
                         daemon=True).start()
    except Exception:  # noqa: BLE001 - a missing watch must not stop the work
        pass


def _set_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _gone(owner: int, parent: int) -> bool:
    """True once our parent has changed (it died: the owner, or a forkserver that ends
    with it) or the owner is gone; an unreaped owner shows as the former only."""
    if os.getppid() != parent:
        return True
    if sys.platform == "win32":  # os.kill would end the owner there, not test it
        return False
    try:
        os.kill(owner, 0)
    except ProcessLookupError:
        return True
    except OSError:
        pass  # alive, under another user
    return False


def _watch(owner: int, parent: int) -> None:
    """Wait for the owner's death, then end this process at once."""
    try:
        fd = os.pidfd_open(owner)  # readable when the owner exits, zombie or reaped
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        import select

        # the parent may change first (a forkserver ending): check that too
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        while not poller.poll(_POLL * 4000) and os.getppid() == parent:
            pass
        os._exit(1)
    event = threading.Event()
    while not _gone(owner, parent):
        event.wait(_POLL)
    os._exit(1)
