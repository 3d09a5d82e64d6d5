"""What the views need from an article's quotes: the speakers list and their order."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from newsreader.models import Quote


def speaker_list(quotes: Iterable[Quote]) -> list[tuple[str, int]]:
    """Each named speaker with their number of quotes, in order of first appearance."""
    counts: Counter[str] = Counter()
    order: list[str] = []
    for q in sorted(quotes, key=lambda q: q.start):
        if q.speaker:
            if q.speaker not in counts:
                order.append(q.speaker)
            counts[q.speaker] += 1
    return [(name, counts[name]) for name in order]


def speaker_index(quotes: Iterable[Quote]) -> dict[str, int]:
    """A stable number per speaker (first appearance first), e.g. to pick a colour."""
    return {name: i for i, (name, _n) in enumerate(speaker_list(quotes))}
