"""Stories in a real library: grouping as articles arrive, the schema upgrade, one page
under two addresses, and the ``stories`` / ``story`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.analysis.stories import STORIES_VERSION
from newsreader.ingest.pipeline import import_paths
from newsreader.ingest.stories import group_new
from newsreader.store import NewArticle, Store
from newsreader.store.schema import SCHEMA_VERSION
from tests.unit.clirun import run
from tests.unit.oldlib import library_at

DATA = Path(__file__).resolve().parents[1] / "data" / "stories"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
CRANE = "Crane collapses onto container ship at Port Wenna"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "library.sqlite3") as s:
        yield s


def titles(story) -> list[str]:
    return [a.title for a in story.articles]


def test_an_import_groups_three_outlets_into_one_story_and_leaves_the_rest(store):
    import_paths(store, sorted(DATA.glob("*.json")))
    (story,) = store.stories()
    assert story.title == CRANE  # the first article's headline
    assert story.outlets == ("The Wenna Post", "Coastline Radio", "The Daily Lantern")
    others = [a for a in store.iter_articles() if a.story_id is None]
    assert sorted(a.title for a in others) == ["Crane inquiry blames worn cable at Port Wenna",
                                               "Port Wenna lantern festival draws record crowds"]
    listed = {a.title: a.story_outlets for a in store.iter_articles()}
    assert listed[CRANE] == 3 and listed["Port Wenna lantern festival draws record crowds"] == 0


def test_articles_arriving_later_join_the_story_already_made(store):
    import_paths(store, [DATA / "post.json", DATA / "radio.json"])
    (before,) = store.stories()
    assert len(before.articles) == 2
    import_paths(store, [DATA / "lantern.json"])
    (after,) = store.stories()
    assert after.id == before.id and titles(after)[:2] == titles(before)
    assert len(after.articles) == 3
    assert group_new(store) == 0  # nothing new: nothing placed again


def test_stories_made_by_an_older_grouping_method_are_made_again_at_once(store):
    import_paths(store, sorted(DATA.glob("*.json")))
    (story,) = store.stories()
    assert store.stories_version() == STORIES_VERSION
    # as an older method might have left it: the festival in the crane's story
    festival = next(a for a in store.iter_articles() if a.title.startswith("Port Wenna lantern"))
    store.place_in_stories({festival.id: story.id}, store.stories_through())
    store.set_meta("stories_version", str(STORIES_VERSION - 1))
    assert len(store.story(story.id).articles) == 4
    assert group_new(store) == 3  # the story made again from every article: its three outlets
    (again,) = store.stories()
    assert titles(again) == titles(story) and festival.id not in [a.id for a in again.articles]
    assert store.stories_version() == STORIES_VERSION
    assert group_new(store) == 0  # and only once


def test_a_library_grouped_before_the_method_was_noted_counts_as_the_first_method(store):
    import_paths(store, sorted(DATA.glob("*.json")))
    store.set_meta("stories_version", None)
    assert store.stories_version() == 1
    group_new(store)
    assert store.stories_version() == STORIES_VERSION and len(store.stories()) == 1


def test_deleting_an_article_keeps_the_story_counts(store):
    import_paths(store, sorted(DATA.glob("*.json")))
    (story,) = store.stories()
    store.conn.execute("DELETE FROM articles WHERE id = ?", (story.articles[-1].id,))
    row = store.conn.execute("SELECT articles, outlets FROM stories WHERE id = ?", (story.id,)).fetchone()
    assert row == (2, 2)


def test_one_page_under_two_addresses_is_one_article_not_a_story(store):
    fid = store.ensure_feed("f", "F")
    page = dict(title=CRANE, body="A crane fell on a ship at Port Wenna.", category="News", published=None)
    store.upsert_articles(fid, "f", [NewArticle(guid="a", content_hash="1",
                                                link="https://www.post.invalid/crane/?utm_source=rss", **page)])
    gid = store.ensure_feed("g", "G")
    counts = store.upsert_articles(gid, "g", [NewArticle(guid="b", content_hash="2",
                                                         link="http://post.invalid/crane#top", **page)])
    assert (counts.added, counts.updated) == (0, 1)
    assert store.count() == 1
    group_new(store)
    assert store.stories() == []


def test_a_version_6_library_is_upgraded_and_its_articles_grouped(tmp_path):
    path = tmp_path / "v6.sqlite3"
    c = library_at(path, 6)
    for fid, title in ((1, "Post"), (2, "Radio")):
        c.execute("INSERT INTO feeds (id, url, title, added_at) VALUES (?, ?, ?, '2026-11-01T00:00:00Z')",
                  (fid, f"feed{fid}", title))
    bodies = ["A dockside crane collapsed onto the container ship Saltmarsh Trader at Port Wenna, "
              "harbour master Edda Morrow said; two crew were hurt and the northern quay closed.",
              "Two sailors of the Saltmarsh Trader were hurt when a harbour crane collapsed at Port Wenna; "
              "Edda Morrow closed the northern quay."]
    for i, (fid, body) in enumerate(zip((1, 2), bodies)):
        c.execute("INSERT INTO articles (feed_id, source, guid, link, title, published, imported_at, category,"
                  " body, content_hash) VALUES (?, ?, ?, ?, ?, ?, '2026-11-03T12:00:00Z', 'News', ?, ?)",
                  (fid, f"feed{fid}", f"g{i}", f"https://www.site{i}.invalid/crane/", f"Port Wenna crane {i}",
                   f"2026-11-03T0{8 + i}:00:00Z", body, f"h{i}"))
    c.close()
    with Store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 7
        assert [r[0] for r in s.conn.execute("SELECT link_key FROM articles ORDER BY id")] == [
            "site0.invalid/crane", "site1.invalid/crane"]
        assert s.stories_through() == 0
        assert group_new(s) == 2
        (story,) = s.stories()
        assert story.outlets == ("Post", "Radio")


def test_stories_and_story_commands(capsys, tmp_path):
    home = str(tmp_path / "home")
    assert run(capsys, "--home", home, "import", *map(str, sorted(DATA.glob("*.json"))))[0] == 0
    code, out, err = run(capsys, "--home", home, "stories", "--json")
    assert code == 0, err
    (story,) = json.loads(out)
    assert set(story) >= {"id", "title", "articles"} and len(story["articles"]) == 3
    code, out, err = run(capsys, "--home", home, "story", str(story["id"]), "--json")
    got = json.loads(out)
    assert [a["id"] for a in got["articles"]] == story["articles"]
    assert {"text", "speaker", "articles"} <= set(got["quotes"][0])
    code, out, err = run(capsys, "--home", home, "story", str(story["id"]))
    assert code == 0 and "Crane collapses onto container ship" in out and "only Coastline Radio" in out
    assert "3 articles from 3 outlets" in out
    code, out, err = run(capsys, "--home", home, "story", "999")
    assert code == 1 and err.strip() == "newsreader: error: no story with id 999"
    code, out, err = run(capsys, "--home", home, "story", "x")
    assert code == 2 and len(err.strip().splitlines()) == 1


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")
def test_the_two_seed_pages_are_one_story_and_their_shared_quotations_listed_once(capsys, tmp_path):
    home = str(tmp_path / "home")
    assert run(capsys, "--home", home, "import", *map(str, sorted(SEEDS.glob("*.txt"))))[0] == 0
    stories = json.loads(run(capsys, "--home", home, "stories", "--json")[1])
    assert len(stories) == 1 and len(stories[0]["articles"]) == 2
    got = json.loads(run(capsys, "--home", home, "story", str(stories[0]["id"]), "--json")[1])
    both = [q for q in got["quotes"] if len(q["articles"]) == 2]
    assert both, "no quotation listed with both pages"
    # a quotation both carry word for word is one entry, never two
    texts = [" ".join(q["text"].lower().split()) for q in got["quotes"]]
    assert len(texts) == len(set(texts))


def test_counts_read_as_words():
    from newsreader.text import counted

    assert [counted(n, "outlet") for n in (0, 1, 2)] == ["no outlets", "1 outlet", "2 outlets"]


def test_the_story_command_names_a_speaker_as_the_story_view_does():
    """One person spelt two ways by two outlets is one speaker in ``story``, as in the app."""
    from datetime import datetime, timezone

    from rich.console import Console

    from newsreader.analysis.stories.align import Carried, merge_quotes
    from newsreader.models import Story, StoryArticle
    from newsreader.storycmds import render_story, story_json
    from newsreader.storyview import Comparison, speakers_of

    when = datetime(2025, 9, 12, tzinfo=timezone.utc)
    story = Story(1, "Talks", when, when, (StoryArticle(1, "A", "Post", when, 100),
                                           StoryArticle(2, "B", "Radio", when, 100)))
    merged = merge_quotes([1, 2], [
        Carried(1, 0, 30, "No troops of theirs will do.", "Sergei Lavrov", "lavrov"),
        Carried(1, 40, 70, "We said so in March already.", "Sergei Lavrov", "lavrov"),
        Carried(2, 0, 30, "This is unacceptable to us all.", "Sergey Lavrov", "lavrov")])
    cmp = Comparison(story, tuple(merged), speakers_of(merged))
    console = Console(width=200, record=True)
    console.print(render_story(cmp))
    text = console.export_text()
    assert "Sergey" not in text and text.count("— Sergei Lavrov") == 3
    assert "Sergei Lavrov · Post, Radio" in text  # the speakers, as the app lists them
    assert {q["speaker"] for q in story_json(cmp)["quotes"]} == {"Sergei Lavrov"}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")
def test_the_seed_story_lists_each_speaker_once(capsys, tmp_path):
    home = str(tmp_path / "home")
    assert run(capsys, "--home", home, "import", *map(str, sorted(SEEDS.glob("*.txt"))))[0] == 0
    stories = json.loads(run(capsys, "--home", home, "stories", "--json")[1])
    got = json.loads(run(capsys, "--home", home, "story", str(stories[0]["id"]), "--json")[1])
    names = {sp["name"] for sp in got["speakers"]}
    assert {q["speaker"] for q in got["quotes"] if q["speaker"]} <= names
    code, out, _ = run(capsys, "--home", home, "story", str(stories[0]["id"]))
    said = {line.split("— ", 1)[1].split(" · ")[0] for line in out.splitlines() if "— " in line}
    assert code == 0 and said <= names | {"(unattributed)"}, said - names
