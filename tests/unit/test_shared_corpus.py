"""The parsers over ../shared/data: real feeds, hostile feeds, article pages.

Skipped when ../shared is absent (a user's clone has none).
"""

from __future__ import annotations

import csv
import re
import time
from pathlib import Path

import pytest

from newsreader.errors import IngestError
from newsreader.ingest.detect import read_source_bytes
from newsreader.ingest.feeds import parse_feed
from newsreader.ingest.htmlpage import parse_html_page

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not present")

_MARKUP = re.compile(r"<\s*script|\bonload\b|\bonerror\b|\bonmouseover\b|javascript:|<\s*iframe", re.IGNORECASE)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _manifest() -> dict[str, dict[str, str]]:
    with open(SHARED / "MANIFEST.tsv", encoding="utf-8", newline="") as fh:
        return {row["local_path"]: row for row in csv.DictReader(fh, delimiter="\t")}


def _files(folder: str) -> list[Path]:
    return sorted((SHARED / "feeds" / folder).iterdir()) if SHARED.is_dir() else []


def _texts(feed) -> list[str]:
    out = [feed.title, *feed.warnings]
    for a in feed.articles:
        out += [a.title, a.body, a.summary, a.byline or "", a.guid or "", a.link or ""]
        out += [*a.categories, *a.tags, *a.links]
    return out


def _parse(path: Path):
    # a neutral source name: the hostile files' names contain words like "onload"
    return parse_feed(read_source_bytes(path), "corpus-file")


# JSON Feeds are read by our own reader; pxlnv.json (http:// version URL) is
# accepted as a JSON Feed 1.0, since nothing else about it is wrong
JSON_ENTRIES = {"daringfireball.json": 48, "journal3960_jsonfeed11.json": 20, "pxlnv.json": 20}


@pytest.mark.parametrize("path", _files("real"), ids=lambda p: p.name)
def test_real_feed_entry_counts(path):
    expected = JSON_ENTRIES.get(path.name) or int(_manifest()[f"feeds/real/{path.name}"]["entries"])
    feed = _parse(path)
    assert len(feed.articles) == expected
    assert feed.kind == ("json" if path.suffix == ".json" else "atom" if path.suffix == ".atom" else "rss")
    for text in _texts(feed):
        assert not _CONTROL.search(text)
    for article in feed.articles:
        assert article.title
        assert article.published is None or article.published.tzinfo is not None


@pytest.mark.parametrize("path", _files("illformed"), ids=lambda p: p.name)
def test_illformed_parsed_or_refused(path):
    start = time.perf_counter()
    try:
        feed = _parse(path)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    finally:
        assert time.perf_counter() - start < 5
    for text in _texts(feed):
        assert not _CONTROL.search(text), text
        assert not _MARKUP.search(text), text
    if path.name.startswith("defusedxml_"):
        pytest.fail("an entity bomb or XXE document was accepted as a feed")


def test_hostile_refusals_are_specific():
    reasons = {}
    for name in ("defusedxml_xmlbomb.xml", "defusedxml_external_entity.xml", "rssparser_html_not_feed.rss",
                 "newsboat_empty_file.xml", "gofeed_truncated.json", "nnw_scriptingnews_rss_as_json.json"):
        with pytest.raises(IngestError) as info:
            _parse(SHARED / "feeds" / "illformed" / name)
        reasons[name] = str(info.value)
    assert "entity" in reasons["defusedxml_xmlbomb.xml"]
    assert "HTML page" in reasons["rssparser_html_not_feed.rss"]
    assert reasons["newsboat_empty_file.xml"] == "empty file"
    assert "not valid JSON" in reasons["gofeed_truncated.json"]
    assert "not a JSON Feed" in reasons["nnw_scriptingnews_rss_as_json.json"]


def test_gzip_feeds_read_after_gunzip():
    for name, count in (("nodefp_gzip_compressed_windows-1251.xml.gz", 10),):
        assert len(_parse(SHARED / "feeds" / "illformed" / name).articles) == count


def test_keyword_tags_do_not_flood_categories():
    feed = _parse(SHARED / "feeds" / "real" / "nyt_homepage.rss")
    assert max(len(a.tags) for a in feed.articles) > 5
    assert all(len(a.categories) <= 3 for a in feed.articles)


def test_article_pages_extract_text():
    pages = sorted((SHARED / "articles" / "html").glob("*.html"))
    assert pages
    for page in pages[:6]:
        art = parse_html_page(page.read_bytes())
        assert art.title and len(art.body.split()) > 100
        assert not _CONTROL.search(art.body)
