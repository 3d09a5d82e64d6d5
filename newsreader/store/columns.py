"""How lists are written in the articles table's JSON columns and read back, and
statements cut into pieces SQLite takes (shared by the store's query modules)."""

from __future__ import annotations

import json
from typing import Iterator, Sequence

from newsreader.models import Enclosure

_encode = json.JSONEncoder().encode


def json_list(items) -> str:
    """A tuple of strings as the JSON text stored for it (json.dumps, less the
    per-call set-up that cost as much as storing the row)."""
    return _encode(list(items)) if items else "[]"


def json_enclosures(items: Sequence[Enclosure]) -> str:
    if not items:
        return "[]"
    return _encode([{"url": e.url, "type": e.type, "length": e.length} for e in items])


def enclosures(text: str | None) -> tuple[Enclosure, ...]:
    if not text or text == "[]":
        return ()
    return tuple(Enclosure(d["url"], d.get("type") or "", d.get("length")) for d in json.loads(text))


def chunks(seq: list, n: int = 500) -> Iterator[list]:
    """``seq`` in pieces of ``n``: an ``IN (...)`` list SQLite takes whole."""
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def marks(n: int) -> str:
    """``?,?,...``: the placeholders of an ``IN`` list of ``n`` values."""
    return ",".join("?" * n)
