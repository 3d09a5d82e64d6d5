"""Read an article out of a page saved as plain text.

A saved page keeps all of a site's furniture: menus, weather boxes,
breadcrumbs, share bars, author blurbs, newsletter and cookie notices,
comment prompts. The article is the longest stretch of prose in it. Each
line gets a score (prose gains by its length, chrome loses), the best-scoring
contiguous stretch is the body, and its edges are then corrected: headings
and furniture trimmed off the ends, a standfirst or an author blurb cut,
colon-introduced lists kept. Title, date and breadcrumb come from the lines
above the body. Everything is one or two linear passes over the lines.
"""

from __future__ import annotations

import re
import unicodedata

from newsreader.errors import IngestError
from newsreader.ingest import _textpage_head as head
from newsreader.ingest._textpage_lines import BOILER, BULLET, HEADING, META, SENTENCE, Line, classify, split_lines
from newsreader.ingest._textpage_meta import is_date_line
from newsreader.ingest._textpage_stretch import (ABOUT_LABEL, END_LABEL, anchor, best_stretch, join_gaps,
                                                 split_at_gaps)
from newsreader.ingest._textpage_title import headline_scores, headline_strength
from newsreader.ingest._textpage_zones import comment_lines, teaser_lines
from newsreader.ingest.byline import tail_byline
from newsreader.ingest.site import host_name, split_title_bar, text_page_site
from newsreader.models import ParsedArticle
from newsreader.text import clean_line, clean_text, strip_unsafe

# Terminal escape sequences in a saved text page (a captured terminal): strip_unsafe
# removes whole only the terminated ones, while here an OSC cut short (no BEL or ESC \\)
# also goes, with up to 512 characters of its title.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,512}(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]")
_BIO = re.compile(
    r"\b(?:writers?|journalists?|reporters?|correspondents?|editors?|columnists?|"
    r"contributors?|authors?|freelance|staff|has written|covers)\b",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([^)]{1,30}\))?\s*[-—–]")
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|leave a (?:comment|reply)|"
    r"post a comment|add a comment|add your comment|join the (?:discussion|conversation)|"
    r"show comments|view comments|discussion)\b",
    re.I,
)


_TAIL = 8  # lines under the article where a signature may stand
_CONTENT = re.compile(r"[^\W\d_]{4,}")
# Long function words that say nothing about a story's topic.
_COMMON = frozenset(
    "that this with from have were will been they their them there which would could should "
    "about after before into over than then when what where while also more most some such "
    "only other these those very just like your said says year years"
    .split()
)


def _content_words(text: str) -> set[str]:
    return {w for w in _CONTENT.findall(text.lower()) if w not in _COMMON}


def _cut_off_topic_tail(lines: list[Line], s: int, e: int, title: str | None) -> int:
    """End the body before trailing prose that shares nothing with the story.

    The topic is the headline's words plus the words that recur across the
    first half of the body; a closing run of prose (a teaser for another
    story, reader comments, a publisher's blurb, legal text) that comes
    after a break (a label, a name, a heading) and hardly touches the topic
    is not the article.
    """
    prose = [i for i in range(s, e + 1) if lines[i].shape == SENTENCE]
    if len(prose) < 4:
        return e
    seen: dict[str, int] = {}
    for i in prose[: (len(prose) + 1) // 2]:
        for w in _content_words(lines[i].text):
            seen[w] = seen.get(w, 0) + 1
    topic = {w for w, n in seen.items() if n >= 2} | _content_words(title or "")
    if len(topic) < 5:
        return e
    cut = e
    kept_words = sum(lines[i].words for i in prose)
    tail_words = 0
    for i in range(e, s, -1):
        ln = lines[i]
        if ln.shape == SENTENCE:
            if len(_content_words(ln.text) & topic) >= 2:
                break
            tail_words += ln.words
        elif lines[i - 1].shape != SENTENCE or ln.words <= 6:
            if tail_words and 2 * tail_words < kept_words:
                cut = i - 1
    return cut


def _sanitize(text: str) -> str:
    text = _ANSI.sub("", text)
    return strip_unsafe(unicodedata.normalize("NFC", text))


def _trim(lines: list[Line], s: int, e: int) -> tuple[int, int]:
    """Drop headings and furniture from both ends of a stretch."""
    while s <= e and lines[s].shape != SENTENCE:
        s += 1
    while e >= s and lines[e].shape != SENTENCE:
        e -= 1
    return s, e


def _extend_list(lines: list[Line], e: int) -> int:
    """Keep a list that the last paragraph introduces with a colon."""
    if e + 1 < len(lines) and lines[e + 1].text.endswith(":") and lines[e + 1].shape == SENTENCE:
        e += 1  # a short lead-in ("Times from Monday:") scores below zero on its own
    if not lines[e].text.endswith(":"):
        return e
    j = e + 1
    while j < len(lines) and lines[j].shape not in (BOILER, META) and lines[j].words <= 40:
        ln = lines[j]
        if ln.repeated or END_LABEL.match(ln.text) or (j > e + 1 and ln.gap_before > 2):
            break
        j += 1
    return j - 1


def _cut_blurb(lines: list[Line], s: int, e: int) -> int:
    """End the body before a comment thread, an author blurb or an "about the author" box."""
    prose_before, total = 0, sum(ln.words for ln in lines[s : e + 1] if ln.shape == SENTENCE)
    for i in range(s + 1, e + 1):
        # Comment threads are prose too, but they follow a header such as "12 Comments".
        # A bare "Comments" may be a share-bar button near the top of the article,
        # so it only cuts when most of the prose lies above it.
        ln = lines[i]
        if ln.words <= 5 and _COMMENTS.match(ln.text):
            if ln.words > 1 or 2 * prose_before >= total - prose_before:
                return i - 1
        # "Up next", "Related stories": what follows is other stories, unless most of the
        # article is still to come (a box of links inside it)
        if ln.words <= 5 and END_LABEL.match(ln.text) and prose_before >= 3 * (total - prose_before):
            return i - 1
        if ln.shape == SENTENCE:
            prose_before += ln.words
    for i in range(max(s + 1, e - 6), e + 1):
        ln = lines[i]
        if ABOUT_LABEL.match(ln.text):
            return i - 1
        nxt = lines[i + 1] if i + 1 <= e else None
        if (
            nxt is not None
            and ln.shape != SENTENCE
            and 2 <= ln.words <= 5
            and all(w[:1].isupper() for w in ln.text.split())
            and _BIO.search(" ".join(nxt.text.split()[:20]))
        ):
            return i - 1
    return e


def _skip_standfirst(lines: list[Line], title: int | None, s: int, e: int) -> tuple[int, str]:
    """Move the start past a standfirst: a short sentence set apart from the body."""
    if title is None or s - title > 2 or s >= e:
        return s, ""
    first, nxt = lines[s], lines[s + 1]
    # A wire dateline ("PARIS (AP) —") opens the story itself.
    if first.words > 30 or first.turn or _DATELINE.match(first.text):
        return s, ""
    if nxt.shape == SENTENCE and nxt.gap_before < 2:
        return s, ""
    j = s + 1
    while j <= e and lines[j].shape != SENTENCE:
        j += 1
    return (j, first.text) if j <= e else (s, "")


def _skip_head_block(lines: list[Line], s: int, e: int) -> int:
    """Start below a date or byline that sits among the first short lines of the stretch.

    A dateline block closes the page head, so the short promos and
    standfirsts above it are not article text.
    """
    start = s
    for i in range(s, min(e, s + 6) + 1):
        ln = lines[i]
        if ln.shape == META:
            start = i + 1
        elif ln.shape == SENTENCE and ln.words > 30:
            break
    return start


def _body_lines(lines: list[Line], s: int, e: int, skip: set[int]) -> list[str]:
    """The kept lines of the stretch: furniture inside it, related-link lists and the gaps
    of furniture it was joined across dropped."""
    out: list[str] = []
    in_related = False
    for ln in lines[s : e + 1]:
        if ln.index in skip:
            continue
        if END_LABEL.match(ln.text):
            in_related = True
            continue
        # Teaser headlines after a "Related" label end without punctuation.
        if in_related and not ln.terminal:
            continue
        in_related = False
        if ln.shape in (BOILER, META) or head.is_caption(ln.text):
            continue
        if ln.repeated and ln.shape != SENTENCE:
            continue  # "Media playback is unsupported", a share bar: chrome said twice
        out.append(ln.text)
    return out


_LOOSE_WORDS = 8  # a line this long may be the text of a page that has no full sentence


def _has_prose(lines: list[Line]) -> bool:
    return any(ln.shape == SENTENCE and ln.terminal and ln.score > 0 for ln in lines)


def _loosen(lines: list[Line]) -> None:
    """Read the longer plain lines of a page without a finished sentence as its prose, so a
    short post or a release whose sentences run on is read, not refused; a page of menus
    and notices alone still has none."""
    for ln in lines:
        if ln.shape in (HEADING, BULLET, SENTENCE) and ln.words >= _LOOSE_WORDS and not ln.repeated:
            ln.shape, ln.terminal, ln.score = SENTENCE, True, max(ln.score, ln.words - 6.0)
    if not _has_prose(lines):
        raise IngestError("no article text found")


def parse_text_page(text: str, source: str | None = None) -> ParsedArticle:
    """Read the article out of a page dump saved as plain text.

    Returns title, body (article paragraphs only, joined by blank lines),
    published date (UTC; midnight when the page gives no time), byline and
    the breadcrumb's section as the only category (its other crumbs as tags). ``source`` is the page's
    URL or file name; a URL is kept as the article's link. Raises
    ``IngestError`` when the text holds no article prose.
    """
    text = _sanitize(text or "")
    lines = split_lines(text)
    for ln in lines:
        classify(ln, is_date_line)
        if head.is_caption(ln.text) and ln.shape == SENTENCE:
            ln.score = -4.0
    for i in comment_lines(lines) | teaser_lines(lines):
        # a reader's comment or a teaser for another story reads like the article:
        # only the structure of the thread or of the card list tells
        lines[i].shape, lines[i].score = BOILER, -abs(lines[i].score) - 2.0
    if not _has_prose(lines):
        _loosen(lines)  # a short post, a press release without full stops
    s, e = _trim(lines, *split_at_gaps(lines, *best_stretch(lines)))
    if s > e:
        raise IngestError("no article text found")
    s, e = _trim(lines, s, _cut_blurb(lines, s, e))
    s, e, skip = join_gaps(lines, s, e)
    s, e = _trim(lines, s, _cut_blurb(lines, s, e))
    scored = headline_scores(lines, s, e)  # weighed once: the anchor and the head both read them
    if headed := anchor(lines, s, e, headline_strength(scored)):
        s, e, skip = join_gaps(lines, *_trim(lines, *headed))
        s, e = _trim(lines, s, _cut_blurb(lines, s, e))
        scored = None  # another stretch: its own candidates
    if s > e:
        raise IngestError("no article text found")
    meta = head.read_head(lines, s, e, scored)
    if meta.title_index is not None and s <= meta.title_index < e:
        s, e = _trim(lines, meta.title_index + 1, e)
    if meta.title:
        # the headline again in a share line ("Share all sharing options for: <headline>")
        skip |= {i for i in range(s, e + 1) if lines[i].text.endswith(meta.title)}
    s, e = _trim(lines, s, _cut_off_topic_tail(lines, s, e, meta.title))
    s, standfirst = _skip_standfirst(lines, meta.title_index, s, e)
    s, e = _trim(lines, _skip_head_block(lines, s, e), e)
    e = _extend_list(lines, e)
    body = clean_text("\n\n".join(_body_lines(lines, s, e, skip)))
    if not body:
        raise IngestError("no article text found")
    headline = split_title_bar(meta.title)[0]  # the bar's site is read with the others below
    title = headline or clean_line(body.split("\n", 1)[0])[:120]
    byline = meta.byline or tail_byline([ln.text for ln in lines[e + 1 : e + 1 + _TAIL]])
    link = source if source and re.match(r"https?://", source) else None
    chrome = [ln.text for ln in lines[:s]] + [ln.text for ln in lines[e + 1:]]
    site = text_page_site(text, headline, chrome) or host_name(link)
    return ParsedArticle(
        title=clean_line(title),
        body=body,
        link=link,
        byline=byline,
        published=meta.published,
        categories=(clean_line(meta.category),) if meta.category else (),
        tags=tuple(clean_line(c) for c in meta.crumbs),  # the rest of the trail, for the category
        summary=clean_line(standfirst),
        site=site,
    )
