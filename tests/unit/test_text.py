"""clean_line and clean_text: the fast paths give what the full cleaning gives."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, strategies as st

from newsreader.text import _clean_line, _clean_text, clean_line, clean_text

# the characters the cleaning cares about, and ordinary ones
PIECES = st.sampled_from(["a", "B", " ", "  ", "\n", "\n\n", "\n \n", "\t", "\r", "\x1b", "\x07", "\u202e",
                          "\u200b", "\u00a0", "\u3000", "\u2028", "\ufeff", "\x85", "\x1c", "é", "e\u0301",
                          "“", "”", "\u05d0", "x y", " .", "\n\n\n"])
TEXTS = st.lists(PIECES, max_size=25).map("".join) | st.text(max_size=40)


@given(TEXTS)
@example("a  b")
@example(" a b ")
@example("a\n\nb")
@example("a\n b")
def test_fast_paths_agree_with_the_full_cleaning(text):
    nfc = unicodedata.normalize("NFC", text)
    assert clean_line(text) == (_clean_line(nfc) if text else "")
    assert clean_text(text) == (_clean_text(nfc) if text else "")


@given(TEXTS)
def test_cleaning_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once
    line = clean_line(text)
    assert clean_line(line) == line


def test_what_cleaning_removes():
    assert clean_line(" Bell\x07 and \x1b[31mred\u202e  title\n") == "Bell and red title"
    assert clean_text("one\u00a0 two \n\n\n  three\t four\r\nfive") == "one two\n\nthree four\nfive"


def test_list_and_block_quote_indents_are_kept_other_leading_spaces_are_not():
    text = "• one\n  • nested\n  2. numbered\n\n    a block quote\n\n  stray indent\n   odd"
    assert clean_text(text) == "• one\n  • nested\n  2. numbered\n\n    a block quote\n\nstray indent\nodd"


def test_terminal_escape_sequences_are_removed_whole():
    from newsreader.text import strip_unsafe

    assert strip_unsafe("a\x1b]52;c;cm0gLXJm\x07b") == "ab"  # OSC 52: a clipboard write
    assert strip_unsafe("a\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\") == "alink"  # OSC 8
    assert strip_unsafe("\x1b[2J\x1b[1;31mred\x1b[0m") == "red"
    assert strip_unsafe("\x9b31mC1\x9d0;title\x9c") == "C1"
    assert strip_unsafe("reset\x1bc") == "reset"
    assert strip_unsafe("[31m stays [/b] text") == "[31m stays [/b] text"
