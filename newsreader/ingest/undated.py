"""A place in time for the items a feed gives no date, taken from the feed's order.

An undated item used to be stored as "now", above every dated article of
every feed, however old it was. Here it goes between the dated items around
it in its feed (newsboat puts it on top too): its feed's order says where it
belongs, and the dated news of other feeds that is newer stays above it. A
feed with no dates at all keeps its own order under the time it was read.
The estimate is made once, when the item is first stored; a refresh keeps it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Sequence

_STEP = timedelta(seconds=1)  # the stored resolution: one item a second keeps them apart


def estimate_dates(dates: Sequence[datetime | None], read_at: datetime) -> list[datetime | None]:
    """For each undated entry of a feed (in document order), the time to file it
    under; None for the dated ones. Never later than ``read_at``."""
    dated = [i for i, d in enumerate(dates) if d is not None]
    if not dated:
        # no dates at all: the feed's order, newest first, under the time it was read
        return [read_at - i * _STEP for i in range(len(dates))]
    pairs = list(zip(dated, dated[1:]))
    rising = sum(dates[b] > dates[a] for a, b in pairs)
    newest_first = rising <= len(pairs) - rising
    out: list[datetime | None] = [None] * len(dates)
    i = 0
    while i < len(dates):
        if dates[i] is not None:
            i += 1
            continue
        end = i
        while end < len(dates) and dates[end] is None:
            end += 1
        before = dates[i - 1] if i else None  # the run of undated items is i .. end-1
        after = dates[end] if end < len(dates) else None
        newer, older = (before, after) if newest_first else (after, before)
        run = list(range(i, end)) if newest_first else list(range(end - 1, i - 1, -1))  # newest first
        for k, j in enumerate(run, 1):
            if newer is not None and older is not None:
                when = newer - (newer - older) * k / (len(run) + 1)
            elif newer is not None:
                when = newer - k * _STEP
            else:
                when = older + (len(run) + 1 - k) * _STEP
            out[j] = min(when.replace(microsecond=0), read_at)
        i = end
    return out
