"""Command palette providers, one a module, each built from the store off the event loop."""

from __future__ import annotations

from textual.content import Content
from textual.fuzzy import Matcher


def plain_highlight(matcher: Matcher, text: str) -> Content:
    """``text`` with the letters the query matched highlighted, never read as markup.

    (``Matcher.highlight`` parses its argument as markup, and feed titles,
    categories and names come from the outside world.)
    """
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
