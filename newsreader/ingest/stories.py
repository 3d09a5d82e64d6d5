"""Grouping the articles that arrived into stories: read, place, write.

Runs after an import, an add or a refresh (and once on a library from
before stories): the articles stored since the last run are placed among
the ones near them in time (``analysis.stories.group``); an undated one is
compared with the articles the full-text index finds for its headline, from
any time. Stories already made are only ever joined, never made again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Callable

from newsreader.analysis.stories import STORIES_VERSION
from newsreader.analysis.stories.group import Doc, Grouper, Settings, idf_table
from newsreader.analysis.stories.terms import STOPWORDS, article_terms
from newsreader.models import StoryText
from newsreader.store import Store

BATCH = 250_000  # new articles placed per transaction (a whole library from before, at once)


def _doc(t: StoryText) -> Doc:
    when = None if t.estimated else t.published.timestamp()
    return Doc(t.id, article_terms(t.title, t.lead), when, t.story_id, t.outlet)


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


WINDOW_ALL = 3000  # a stretch of time with more placed articles is narrowed by headline words
SAMPLE = 2000  # of those, the latest this many weigh the words


def _title_words(texts: list[StoryText]) -> list[str]:
    out = []
    for t in texts:
        out += [w for w in (w.strip(".,:;!?\"'()\u2018\u2019\u201c\u201d") for w in t.title.split())
                if len(w) > 2 and w.lower() not in STOPWORDS]
    return out


def known_near(store: Store, new: list[StoryText], through: int, window: float
               ) -> tuple[list[StoryText], list[StoryText]]:
    """The placed articles a batch of new ones may join, and others of their time to
    weigh words by. Near the dated ones in time: all of them, or, in a busy stretch,
    those sharing a headline word with a new one (the full-text index finds them)
    and their stories; for the undated ones, what the index finds for their
    headlines from any time."""
    found: dict[int, StoryText] = {}
    background: list[StoryText] = []
    for start, end in _intervals(new, window):
        if store.story_window_count(start, end, through) <= WINDOW_ALL:
            found.update((t.id, t) for t in store.story_window(start, end, through))
            continue
        inside = [t for t in new if not t.estimated and start <= t.published <= end]
        ids = store.story_title_matches(_title_words(inside), start, end, through, limit=20 * WINDOW_ALL)
        texts = store.story_texts(ids)
        texts += store.story_members({t.story_id for t in texts if t.story_id is not None})
        found.update((t.id, t) for t in texts)
        background += store.story_window_sample(start, end, through, SAMPLE)
    undated = [t for t in new if t.estimated]
    ids: set[int] = set()
    for t in undated:
        ids.update(store.story_neighbours(_title_words([t])))
    ids = {i for i in ids if i <= through and i not in found}
    found.update((t.id, t) for t in store.story_texts(sorted(ids)))
    background = [t for t in background if t.id not in found]
    return list(found.values()), background


def grouped_by_older(store: Store) -> bool:
    """Whether the library's stories were made by another grouping method than this one
    (then the next ``group_new`` makes them again, from the first article)."""
    return store.stories_version() not in (0, STORIES_VERSION)


def group_new(store: Store, *, settings: Settings = Settings(), batch: int = BATCH,
              should_stop: Callable[[], bool] | None = None) -> int:
    """Place every article stored since the last run into stories; returns how many
    articles joined or started one. Each batch is one transaction."""
    placed = 0
    through = store.stories_through()
    again = grouped_by_older(store)
    while True:
        start = 0 if again else through
        new = store.ungrouped(batch, after=start)
        if not new:
            return placed
        known, background = known_near(store, new, start, settings.window)
        known_docs = [_doc(t) for t in known]  # (none when all is grouped again)
        new_docs = [_doc(replace(t, story_id=None) if again else t) for t in new]
        # words are weighed by how common they are in the articles at hand and their time
        df, total = idf_table([*(_doc(t) for t in background), *known_docs, *new_docs])
        got = Grouper(known_docs, settings, df, total).place(new_docs)
        version = STORIES_VERSION if again or start == 0 else None
        if store.place_in_stories(got, new[-1].id, since=through, version=version) is None:
            through = store.stories_through()  # another process grouped these meanwhile
            again = grouped_by_older(store)
            continue
        placed += len(got)
        through, again = new[-1].id, False
        if should_stop and should_stop():
            return placed
