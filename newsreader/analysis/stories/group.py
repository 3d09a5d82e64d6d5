"""Incremental grouping: each new article joins the story it is closest to, or none.

The articles already grouped (their story, or none yet) are indexed once;
the new ones are placed one at a time, oldest first, each compared only with
articles that share a rare enough term with it (an inverted index) and lie
within ``window`` of it in time. Likeness is the cosine of TF-IDF vectors of
title and lead (``terms.article_terms``). An article joins a story when it is
close enough to the story as a whole (its centroid, ``threshold``), or very
close to one of its articles (``pair``) and not far from the whole
(``support``): so a story does not drift from event to event one link at a
time. Articles of one outlet need ``same_outlet`` more to make a story of
that outlet alone: an outlet's pieces share its beat and its boilerplate
("morning briefing", "how to watch"), while a story is one event told by
several outlets. An outlet's piece half a day or more from its own piece in a
story needs ``follow_up`` more: an outlet reports an event once, then its next
developments (the bill signed, another state's bill), which share its words.
Earlier stories are never taken apart or merged: a new article only joins one,
or starts one with the single article it matches.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from itertools import chain

DAY = 86400.0


@dataclass(frozen=True)
class Settings:
    """The grouping's knobs; the defaults are the ones measured (benchmarks/stories_eval.py)."""

    threshold: float = 0.30  # cosine to a story's centroid that joins it
    pair: float = 0.35  # cosine to one article of the story that joins it ...
    support: float = 0.20  # ... if the cosine to the centroid is at least this
    window: float = 3 * DAY  # how far apart in time two articles of one event may be
    max_df: float = 0.05  # terms in more of the articles than this find no candidates,
    max_postings: int = 1000  # nor terms in more articles than this (an event is tens, not thousands)
    max_candidates: int = 20  # the closest articles looked at for each new one
    min_shared: int = 2  # rare terms a match must share (one is a coincidence)
    floor: float = 0.10  # more than half a story's articles must be this close to a newcomer
    same_outlet: float = 0.10  # added to the bars above where the story would be of one outlet
    # added to the bars where the newcomer's outlet told the story this long before:
    # an outlet's later piece is more often the next development than its event again
    follow_up: float = 0.10
    follow_gap: float = 0.5 * DAY
    # Articles assumed besides the library's in which no term occurs: in a small
    # library (two saved pages) a word both share would otherwise weigh less than
    # a word only one has, the reverse of what tells one event from another.
    prior: int = 1000


@dataclass(eq=False)
class Doc:
    """An article to group: its id, weighted terms, time (epoch seconds; None when
    unknown, which any time is near), story (None: in none yet) and outlet (None:
    unknown, like no other)."""

    id: int
    terms: dict[str, float]
    time: float | None = None
    story: int | None = None
    outlet: str | None = None
    vec: dict[str, float] = field(default_factory=dict, repr=False)


@dataclass
class _Story:
    members: list[Doc]
    total: dict[str, float]  # the sum of the members' unit vectors
    norm2: float  # its squared length
    outlets: set = field(default_factory=set)  # the members' (None among them: one unknown)

    def add(self, d: Doc) -> None:
        dot = sum(v * self.total.get(t, 0.0) for t, v in d.vec.items())
        for t, v in d.vec.items():
            self.total[t] = self.total.get(t, 0.0) + v
        self.norm2 += 2 * dot + 1.0
        self.members.append(d)
        self.outlets.add(d.outlet)

    def cosine(self, d: Doc) -> float:
        dot = sum(v * self.total.get(t, 0.0) for t, v in d.vec.items())
        return dot / math.sqrt(self.norm2) if self.norm2 > 0 else 0.0


def _same_outlet(a: Doc, outlets: set) -> bool:
    """Whether every article of ``outlets`` is of ``a``'s outlet (a known one)."""
    return a.outlet is not None and outlets == {a.outlet}


def _cosine(a: Doc, b: Doc) -> float:
    x, y = (a.vec, b.vec) if len(a.vec) <= len(b.vec) else (b.vec, a.vec)
    return sum(v * y.get(t, 0.0) for t, v in x.items())


def idf_table(docs, df: dict[str, int] | None = None) -> tuple[dict[str, int], int]:
    """Document frequencies counted over ``docs`` (added to ``df`` if given) and their number."""
    df = {} if df is None else df
    n = 0
    for d in docs:
        n += 1
        for t in d.terms:
            df[t] = df.get(t, 0) + 1
    return df, n


class Grouper:
    """Places new articles among known ones (see the module's docstring).

    ``known`` are articles grouped before (``story`` set when in a story);
    ``df``/``total`` are the document frequencies to weigh terms by (counted
    over known and new articles when not given).
    """

    def __init__(self, known: list[Doc], settings: Settings = Settings(),
                 df: dict[str, int] | None = None, total: int = 0):
        self.s = settings
        self.df, self.total = df if df is not None else {}, total
        # term -> the dated articles with it (mostly oldest first), and the undated ones
        self.index: dict[str, deque[Doc]] = {}
        self.undated: dict[str, deque[Doc]] = {}
        self.stories: dict[int, _Story] = {}
        self._next = -1
        self._known = known
        self._idfs: dict[str, float] = {}  # the frequencies are fixed once placing starts

    def _idf(self, term: str) -> float:
        got = self._idfs.get(term)
        if got is None:
            got = self._idfs[term] = math.log((self.total + self.s.prior + 1) / (self.df.get(term, 0) + 1)) + 1.0
        return got

    def _vector(self, d: Doc) -> None:
        idf, known, log = self._idf, self._idfs, math.log
        vec = {t: (1.0 + log(w) if w >= 1 else w) * (known[t] if t in known else idf(t))
               for t, w in d.terms.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        d.vec = {t: v / norm for t, v in vec.items()}
        d.terms = {}  # weighed now: a library's worth of raw terms is not kept twice

    def _enter(self, d: Doc) -> None:
        cap = min(max(2, int(self.s.max_df * (self.total + self.s.prior))), self.s.max_postings)
        index = self.index if d.time is not None else self.undated
        for t in d.vec:
            if self.df.get(t, 0) <= cap:
                got = index.get(t)
                if got is None:
                    got = index[t] = deque()
                got.append(d)
        if d.story is not None:
            story = self.stories.get(d.story)
            if story is None:
                self.stories[d.story] = _Story([], {}, 0.0)
                story = self.stories[d.story]
            story.add(d)

    def _near(self, a: Doc, b: Doc) -> bool:
        return a.time is None or b.time is None or abs(a.time - b.time) <= self.s.window

    def _candidates(self, d: Doc) -> list[tuple[float, Doc]]:
        """Indexed articles near in time sharing ``min_shared`` rare terms with ``d``,
        with their cosine to it, the ``max_candidates`` closest first."""
        found: dict[int, list] = {}
        oldest = d.time - self.s.window if d.time is not None else None
        for t, v in d.vec.items():
            postings = self.index.get(t)
            if postings and oldest is not None:
                # new articles come oldest first: one too old for this one is too old for the rest
                while postings and postings[0].time < oldest:
                    postings.popleft()
            for other in chain(postings or (), self.undated.get(t, ())):
                got = found.get(id(other))
                if got is None:
                    found[id(other)] = [v * other.vec[t], 1, other]
                else:
                    got[0] += v * other.vec[t]
                    got[1] += 1
        out = [(dot, o) for dot, n, o in found.values() if n >= self.s.min_shared and self._near(d, o)]
        out.sort(key=lambda c: (-c[0], c[1].id))
        return out[:self.s.max_candidates]

    def place(self, new: list[Doc]) -> dict[int, int]:
        """Place ``new`` articles, oldest first. Returns article id -> story for every
        article whose story changed: the new ones that joined or started a story and
        the known ones a new article drew into a new story. Numbers below zero are
        new stories; others are the known stories' own."""
        if not self.total:
            self.df, self.total = idf_table([*self._known, *new], self.df)
        for d in sorted(self._known, key=lambda d: (d.time is None, d.time or 0.0, d.id)):
            self._vector(d)
            self._enter(d)
        self._known = []
        out: dict[int, int] = {}
        for d in sorted(new, key=lambda d: (d.time is None, d.time or 0.0, d.id)):
            self._vector(d)
            other = self._match(d)
            if other is not None:
                if other.story is None:
                    other.story = self._next
                    self._next -= 1
                    self.stories[other.story] = _Story([], {}, 0.0)
                    self.stories[other.story].add(other)
                    out[other.id] = other.story
                d.story = other.story
                out[d.id] = d.story
            self._enter(d)
        return out

    def _match(self, d: Doc) -> Doc | None:
        """The article whose story ``d`` joins (or with which it starts one), or None."""
        seen: set[int] = set()
        start = min(self.s.pair, self.s.threshold)
        for dot, other in self._candidates(d):
            if dot < start * 0.5:
                break
            if other.story is None:
                if dot >= start + (self.s.same_outlet if _same_outlet(d, {other.outlet}) else 0.0):
                    return other
                continue
            if other.story in seen:
                continue
            seen.add(other.story)
            story = self.stories[other.story]
            more = self.s.same_outlet if _same_outlet(d, story.outlets) else (
                self.s.follow_up if self._follow_up(d, story) else 0.0)
            whole = story.cosine(d)
            if whole >= self.s.threshold + more or (dot >= self.s.pair + more and whole >= self.s.support):
                if self._kin(d, story):
                    return other
        return None

    def _follow_up(self, d: Doc, story: _Story) -> bool:
        """Whether ``d``'s outlet has an article in the story, ``follow_gap`` or more
        away from ``d`` (its own update of the same hour is not a follow-up)."""
        if d.outlet is None or d.time is None or d.outlet not in story.outlets:
            return False
        gaps = [abs(d.time - m.time) for m in story.members if m.outlet == d.outlet and m.time is not None]
        return bool(gaps) and min(gaps) >= self.s.follow_gap

    def _kin(self, d: Doc, story: _Story) -> bool:
        """Whether ``d`` is close to most of the story's articles, not to one end of a
        chain (A like B, B like C, C nothing like A)."""
        near = sum(1 for m in story.members if _cosine(d, m) >= self.s.floor)
        return 2 * near > len(story.members)


def group(known: list[Doc], new: list[Doc], settings: Settings = Settings()) -> dict[int, int]:
    """``Grouper(known, settings).place(new)`` with frequencies counted over both."""
    return Grouper(known, settings).place(new)
