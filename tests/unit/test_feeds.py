"""parse_feed on the project's own small feeds (tests/data/feeds)."""

import socket
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsreader.errors import IngestError
from newsreader.ingest.feeds import defuse_doctype, parse_feed

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


def load(name: str) -> bytes:
    return (DATA / name).read_bytes()


def test_rss2_fields():
    feed = parse_feed(load("rss2.xml"), "https://gazette.example/feed.xml")
    assert feed.kind == "rss" and feed.title == "The Harbour Gazette"
    assert feed.link == "https://gazette.example/" and feed.warnings == ()
    first, second, third = feed.articles
    assert first.title == "Ferry timetable changes & new pier opens"
    assert first.guid == "gazette-1001" and first.link == "https://gazette.example/2024/ferry"
    assert first.byline == "Mara Quill"
    assert first.published == datetime(2024, 3, 5, 8, 30, tzinfo=timezone.utc)
    # keyword-scheme category and media:keywords are tags, not categories
    assert first.categories == ("Transport",)
    assert first.tags == ("Transport", "Ferries", "harbour", "pier")
    assert first.summary == "The winter timetable ends on Sunday."
    assert first.body == (
        "The winter timetable ends on Sunday.\n\nThe new pier opens at the north quay [1].\n"
        "Boats leave hourly.\n\n• First boat 06:00\n• Last boat 22:00\n\nTickets cost less."
    )
    assert first.links == ("https://gazette.example/piers/north",)
    assert first.html is None  # the text and links are the article: no copy of its markup is kept
    # no title: made from the body; unreadable date: None
    assert second.title.startswith("Spring tides are expected") and second.title.endswith("…")
    assert second.published is None
    # bidi override removed, relative link resolved, "email (Name)" author
    assert "\u202e" not in third.title and third.title.startswith("Council")
    assert third.link == "https://gazette.example/relative/lighthouse"
    assert third.byline == "Ivo Brand"


def test_atom_fields_and_xml_base():
    feed = parse_feed(load("atom.xml"), "atom.xml")
    assert feed.kind == "atom" and feed.title == "Moorland Notes"
    entry, plain = feed.articles
    assert entry.link == "https://moorland.example/blog/posts/curlews"
    assert entry.byline == "Tess Heather, Owen Crag"
    assert entry.published == datetime(2024, 5, 30, 16, 15, tzinfo=timezone.utc)
    assert entry.categories == ("Wildlife",) and entry.tags == ("Wildlife", "birds")
    assert entry.summary == "Curlews are back a fortnight early."
    assert entry.body == "Early arrivals\n\nWalkers counted forty birds [1] on the ridge.\n\nClick for more."
    assert entry.links == ("https://moorland.example/blog/counts/2024",)
    # type="text" is text: the angle brackets are words, not markup
    assert plain.title == "A <b> tag in a plain title"
    assert plain.body == "Line one.\n\nLine two."


def test_rss1_rdf():
    feed = parse_feed(load("rdf.xml"), "rdf.xml")
    assert feed.kind == "rss" and [a.title for a in feed.articles] == ["Orchard frost", "Mill reopens"]
    assert feed.articles[0].categories == ("Farming",)
    assert feed.articles[0].published == datetime(2024, 4, 2, 6, tzinfo=timezone.utc)


def test_bozo_feed_keeps_entries_with_warning():
    feed = parse_feed(load("broken.xml"), "broken.xml")
    assert [a.title for a in feed.articles] == ["First item", "Second item"]
    assert feed.warnings and "line 13" in feed.warnings[0]


def test_json_feed_goes_to_json_reader():
    assert parse_feed(load("feed.json"), "feed.json").kind == "json"


def test_control_characters_in_a_broken_feed():
    data = (b'<rss version="2.0"><channel><title>T</title><item><title>Bell\x07 and '
            b'\x1b[31mred\xe2\x80\xae</title><description>x\x08y</description></item></channel></rss>')
    art = parse_feed(data, "t").articles[0]
    for text in (art.title, art.body):
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
        assert "\u202e" not in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"<html><head><title>Moved</title></head><body>gone</body></html>", "HTML page"),
        (b"<head><title>Moved</title></head><body>gone</body>", "HTML page"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">\n<channel><title>a</ti', "XML error at line 3"),
        (b"<note><to>x</to></note>", "root element is <note>"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": [', "not valid JSON"),
        (b"just some words", "not a feed"),
        (b"<?xml version='1.0'?><opml version='2.0'><body/></opml>", "OPML"),
    ],
)
def test_refusals(data, reason):
    with pytest.raises(IngestError, match=reason):
        parse_feed(data, "x")


def test_valid_feed_without_entries_is_empty_not_an_error():
    feed = parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>', "q")
    assert feed.articles == () and feed.title == "Quiet" and feed.warnings


def test_billion_laughs_is_not_expanded():
    entities = "".join(f'<!ENTITY e{i} "{"&e%d;" % (i - 1) * 10}">' for i in range(1, 12))
    doc = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e0 "ha">' + entities + ']>'
           '<rss version="2.0"><channel><title>t</title><item><title>&e11;</title></item></channel></rss>')
    data, warnings = defuse_doctype(doc.encode())
    assert b"e11" not in data.split(b"]>")[0] and warnings
    feed = parse_feed(doc.encode(), "bomb")
    assert all(len(a.title) < 100 for a in feed.articles)


def test_safe_internal_entity_kept():
    doc = (b'<!DOCTYPE rss [<!ENTITY co "ACME Ltd">]><rss version="2.0"><channel><title>t</title>'
           b"<item><title>News from &co;</title></item></channel></rss>")
    assert parse_feed(doc, "x").articles[0].title == "News from ACME Ltd"


def test_external_entity_never_read_or_fetched(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    for target in (secret.as_uri(), "http://127.0.0.1:9/x.xml"):
        doc = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "{target}">]>'
               '<rss version="2.0"><channel><title>t</title><item><title>a &xxe; b</title>'
               "<description>&xxe;</description></item></channel></rss>").encode()
        feed = parse_feed(doc, "x")
        assert all("TOPSECRET" not in a.title + a.body for a in feed.articles)
        assert any("entity" in w for w in feed.warnings)


def test_source_path_is_never_opened(tmp_path):
    # feedparser opens a str or bytes argument as a path; we must hand it a stream
    target = tmp_path / "feed.xml"
    target.write_bytes(load("rss2.xml"))
    with pytest.raises(IngestError):
        parse_feed(str(target).encode(), str(target))


def test_sanitizer_cases_leave_no_script_in_text_or_links():
    """feedparser's sanitizer cases read as text: no script, handler or javascript: link
    comes through, and no markup is kept beside the text."""
    from pathlib import Path

    from newsreader.errors import IngestError

    folder = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "feeds" / "illformed"
    if not folder.is_dir():
        pytest.skip("../shared is not beside this checkout")
    seen = 0
    for path in sorted(folder.glob("fp_sanitize*")):
        try:
            feed = parse_feed(path.read_bytes(), str(path))
        except IngestError:
            continue
        for art in feed.articles:
            assert art.html is None
            seen += 1
            assert not any(link.lower().startswith("javascript:") for link in art.links), path.name
            assert "<script" not in art.body.lower(), path.name
    assert seen
