"""Choosing one short, useful category per article.

The category given by the user (``--category``, an OPML folder) comes first;
then the entry's own categories; then a saved page's breadcrumb; else
"Uncategorised". Feeds such as the NYT's and the Guardian's tag each entry
with a dozen keywords, so among an entry's own categories we take the one the
feed uses most often: section names recur across entries, keywords rarely do.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from newsreader.models import ParsedArticle
from newsreader.text import clean_line

UNCATEGORISED = "Uncategorised"
MAX_LEN = 40


def _norm(term: str) -> str:
    term = clean_line(term).strip(" /»>|-")
    # Paths and scheme-like terms ("world/europe") read better as their first part.
    if "/" in term and " " not in term:
        term = term.split("/")[0]
    if term.islower() and len(term) > 2:
        term = term[:1].upper() + term[1:]
    return term if 0 < len(term) <= MAX_LEN else ""


def choose_categories(articles: Sequence[ParsedArticle], given: str | None = None) -> list[str]:
    """One category for each article, in order."""
    given = clean_line(given) if given else ""
    if given:
        return [given] * len(articles)
    freq: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    per_article: list[list[str]] = []
    for art in articles:
        terms = []
        for raw in art.categories:
            term = _norm(raw)
            key = term.casefold()
            if term and key not in terms:
                terms.append(key)
                spelled.setdefault(key, term)
        freq.update(terms)
        per_article.append(terms)
    out = []
    for terms in per_article:
        if not terms:
            out.append(UNCATEGORISED)
            continue
        # Most used across the feed wins; on a tie the entry's first term.
        best = max(terms, key=lambda k: (freq[k], -terms.index(k)))
        out.append(spelled[best])
    return out
