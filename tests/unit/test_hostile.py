"""Hostile content end to end: what a feed carries never acts on the terminal.

One JSON Feed written here holds the lot: an OSC 52 clipboard write, CSI and C1
controls, bidi overrides and isolates, zero-width characters, NULs, a 10 KB
title, a 5 MB body, HTML nested thousands deep, and links with ``javascript:``,
``file:`` and ``data:`` addresses. Imported through the command line, ``list``,
``show`` and ``show --json`` give text with no control character or bidi
control in it, and only the web links are numbered or listed.
"""

from __future__ import annotations

import json
import re

import pytest

from newsreader.text import strip_unsafe
from tests.unit.clirun import run


OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"  # would put "rm -rf ~" on the clipboard
CSI = "\x1b[2J\x1b[31m"
C1 = "\x9b31m\x9d0;title\x9c"
BIDI = "\u202eevil\u202c \u2066iso\u2069 \u200f"
ZERO = "in\u200bvis\ufeffible"
NUL = "nu\x00ll"

# what must never reach a terminal: C0 but tab and newline, DEL, C1, bidi controls
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
BAD_LINKS = ("javascript:alert(1)", "file:///etc/passwd", "data:text/html;base64,PHNjcmlwdD4=")


def hostile_feed(tmp_path):
    nested = "<div>" * 5000 + "<p>Deep inside, the harbour master spoke.</p>" + "</div>" * 5000
    links = "".join(f'<p>See <a href="{href}">this {i}</a>.</p>' for i, href in enumerate(BAD_LINKS))
    big_body = ("The tide came in at noon and the boats went out. " * 12) + "\n\n"
    items = [
        {"id": "osc", "url": "https://hostile.example/osc",
         "title": f"Clipboard {OSC52}grab {CSI}red {C1} {BIDI} {ZERO} {NUL}",
         "content_html": f"<p>Body {OSC52} with {CSI} and {C1} and {BIDI} and {ZERO} {NUL}.</p>"
                         f"{links}<p>And <a href=\"https://ok.example/page\">a web link</a>.</p>",
         "date_published": "2026-11-05T10:00:00Z"},
        {"id": "long-title", "url": "https://hostile.example/long",
         "title": "Long " + "title " * 1700, "content_text": "Short body.",
         "date_published": "2026-11-05T09:00:00Z"},
        {"id": "big", "url": "https://hostile.example/big", "title": "Five megabytes",
         "content_text": big_body * (5 * 1024 * 1024 // len(big_body)),
         "date_published": "2026-11-05T08:00:00Z"},
        {"id": "deep", "url": "https://hostile.example/deep", "title": "Nested deep",
         "content_html": nested, "date_published": "2026-11-05T07:00:00Z"},
    ]
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": f"Feed {OSC52}",
                                "items": items}), encoding="utf-8")
    return path


@pytest.fixture
def imported(tmp_path, capsys):
    code, out, err = run(capsys, "import", str(hostile_feed(tmp_path)))
    assert code == 0, err
    assert not FORBIDDEN.search(out + err)
    code, out, _ = run(capsys, "list", "--json")
    return {row["title"][:12]: row for row in json.loads(out)}


def test_listing_and_showing_hostile_articles_writes_no_control_character(capsys, imported):
    assert len(imported) == 4
    for row in imported.values():
        for argv in (("show", str(row["id"])), ("show", str(row["id"]), "--json")):
            code, out, err = run(capsys, *argv)
            assert code == 0, err
            assert not FORBIDDEN.search(out), (argv, FORBIDDEN.search(out))
    code, out, _ = run(capsys, "list")
    assert code == 0 and not FORBIDDEN.search(out)


def test_escape_sequences_go_whole_and_the_text_around_them_stays(capsys, imported):
    row = next(r for t, r in imported.items() if t.startswith("Clipboard"))
    shown = json.loads(run(capsys, "show", str(row["id"]), "--json")[1])
    assert shown["title"] == "Clipboard grab red evil iso in visible null"
    assert "52;c;" not in shown["body"] and "[31m" not in shown["body"] and "0;title" not in shown["body"]
    assert shown["body"].startswith("Body with and and evil iso and in visible null.\n\nSee this 0.")


def test_every_string_introducer_takes_its_string_with_it():
    # DCS, SOS, PM and APC as single C1 characters, ESC forms, OSC: none leaves its payload behind
    for intro in ("\x90", "\x98", "\x9e", "\x9f", "\x9d", "\x1bP", "\x1b_", "\x1b]"):
        assert strip_unsafe(f"before{intro}qpayload\x9cafter") == "beforeafter", repr(intro)
        assert strip_unsafe(f"before{intro}qpayload\x1b\\after") == "beforeafter", repr(intro)


def test_only_web_links_are_numbered_or_listed(capsys, imported):
    row = next(r for t, r in imported.items() if t.startswith("Clipboard"))
    shown = json.loads(run(capsys, "show", str(row["id"]), "--json")[1])
    assert shown["links"] == ["https://ok.example/page"]
    text = run(capsys, "show", str(row["id"]))[1]
    for bad in BAD_LINKS:
        assert bad.split(":")[0] + ":" not in text.replace("https:", "")
    assert "[1]" in text and "[2]" not in text


def test_a_long_title_a_big_body_and_deep_nesting_are_read(capsys, imported):
    long_ = next(r for t, r in imported.items() if t.startswith("Long"))
    assert len(long_["title"]) > 5000
    big = next(r for t, r in imported.items() if t.startswith("Five"))
    shown = json.loads(run(capsys, "show", str(big["id"]), "--json")[1])
    assert len(shown["body"]) > 4_000_000
    deep = next(r for t, r in imported.items() if t.startswith("Nested"))
    shown = json.loads(run(capsys, "show", str(deep["id"]), "--json")[1])
    assert "harbour master spoke" in shown["body"]
