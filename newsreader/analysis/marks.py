"""Quotation marks: pair them into spans in one pass over the text.

A single left-to-right scan with a small state machine; no regular expression
here can backtrack, so the cost is linear in the length of the text whatever
the marks (balanced, stray, or missing) look like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile("''|``|\u2018\u2018|\u2019\u2019|[\u201c\u201d\u201e\u00ab\u00bb\"]")

# Family of each opening mark, and the marks that close it.
_OPENERS = {"\u201c": "c", "\u201e": "c", "\u201d": "c", "\u00ab": "g", '"': "s",
            "''": "t", "``": "t", "\u2018\u2018": "t"}
_CLOSERS = {"c": ("\u201d", "\u201c"), "g": ("\u00bb",), "s": ('"',), "t": ("''", "\u2019\u2019")}
_BEFORE_OPEN = set(" \t\n([{\u2014\u2013-/:;,\u00a0") | {""}


@dataclass
class Span:
    """A paired quotation: content offsets, mark offsets and paragraphs it spans."""

    start: int  # first character of the content
    end: int  # one past the last character of the content
    open_at: int  # where the opening mark is
    close_end: int  # one past the closing mark (== end when unclosed)
    para: int  # paragraph of the opening mark
    last_para: int  # paragraph of the closing mark
    closed: bool = True


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; blank lines separate paragraphs."""
    out: list[tuple[int, int]] = []
    pos = 0
    start = None
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            if start is None:
                start = pos
            last = end
        elif start is not None:
            out.append((start, last))
            start = None
        pos = end + 1
    if start is not None:
        out.append((start, last))
    return out


def _opener_at(text: str, pos: int, end: int) -> str | None:
    """The opening mark a paragraph starts with (after spaces), if any."""
    while pos < end and text[pos] in " \t":
        pos += 1
    for mark in ("''", "``", "\u2018\u2018"):
        if text.startswith(mark, pos):
            return mark
    ch = text[pos:pos + 1]
    return ch if ch in _OPENERS else None


def find_spans(text: str, paras: list[tuple[int, int]]) -> list[Span]:
    """Every quotation span in ``text``, in order; multi-paragraph quotes are one span."""
    spans: list[Span] = []
    state = None  # (family, opener, content_start, open_at, para)
    skip_to = -1
    for p, (pstart, pend) in enumerate(paras):
        for m in _MARK.finditer(text, pstart, pend):
            i = m.start()
            if i < skip_to:
                continue
            mark = m.group()
            prev = text[i - 1] if i > pstart else ""
            nxt = text[m.end()] if m.end() < pend else " "
            if state is None:
                fam = _OPENERS.get(mark)
                if fam is None or nxt.isspace():
                    continue
                if mark in ('"', "''", "``", "\u201d") and prev not in _BEFORE_OPEN:
                    continue
                state = (fam, mark, m.end(), i, p)
                continue
            fam, opener, cstart, open_at, opara = state
            if mark in _CLOSERS[fam]:
                if mark == "\u201c" and opener == "\u201c" and not (prev and not prev.isspace()):
                    # a fresh opener: the earlier quote never closed, start again here
                    state = (fam, mark, m.end(), i, p)
                    continue
                if text[cstart:i].strip():
                    spans.append(Span(cstart, i, open_at, m.end(), opara, p))
                state = None
        if state is not None:
            nxt_para = paras[p + 1] if p + 1 < len(paras) else None
            fam = state[0]
            reopen = _opener_at(text, nxt_para[0], nxt_para[1]) if nxt_para else None
            if reopen is not None and _OPENERS.get(reopen) == fam:
                skip_to = text.index(reopen, nxt_para[0]) + len(reopen)
                continue
            _, _, cstart, open_at, opara = state
            end = pend
            while end > cstart and text[end - 1].isspace():
                end -= 1
            if fam != "s" and end > cstart:
                spans.append(Span(cstart, end, open_at, end, opara, p, closed=False))
            state = None
    return spans
