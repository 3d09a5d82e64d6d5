"""HTML fragments to readable plain text, through lxml.html.

Block elements become paragraphs, ``<br>`` a line break, every list item
its own paragraph; scripts, styles and embedded objects are dropped. Links
are collected beside the text, made absolute, and only kept when they are
web links (no ``javascript:`` or ``data:``).
"""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from newsreader.text import clean_line, clean_text, strip_unsafe

# Elements whose content is never text for a reader.
_DROP = frozenset(
    "script style iframe frame frameset object embed applet noscript template head "
    "svg math canvas audio video source track select button textarea input form "
    "meta link base title param map".split()
)
# Elements that start and end a paragraph.
_BLOCK = frozenset(
    "p div section article header footer main aside nav h1 h2 h3 h4 h5 h6 blockquote "
    "pre ul ol li dl dt dd table thead tbody tfoot tr caption figure figcaption hr address "
    "details summary fieldset legend center body html".split()
)
_CELL = frozenset(("td", "th"))
_TAG_LIKE = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9:-]*(\s[^<>]*)?/?\s*>|<!(?:--|\[CDATA\[|[a-zA-Z])")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_WS = re.compile(r"\s+")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_ANY_TAG = re.compile(r"<[^<>]*>")
# Markup that must not reach the reader even as literal text: a feed that
# escapes its HTML twice would otherwise show `<script>` or `onload=` as words.
_RESIDUE = re.compile(
    r"<\s*/?\s*(?:script|style|iframe|object|embed|applet|meta|link|base|form|frame)\b[^<>]*>?"
    r"|<!--|-->"
    r"|\bon[a-z]{3,20}\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)"
    r"|\b(?:javascript|vbscript)\s*:",
    re.IGNORECASE,
)
_WEB_SCHEMES = ("http", "https")


# An absolute http(s) URL that urljoin would hand back unchanged: a lower-case
# scheme, a host right after "//", and none of the things urlsplit/urlunsplit
# rewrite or refuse (tabs and newlines, an empty ";params", "?" or "#", trailing
# space, brackets that might be an IPv6 host, non-ASCII that might be a host).
_PLAIN_ABSOLUTE = re.compile(r"https?://[^/;?#\s]")
_REWRITTEN = re.compile(r"[;\t\r\n\[\]]|[^\x00-\x7f]|\?#|[?#\s]$")


def plain_absolute(href: str) -> bool:
    """True when urljoin would give ``href`` back unchanged whatever the base."""
    return bool(_PLAIN_ABSOLUTE.match(href)) and not _REWRITTEN.search(href)


def join_url(base: str | None, href: str) -> str:
    """``urljoin(base, href)``, skipping the work when ``href`` is already absolute
    (most links in feeds are; urljoin costs about 50 us a call)."""
    if not base or plain_absolute(href):
        return href
    return urljoin(base, href)


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains something shaped like an HTML tag."""
    return bool(_TAG_LIKE.search(text))


def absolute_url(href: str | None, base: str | None = None) -> str | None:
    """``href`` resolved against ``base``; None unless the result is an http(s) URL."""
    if not href:
        return None
    href = clean_line(href).strip()
    if not href or href.startswith("#"):
        return None
    if plain_absolute(href):
        return href  # an http(s) scheme and a host, as urlsplit would find them
    try:
        url = join_url(base, href)
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.netloc:
        return None
    return url


def unique(items) -> tuple[str, ...]:
    """Non-empty strings of ``items`` in order, each once (case-insensitively)."""
    seen: set[str] = set()
    out = []
    for item in items:
        if not item:
            continue
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


def first_words(text: str, count: int = 12) -> str:
    """A title made from the first words of a body: at most ``count`` words, one line."""
    words = clean_line(text.split("\n\n", 1)[0] if text else "").split()
    if not words:
        return ""
    title = " ".join(words[:count])
    return title + "…" if len(words) > count else title


def scrub(text: str) -> str:
    """Remove markup residue (script tags, event handlers, script URIs) from plain text."""
    if "<" not in text and ">" not in text and "=" not in text and ":" not in text:
        return text  # every residue _RESIDUE matches has one of these
    return _RESIDUE.sub("", text)


def _parse(markup: str):
    markup = _XML_DECL.sub("", strip_unsafe(markup))
    if not markup.strip():
        return None
    try:
        return lxml.html.fromstring(markup)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None


class _Collector:
    """Accumulates inline text into paragraphs."""

    def __init__(self) -> None:
        self.paras: list[str] = []
        self.buf: list[str] = []

    def add(self, text: str | None, pre: bool) -> None:
        if text:
            self.buf.append(text if pre else _WS.sub(" ", text))

    def flush(self) -> None:
        if self.buf:
            self.paras.append("".join(self.buf))
            self.buf = []


def _walk(root, base_url: str | None) -> tuple[list[str], list[str]]:
    out = _Collector()
    links: list[str] = []
    pre_depth = 0
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None or tag in _DROP:
                # comments, processing instructions and dropped elements: no text inside
                walker.skip_subtree()
                continue
            if tag in _BLOCK:
                out.flush()
            if tag == "pre":
                pre_depth += 1
            elif tag == "br":
                out.buf.append("\n")
            elif tag in _CELL:
                out.add(" ", False)
            elif tag == "a":
                link = absolute_url(el.get("href"), base_url)
                if link:
                    links.append(link)
            out.add(el.text, pre_depth > 0)
        else:
            if tag in _BLOCK:
                out.flush()
            if tag == "pre":
                pre_depth -= 1
            if el is not root:
                out.add(el.tail, pre_depth > 0)
    out.flush()
    return out.paras, links


def html_to_text(html: str, base_url: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Turn an HTML fragment (or a whole page) into plain text and its links.

    Returns ``(text, links)``: paragraphs joined by a blank line, cleaned of
    control characters, and the absolute http(s) hrefs in document order,
    each once. Text without tags is taken as plain text; HTML that was
    entity-escaped once too often (``&lt;p&gt;``) is unescaped first.
    """
    if not html or not html.strip():
        return "", ()
    if "<" not in html and "&" not in html:
        return clean_text(scrub(html)), ()  # no tag and no entity: plain text as it is
    if not looks_like_html(html):
        unescaped = htmllib.unescape(html)
        if not looks_like_html(unescaped):
            return clean_text(scrub(unescaped)), ()
        html = unescaped
    root = _parse(html)
    if root is None:
        # lxml found no element (a comment, a lone doctype): keep whatever text is left
        bare = _ANY_TAG.sub(" ", _COMMENT.sub(" ", html))
        return clean_text(scrub(htmllib.unescape(bare))), ()
    paras, links = _walk(root, base_url)
    text = "\n\n".join(p.replace("\n\n", "\n") for p in paras)
    return clean_text(scrub(text)), unique(links)


_CLEANER = None


def sanitize_html(html: str) -> str:
    """The entry's HTML with scripts, event handlers, styles, frames, forms and
    ``javascript:`` links removed (lxml_html_clean), for storing beside the text."""
    global _CLEANER
    if _CLEANER is None:
        from lxml_html_clean import Cleaner

        _CLEANER = Cleaner(scripts=True, javascript=True, style=True, embedded=True, frames=True,
                           forms=True, meta=True, comments=True, page_structure=False,
                           safe_attrs_only=True)
    try:
        return strip_unsafe(_CLEANER.clean_html(html))
    except (ValueError, TypeError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return ""
