"""html_to_text: HTML fragments to plain-text paragraphs and links."""

from hypothesis import given, strategies as st

from newsreader.ingest.htmltext import absolute_url, first_words, html_to_text, unique


def test_blocks_lists_and_breaks():
    text, _ = html_to_text("<h2>Head</h2><p>One <b>bold</b><br>two</p><ul><li>a</li><li>b</li></ul>")
    assert text == "Head\n\nOne bold\ntwo\n\n• a\n• b"


def test_script_style_iframe_object_dropped_with_tail_kept():
    html = "<p>keep</p><script>alert(1)</script>after<style>p{}</style><iframe src=x>in</iframe><object>o</object>"
    text, _ = html_to_text(html)
    assert text == "keep\n\nafter"


def test_links_absolute_deduped_and_web_only():
    html = ('<a href="/a">1</a><a href="https://x.example/b">2</a><a href="/a">3</a>'
            '<a href="javascript:alert(1)">4</a><a href="#top">5</a><a href="mailto:a@b.c">6</a>')
    _, links = html_to_text(html, "https://site.example/dir/page")
    assert links == ("https://site.example/a", "https://x.example/b")


def test_relative_links_without_base_are_dropped():
    assert html_to_text('<a href="rel/x">x</a>')[1] == ()


def test_plain_text_input_kept_as_text():
    text, links = html_to_text("Fish & chips\n\nSecond paragraph &amp; more")
    assert text == "Fish & chips\n\nSecond paragraph & more"
    assert links == ()


def test_entity_escaped_html_is_unescaped_once():
    text, _ = html_to_text("&lt;p&gt;First&lt;/p&gt;&lt;p&gt;Second &lt;i&gt;it&lt;/i&gt;&lt;/p&gt;")
    assert text == "First\n\nSecond it"


def test_escaped_script_does_not_survive_as_text():
    text, _ = html_to_text('<p>&lt;script&gt;alert(1)&lt;/script&gt; hi <span onmouseover="x()">there</span></p>')
    assert "<script" not in text.lower() and "onmouseover" not in text
    assert "hi" in text and "there" in text


def test_control_and_bidi_characters_removed():
    text, _ = html_to_text("<p>a\x1b[31mb\u202ec\x00d</p>")
    assert "\x1b" not in text and "\u202e" not in text and "\x00" not in text


def test_whole_document_and_comments():
    html = "<?xml version='1.0'?><!DOCTYPE html><html><head><title>T</title></head><body><!-- c --><p>Body</p></body></html>"
    assert html_to_text(html)[0] == "Body"
    assert html_to_text("<!-- only a comment -->")[0] == ""
    assert html_to_text("")[0] == ""


def test_table_cells_separated():
    assert html_to_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")[0] == "a b\n\nc"


def test_deep_nesting_does_not_recurse():
    html = "<span>" * 200 + "deep" + "</span>" * 200
    assert html_to_text(html)[0] == "deep"
    # past libxml2's depth limit text may be lost, but nothing raises
    assert isinstance(html_to_text("<div>" * 5000 + "x")[0], str)


def test_helpers():
    assert absolute_url("x", "https://a.example/b/") == "https://a.example/b/x"
    assert absolute_url("ftp://a.example/") is None
    assert unique(["A", "a", "", "b"]) == ("A", "b")
    assert first_words("one two three", 2) == "one two…"
    assert first_words("") == ""


@given(st.text(alphabet="ab <>=:-!/\"'onclickjavascript\u0130\u212a", max_size=40))
def test_scrub_shortcut_matches_the_pattern(text):
    from newsreader.ingest.htmltext import _RESIDUE, scrub

    assert scrub(text) == _RESIDUE.sub("", text)
