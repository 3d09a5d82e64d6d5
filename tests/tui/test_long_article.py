"""A long article opens at once: its paragraphs are mounted a batch at a time, as
the reader comes near the last one mounted, and whatever needs a paragraph further
down (the end, a quote, paging past the end) mounts it first."""

from __future__ import annotations

import pytest

from newsreader.analysis import QUOTES_VERSION
from newsreader.config import Config
from newsreader.models import Quote
from newsreader.store import NewArticle, Store
from tests.tui.conftest import NOW, settle

pytestmark = pytest.mark.anyio
PARAGRAPHS = 600  # some 90,000 characters: many batches at 80x24
LAST_WORDS = "The very last paragraph."


def long_body() -> tuple[str, tuple[Quote, ...]]:
    """Paragraphs of about 150 characters; Ida Moss is quoted in the first and the last but one."""
    paras, quotes, at = [], [], 0
    for i in range(PARAGRAPHS):
        text = f"Paragraph {i} of the long read goes on about the harbour and the weather for a while longer."
        if i in (0, PARAGRAPHS - 2):
            head = text + " “"
            said = f"Quote number {i}"
            quotes.append(Quote(at + len(head), at + len(head) + len(said), "quote", "Ida Moss",
                                at + len(head) + len(said) + 8, at + len(head) + len(said) + 16, "said"))
            text = f"{head}{said},” said Ida Moss."
        paras.append(LAST_WORDS if i == PARAGRAPHS - 1 else text)
        at += len(paras[-1]) + 2
    return "\n\n".join(paras), tuple(quotes)


@pytest.fixture
def long_app(tui_home):
    from newsreader.tui.app import NewsreaderApp

    db = tui_home / "library.sqlite3"
    body, quotes = long_body()
    with Store(db) as store:
        feed = store.ensure_feed("long://feed", "Long")
        store.upsert_articles(feed, "long://feed", [
            NewArticle(guid=f"g{i}", title=title, body=text, category="Long", content_hash=f"h{i}",
                       published=f"2026-11-0{i + 1}T10:00:00Z", quotes=q, quotes_version=QUOTES_VERSION,
                       speaker_keys=("ida moss",) * len(q))
            for i, (title, text, q) in enumerate([("Short one", "Just a line.", ()),
                                                  ("The long read", body, quotes)])])
    return NewsreaderApp(db, clock=lambda: NOW, config=Config(refresh_minutes=0))


def mounted(app) -> list:
    return list(app.main.reader.query("#article-body > .paragraph"))


async def open_long(app, pilot) -> None:
    await settle(pilot)
    assert app.main.articles.current.title == "The long read"  # the newest
    await pilot.press("enter")
    await settle(pilot)


async def test_a_long_article_opens_with_a_batch_of_paragraphs_and_scrolling_brings_the_rest(long_app):
    app = long_app
    async with app.run_test(size=(80, 24)) as pilot:
        await open_long(app, pilot)
        reader = app.main.reader
        first = len(mounted(app))
        assert 0 < first < PARAGRAPHS / 4 and not reader.all_mounted
        assert str(mounted(app)[0].content).startswith("Paragraph 0 ")
        reader.scroll_to(y=reader.max_scroll_y, animate=False, immediate=True)
        assert not reader.at_end  # the bottom of what is mounted is not the article's end
        reader.scroll_home(animate=False, immediate=True)
        await settle(pilot)
        for _ in range(40):  # a page at a time: each comes near the last paragraph mounted
            reader.scroll_page_down(animate=False)
            await pilot.pause()
        assert len(mounted(app)) > first
        numbers = [int(str(p.content).split()[1]) for p in mounted(app)]
        assert numbers == list(range(len(numbers)))  # in order, each once


async def test_space_pages_through_every_batch_before_opening_the_next_unread(long_app):
    app = long_app
    async with app.run_test(size=(80, 40)) as pilot:
        await open_long(app, pilot)
        reader = app.main.reader
        presses = 0
        while not reader.at_end:  # never at the end while paragraphs are still to come
            await pilot.press("space")
            presses += 1
            assert presses < PARAGRAPHS
        assert reader.all_mounted and str(mounted(app)[-1].content) == LAST_WORDS
        await pilot.press("space")
        await settle(pilot)
        assert app.main.article.title == "Short one"


def numbers(app) -> list[int]:
    return [int(str(p.content).split()[1]) if str(p.content) != LAST_WORDS else PARAGRAPHS - 1
            for p in mounted(app)]


async def test_the_end_key_shows_the_last_paragraph_mounting_only_a_batch_before_it(long_app):
    app = long_app
    async with app.run_test(size=(80, 24)) as pilot:
        await open_long(app, pilot)
        await pilot.press("G")
        await settle(pilot)
        reader = app.main.reader
        assert reader.at_end and reader.scroll_y == reader.max_scroll_y > 0
        last = mounted(app)[-1]
        assert str(last.content) == LAST_WORDS and reader.region.contains_region(last.region)
        # the paragraphs between the first batch and the last were never mounted
        assert 0 < len(mounted(app)) < PARAGRAPHS / 4 and not reader.all_mounted
        assert numbers(app) == list(range(numbers(app)[0], PARAGRAPHS))


async def test_scrolling_up_from_the_end_brings_the_paragraphs_above_in_order_and_g_the_top(long_app):
    app = long_app
    async with app.run_test(size=(80, 24)) as pilot:
        await open_long(app, pilot)
        await pilot.press("G")
        await settle(pilot)
        reader = app.main.reader
        first = numbers(app)[0]
        for _ in range(60):  # a page at a time: each comes near the first paragraph mounted
            in_view = next(p for p in mounted(app) if p.region.height and p.region.y >= reader.region.y)
            at = in_view.region.y
            reader.scroll_page_up(animate=False)
            await settle(pilot)
            if numbers(app)[0] < first:  # a batch came above: what was in view moved by a page, no more
                assert abs((in_view.region.y - at) - reader.scrollable_content_region.height) <= 1
                break
        assert numbers(app)[0] < first
        assert numbers(app) == list(range(numbers(app)[0], PARAGRAPHS))  # in order, each once, to the end
        await pilot.press("g")
        await settle(pilot)
        assert reader.scroll_y == 0 and numbers(app)[0] == 0
        assert reader.region.contains_region(app.main.reader.query_one("#article-title").region)


async def test_a_jump_to_a_quote_not_mounted_yet_mounts_it_and_shows_it(long_app):
    app = long_app
    async with app.run_test(size=(80, 24)) as pilot:
        await open_long(app, pilot)
        reader = app.main.reader
        assert not reader.all_mounted
        await pilot.press("right_square_bracket", "right_square_bracket")  # the second quote, near the end
        await settle(pilot)
        assert reader.current == max(app.main.article.quotes, key=lambda q: q.start)
        holding = next(p for p in mounted(app) if "Quote number" in str(p.content)
                       and f"Paragraph {PARAGRAPHS - 2} " in str(p.content))
        assert reader.region.contains_region(holding.region)
        current = reader.quote_styles().current
        assert any(s.style == current for s in holding.content.spans)
