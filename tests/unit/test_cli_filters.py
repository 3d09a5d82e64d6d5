"""``list --where``, ``list --view``, ``list --sort``, ``views`` and the killfile, end to end."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsreader import config as config_mod
from newsreader.store import Store
from tests.unit.clirun import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "http"))
from loopback import FeedServer, rss  # noqa: E402

HARBOUR = ["Ferry timetable changes for winter", "Lighthouse restoration finished",
           "Council approves new fish market"]


def titles(capsys, *argv) -> list[str]:
    code, out, err = run(capsys, "list", *argv, "--json")
    assert code == 0, err
    return [r["title"] for r in json.loads(out)]


@pytest.fixture
def harbour(capsys, cli_data):
    assert run(capsys, "import", str(cli_data / "harbour.rss"))[0] == 0


@pytest.fixture
def killfile(monkeypatch):
    """Set the killfile config.toml would give (as ``Config.killfile``)."""
    def use(*rules):
        monkeypatch.setattr(config_mod, "load_config", lambda path=None: config_mod.Config(killfile=list(rules)))
    return use


def test_list_where_narrows_and_keeps_the_other_options(capsys, harbour):
    assert titles(capsys, "--where", 'title ~ "FERRY" or tag = council') == [HARBOUR[0], HARBOUR[2]]
    assert titles(capsys, "--where", "not tag = transport") == [HARBOUR[2]]
    assert titles(capsys, "--where", 'body ~ "islanders"', "--category", "Harbour Gazette") == [HARBOUR[0]]
    assert titles(capsys, "--where", 'speaker ~ "pell"') == [HARBOUR[0]]
    assert titles(capsys, "--where", "unread", "--limit", "1") == [HARBOUR[0]]
    assert titles(capsys, "--where", "read") == []


def test_list_sorts(capsys, harbour):
    assert titles(capsys, "--sort", "title") == sorted(HARBOUR)
    assert titles(capsys, "--sort", "feed") == HARBOUR  # one feed: newest first within it
    code, _out, err = run(capsys, "list", "--sort", "size")
    assert code == 2 and "invalid choice: 'size'" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("expr, message", [
    ("title ~ ", "--where: expected a value after '~' at column 9"),
    ("unread and", "--where: expected a term after 'and' at column 11, found the end"),
    ("speeker = x", "--where: unknown term 'speeker' at column 1 (did you mean 'speaker'?)"),
])
def test_a_bad_expression_is_one_line_and_fails(capsys, harbour, expr, message):
    code, out, err = run(capsys, "list", "--where", expr)
    assert code == 1 and out == ""
    assert err == f"newsreader: error: {message}\n"


def test_views_add_list_use_remove(capsys, harbour):
    code, out, err = run(capsys, "views", "add", "Boats", 'title ~ "ferry" or title ~ "lighthouse"')
    assert code == 0, err
    assert out == "saved the view Boats: 2 articles, 2 unread\n"
    assert run(capsys, "views", "add", "Market", "tag = Council")[0] == 0
    code, out, err = run(capsys, "views", "--json")
    assert json.loads(out) == [
        {"name": "Boats", "expr": 'title ~ "ferry" or title ~ "lighthouse"', "articles": 2, "unread": 2,
         "error": None},
        {"name": "Market", "expr": "tag = Council", "articles": 1, "unread": 1, "error": None}]
    assert run(capsys, "views")[1].splitlines()[1] == "Market  (1/1 unread)  tag = Council"
    assert titles(capsys, "--view", "boats") == HARBOUR[:2]
    assert titles(capsys, "--view", "boats", "--where", 'title ~ "light"') == [HARBOUR[1]]
    code, out, err = run(capsys, "views", "remove", "BOATS")
    assert code == 0 and out == "removed the view Boats (its articles stay)\n"
    assert [v["name"] for v in json.loads(run(capsys, "views", "--json")[1])] == ["Market"]
    assert len(titles(capsys)) == 3


@pytest.mark.parametrize("argv, message", [
    (["views", "add", "Bad", "title ~"], "views add Bad: expected a value after '~' at column 8"),
    (["views", "add", "Market", "read"], "there is a view named 'Market' already"),
    (["views", "add", "  ", "read"], "a view needs a name"),
    (["views", "remove", "Nope"], "no view named 'Nope' (views: Market)"),
    (["list", "--view", "Nope"], "no view named 'Nope' (views: Market)"),
])
def test_views_mistakes_are_one_line(capsys, harbour, argv, message):
    assert run(capsys, "views", "add", "Market", "tag = Council")[0] == 0
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == "" and err == f"newsreader: error: {message}\n"
    assert [v["name"] for v in json.loads(run(capsys, "views", "--json")[1])] == ["Market"]


def test_killfile_on_import_hides_and_marks_read(capsys, cli_data, killfile, newsreader_home):
    killfile(("tag = council", "read"), ("title ~ ", "hide"), ('title ~ "lighthouse"', "read"),
             ('title ~ "lighthouse"', "hide"))
    code, out, err = run(capsys, "import", str(cli_data / "harbour.rss"))
    assert code == 0
    # the bad rule is named, once, and skipped; the others run, hide before read, each article once
    assert err == ("newsreader: warning: killfile rule 2 (title ~): expected a value after '~' at column 9;"
                   " skipped\n")
    assert out.endswith(": feed: 3 added, 0 updated, 0 unchanged (1 hidden and 1 marked read by the killfile)\n")
    assert titles(capsys) == [HARBOUR[0], HARBOUR[2]]
    assert titles(capsys, "--where", "unread") == [HARBOUR[0]]
    assert titles(capsys, "--where", "hidden") == [HARBOUR[1]]
    with Store(newsreader_home / "library.sqlite3") as store:
        assert store.totals()["unread"] == 1


def test_killfile_marks_read_and_leaves_articles_already_stored(capsys, cli_data, killfile):
    assert run(capsys, "import", str(cli_data / "harbour.rss"))[0] == 0
    killfile(("unread", "read"))
    code, out, err = run(capsys, "import", "--json", str(cli_data / "harbour.rss"))
    assert code == 0 and err == ""
    (result,) = json.loads(out)
    assert (result["added"], result["hidden"], result["marked_read"]) == (0, 0, 0)
    assert titles(capsys, "--where", "unread") == HARBOUR


def test_killfile_on_refresh_judges_each_new_article(capsys, killfile):
    killfile(('title ~ "item 1"', "read"), ('title ~ "item 2"', "hide"))
    with FeedServer() as server:
        server.feed("/feed.xml", rss("Harbour News", 2))
        code, out, err = run(capsys, "add", server.url("/feed.xml"), "--json",
                             "--no-full-text")
        assert code == 0, err
        assert (json.loads(out)["added"], json.loads(out)["marked_read"]) == (2, 1)
        server.feed("/feed.xml", rss("Harbour News", 4))
        code, out, err = run(capsys, "refresh")
        assert code == 0, err
        assert "2 articles added (1 hidden by the killfile)" in out
        server.feed("/feed.xml", rss("Harbour News", 13))
        code, out, err = run(capsys, "refresh", "--json")
        report = json.loads(out)
        # items 4 to 12 are new; "item 1" is in "item 10", "item 11" and "item 12", "item 2" in none
        assert (report["added"], report["hidden"], report["marked_read"]) == (9, 0, 3)
    listed = titles(capsys)
    assert "Harbour News item 2" not in listed and len(listed) == 12
    unread = titles(capsys, "--where", "unread")
    assert sorted(unread) == sorted(f"Harbour News item {i}" for i in (0, 3, 4, 5, 6, 7, 8, 9))


def test_a_backup_keeps_the_views_and_what_was_hidden(capsys, cli_data, killfile, tmp_path):
    killfile(('title ~ "lighthouse"', "hide"))
    assert run(capsys, "import", str(cli_data / "harbour.rss"))[0] == 0
    assert run(capsys, "views", "add", "Boats", 'title ~ "ferry" or hidden')[0] == 0
    backup = tmp_path / "backup.json"
    assert run(capsys, "export", "--json", str(backup))[0] == 0
    other = str(tmp_path / "restored")
    killfile()
    assert run(capsys, "--home", other, "views", "add", "boats", "read")[0] == 0  # a name in use stays
    assert run(capsys, "--home", other, "import", str(backup))[0] == 0
    views = json.loads(run(capsys, "--home", other, "views", "--json")[1])
    assert [(v["name"], v["expr"]) for v in views] == [("boats", "read")]
    assert run(capsys, "--home", other, "views", "remove", "boats")[0] == 0
    assert run(capsys, "--home", other, "import", str(backup))[0] == 0
    views = json.loads(run(capsys, "--home", other, "views", "--json")[1])
    assert [(v["name"], v["expr"], v["articles"]) for v in views] == [
        ("Boats", 'title ~ "ferry" or hidden', 2)]
    code, out, err = run(capsys, "--home", other, "list", "--where", "hidden", "--json")
    assert [r["title"] for r in json.loads(out)] == [HARBOUR[1]]
