"""The name a list shows for a feed (``sources.shown_name``): its own title when that is a
name, less the parts that name nothing; the site's name when the title is a sentence or a
tagline; measured on the 56 real feeds."""

from __future__ import annotations

import re

import pytest

from newsreader.ingest.categories import Entry, Source, choose
from newsreader.ingest.sources import LONG_NAME_LEN, NAME_LEN, facts, shown_name

TAGLINE = "Quayside is a web magazine with obsessive daily coverage of everything on the harbour"


@pytest.mark.parametrize("title, url, site, name", [
    # already a name: kept whole, a section with it too
    ("Quay Times", "https://quaytimes.example/rss", None, "Quay Times"),
    ("Quay Times - World", "https://quaytimes.example/rss", None, "Quay Times - World"),
    ("World news | The Quay Times", "https://quaytimes.example/rss", None, "World news | The Quay Times"),
    ("Off Pier with Ada Lind and Bo Brandt", "https://offpier.example/rss", None,
     "Off Pier with Ada Lind and Bo Brandt"),  # a long name in a name's words
    # parts that name nothing go
    ("Home | Quay Mail", "https://quaymail.example/rss", None, "Quay Mail"),
    ("Quayfeed - Latest", "https://quayfeed.example/rss", None, "Quayfeed"),
    ("QT > Top Stories", "https://quaytimes.example/rss", None, "QT"),
    ("quaytimes.example | 首页", "https://quaytimes.example/rss", None, "quaytimes.example"),
    ("Quaymint - All Posts", "https://quaymint.example/rss", None, "Quaymint"),
    ("Latest News Quay18", "https://quay18.example/rss", None, "Quay18"),
    # a sentence or a tagline gives way to the site's name in it, else its address's
    (TAGLINE, "https://www.quayside.example/rss.xml", "https://www.quayside.example/", "Quayside"),
    ("www.quaytimes.example for the latest news from the harbour and around the world.",
     "https://quaytimes.example/rss", None, "Quaytimes"),
    ("The Latest News from the Harbour and Around the Bay | Quay News", "https://news.quay.example/rss", None,
     "Quay News"),
    ("Wellness: Health, Fitness, Nutrition & More - The Quay Post", "https://quaypost.example/rss", None,
     "The Quay Post"),
    ("Pierbuyer: Reviews for the Real Harbour", "https://quaytimes.example/pierbuyer", None, "Pierbuyer"),
    ("Quay Radio - Хроника событий в порту и на набережной", "https://quayradio.example/rss", None, "Quay Radio"),
    ("UK homepage", "https://qt.example/rss", None, "qt.example"),  # an edition, not the outlet
    # a bracket the name closes stays; an empty pair goes
    ("Feed [i]X[/i]", "https://brackets.example/rss", None, "Feed [i]X[/i]"),
    ("码头公园（！）", "https://pier.example/rss", None, "码头公园"),
    ("[bold]Pier[/] Feed", "https://pier.example/rss", None, "[bold]Pier[/] Feed"),
    # nothing to show: a saved page's file name
    ("page.txt", "/home/me/saved/page.txt", None, ""),
])
def test_shown_name(title, url, site, name):
    assert shown_name(title, url, site) == name


def test_a_bracketed_name_keeps_its_last_bracket_as_a_category():
    src = Source("Feed [i]X[/i]", "https://brackets.example/rss")
    assert facts(src.title, src.url, src.site).name == "Feed [i]X[/i]"
    assert choose([], src) == []
    assert choose([Entry(), Entry()], src) == ["Feed [i]X[/i]", "Feed [i]X[/i]"]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def test_the_real_feeds_go_by_short_names_taken_from_them(shared):
    """All 56: every name short, never a sentence, made of the title's own words or the
    address's; a short title that is a name is kept whole."""
    from newsreader.ingest.feeds import parse_feed
    from newsreader.ingest.sources import _sentence, _width, domain

    paths = sorted((shared / "data" / "feeds" / "real").iterdir())
    assert len(paths) == 56
    changed = 0
    for path in paths:
        feed = parse_feed(path.read_bytes(), str(path))
        name = shown_name(feed.title, str(path), feed.link)
        assert name and _width(name) <= LONG_NAME_LEN and not _sentence(name), (path.name, name)
        host = domain((feed.link or "").split("://")[-1].split("/")[0].removeprefix("www."))
        assert _words(name) <= _words(feed.title) | _words(host), (path.name, name)
        simple = _width(feed.title) <= NAME_LEN and not re.search(r"\s[-|>:–]\s|[|]", feed.title)
        if simple and not re.search(r"(?i)\b(latest|all|top|homepage)\b|[（(]", feed.title):
            assert name == feed.title, (path.name, name)
        changed += name != feed.title
    assert changed >= 20  # the taglines, "Home | ...", "... - Latest" and the like


def test_a_bracketed_term_names_its_section_under_a_bracketed_feed_title(tmp_path):
    """'[Sport]' is Sport (it was lost, and the article filed under the feed's title
    less its last ']'); what names no section goes under the whole name."""
    from newsreader.ingest.categories import term_section
    from newsreader.ingest.pipeline import import_file
    from newsreader.store import Store

    terms = ("[Sport]", "【体育】", "(World)", "[i]x[/i]")
    assert [term_section(t) for t in terms] == ["Sport", "Sport", "World", None]
    items = "".join(f"<item><title>{t}</title><guid>{t}</guid><description>Body.</description>{c}</item>"
                    for t, c in [("One", "<category>[Sport]</category>"), ("Two", "<category>[Sport]</category>"),
                                 ("Three", ""), ("Four", ""), ("Five", ""),
                                 ("Six", "")])
    path = tmp_path / "b.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed [i]X[/i]</title>'
                    f"<link>https://brackets.example/</link>{items}</channel></rss>", encoding="utf-8")
    with Store(tmp_path / "l.sqlite3") as store:
        assert import_file(store, path).error is None
        got = {a.title: (a.category, a.feed_title) for a in store.list_articles()}
    assert got == {"One": ("Sport", "Feed [i]X[/i]"), "Two": ("Sport", "Feed [i]X[/i]"),
                   "Three": ("Feed [i]X[/i]", "Feed [i]X[/i]"), "Four": ("Feed [i]X[/i]", "Feed [i]X[/i]"),
                   "Five": ("Feed [i]X[/i]", "Feed [i]X[/i]"), "Six": ("Feed [i]X[/i]", "Feed [i]X[/i]")}
