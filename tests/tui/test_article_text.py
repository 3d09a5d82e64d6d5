"""Quote spans become styles on plain Content; nothing in a body is read as markup."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

from newsreader.models import Quote
from newsreader.tui.article_text import (
    QuoteStyles,
    needs_label,
    paragraph_bounds,
    paragraph_content,
    paragraph_of,
    quotes_by_paragraph,
)

RED, GREEN = Style(bold=False, italic=True), Style(underline=True)
STYLES = QuoteStyles(speakers=(RED, GREEN), unattributed=Style(dim=True), name=Style(bold=True),
                     forward=Style(strike=True), faded=Style(dim=True), current=Style(underline=True))


def spans(content):
    return [(s.start, s.end, s.style) for s in content.spans]


def test_paragraph_bounds_split_on_blank_lines():
    body = "One line.\nStill one.\n\nTwo.\n\nThree."
    assert [body[a:b] for a, b in paragraph_bounds(body)] == ["One line.\nStill one.", "Two.", "Three."]
    assert paragraph_of(paragraph_bounds(body), body.index("Two")) == 1


def test_paragraph_bounds_keep_a_final_newline_and_skip_runs_of_blank_lines():
    body = "\n\nFirst\nline two\n\n\n\nSecond\n"
    assert [body[a:b] for a, b in paragraph_bounds(body)] == ["First\nline two", "Second\n"]
    assert paragraph_bounds("") == [] and paragraph_bounds("\n\n") == []


def test_each_paragraph_gets_the_quotes_it_styles_and_is_drawn_as_with_every_quote():
    body = "Intro, said Ana Ruiz.\n\n“One long quote\n\nacross two paragraphs,” she said.\n\nNothing here.\n\nLast."
    bounds = paragraph_bounds(body)
    across = Quote(body.index("One"), body.index(",” she"), "quote", "Ana Ruiz",
                   body.index("Ana"), body.index("Ana") + 8)  # named in the first paragraph
    empty = Quote(body.index("ast."), body.index("ast."), "quote")  # an empty span inside a paragraph
    quotes = [across, empty]
    by = quotes_by_paragraph(bounds, quotes)
    assert by == [[across], [across], [across], [], [empty]]
    for b, own in zip(bounds, by):
        whole = paragraph_content(body, b, quotes, {"Ana Ruiz": 0}, STYLES)
        assert spans(paragraph_content(body, b, own, {"Ana Ruiz": 0}, STYLES)) == spans(whole)


def test_each_speaker_gets_their_slot_and_the_name_is_marked():
    body = "“Yes,” said Ana Ruiz. “No,” said Bo Lee."
    qa = Quote(1, 4, "quote", "Ana Ruiz", 12, 20)
    qb = Quote(23, 25, "quote", "Bo Lee", 33, 39)
    content = paragraph_content(body, (0, len(body)), [qa, qb], {"Ana Ruiz": 0, "Bo Lee": 1}, STYLES)
    assert content.plain == body
    got = spans(content)
    assert (1, 4, RED) in got and (23, 25, GREEN) in got
    assert (12, 20, RED + STYLES.name) in got


def test_forward_speaker_stands_out_and_others_fade():
    body = "“Yes,” said Ana Ruiz. “No,” said Bo Lee."
    qa = Quote(1, 4, "quote", "Ana Ruiz", 12, 20)
    qb = Quote(23, 25, "quote", "Bo Lee", 33, 39)
    content = paragraph_content(body, (0, len(body)), [qa, qb], {"Ana Ruiz": 0, "Bo Lee": 1}, STYLES,
                                forward="Bo Lee", current=qb)
    got = spans(content)
    assert (23, 25, STYLES.forward) in got and (1, 4, STYLES.faded) in got
    assert (23, 25, STYLES.current) in got


def test_turn_without_a_visible_name_gets_a_label():
    body = "Why now?\n\nBecause the river moved."
    turn = Quote(10, len(body), "turn", "Rosa Field")
    assert needs_label(turn)
    content = paragraph_content(body, paragraph_bounds(body)[1], [turn], {"Rosa Field": 0}, STYLES)
    assert content.plain == "Rosa Field: Because the river moved."
    labelled = Quote(12, 20, "turn", "Rosa Field", 0, 10)
    assert not needs_label(labelled)


def test_markup_in_a_body_stays_text():
    body = "[bold]x[/] and [@click=app.quit]quit[/] and [link=https://e.example]l[/link]"
    content = paragraph_content(body, (0, len(body)), [], {}, STYLES)
    assert content.plain == body
    assert content.spans == []


def test_look_alike_speaker_colours_are_replaced_by_distinct_hues():
    from textual.color import Color
    from textual.style import Style

    from newsreader.tui.article_text import distinct_speakers

    orange = Style(foreground=Color.parse("#ffa62b"))
    given = [Style(foreground=Color.parse("#0178d4")), orange, orange, Style(foreground=Color.parse("#808080"))]
    out = distinct_speakers(given, dark=True, want=8)
    assert len(out) == 8 and out[:2] == (given[0], orange)
    hues = [s.foreground.hsl.h for s in out]
    assert all(min(abs(a - b), 1 - abs(a - b)) >= 0.05 for i, a in enumerate(hues) for b in hues[i + 1:])


def test_wrapped_list_items_and_block_quotes_hang_under_their_text():
    from newsreader.tui.article_text import Hanging, hanging

    text = ("• Follow-up on the harbour story from last week\n"
            "  • Notes from listeners who wrote in about ferries\n"
            "    A quoted passage that runs on past the width")
    shown = hanging(Content(text))
    assert isinstance(shown, Hanging) and str(shown) == text
    assert [line.plain for line in shown.lines(24)] == [
        "• Follow-up on the",
        "  harbour story from",
        "  last week",
        "  • Notes from listeners",
        "    who wrote in about",
        "    ferries",
        "    A quoted passage",
        "    that runs on past",
        "    the width",
    ]
    plain = hanging(Content("A paragraph of prose with no list in it."))
    assert isinstance(plain, Content)  # Textual wraps it (and selection works) as before
