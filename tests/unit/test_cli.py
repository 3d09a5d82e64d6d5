"""The command line end to end, in process and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.cli import main
from tests.unit.clirun import jrun, run


def test_import_feed_and_list(capsys, cli_data):
    code, out, err = run(capsys, "import", str(cli_data / "harbour.rss"))
    assert code == 0, err
    rows = jrun(capsys, "list")
    assert [r["title"] for r in rows] == ["Ferry timetable changes for winter",
                                          "Lighthouse restoration finished",
                                          "Council approves new fish market"]
    assert set(rows[0]) == {"id", "title", "category", "source", "published", "read", "favourite"}
    assert rows[0]["source"] == str((cli_data / "harbour.rss").resolve())
    assert rows[0]["published"] == "2026-11-03T08:00:00Z"
    # "Heritage" is a news section (Culture); "Transport", "Winter" and "Council" are not, and
    # those articles, most of the feed, are under the feed's own name.
    assert [r["category"] for r in rows] == ["Harbour Gazette", "Culture", "Harbour Gazette"]
    assert len(jrun(capsys, "list", "--limit", "2")) == 2


def test_category_option_comes_first(capsys, cli_data):
    assert run(capsys, "import", "--category", "Local", str(cli_data / "harbour.rss"))[0] == 0
    assert {r["category"] for r in jrun(capsys, "list")} == {"Local"}
    assert len(jrun(capsys, "list", "--category", "Local")) == 3


def test_list_category_ignores_case_and_names_the_known_ones(capsys, cli_data):
    run(capsys, "import", str(cli_data / "harbour.rss"))
    assert len(jrun(capsys, "list", "--category", "harbour GAZETTE")) == 2
    code, _, err = run(capsys, "list", "--category", "Nowhere")
    assert code == 1 and "categories: Culture, Harbour Gazette" in err


def test_reimport_keeps_state_and_does_not_duplicate(capsys, cli_data):
    run(capsys, "import", str(cli_data / "harbour.rss"))
    first = jrun(capsys, "list")[0]["id"]
    assert run(capsys, "mark", str(first), "--read")[0] == 0
    assert run(capsys, "mark", str(first), "--favourite")[0] == 0
    run(capsys, "import", str(cli_data / "harbour.rss"))
    rows = jrun(capsys, "list")
    assert len(rows) == 3
    assert [r["id"] for r in jrun(capsys, "list", "--favourites")] == [first]
    assert [r["id"] for r in rows if r["read"]] == [first]
    assert len(jrun(capsys, "list", "--unread")) == 2


def test_show_says_how_to_get_the_whole_article_in_a_way_that_works(capsys, cli_data, tmp_path):
    feed = cli_data / "harbour.rss"
    assert run(capsys, "import", str(feed))[0] == 0  # imported once: refresh never reads it again
    first = jrun(capsys, "list")[0]["id"]
    out = run(capsys, "show", str(first))[1]
    assert "only the feed's summary; W in the app fetches the whole article" in out
    assert "feeds --full-text" not in out
    copy = tmp_path / "harbour-sub.rss"
    copy.write_bytes(feed.read_bytes().replace(b"gazette.example/", b"gazette2.example/"))
    assert run(capsys, "add", str(copy), "--no-full-text")[0] == 0  # a subscription: refresh reads it
    sub = next(r["id"] for r in jrun(capsys, "list") if r["source"] == str(copy.resolve()))
    out = run(capsys, "show", str(sub))[1]
    assert "'newsreader feeds --full-text" in out and "fetches whole articles on refresh" in out


def test_show_json_does_not_mark_read(capsys, cli_data):
    run(capsys, "import", str(cli_data / "harbour.rss"))
    aid = jrun(capsys, "list")[0]["id"]
    art = jrun(capsys, "show", str(aid))
    for key in ("id", "title", "category", "byline", "published", "link", "source", "body",
                "quotes", "speakers", "read", "favourite"):
        assert key in art
    assert art["byline"] == "Mira Holt"
    assert "listened to the islanders" in art["body"]
    for q in art["quotes"]:
        assert art["body"][q["start"]:q["end"]] == q["text"]
    assert not jrun(capsys, "list")[0]["read"]
    code, out, _ = run(capsys, "show", str(aid))
    assert code == 0 and "Ferry timetable" in out


def test_text_page_import(capsys, cli_data):
    assert run(capsys, "import", str(cli_data / "page.txt"))[0] == 0
    (row,) = jrun(capsys, "list")
    assert row["title"] == "Glacier survey finds faster melt"
    assert row["category"] == "Science"
    body = jrun(capsys, "show", str(row["id"]))["body"]
    assert body.startswith("A team of surveyors")
    assert "Cookie" not in body and "newsletter" not in body


def test_good_and_bad_files_together(capsys, cli_data, tmp_path):
    missing = tmp_path / "nope.rss"
    code, out, err = run(capsys, "import", str(cli_data / "harbour.rss"), str(cli_data / "binary.bin"),
                         str(cli_data / "empty.xml"), str(missing), str(cli_data / "truncated.xml"))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 4
    for name in ("binary.bin", "empty.xml", "nope.rss", "truncated.xml"):
        assert sum(name in ln for ln in lines) == 1
    assert "Traceback" not in err
    assert len(jrun(capsys, "list")) == 3


def test_bad_file_leaves_library_unchanged(capsys, cli_data, newsreader_home):
    run(capsys, "import", str(cli_data / "harbour.rss"))
    before = json.dumps(jrun(capsys, "list"))
    db = newsreader_home / "library.sqlite3"
    assert run(capsys, "import", str(cli_data / "truncated.xml"))[0] == 1
    assert json.dumps(jrun(capsys, "list")) == before
    assert db.exists()


def test_unknown_id_is_one_line_and_nonzero(capsys, cli_data):
    run(capsys, "import", str(cli_data / "harbour.rss"))
    for argv in (["show", "999"], ["mark", "1", "999", "--read"], ["show", "abc"],
                 ["mark", "1"], ["list", "--limit", "0"], ["frobnicate"], ["remove", "nothing"]):
        code, out, err = run(capsys, *argv)
        assert code != 0, argv
        assert len(err.strip().splitlines()) == 1 and err.startswith("newsreader: error:"), (argv, err)
    assert not any(r["read"] for r in jrun(capsys, "list"))


def test_opml_round_trip(capsys, cli_data, tmp_path):
    assert run(capsys, "import", str(cli_data / "subs.opml"))[0] == 0
    feeds = jrun(capsys, "feeds")
    assert {(f["url"], f["title"], f["category"]) for f in feeds} == {
        ("https://gazette.example/rss", "Harbour Gazette", "Local"),
        ("https://valley.example/feed.xml", "Valley Weekly", "Local"),
        ("https://labnotes.example/atom", "Lab Notes", "Science"),
        ("https://loose.example/rss", "Loose feed", None),
    }
    out_file = tmp_path / "out.opml"
    assert run(capsys, "export", "--opml", str(out_file))[0] == 0
    other = tmp_path / "other"
    assert run(capsys, "--home", str(other), "import", str(out_file))[0] == 0
    again = jrun(capsys, "--home", str(other), "feeds")
    assert {(f["url"], f["title"], f["category"]) for f in again} == \
        {(f["url"], f["title"], f["category"]) for f in feeds}


def test_json_backup_restores_state(capsys, cli_data, tmp_path):
    run(capsys, "import", str(cli_data / "harbour.rss"), str(cli_data / "page.txt"))
    rows = jrun(capsys, "list")
    run(capsys, "mark", str(rows[0]["id"]), "--favourite")
    run(capsys, "mark", str(rows[1]["id"]), "--read")
    marked = jrun(capsys, "list")
    backup = tmp_path / "backup.json"
    assert run(capsys, "export", "--json", str(backup))[0] == 0
    other = tmp_path / "restored"
    assert run(capsys, "--home", str(other), "import", str(backup))[0] == 0
    restored = jrun(capsys, "--home", str(other), "list")

    def key(r):
        return (r["title"], r["category"], r["published"], r["read"], r["favourite"])

    assert sorted(map(key, restored)) == sorted(map(key, marked))
    assert any(r["favourite"] for r in restored) and any(r["read"] for r in restored)


def test_add_file_feed_and_refresh(capsys, cli_data, tmp_path):
    feed = tmp_path / "mine.rss"
    feed.write_bytes((cli_data / "harbour.rss").read_bytes())
    assert run(capsys, "add", str(feed), "--category", "Local", "--title", "My harbour")[0] == 0
    (f,) = jrun(capsys, "feeds")
    assert (f["title"], f["category"], f["articles"]) == ("My harbour", "Local", 3)
    text = feed.read_text().replace("<guid>gazette-1003</guid>", "<guid>gazette-1004</guid>")
    text = text.replace("/fish-market<", "/fish-market-opens<")
    feed.write_text(text)
    code, out, err = run(capsys, "refresh")
    assert code == 0, err
    assert len(jrun(capsys, "list")) == 4
    assert {r["category"] for r in jrun(capsys, "list")} == {"Local"}
    assert run(capsys, "remove", str(f["id"]))[0] == 0
    assert jrun(capsys, "feeds") == []


def test_search(capsys, cli_data):
    run(capsys, "import", str(cli_data / "harbour.rss"))
    assert [r["title"] for r in jrun(capsys, "search", "lighthouse")] == ["Lighthouse restoration finished"]
    assert jrun(capsys, "search", "zeppelin") == []


def test_search_sorts_by_relevance_or_date(capsys, tmp_path):
    items = [("Market day", "Tue, 03 Nov 2026 08:00:00 GMT", "Stalls by the harbour."),
             ("Harbour wall repaired", "Sun, 01 Nov 2026 08:00:00 GMT", "Masons finished the work."),
             ("Ferry news", "Mon, 02 Nov 2026 08:00:00 GMT", "The harbour, the harbour, the harbour."),
             ("Bakery", "Mon, 02 Nov 2026 09:00:00 GMT", "Bread."), ("Choir", "Mon, 02 Nov 2026 10:00:00 GMT", "Songs.")]
    feed = tmp_path / "town.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Town</title>' + "".join(
        f"<item><title>{t}</title><guid>{t}</guid><pubDate>{d}</pubDate><description>{b}</description></item>"
        for t, d, b in items) + "</channel></rss>", encoding="utf-8")
    run(capsys, "import", str(feed))
    best = jrun(capsys, "search", "harbour")
    assert [r["title"] for r in best] == ["Harbour wall repaired", "Ferry news", "Market day"]
    scores = [r["score"] for r in best]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0
    newest = jrun(capsys, "search", "harb", "--sort", "date")
    assert [r["title"] for r in newest] == ["Market day", "Ferry news", "Harbour wall repaired"]
    assert {r["score"] for r in newest} == {None}
    assert set(newest[0]) == {"id", "title", "category", "source", "published", "read", "favourite", "score"}
    assert [r["title"] for r in jrun(capsys, "search", "harbour", "--limit", "1")] == ["Harbour wall repaired"]
    code, _out, err = run(capsys, "search", "harbour", "--sort", "title")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "invalid choice" in err


def test_home_option_and_env(capsys, cli_data, tmp_path, newsreader_home):
    run(capsys, "--home", str(tmp_path / "elsewhere"), "import", str(cli_data / "harbour.rss"))
    assert (tmp_path / "elsewhere" / "library.sqlite3").exists()
    assert not (newsreader_home / "library.sqlite3").exists() or jrun(capsys, "list") == []


SUBCOMMANDS = ["import", "add", "feeds", "remove", "refresh", "list", "show", "mark", "quotes",
               "search", "export"]


@pytest.mark.parametrize("sub", SUBCOMMANDS)
def test_every_subcommand_has_help(capsys, sub):
    with pytest.raises(SystemExit) as exc:
        main([sub, "--help"])
    assert exc.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_subprocess_errors_have_no_traceback(tmp_path, cli_data):
    env = dict(os.environ, NEWSREADER_HOME=str(tmp_path / "h"))
    for argv in (["show", "5"], ["import", str(cli_data / "binary.bin")], ["add", "ftp://x"],
                 ["add", "http://"], ["list", "--limit", "x"]):
        p = subprocess.run([sys.executable, "-m", "newsreader", *argv], capture_output=True,
                           text=True, env=env, stdin=subprocess.DEVNULL, timeout=60)
        assert p.returncode != 0, argv
        assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1, (argv, p.stderr)


def test_app_without_terminal_says_so(tmp_path):
    env = dict(os.environ, NEWSREADER_HOME=str(tmp_path / "h"))
    p = subprocess.run([sys.executable, "-m", "newsreader"], capture_output=True, text=True,
                       env=env, stdin=subprocess.DEVNULL, timeout=60)
    assert p.returncode == 1 and "terminal" in p.stderr


def test_every_illformed_feed_in_one_import(capsys, shared):
    files = sorted(str(p) for p in (shared / "data" / "feeds" / "illformed").iterdir())
    code, out, err = run(capsys, "import", "--json", *files)
    results = json.loads(out)
    assert len(results) == len(files) == 100
    refused = [r for r in results if r["error"]]
    assert code == (1 if refused else 0)
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == len(refused)
    for r in refused:
        assert r["path"] in err and "\n" not in r["error"]
    stored = jrun(capsys, "list")
    assert sum(r["added"] + r["updated"] for r in results) >= len(stored) > 0
    for row in stored:
        assert not any(ord(c) < 32 for c in row["title"])


def test_seed_pages(capsys, shared):
    seeds = sorted((shared / "seeds").glob("*.txt"))
    assert run(capsys, "import", *map(str, seeds))[0] == 0
    rows = {Path(r["source"]).name: r for r in jrun(capsys, "list")}
    assert rows["000_41387f7c8ceae90d.txt"]["title"].startswith("Putin rejects European peacekeepers")
    assert rows["000_41387f7c8ceae90d.txt"]["published"].startswith("2025-09-12")
    assert rows["003_8e61fab7caadb25f.txt"]["category"] == "World"
    for r in rows.values():
        body = jrun(capsys, "show", str(r["id"]))["body"]
        assert "cookie" not in body.lower() and "Leave a Comment" not in body


def test_bad_backups_are_refused_whole(capsys, cli_data, tmp_path):
    run(capsys, "import", str(cli_data / "harbour.rss"))
    before = jrun(capsys, "list")
    good = {"title": "x", "body": "y", "feed_url": "f"}
    cases = [
        {**good, "read": True, "read_at": "yesterday"},
        {**good, "published": "2026-13-45"},
        {**good, "tags": "not a list"},
        {**good, "title": None},
        "not an object",
    ]
    for i, bad in enumerate(cases):
        path = tmp_path / f"bad{i}.json"
        path.write_text(json.dumps({"newsreader_backup": 1, "feeds": [], "articles": [good, bad]}))
        code, _, err = run(capsys, "import", str(path))
        assert code == 1 and "malformed" in err, (bad, err)
    path = tmp_path / "badfeed.json"
    path.write_text(json.dumps({"newsreader_backup": 1, "feeds": [{"url": ["x"]}], "articles": []}))
    assert run(capsys, "import", str(path))[0] == 1
    assert jrun(capsys, "list") == before


def test_import_keeps_a_subscriptions_category(capsys, cli_data, tmp_path):
    feed = tmp_path / "h.rss"
    feed.write_bytes((cli_data / "harbour.rss").read_bytes())
    assert run(capsys, "add", str(feed), "--category", "Local")[0] == 0
    assert run(capsys, "import", str(feed))[0] == 0
    assert {r["category"] for r in jrun(capsys, "list")} == {"Local"}


def test_more_misuse_is_one_line(capsys, tmp_path):
    (tmp_path / "afile").write_text("x")
    for argv in (["show", "99999999999999999999999"], ["remove", "²"], ["search", "  "],
                 ["--home", str(tmp_path / "afile"), "list"], ["--home", "", "list"],
                 ["--demo", "list"], ["add", ""], ["export", "--json", str(tmp_path / "no" / "x.json")],
                 ["import", "/dev/zero"], ["add", "ftp://example.org/feed.xml"],
                 ["list", "--category", "No Such Category"]):
        code, out, err = run(capsys, *argv)
        assert code != 0, argv
        assert len(err.strip().splitlines()) == 1 and err.startswith("newsreader: error:"), (argv, err)


def test_damaged_database_is_one_line(capsys, newsreader_home):
    newsreader_home.mkdir(parents=True)
    (newsreader_home / "library.sqlite3").write_bytes(b"this is not a database" * 100)
    code, out, err = run(capsys, "list")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "library" in err


def test_control_characters_in_file_names_stay_out_of_messages(capsys, tmp_path):
    bad = tmp_path / "evil\x1b[31mname.rss"
    bad.write_bytes(b"")
    code, out, err = run(capsys, "import", str(bad))
    assert code == 1 and "\x1b" not in err


def test_quotes_and_show_find_quotes_again_after_an_upgrade(capsys, cli_data, newsreader_home):
    import sqlite3

    from newsreader import paths

    run(capsys, "import", str(cli_data / "harbour.rss"))
    before = jrun(capsys, "quotes")
    assert before
    with sqlite3.connect(paths.database_path()) as db:  # as an older quote finder left it
        db.execute("DELETE FROM quotes")
        db.execute("UPDATE articles SET quotes_version = 0")
    art = before[0]["article_id"]
    assert jrun(capsys, "show", str(art))["quotes"]
    assert jrun(capsys, "quotes") == before


def test_a_backup_is_cleaned_like_any_feed(capsys, tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"newsreader_backup": 1, "feeds": [
        {"url": "https://x.example/feed", "title": "Desk\x1b[2J\u202e", "category": "W\x07orld"}],
        "articles": [{"title": "t", "body": "b", "feed_url": "https://x.example/feed",
                      "feed_title": "Desk\x1b]0;pwned\x07"}]}))
    assert run(capsys, "import", str(path))[0] == 0
    feeds = jrun(capsys, "feeds")
    assert feeds and all("\x1b" not in f["title"] and "\u202e" not in f["title"] for f in feeds)
    assert all(f["category"] in (None, "World") for f in feeds)


def test_a_home_under_a_file_is_one_line(capsys, tmp_path, newsreader_home):
    (tmp_path / "notes.txt").write_text("not a folder")
    for home in (tmp_path / "notes.txt" / "library", tmp_path / "notes.txt" / "a" / "b", tmp_path / "notes.txt"):
        code, out, err = run(capsys, "--home", str(home), "list")
        assert code == 1 and not out, home
        assert len(err.strip().splitlines()) == 1 and "not a directory" in err, err
        assert "warning" not in err
    assert (tmp_path / "notes.txt").read_text() == "not a folder"
