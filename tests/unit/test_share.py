"""An article as a text file, into a command, to a bookmark command: real files and processes."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsreader.models import Article
from newsreader.share import bookmark_argv, plain_text, run_command, save_text, slug


def article(**changes) -> Article:
    fields = dict(id=1, title="Ferry fares rise", body="First paragraph [1].\n\nSecond one.", category="Local",
                  source="/x/feed.rss", published=datetime(2026, 3, 4, 5, 6, tzinfo=timezone.utc),
                  published_estimated=False, imported_at=datetime(2026, 3, 4, tzinfo=timezone.utc),
                  feed_title="Harbour Gazette", link="https://gazette.example/fares", byline="Mira Holt",
                  links=("https://gazette.example/table",))
    fields.update(changes)
    return Article(**fields)


def test_plain_text_has_title_byline_date_link_body_and_links():
    assert plain_text(article()) == (
        "Ferry fares rise\n================\nMira Holt · Harbour Gazette\n2026-03-04 05:06 UTC\n"
        "https://gazette.example/fares\n\nFirst paragraph [1].\n\nSecond one.\n\n"
        "Links\n[1] https://gazette.example/table\n")
    bare = plain_text(article(byline=None, feed_title=None, source="", link=None, links=()))
    assert bare == "Ferry fares rise\n================\n2026-03-04 05:06 UTC\n\nFirst paragraph [1].\n\nSecond one.\n"


def test_slug_is_a_safe_file_name():
    assert slug("Ferry fares rise: what it costs / who pays") == "ferry-fares-rise-what-it-costs-who-pays"
    assert slug("Café Zürich öffnet") == "cafe-zurich-offnet"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("Путин") == "article" and slug("") == "article"
    long = slug("word " * 40)
    assert len(long) <= 60 and not long.endswith("-") and long.startswith("word-word")


def test_save_text_refuses_to_replace_unless_told(tmp_path):
    target = tmp_path / "a.txt"
    assert save_text(target, "one") == target and target.read_text() == "one"
    with pytest.raises(FileExistsError):
        save_text(target, "two")
    assert target.read_text() == "one"
    save_text(target, "two", overwrite=True)
    assert target.read_text() == "two"


def test_run_command_feeds_stdin_and_reports_status_and_first_lines(tmp_path):
    got = run_command("wc -c", "héllo\n")
    assert got.ok and got.status == 0 and got.output == "7" and got.error == ""
    got = run_command("cat >/dev/null; printf '\\n  \\nfirst\\nsecond\\n' >&2; exit 4", "x")
    assert (got.status, got.error, got.ok) == (4, "first", False)
    assert run_command(["no-such-program-anywhere", "a"]).error == "command not found: no-such-program-anywhere"
    missing = run_command("no-such-program-anywhere --x")
    assert missing.status is None and missing.error == "command not found: no-such-program-anywhere"
    script = tmp_path / "script"
    script.write_text("#!/bin/sh\necho hi\n")
    assert run_command([str(script)]).error.startswith("not allowed to run")  # not executable
    # a command that does not read its input is no error
    assert run_command("true", "x" * 1_000_000).ok


def test_bookmark_arguments_are_never_read_by_a_shell(tmp_path):
    record, pwned = tmp_path / "record", tmp_path / "pwned"
    title = f"Bad $(touch {pwned}) `touch {pwned}`; touch {pwned} \"' $HOME"
    link = f"https://x.example/?a=1&b=$(touch {pwned})"
    plain = bookmark_argv(f"'{tmp_path}/my bookmarks' --add", link, title)
    assert plain == [f"{tmp_path}/my bookmarks", "--add", link, title]
    shell = bookmark_argv(f"printf '%s\\n' \"$1\" \"$2\" > '{record}'", link, title)
    assert shell[:2] == ["/bin/sh", "-c"] and shell[-2:] == [link, title]
    assert run_command(shell).ok
    assert record.read_text().splitlines() == [link, title] and not pwned.exists()
    assert bookmark_argv("~/bin/bm", "l", "t")[0].endswith("/bin/bm") and "~" not in bookmark_argv("~/bin/bm", "l", "t")[0]
    with pytest.raises(ValueError):
        bookmark_argv("bm 'unclosed", "l", "t")
