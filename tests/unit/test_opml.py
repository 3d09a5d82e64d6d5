"""OPML subscription lists: reading, writing, round trip, hostile input."""

from pathlib import Path

import pytest

from newsreader.errors import IngestError
from newsreader.ingest.opml import parse_opml, write_opml
from newsreader.models import Subscription

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


def test_parse_nested_folders_and_category_attribute():
    subs = parse_opml((DATA / "subscriptions.opml").read_bytes())
    assert subs == [
        Subscription("https://loose.example/rss", "Loose Feed", None, None),
        Subscription("https://gazette.example/rss", "Harbour Gazette", "News", "https://gazette.example/"),
        Subscription("https://valley.example/rdf", "Valley Wire", "Regional", None),
        Subscription("https://tagged.example/feed", "Tagged", "Geology", None),
    ]


def test_round_trip_loses_nothing():
    subs = [
        Subscription("https://a.example/rss", "A & B <news>", "World", "https://a.example/"),
        Subscription("https://b.example/atom?x=1&y=2", None, "World"),
        Subscription("https://c.example/feed", "C \"quoted\"", None),
        Subscription("https://d.example/feed", "D", "Science/Space"),
        Subscription("https://e.example/feed", "E", "Ünïcode ✓"),
    ]
    text = write_opml(subs, title="Mine")
    assert "<title>Mine</title>" in text
    back = parse_opml(text.encode("utf-8"))
    assert sorted(back, key=lambda s: s.url) == sorted(subs, key=lambda s: s.url)


def test_fixture_round_trip():
    subs = parse_opml((DATA / "subscriptions.opml").read_bytes())
    back = parse_opml(write_opml(subs).encode())
    assert sorted(back, key=lambda s: s.url) == sorted(subs, key=lambda s: s.url)


def test_control_characters_cleaned_on_write():
    text = write_opml([Subscription("https://a.example/", "bad\x1b\x07title")])
    assert parse_opml(text.encode())[0].title == "badtitle"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"<rss version='2.0'/>", "not an OPML"),
        (b"<opml><body><outline text='folder only'/></body></opml>", "no feeds"),
        (b"\x00\x01", "XML error"),
    ],
)
def test_refusals(data, reason):
    with pytest.raises(IngestError, match=reason):
        parse_opml(data)


def test_entities_not_expanded_and_external_not_read(tmp_path):
    secret = tmp_path / "s.txt"
    secret.write_text("TOPSECRET")
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    doc = (f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY l0 "lol">{lol}'
           f'<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
           '<opml version="2.0"><body><outline text="&l9;&x;" xmlUrl="https://a.example/"/></body></opml>')
    subs = parse_opml(doc.encode())
    assert len(subs) == 1
    assert "TOPSECRET" not in (subs[0].title or "") and len(subs[0].title or "") < 1000


def test_recovers_unescaped_ampersand():
    doc = b'<opml version="2.0"><body><outline text="A & B" xmlUrl="https://a.example/?a=1&b=2"/></body></opml>'
    subs = parse_opml(doc)
    assert len(subs) == 1 and subs[0].url.startswith("https://a.example/")
