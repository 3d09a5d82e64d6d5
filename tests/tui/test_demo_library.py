"""The bundled demo library through the real import pipeline and the real quote finder.

The other app tests use a fixed stand-in finder so their screens stay put while
the analyser improves; this one shows what the analyser itself hands the app.
"""

from __future__ import annotations

from collections import Counter

import pytest

from newsreader import paths
from newsreader.demo import build_demo_library
from newsreader.store import Store
from newsreader.tui.widgets.speaker_list import SpeakerList
from tests.tui.conftest import NOW, article_id, settle

pytestmark = pytest.mark.anyio
INTERVIEW = "Listening to the deep: a conversation with Dr. Oona Brasswell"


async def test_demo_interview_shows_the_analysers_speakers_and_turns(tui_home):
    from newsreader.config import Config
    from newsreader.tui.app import NewsreaderApp

    db = paths.database_path()
    build_demo_library(db)
    art_id = article_id(db, INTERVIEW)
    with Store(db) as store:
        quotes = store.article_quotes(art_id)
        body = store.article(art_id).body
    by_speaker = Counter(q.speaker for q in quotes if q.speaker)
    assert any(q.kind == "turn" for q in quotes) and any("Brasswell" in s for s in by_speaker)

    app = NewsreaderApp(db, clock=lambda: NOW, config=Config(refresh_minutes=0))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.open_article(art_id)
        await settle(pilot)
        shown = dict(app.main.query_one(SpeakerList).speakers)
        assert shown == dict(by_speaker)
        styles = app.main.reader.quote_styles()
        paras = [p.content for p in app.main.reader.query("#article-body > .paragraph")]
        speaker_styles = {styles.speaker(i) for i in range(len(shown))}
        styled = [p for p in paras if any(s.style in speaker_styles for s in p.spans)]
        assert styled, "no paragraph has a quote in a speaker's colour"
        turn = next(q for q in quotes if q.kind == "turn" and q.speaker)
        text = body[turn.start:turn.end]
        assert any(text[:30] in p.plain for p in styled)


async def test_quotes_an_older_finder_left_are_found_again_in_the_background(tui_home):
    import sqlite3

    from newsreader.config import Config
    from newsreader.tui.app import NewsreaderApp

    db = paths.database_path()
    build_demo_library(db)
    with Store(db) as store:
        want = Counter(s.name for s in store.speakers() for _ in range(s.quotes))
    with sqlite3.connect(db) as conn:  # as a library from before the current quote finder
        conn.execute("DELETE FROM quotes")
        conn.execute("UPDATE articles SET quotes_version = 0")
    app = NewsreaderApp(db, clock=lambda: NOW, config=Config(refresh_minutes=0))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert "Quotes found again in 16 articles" in str(app.main.query_one("#status-line").content)
    with Store(db) as store:
        assert Counter(s.name for s in store.speakers() for _ in range(s.quotes)) == want
