"""Whole articles: lists, quotations and numbered links kept in the body text,
stylesheet and script text kept out of it, enclosures read from every format
and shown by ``newsreader show``."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rich.console import Console

from newsreader.analysis import find_quotes
from newsreader.ingest import fastfeed
from newsreader.ingest.feeds import parse_feed
from newsreader.ingest.htmltext import html_to_text
from newsreader.models import Article, Enclosure
from newsreader.render import render_article

SHARED_REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "feeds" / "real"
SOURCE = "https://dale.example/feed.xml"
MARK = re.compile(r" \[(\d+)\]")


def _rss(item: str, extra_ns: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"{extra_ns}><channel>'
            f"<title>Dale Post</title><link>https://dale.example/</link>{item}</channel></rss>").encode()


def _body_item(html: str) -> bytes:
    escaped = html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _rss(f"<item><title>t</title><link>https://dale.example/a</link><description>{escaped}</description></item>")


# --- lists and quotations --------------------------------------------------------


def test_lists_have_bullets_numbers_and_nesting_indent():
    html = ("<p>Before</p><ul><li>Eggs</li><li>Flour<ul><li>plain</li><li>self-raising<ol><li>sifted</li>"
            "</ol></li></ul></li><li><p>Milk</p><p>whole, not skimmed</p></li></ul>"
            '<ol start="7"><li>seventh</li><li value="10">tenth</li><li>eleventh</li></ol><p>After</p>')
    text, _ = html_to_text(html)
    assert text == (
        "Before\n\n"
        "• Eggs\n• Flour\n  • plain\n  • self-raising\n    1. sifted\n• Milk\n  whole, not skimmed\n\n"
        "7. seventh\n10. tenth\n11. eleventh\n\n"
        "After"
    )


def test_list_items_with_line_breaks_hang_under_their_marker():
    text, _ = html_to_text("<ol><li>first line<br>second line</li><li></li><li>third item</li></ol>")
    # the empty item keeps its number, as a browser counts it
    assert text == "1. first line\n  second line\n3. third item"


def test_blockquotes_are_indented_and_nest_deeper():
    html = ("<p>She wrote:</p><blockquote><p>First.</p><p>Second<br>line.</p>"
            "<blockquote>Inner.</blockquote><ul><li>listed</li></ul></blockquote><p>Back.</p>")
    text, _ = html_to_text(html)
    assert text == ("She wrote:\n\n    First.\n\n    Second\n    line.\n\n        Inner.\n\n    • listed\n\nBack.")


# --- numbered links ---------------------------------------------------------------


def test_links_are_numbered_after_their_text_and_index_the_links():
    html = ('<p>See <a href="/report">the report </a>and <a href="https://x.example/b">this</a>.</p>'
            '<p>Again <a href="https://dale.example/report">the report</a>; '
            '<a href="javascript:alert(1)">run</a> <a href="mailto:a@b.example">mail</a> '
            '<a href="https://img.example/big"><img src="i.png"></a> <a href="#top">top</a></p>'
            '<ul><li><a href="https://x.example/c">item</a></li></ul>')
    text, links = html_to_text(html, "https://dale.example/news/")
    assert links == ("https://dale.example/report", "https://x.example/b", "https://x.example/c")
    assert text == ("See the report [1] and this [2].\n\n"
                    "Again the report [1]; run mail top\n\n"
                    "• item [3]")


def test_link_numbers_always_name_their_link():
    html = "".join(f'<p>w{i} <a href="https://l.example/{i % 4}">t{i}</a> <a href="javascript:x()">j</a></p>'
                   for i in range(9))
    text, links = html_to_text(html)
    numbers = [int(n) for n in MARK.findall(text)]
    assert sorted(set(numbers)) == list(range(1, len(links) + 1))  # every link shown, no number dangles
    for para in text.split("\n\n"):
        i = int(para.split()[0][1:])
        assert links[int(MARK.search(para).group(1)) - 1] == f"https://l.example/{i % 4}"


def test_feed_body_numbered_but_title_and_summary_beside_it_not():
    item = ('<item><title>A &lt;a href="https://dale.example/t"&gt;linked&lt;/a&gt; title</title>'
            "<link>https://dale.example/a</link>"
            "<description>&lt;p&gt;Short &lt;a href=\"https://dale.example/s\"&gt;teaser&lt;/a&gt;&lt;/p&gt;</description>"
            '<content:encoded><![CDATA[<p>Long <a href="https://dale.example/b">body</a> text.</p>]]></content:encoded>'
            "</item>")
    art = parse_feed(_rss(item, ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'), SOURCE).articles[0]
    assert art.body == "Long body [1] text." and art.links == ("https://dale.example/b",)
    assert art.summary == "Short teaser" and art.title == "A linked title"


def test_json_feed_external_url_comes_after_the_numbered_links():
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "1", "url": "https://j.example/1", "external_url": "https://elsewhere.example/",
         "content_html": '<p>A <a href="https://j.example/x">link</a>.</p>'}]}
    art = parse_feed(json.dumps(doc).encode(), "j.json").articles[0]
    assert art.body == "A link [1]."
    assert art.links == ("https://j.example/x", "https://elsewhere.example/")


# --- stylesheet and script text ------------------------------------------------------

CSS = ('@font-face { font-family: "House Sans"; src: local("House Sans"), url("f.woff") format("woff"); } '
       '.card span.icon { background-image: url("https://cdn.example/i.png"); height: 40px; } '
       '@media screen and (max-width: 600px) { .card { display: "block"; } }')
JS = ("$('nav').on('click', function() {\n  $(this).addClass('active');\n});\n"
      "var menu = document.querySelector('#menu');\nmenu.addEventListener('click', open);")


@pytest.mark.parametrize("html", [
    # a stylesheet pasted inside an HTML comment that was escaped as text
    f"<p>Prose before.</p>&lt;!--{CSS}--&gt;<p>Prose after.</p>",
    # a style element escaped as text
    f"<p>Prose before.</p><div>&lt;style type=\"text/css\"&gt;{CSS}&lt;/style&gt;</div><p>Prose after.</p>",
    # a bare stylesheet in a paragraph, and one after the prose of the same paragraph
    f"<p>Prose before.</p><p>{CSS}</p><p>Prose after.</p>",
    f"<p>Prose before. {CSS}</p><p>Prose after.</p>",
])
def test_stylesheet_text_never_reaches_the_body(html):
    art = parse_feed(_body_item(html), SOURCE).articles[0]
    assert art.body == "Prose before.\n\nProse after."
    assert find_quotes(art.body) == []


def test_code_the_writer_marked_as_code_is_kept_as_written_script_pasted_as_prose_is_not():
    html = (f"<p>Use <code>$('nav')</code> to select it:</p><pre><code>{JS}</code></pre>"
            f"<p>Or the same lines without pre:<br>{JS.replace(chr(10), '<br>')}</p>"
            "<pre>Roses are red,\n  violets are blue.</pre>"
            "<p>Lazy loading for <code>&lt;img&gt;</code> and <code>&lt;iframe&gt;</code>,"
            " set with <code>el.onload = show</code>.</p>"
            "<p>A brace {like this; or that} in prose stays.</p>")
    text, _ = html_to_text(html)
    shown = "\n".join(line.strip() for line in JS.split("\n"))  # (lines start at the margin, as all text does)
    assert text == (f"Use $('nav') to select it:\n\n{shown}\n\nRoses are red,\nviolets are blue.\n\n"
                    "Lazy loading for <img> and <iframe>, set with el.onload = show.\n\n"
                    "A brace {like this; or that} in prose stays.")


def test_links_inside_code_are_numbered_and_text_that_only_looks_like_a_placeholder_is_text():
    html = ('<pre>var a = 1;\nvar b = function () { return a; };\n<a href="https://c.example/">doc</a>;</pre>'
            '<p>See <a href="https://d.example/">the docs</a> and <code>x</code> \ue0007\ue001.</p>')
    text, links = html_to_text(html)
    assert links == ("https://c.example/", "https://d.example/")
    assert text.startswith("var a = 1;\nvar b = function () { return a; };\ndoc [1];\n\nSee the docs [2] and x")


@pytest.mark.parametrize("name", ["londonist_2.7MB.rss", "journal3960_jsonfeed11.json"])
def test_real_feeds_with_stylesheet_and_script_in_bodies(name):
    path = SHARED_REAL / name
    if not path.is_file():
        pytest.skip("../shared is absent")
    feed = parse_feed(path.read_bytes(), str(path))
    for art in feed.articles:
        assert "font-family" not in art.body and len(art.body) < 50_000
    if name.startswith("journal3960"):  # a blog about JavaScript keeps its examples
        body = next(a.body for a in feed.articles if "Lazy-Loading" in a.title)
        assert "<iframe>" in body and 'loading="lazy"' in body


# --- enclosures ----------------------------------------------------------------------

MEDIA = ' xmlns:media="http://search.yahoo.com/mrss/"'
RSS_ENCLOSURES = _rss(
    "<item><title>Episode 12</title><link>https://dale.example/12</link><description>Show notes.</description>"
    '<enclosure url="https://cdn.example/ep12.mp3" length="54919661" type="Audio/MPEG"/>'
    '<enclosure url="https://cdn.example/ep12.mp3" length="1" type="audio/mpeg"/>'
    '<enclosure url="/ep12-extra.ogg" length="0" type="audio/ogg"/>'
    '<enclosure url="javascript:alert(1)" type="audio/mpeg"/>'
    '<enclosure url="https://cdn.example/big.mp4" length="-5" type="video/mp4"/>'
    '<media:content url="https://cdn.example/ep12.m4a" type="audio/x-m4a" fileSize="123"/>'
    '<media:content url="https://cdn.example/cover.jpg" medium="image" type="image/jpeg"/>'
    "</item>"
    "<item><title>No files</title><link>https://dale.example/13</link><description>None.</description></item>",
    MEDIA)
RSS_EXPECTED = (
    Enclosure("https://cdn.example/ep12.mp3", "audio/mpeg", 54919661),
    Enclosure("https://dale.example/ep12-extra.ogg", "audio/ogg", None),
    Enclosure("https://cdn.example/big.mp4", "video/mp4", None),
    Enclosure("https://cdn.example/ep12.m4a", "audio/x-m4a", 123),
)
ATOM_ENCLOSURES = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Fell Audio</title><id>tag:fell.example,2024:feed</id><updated>2024-05-30T16:15:00Z</updated>
  <link rel="alternate" href="https://fell.example/"/>
  <entry>
    <id>tag:fell.example,2024:1</id><title>Walk one</title><updated>2024-05-30T16:15:00Z</updated>
    <link href="https://fell.example/walks/1"/>
    <link rel="enclosure" href="media/walk1.mp3" type="audio/mpeg" length="2048"/>
    <link rel="enclosure" href="https://fell.example/walk1.pdf"/>
    <link rel="related" href="https://fell.example/related"/>
    <summary>A walk.</summary>
  </entry>
</feed>"""
ATOM_EXPECTED = (
    Enclosure("https://fell.example/media/walk1.mp3", "audio/mpeg", 2048),
    Enclosure("https://fell.example/walk1.pdf", "", None),
)


def test_rss_enclosures_absolute_deduplicated_with_plausible_lengths():
    feed = parse_feed(RSS_ENCLOSURES, SOURCE)
    assert feed.articles[0].enclosures == RSS_EXPECTED
    assert feed.articles[1].enclosures == ()


def test_atom_rel_enclosure_links():
    feed = parse_feed(ATOM_ENCLOSURES, "https://fell.example/feed.atom")
    assert feed.articles[0].enclosures == ATOM_EXPECTED


def test_json_feed_attachments():
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://j.example/",
           "items": [{"id": "1", "url": "https://j.example/posts/1", "content_text": "Listen.",
                      "attachments": [
                          {"url": "/files/one.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 1500000},
                          {"url": "https://j.example/files/one.mp3", "mime_type": "audio/mpeg"},
                          {"url": "https://j.example/v.mp4", "mime_type": "video/mp4", "size_in_bytes": True},
                          {"url": "https://j.example/w.mp4", "mime_type": 4, "size_in_bytes": "12"},
                          {"url": "data:audio/mpeg;base64,AAAA"}, "junk", {"mime_type": "audio/mpeg"}]},
                     {"id": "2", "content_text": "No files.", "attachments": "junk"}]}
    first, second = parse_feed(json.dumps(doc).encode(), "j.json").articles
    assert first.enclosures == (
        Enclosure("https://j.example/files/one.mp3", "audio/mpeg", 1500000),
        Enclosure("https://j.example/v.mp4", "video/mp4", None),
        Enclosure("https://j.example/w.mp4", "", 12),
    )
    assert second.enclosures == ()


@pytest.mark.parametrize("data, source", [(RSS_ENCLOSURES, SOURCE), (RSS_ENCLOSURES, "f.xml"),
                                          (ATOM_ENCLOSURES, "https://fell.example/feed.atom")])
def test_fast_path_gives_feedparsers_enclosures(data, source):
    assert fastfeed.read(data, source if source.startswith("http") else "") is not None
    fast = parse_feed(data, source)
    slow = parse_feed(data, source, fast=False)
    assert [a.enclosures for a in fast.articles] == [a.enclosures for a in slow.articles]
    assert fast.articles[0].enclosures


def test_fast_path_agrees_on_the_shared_podcast_feeds():
    paths = sorted(SHARED_REAL.glob("*.rss")) + sorted(SHARED_REAL.glob("*.atom"))
    if not paths:
        pytest.skip("../shared is absent")
    total = 0
    for path in paths:
        data = path.read_bytes()
        fast, slow = parse_feed(data, str(path)), parse_feed(data, str(path), fast=False)
        assert [a.enclosures for a in fast.articles] == [a.enclosures for a in slow.articles], path.name
        total += sum(len(a.enclosures) for a in slow.articles)
    assert total > 100


# --- newsreader show -------------------------------------------------------------------


def _render(art: Article) -> str:
    console = Console(record=True, width=200, color_system=None)
    console.print(render_article(art))
    return console.export_text()


def test_show_lists_links_and_attachments_as_plain_text():
    when = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
    art = Article(id=1, title="Episode [b]12[/b]", body="Notes on the report [1] and [red]this[/red] [2].",
                  category="Podcasts", source="dale", published=when, published_estimated=False,
                  imported_at=when, links=("https://dale.example/report", "https://x.example/[bold]b[/bold]"),
                  enclosures=(Enclosure("https://cdn.example/ep12.mp3", "audio/mpeg", 54919661),
                              Enclosure("https://cdn.example/notes.pdf")))
    out = _render(art)
    assert "Episode [b]12[/b]" in out and "[red]this[/red]" in out
    assert "Links\n[1] https://dale.example/report\n[2] https://x.example/[bold]b[/bold]\n" in out
    assert "Attachments\nhttps://cdn.example/ep12.mp3 (audio/mpeg, 54.9 MB)\nhttps://cdn.example/notes.pdf\n" in out
    bare = _render(replace(art, links=(), enclosures=()))
    assert "Links" not in bare and "Attachments" not in bare  # no empty sections


@pytest.mark.parametrize("length, shown", [(0, "0 B"), (999, "999 B"), (12_345, "12.3 kB"),
                                           (999_960, "1.0 MB"), (54_919_661, "54.9 MB"),
                                           (1_500_000_000, "1.5 GB")])
def test_human_size(length, shown):
    from newsreader.text import human_size

    assert human_size(length) == shown
