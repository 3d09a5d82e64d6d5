"""Category choice: short and useful lists, even on feeds with a dozen keywords an entry."""

from __future__ import annotations

from collections import Counter

import pytest

from newsreader.ingest.categories import POOL, choose_categories, link_section
from newsreader.ingest.feeds import parse_feed
from newsreader.models import ParsedArticle


def art(*cats, link=None):
    return ParsedArticle(title="t", body="b", categories=cats, link=link)


def test_given_category_wins():
    assert choose_categories([art("Sport"), art()], "Local") == ["Local", "Local"]


def test_recurring_term_beats_keywords():
    arts = [art("Ukraine", "World"), art("Elections", "World"), art("World", "Flooding"), art("Sport", "Cricket"),
            art("Sport", "Tennis")]
    assert choose_categories(arts) == ["World", "World", "World", "Sport", "Sport"]


def test_link_section_is_the_fallback():
    assert link_section("https://paper.example/2026/11/02/world/europe/some-story.html") == "World"
    assert link_section("https://paper.example/world/2026/nov/02/some-story") == "World"
    assert link_section("https://paper.example/some-story") == ""
    arts = [art(link="https://p.example/2026/01/02/science/a.html"),
            art(link="https://p.example/2026/01/03/science/b.html"), art(link=None)]
    assert choose_categories(arts) == ["Science", "Science", "Uncategorised"]


def test_machine_tags_and_placeholders_are_not_categories():
    arts = [art("storytype:standard", "Uncategorized")] * 3
    assert choose_categories(arts) == ["Uncategorised"] * 3


@pytest.mark.parametrize("name", ["nyt_homepage.rss", "guardian_uk.rss", "telegraph.rss"])
def test_real_keyword_heavy_feeds_give_short_lists(shared, name):
    path = shared / "data" / "feeds" / "real" / name
    feed = parse_feed(path.read_bytes(), str(path))
    chosen = choose_categories(feed.articles)
    counts = Counter(chosen)
    assert len(counts) <= POOL + 1
    assert counts["Uncategorised"] < len(chosen) * 0.6
    tags = Counter(t for a in feed.articles for t in a.tags)
    assert len(tags) > 3 * len(counts)  # every keyword is still there, as a tag
