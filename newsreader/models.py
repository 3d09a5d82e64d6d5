"""Frozen dataclasses shared by every layer.

Parser output (``Parsed*``) is kept apart from what the store returns
(``Feed``, ``Article``, ``ArticleSummary``): the store never hands out rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


# --- what the parsers produce -------------------------------------------------


@dataclass(frozen=True)
class Enclosure:
    """A file attached to an entry (a podcast episode, a video): shown, never fetched."""

    url: str  # an absolute http(s) URL
    type: str = ""  # the MIME type the feed gives, "" when none
    length: int | None = None  # bytes, when the feed gives a plausible number


@dataclass(frozen=True)
class ParsedArticle:
    """One article as read from a feed entry or a saved page."""

    title: str
    body: str  # clean plain text, paragraphs separated by a blank line ("\n\n")
    guid: str | None = None
    link: str | None = None
    byline: str | None = None
    published: datetime | None = None  # timezone-aware UTC, None when unknown
    categories: tuple[str, ...] = ()  # the entry's own categories / breadcrumb
    tags: tuple[str, ...] = ()  # every keyword tag the entry carries
    summary: str = ""
    links: tuple[str, ...] = ()  # links found in the body, kept beside it
    html: str | None = None  # the original HTML, if any
    enclosures: tuple[Enclosure, ...] = ()
    site: str | None = None  # a saved page: the outlet it names ("The Guardian", "bbc.com")
    # the body is known to be what clean_text makes of it (its parser says so), so
    # pipeline.prepare does not look at every character of it again
    body_clean: bool = field(default=False, compare=False, repr=False)


@dataclass(frozen=True)
class ParsedFeed:
    """A feed document: its metadata and entries."""

    title: str
    kind: str  # "rss" | "atom" | "json"
    articles: tuple[ParsedArticle, ...]
    link: str | None = None  # the site's home page
    warnings: tuple[str, ...] = ()  # non-fatal problems (e.g. bozo XML recovered)


@dataclass(frozen=True)
class Subscription:
    """One outline of an OPML file."""

    url: str
    title: str | None = None
    category: str | None = None
    site: str | None = None
    full_text: bool | None = None  # fetch each item's web page (None: decide by the feed)


# --- analysis ----------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A quotation or interview turn; offsets index into the article body.

    ``start``/``end`` cover the quoted content without its marks.
    ``speaker_start``/``speaker_end`` cover the mention the attribution rests
    on (a name, pronoun or role), or are None.
    """

    start: int
    end: int
    kind: str  # "quote" | "turn"
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None


# --- what the store returns --------------------------------------------------


@dataclass(frozen=True)
class Feed:
    id: int
    url: str  # a URL, or the absolute path of a file
    title: str
    category: str | None
    site: str | None = None
    enabled: bool = True
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    failures: int = 0
    retry_after: datetime | None = None
    full_text: bool | None = None  # fetch each item's page: None decides by the feed's bodies
    article_count: int = 0
    unread_count: int = 0
    subscribed: bool = True  # False: a source files were imported from, not read again by refresh
    own_title: str | None = None  # what the feed calls itself (``title`` is the name shown); None: the title
    renamed: bool = False  # ``title`` is the user's own name for it


@dataclass(frozen=True)
class ArticleSummary:
    """A row of the article list: what a list or ``list --json`` needs."""

    id: int
    title: str
    category: str
    source: str
    published: datetime
    read: bool
    favourite: bool
    feed_title: str | None = None
    feed_id: int | None = None
    estimated: bool = False  # the feed gave no date: ``published`` is a place from its order
    rank: float | None = None  # listed by relevance: FTS5's bm25 rank, lower is better
    story_id: int | None = None  # the story the article is part of (newsreader.store.stories)
    story_outlets: int = 0  # how many outlets tell that story, this one included


@dataclass(frozen=True)
class Article:
    id: int
    title: str
    body: str
    category: str
    source: str
    published: datetime
    published_estimated: bool
    imported_at: datetime
    feed_id: int | None = None
    feed_title: str | None = None
    guid: str | None = None
    link: str | None = None
    byline: str | None = None
    tags: tuple[str, ...] = ()
    summary: str = ""
    links: tuple[str, ...] = ()
    html: str | None = None
    feed_subscribed: bool = False  # its feed is read again by refresh (not a file imported once)
    enclosures: tuple[Enclosure, ...] = ()
    page_html: str | None = None  # the article's web page, when its full text was fetched
    full_text: str | None = None  # None: not fetched; "ok"; or why the fetch failed
    content_hash: str = ""
    read: bool = False
    read_at: datetime | None = None
    favourite: bool = False
    favourite_at: datetime | None = None
    quotes: tuple[Quote, ...] = field(default=())


@dataclass(frozen=True)
class ArticleTerms:
    """What a stored article's category is chosen from (``Store.article_terms``)."""

    id: int
    feed_id: int | None
    category: str
    sections: tuple[str, ...] | None  # None: stored before the entry's own categories were kept
    tags: tuple[str, ...] = ()
    link: str | None = None
    enclosures: tuple[Enclosure, ...] = ()


@dataclass(frozen=True)
class CategoryCount:
    name: str
    total: int
    unread: int


@dataclass(frozen=True)
class SpeakerCount:
    name: str
    quotes: int
    articles: int


@dataclass(frozen=True)
class SavedView:
    """A named filter expression, listed with the categories."""

    name: str
    expr: str


# --- stories -----------------------------------------------------------------


@dataclass(frozen=True)
class StoryText:
    """What grouping reads of an article: headline, lead and time (``Store.story_texts``)."""

    id: int
    title: str
    lead: str  # the start of the body (or the summary when the body is empty)
    published: datetime
    estimated: bool  # the date is a guess (an undated page): any time is near it
    story_id: int | None = None
    outlet: str | None = None  # the feed's or page's site, as a story counts its outlets


@dataclass(frozen=True)
class StoryArticle:
    """One outlet's article in a story."""

    id: int
    title: str
    outlet: str  # the feed's or page's site name
    published: datetime
    length: int  # words in the body
    read: bool = False
    feed_id: int | None = None
    estimated: bool = False  # undated: ``published`` is only where it is filed


@dataclass(frozen=True)
class Story:
    """Articles of several outlets on one event, oldest first."""

    id: int
    title: str
    first: datetime
    last: datetime
    articles: tuple[StoryArticle, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        """Each outlet once, in the order its first article came."""
        return tuple(dict.fromkeys(a.outlet for a in self.articles))
