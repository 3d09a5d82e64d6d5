"""html_to_text's shortcuts for plain text give what the full cleaning gives.

A paragraph made only of printable pieces skips ``clean_text`` and is stripped
(``htmltext._clean_line_but_ends``); with the shortcut turned off every
paragraph is cleaned in full. Both must give the same text and links, on
fragments built to find the edges (spaces across pieces, no-break and
zero-width spaces, combining marks, pasted script and stylesheet, code, lists,
links with trailing spaces) and on every real feed in ../shared. A text that
``html_to_clean_text`` calls clean is one ``clean_text`` gives back unchanged,
so ``pipeline.prepare`` may skip cleaning such a body again.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from newsreader.ingest import htmltext
from newsreader.ingest.htmltext import html_to_clean_text, html_to_text
from newsreader.text import clean_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"

WORDS = st.sampled_from([
    "harbour", "Café", "Cafe\u0301", "naïve", "“quoted,”", "a  b", " lead", "trail ", "\u00a0nbsp",
    "zero\u200bwidth", "tab\tbed", "new\nline", "x: y", "a;b", "{color: red; margin: 0}", "<script>x</script>",
    "onload=alert(1)", "javascript:go()", "&amp;", "&lt;p&gt;", "  ", " ", "1.", "•", "\u202eevil", "ﬁ",
])
TAGS = st.sampled_from(["p", "em", "strong", "span", "a", "code", "pre", "li", "ul", "ol", "blockquote",
                        "div", "br", "td", "h2"])


@st.composite
def fragments(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 3 and draw(st.booleans()):
            tag = draw(TAGS)
            if tag == "br":
                parts.append("<br>")
                continue
            attr = f' href="https://e.invalid/{draw(st.integers(0, 3))}"' if tag == "a" else ""
            parts.append(f"<{tag}{attr}>{draw(fragments(depth + 1))}</{tag}>")
        else:
            parts.append(draw(WORDS) + draw(st.sampled_from(["", " ", "  "])))
    return "".join(parts)


def _both(markup: str, monkeypatch) -> tuple:
    fast = (html_to_text(markup, "https://e.invalid/"), html_to_text(markup, numbered=False))
    with monkeypatch.context() as m:
        m.setattr(htmltext, "_clean_line_but_ends", lambda text: False)
        full = (html_to_text(markup, "https://e.invalid/"), html_to_text(markup, numbered=False))
    return fast, full


@settings(max_examples=400, deadline=None)
@given(fragments())
def test_shortcut_gives_what_full_cleaning_gives(markup):
    with pytest.MonkeyPatch.context() as mp:
        fast, full = _both(markup, mp)
    assert fast == full


@settings(max_examples=400, deadline=None)
@given(fragments())
def test_a_text_called_clean_is_one_cleaning_gives_back(markup):
    for numbered in (True, False):
        text, _, clean = html_to_clean_text(markup, "https://e.invalid/", numbered=numbered)
        if clean:
            assert clean_text(text) == text


def test_plain_paragraphs_are_called_clean_and_indented_ones_are_not():
    assert html_to_clean_text("<p>One.</p><p>Two <a href='https://e.invalid/'>x</a>.</p>")[2]
    assert html_to_clean_text("plain text, no tags")[2]
    assert not html_to_clean_text("<ul><li>one</li><li>two</li></ul>")[2]
    assert not html_to_clean_text("<blockquote>said</blockquote>")[2]
    assert not html_to_clean_text("<p>a<br>b</p>")[2]


def test_shortcut_is_taken_and_agrees_on_edges(monkeypatch):
    taken = []
    real = htmltext._clean_line_but_ends
    monkeypatch.setattr(htmltext, "_clean_line_but_ends", lambda t: taken.append(t) or real(t))
    assert html_to_text("<p> A plain  paragraph. </p><p>Cafe\u0301 <em>and</em> more</p>")[0] == (
        "A plain paragraph.\n\nCafé and more")
    assert taken  # the plain paragraphs went by the shortcut (the NFC one did not)
    monkeypatch.undo()
    for markup in ("<p>a <em> b</em> c</p>", "<p>x<a href='https://e.invalid/'>link </a> y</p>",
                   "<p>\u00a0lead</p>", "<p>zero\u200bwidth</p>", "<p>{a: b; c: d} text</p>",
                   "<ul><li>one</li><li>two <b>2</b></li></ul>", "<blockquote><p>quoted</p></blockquote>",
                   "<p>ﬁne</p>", "<p>e\u0301</p>", "<pre>  kept  </pre>", "<p>a<br>b</p>"):
        fast, full = _both(markup, monkeypatch)
        assert fast == full, markup


@pytest.mark.skipif(not (SHARED / "feeds" / "real").is_dir(), reason="../shared/data not present")
def test_real_feeds_read_the_same_with_and_without_the_shortcuts(monkeypatch):
    from newsreader.ingest import pipeline
    from newsreader.ingest.pipeline import load_file

    def read_all():
        out = []
        for path in sorted((SHARED / "feeds" / "real").iterdir()):
            loaded = load_file(path, None, find_quotes=False)
            out.append([(it.title, it.body, it.summary, it.links, it.content_hash) for it in loaded.items])
        return out

    fast = read_all()
    monkeypatch.setattr(htmltext, "_clean_line_but_ends", lambda text: False)
    real_prepare = pipeline.prepare
    monkeypatch.setattr(pipeline, "prepare", lambda articles, *a, **k: real_prepare(
        [dataclasses.replace(art, body_clean=False) for art in articles], *a, **k))
    assert read_all() == fast
    assert sum(len(items) for items in fast) > 500
