"""Quotation marks: pair them into spans in one pass over the text.

A single left-to-right scan with a small state machine; no regular expression
here can backtrack, so the cost is linear in the length of the text whatever
the marks (balanced, stray, or missing) look like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK = re.compile("''|``|\u2018\u2018|\u2019\u2019|[\u201c\u201d\u201e\u00ab\u00bb\"\u2018\u2019']")

# Family of each opening mark, and the marks that close it. Single marks (curly
# "c1", straight "s1") open a quotation only when the paragraph (or the next one,
# re-opening it) has a mark that can close it; an apostrophe inside a word never does.
_OPENERS = {"\u201c": "c", "\u201e": "c", "\u201d": "c", "\u00ab": "g", '"': "s",
            "''": "t", "``": "t", "\u2018\u2018": "t", "\u2018": "c1", "'": "s1"}
_CLOSERS = {"c": ("\u201d", "\u201c", '"'), "g": ("\u00bb",), "gr": ("\u00ab",), "s": ('"', "\u201d", "\u201c"), "t": ("''", "\u2019\u2019"),
            "c1": ("\u2019",), "s1": ("'",)}
_SINGLE = ("c1", "s1")
_BEFORE_OPEN = set(" \t\n([{\u2014\u2013-/:;,\u00a0") | {""}
# Words that cannot follow a plural possessive: after "terms’ and" the mark closed a quote.
_NOT_OWNED = frozenset("""and or but nor as to in on at for with from by of that which who because
    while when where what how why after before than then so if said says say told adds added is was are
    were has had""".split())
_GUILLEMET_SPACE = " \u00a0\u202f"  # spaces French typesetting puts inside « »
_BEFORE_SINGLE = set(" \t\n([{\u2014\u2013/:;\u00a0") | {""}


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
    prev_part: int = -1  # the span this one continues (a quotation re-opened in a new paragraph)


_LIST_ITEM = re.compile(r"[ \t]*(?:[\u2022\u25e6\u25aa\u2023\u2043*\-]|\d{1,3}[.)])[ \t]")  # "• ", "- ", "2. "
_LINE_ENDS = (".", "!", "?", ":", "\"", "\u201d", "\u2019", "'", ")", "\u2026")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph. Blank lines separate paragraphs; so does a
    single newline in a block whose lines end as sentences do (several publishers
    give paragraphs one line each), not in text wrapped at a fixed width; a list
    item ("• ...", "- ...", "2. ...") starts a paragraph of its own."""
    out: list[tuple[int, int]] = []
    pos = 0
    block: list[tuple[int, int]] = []
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            if block and _LIST_ITEM.match(line):
                _flush(text, block, out)  # a list item is a paragraph of its own
                block = []
            block.append((pos, end))
        elif block:
            _flush(text, block, out)
            block = []
        pos = end + 1
    if block:
        _flush(text, block, out)
    return out


def _flush(text: str, block: list[tuple[int, int]], out: list[tuple[int, int]]) -> None:
    if len(block) > 1:
        ends = sum(text[a:b].rstrip().endswith(_LINE_ENDS) for a, b in block[:-1])
        if ends * 2 >= len(block) - 1:
            out.extend(block)
            return
    out.append((block[0][0], block[-1][1]))


def _opener_at(text: str, pos: int, end: int) -> str | None:
    """The opening mark a paragraph starts with (after spaces), if any."""
    while pos < end and text[pos] in " \t":
        pos += 1
    for mark in ("''", "``", "\u2018\u2018"):
        if text.startswith(mark, pos):
            return mark
    ch = text[pos:pos + 1]
    if ch in _OPENERS and pos + 1 < end and (not text[pos + 1].isspace() or (
            ch == "\u00ab" and text[pos + 1] in _GUILLEMET_SPACE)):
        return ch
    return None


def _single_closes(text: str, i: int, mark: str, pstart: int, pend: int) -> bool:
    """Whether a single mark at ``i`` can close a quotation (not an apostrophe in a word)."""
    if mark not in ("\u2019", "'"):
        return False
    prev = text[i - 1] if i > pstart else " "
    nxt = text[i + 1] if i + 1 < pend else " "
    return not prev.isspace() and not nxt.isalnum()


def _inch_mark(text: str, i: int, lo: int) -> bool:
    """Whether the straight double mark at ``i`` ends a feet-and-inches figure (6'3")."""
    k = i - 1
    while k > lo and k > i - 4 and text[k].isdigit():
        k -= 1
    if k == i - 1 or k <= lo:
        return False
    if text[k] == " ":
        k -= 1
    return k > lo and text[k] in "'\u2019" and text[k - 1].isdigit()


def _plural_possessive(text: str, i: int, pend: int, last: int) -> bool:
    """A right single mark after an ``s`` and before a lower-case word, with a later
    mark that can close the quotation: the apostrophe of a plural possessive."""
    if not (last > i and text[i - 1:i] == "s" and text[i + 1:i + 2] == " " and text[i + 2:i + 3].islower()):
        return False
    word = text[i + 2:i + 12].split(" ", 1)[0].rstrip(",.;:")
    return word not in _NOT_OWNED  # "real terms’ and that ...": the quotation ends there


def _nested_lefts(marks: list[tuple[int, str]]) -> dict[int, int]:
    """Left double marks that open a quotation inside another (“... “list” are ...”),
    by their index among ``marks``, each with the offset of the right mark closing it:
    where the marks after one hold at least two more right marks than left ones,
    enough to close it and the quotation around it. One pass from the end."""
    out: dict[int, int] = {}
    balance = 0  # right marks minus left marks after the current one
    next_right = -1
    for j in range(len(marks) - 1, -1, -1):
        at, mark = marks[j]
        if mark == "\u201d":
            balance += 1
            next_right = at
        elif mark == "\u201c":
            if balance >= 2 and next_right >= 0:
                out[j] = next_right
            balance -= 1
    return out


def find_spans(text: str, paras: list[tuple[int, int]]) -> list[Span]:
    """Every quotation span in ``text``, in order. A quotation carried over several
    paragraphs gives one span per paragraph, each linked to the one before."""
    spans: list[Span] = []
    # « followed by a space opens only in French typesetting, with a space before » too
    french = any(sp + "\u00bb" in text for sp in _GUILLEMET_SPACE)
    state = None  # (family, opener, content_start, open_at, para, prev_part)
    skip_to = -1
    for p, (pstart, pend) in enumerate(paras):
        marks = [(m.start(), m.group()) for m in MARK.finditer(text, pstart, pend)]
        last_close = {"\u2019": -1, "'": -1, "\u201d": -1}
        for i, mark in marks:
            if mark == "\u201d" or _single_closes(text, i, mark, pstart, pend):
                last_close[mark] = i
        nxt_para = paras[p + 1] if p + 1 < len(paras) else None
        reopen = _opener_at(text, nxt_para[0], nxt_para[1]) if nxt_para else None
        # German and Danish set »...«: where a paragraph's first guillemet is », it opens
        guil = [mark for _, mark in marks if mark in "\u00ab\u00bb"]
        reversed_g = bool(guil) and guil[0] == "\u00bb" and "\u00ab" in guil
        spaced = french and not reversed_g
        nested = _nested_lefts(marks)
        for j, (i, mark) in enumerate(marks):
            if i < skip_to:
                continue
            end_m = i + len(mark)
            prev = text[i - 1] if i > pstart else ""
            nxt = text[end_m] if end_m < pend else " "
            if state is None:
                fam = _OPENERS.get(mark)
                if reversed_g and mark in "\u00ab\u00bb":
                    fam = "gr" if mark == "\u00bb" else None
                if fam is None or end_m >= pend or (
                        nxt.isspace() and not (fam == "g" and spaced and nxt in _GUILLEMET_SPACE)
                        and not (mark == "\u201c" and last_close["\u201d"] > i and (not prev or prev.isspace()))):
                    continue  # (a left mark with a space after it opens when a right one follows: "“ … if")
                if fam in _SINGLE:
                    closer = _CLOSERS[fam][0]
                    if prev not in _BEFORE_SINGLE or nxt in "'\u2019" or (
                            last_close[closer] <= i and reopen != mark):
                        continue
                elif mark in ('"', "''", "``", "\u201d") and prev not in _BEFORE_OPEN:
                    continue
                if fam == "g" or mark == "\u201c":  # French typesetting: « a space inside the marks »
                    while end_m < pend and text[end_m] in _GUILLEMET_SPACE:
                        end_m += 1
                state = (fam, mark, end_m, i, p, -1)
                continue
            fam, opener, cstart, open_at, opara, part = state
            if mark == '"' and _inch_mark(text, i, cstart):
                continue  # 6'3" inside a quotation is a measurement, not its end
            if fam == "c1" and mark == "\u2019" and _plural_possessive(text, i, pend, last_close[mark]):
                continue  # "Danvers’ day" inside ‘...’
            if mark in _CLOSERS[fam]:
                if mark == "\u201c" and fam == "s" and not (prev.isalnum() or prev in ".,;:!?)\u2026"):
                    continue  # ("... said "a “fine” idea": a left mark after a space opens, never closes)
                if mark == "\u201c" and opener == "\u201c" and not (prev and not prev.isspace()):
                    if j in nested:  # “... “list” are ...”: a quotation inside the open one
                        skip_to = nested[j] + 1
                        continue
                    # a fresh opener: the earlier quote never closed, start again here
                    state = (fam, mark, end_m, i, p, -1)
                    continue
                if fam in _SINGLE and not _single_closes(text, i, mark, pstart, pend):
                    continue
                if text[cstart:i].strip():
                    cend = i
                    while text[cend - 1].isspace():  # "...'Title Sponsor,' \"": the space between a
                        cend -= 1  # nested quotation's mark and the closing one is no part of the words
                    spans.append(Span(cstart, cend, open_at, end_m, opara, p, prev_part=part))
                state = None
        if state is not None:
            fam, opener, cstart, open_at, opara, part = state
            end = pend
            while end > cstart and text[end - 1].isspace():
                end -= 1
            state = None
            if reopen is not None and _OPENERS.get(reopen) == fam:
                if end > cstart:
                    spans.append(Span(cstart, end, open_at, end, opara, p, closed=False, prev_part=part))
                    part = len(spans) - 1
                at = text.index(reopen, nxt_para[0])
                skip_to = at + len(reopen)
                while fam == "g" and skip_to < nxt_para[1] and text[skip_to] in _GUILLEMET_SPACE:
                    skip_to += 1
                state = (fam, reopen, skip_to, at, p + 1, part)
                continue
            if (fam not in ("s", "s1") or part >= 0) and end > cstart:
                spans.append(Span(cstart, end, open_at, end, opara, p, closed=False, prev_part=part))
    return spans
