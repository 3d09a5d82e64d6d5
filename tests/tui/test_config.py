"""config.toml: defaults, every setting read, and a wrong one named while the rest is kept."""

from __future__ import annotations

import pytest

from newsreader import paths
from newsreader.cli import main
from newsreader.config import Config, load_config, parse_config


def test_missing_file_means_defaults():
    cfg = load_config()
    assert cfg == Config() and cfg.problems == () and cfg.problem_line is None
    assert Config().mark_read_delay == 0.0


def test_settings_are_read(tui_home):
    paths.config_path().write_text(
        'mark_read = "after:3"\nrefresh_minutes = 0\n[keys]\nfavourite = "F"\nnext-unread = ["N", "ctrl+n"]\n',
        encoding="utf-8")
    cfg = load_config()
    assert cfg.mark_read == "after:3" and cfg.mark_read_delay == 3.0
    assert cfg.refresh_minutes == 0
    assert cfg.keys == {"favourite": "F", "next-unread": "N,ctrl+n"}
    assert cfg.problems == ()
    assert parse_config('mark_read = "manual"').mark_read_delay is None


def test_the_newer_settings_are_read():
    cfg = parse_config('''
bookmark_command = "bm add --tag news"
pipe_command = "less -R"
[categories]
"Tech News" = "Technology"
politics = "World"
[feed_categories."The Gazette"]
"*" = "Local"
sport = "Sport"
[feed_categories."https://example.org/feed.xml"]
"*" = "Elsewhere"
[[killfile]]
where = 'title ~ "sponsored"'
[[killfile]]
where = "feed = 3"
action = "read"
''')
    assert cfg.problems == ()
    assert cfg.bookmark_command == "bm add --tag news" and cfg.pipe_command == "less -R"
    assert cfg.categories == {"Tech News": "Technology", "politics": "World"}
    assert cfg.feed_categories == {"The Gazette": {"*": "Local", "sport": "Sport"},
                                   "https://example.org/feed.xml": {"*": "Elsewhere"}}
    assert cfg.killfile == [('title ~ "sponsored"', "hide"), ("feed = 3", "read")]
    assert Config().killfile == [] and Config().bookmark_command is None


@pytest.mark.parametrize("text, setting", [
    ("mark_read = 'sometimes'", "mark_read"),
    ("mark_read = 'after:-1'", "mark_read"),
    ("mark_read = open", "mark_read"),  # not TOML: the line is left out, the rest read
    ("refresh_minutes = -5", "refresh_minutes"),
    ("refresh_minutes = true", "refresh_minutes"),
    ("[keys]\nfavourite = 3\nhelp = 'h'", "[keys] favourite"),
    ("colour = 'red'", "colour"),
    ("bookmark_command = ''", "bookmark_command"),
    ("pipe_command = 'less \"'", "pipe_command"),
    ("pipe_command = 3", "pipe_command"),
    ("[categories]\ntech = 3", "[categories] tech"),
    ("categories = 'Tech'", "categories"),
    ("[feed_categories]\nGazette = 'World'", '[feed_categories."Gazette"]'),
    ("[feed_categories.Gazette]\n'*' = ['World']", '[feed_categories."Gazette"] *'),
    ("[[killfile]]\naction = 'hide'", "[[killfile]] 1"),
    ("[[killfile]]\nwhere = 'x'\naction = 'delete'", "[[killfile]] 1"),
    ("[[killfile]]\nwhere = 'x'\nwhen = 'now'", "[[killfile]] 1 when"),
    ("killfile = 'title ~ x'", "killfile"),
])
def test_a_wrong_setting_is_named_and_the_others_kept(text, setting):
    keys = "" if "[keys]" in text else '\n[keys]\nhelp = "h"\n'
    cfg = parse_config('refresh_minutes = 7\n' + text + keys)
    assert [p.setting for p in cfg.problems] == [setting]
    assert cfg.refresh_minutes == 7 and cfg.keys.get("help") == "h"
    line = cfg.problem_line
    assert line.startswith(f"config.toml: {setting} ignored (") and "\n" not in line


def test_several_wrong_settings_are_all_named_in_one_short_line():
    cfg = parse_config('mark_read = "never"\ncolour = "red"\nrefresh_minutes = -1\n'
                       'pipe_command = "less"\n[keys]\nfavourite = ""\nback = "x"\n')
    assert cfg.pipe_command == "less" and cfg.keys == {"back": "x"}
    assert cfg.problem_line == ("config.toml: 4 settings ignored: mark_read, colour (unknown), "
                                "refresh_minutes, [keys] favourite")


def test_a_wrong_killfile_rule_leaves_the_others():
    cfg = parse_config("[[killfile]]\nwhere = 'a'\n[[killfile]]\nwhere = 'b'\naction = 'burn'\n"
                       "[[killfile]]\nwhere = 'c'\naction = 'read'\n")
    assert cfg.killfile == [("a", "hide"), ("c", "read")]
    assert [p.setting for p in cfg.problems] == ["[[killfile]] 2"]


def test_a_file_that_is_not_toml_at_all_is_one_line():
    cfg = parse_config("x = [1,\n2\n")
    assert cfg == Config()
    assert cfg.problem_line.startswith("config.toml: not valid TOML (")


def test_an_unreadable_file_means_defaults_and_says_so(tui_home):
    paths.config_path().write_bytes(b"mark_read = '\xff'\n")
    cfg = load_config()
    assert cfg == Config() and "cannot be read" in cfg.problem_line


def test_the_command_line_warns_in_one_line_and_goes_on(tui_home, capsys):
    paths.config_path().write_text("mark_read = 'sometimes'\n", encoding="utf-8")
    assert main(["list"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("newsreader: warning: config.toml: mark_read ignored ('sometimes' is not")
