"""The feeds set of stories_eval.py: entries of one week of real feeds (../shared).

Each entry is named ``<feed file>#<n>`` (its place in the feed); its text is read
from the feed each time and never kept here.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsreader.ingest.feeds import parse_feed  # noqa: E402
from newsreader.text import clean_line, clean_text  # noqa: E402

# The feeds whose entries fall in one week (22 March to 6 April 2022), news of one world.
WEEK_FEEDS = ("bbc_news_world_video_audio.rss", "buzzfeed_uk.rss", "engadget.rss", "ft_uk_homepage.rss",
              "guardian_uk.rss", "huffpost_frontpage.rss", "macrumors.rss", "nasa_breaking_news.rss",
              "nyt_homepage.rss", "sky_news_home.rss", "telegraph.rss", "thenextweb.rss",
              "theverge_frontpage.atom")
START, END = datetime(2022, 3, 22, tzinfo=timezone.utc), datetime(2022, 4, 7, tzinfo=timezone.utc)


def feed_docs(folder: Path) -> list[tuple[str, str, str, float | None]]:
    """(name, title, body, time) of every entry of the week's feeds found in ``folder``."""
    out = []
    for name in WEEK_FEEDS:
        path = folder / name
        if not path.exists():
            continue
        feed = parse_feed(path.read_bytes(), str(path))
        for n, art in enumerate(feed.articles):
            if art.published is None or not START <= art.published < END:
                continue
            body = clean_text(art.body) or clean_text(art.summary)
            out.append((f"{name}#{n}", clean_line(art.title), body, art.published.timestamp()))
    return out
