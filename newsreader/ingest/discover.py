"""Finding a site's feeds from its web page: ``<link rel="alternate" type=...>``."""

from __future__ import annotations

from urllib.parse import urljoin

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
)


def feed_links(html: bytes | str, base_url: str) -> list[str]:
    """Absolute URLs of the feeds a page announces, in the page's order, without repeats.

    Relative addresses are resolved against the page's ``<base href>`` if it
    has one, else against ``base_url``. A page lxml cannot read has none.
    """
    import lxml.etree
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    base = base_url
    for b in doc.iter("base"):
        href = (b.get("href") or "").strip()
        if href:
            base = urljoin(base_url, href)
            break
    found: list[str] = []
    for link in doc.iter("link", "a"):
        rels = (link.get("rel") or "").lower().split()
        mime = (link.get("type") or "").lower().split(";")[0].strip()
        href = (link.get("href") or "").strip()
        if "alternate" not in rels or mime not in FEED_TYPES or not href:
            continue
        url = urljoin(base, href)
        if url.split(":", 1)[0].lower() in ("http", "https") and url not in found:
            found.append(url)
    return found
