"""A small JSON Feed 1.0/1.1 reader (feedparser 6.0.14 has none).

Every field is type-checked: a value of the wrong type is treated as
absent, never trusted. See https://www.jsonfeed.org/version/1.1/.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timezone

from newsreader.errors import IngestError
from newsreader.ingest.htmltext import absolute_url, enclosures, first_words, html_to_text, unique
from newsreader.models import Enclosure, ParsedArticle, ParsedFeed
from newsreader.text import clean_line, clean_text

_VERSION = re.compile(r"^https?://(?:www\.)?jsonfeed\.org/version/(1(?:\.\d+)?)/?$", re.IGNORECASE)
UNTITLED = "(untitled)"
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,30});")


def _text_title(value) -> str | None:
    """A title: plain text by the spec, but some publishers write HTML character
    references in it ("&#8216;Jokes&#8217;"); those are read as the characters."""
    text = _str(value)
    return html.unescape(text) if text and "&" in text and _ENTITY.search(text) else text


def _str(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _id(value) -> str | None:
    # 1.0 feeds often use numbers; the spec says to read them as strings
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(value)
    return _str(value)


def parse_date(value) -> datetime | None:
    """An RFC 3339 date as aware UTC; None when missing or unreadable."""
    text = _str(value)
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    try:
        return when.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None


def _authors(obj: dict) -> list[str]:
    found = obj.get("authors")
    if not isinstance(found, list):
        found = [obj.get("author")]  # JSON Feed 1.0
    names = []
    for author in found:
        if isinstance(author, dict):
            names.append(clean_line(_str(author.get("name"))))
    return [n for n in names if n]


def _item(item: dict, base: str | None, feed_authors: list[str]) -> ParsedArticle | None:
    link = absolute_url(_str(item.get("url")), base)
    html = _str(item.get("content_html"))
    text = _str(item.get("content_text"))
    summary_raw = _str(item.get("summary"))
    links: tuple[str, ...] = ()
    if html:
        body, links = html_to_text(html, link or base)
    else:
        body = clean_text(text)
    summary = html_to_text(summary_raw, link or base, numbered=False)[0] if summary_raw else ""
    if not body:
        body = summary
    title = clean_line(_text_title(item.get("title")))
    if not title and not body and not link:
        return None
    external = absolute_url(_str(item.get("external_url")), base)
    if external and external not in links:
        links += (external,)  # last: the body's "[n]" stays links[n - 1]
    tags = unique(clean_line(t) for t in item.get("tags") or () if isinstance(t, str))
    return ParsedArticle(
        title=title or first_words(body) or link or UNTITLED,
        body=body,
        guid=clean_line(_id(item.get("id"))) or None,
        link=link,
        byline=", ".join(unique(_authors(item) or feed_authors)) or None,
        published=parse_date(item.get("date_published")) or parse_date(item.get("date_modified")),
        categories=tags[:3],
        tags=tags,
        summary=summary,
        links=links,
        enclosures=_attachments(item.get("attachments"), link or base),
    )


def _attachments(found, base: str | None) -> tuple[Enclosure, ...]:
    """JSON Feed attachments: url, mime_type and size_in_bytes, each type-checked."""
    if not isinstance(found, list):
        return ()
    found = [(_str(a.get("url")), _str(a.get("mime_type")), a.get("size_in_bytes"))
             for a in found if isinstance(a, dict)]
    return enclosures(found, base)


def load_json(data: bytes):
    """``json.loads`` with every failure turned into IngestError."""
    try:
        return json.loads(data)
    except RecursionError:
        raise IngestError("not valid JSON: nested too deeply") from None
    except UnicodeDecodeError:
        raise IngestError("not valid JSON: not UTF-8 text") from None
    except ValueError as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise IngestError(f"not valid JSON{where}: {reason}") from None


def parse_json_feed(data: bytes, source: str = "") -> ParsedFeed:
    """Read a JSON Feed document into a ParsedFeed (kind "json").

    Accepts version URLs of 1.x over http or https. Raises IngestError for
    invalid JSON, JSON that is not a JSON Feed, or a feed whose items all
    lack a title, content and link.
    """
    doc = load_json(data)
    if not isinstance(doc, dict):
        raise IngestError("not a feed: JSON but not a JSON Feed (top level is not an object)")
    version = _str(doc.get("version")) or ""
    items = doc.get("items")
    warnings: list[str] = []
    match = _VERSION.match(version.strip())
    if not match:
        if "rss" in doc:
            raise IngestError("not a feed: RSS written as JSON, not a JSON Feed")
        raise IngestError("not a feed: JSON without a jsonfeed.org version")
    if not version.startswith("https://"):
        warnings.append(f"non-standard JSON Feed version URL {clean_line(version)!r}")
    if not isinstance(items, list):
        raise IngestError("not a feed: JSON Feed without an items list")
    site = absolute_url(_str(doc.get("home_page_url")))
    feed_url = absolute_url(_str(doc.get("feed_url")))
    base = site or feed_url or absolute_url(source)
    feed_authors = _authors(doc)
    articles = []
    for item in items:
        article = _item(item, base, feed_authors) if isinstance(item, dict) else None
        if article is not None:
            articles.append(article)
    skipped = len(items) - len(articles)
    if items and not articles:
        raise IngestError("not a feed: no JSON Feed item has a title, content or link")
    if skipped:
        warnings.append(f"{skipped} item(s) skipped: no title, content or link")
    return ParsedFeed(
        title=clean_line(_text_title(doc.get("title"))) or site or clean_line(source) or UNTITLED,
        kind="json",
        articles=tuple(articles),
        link=site,
        warnings=tuple(warnings),
    )
