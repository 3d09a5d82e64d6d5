"""The JSON Feed reader."""

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsreader.errors import IngestError
from newsreader.ingest.jsonfeed import parse_date, parse_json_feed

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


def test_json_feed_11():
    feed = parse_json_feed((DATA / "feed.json").read_bytes(), "feed.json")
    assert feed.kind == "json" and feed.title == "Quarry Diary" and feed.link == "https://quarry.example/"
    first, second = feed.articles
    assert first.guid == "q-1" and first.title == "Blasting schedule"
    assert first.body == "Blasting moves to Tuesdays [1].\n\nExpect dust."
    assert first.summary == "Blasting moves to Tuesdays."
    assert first.links == ("https://quarry.example/times", "https://council.example/notice")
    assert first.byline == "Rue Flint"
    assert first.published == datetime(2024, 2, 10, 13, tzinfo=timezone.utc)
    assert first.tags == ("Works", "dust")
    # no title: from the body; feed author inherited; naive date read as UTC
    assert second.title.startswith("No title here") and second.title.endswith("…")
    assert second.byline == "Pell Stone"
    assert second.published == datetime(2024, 2, 11, 9, tzinfo=timezone.utc)
    # the third item has only wrong types and is skipped, with a warning
    assert feed.warnings == ("1 item(s) skipped: no title, content or link",)


def test_json_feed_10_author_and_numeric_id():
    feed = parse_json_feed((DATA / "feed10.json").read_bytes())
    art = feed.articles[0]
    assert art.guid == "42" and art.byline == "Ada Fen" and art.published is None


def test_http_version_url_accepted_with_warning():
    doc = {"version": "http://jsonfeed.org/version/1", "title": "t", "items": [{"id": "1", "title": "x"}]}
    feed = parse_json_feed(json.dumps(doc).encode())
    assert len(feed.articles) == 1 and feed.warnings


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        (b"{", "not valid JSON"),
        (b"[1, 2]", "not a JSON Feed"),
        (b'{"rss": {"channel": {}}}', "RSS written as JSON"),
        (b'{"version": "https://example.org/v1", "items": []}', "jsonfeed.org version"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": {}}', "items list"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": true}]}', "no JSON Feed item"),
        (b"[" * 100000 + b"]" * 100000, "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
    ],
)
def test_refusals(doc, reason):
    with pytest.raises(IngestError, match=reason):
        parse_json_feed(doc)


def test_markup_and_controls_never_reach_text():
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"id": "1", "title": "A\x1b[2Jtitle\u202e", "content_html": "<p onclick='x()'>hi</p><script>bad()</script>",
                   "url": "javascript:alert(1)"}],
    }
    art = parse_json_feed(json.dumps(doc).encode()).articles[0]
    assert art.title == "Atitle" and art.body == "hi" and art.link is None


def test_character_references_in_titles_are_read_and_what_they_hide_stays_out():
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Pixel &amp; Envy",
           "items": [{"id": "1", "title": "FCC Says Releasing &#8216;Jokes&#8217; &#x1b;[2JIs Fine"},
                     {"id": "2", "title": "Fish & chips & more"}]}
    feed = parse_json_feed(json.dumps(doc).encode())
    assert feed.title == "Pixel & Envy"
    assert [a.title for a in feed.articles] == ["FCC Says Releasing ‘Jokes’ [2JIs Fine", "Fish & chips & more"]


def test_parse_date():
    assert parse_date("2024-01-02T03:04:05Z") == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert parse_date("2024-01-02T03:04:05+02:00").hour == 1
    assert parse_date("not a date") is None and parse_date(12) is None
