"""The name a stored feed goes by (its outlet in the lists, the story view and ``stories``):
the short one its own title gives, kept beside that title; the user's own name always;
stored libraries named again without losing a user's name."""

from __future__ import annotations

import pytest

from newsreader.ingest.categories import NO_RULES
from newsreader.ingest.pipeline import import_file
from newsreader.ingest.recategorise import STAMP_KEY, recategorise
from newsreader.store import Store
from tests.unit.clirun import jrun, run
from tests.unit.oldlib import library_at

TAGLINE = "Quayside is a web magazine with obsessive daily coverage of everything on the harbour"


def _feed(path, title, link="https://quayside.example/"):
    items = "".join(f"<item><title>Item {i}</title><link>{link}a/{i}</link><guid>{i}</guid>"
                    f"<pubDate>Mon, 02 Nov 2026 1{i}:00:00 GMT</pubDate><description>Body {i}.</description></item>"
                    for i in range(3))
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>{link}</link>'
                    f"{items}</channel></rss>", encoding="utf-8")
    return path


def test_a_feed_is_stored_under_its_short_name_its_own_title_kept(tmp_path):
    path = _feed(tmp_path / "q.rss", TAGLINE)
    with Store(tmp_path / "l.sqlite3") as store:
        assert import_file(store, path).error is None
        (feed,) = store.feeds(subscribed_only=False)
        assert (feed.title, feed.own_title, feed.renamed) == ("Quayside", TAGLINE, False)
        assert {a.feed_title for a in store.list_articles()} == {"Quayside"}
        assert store.feed(feed.id).title == "Quayside"


def test_the_users_name_always_wins(capsys, tmp_path):
    home = str(tmp_path / "home")
    path = _feed(tmp_path / "q.rss", TAGLINE)
    assert run(capsys, "--home", home, "add", "--title", "My harbour - daily", str(path))[0] == 0
    assert run(capsys, "--home", home, "refresh")[0] == 0
    run(capsys, "--home", home, "list")  # names and categories made again if their rules changed
    (feed,) = jrun(capsys, "--home", home, "feeds")
    assert (feed["title"], feed["own_title"], feed["renamed"]) == ("My harbour - daily", TAGLINE, True)
    # named again after an upgrade of the naming rules: the user's name stays
    with Store(tmp_path / "home" / "library.sqlite3") as store:
        store.set_meta(STAMP_KEY, "older rules")
        recategorise(store, NO_RULES)
        assert store.feeds()[0].title == "My harbour - daily"
    # renamed, then given its own name back
    code, out, _ = run(capsys, "--home", home, "feeds", "--rename", "My harbour - daily", "Quay [b]Side[/b]")
    assert code == 0 and "named Quay [b]Side[/b]" in out
    assert jrun(capsys, "--home", home, "feeds")[0]["title"] == "Quay [b]Side[/b]"
    assert "Quay [b]Side[/b]" in run(capsys, "--home", home, "show", "1")[1].splitlines()[1]  # as written
    code, out, _ = run(capsys, "--home", home, "feeds", "--rename", "1", "")
    assert code == 0 and "named Quayside (its own name)" in out
    code, _, err = run(capsys, "--home", home, "feeds", "--rename", "nobody", "X")
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_an_old_library_gets_the_short_names(capsys, tmp_path):
    """A library from before names were kept apart: its feeds' titles are their own, and
    the first listing names them (a migration adds the columns, the names are made again)."""
    home = tmp_path / "home"
    home.mkdir()
    c = library_at(home / "library.sqlite3", 8)
    c.execute("INSERT INTO feeds (url, title, site, added_at) VALUES ('https://quayside.example/rss', ?,"
              " 'https://quayside.example/', '2026-01-01T00:00:00Z')", (TAGLINE,))
    c.execute("INSERT INTO feeds (url, title, added_at) VALUES ('https://qt.example/rss', 'Quay Times - World',"
              " '2026-01-01T00:00:00Z')")
    c.execute("INSERT INTO articles (feed_id, source, guid, title, published, imported_at, category, body,"
              " content_hash) VALUES (1, 'https://quayside.example/rss', 'g', 'Pier', '2026-01-01T00:00:00Z',"
              " '2026-01-01T00:00:00Z', 'World', 'Body.', 'h')")
    c.close()
    assert run(capsys, "--home", str(home), "list")[0] == 0
    with Store(home / "library.sqlite3") as store:
        got = {f.id: (f.title, f.own_title) for f in store.feeds(subscribed_only=False)}
        assert got == {1: ("Quayside", TAGLINE), 2: ("Quay Times - World", "Quay Times - World")}
        assert store.list_articles()[0].feed_title == "Quayside"


def test_a_backup_keeps_the_users_name_and_the_feeds_own_title(capsys, tmp_path):
    home, again = str(tmp_path / "home"), str(tmp_path / "again")
    assert run(capsys, "--home", home, "add", str(_feed(tmp_path / "q.rss", TAGLINE)))[0] == 0
    radio = _feed(tmp_path / "r.rss", "Harbour Radio", "https://hr.example/")
    assert run(capsys, "--home", home, "add", str(radio))[0] == 0
    assert run(capsys, "--home", home, "feeds", "--rename", "Harbour Radio", "HR")[0] == 0
    assert run(capsys, "--home", home, "export", "--json", str(tmp_path / "b.json"))[0] == 0
    assert run(capsys, "--home", again, "import", str(tmp_path / "b.json"))[0] == 0
    run(capsys, "--home", again, "list")
    got = {f["url"]: (f["title"], f["own_title"], f["renamed"]) for f in jrun(capsys, "--home", again, "feeds")}
    assert got == {str(tmp_path / "q.rss"): ("Quayside", TAGLINE, False),
                   str(tmp_path / "r.rss"): ("HR", "Harbour Radio", True)}


@pytest.mark.parametrize("command", [["stories"], ["show", "1"], ["feeds"]])
def test_an_old_library_is_named_again_by_any_command_that_shows_names(capsys, tmp_path, command):
    home = tmp_path / "home"
    home.mkdir()
    c = library_at(home / "library.sqlite3", 8)
    c.execute("INSERT INTO feeds (url, title, site, added_at) VALUES ('https://quayside.example/rss', ?,"
              " 'https://quayside.example/', '2026-01-01T00:00:00Z')", (TAGLINE,))
    c.execute("INSERT INTO articles (feed_id, source, guid, title, published, imported_at, category, body,"
              " content_hash) VALUES (1, 'https://quayside.example/rss', 'g', 'Pier', '2026-01-01T00:00:00Z',"
              " '2026-01-01T00:00:00Z', 'World', 'Body.', 'h')")
    c.close()
    assert run(capsys, "--home", str(home), *command)[0] == 0
    with Store(home / "library.sqlite3") as store:
        assert store.feed(1).title == "Quayside"
