"""Saved HTML article pages through trafilatura."""

from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsreader.errors import IngestError
from newsreader.ingest.htmlpage import parse_html_page

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


def test_article_page_text_and_metadata():
    page = (DATA / "page.html").read_bytes()
    art = parse_html_page(page, "https://canal.example/news/strike")
    assert art.title == "Lock keepers vote to strike over night shifts"
    assert art.byline == "Nell Towpath"
    assert art.published == datetime(2024, 3, 14, 7, 45, tzinfo=timezone.utc)
    assert art.categories == ("Business",)
    assert {"canals", "strikes", "locks"} <= set(art.tags)
    paras = art.body.split("\n\n")
    assert paras[0].startswith("Lock keepers on the northern canal network")
    assert paras[-1].startswith("Holiday hire firms fear")
    for furniture in ("cookies", "newsletter", "Sport", "Copyright"):
        assert furniture not in art.body
    assert art.links == ("https://canal.example/notices",)
    assert art.link == "https://canal.example/news/strike"
    assert art.html is not None and "<article>" in art.html


def test_str_input_accepted():
    art = parse_html_page((DATA / "page.html").read_text(encoding="utf-8"))
    assert art.title.startswith("Lock keepers")


@pytest.mark.parametrize("data", [b"", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"])
def test_no_main_text_refused(data):
    with pytest.raises(IngestError):
        parse_html_page(data)
