"""Inputs for the fuzz tests and benchmark: real documents, mutated.

Seeds are the project's own fixtures plus, when ``../shared`` is beside the
checkout, its real and ill-formed feeds, saved article pages and page dumps.
A mutation is a list of edits (flip, delete, insert, duplicate, splice in a
piece of another seed, truncate) applied in order, so hypothesis can shrink it
and the benchmark can draw it from a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"

OPS = ("flip", "delete", "insert", "duplicate", "splice", "truncate", "tag")
TAGS = (b"<", b">", b"</", b"<![CDATA[", b"]]>", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", b"&a;", b"&#0;",
        b"&#x202e;", b"\xe2\x80\x8b", b"\x00", b"\x1b]52;c;aGk=\x07", b"\xc2\x9b", b"\"", b"\xe2\x80\x9c",
        b"\xe2\x80\x9d", b":", b"\n\n", b"<item>", b"</item>", b"<entry>", b"{", b"}", b"<p>", b"<div>")


def _files(*patterns: tuple[Path, str]) -> list[Path]:
    out = []
    for folder, pattern in patterns:
        if folder.is_dir():
            out += sorted(folder.glob(pattern))
    return out


def seeds(kind: str, max_bytes: int = 1 << 30) -> list[bytes]:
    """Real inputs of ``kind`` (feed, html, text) no bigger than ``max_bytes``."""
    if kind == "feed":
        found = _files((DATA / "feeds", "*.*"), (DATA / "feeds" / "fast", "*.*"), (DATA / "cli", "*.*"),
                       (SHARED / "data" / "feeds" / "real", "*"), (SHARED / "data" / "feeds" / "illformed", "*"))
    elif kind == "html":
        found = _files((DATA / "feeds", "*.html"), (SHARED / "data" / "articles" / "html", "*.html"))
    else:
        found = _files((DATA / "cli", "*.txt"), (DATA / "textpages_heldout", "*.txt"),
                       (DATA / "textpages_heldout2", "*.txt"), (SHARED / "seeds", "*.txt"))
    data = [p.read_bytes() for p in found if p.is_file() and p.stat().st_size <= max_bytes]
    return [d for d in data if d]


def mutate(data: bytes, edits: list[tuple[str, float, int, bytes]], others: list[bytes]) -> bytes:
    """``data`` with each edit (op, where 0..1, length, bytes) applied in turn."""
    buf = bytearray(data)
    for op, where, length, extra in edits:
        at = int(where * len(buf))
        if op == "flip" and buf:
            at = min(at, len(buf) - 1)
            buf[at] ^= extra[0] if extra else 0xFF
        elif op == "delete":
            del buf[at:at + length]
        elif op == "insert":
            buf[at:at] = extra
        elif op == "duplicate":
            buf[at:at] = buf[at:at + length] * 3
        elif op == "splice" and others:
            other = others[length % len(others)]
            start = int(where * len(other))
            buf[at:at] = other[start:start + 64 * length]
        elif op == "truncate":
            del buf[at:]
        elif op == "tag":
            buf[at:at] = TAGS[length % len(TAGS)]
    return bytes(buf)


def random_edits(rng: random.Random, count: int) -> list[tuple[str, float, int, bytes]]:
    return [(rng.choice(OPS), rng.random(), rng.randint(1, 64), rng.randbytes(rng.randint(1, 16)))
            for _ in range(count)]


def scaled(data: bytes, factor: int) -> bytes:
    """A document ``factor`` times as long, made by repeating its middle (the items
    or paragraphs), so it stays the same kind of document."""
    if factor == 1 or len(data) < 3:
        return data
    third = len(data) // 3
    middle = data[third:len(data) - third]
    return data[:third] + middle * ((len(data) * factor - 2 * third) // max(len(middle), 1)) + data[len(data) - third:]
