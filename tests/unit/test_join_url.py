"""join_url skips urljoin only where urljoin would return the link unchanged, and
feedrules.join joins as feedparser does (compared with feedparser's own, where a
release still has it where 6.0 keeps it)."""

from __future__ import annotations

import glob
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from hypothesis import given, strategies as st

from newsreader.ingest import feedrules
from newsreader.ingest.htmltext import absolute_url, join_url
from newsreader.text import clean_line

try:  # a private function: only the comparison needs it, newsreader never imports it
    from feedparser.urls import _urljoin as feedparser_urljoin
except ImportError:
    feedparser_urljoin = None

BASE = "http://example.org/news/feed.xml"
ODD = ["http://a/b?", "http://a/b#", "HTTP://A/b", "http://a/b;p", "http://a/b;?x", "http://a/b?#f",
       "http:///x", "http://[::1/x", "http://[::1]/x", "https://a/b c ", "http://a/\tb", "//a/b",
       "http://é.example/x", "https://a:443/b", "http://a/./b/../c", "/rel", "rel?x#y", "", "#top",
       "svn+ssh:////a/b", "a,b:///c", "HTTP:////A/b"]


def _result(join, href: str):
    try:
        return join(BASE, href)
    except ValueError:
        return ValueError


def _absolute_slow(href: str, base: str = BASE) -> str | None:
    """absolute_url's answer the long way: urljoin, then urlsplit's scheme and host."""
    href = clean_line(href).strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _same(href: str) -> None:
    assert _result(join_url, href) == _result(urljoin, href), href
    assert absolute_url(href, BASE) == _absolute_slow(href), href
    assert absolute_url(href) == _absolute_slow(href, ""), href
    if feedparser_urljoin is not None:
        assert _result(feedrules.join, href) == _result(feedparser_urljoin, href), href


def test_odd_links_match_urljoin():
    for href in ODD:
        _same(href)


def test_every_link_in_the_shared_feeds_matches_urljoin(shared):
    hrefs = set()
    for path in glob.glob(str(shared / "data" / "feeds" / "**" / "*"), recursive=True):
        if Path(path).is_file():
            text = Path(path).read_text(encoding="utf-8", errors="replace")
            hrefs.update(m.group(0).replace("&amp;", "&") for m in re.finditer(r"https?://[^\s\"'<>]+", text))
    assert len(hrefs) > 1000
    for href in hrefs:
        _same(href)


@given(st.text(alphabet="htps:/[]?#;.aé \t\n%&=-_", max_size=30))
def test_any_text_matches_urljoin(tail):
    for head in ("http://", "https://", "", "HTTP://"):
        _same(head + tail)
