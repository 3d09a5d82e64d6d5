"""The head of a saved page: title, date, byline and breadcrumb above the body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from newsreader.ingest._textpage_lines import BOILER, META, SENTENCE, Line, is_byline
from newsreader.ingest._textpage_title import find_headline
from newsreader.ingest.byline import clean_byline, find_byline
from newsreader.ingest._textpage_meta import (breadcrumb, category_from_crumbs, crumb_names, find_date,
                                              is_caption, section_crumbs, yearless_date)

# "Humidity: 85%", "Wind: 12 km/h": a label and a short value, as in info boxes.
_LABEL_VALUE = re.compile(r"^[^:]{1,25}:\s*\S+(?:\s+\S+){0,3}$")
_HEAD_WINDOW = 10  # how far above the body the headline may sit
# Label lines that sit between a headline and its body: tags, a review's facts.
_FACT = re.compile(r"^(?:tags?|topics?|filed under|director|cast|starring|running time|certificate|"
                   r"rating|genre|read time|reading time)\s*:", re.I)


@dataclass
class Head:
    title: str | None = None
    title_index: int | None = None
    byline: str | None = None
    published: datetime | None = None
    category: str | None = None
    crumbs: tuple[str, ...] = ()  # the breadcrumb's sections, the category's among them


def _title_like(ln: Line) -> bool:
    text = ln.text
    if ln.shape in (BOILER, META) or not 2 <= ln.words <= 30 or len(text) > 250:
        return False
    if text.endswith((".", ":", ",")) and not text.endswith("..."):
        return False
    if _LABEL_VALUE.match(text) or is_caption(text) or breadcrumb(text) or _bar_like(text):
        return False
    first = text.lstrip("\"'“‘«")[:1]
    return first.isupper() or first.isdigit()


def _bar_like(text: str) -> bool:
    """A section bar, ticker or deals strip: items split by bars, or words in capitals
    ("FILM TV MUSIC BOOKS", "MARKETS Dow 41,208 ▲ 0.3% | ...")."""
    if " | " in text or " ▲" in text or " ▼" in text:
        return True
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    caps = sum(1 for w in words if w.isupper() and len(w) > 1)
    return len(words) >= 3 and caps >= 0.6 * len(words)


def _find_title(lines: list[Line], s: int) -> int | None:
    """The headline: a breadcrumb's last crumb if it names a line, else the heading
    right under the breadcrumb, else the best heading above the body."""
    crumb_at = None
    for i in range(s):
        crumbs = breadcrumb(lines[i].text)
        if not crumbs:
            continue
        crumb_at = i
        for j in range(i + 1, s):
            if crumb_names(crumbs[-1], lines[j].text):
                return j
    if crumb_at is not None:
        j = crumb_at + 1
        while j < s and breadcrumb(lines[j].text):
            j += 1  # a second trail ("Blog › Engineering" under "Blog / Engineering / ...")
        while j < s and _bar_like(lines[j].text):
            j += 1  # a section bar or a deals strip under the trail
        if j < s and _title_like(lines[j]) and lines[j].words >= 3 and lines[j].shape != SENTENCE:
            return j
    best, best_score = None, float("-inf")
    for i in range(s - 1, max(-1, s - 1 - _HEAD_WINDOW), -1):
        ln = lines[i]
        if ln.shape == BOILER and ln.words <= 6 and i >= s - 3:
            continue  # a share bar or "Listen · 5 min" between the headline and the body
        if ln.shape == BOILER or (ln.repeated and ln.words <= 3) or breadcrumb(ln.text):
            break
        if _title_like(ln) and ln.words >= 3:
            # The longest heading wins (ties go to the higher one); a line that
            # reads as a sentence is more likely a standfirst.
            score = ln.words - (2.0 if ln.shape == SENTENCE else 0.0)
            if score >= best_score:
                best, best_score = i, score
        elif ln.shape == SENTENCE and ln.words > 45:
            break
        elif _LABEL_VALUE.match(ln.text) and ln.shape != META and not _FACT.match(ln.text):
            break
    if best is not None and best > 0:
        up = lines[best - 1]
        if _title_like(up) and up.words >= 4 and up.shape != SENTENCE and best - 1 >= s - 1 - _HEAD_WINDOW:
            return best - 1  # two headings one above the other: the headline, then its standfirst
    if best is None and s < len(lines) - 1:
        first = lines[s]  # a long headline without a full stop can open the stretch itself
        if not first.terminal and _title_like(first) and first.words >= 4 and lines[s + 1].shape in (SENTENCE, META):
            return s
    return best


def read_head(lines: list[Line], s: int, e: int) -> Head:
    """Title, date, byline and section from the lines around the body stretch [s, e]."""
    head = Head()
    head.title_index = find_headline(lines, s, e)
    if head.title_index is None:
        head.title_index = _find_title(lines, s)
    if head.title_index is not None:
        head.title = lines[head.title_index].text
    top = head.title_index if head.title_index is not None else s
    # Nearest the headline first: below it (a byline's date under a standfirst that
    # opens the stretch too), then above it (a weather box's "today"), then the body's
    # own date lines, then the foot of the article. Dates inside prose never count.
    order = [*range(top + 1, s), *[i for i in range(s, min(e, s + 4) + 1) if lines[i].shape != SENTENCE]]
    order += [*range(top, -1, -1), *[i for i in range(s + 5, e + 1) if lines[i].shape == META]]
    order += range(e + 1, min(len(lines), e + 16))
    for i in order:
        short = lines[i].words <= 15 or (lines[i].shape != SENTENCE and lines[i].words <= 25)
        if short and (when := find_date(lines[i].text)):
            head.published = when
            break
    else:
        # a byline's day without its year ("March 18 at 3:57 PM") under the headline
        page = [ln.text for ln in lines]
        head.published = next((when for i in range(top + 1, min(e, s + 4) + 1)
                               if lines[i].shape != SENTENCE and lines[i].words <= 15
                               and (when := yearless_date(lines[i].text, page))), None)
    # Below the headline any byline form counts ("Name, Role", "Name · date", a name over
    # its role); above it, only a "By ..." line (a masthead over a date is no byline).
    below = [ln.text for ln in lines[top + 1 if head.title_index is not None else s : s]]
    below += [ln.text for ln in lines[s : min(e, s + 3)] if ln.shape != SENTENCE]
    head.byline = find_byline(below) or next(
        (clean_byline(ln.text) for ln in lines[max(0, top - 5) : top] if is_byline(ln.text)), None)
    # (a long trail can read as a sentence and open the stretch above its headline)
    for ln in lines[: max(s, head.title_index or 0)]:
        crumbs = breadcrumb(ln.text)
        if crumbs:
            head.category = category_from_crumbs(crumbs, head.title or "")
            if head.category:
                head.crumbs = tuple(section_crumbs(crumbs, head.title or ""))
                break
    return head
