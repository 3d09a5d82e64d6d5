"""Choosing one short, useful category per article.

The category given by the user (``--category``, an OPML folder) comes first;
then the entry's own categories; then a saved page's breadcrumb; else
"Uncategorised". Feeds such as the NYT's and the Guardian's tag each entry
with a dozen keywords, so the choice is made feed-wide: terms that recur
across the feed's entries are sections, terms that appear once are keywords.
An entry without categories of its own offers the section in its link's path
(``/world/europe/...``) instead. Each feed contributes at most ``POOL``
categories; an entry with none of them is Uncategorised.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence
from urllib.parse import urlsplit

from newsreader.models import ParsedArticle
from newsreader.text import clean_line

UNCATEGORISED = "Uncategorised"
MAX_LEN = 40
POOL = 8


def _norm(term: str) -> str:
    term = clean_line(term).strip(" /»>|-")
    head, colon, tail = term.partition(":")
    if colon and tail[:1].isalnum() and " " not in head:
        return ""  # a machine tag such as "storytype:standard"
    # Paths and scheme-like terms ("world/europe") read better as their first part.
    if "/" in term and " " not in term:
        term = term.split("/")[0]
    if term.islower() and len(term) > 2:
        term = term[:1].upper() + term[1:]
    if term.casefold() in ("uncategorized", "uncategorised", "general", "default"):
        return ""
    return term if 0 < len(term) <= MAX_LEN else ""


_NOT_SECTIONS = frozenset(
    "news article articles story stories www amp live video videos index html "
    "jan feb mar apr may jun jul aug sep sept oct nov dec".split()
)


def link_section(link: str | None) -> str:
    """The first word-like folder of a link's path: ``/2022/04/05/world/x.html`` -> "World"."""
    if not link:
        return ""
    try:
        parts = [p for p in urlsplit(link).path.split("/") if p]
    except ValueError:
        return ""
    for part in parts[:-1]:  # the last part is the article's own slug
        if part.isalpha() and 3 <= len(part) <= 20 and part.lower() not in _NOT_SECTIONS:
            return part.capitalize()
    return ""


def choose_categories(articles: Sequence[ParsedArticle], given: str | None = None) -> list[str]:
    """One category for each article, in order."""
    given = clean_line(given) if given else ""
    if given:
        return [given] * len(articles)
    freq: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    per_article: list[list[str]] = []
    for art in articles:
        terms: list[str] = []
        for raw in art.categories:
            term = _norm(raw)
            key = term.casefold()
            if term and key not in terms:
                terms.append(key)
                spelled.setdefault(key, term)
        if not terms:
            section = link_section(art.link)
            if section:
                terms.append(section.casefold())
                spelled.setdefault(section.casefold(), section)
        freq.update(terms)
        per_article.append(terms)
    pool = _cover(per_article, least=2 if len(articles) >= 10 else 1)
    out = []
    for art, terms in zip(articles, per_article):
        chosen = [k for k in terms if k in pool]
        out.append(spelled[min(chosen, key=pool.__getitem__)] if chosen else UNCATEGORISED)
    return out


def _cover(per_article: list[list[str]], least: int) -> dict[str, int]:
    """Up to POOL terms, each chosen to categorise the most entries not yet covered.

    A term shared by fewer than ``least`` entries is a keyword, not a section.
    Returns each chosen term's rank (earlier ranks win for entries with several).
    """
    uncovered = set(range(len(per_article)))
    holders: dict[str, set[int]] = {}
    for i, terms in enumerate(per_article):
        for k in terms:
            holders.setdefault(k, set()).add(i)
    pool: dict[str, int] = {}
    while uncovered and len(pool) < POOL:
        best, gain = None, 0
        for k, ids in holders.items():
            g = len(ids & uncovered)
            if k not in pool and len(ids) >= least and g > gain:
                best, gain = k, g
        if best is None:
            break
        pool[best] = len(pool)
        uncovered -= holders[best]
    return pool
    return out
