"""Which of a long article's paragraphs the reading pane mounts: a window of them.

A 2 MB article is some 5,000 paragraphs, one widget each, and mounting them all
takes seconds. The pane mounts a run ``[first, end)`` of them, a batch (about
``want`` characters) at a time: the next batch as the reader nears the run's end,
the batch before as they near its start. A jump far from the run (the end key, a
quote near the end) mounts a new run around its target instead of everything
between. These are the sums over paragraph sizes; the widgets are the pane's.
"""

from __future__ import annotations

from typing import Sequence

Bounds = Sequence[tuple[int, int]]


def batch_end(bounds: Bounds, first: int, want: int) -> int:
    """Where a batch of about ``want`` characters from paragraph ``first`` ends (exclusive)."""
    i, got = first, 0
    while i < len(bounds) and got < want:
        got += bounds[i][1] - bounds[i][0]
        i += 1
    return i


def batch_start(bounds: Bounds, end: int, want: int) -> int:
    """Where a batch of about ``want`` characters that ends before paragraph ``end`` starts."""
    i, got = min(end, len(bounds)), 0
    while i > 0 and got < want:
        i -= 1
        got += bounds[i][1] - bounds[i][0]
    return i


def run_for(bounds: Bounds, first: int, end: int, target: int, want: int) -> tuple[int, int] | None:
    """The run to mount so paragraph ``target`` is in it, given ``[first, end)`` is mounted:
    None when it is; the run grown by batches when ``target`` is within a batch of it (so
    the reader can scroll on from what they saw); else a new run, a batch either side of
    ``target``."""
    if first <= target < end:
        return None
    if end <= target < batch_end(bounds, end, want) or (first == end == 0 and target < batch_end(bounds, 0, want)):
        return first, batch_end(bounds, target + 1, want)
    if batch_start(bounds, first, want) <= target < first:
        return batch_start(bounds, target, want), end
    return batch_start(bounds, target, want), batch_end(bounds, target + 1, want)
