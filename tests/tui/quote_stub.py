"""A small, fixed quote finder for the app's tests.

The app shows whatever spans the analysis hands over; these tests are about
the showing, so they use this stand-in (patched into the real import
pipeline) and stay put while the real analyser improves.
"""

from __future__ import annotations

import re

from newsreader.models import Quote

_QUOTE = re.compile(r"“([^”]+)”")
_SAID_AFTER = re.compile(r"\s*said\s+(?:[a-z-]+\s+)*([A-Z][\w-]+(?:\s+[A-Z][\w-]+)+)")
_TURN = re.compile(r"^([A-Z][\w-]+ [A-Z][\w-]+): (.+)$", re.M)


def find_quotes(body: str) -> list[Quote]:
    """Curly-quoted speech attributed by a following "said Name Name", and "Name: ..." turns."""
    quotes: list[Quote] = []
    last_para_speaker: tuple[int, str, int, int] | None = None
    for m in _QUOTE.finditer(body):
        para = body.rfind("\n\n", 0, m.start())
        said = _SAID_AFTER.match(body, m.end())
        if said:
            name, s0, s1 = said.group(1), said.start(1), said.end(1)
            last_para_speaker = (para, name, s0, s1)
            quotes.append(Quote(m.start(1), m.end(1), "quote", name, s0, s1, "said"))
        elif last_para_speaker and last_para_speaker[0] == para:
            _p, name, s0, s1 = last_para_speaker
            quotes.append(Quote(m.start(1), m.end(1), "quote", name, s0, s1, None))
        else:
            quotes.append(Quote(m.start(1), m.end(1), "quote"))
    for m in _TURN.finditer(body):
        quotes.append(Quote(m.start(2), m.end(2), "turn", m.group(1), m.start(1), m.end(1), ":"))
    return sorted(quotes, key=lambda q: q.start)


def person_key(name: str) -> str:
    """The same person under one key: lower case, single spaces."""
    return " ".join(name.lower().split())


def analyse(body: str):
    """What ``newsreader.ingest.pipeline.analyse`` returns, from this stand-in."""
    quotes = tuple(find_quotes(body))
    return quotes, tuple(person_key(q.speaker) if q.speaker else None for q in quotes)
