"""Where a saved page's article lies: the best stretch of prose, split at chrome, joined across gaps.

The best-scoring run of lines (Kadane over the line scores) is the core of
the article. A long run of chrome inside it (a teaser list, a live feed)
splits it, and the heavier part wins. But an article is often cut by a box
of its own page furniture (a chart's labels, "Read more" links, a share bar,
a gallery) and goes on below: prose on the far side of such a gap whose
words are the article's words is the same article, and is joined back; the
gap's lines are left out. A gap that holds a comment thread's header, a
"Related" label or the page's footer, or prose about the writer, ends the
article instead.
"""

from __future__ import annotations

import re

from newsreader.ingest._textpage_lines import BOILER, META, SENTENCE, Line, boiler_weight
from newsreader.ingest._textpage_meta import breadcrumb
from newsreader.ingest._textpage_title import head_block, stems
from newsreader.ingest._textpage_zones import COMMENT_HEADER
from newsreader.ingest.byline import is_bio

_GAP = 8  # lines of menus or headings in a row
_MAX_GAP = 40  # a longer gap is the page's furniture, not a box inside the article
_MAX_CHART = 160  # lines of a chart's labels inside an article
_RUN_BREAK = 3  # non-prose lines in a row that end a block of prose
_SAME = 0.3  # share of a block's topic words the article must already have
_WIDGET_WORDS = 25  # prose in a gap short enough to be a widget's own, not another story
END_LABEL = re.compile(
    r"^(?:more|related|read more|read also|also read|see also|recommended|more on this|more stories|more from\b.*|"
    r"related \w+|you may also like|you might also like|most read|most popular|popular|trending|further reading|"
    r"latest|top stories|what to read next|read next|up next|editor'?s picks|tags?|topics|filed under)\s*:?$",
    re.I,
)


ABOUT_LABEL = re.compile(r"^(?:about the authors?|about the writer|author bio|the author)\s*:?$", re.I)


def best_stretch(lines: list[Line]) -> tuple[int, int]:
    """The contiguous run of lines with the highest total score (Kadane)."""
    best, best_span = float("-inf"), (0, -1)
    total, start = 0.0, 0
    for i, ln in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += ln.score
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def split_at_gaps(lines: list[Line], s: int, e: int) -> tuple[int, int]:
    """Keep the best part of a stretch that a long run of chrome cuts in two.

    A second block of prose (a teaser list, a live feed, another story) can
    outweigh the menus between it and the article, so a run of ``_GAP``
    lines without a sentence, headline-long lines among them (a list of
    links to other stories, not a gallery's buttons), splits the stretch and
    the heaviest part wins, the gap counted against neither (``join_gaps``
    then joins back the parts that are the same article).
    """
    parts: list[tuple[float, int, int]] = []
    start, total, gap, teasers, pending = s, 0.0, 0, 0, 0.0
    for i in range(s, e + 1):
        ln = lines[i]
        if ln.shape == SENTENCE:
            if gap >= _GAP and teasers >= 2 and i > start:
                parts.append((total, start, i - 1 - gap))
                start, total = i, 0.0
            else:
                total += pending  # chrome inside a part counts against it; the gap itself against neither
            gap = teasers = 0
            pending = 0.0
            total += ln.score
        else:
            gap += 1
            # an advert's or a newsletter sign-up's notice is long too, but no link to a story
            teasers += ln.words >= 5 and ln.shape != BOILER
            pending += ln.score
    parts.append((total, start, e))
    best = max(parts, key=lambda part: part[0])
    return best[1], best[2]


def _topic(lines: list[Line], s: int, e: int) -> set[str]:
    return set().union(*(stems(ln.text) for ln in lines[s : e + 1] if ln.shape == SENTENCE))


def _block(lines: list[Line], i: int, step: int) -> int:
    """The far end of the block of prose that starts at ``i`` and runs in direction ``step``
    (to a line the article does not cross)."""
    end, run, j = i, 0, i
    while 0 <= j < len(lines) and run < _RUN_BREAK:
        if lines[j].shape == SENTENCE:
            end, run = j, 0
        elif _ends_article(lines[j], step):
            break
        else:
            run += 1
        j += step
    return end


def _longest(lines: list[Line], gap: list[int]) -> int:
    """How long a gap may grow: a box of furniture is short, but a chart's labels
    (mostly figures: "$915", "billion", "’17") may run to many lines."""
    if len(gap) <= _MAX_GAP:
        return _MAX_GAP
    figures = sum(1 for g in gap if any(c.isdigit() for c in lines[g].text) or len(lines[g].text) <= 3)
    return _MAX_CHART if figures >= 0.6 * len(gap) else _MAX_GAP


_GOES_ON = re.compile(r"\b(?:article|story)\s+continues\b|\bcontinues?\s+(?:below|after)\b", re.I)


def _ends_article(ln: Line, step: int) -> bool:
    """A gap line the article does not cross: a comment header, a related-links label, the
    footer going down; going up, the head of this or another story: a date or byline line
    (not one said again, like a chart's credit), a breadcrumb."""
    if step < 0:
        return (ln.shape == META and not ln.repeated) or bool(breadcrumb(ln.text))
    strong, _ = boiler_weight(ln.text)
    return bool(COMMENT_HEADER.match(ln.text) or END_LABEL.match(ln.text) or ABOUT_LABEL.match(ln.text)
                or "©" in ln.text or (strong and ln.shape == BOILER and ln.words > 6))


def _same_story(lines: list[Line], a: int, b: int, topic: set[str], step: int, boxed: bool = False) -> bool:
    """Whether the prose of lines a..b is the story whose words are ``topic``: enough of its
    words are the story's (more in a short block, where a few come by chance; half as many
    past a ``boxed`` gap, a box the page repeats), and going down it is more than a line (a
    promo under an article)."""
    text = " ".join(ln.text for ln in lines[a : b + 1] if ln.shape == SENTENCE)
    words = stems(text)
    prose = sum(ln.words for ln in lines[a : b + 1] if ln.shape == SENTENCE)
    if prose < (8 if step < 0 else 15) or len(words) < 3 or boiler_weight(text)[0] >= 2:
        return False  # (a cookie or subscription notice shares words with any long story)
    share = (_SAME + (0.2 if prose < 20 else 0.0)) * (0.5 if boxed else 1.0)
    return len(words & topic) >= share * len(words)


def _boxed(lines: list[Line], gap: list[int]) -> bool:
    """A gap that is a box the page shows again elsewhere (a "most read" list set between
    an article's paragraphs more than once): most of its lines (a photo's caption may stand
    beside it) are repeated on the page, so it is the page's furniture dropped into the
    article, not where the article ends."""
    return len(gap) >= 3 and sum(lines[g].repeated for g in gap) >= 0.75 * len(gap)


def join_gaps(lines: list[Line], s: int, e: int) -> tuple[int, int, set[int]]:
    """Join to the stretch [s, e] the prose beyond gaps of furniture that is the same story.

    Returns the new stretch and the indices of the gap lines to leave out.
    """
    skip: set[int] = set()
    for step in (-1, 1):
        while joined := _across(lines, s, e, step):
            (a, b), gap = joined
            skip.update(gap)
            s, e = min(s, a), max(e, b)
    return s, e, skip


def _across(lines: list[Line], s: int, e: int, step: int) -> tuple[tuple[int, int], list[int]] | None:
    """The block of the same story beyond the gap at the stretch's edge in direction
    ``step``, and the gap's lines; None when the article ends there. A sentence or two of a
    widget's own (a video player's "This is a modal window.") inside the gap is gap."""
    topic = _topic(lines, s, e)
    j, gap = (s if step < 0 else e) + step, []
    while True:
        while 0 <= j < len(lines) and lines[j].shape != SENTENCE and len(gap) <= _longest(lines, gap):
            gap.append(j)
            j += step
        if not 0 <= j < len(lines) or len(gap) > _longest(lines, gap) or not gap:
            return None
        # an advert's slot that says the article goes on below it ("Story continues below")
        goes_on = step > 0 and any(_GOES_ON.search(lines[g].text) for g in gap)
        if not goes_on and any(_ends_article(lines[g], step) for g in gap):
            return None
        if step > 0 and is_bio(lines[j].text):
            return None  # the writer's blurb under the article
        far = _block(lines, j, step)
        a, b = min(j, far), max(j, far)
        if goes_on or _same_story(lines, a, b, topic, step, _boxed(lines, gap)):
            return (a, b), gap
        prose = sum(ln.words for ln in lines[a : b + 1] if ln.shape == SENTENCE)
        if prose >= _WIDGET_WORDS:
            return None
        gap.extend(range(j, far + step, step))
        j = far + step


_HEADED = 1.2  # a stretch whose headline scores this has a head of its own
_ANCHOR = 3.5  # a story head this sure outweighs a stretch without one
_FALL = 20.0  # how far a story's running score may fall below its best before it has ended
_STORY = 40  # words of prose under a head that make a story (a one-line promo does not)


def anchor(lines: list[Line], s: int, e: int, strength: float) -> tuple[int, int] | None:
    """The story under a head block when the stretch [s, e] has no headline of its own
    (its ``headline_strength`` is ``strength``).

    A short or list-only article can weigh less than a longer block of furniture (an
    "about us" text, a sidebar of promos). The article has a head: a heading, a date or
    byline under it, prose whose words repeat the heading's. When such a head stands above
    a stretch that nothing heads, the article is the prose under the head, as far as its
    running score holds.
    """
    if strength >= _HEADED:
        return None
    head = head_block(lines, s)
    if head is None or head[2] < _ANCHOR:
        return None
    start = head[1]
    best, end, total = float("-inf"), start, 0.0
    for j in range(start, s):
        total += lines[j].score
        if total > best:
            best, end = total, j
        elif total < best - _FALL:
            break
    prose = sum(ln.words for ln in lines[start : end + 1] if ln.shape == SENTENCE)
    return (start, end) if best > 0 and prose >= _STORY else None
