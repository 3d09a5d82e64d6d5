"""The lxml shortcut (fastfeed) against feedparser, document by document.

Whenever the shortcut accepts a document, parse_feed must give exactly what
the feedparser path gives: feed title, link and kind, and every article field.
"""

from pathlib import Path

import re

import pytest
from hypothesis import given, strategies as st

from newsreader.errors import IngestError
from newsreader.ingest import detect, fastfeed, feedrules
from newsreader.ingest.feeds import parse_feed

HERE = Path(__file__).resolve().parents[1] / "data" / "feeds"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "feeds"
FIELDS = ("title", "body", "guid", "link", "byline", "published", "categories", "tags", "summary", "links")
SOURCES = ("", "https://news.example/feeds/main.xml")


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []


OWN = _files(HERE / "fast") + [p for p in _files(HERE) if p.suffix in (".xml", ".atom", ".rss")]
REAL = _files(SHARED / "real")
ILLFORMED = _files(SHARED / "illformed")


def _source(path: Path, url: str) -> str:
    return url or str(path)


def _accepts(data: bytes, source: str) -> bool:
    if data.startswith(detect.GZIP_MAGIC):
        data = detect.gunzip(data)
    return fastfeed.read(data, source if source.startswith("http") else "") is not None


def _compare(data: bytes, source: str) -> None:
    try:
        slow = parse_feed(data, source, fast=False)
    except IngestError:
        assert not _accepts(data, source), "the shortcut accepted a document feedparser refuses"
        return
    fast = parse_feed(data, source)
    assert (fast.title, fast.link, fast.kind) == (slow.title, slow.link, slow.kind)
    assert len(fast.articles) == len(slow.articles)
    for i, (a, b) in enumerate(zip(fast.articles, slow.articles)):
        for name in FIELDS:
            assert getattr(a, name) == getattr(b, name), f"article {i}: {name}"


@pytest.mark.parametrize("url", SOURCES)
@pytest.mark.parametrize("path", OWN, ids=lambda p: p.name)
def test_own_fixtures_agree(path, url):
    _compare(path.read_bytes(), _source(path, url))


@pytest.mark.parametrize("url", SOURCES)
@pytest.mark.parametrize("path", REAL + ILLFORMED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shared_feeds_agree(path, url):
    _compare(path.read_bytes(), _source(path, url))


def test_shared_feeds_present_or_skipped():
    if not REAL:
        pytest.skip("../shared is absent")
    taken = [p.name for p in REAL if _accepts(p.read_bytes(), str(p))]
    # most ordinary real feeds take the shortcut (see the report in the commit)
    assert len(taken) >= 20, taken


def test_fixtures_take_the_shortcut():
    for name in ("rss2_plain.xml", "atom_plain.xml", "rdf_plain.xml"):
        assert _accepts((HERE / "fast" / name).read_bytes(), "https://moor.example/f.xml"), name


def test_bench_shape_takes_the_shortcut():
    import sys

    sys.path.insert(0, str(HERE.parent / "http"))
    from loopback import rss

    data = rss("Feed 1", 50)
    assert _accepts(data, "http://127.0.0.1/feed/1.xml")
    _compare(data, "http://127.0.0.1/feed/1.xml")


@pytest.mark.parametrize("snippet", [
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0"><channel><item><title>&a;</title></item></channel></rss>',
    b'<?xml version="1.0" encoding="koi8-r"?><rss version="2.0"><channel><item><title>x</title></item></channel></rss>',
    b'<rss version="2.0"><channel><item><x:y xmlns:x="u"><link>http://a.example/</link></x:y></item></channel></rss>',
    b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content src="http://a.example/x"/></entry></feed>',
    b'<rss version="2.0"><channel><item><description>a <b>bold</b></description></item></channel></rss>',
    b'<rss version="2.0"><channel><item><x:y>1</x:y></item></channel></rss>',
    b'<rss version="0.91"><channel><item><title>x</title></item></channel></rss>',
    # dates newsreader's reader refuses: feedparser's own handlers decide (30 February: 1 March)
    b'<rss version="2.0"><channel><item><pubDate>Wed, 06 Mar 2024 25:00:00 GMT</pubDate>'
    b'<dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2024-02-30T10:00:00Z</dc:date></item></channel></rss>',
])
def test_declines_unusual_shapes(snippet):
    assert not _accepts(snippet, "")
    _compare(snippet, "x.xml")


@pytest.mark.parametrize("snippet", [
    b'<rss version="2.0"><channel><item><title>x</title><media:title xmlns:media="http://search.yahoo.com/mrss/">y</media:title></item></channel></rss>',
    b'<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><media:content url="http://a.example/i.jpg"><media:title>m</media:title><media:description>&lt;b&gt;d&lt;/b&gt;</media:description></media:content><description>b</description></item></channel></rss>',
    b'<rss version="2.0"><channel><item><description>a</description><description>b &amp;amp; &lt;i&gt;c&lt;/i&gt;</description></item></channel></rss>',
    b'<rss version="2.0"><channel><item><title>t</title><image><title>&lt;b&gt;i&lt;/b&gt;</title><url>u</url></image></item></channel></rss>',
    b'<rss version="2.0"><channel><item><categories><category>A</category></categories><category domain="d"/><category>B</category></item></channel></rss>',
    b'<rss version="2.0"><channel><item><guid>http://a.example/1</guid><link>http://a.example/2?a=1&amp;amp;b=2&amp;c;</link></item></channel></rss>',
])
def test_tricky_shapes_agree(snippet):
    assert _accepts(snippet, "")
    for url in SOURCES:
        _compare(snippet, url or "x.xml")


def test_declines_a_base_feedparser_might_keep_or_drop():
    # feedparser keeps an xml:base in some schemes (ftp) and drops others (javascript)
    for base in (b"ftp://files.example/", b"javascript:x/"):
        snippet = (b'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="' + base +
                   b'"><entry><title>t</title><link href="a.html"/></entry></feed>')
        assert not _accepts(snippet, "https://news.example/f.xml")
        _compare(snippet, "https://news.example/f.xml")


def _feedparser_internals():
    """feedparser 6.0's own tables, where this release still keeps them (they are private)."""
    try:
        from feedparser.html import _cp1252
        from feedparser.mixin import _FeedParserMixin
        from feedparser.sanitizer import _HTMLSanitizer
    except ImportError:
        pytest.skip("feedparser's internals have moved: the comparison of whole feeds still runs")
    return _FeedParserMixin, _cp1252, _HTMLSanitizer


def test_feedrules_match_the_installed_feedparser():
    """The facts feedrules writes down are feedparser's: a release that changes them
    shows here, before the comparison of whole feeds meets a document it affects."""
    mixin, cp1252, sanitizer = _feedparser_internals()
    assert feedrules.PREFIXES == {uri.lower(): prefix for uri, prefix in mixin.namespaces.items() if uri}
    handled = {n.split("_", 2)[2] for n in dir(mixin) if n.startswith(("_start_", "_end_"))}
    assert feedrules.HANDLED == handled
    assert feedrules.CP1252 == cp1252
    # an element name with a hyphen never matches the tag pattern, so the list may leave it out
    names = {e for e in sanitizer.acceptable_elements if re.fullmatch(r"\w+", e)}
    assert feedrules._HTML_ELEMENTS == names


@given(st.lists(st.sampled_from(["<p>", "</p>", "</b>", "<blink>", "</blink>", "</P>", "&amp;", "&#8217;",
                                 "&#x41;", "&nbsp;", "&bogus;", "&;", "a ", "<", ">", "&", "</ p>", "é"]),
                max_size=8))
def test_looks_like_html_as_feedparser_guesses(parts):
    mixin, _, _ = _feedparser_internals()
    text = "".join(parts)
    assert feedrules.looks_like_html(text) == mixin.looks_like_html(text), text
