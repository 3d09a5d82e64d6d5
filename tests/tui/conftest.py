"""The app's tests: a small library built through the real store and import pipeline."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsreader import paths
from newsreader.config import Config
from tests.tui import quote_stub

DATA = Path(__file__).resolve().parents[1] / "data" / "tui"
NOW = datetime(2026, 11, 5, 12, 0, tzinfo=timezone.utc)
FEEDS = ("world.rss", "science.rss", "hostile.rss")


@pytest.fixture(autouse=True)
def tui_home(tmp_path, monkeypatch):
    """Every app test keeps its library, config and state in its own tmp_path."""
    home = tmp_path / "nr-home"
    home.mkdir()
    monkeypatch.setenv("NEWSREADER_HOME", str(home))
    paths.set_home(home)
    yield home
    paths.set_home(None)


def build_library(db: Path, feeds=FEEDS) -> None:
    """Import the fixture feeds with the real pipeline (quotes from the stand-in finder)."""
    from newsreader.ingest import pipeline
    from newsreader.store import Store

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "analyse", quote_stub.analyse)
        with Store(db) as store:
            for name in feeds:
                result = pipeline.import_file(store, DATA / name)
                assert result.error is None, result.error


def bulk_library(db, n: int) -> None:
    """``n`` articles, one a minute, Article 000000 the oldest, already analysed."""
    from newsreader.analysis import QUOTES_VERSION
    from newsreader.store import NewArticle, Store

    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with Store(db) as store:
        feed = store.ensure_feed("bulk://feed", "Bulk")
        store.upsert_articles(feed, "bulk://feed", [
            NewArticle(guid=f"g{i}", title=f"Article {i:06d}", body=f"Body {i}.", category="Bulk",
                       content_hash=f"h{i}", quotes_version=QUOTES_VERSION,
                       published=(t0 + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ"))
            for i in range(n)])


@pytest.fixture(scope="session")
def library_template(tmp_path_factory) -> Path:
    """The fixture library, built once; each test gets a copy."""
    db = tmp_path_factory.mktemp("template") / "library.sqlite3"
    build_library(db)
    return db


@pytest.fixture
def library(tui_home, library_template) -> Path:
    """A fresh copy of the fixture library in this test's home."""
    db = paths.database_path()
    shutil.copy(library_template, db)
    return db


@pytest.fixture
def make_app(library):
    """An app on the test library, with a frozen clock and the default settings."""
    from newsreader.tui.app import NewsreaderApp

    def make(config: Config | None = None, db: Path | None = None) -> NewsreaderApp:
        return NewsreaderApp(db or library, clock=lambda: NOW, config=config or Config(refresh_minutes=0))

    return make


@pytest.fixture
def anyio_backend():
    """Pilot tests run on asyncio (through anyio's pytest plugin)."""
    return "asyncio"


async def settle(pilot) -> None:
    """Let messages, then workers, then their results land."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def titles(app) -> list[str]:
    """The article list's titles, top to bottom."""
    return [r.title for r in app.main.articles.rows]


def stored(db: Path, article_id: int):
    """The article as the library holds it now (a fresh connection)."""
    from newsreader.store import Store

    with Store(db) as store:
        return store.article(article_id)


def article_id(db: Path, title: str) -> int:
    """The id of the article with this title."""
    from newsreader.store import Store

    with Store(db) as store:
        return next(a.id for a in store.iter_articles() if a.title == title)
