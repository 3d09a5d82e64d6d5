"""The filter expression parser: every term, precedence, and errors that name the column."""

from __future__ import annotations

import pytest

from newsreader.filters import Age, And, FilterError, Flag, Match, Not, Or, both, mentions, parse, quote


@pytest.mark.parametrize("text, tree", [
    ("unread", Flag("unread")),
    ("read", Flag("read")),
    ("favourite", Flag("favourite")),
    ("Favorite", Flag("favourite")),
    ("hidden", Flag("hidden")),
    ('feed = "Example News"', Match("feed", "=", "Example News")),
    ("feed = 12", Match("feed", "=", "12")),
    ("category = World", Match("category", "=", "World")),
    ('title ~ "rate*rise"', Match("title", "~", "rate*rise")),
    ("body !~ 'sponsored'", Match("body", "!~", "sponsored")),
    ('speaker = "Ada Lovelace"', Match("speaker", "=", "Ada Lovelace")),
    ('author ~ "smith"', Match("author", "~", "smith")),
    ('byline != "AP"', Match("author", "!=", "AP")),
    ('tag = "Climate"', Match("tag", "=", "Climate")),
    ("age < 7d", Age("<", 7 * 86400)),
    ("age > 2w", Age(">", 14 * 86400)),
    ("age <= 12h", Age("<=", 12 * 3600)),
    ("age>=1D", Age(">=", 86400)),
    ("category=World", Match("category", "=", "World")),  # no spaces needed around an operator
    ('title ~ "say \\"hi\\" \\\\ bye"', Match("title", "~", 'say "hi" \\ bye')),
    ('title ~ "and"', Match("title", "~", "and")),  # a keyword, quoted, is a value
])
def test_every_term(text, tree):
    assert parse(text) == tree


def test_not_binds_tighter_than_and_tighter_than_or():
    assert parse("not unread and favourite or hidden") == Or((
        And((Not(Flag("unread")), Flag("favourite"))), Flag("hidden")))
    assert parse("unread or favourite and hidden") == Or((
        Flag("unread"), And((Flag("favourite"), Flag("hidden")))))


def test_parentheses_group_and_keywords_ignore_case():
    assert parse("(unread OR favourite) AND NOT (hidden)") == And((
        Or((Flag("unread"), Flag("favourite"))), Not(Flag("hidden"))))
    assert parse("not not unread") == Not(Not(Flag("unread")))


def test_chains_are_flat():
    assert parse("unread and read and hidden") == And((Flag("unread"), Flag("read"), Flag("hidden")))
    assert parse("unread or read or hidden") == Or((Flag("unread"), Flag("read"), Flag("hidden")))


@pytest.mark.parametrize("text, message", [
    ("", "the filter is empty"),
    ("   ", "the filter is empty"),
    ("title ~ ", "expected a value after '~' at column 9"),
    ("title ~", "expected a value after '~' at column 8"),
    ("title ~ and unread", "expected a value after '~' at column 9"),
    ("title ~ )", "expected a value after '~' at column 9"),
    ("titel ~ x", "unknown term 'titel' at column 1 (did you mean 'title'?)"),
    ("unread and zzz", "unknown term 'zzz' at column 12 (terms: age, author,"),
    ("title", "expected =, !=, ~ or !~ after 'title' at column 6"),
    ("title < x", "'title' takes =, !=, ~ or !~, not '<' at column 7"),
    ("age = 7d", "'age' takes <, >, <= or >=, not '=' at column 5"),
    ("age < soon", "expected an age such as 12h, 7d or 2w after '<' at column 7, found 'soon'"),
    ("age < 7y", "expected an age such as 12h, 7d or 2w after '<' at column 7, found '7y'"),
    ("age <", "expected an age such as 12h, 7d or 2w after '<' at column 6"),
    ("unread = yes", "'unread' takes no value ('=' at column 8)"),
    ("unread title ~ x", "expected 'and' or 'or' at column 8, found 'title'"),
    ("unread and", "expected a term after 'and' at column 11, found the end"),
    ("not", "expected a term after 'not' at column 4, found the end"),
    ("or unread", "expected a term at column 1, found 'or'"),
    ("= x", "expected a term at column 1, found '='"),
    ("(unread", "missing ')' to close the '(' at column 1"),
    ("(unread or (read)", "missing ')' to close the '(' at column 1"),
    ("unread)", "unexpected ')' at column 7"),
    ("()", "expected a term at column 2, found ')'"),
    ('title ~ "abc', "the string starting at column 9 has no closing \""),
    ("!unread", "unexpected '!' at column 1 (use 'not', '!=' or '!~')"),
])
def test_errors_are_one_line_and_name_the_column(text, message):
    with pytest.raises(FilterError) as info:
        parse(text)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_quote_round_trips():
    for value in ['plain', 'with "quotes"', "back\\slash", "it's", ""]:
        assert parse(f"title = {quote(value)}") == Match("title", "=", value)


def test_mentions_and_both():
    tree = parse("favourite or not (hidden and unread)")
    assert mentions(tree, "hidden") and mentions(tree, "favourite") and not mentions(tree, "read")
    assert not mentions(parse('title ~ "hidden"'), "hidden")
    assert both(None, Flag("read")) == Flag("read") and both(Flag("read"), None) == Flag("read")
    assert both(Flag("read"), Flag("unread")) == And((Flag("read"), Flag("unread")))
