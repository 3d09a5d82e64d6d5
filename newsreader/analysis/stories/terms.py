"""An article's words for grouping: title and lead as weighted terms.

Grouping compares what an article says first (its headline and opening
paragraphs): that is where every outlet names the event, its people, places
and numbers, while the rest drifts into background each outlet tells its own
way. The first ``LEAD_FULL`` words of the lead count whole, the rest of it
(to ``LEAD_WORDS``) half: two whole articles on one event share more of
their second and third paragraphs than a cut at the first one lets them
show, yet the opening stays what weighs most. Words are folded (case, accents, a plural's "s"), function and
reporting words dropped; a name (a capitalised word inside a sentence) counts
more than a common word, and a headline word more than a lead word.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from newsreader.analysis.speakers import fold as name_fold

LEAD_WORDS = 250  # of the body after the title: the opening paragraphs
LEAD_FULL = 60  # of those, the first ones (the who, what, where and when) count whole
LEAD_REST = 0.5  # the others this much
TITLE_WEIGHT = 3.0
NAME_WEIGHT = 1.5


# Function words and the vocabulary of reporting itself: they say nothing about which event.
STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any
are around as at away back be became because been before being below between both but by came
can cannot could day days did do does doing done down during each early either else even ever
every few first for four from further get gets getting go going got had has have having he her
here hers herself him himself his how however i if in including into is it its itself just last
late later least less like made make makes making many may me might more most much must my
myself near nearly need needs never new news next no nor not now of off often on once one only
or other others our ours out over own part people per put rather really said same saw say saying
says see seen set several she should since so some still such take taken than that the their
theirs them themselves then there these they thing things this those though three through thus
time times to today told too took two under until up upon us use used very via was way we week
weeks well went were what when where whether which while who whom whose why will with within
without would year years yesterday yet you your yours according added asked called come comes
told tells tell reported report reports says update updated live latest read watch video photo
image images getty reuters ap afp copyright subscribe newsletter advertisement click share
monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr st
""".split())


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word's comparable form: lower case, no accents, a plural's final "s" off."""
    w = word.casefold().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-3] + "y" if w.endswith("ies") else w[:-1]
    return w


def term(word: str) -> str:
    """A word as grouping counts it: ``fold``, then spelled as names are folded
    (Zelensky, Zelenskiy, Zelenskyy are one man), every word alike."""
    w = fold(word)
    return name_fold(w) if w.isalpha() and w.isascii() else w


def _keep(w: str) -> bool:
    if w in STOPWORDS:
        return False
    if w.isdigit():
        return len(w) >= 2  # a year, a count, a date: "2022", "24"; not "1"
    return len(w) >= 3 or not w.isascii()  # a CJK word may be one character


def lead_of(body: str, words: int = LEAD_WORDS) -> str:
    """The first ``words`` words of a body (its lead)."""
    if not body:
        return ""
    parts = body.split(None, words)
    if len(parts) <= words:
        return body
    return body[: len(body) - len(parts[-1])].rstrip()


@lru_cache(maxsize=200_000)
def _term_of(raw: str) -> str | None:
    """The term a word counts as, or None for a word that says nothing of the event."""
    w = fold(raw)
    return term(raw) if _keep(w) else None


class _Separators(dict):
    """For ``str.translate``: every character but a letter, a digit or an apostrophe
    becomes a space (worked out once a character, then remembered)."""

    def __missing__(self, code: int) -> int:
        ch = chr(code)
        self[code] = code if ch.isalnum() and ch != "_" or ch in "'\u2019" else 32
        return self[code]


_SEPARATORS = _Separators()
_APOSTROPHES = "'\u2019"


def _counts(toks: list[str]) -> Counter:
    """How often each word occurs among ``toks``; an apostrophe opening or closing a
    word is a quotation mark, not part of it ("'crane'" is "crane")."""
    out = Counter(toks)
    for raw in [t for t in out if t[0] in _APOSTROPHES or t[-1] in _APOSTROPHES]:
        n = out.pop(raw)
        out[raw.strip(_APOSTROPHES)] += n
    return out


def _add(text: str, weight: float, out: dict[str, float], names: bool = True,
         full: int | None = None, rest: float = 1.0) -> None:
    # A capitalised word counts as a name unless the text also has it in lower case
    # (then its capital is a sentence's start: "Crane" first, "crane" later).
    # Words after the first ``full`` count ``rest`` times as much. Each distinct
    # word is looked at once (a lead of 250 words has about half as many).
    toks = text.translate(_SEPARATORS).split()
    if full is None or len(toks) <= full:
        parts = [(_counts(toks), weight)]
    else:
        parts = [(_counts(toks[:full]), weight), (_counts(toks[full:]), weight * rest)]
    lower = {t for counts, _ in parts for t in counts if t[:1].islower()} if names else ()
    get, term_of = out.get, _term_of
    for counts, each in parts:
        for raw, n in counts.items():
            w = term_of(raw) if raw else None
            if w is not None:
                got = each * n
                if names and raw[0].isupper() and raw.lower() not in lower:
                    got *= NAME_WEIGHT
                out[w] = get(w, 0.0) + got


def article_terms(title: str, body: str, lead_words: int = LEAD_WORDS) -> dict[str, float]:
    """The weighted terms of an article's title and lead: term -> raw weight."""
    out: dict[str, float] = {}
    _add(title or "", TITLE_WEIGHT, out, names=False)  # a headline capitalises every word
    lead = lead_of(body or "", lead_words)
    # a body that repeats its headline first would count the headline twice
    if title and lead.startswith(title):
        lead = lead[len(title):]
    _add(lead, 1.0, out, full=LEAD_FULL, rest=LEAD_REST)
    return out
