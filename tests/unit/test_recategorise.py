"""Categories chosen again for a stored library: when the rules or the user's mapping
change, on import and refresh, through the command line; read and favourite state kept."""

from __future__ import annotations

import json

import pytest

from newsreader.ingest import categories as categories_module
from newsreader.ingest.categories import NO_RULES, CategoryRules
from newsreader.ingest.pipeline import import_file
from newsreader.ingest.recategorise import STAMP_KEY, is_current, recategorise
from newsreader.store import Store
from tests.unit.oldlib import library_at

ITEM = """<item><title>{title}</title><link>https://gazette.example/{folder}{slug}</link>
<guid>{slug}</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>{cats}
<description>Body of {title}.</description></item>"""


def write_feed(path, items, title="The Gazette"):
    """A feed of (title, folder, categories) items."""
    body = "".join(ITEM.format(title=t, folder=f, slug=f"s{i}", cats="".join(f"<category>{c}</category>" for c in cs))
                   for i, (t, f, cs) in enumerate(items))
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
                    f"<link>https://gazette.example/</link>{body}</channel></rss>", encoding="utf-8")
    return path


ITEMS = [("Summit", "", ["Mundo", "Ukraine"]), ("Derby", "sport/", []), ("Budget", "", ["Economia"]),
         ("Quiz one", "", ["Community"]), ("Quiz two", "", ["Community"]), ("Quiz three", "", ["Rewind"]),
         ("Quiz four", "", ["Rewind"])]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "library.sqlite3") as s:
        yield s


def categories(store):
    return {a.title: a.category for a in store.list_articles(limit=None)}


def test_a_new_mapping_moves_stored_articles_and_keeps_their_state(store, tmp_path):
    feed = write_feed(tmp_path / "gazette.rss", ITEMS)
    assert import_file(store, feed).error is None
    assert categories(store) == {"Summit": "World", "Derby": "Sport", "Budget": "Business", "Quiz one": "The Gazette",
                                 "Quiz two": "The Gazette", "Quiz three": "The Gazette", "Quiz four": "The Gazette"}
    ids = {a.title: a.id for a in store.list_articles(limit=None)}
    store.set_read([ids["Summit"], ids["Quiz one"]])
    store.set_favourite([ids["Derby"]])
    assert is_current(store, NO_RULES)  # a new library is categorised under the rules it was filled with
    rules = CategoryRules({"World": "International", "Rewind": "Nostalgia"}, {"The Gazette": {"Community": "Quizzes"}})
    assert not is_current(store, rules)
    assert recategorise(store, rules) == 5
    assert categories(store) == {"Summit": "International", "Derby": "Sport", "Budget": "Business",
                                 "Quiz one": "Quizzes", "Quiz two": "Quizzes", "Quiz three": "Nostalgia",
                                 "Quiz four": "Nostalgia"}
    state = {a.title: (a.read, a.favourite) for a in store.list_articles(limit=None)}
    assert state["Summit"] == (True, False) and state["Quiz one"] == (True, False)
    assert state["Derby"] == (False, True) and state["Budget"] == (False, False)
    assert is_current(store, rules) and recategorise(store, rules) == 0  # once only
    assert recategorise(store, NO_RULES) == 5  # the mapping taken out: back as they were
    assert categories(store)["Summit"] == "World"


def test_a_new_version_of_the_rules_chooses_again(store, tmp_path, monkeypatch):
    assert import_file(store, write_feed(tmp_path / "g.rss", ITEMS)).error is None
    store.conn.execute("UPDATE articles SET category = 'Offmenu'")  # as an older chooser left them
    monkeypatch.setattr(categories_module, "CATEGORIES_VERSION", categories_module.CATEGORIES_VERSION + 1)
    assert not is_current(store, NO_RULES)
    assert recategorise(store, NO_RULES) == 7
    assert "Offmenu" not in categories(store).values()


def test_a_stop_request_leaves_the_library_as_it_was(store, tmp_path):
    assert import_file(store, write_feed(tmp_path / "g.rss", ITEMS)).error is None
    before = categories(store)
    rules = CategoryRules({"World": "International"})
    assert recategorise(store, rules, should_stop=lambda: True) == 0
    assert categories(store) == before and not is_current(store, rules)


def test_an_import_under_other_rules_marks_the_library_for_choosing_again(store, tmp_path):
    rules = CategoryRules({"World": "International"})
    assert import_file(store, write_feed(tmp_path / "a.rss", ITEMS[:3]), rules=rules).error is None
    assert is_current(store, rules)
    other = write_feed(tmp_path / "b.rss", [("Later", "", ["Mundo"])], title="Other Paper")
    assert import_file(store, other).error is None  # without the mapping (say config.toml was broken)
    assert store.meta(STAMP_KEY) is None and not is_current(store, rules)
    recategorise(store, rules)
    assert categories(store)["Later"] == "International"


def test_articles_stored_before_their_terms_were_kept_use_their_old_category(tmp_path):
    db = tmp_path / "old.sqlite3"
    conn = library_at(db, 4)
    conn.execute("INSERT INTO feeds (id, url, title, added_at) VALUES (1, 'https://g.example/rss', 'G', 'x')")
    for i, category in enumerate(["World news", "Shows", "Uncategorised"]):
        conn.execute("INSERT INTO articles (feed_id, source, guid, title, published, imported_at, category, body,"
                     " content_hash) VALUES (1, 's', ?, ?, '2026-01-01T00:00:00Z', 'x', ?, 'b', 'h')",
                     (f"g{i}", f"T{i}", category))
    conn.close()
    with Store(db) as store:
        assert not is_current(store, NO_RULES)
        recategorise(store, NO_RULES)
        assert categories(store)["T0"] == "World"
        rows = dict(store.conn.execute("SELECT title, sections FROM articles"))
        assert json.loads(rows["T0"]) == ["World news"] and json.loads(rows["T2"]) == []


def test_a_refresh_applies_the_mapping(store, tmp_path):
    from newsreader.ingest.refresh import refresh_all
    from newsreader.ingest.subscribe import add_subscription

    feed = write_feed(tmp_path / "g.rss", ITEMS)
    rules = CategoryRules({"Sport": "Games"})
    add_subscription(store, str(feed), rules=rules)
    assert categories(store)["Derby"] == "Games"
    write_feed(feed, ITEMS + [("Match", "sport/", ["Football"])])
    refresh_all(store, rules=rules, workers=0)
    assert categories(store)["Match"] == "Games" and is_current(store, rules)


def test_list_chooses_again_after_the_mapping_changes(tmp_path, monkeypatch, capsys):
    from newsreader import config
    from newsreader.cli import main

    feed = write_feed(tmp_path / "g.rss", ITEMS)
    assert main(["import", str(feed)]) == 0
    mapping = config.Config(categories={"world": "Abroad"})
    monkeypatch.setattr(config, "load_config", lambda path=None: mapping)
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    rows = {r["title"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["Summit"]["category"] == "Abroad"


def test_a_broken_config_leaves_the_stored_categories_alone(tmp_path, monkeypatch, capsys):
    from newsreader import paths
    from newsreader.cli import main

    assert main(["import", str(write_feed(tmp_path / "g.rss", ITEMS))]) == 0
    paths.config_path().write_text("[categories]\nWorld = 3\n", encoding="utf-8")
    with Store(paths.database_path()) as store:
        store.set_meta(STAMP_KEY, None)  # as if the rules had changed
    capsys.readouterr()
    assert main(["list"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "warning" in err and "World" in err
    with Store(paths.database_path()) as store:
        assert store.meta(STAMP_KEY) is None


def test_categories_are_listed_by_name_whatever_the_case_uncategorised_last(store):
    from newsreader.store import NewArticle

    fid = store.ensure_feed("f", "F")
    names = ["zebra", "Uncategorised", "Économie", "apple", "Banana", "World", "iOS", "TVAndMovies", "Tax"]
    store.upsert_articles(fid, "f", [NewArticle(guid=str(i), title="t", body="b", category=c, content_hash=str(i),
                                                published="2026-01-01T00:00:00Z") for i, c in enumerate(names)])
    assert [c.name for c in store.categories()] == ["apple", "Banana", "Économie", "iOS", "Tax", "TVAndMovies",
                                                    "World", "zebra", "Uncategorised"]
