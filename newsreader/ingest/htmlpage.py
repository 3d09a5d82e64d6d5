"""Saved article web pages (HTML) to ParsedArticle, through trafilatura.

trafilatura finds the main text and reads the metadata (title, author,
date, section, keywords); its text output keeps paragraphs on their own
lines, which we turn into the house body format.
"""

from __future__ import annotations

import copy
import logging
import re
from datetime import datetime, timezone
from html import unescape

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.xml import xmltotxt

from newsreader.errors import IngestError
from newsreader.ingest.byline import clean_byline
from newsreader.ingest.htmltext import absolute_url, scrub, unique
from newsreader.ingest.site import host_name, site_in_title, tidy_name
from newsreader.models import ParsedArticle
from newsreader.text import clean_line, clean_text

MAX_CATEGORIES = 3
_MIN_WORDS = 5  # less than this is a navigation link or a caption, not an article
_MAX_BYTES = 20 * 1024 * 1024
# htmldate (through trafilatura): the publication date, with its time when the page gives one
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    # trafilatura guesses encodings well; give it bytes it can sniff a meta charset from
    from trafilatura.utils import decode_file

    return decode_file(data)


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)


def _split_terms(values) -> list[str]:
    """Terms from a list whose items may themselves be comma-separated."""
    terms: list[str] = []
    for value in values or ():
        terms.extend(clean_line(scrub(part)) for part in str(value).split(","))
    return [t for t in terms if t]


def _body(text: str) -> str:
    # trafilatura puts one paragraph (or list item, or heading) per line
    return clean_text(scrub("\n\n".join(line for line in text.split("\n"))))


def parse_html_page(data: bytes | str, url: str | None = None) -> ParsedArticle:
    """Extract the article of a saved web page: main text and metadata, HTML kept.

    ``url`` (the page's address, if known) resolves relative links and helps
    the metadata. Raises IngestError when no main text is found.
    """
    if isinstance(data, bytes) and len(data) > _MAX_BYTES:
        raise IngestError("HTML page larger than 20 MB")
    html = _decode(data)
    if not html.strip():
        raise IngestError("empty file")
    base = absolute_url(url)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=base,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_links=True,
            favor_recall=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError) as exc:  # trafilatura on malformed trees
        raise IngestError(f"could not read the HTML page ({type(exc).__name__})") from None
    tree = getattr(doc, "body", None) if doc is not None else None
    links, text = _links_and_text(tree, base or absolute_url(getattr(doc, "url", None)))
    body = _body(text)
    if len(body.split()) < _MIN_WORDS:
        raise IngestError("no article text found in the HTML page")
    title = clean_line(scrub(doc.title or ""))
    first, _, rest = body.partition("\n\n")
    if not title:
        title = clean_line(first)[:120]
    if rest and first.casefold() == title.casefold():
        body = rest  # the headline repeated at the top of the text
    categories = unique(_split_terms(doc.categories))[:MAX_CATEGORIES]
    tags = unique(_split_terms(doc.categories) + _split_terms(doc.tags))
    return ParsedArticle(
        title=title,
        body=body,
        guid=None,
        link=base or absolute_url(doc.url),
        byline=clean_byline(scrub(doc.author or "")) or _marked_byline(html),
        published=_date(doc.date),
        categories=categories,
        tags=tags,
        summary=clean_line(scrub(doc.description or "")),
        links=links,
        html=html,
        site=_site(doc, html, base),
    )


# Elements a page marks as its author's name, most specific first.
_AUTHOR_MARKS = ('//*[@itemprop="author" or contains(@class, "author-name") or contains(@class, "author__name")]',
                 '//*[contains(@class, "byline")]')
_SHORT_BYLINE = 80  # characters: a longer element holds more than the names


def _marked_byline(html: str) -> str | None:
    """The byline from an element the page marks as such, for when the metadata names
    nobody (trafilatura took "Username" from a comment form, say)."""
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return None
    for path in _AUTHOR_MARKS:
        for el in tree.xpath(path)[:20]:
            text = " ".join(el.text_content().split())
            if 0 < len(text) <= _SHORT_BYLINE and (found := clean_byline(text)):
                return found
    return None


def _site(doc, html: str, base: str | None) -> str | None:
    """The outlet: the page's site name (og:site_name and the like, as trafilatura reads
    them), else the one its <title> ends with, else its address's host."""
    head = _head(html)
    return (tidy_name(scrub(getattr(doc, "sitename", None) or ""))
            or site_in_title(head.get("title"), doc.title)
            or host_name(head.get("canonical") or getattr(doc, "url", None) or base))


_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_CANONICAL = re.compile(r"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>", re.I)
_HREF = re.compile(r"\bhref=[\"']?([^\"'\s>]+)", re.I)


def _head(html: str) -> dict[str, str]:
    """The <title> and canonical address of a page (its first 200 kB: both sit in the head)."""
    top = html[:200_000]
    out = {}
    if m := _TITLE.search(top):
        out["title"] = unescape(re.sub(r"<[^>]+>", " ", m[1]))
    if (m := _CANONICAL.search(top)) and (h := _HREF.search(m[0])):
        out["canonical"] = unescape(h[1])
    return out


def _links_and_text(tree, base: str | None) -> tuple[tuple[str, ...], str]:
    """Links of the extracted main text, and that text without link markup."""
    if tree is None:
        return (), ""
    tree = copy.deepcopy(tree)
    # each link numbered after its words, as in feed bodies: [n] is links[n - 1]
    numbers: dict[str, int] = {}
    for ref in tree.iter("ref"):
        url = absolute_url(ref.get("target"), base)
        if url is None or not "".join(ref.itertext()).strip():
            continue
        n = numbers.setdefault(url, len(numbers) + 1)
        ref.tail = f" [{n}]" + (ref.tail or "")
    # with links included trafilatura would write them as [text](url); unwrap them first
    lxml.etree.strip_tags(tree, "ref")
    return tuple(numbers), xmltotxt(tree, False) or ""
