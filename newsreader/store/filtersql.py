"""Filter expressions (``newsreader.filters``) as SQL over ``articles a LEFT JOIN feeds f``.

Every value is a bound parameter: the SQL text comes only from this module's
own fragments. Text comparisons ignore case through ``nr_fold`` (Python's
``str.casefold``, registered on each connection by ``Store``), so "ÉLAN"
matches "élan" where SQLite's own NOCASE folds ASCII only.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from newsreader.filters import Age, And, Expr, Flag, Match, Not, Or, any_term
from newsreader.store.timefmt import to_db

FOLD = "nr_fold"

_FLAGS = {"unread": "a.read = 0", "read": "a.read = 1", "favourite": "a.favourite = 1",
          "hidden": "a.hidden = 1"}
_COLUMNS = {"title": "a.title", "body": "a.body", "category": "a.category", "author": "a.byline"}
# age < 7d: published after the moment seven days ago
_AGE = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


def fold(text: str | None) -> str | None:
    """The case-folded text (the SQL function ``nr_fold``)."""
    return None if text is None else text.casefold()


def like_pattern(value: str) -> str:
    """A LIKE pattern for "contains ``value``": ``*`` is any run of characters,
    ``%``, ``_`` and ``\\`` are themselves (escaped with ``\\``)."""
    v = fold(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("*", "%")
    return f"%{v}%"


def needs_feeds(expr: Expr | None) -> bool:
    """Whether the expression's SQL reads ``feeds f`` (a count without it stays on an index)."""
    return any_term(expr, lambda t: isinstance(t, Match) and t.field == "feed")


def compile_expr(expr: Expr, now: datetime) -> tuple[str, list]:
    """(SQL condition, parameters) true for the articles ``expr`` matches; never NULL."""
    args: list = []
    return _sql(expr, now, args), args


def _sql(expr: Expr, now: datetime, args: list) -> str:
    if isinstance(expr, Flag):
        return _FLAGS[expr.name]
    if isinstance(expr, Not):
        return f"NOT ({_sql(expr.term, now, args)})"
    if isinstance(expr, (And, Or)):
        joiner = " AND " if isinstance(expr, And) else " OR "
        return "(" + joiner.join(_sql(t, now, args) for t in expr.terms) + ")"
    if isinstance(expr, Age):
        args.append(to_db(now - timedelta(seconds=expr.seconds)))
        return f"a.published {_AGE[expr.op]} ?"
    if isinstance(expr, Match):
        cond = _match(expr, args)
        # NULL (no byline, no feed) is "does not match", so != and !~ take it in
        return f"NOT coalesce({cond}, 0)" if expr.op.startswith("!") else f"coalesce({cond}, 0)"
    raise TypeError(f"not a filter expression: {expr!r}")


def _test(column: str, m: Match, args: list) -> str:
    """``column`` equals (``=``) or contains (``~``) the value, ignoring case."""
    contains = m.op.endswith("~")
    if m.value.isascii():
        # SQLite's LIKE and NOCASE ignore ASCII case in C, five times faster over
        # bodies than calling nr_fold; they differ from it only for the few letters
        # that fold to ASCII ("ß" is "ss" to casefold)
        args.append(like_pattern(m.value) if contains else m.value)
        return f"{column} LIKE ? ESCAPE '\\'" if contains else f"{column} = ? COLLATE NOCASE"
    args.append(like_pattern(m.value) if contains else fold(m.value))
    return f"{FOLD}({column}) LIKE ? ESCAPE '\\'" if contains else f"{FOLD}({column}) = ?"


def _match(m: Match, args: list) -> str:
    """The positive condition (``=`` or ``~``) of a text term."""
    if m.field in _COLUMNS:
        return f"({_test(_COLUMNS[m.field], m, args)})"
    if m.field == "feed":
        if m.op.endswith("~"):
            return f"({_test('f.title', m, args)} OR {_test('a.source', m, args)})"
        sql = f"({_test('f.title', m, args)} OR f.url = ? OR a.source = ?"
        args += [m.value, m.value]
        if m.value.isascii() and m.value.isdigit() and len(m.value) < 19:
            args.append(int(m.value))
            sql += " OR a.feed_id = ?"
        return sql + ")"
    if m.field == "speaker":
        return f"(a.id IN (SELECT q.article_id FROM quotes q WHERE {_test('q.speaker', m, args)}))"
    if m.field == "tag":
        return (f"(a.tags != '[]' AND EXISTS (SELECT 1 FROM json_each(a.tags) t"
                f" WHERE {_test('t.value', m, args)}))")
    raise TypeError(f"unknown field {m.field!r}")
