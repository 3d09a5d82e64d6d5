"""An article body as styled ``Content``, a paragraph at a time.

The analysis hands over spans (``Quote.start``/``end`` index the body); here
they become styles on plain ``Content``. The body itself is never parsed as
markup, so a body that says ``[@click=app.quit]`` shows exactly that.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from textual.color import Color
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from newsreader.models import Quote

# a run of lines with no blank line between them (written so the engine scans a line
# at a time, not a character at a time: ten times faster on a 2 MB article)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
# what a wrapped line hangs under: a list marker after its indent, or a block quote's indent
_HANG = re.compile(r"[ \t]+(?:(?:[\u2022\u25e6\u25aa\u2023*\-]|\d{1,3}[.)])[ \t]+)?|(?:[\u2022\u25e6\u25aa\u2023*\-]|\d{1,3}[.)])[ \t]+")


class Hanging(Visual):
    """A paragraph of list items or block quotes whose wrapped lines hang under the
    text after their marker (or their indent), so nesting still shows on a narrow
    pane; lines without one wrap as usual."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._lines = content.split("\n", allow_blank=True)
        self._cache: tuple[int, list[Content]] | None = None

    def __str__(self) -> str:
        return self.content.plain

    def lines(self, width: int) -> list[Content]:
        """The paragraph wrapped to ``width`` cells, one Content a line."""
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        out: list[Content] = []
        for line in self._lines:
            m = _HANG.match(line.plain)
            hang = m.end() if m else 0
            if not hang or hang * 2 >= width:
                out += line.wrap(width) or [Content("")]
                continue
            parts = line[hang:].wrap(width - hang) or [Content("")]
            out.append(line[:hang] + parts[0])
            out += [Content(" " * hang) + part for part in parts[1:]]
        self._cache = (width, out)
        return out

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        plain = RenderOptions(options.get_style, options.rules, post_style=options.post_style)
        strips = [line.render_strips(width, 1, style, plain)[0] for line in self.lines(width)]
        return strips[:height] if height is not None else strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))


def hanging(content: Content) -> Content | Hanging:
    """``content`` as a ``Hanging`` paragraph when a line of it starts with a list
    marker or an indent; else as it is (plain paragraphs keep Textual's own wrapping,
    and text selection)."""
    plain = content.plain
    if not (_HANG.match(plain) or any(_HANG.match(line) for line in plain.split("\n")[1:])):
        return content
    return Hanging(content)


@dataclass(frozen=True)
class QuoteStyles:
    """Styles read from the TCSS: a colour per speaker slot and the states of a quote."""

    speakers: tuple[Style, ...]
    unattributed: Style
    name: Style  # the mention a quote is attributed to, and turn labels
    forward: Style  # quotes of the speaker brought forward
    faded: Style  # everyone else's quotes while one speaker is forward
    current: Style  # the quote ] or [ landed on
    match: Style = Style()  # a word the search that listed the article matched

    def speaker(self, slot: int | None) -> Style:
        """The colour of speaker number ``slot`` (None: a quote nobody is named for)."""
        if slot is None or not self.speakers:
            return self.unattributed
        return self.speakers[slot % len(self.speakers)]


SPEAKER_COLOURS = 8  # distinct colours before they repeat
_CLOSE = 0.09  # hues nearer than this (a fraction of the circle) read as one colour


def distinct_speakers(styles: Sequence[Style], dark: bool, want: int = SPEAKER_COLOURS) -> tuple[Style, ...]:
    """The TCSS speaker styles with look-alikes dropped (a theme may give two slots one
    colour), topped up with hues spread round the circle, so that ``want`` speakers
    in one article each have a colour of their own."""
    kept: list[Style] = []
    hues: list[float] = []

    def gap(a: float, b: float) -> float:  # round the colour circle
        return min(abs(a - b), 1 - abs(a - b))

    def far(h: float) -> bool:
        return all(gap(h, k) >= _CLOSE for k in hues)

    for style in styles:
        fg = style.foreground
        if fg is None:
            continue
        hsl = fg.hsl
        if hsl.s < 0.2 or not far(hsl.h):  # a grey, or a hue already taken
            continue
        kept.append(style)
        hues.append(hsl.h)
    while len(kept) < want:
        # the hue farthest from every hue taken so far
        h = max((i / 72 for i in range(72)), key=lambda c: min((gap(c, k) for k in hues), default=1))
        kept.append(Style(foreground=Color.from_hsl(h, 0.65, 0.68 if dark else 0.36)))
        hues.append(h)
    return tuple(kept)


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph (paragraphs are split by blank lines)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(body)]


def quotes_by_paragraph(bounds: Sequence[tuple[int, int]], quotes: Sequence[Quote]) -> list[list[Quote]]:
    """For each paragraph of ``bounds``, the ``quotes`` (in their order) that
    ``paragraph_content`` styles in it: those overlapping it, and those whose
    speaker's mention is in it. (Each paragraph then looks at its own few, not at
    every quote of a long article.)"""
    ends = [e for _s, e in bounds]
    out: list[list[Quote]] = [[] for _ in bounds]
    for q in quotes:
        hit = []
        i = bisect_right(ends, q.start)  # the first paragraph ending after the quote starts
        while i < len(bounds) and bounds[i][0] < q.end:
            hit.append(i)
            i += 1
        if q.speaker_start is not None:
            j = bisect_right(ends, q.speaker_start)
            if j < len(bounds) and bounds[j][0] <= q.speaker_start and j not in hit:
                hit.append(j)
        for i in hit:
            out[i].append(q)
    return out


def needs_label(quote: Quote) -> bool:
    """True for an interview turn whose speaker is not already named just before it."""
    if quote.kind != "turn" or not quote.speaker:
        return False
    return quote.speaker_start is None or quote.speaker_end is None or quote.speaker_end > quote.start


def paragraph_content(
    body: str,
    bounds: tuple[int, int],
    quotes: Sequence[Quote],
    slots: dict[str, int],
    styles: QuoteStyles,
    *,
    forward: str | None = None,
    current: Quote | None = None,
    matches: Sequence[tuple[int, int]] = (),
) -> Content:
    """One paragraph with every quote in it styled in its speaker's colour.

    ``forward`` names the speaker whose quotes stand out (the others fade);
    ``current`` is the quote the reader jumped to; ``matches`` are body spans of
    the words a search matched, marked over the quote colours.
    """
    start, end = bounds
    content = Content(body[start:end])
    labels: list[tuple[int, Content]] = []
    for q in quotes:
        if q.end <= start or q.start >= end:
            if q.speaker_start is not None and start <= q.speaker_start < end:
                content = _style_name(content, q, start, end, slots, styles)
            continue
        a, b = max(q.start, start) - start, min(q.end, end) - start
        content = content.stylize(styles.speaker(slots.get(q.speaker) if q.speaker else None), a, b)
        if forward is not None:
            content = content.stylize(styles.forward if q.speaker == forward else styles.faded, a, b)
        if current is not None and q == current:
            content = content.stylize(styles.current, a, b)
        if q.speaker_start is not None and start <= q.speaker_start < end:
            content = _style_name(content, q, start, end, slots, styles)
        if needs_label(q) and start <= q.start < end:
            style = styles.speaker(slots.get(q.speaker)) + styles.name
            labels.append((q.start - start, Content(f"{q.speaker}: ").stylize(style)))
    content = mark_spans(content, matches, styles.match, start)
    for offset, label in sorted(labels, key=lambda x: x[0], reverse=True):
        content = content[:offset] + label + content[offset:]
    return content


def _style_name(content: Content, q: Quote, start: int, end: int,
                slots: dict[str, int], styles: QuoteStyles) -> Content:
    """Mark the mention a quote rests on, in the speaker's colour."""
    a = q.speaker_start - start  # type: ignore[operator]
    b = min(q.speaker_end if q.speaker_end is not None else end, end) - start
    style = styles.speaker(slots.get(q.speaker) if q.speaker else None) + styles.name
    return content.stylize(style, a, b)


def paragraph_of(bounds: Sequence[tuple[int, int]], offset: int) -> int:
    """The index of the paragraph holding ``offset`` (or the nearest one after it)."""
    for i, (_s, e) in enumerate(bounds):
        if offset < e:
            return i
    return max(len(bounds) - 1, 0)


def mark_spans(content: Content, spans: Sequence[tuple[int, int]], style: Style, offset: int = 0) -> Content:
    """``content`` (the text from ``offset`` on) with each span that falls in it styled."""
    end = offset + len(content)
    for a, b in spans:
        if a < end and b > offset:
            content = content.stylize(style, max(a, offset) - offset, min(b, end) - offset)
    return content
