"""RSS, Atom and JSON Feed documents to ParsedFeed, from bytes only.

feedparser reads the XML formats; it is always handed a byte stream so it
never fetches a URL or opens a path. Before that, the document's DOCTYPE is
defused (see ``defuse_doctype``) so no external entity is ever looked up and
no entity expands without bound.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone

import feedparser

from newsreader.errors import IngestError
from newsreader.ingest import detect, fastfeed
from newsreader.ingest.dates import in_feed_zone, parse_date
from newsreader.ingest.htmltext import (
    absolute_url,
    enclosures,
    first_words,
    html_to_clean_text,
    looks_like_html,
    scrub,
    unique,
)
from newsreader.ingest.jsonfeed import UNTITLED, parse_json_feed
from newsreader.models import Enclosure, ParsedArticle, ParsedFeed
from newsreader.text import clean_line, clean_text

_MAX_ENTITY_EXPANSION = 1_000_000  # characters a kept internal entity may add in total
_PROLOG_SKIP = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+([^\s\[>]+)[^\[>]*(\[)?", re.IGNORECASE)
_SUBSET_END = re.compile(rb"\]\s*>")
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?([^\s>]+)\s+(.*?)>", re.DOTALL)
_LITERAL = re.compile(rb"""^(["'])((?:[^&%<"']|&#x?[0-9a-fA-F]{1,6};)*)\1\s*$""")
_EMAIL = re.compile(r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DECL_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""")
# category schemes that are keyword taxonomies rather than the entry's own section
_KEYWORD_SCHEME = re.compile(r"keyword|itunes|/tags?\b|subject", re.IGNORECASE)
_MEDIA = ("audio", "video")


def _to_utf8(data: bytes) -> bytes:
    """UTF-16/32 documents re-encoded as UTF-8, so the DOCTYPE can be read as bytes."""
    enc = detect.text_encoding(data)
    if not enc or enc == "utf-8":
        return data
    text = data.decode(enc, "replace").lstrip("\ufeff")
    return _DECL_ENCODING.sub(r"\g<1>utf-8", text, count=1).encode("utf-8")


def defuse_doctype(data: bytes) -> tuple[bytes, list[str]]:
    """Remove dangerous entity declarations from the DOCTYPE of an XML document.

    Kept: general entities whose value is short literal text and whose total
    expansion is bounded. Dropped: external (SYSTEM/PUBLIC) and parameter
    entities, entities defined through other entities, large ones. Returns
    the new bytes and a warning when anything was dropped.
    """
    pos = 0
    while (m := _PROLOG_SKIP.match(data, pos)) and m.end() > pos:
        pos = m.end()
    while pos < len(data) and data[pos : pos + 1].isspace():
        pos += 1
    doctype = _DOCTYPE.match(data, pos)
    if not doctype or not doctype.group(2):
        return data, []  # no DOCTYPE, or one without an internal subset
    end = _SUBSET_END.search(data, doctype.end())
    if not end:
        return data, ["unterminated DOCTYPE"]
    subset = data[doctype.end() : end.start()]
    rest = data[end.end() :]
    kept, dropped = [], 0
    for decl in _ENTITY.finditer(subset):
        param, name, value = decl.groups()
        literal = _LITERAL.match(value)
        ok = not param and literal and len(kept) < 64
        if ok:
            refs = rest.count(b"&" + name + b";")
            ok = len(literal.group(2)) * max(refs, 1) <= _MAX_ENTITY_EXPANSION
        if ok:
            kept.append(b"<!ENTITY " + name + b" " + value.strip() + b">")
        else:
            dropped += 1
    warnings = [f"{dropped} unsafe entity declaration(s) removed from the DOCTYPE"] if dropped else []
    head = b""
    if kept:
        head = b"<!DOCTYPE " + doctype.group(1) + b" [\n" + b"\n".join(kept) + b"\n]>"
    return data[:pos] + head + rest, warnings


def _when(entry) -> datetime | None:
    """The entry's date as written (naive without a zone), read by ingest/dates.py;
    one it cannot read as feedparser read it (UTC), when feedparser read the feed."""
    for key in ("published", "updated", "created"):
        raw = dict.get(entry, key)  # plain lookup: skips feedparser's deprecated key aliasing
        when = parse_date(raw) if isinstance(raw, str) else None
        parsed = dict.get(entry, key + "_parsed")
        if when is None and parsed:
            try:
                when = datetime(*parsed[:6], tzinfo=timezone.utc)
            except (TypeError, ValueError, OverflowError):
                continue
        if when is not None and 1900 <= when.year <= 2200:
            return when
    return None


def _text(value: str | None, detail, base: str | None,
          numbered: bool = False) -> tuple[str, tuple[str, ...]]:
    """(plain text, links) of a feedparser text construct (see ``_read_text``)."""
    return _read_text(value, detail, base, numbered)[:2]


def _read_text(value: str | None, detail, base: str | None,
               numbered: bool = False) -> tuple[str, tuple[str, ...], bool]:
    """(plain text, links) of a feedparser text construct; ``numbered`` puts each
    link's number in the text (a body's, not a title's). The markup itself is not
    kept: the text and links are the article as it is read, and a copy of its
    HTML would double the library's size (and sanitising it for storage cost a
    third of a feed's parsing)."""
    if not value:
        return "", (), True
    # feedparser copies content into `summary` without a detail: judge by the text
    kind = (detail or {}).get("type") or ("text/html" if looks_like_html(value) else "text/plain")
    if "html" in kind:
        return html_to_clean_text(value, (detail or {}).get("base") or base, numbered=numbered)
    return clean_text(scrub(value)), (), True


def _person(text: str | None) -> str:
    """A display name from "name", "email (Name)" or "Name <email>"."""
    text = _EMAIL.sub("", clean_line(scrub(text or "")))
    text = re.sub(r"\(\s*\)|<\s*>|\[\s*\]", "", text).strip()
    if text[:1] == "(" and text[-1:] == ")":
        text = text[1:-1]
    return clean_line(text)


def _byline(entry) -> str | None:
    authors = [a for a in entry.get("authors") or () if isinstance(a, dict)]
    if len(authors) > 1:
        names = [_person(a.get("name")) for a in authors]
    else:
        # feedparser splits "email (Name)" itself and cuts long domains short
        names = [_person(entry.get("author") or (authors[0].get("name") if authors else ""))]
    return ", ".join(unique(n for n in names if n)) or None


def _string(value) -> str:
    """A text field of feedparser's, or "" (an odd document can leave a dict there)."""
    return value if isinstance(value, str) else ""


def _terms(entry) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the entry's own categories, every tag) in document order."""
    # feedparser files media:keywords among the tags too; they are keywords, not sections
    keywords = [clean_line(scrub(k)) for key in ("media_keywords", "itunes_keywords")
                for k in _string(entry.get(key)).split(",")]
    keyword_set = {k.casefold() for k in keywords if k}
    own, every = [], []
    for tag in entry.get("tags") or ():
        term = clean_line(scrub(tag.get("term") or tag.get("label") or ""))
        if not term:
            continue
        every.append(term)
        if not _KEYWORD_SCHEME.search(tag.get("scheme") or "") and term.casefold() not in keyword_set:
            own.append(term)
    return unique(own), unique(every + keywords)


def _enclosures(entry, base: str | None) -> tuple[Enclosure, ...]:
    """RSS <enclosure> and Atom rel="enclosure" (feedparser files both among the
    links), then audio and video Media RSS content; pictures are not attachments."""
    found = []
    for item in entry.get("links") or ():
        if isinstance(item, dict) and item.get("rel") == "enclosure":
            kind = item.get("type")
            # feedparser types an Atom link "text/html" when the feed says nothing
            found.append((item.get("href"), "" if kind == "text/html" else kind, item.get("length")))
    for item in entry.get("media_content") or ():
        if not isinstance(item, dict):
            continue
        kind = item.get("type") or ""
        if item.get("medium") in _MEDIA or kind.split("/", 1)[0] in _MEDIA:
            found.append((item.get("url"), kind, item.get("filesize")))
    return enclosures(found, base)


def _article(entry, base: str | None, published: datetime | None) -> ParsedArticle:
    entry_base = (entry.get("title_detail") or entry.get("summary_detail") or {}).get("base") or base
    link = absolute_url(entry.get("link"), entry_base) or absolute_url(entry.get("link"), base)
    contents = [c for c in entry.get("content") or () if c.get("value")]
    contents.sort(key=lambda c: "html" not in (c.get("type") or ""))
    body, links, clean = (_read_text(contents[0]["value"], contents[0], link or entry_base, True) if contents
                          else ("", (), True))
    summary, summary_links, summary_clean = _read_text(entry.get("summary"), entry.get("summary_detail"),
                                                       link or entry_base, True)
    if not body:
        body, links, clean = summary, summary_links, summary_clean
    if summary == body:
        summary = ""  # the feed gave one text; it is the body
    elif summary_links:
        # a summary beside the body: its link numbers would point into the body's links
        summary = _text(entry.get("summary"), entry.get("summary_detail"), link or entry_base)[0]
    title, _ = _text(entry.get("title"), entry.get("title_detail"), entry_base)
    title = clean_line(title)
    categories, tags = _terms(entry)
    guid = clean_line(entry.get("id")) or None
    return ParsedArticle(
        title=title or first_words(body) or link or guid or UNTITLED,
        body=body,
        guid=guid,
        link=link,
        byline=_byline(entry),
        published=published,
        categories=categories,
        tags=tags,
        summary=summary,
        links=links,
        enclosures=_enclosures(entry, entry_base),
        body_clean=clean,
    )


def _reason(exc) -> str:
    line = getattr(exc, "getLineNumber", None)
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    message = clean_line(str(message))
    if callable(line):
        return f"XML error at line {line()}: {message}"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _parse_xml(data: bytes, source: str, fast: bool = True) -> ParsedFeed:
    if fast:
        # feedparser's SAX callbacks cost about 1 ms an item; for ordinary
        # well-formed feeds lxml gives feedparser's entry dicts far sooner
        got = fastfeed.read(data, source if absolute_url(source) else "")
        if got is not None:
            feed, entries, version = got
            return _assemble(feed, entries, version, [], source)
    data, warnings = defuse_doctype(_to_utf8(data))
    # with any header feedparser wants a content type too; application/xml lets the
    # XML declaration decide the encoding
    headers = {"content-location": source, "content-type": "application/xml"} if absolute_url(source) else {}
    # Our own lxml pass turns entry HTML into text (dropping scripts, resolving
    # links), so feedparser's sanitizer and URI rewriting would be done twice:
    # skipping them makes parsing about three times faster. ``html`` keeps the
    # entry's original markup, which is only ever stored, never rendered.
    try:
        result = feedparser.parse(io.BytesIO(data), response_headers=headers,
                                  sanitize_html=False, resolve_relative_uris=False)
    except (LookupError, TypeError, ValueError, AttributeError) as exc:
        # feedparser's own bugs on odd documents (found by fuzzing: int(None) on an
        # empty <media:height>, a missing key on a stray </media:credit>, an
        # encoding name that is not UTF-8)
        raise IngestError(f"the feed cannot be read (the parser failed: {type(exc).__name__})") from None
    entries = result.get("entries") or []
    version = result.get("version") or ""
    exc = result.get("bozo_exception") if result.get("bozo") else None
    if not entries:
        root = detect.root_element(data)
        if root in ("html", "head", "body"):
            raise IngestError("not a feed: looks like an HTML page")
        if not version and root not in ("rss", "feed", "rdf", "channel"):
            what = f"the root element is <{clean_line(root)}>" if root else "no XML element found"
            raise IngestError(f"not a feed: {what}" + (f" ({warnings[0]})" if warnings else ""))
        if exc is not None and not version:
            raise IngestError(_reason(exc))
        if exc is not None and "SAX" in type(exc).__name__:
            raise IngestError(_reason(exc))
    if exc is not None:
        recovered = entries and "SAX" in type(exc).__name__
        warnings.append(("recovered from " if recovered else "") + _reason(exc))
    return _assemble(result.get("feed") or {}, entries, version, warnings, source)


def _assemble(feed, entries, version: str, warnings: list[str], source: str) -> ParsedFeed:
    """A ParsedFeed from feedparser's feed and entry dictionaries (or fastfeed's)."""
    site = absolute_url(feed.get("link"), source if absolute_url(source) else None)
    base = absolute_url(source) or site
    # a date written without a zone is on the publisher's clock, which the feed's other dates show
    dates = in_feed_zone([_when(e) for e in entries])
    articles = tuple(_article(e, base, d if d is None or 1900 <= d.year <= 2200 else None)
                     for e, d in zip(entries, dates))
    if not articles:
        warnings.append("the feed has no entries")
    title, _ = _text(feed.get("title"), feed.get("title_detail"), base)
    return ParsedFeed(
        title=clean_line(title) or site or clean_line(source) or UNTITLED,
        kind="atom" if version.startswith("atom") else "rss",
        articles=articles,
        link=site,
        warnings=tuple(warnings),
    )


def parse_feed(data: bytes, source: str, *, fast: bool = True) -> ParsedFeed:
    """Parse an RSS 0.9x/1.0/2.0, Atom or JSON Feed document given as bytes.

    ``source`` (a URL or a path) names the document and, when it is a URL,
    is the base for relative links. Entries recovered from a broken document
    are kept, with the problem in ``warnings``. Raises IngestError with a
    short reason when there is nothing usable. ``fast=False`` always uses
    feedparser (the tests compare it with the lxml shortcut).
    """
    if data.startswith(detect.GZIP_MAGIC):
        data = detect.gunzip(data)
    kind = detect.sniff(data, source)
    if kind == "jsonfeed":
        return parse_json_feed(data, source)
    if kind == "feed":
        return _parse_xml(data, source, fast)
    reasons = {
        "html": "not a feed: looks like an HTML page",
        "opml": "not a feed: an OPML subscription list",
        "backup": "not a feed: a newsreader backup",
        "text": "not a feed: plain text, not XML or JSON",
    }
    raise IngestError(reasons[kind])
