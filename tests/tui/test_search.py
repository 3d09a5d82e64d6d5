"""Search in the app: best matches first, a key for newest first, the matched words marked."""

from __future__ import annotations

import pytest

from tests.tui.conftest import settle, titles

pytestmark = pytest.mark.anyio
SUMMIT = "Ministers meet at the river summit"
INTERVIEW = "Interview: the mapmaker who redrew the delta"


async def search(pilot, words: str) -> None:
    await pilot.press("slash", *words, "enter")
    await settle(pilot)


def marked(app) -> list[str]:
    """The words the reading pane marks as matches, title first, in reading order."""
    style = app.main.reader.quote_styles().match
    assert style.reverse  # the TCSS gives matches a style of their own
    statics = [app.main.reader.query_one("#article-title"),
               *app.main.reader.query("#article-body > .paragraph")]
    out = []
    for static in statics:
        content = static.content
        out += [content.plain[s.start:s.end] for s in sorted(content.spans, key=lambda s: s.start)
                if s.style == style]
    return out


async def test_results_come_by_relevance_and_o_switches_to_date(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, "delta")
        # the delta is in the interview's title: it comes first, though older
        assert titles(app) == [INTERVIEW, SUMMIT]
        assert app.main.articles.border_title == "Search: delta · by relevance"
        footer_keys = {b.binding.key for b in app.main.active_bindings.values() if b.enabled}
        assert "O" in footer_keys
        await pilot.press("O")
        await settle(pilot)
        assert titles(app) == [SUMMIT, INTERVIEW]
        assert app.main.articles.border_title == "Search: delta · newest first"
        await search(pilot, "delta")  # a new search keeps the order chosen
        assert app.main.articles.border_title == "Search: delta · newest first"
        await pilot.press("O")
        await settle(pilot)
        assert titles(app) == [INTERVIEW, SUMMIT]
        await pilot.press("q")  # back to the categories' view: O does nothing there
        await settle(pilot)
        assert app.main.articles.view.key == "all"
        assert "O" not in app.main.active_bindings  # nor is it offered in the footer
        before = titles(app)
        await pilot.press("O")
        await settle(pilot)
        assert titles(app) == before and app.main.articles.view.key == "all"


async def test_an_article_opened_from_a_search_has_the_words_marked(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, "Listen MAP")  # every word, the last a prefix, any case
        assert titles(app) == [SUMMIT, INTERVIEW] or titles(app) == [INTERVIEW, SUMMIT]
        app.main.articles.highlight_id(next(r.id for r in app.main.articles.rows if r.title == INTERVIEW))
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.article.title == INTERVIEW
        assert marked(app) == ["mapmaker", "map", "listen", "listen"]
        assert "4 matches marked" in str(app.main.query_one("#status-line").content)
        # the mark sits on top of the quote colours: the turn keeps its speaker's colour
        para = next(p.content for p in app.main.reader.query("#article-body > .paragraph")
                    if "listen to you" in p.content.plain)
        at = para.plain.index("listen")
        assert any(s.start <= at < s.end and s.style != app.main.reader.quote_styles().match for s in para.spans)
        await pilot.press("q", "q")  # back to the list, back to All
        await settle(pilot)
        assert app.main.articles.view.key == "all"
        app.main.articles.highlight_id(app.main.article.id)
        await pilot.press("enter")
        await settle(pilot)
        assert marked(app) == []  # opened from a list that is no search: nothing marked


async def test_a_search_matching_more_than_the_ranked_window_lists_every_match(make_app, monkeypatch):
    from newsreader.store import Filter, Store
    from newsreader.store.search import SearchQueries

    monkeypatch.setattr(SearchQueries, "rank_window", 2)  # every store the app opens, workers' too
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, "the")
        with Store(app.db_path) as store:
            every = store.list_articles(Filter(search="the"), limit=None)  # newest first
        assert len(every) > 3
        newest = sorted(every, key=lambda a: a.id, reverse=True)
        rows = app.main.articles.rows
        assert {r.id for r in rows[:2]} == {a.id for a in newest[:2]} and all(r.rank is not None for r in rows[:2])
        assert [(r.id, r.rank) for r in rows[2:]] == [(a.id, None) for a in newest[2:]]
        assert str(app.main.articles.border_subtitle) == f"{len(every)} articles"
        await pilot.press("G")
        await settle(pilot)
        assert app.main.articles.current.id == newest[-1].id


async def test_a_search_is_read_off_the_event_loop_and_its_dialog_goes_with_the_results(make_app):
    import threading
    from contextlib import contextmanager

    from newsreader.store import Store
    from newsreader.tui.screens.search import SearchDialog

    app = make_app()
    gate = threading.Event()

    @contextmanager
    def slow_store():  # a search that takes as long as the test says
        gate.wait(10)
        with Store(app.db_path) as store:
            yield store

    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.articles._thread_store = slow_store
        before = titles(app)
        await pilot.press("slash", *"delta", "enter")
        await pilot.pause()
        # still being read: the dialog stays (and answers keys), the list is as it was
        assert isinstance(app.screen, SearchDialog) and titles(app) == before
        await pilot.press("escape")  # given up: nothing the worker finds is shown
        await pilot.pause()
        assert app.screen is app.main
        gate.set()
        await settle(pilot)
        assert titles(app) == before and app.main.articles.view.key == "all"
        gate.clear()
        await pilot.press("slash", *"delta", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchDialog)
        gate.set()
        await settle(pilot)
        assert app.screen is app.main and titles(app) == [INTERVIEW, SUMMIT]
        assert app.main.articles.border_title == "Search: delta · by relevance"
