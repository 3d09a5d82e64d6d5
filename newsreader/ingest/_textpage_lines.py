"""Line features for the saved-page cleaner: how much a line looks like prose.

A page dump is read one line at a time (a saved page puts every block on a
line of its own). Each line gets a shape (sentence, heading, list item,
boilerplate, ...) and a score: positive for prose, negative for chrome. The
cleaner then looks for the stretch of lines with the best total score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.ingest._textpage_meta import breadcrumb

# Words that mark site furniture. "Strong" words almost never occur in
# article prose at any density; "weak" ones do, so they only count on short
# lines or in bulk.
_STRONG = re.compile(
    r"\b(?:cookies?|privacy|gdpr|consent|subscrib\w*|newsletters?|sign(?:ed)? ?(?:up|in)|"
    r"log ?in|login|register|all rights reserved|copyright|terms (?:of|and|&) \w+|"
    r"advertis\w*|sponsor\w*|unsubscribe|akismet|spam|javascript|browser|paywall|"
    r"skip to|accessibility|sitemap|site map)\b|©"
)
_WEAK = re.compile(
    r"\b(?:share\w*|comments?|follow|related|read more|more from|click|tap|e-?mail|"
    r"facebook|twitter|instagram|linkedin|whatsapp|youtube|pinterest|reddit|tiktok|"
    r"print|download|podcasts?|watch|video|photos?|gallery|getty|menu|search|trending|"
    r"popular|recommended|most read|you may also like|next|previous|tags?|topics|"
    r"categories|loading|contact|home|app|listen|rss|feedback)\b"
)
# Terminal punctuation, allowing closing quotes or brackets after it.
_TERMINAL = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_TRUNCATED = re.compile(r"(?:\.\.|…)[\"'”’]?$")
_BULLET = re.compile(r"^(?:[*•·▪◦‣–—-]|\d{1,2}[.)])\s+")
_TURN = re.compile(r"^[A-Z][\w.'’ -]{0,40}?:\s+\S")
_BYLINE = re.compile(r"^(?:by|written by|words by|author:?|von|par|por|di)\s+\S", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_URL = re.compile(r"https?://|www\.")
_SEPARATORS = re.compile(r"(?:^|\s)[|▪•·»›/](?=\s|$)")

# Shapes a line can take.
SENTENCE, HEADING, BOILER, META, BULLET = "sentence", "heading", "boiler", "meta", "bullet"


@dataclass
class Line:
    """One non-empty line of the dump with the features the cleaner uses."""

    index: int  # position among the non-empty lines
    text: str
    words: int
    gap_before: int  # blank lines just above it
    shape: str = HEADING
    score: float = 0.0
    terminal: bool = False
    turn: bool = False
    repeated: bool = False


def word_count(text: str) -> int:
    """Words on a line; in CJK scripts, which may not space words, two characters a word."""
    return max(len(text.split()), len(_CJK.findall(text)) // 2)


def boiler_weight(text: str) -> tuple[int, int]:
    """(strong, weak) boilerplate vocabulary hits on a line."""
    low = text.lower()
    return len(_STRONG.findall(low)), len(_WEAK.findall(low))


def is_byline(text: str) -> bool:
    """A short "By Name" line."""
    return bool(_BYLINE.match(text)) and 2 <= len(text.split()) <= 12


def _menu_like(text: str, n: int, terminal: bool) -> bool:
    """A run of links: items split by bars or bullets, or mostly capitalised words."""
    if len(_SEPARATORS.findall(text)) >= 2:
        return True
    if terminal or n < 6:
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def classify(line: Line, is_date) -> None:
    """Give a line its shape and score (the weights are the cleaner's tuning)."""
    text, n = line.text, line.words
    # A teaser cut short ("Star quits after row..") is not a finished sentence.
    line.terminal = bool(_TERMINAL.search(text)) and not _TRUNCATED.search(text)
    line.turn = bool(_TURN.match(text))
    strong, weak = boiler_weight(text)
    bulk = (2 * strong + weak) / max(n, 1)
    if n <= 12 and (is_date(text) or is_byline(text)):
        line.shape, line.score = META, -2.0
    elif (
        (strong and n <= 12)
        or (strong >= 2 and bulk >= 0.08)
        or (weak and n <= 4 and not line.terminal)
    ):
        line.shape = BOILER
        line.score = -float(max(n, 6) + 4) if n < 30 else -float(n)
    elif _URL.search(text) and n <= 8:
        line.shape, line.score = BOILER, -6.0
    elif _menu_like(text, n, line.terminal) or (not line.terminal and breadcrumb(text)):
        line.shape, line.score = HEADING, -4.0  # a menu, or a trail long enough to pass for prose
    elif (line.terminal and n >= 5) or n >= 16:
        line.shape = SENTENCE
        line.score = n - 6.0 if line.terminal else n - 10.0
    elif _BULLET.match(text):
        line.shape, line.score = BULLET, -3.0
    else:
        line.shape, line.score = HEADING, -4.0
    if line.repeated and n < 10:
        # Menus and share bars repeat on a page; article lines rarely do.
        line.score = min(line.score, -6.0)


def _wrap_width(lengths: list[int]) -> int | None:
    """The column a saver hard-wrapped the page at, if it did.

    A hard-wrapped dump has many lines just short of one width and almost
    none beyond it; a dump with one block a line has no such edge.
    """
    top = 240
    hist = [0] * (top + 2)
    for n in lengths:
        hist[min(n, top + 1)] += 1
    above = hist[top + 1]
    allowed = max(2, len(lengths) // 50)  # lines that could not be broken (a long URL or word)
    for width in range(top, 39, -1):
        if hist[width]:
            near = sum(hist[width - 20 : width + 1])
            # the edge itself is crowded: a stray long line alone is no wrap width
            if near >= 8 and near >= 3 * above and above <= allowed and sum(hist[width - 5 : width + 1]) >= 3:
                return width
            if above > allowed:
                return None
        above += hist[width]
    return None


def _unwrap(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Join the lines of hard-wrapped paragraphs back into one line each.

    A line continues the one above it when no blank line parts them and the
    wrapper had to break: the first word below would not have fitted.
    """
    # a line with no space in it (a long URL) could not be wrapped, so it says
    # nothing about the width
    width = _wrap_width([len(text) for text, _ in rows if len(text) >= 20 and " " in text])
    if width is None:
        return rows
    out: list[tuple[str, int]] = []
    joined_len = 0  # length of the last physical line of the row being built
    for text, gap in rows:
        if out and gap == 0 and joined_len + 1 + len(text.split(" ", 1)[0]) > width and joined_len >= width // 2:
            prev, prev_gap = out[-1]
            out[-1] = (prev + " " + text, prev_gap)
        else:
            out.append((text, gap))
        joined_len = len(text)
    return out


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of a dump, with the count of blank lines above each.

    Hard-wrapped paragraphs are joined back into one line each first.
    """
    rows: list[tuple[str, int]] = []
    gap = 0
    for raw in text.split("\n"):
        stripped = " ".join(raw.split())
        if not stripped:
            gap += 1
            continue
        rows.append((stripped, gap))
        gap = 0
    lines = [Line(i, t, word_count(t), g) for i, (t, g) in enumerate(_unwrap(rows))]
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.text.lower()] = counts.get(ln.text.lower(), 0) + 1
    for ln in lines:
        ln.repeated = counts[ln.text.lower()] > 1
    return lines
