"""Finding feeds named by a web page's <link rel="alternate">."""

from __future__ import annotations

from newsreader.ingest.discover import feed_links


def test_types_order_and_relative_addresses():
    page = b"""<html><head>
    <link rel="stylesheet" type="text/css" href="/s.css">
    <link rel="alternate" type="application/atom+xml" href="/atom.xml">
    <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
    <LINK REL="Alternate" TYPE="application/RSS+XML; charset=utf-8" HREF="rss/all.xml">
    <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json">
    <link rel="alternate" type="application/atom+xml" href="/atom.xml">
    <link rel="alternate home" type="application/rss+xml" href="//other.example/x.rss">
    </head><body><p>hi</p></body></html>"""
    assert feed_links(page, "https://example.org/news/today.html") == [
        "https://example.org/atom.xml",
        "https://example.org/news/rss/all.xml",
        "https://cdn.example/feed.json",
        "https://other.example/x.rss",
    ]


def test_base_href_is_honoured():
    page = '<html><head><base href="/blog/"><link rel="alternate" type="application/rss+xml" href="feed"></head></html>'
    assert feed_links(page, "http://example.org/a/b") == ["http://example.org/blog/feed"]


def test_no_feeds_and_odd_input():
    assert feed_links(b"<html><head><link rel=alternate href=x></head></html>", "http://e.org/") == []
    assert feed_links(b"", "http://e.org/") == []
    assert feed_links(b"\xff\xfe garbage <<<", "http://e.org/") == []
    js = '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
    assert feed_links(js, "http://e.org/") == []
