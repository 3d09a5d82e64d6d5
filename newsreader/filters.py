"""Filter expressions: what ``list --where``, saved views and the killfile say.

    unread and not favourite
    category = "World" and (title ~ "election" or speaker = "Ada Lovelace")
    feed != "Example News" and age < 7d

Terms:

* flags: ``unread``, ``read``, ``favourite`` (or ``favorite``), ``hidden``
  (hidden by the killfile: such articles are only listed when the
  expression names ``hidden``);
* text: ``title``, ``body``, ``feed`` (its title, URL or id), ``category``,
  ``speaker`` (a person the article quotes), ``author`` (or ``byline``),
  ``tag``; each with ``=`` / ``!=`` (the whole text, ignoring case) or
  ``~`` / ``!~`` (contains the text, ignoring case; a ``*`` in it stands for
  any run of characters, so ``title ~ "rate*rise"``);
* ``age`` with ``<``, ``>``, ``<=``, ``>=`` and a number of hours, days or
  weeks: ``age < 7d`` is "published in the last seven days".

``not`` binds tighter than ``and``, which binds tighter than ``or``;
parentheses group. A value is quoted ("..." or '...', backslash escapes the
quote) or a bare word without spaces or ``()=!~<>``.

This module is pure: ``parse`` turns text into a tree of frozen dataclasses
(the store compiles that into SQL); a mistake raises :class:`FilterError`
with one line that names the column.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Union

from newsreader.errors import NewsreaderError

FLAGS = {"unread": "unread", "read": "read", "favourite": "favourite", "favorite": "favourite",
         "hidden": "hidden"}
TEXT_FIELDS = {"title": "title", "body": "body", "feed": "feed", "category": "category",
               "speaker": "speaker", "author": "author", "byline": "author", "tag": "tag"}
TEXT_OPS = ("=", "!=", "~", "!~")
AGE_OPS = ("<", ">", "<=", ">=")
UNITS = {"h": 3600, "d": 86400, "w": 7 * 86400}
KEYWORDS = ("and", "or", "not")
TERMS = sorted(set(FLAGS) | set(TEXT_FIELDS) | {"age"})


class FilterError(NewsreaderError):
    """A filter expression that cannot be read; the message is one line."""


# --- the tree --------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """``unread``, ``read``, ``favourite`` or ``hidden``."""

    name: str


@dataclass(frozen=True)
class Match:
    """A text field compared with a value: op is ``=``, ``!=``, ``~`` or ``!~``."""

    field: str
    op: str
    value: str


@dataclass(frozen=True)
class Age:
    """``age OP N unit``; ``seconds`` is N units."""

    op: str
    seconds: int


@dataclass(frozen=True)
class Not:
    term: "Expr"


@dataclass(frozen=True)
class And:
    terms: tuple["Expr", ...]


@dataclass(frozen=True)
class Or:
    terms: tuple["Expr", ...]


Expr = Union[Flag, Match, Age, Not, And, Or]


def any_term(expr: Expr | None, test) -> bool:
    """Whether ``test`` holds for any term of the expression (under not, and, or)."""
    if isinstance(expr, Not):
        return any_term(expr.term, test)
    if isinstance(expr, (And, Or)):
        return any(any_term(t, test) for t in expr.terms)
    return expr is not None and test(expr)


def mentions(expr: Expr, flag: str) -> bool:
    """Whether the expression names ``flag`` anywhere (``hidden`` lets hidden articles in)."""
    return any_term(expr, lambda t: isinstance(t, Flag) and t.name == flag)


def both(a: Expr | None, b: Expr | None) -> Expr | None:
    """``a and b`` (either may be None, meaning "everything")."""
    if a is None or b is None:
        return a or b
    return And((a, b))


def quote(value: str) -> str:
    """``value`` as a quoted string the parser reads back unchanged."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- reading ---------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    kind: str  # "word", "string", "op", "(", ")", "end"
    text: str
    col: int  # 1-based


_OP = re.compile(r"!=|!~|<=|>=|[=~<>]")
_WORD = re.compile(r"[^\s()\"'=!~<>]+")


def _tokens(text: str) -> list[_Tok]:
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            out.append(_Tok(c, c, i + 1))
            i += 1
        elif c in "\"'":
            start, i, buf = i, i + 1, []
            while i < len(text) and text[i] != c:
                if text[i] == "\\" and i + 1 < len(text):
                    i += 1
                buf.append(text[i])
                i += 1
            if i >= len(text):
                raise FilterError(f"the string starting at column {start + 1} has no closing {c}")
            out.append(_Tok("string", "".join(buf), start + 1))
            i += 1
        elif m := _OP.match(text, i):
            out.append(_Tok("op", m.group(), i + 1))
            i = m.end()
        elif m := _WORD.match(text, i):
            out.append(_Tok("word", m.group(), i + 1))
            i = m.end()
        else:  # a lone '!'
            raise FilterError(f"unexpected {c!r} at column {i + 1} (use 'not', '!=' or '!~')")
    out.append(_Tok("end", "", len(text) + 1))
    return out


def _shown(tok: _Tok) -> str:
    if tok.kind == "end":
        return "the end"
    return repr(tok.text) if tok.kind != "string" else quote(tok.text)


class _Parser:
    def __init__(self, text: str):
        self.toks = _tokens(text)
        self.i = 0

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def keyword(self, word: str) -> bool:
        if self.tok.kind == "word" and self.tok.text.lower() == word:
            self.i += 1
            return True
        return False

    def expr(self) -> Expr:
        terms = [self.conjunction()]
        while self.keyword("or"):
            terms.append(self.conjunction("or"))
        return terms[0] if len(terms) == 1 else Or(tuple(terms))

    def conjunction(self, after: str | None = None) -> Expr:
        terms = [self.negation(after)]
        while self.keyword("and"):
            terms.append(self.negation("and"))
        return terms[0] if len(terms) == 1 else And(tuple(terms))

    def negation(self, after: str | None) -> Expr:
        if self.keyword("not"):
            return Not(self.negation("not"))
        return self.atom(after)

    def atom(self, after: str | None) -> Expr:
        tok = self.take()
        if tok.kind == "(":
            inner = self.expr()
            if self.tok.kind != ")":
                if self.tok.kind == "end":
                    raise FilterError(f"missing ')' to close the '(' at column {tok.col}")
                raise self.expected_joiner()
            self.take()
            return inner
        if tok.kind != "word" or tok.text.lower() in KEYWORDS:
            where = f"after '{after}' " if after else ""
            raise FilterError(f"expected a term {where}at column {tok.col}, found {_shown(tok)}")
        name = tok.text.lower()
        if name in FLAGS:
            if self.tok.kind == "op":
                raise FilterError(f"'{name}' takes no value ({self.tok.text!r} at column {self.tok.col})")
            return Flag(FLAGS[name])
        if name == "age":
            return self.age(tok)
        if name not in TEXT_FIELDS:
            close = difflib.get_close_matches(name, TERMS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "terms: " + ", ".join(TERMS)
            raise FilterError(f"unknown term {tok.text!r} at column {tok.col} ({hint})")
        op = self.operator(name, TEXT_OPS)
        value = self.take()
        if value.kind == "string" or (value.kind == "word" and value.text.lower() not in KEYWORDS):
            return Match(TEXT_FIELDS[name], op.text, value.text)
        raise FilterError(f"expected a value after '{op.text}' at column {value.col}")

    def operator(self, name: str, ops: tuple[str, ...]) -> _Tok:
        op = self.take()
        if op.kind == "op" and op.text in ops:
            return op
        listed = ", ".join(ops[:-1]) + " or " + ops[-1]
        if op.kind == "op":
            raise FilterError(f"'{name}' takes {listed}, not '{op.text}' at column {op.col}")
        raise FilterError(f"expected {listed} after '{name}' at column {op.col}")

    def age(self, tok: _Tok) -> Age:
        op = self.operator("age", AGE_OPS)
        value = self.take()
        m = re.fullmatch(r"(\d{1,6})([hdw])", value.text.lower()) if value.kind in ("word", "string") else None
        if m is None:
            found = "" if value.kind == "end" else f", found {_shown(value)}"
            raise FilterError(f"expected an age such as 12h, 7d or 2w after '{op.text}' "
                              f"at column {value.col}{found}")
        return Age(op.text, int(m.group(1)) * UNITS[m.group(2)])

    def expected_joiner(self) -> FilterError:
        tok = self.tok
        if tok.kind == ")":
            return FilterError(f"unexpected ')' at column {tok.col}")
        return FilterError(f"expected 'and' or 'or' at column {tok.col}, found {_shown(tok)}")


def parse(text: str) -> Expr:
    """The tree of a filter expression; a mistake raises ``FilterError`` naming its column."""
    if not text.strip():
        raise FilterError("the filter is empty")
    parser = _Parser(text)
    expr = parser.expr()
    if parser.tok.kind != "end":
        raise parser.expected_joiner()
    return expr
