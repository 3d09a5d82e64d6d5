"""find_quotes: where a quotation starts and ends, on sentences written for these tests."""

from __future__ import annotations

from newsreader.analysis import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text) if q.kind == "quote"]


def test_the_space_before_a_closing_mark_is_no_part_of_the_quotation():
    # a nested quotation's mark, a space, then the closing mark (a typesetting habit)
    text = ("\"We call it the 'harbour tax,' \" said Ola Brenn, a fisherman.\n\n"
            "''Nobody wants the 'night ferry,' '' the captain said.\n\n"
            "\"The bridge will open in May, \" Mayor Ines Roa said.")
    assert quoted(text) == ["We call it the 'harbour tax,'", "Nobody wants the 'night ferry,'",
                            "The bridge will open in May,"]


def test_a_straight_opening_mark_may_close_with_a_left_curly_mark_after_a_word():
    text = ("\"The tolls will rise next year,“ said Ola Brenn, a fisherman. "
            "\"We cannot pay them.“\n\n"
            "The council did not reply.")
    assert quoted(text) == ["The tolls will rise next year,", "We cannot pay them."]

