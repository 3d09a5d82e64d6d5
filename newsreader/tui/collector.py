"""Full garbage collections out of the way of keys.

Textual leaves much cyclic garbage (each restyle makes a throwaway node per
component class; widgets of the article read before; strips that cache
themselves): some 10,000 objects an article opened. Python runs a full
collection after every ten of the middle generation, every few keys, each
walking all of it and the live heap: 30 to 150 ms in the middle of answering a
key. Here the heap built at start is frozen (it lives as long as the app), a
full collection that falls due waits until no key or mouse event has come for
``IDLE`` seconds, and while they keep coming Python runs one ten times less
often than it would (each then longer: the price of a burst of keys).
"""

from __future__ import annotations

import gc
from time import monotonic

IDLE = 0.25  # seconds without input before a full collection that is due is run (keys held down come faster)
DUE = 10  # middle-generation collections since the last full one: Python's own threshold
WHILE_BUSY = 100  # Python's threshold while input keeps coming


class Collector:
    """Started once the app is up, stopped when it ends (thresholds and heap as they were)."""

    def __init__(self) -> None:
        self.last_input = monotonic()
        self._saved: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Freeze the heap built so far and hold back automatic full collections."""
        gc.collect()
        gc.freeze()
        self._saved = gc.get_threshold()
        gc.set_threshold(self._saved[0], self._saved[1], WHILE_BUSY)

    def stop(self) -> None:
        """Let the frozen heap go and put Python's thresholds back (an app run in a
        process that goes on, as the tests do, leaves no trace)."""
        gc.unfreeze()
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def touch(self) -> None:
        """Input came: a full collection now would delay its answer."""
        self.last_input = monotonic()

    def tick(self) -> bool:
        """Run a full collection if one is due and input has paused; True when it ran."""
        if monotonic() - self.last_input < IDLE or gc.get_count()[2] < DUE:
            return False
        gc.collect()
        return True
