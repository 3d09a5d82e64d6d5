"""Grouping the articles that arrived into stories: read, place, write.

Runs after an import, an add or a refresh (and once on a library from
before stories): the articles stored since the last run are placed among
the ones near them in time (``analysis.stories.group``); an undated one is
compared with the articles the full-text index finds for its headline, from
any time. Stories already made are only ever joined, never made again.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Callable

from newsreader.analysis.stories.group import Doc, Grouper, Settings
from newsreader.analysis.stories.terms import STOPWORDS, article_terms
from newsreader.models import StoryText
from newsreader.store import Store

BATCH = 20000  # new articles placed per transaction


def _doc(t: StoryText) -> Doc:
    when = None if t.estimated else t.published.timestamp()
    return Doc(t.id, article_terms(t.title, t.lead), when, t.story_id)


def _intervals(new: list[StoryText], window: float) -> list[tuple]:
    """The stretches of time the dated new articles' neighbours lie in, merged."""
    pad = timedelta(seconds=window)
    spans = sorted((t.published - pad, t.published + pad) for t in new if not t.estimated)
    out: list[list] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [tuple(s) for s in out]


def known_near(store: Store, new: list[StoryText], through: int, window: float) -> list[StoryText]:
    """The placed articles a batch of new ones may join: those near the dated ones in
    time, and those the index finds for the undated ones' headlines."""
    found: dict[int, StoryText] = {}
    for start, end in _intervals(new, window):
        for t in store.story_window(start, end, through):
            found[t.id] = t
    undated = [t for t in new if t.estimated]
    ids: set[int] = set()
    for t in undated:
        words = [w for w in t.title.split() if w.strip(".,:;!?\"'").lower() not in STOPWORDS]
        ids.update(store.story_neighbours([w.strip(".,:;!?\"'\u2018\u2019\u201c\u201d") for w in words]))
    ids = {i for i in ids if i <= through and i not in found}
    for t in store.story_texts(sorted(ids)):
        found[t.id] = t
    return list(found.values())


def group_new(store: Store, *, settings: Settings = Settings(), batch: int = BATCH,
              should_stop: Callable[[], bool] | None = None) -> int:
    """Place every article stored since the last run into stories; returns how many
    articles joined or started one. Each batch is one transaction."""
    placed = 0
    through = store.stories_through()
    while True:
        new = store.ungrouped(batch, after=through)
        if not new:
            return placed
        known = known_near(store, new, through, settings.window)
        got = Grouper([_doc(t) for t in known], settings).place([_doc(t) for t in new])
        store.place_in_stories(got, new[-1].id)
        placed += len(got)
        through = new[-1].id
        if should_stop and should_stop():
            return placed
