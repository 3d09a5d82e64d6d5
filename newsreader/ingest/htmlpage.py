"""Saved article web pages (HTML) to ParsedArticle, through trafilatura.

trafilatura finds the main text and reads the metadata (title, author,
date, section, keywords); its text output keeps paragraphs on their own
lines, which we turn into the house body format.
"""

from __future__ import annotations

import copy
import logging
from datetime import datetime, timezone

import lxml.etree
import trafilatura
from trafilatura.xml import xmltotxt

from newsreader.errors import IngestError
from newsreader.ingest.htmltext import absolute_url, scrub, unique
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
        byline=clean_line(scrub(doc.author or "")) or None,
        published=_date(doc.date),
        categories=categories,
        tags=tags,
        summary=clean_line(scrub(doc.description or "")),
        links=links,
        html=html,
    )


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
