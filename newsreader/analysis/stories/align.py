"""A story's quotations merged across its articles.

The same quotation carried by several outlets is one entry listing every
article that carries it: the words are compared folded (case, curly and
straight quotes, punctuation and ellipses aside), and one wording inside
another, in order, with a few words trimmed or left out ("...") at either
end or in between, is the same quotation. A quotation only one outlet has is
marked as such. Quotations of one speaker in different articles that share
enough of their words without being one quotation are the same point put in
different words: they share a ``point`` number, to be shown together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsreader.analysis.stories.terms import STOPWORDS, fold

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
SAME = 0.85  # of the shorter wording's words found, in order, in the longer
MIN_WORDS = 3  # a shorter wording than this must match whole (a scare-quoted word is not a quotation)
POINT = 0.3  # content words shared (of the smaller set) by one speaker's two wordings of one point


@dataclass(frozen=True)
class Carried:
    """A quotation as one article has it."""

    article: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_key: str | None = None


@dataclass(frozen=True)
class MergedQuote:
    """One quotation of a story with every article that carries it."""

    text: str  # the fullest wording
    speaker: str | None
    speaker_key: str | None
    articles: tuple[int, ...]  # in the story's order
    places: tuple[Carried, ...]  # where each article has it
    point: int | None = None  # shared by one speaker's wordings of one point

    @property
    def shared(self) -> bool:
        return len(self.articles) > 1


def words(text: str) -> list[str]:
    """The folded words of a quotation: punctuation, quote marks and case aside."""
    return [w.casefold().replace("\u2019", "'") for w in _WORD.findall(text)]


def same_quotation(a: list[str], b: list[str], one_speaker: bool = False) -> bool:
    """Whether two wordings (``words``) are one quotation, trims and ellipses allowed.
    A wording of a word or two is the same only whole, or, for ``one_speaker`` (both
    attributed to one person), as a run of the other's words."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_WORDS:
        if short == long_:
            return True
        n = len(short)
        return one_speaker and any(long_[i:i + n] == short for i in range(len(long_) - n + 1))
    sm = SequenceMatcher(None, short, long_, autojunk=False)
    found = sum(m.size for m in sm.get_matching_blocks() if m.size >= 2 or len(short) < 6)
    return found >= SAME * len(short)


def _content(ws: list[str]) -> set[str]:
    return {fold(w) for w in ws if len(w) > 2 and w not in STOPWORDS}


def _same_point(a: list[str], b: list[str]) -> bool:
    ca, cb = _content(a), _content(b)
    if len(ca) < 2 or len(cb) < 2:
        return False
    shared = len(ca & cb)
    return shared >= 2 and shared >= POINT * min(len(ca), len(cb))


def merge_quotes(order: list[int], carried: list[Carried]) -> list[MergedQuote]:
    """The story's quotations merged (see the module's docstring). ``order`` is the
    story's article ids in their order; entries come in the order of their first
    carrier (the earliest article, then where in it)."""
    rank = {a: i for i, a in enumerate(order)}
    items = sorted(carried, key=lambda c: (rank.get(c.article, len(rank)), c.start))
    toks = [words(c.text) for c in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, list[int]] = {}  # a word -> the quotations holding it, to compare few pairs
    for i, ws in enumerate(toks):
        cands = set()
        for w in set(ws):
            cands.update(index.get(w, ()))
        for j in sorted(cands):
            one = items[i].speaker_key is not None and items[i].speaker_key == items[j].speaker_key
            if root(i) != root(j) and same_quotation(toks[i], toks[j], one):
                parent[root(i)] = root(j)
        for w in set(ws):
            index.setdefault(w, []).append(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    merged = [_merged([items[i] for i in members], rank) for members in groups.values()]
    merged.sort(key=lambda m: (rank.get(m.places[0].article, len(rank)), m.places[0].start))
    return _points(merged)


FIND_WORDS = 6  # a wording this long found word for word in another article is carried there too


def carried_elsewhere(merged: list[MergedQuote], bodies: dict[int, str]) -> list[MergedQuote]:
    """Each quotation with the articles whose text has its words too, word for word,
    where the quote finder saw no quotation (an outlet that quoted without saying
    who spoke, or in marks the finder did not take). ``bodies``: article id -> text,
    in the story's order."""
    spans = {a: [(m.start(), m.end(), m.group().casefold().replace("\u2019", "'"))
                 for m in _WORD.finditer(body)] for a, body in bodies.items()}
    joined = {a: " ".join(w for _s, _e, w in ws) for a, ws in spans.items()}
    starts = {a: _starts(ws) for a, ws in spans.items()}
    out = []
    for q in merged:
        places = list(q.places)
        wordings = [(ws, " ".join(ws)) for c in q.places if len(ws := words(c.text)) >= FIND_WORDS]
        for a in bodies:
            if a in q.articles:
                continue
            for ws, said in wordings:
                at = joined[a].find(said)
                if at >= 0 and (at == 0 or joined[a][at - 1] == " "):
                    first = starts[a][at]
                    s, e = spans[a][first][0], spans[a][first + len(ws) - 1][1]
                    places.append(Carried(a, s, e, bodies[a][s:e]))
                    break
        if len(places) > len(q.places):
            arts = tuple(a for a in bodies if any(c.article == a for c in places))  # in the story's order
            q = MergedQuote(q.text, q.speaker, q.speaker_key, arts, tuple(places), q.point)
        out.append(q)
    return out


def _starts(ws: list[tuple[int, int, str]]) -> dict[int, int]:
    """Where each word begins in the words joined by spaces -> its index."""
    out, at = {}, 0
    for i, (_s, _e, w) in enumerate(ws):
        out[at] = i
        at += len(w) + 1
    return out


def _merged(places: list[Carried], rank: dict[int, int]) -> MergedQuote:
    fullest = max(places, key=lambda c: (len(words(c.text)), -rank.get(c.article, 0)))
    named = [c for c in places if c.speaker]
    # the speaker most carriers name (an outlet that could not tell who spoke does not outvote one that could)
    speaker = max(named, key=lambda c: (sum(d.speaker_key == c.speaker_key for d in named), -places.index(c)),
                  default=None)
    arts = tuple(sorted({c.article for c in places}, key=lambda a: rank.get(a, len(rank))))
    return MergedQuote(fullest.text, speaker.speaker if speaker else None,
                       speaker.speaker_key if speaker else None, arts, tuple(places))


def _points(merged: list[MergedQuote]) -> list[MergedQuote]:
    """Mark one speaker's different wordings of one point, in different articles."""
    out = list(merged)
    point = 0
    numbered: dict[int, int] = {}
    said = [words(m.text) for m in merged]
    for i, a in enumerate(merged):
        if not a.speaker_key:
            continue
        for j in range(i + 1, len(merged)):
            b = merged[j]
            if b.speaker_key != a.speaker_key:
                continue
            if not set(a.articles) - set(b.articles) or not set(b.articles) - set(a.articles):
                continue  # an article with both wordings: two things said, not one said two ways
            if _same_point(said[i], said[j]):
                n = numbered.get(i) or numbered.get(j)
                if n is None:
                    point += 1
                    n = point
                numbered[i] = numbered[j] = n
    for i, n in numbered.items():
        m = out[i]
        out[i] = MergedQuote(m.text, m.speaker, m.speaker_key, m.articles, m.places, n)
    return out
