"""Which paragraphs of a long article the reading pane mounts (tui/paragraphs.py)."""

from __future__ import annotations

from newsreader.tui.paragraphs import batch_end, batch_start, run_for

# 100 paragraphs of 10 characters (and a blank line between): a batch of 30 characters is 3 of them
BOUNDS = [(i * 12, i * 12 + 10) for i in range(100)]


def test_batches_hold_about_the_characters_wanted_either_way_and_stop_at_the_ends():
    assert batch_end(BOUNDS, 0, 30) == 3 and batch_end(BOUNDS, 98, 30) == 100
    assert batch_start(BOUNDS, 100, 30) == 97 and batch_start(BOUNDS, 2, 30) == 0
    assert batch_end(BOUNDS, 0, 25) == 3  # a paragraph is never cut: the one that passes the mark is in


def test_a_run_grows_by_batches_near_it_and_a_far_target_gets_a_run_of_its_own():
    assert run_for(BOUNDS, 0, 3, 1, 30) is None  # mounted already
    assert run_for(BOUNDS, 0, 0, 0, 30) == (0, 4)  # nothing mounted: from the top to a batch past it
    assert run_for(BOUNDS, 0, 3, 4, 30) == (0, 8)  # just after: grown to a batch past it
    assert run_for(BOUNDS, 50, 53, 48, 30) == (45, 53)  # just before: grown upwards
    assert run_for(BOUNDS, 0, 3, 99, 30) == (96, 100)  # the end: its last batch alone
    assert run_for(BOUNDS, 90, 100, 10, 30) == (7, 14)  # far above: a batch either side
