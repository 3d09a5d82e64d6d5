"""The head of a saved page: title, date, byline and breadcrumb above the body."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsreader.ingest._textpage_lines import META, SENTENCE, Line, is_byline
from newsreader.ingest._textpage_title import Scored, find_headline, without_buttons
from newsreader.ingest.byline import clean_byline, find_byline
from newsreader.ingest._textpage_meta import (breadcrumb, category_from_crumbs, find_date, is_caption,
                                              section_crumbs, yearless_date)

__all__ = ["Head", "is_caption", "read_head"]


@dataclass
class Head:
    title: str | None = None
    title_index: int | None = None
    byline: str | None = None
    published: datetime | None = None
    category: str | None = None
    crumbs: tuple[str, ...] = ()  # the breadcrumb's sections, the category's among them


_NEAR = 12  # lines either side of the headline where the page may give it bare


def unglued(lines: list[Line], i: int) -> str:
    """The headline without a breadcrumb or kicker run into its front ("HomeNewsPortugal
    emerges ...", '"A quote"Headline'), when the page gives the bare headline on a line nearby."""
    text = without_buttons(lines[i].text)
    for j in range(max(0, i - _NEAR), min(len(lines), i + _NEAR + 1)):
        bare = lines[j].text
        if j != i and lines[j].words >= 3 and len(bare) < len(text) and text.endswith(bare):
            front = text[: len(text) - len(bare)]
            # a label the writer set before the headline with a colon ("Series: Headline")
            # is part of it, where a crumb is run in without one
            if len(front.split()) <= 4 and len(front) <= 40 and not front.rstrip().endswith(":"):
                return bare
    return text


def read_head(lines: list[Line], s: int, e: int, scored: Scored | None = None) -> Head:
    """Title, date, byline and section from the lines around the body stretch [s, e]
    (``scored``: its headline candidates, when already weighed)."""
    head = Head()
    head.title_index = find_headline(lines, s, e, scored)
    if head.title_index is not None:
        head.title = unglued(lines, head.title_index)
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
        near = [lines[i].text for i in range(top + 1, min(e, s + 4) + 1)
                if lines[i].shape != SENTENCE and lines[i].words <= 15]
        head.published = yearless_date(near, [ln.text for ln in lines])
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
