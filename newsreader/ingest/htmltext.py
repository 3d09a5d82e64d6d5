"""HTML fragments to readable plain text, through lxml.html.

Block elements become paragraphs, ``<br>`` a line break. A list is one
paragraph, each item a line starting with its bullet ("• ") or number
("3. "), nested lists two spaces further in; blockquotes are indented four
spaces. Each link with text is numbered after it (" [2]") so that
``links[n - 1]`` is the link numbered n. Scripts, styles and embedded
objects are dropped, and so is stylesheet or script code that reaches the
text some other way (markup escaped once too often, a stylesheet pasted
into the text, script pasted as prose). Code the writer marked as code
(``<pre>``, ``<code>``) is shown as written: a post about JavaScript keeps
its examples. Links are made absolute and only kept when they are web
links (no ``javascript:`` or ``data:``).
"""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from newsreader.models import Enclosure
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
_LISTS = frozenset(("ul", "ol", "menu", "dir"))
_BULLET = "• "
_LEVEL = "  "  # a nested list, or an item's next lines
_QUOTE = "    "
_NUMBER = re.compile(r"\s*(-?\d{1,9})\s*")
_LINK_MARK = re.compile(r" \[\d+\]")
# Markup written as text (escaped once more than the rest): a comment, a script
# or a style, with its content. Mail clients paste whole stylesheets like this.
_MARKUP_TEXT = re.compile(r"<!--.*?-->|<(script|style)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# A stylesheet rule: a block of declarations, the selector before it (back to the
# end of the previous rule or sentence), an @-rule opening around it.
_BRACES = re.compile(r"\{([^{}]*)\}")
_DECLARATION = re.compile(r"\s*-{0,2}[a-z][a-z0-9-]*\s*:\s*\S")
_SELECTOR_START = re.compile(r".*(?:[{};\n]|[.!?:]\s)", re.DOTALL)
_AT_RULE_OPEN = re.compile(r"@[\w-]+[^{};]*\{\s*$")
_CLOSING = re.compile(r"[\s}]*")
# Script: lines shaped like statements, and words only program code uses.
_STATEMENT = re.compile(r"[;{}]\s*$|^\s*(?://|/\*|\*/|[})\]]+[;,)]*\s*$)")
_SCRIPT_WORD = re.compile(
    r"\bfunction\b\s*[\w$]*\s*\(|=>|\b(?:var|let|const)\s+[\w$]+\s*=|\$\(|\bjQuery\b"
    r"|\b(?:document|window|console)\.\w+|\breturn\b[^.\n]*;|^\s*(?:import|export)\s[^\n]*;",
    re.MULTILINE,
)
_CODE_SPAN = re.compile("\ue000(\\d+)\ue001")  # where a <code>'s text stands in a paragraph
_MAX_LENGTH = 10**15  # bytes: anything larger is not a plausible file size


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
    first = _LINK_MARK.sub("", text.split("\n\n", 1)[0]) if text else ""
    words = clean_line(first).split()
    if words[:1] == [_BULLET.strip()]:
        words = words[1:]
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
        # huge_tree: libxml2 otherwise drops whatever lies over 256 elements deep
        root = lxml.html.fromstring(markup, parser=lxml.html.HTMLParser(huge_tree=True))
        if not root.text_content().strip() and _TAG.sub("", markup).strip():
            # deeper still (a few thousand wrappers): the text matters, not the wrappers
            root = lxml.html.fromstring(_WRAPPERS.sub("", markup), parser=lxml.html.HTMLParser(huge_tree=True))
        return root
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None


_TAG = re.compile(r"<[^>]*>")
# every tag but those that shape the text (paragraphs, breaks, lists, headings, links, quotes)
_WRAPPERS = re.compile(r"</?(?!(?:p|br|li|ul|ol|h[1-6]|a|blockquote|pre|code)\b)[a-zA-Z][^>]*>")


def _stylesheet_rules(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stylesheet rule in ``text``: ``selector { prop: value; ... }``."""
    rules: list[tuple[int, int]] = []
    for m in _BRACES.finditer(text):
        parts = [p for p in m.group(1).split(";") if p.strip()]
        if not parts or not all(_DECLARATION.match(p) for p in parts):
            continue
        window = max(0, m.start() - 300)
        boundary = _SELECTOR_START.match(text, window, m.start())
        if boundary:
            start = boundary.end()
        elif window == 0:
            start = 0
        else:
            continue  # 300 characters without a break: prose, not a selector
        start += len(text[start : m.start()]) - len(text[start : m.start()].lstrip())
        # "a { color: red }" alone could be prose; in a run of rules it is not
        follows = rules and not text[rules[-1][1] : start].strip()
        if ";" in m.group(1) or len(parts) > 1 or follows:
            rules.append((start, m.end()))
    return rules


def _stylesheet_share(text: str, rules: list[tuple[int, int]]) -> float:
    size = len(text.strip())
    return sum(end - start for start, end in rules) / size if size else 0.0


def _cut_stylesheet(text: str) -> str:
    """``text`` without the stylesheet in it, when it is mostly stylesheet."""
    rules = _stylesheet_rules(text)
    if not rules or _stylesheet_share(text, rules) < 0.5:
        return text
    head, tail = text[: rules[0][0]], text[rules[-1][1] :]
    if opening := _AT_RULE_OPEN.search(head):
        head = head[: opening.start()]  # "@media screen {" around the first rule
    return head + " " + tail[_CLOSING.match(tail).end() :]


def _is_script(text: str) -> bool:
    """True when ``text`` reads as program code rather than prose."""
    if ";" not in text and "{" not in text or not _SCRIPT_WORD.search(text):
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 1:
        statements = sum(1 for line in lines if _STATEMENT.search(line) or _SCRIPT_WORD.search(line))
        return statements * 5 >= len(lines) * 3
    # one long line: minified code is dense with punctuation
    line = lines[0]
    return len(line) >= 80 and line.count(";") >= 3 and sum(map(line.count, ";{}()=")) * 12 >= len(line)


def _without_code(text: str) -> str:
    """A paragraph without the stylesheet or script text that reached it."""
    if "<" in text:
        text = _MARKUP_TEXT.sub(" ", text)
    if "{" in text:
        text = _cut_stylesheet(text)
    return "" if _is_script(text) else text


def _clean_line_but_ends(text: str) -> bool:
    """For a paragraph made of printable pieces (which scrubbing leaves printable: it
    only cuts), whether ``clean_text`` gives it back merely stripped: one line (printable
    has no newline) with single spaces (printable has no space but " "), already NFC."""
    return "  " not in text and (text.isascii() or unicodedata.is_normalized("NFC", text))


class _Frame:
    """An open list, list item or blockquote around the text being read."""

    __slots__ = ("kind", "marker", "number")

    def __init__(self, kind: str, marker: str = "", number: int = 1) -> None:
        self.kind = kind  # "ol", "ul", "li" or "quote"
        self.marker = marker  # an item's "• " or "3. ", until its first line shows it
        self.number = number  # an ordered list's next number


class _Writer:
    """Paragraphs with their markers and indents, and the links numbered in them."""

    def __init__(self, numbered: bool) -> None:
        self.numbered = numbered
        self.blocks: list[list] = []  # [the outermost list around it or None, text]
        self.buf: list[str] = []
        self.has_text = False  # the paragraph being read has more than spaces
        self.frames: list[_Frame] = []
        self.links: list[str] = []
        self.numbers: dict[str, int] = {}
        self.seen = 0  # text runs read so far: did a link have any text?
        self.codes: list[str] = []  # the paragraph's <code> text, by its placeholder
        self.kept = 0  # links numbered before the paragraph being read
        self.printable = True  # every piece of the paragraph is printable (see flush)
        self.one_line_blocks = True  # every paragraph kept went by that shortcut, unindented

    def add(self, text: str | None, pre: bool, code: bool = False) -> None:
        if text:
            # printable means no whitespace but " ": then only double spaces could change
            plain = not pre and text.isprintable() and "  " not in text
            if not pre and not plain:
                text = _WS.sub(" ", text)
            if code or not plain:
                self.printable = False
            if code and not text.isspace():
                # the writer's own code, shown as written: held apart from what judges
                # the paragraph's text as markup residue or pasted script
                self.codes.append(text)
                text = f"\ue000{len(self.codes) - 1}\ue001"
            self.buf.append(text)
            if not text.isspace():
                self.has_text = True
                self.seen += 1

    def flush(self, pre: bool = False) -> None:
        """End the paragraph being read; drop it when it is stylesheet or script (a
        ``<pre>`` block or ``<code>`` is the writer's and stays as written)."""
        text = "".join(self.buf) if self.has_text else ""
        printable = self.printable and not pre
        codes, self.buf, self.has_text, self.codes, self.printable = self.codes, [], False, [], True
        if text and not pre:
            text = scrub(_without_code(text))
        if text:
            if codes:
                text = _CODE_SPAN.sub(lambda m: codes[int(m[1])] if int(m[1]) < len(codes) else "", text)
            if printable and _clean_line_but_ends(text):
                text = text.strip()  # clean_text's answer, without its second look at every character
            else:
                text = clean_text(text.replace("\n\n", "\n"))
                self.one_line_blocks = False
        if not text:
            self.forget(self.kept)  # their text went with the paragraph
            return
        first, hang, group = self._indent()
        if first or hang:
            self.one_line_blocks = False
            lines = text.split("\n")
            text = first + lines[0] + "".join("\n" + hang + line if line else "\n" for line in lines[1:])
        self.blocks.append([group, text])
        self.kept = len(self.links)

    def _indent(self) -> tuple[str, str, _Frame | None]:
        """The first line's prefix, the next lines' prefix, and the outermost list."""
        first = hang = ""
        group = None
        for frame in self.frames:
            if frame.kind == "quote":
                first += _QUOTE
                hang += _QUOTE
            elif frame.kind != "li":
                group = group or frame
            elif frame.marker:
                first += frame.marker
                hang += _LEVEL
                frame.marker = ""
            else:
                first += _LEVEL
                hang += _LEVEL
        return first, hang, group

    def open_list(self, el, tag: str) -> None:
        start = _NUMBER.fullmatch(el.get("start") or "") if tag == "ol" else None
        self.frames.append(_Frame("ol" if tag == "ol" else "ul", number=int(start.group(1)) if start else 1))

    def open_item(self, el) -> None:
        outer = next((f for f in reversed(self.frames) if f.kind in ("ol", "ul")), None)
        marker = _BULLET
        if outer is not None and outer.kind == "ol":
            if value := _NUMBER.fullmatch(el.get("value") or ""):
                outer.number = int(value.group(1))
            marker = f"{outer.number}. "
            outer.number += 1
        self.frames.append(_Frame("li", marker))

    def link(self, url: str, seen: int) -> None:
        """Number a link after its text; a link without text gets no number."""
        if self.seen == seen:
            return
        n = self.numbers.get(url)
        if n is None:
            self.links.append(url)
            n = self.numbers[url] = len(self.links)
        if not self.numbered:
            return
        if self.has_text:
            # after the last word, before the space a link's text often ends with
            spaces = []
            while self.buf[-1].isspace():
                spaces.append(self.buf.pop())
            last = self.buf[-1]
            self.buf[-1] = last.rstrip()
            self.buf.append(f" [{n}]" + last[len(self.buf[-1]) :] + "".join(reversed(spaces)))
        elif self.blocks:
            self.blocks[-1][1] += f" [{n}]"  # the link held whole paragraphs
            self.kept = len(self.links)

    def forget(self, count: int) -> None:
        """Drop the links numbered after the first ``count``: their text is gone."""
        for url in self.links[count:]:
            del self.numbers[url]
        del self.links[count:]

    def text(self) -> str:
        """The paragraphs, a blank line apart; the lines of one list one newline apart."""
        out: list[str] = []
        prev = None
        for group, text in self.blocks:
            if out:
                out.append("\n" if group is not None and group is prev else "\n\n")
            out.append(text)
            prev = group
        return "".join(out)


def _walk(root, base_url: str | None, numbered: bool) -> _Writer:
    out = _Writer(numbered)
    anchors: list[tuple[str | None, int]] = []
    pre_depth = code_depth = 0
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None or tag in _DROP:
                # comments, processing instructions and dropped elements: no text inside
                walker.skip_subtree()
                continue
            if tag in _BLOCK and not pre_depth:
                out.flush()
            if tag in _LISTS:
                out.open_list(el, tag)
            elif tag == "li":
                out.open_item(el)
            elif tag == "blockquote":
                out.frames.append(_Frame("quote"))
            elif tag == "pre":
                pre_depth += 1
            elif tag == "br":
                out.buf.append("\n")
                out.printable = False
            elif tag in _CELL:
                out.add(" ", False)
            elif tag == "a":
                anchors.append((absolute_url(el.get("href"), base_url), out.seen))
            elif tag == "code" and not pre_depth:
                code_depth += 1
            out.add(el.text, pre_depth > 0, code_depth > 0)
        else:
            if tag == "pre":
                pre_depth -= 1
                if not pre_depth:
                    out.flush(pre=True)  # a preformatted block is judged whole
            elif tag in _BLOCK and not pre_depth:
                out.flush()
            if tag in _LISTS or tag in ("li", "blockquote"):
                out.frames.pop()
            elif tag == "a":
                url, seen = anchors.pop()
                if url:
                    out.link(url, seen)
            elif tag == "code" and not pre_depth:
                code_depth -= 1
            if el is not root:
                out.add(el.tail, pre_depth > 0, code_depth > 0)
    out.flush()
    return out


def html_to_text(html: str, base_url: str | None = None, *, numbered: bool = True) -> tuple[str, tuple[str, ...]]:
    """Turn an HTML fragment (or a whole page) into plain text and its links (see
    ``html_to_clean_text``)."""
    text, links, _ = html_to_clean_text(html, base_url, numbered=numbered)
    return text, links


def html_to_clean_text(html: str, base_url: str | None = None, *,
                       numbered: bool = True) -> tuple[str, tuple[str, ...], bool]:
    """Turn an HTML fragment (or a whole page) into plain text and its links.

    Returns ``(text, links, clean)``: paragraphs joined by a blank line, cleaned of
    control characters, and the absolute http(s) links that have text, in
    order of first appearance, each once. With ``numbered`` each link's text
    is followed by " [n]", n its place in ``links`` counting from 1 (titles
    and summaries are read without). Text without tags is taken as plain
    text; HTML that was entity-escaped once too often (``&lt;p&gt;``) is
    unescaped first.

    ``clean`` is True when the text is known to be what ``clean_text``
    makes of it (cleaning it again would give it back): it came out of
    ``clean_text`` whole, or every paragraph is one clean unindented line,
    joined by blank lines (or, in a list, newlines). A caller that cleans the
    text again may skip that on a body of many lines.
    """
    if not html or not html.strip():
        return "", (), True
    if "<" not in html and "&" not in html:
        return clean_text(scrub(html)), (), True  # no tag and no entity: plain text as it is
    if not looks_like_html(html):
        unescaped = htmllib.unescape(html)
        if not looks_like_html(unescaped):
            return clean_text(scrub(unescaped)), (), True
        html = unescaped
    root = _parse(html)
    if root is None:
        # lxml found no element (a comment, a lone doctype): keep whatever text is left
        bare = _ANY_TAG.sub(" ", _COMMENT.sub(" ", html))
        return clean_text(scrub(htmllib.unescape(bare))), (), True
    out = _walk(root, base_url, numbered)
    return out.text(), tuple(out.links), out.one_line_blocks


def _length(value) -> int | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())  # isdigit: no sign, no "_", no "1e3"
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < _MAX_LENGTH:
        return value
    return None


def enclosures(found, base: str | None = None) -> tuple[Enclosure, ...]:
    """Enclosures from ``(url, type, length)`` triples as a feed gives them.

    Only absolute http(s) URLs are kept, each once (a later mention fills in
    a type or length the first lacked); the length only when it is a whole
    positive number of bytes (feeds write 0 for "unknown").
    """
    out: dict[str, Enclosure] = {}
    for href, kind, size in found:
        url = absolute_url(href if isinstance(href, str) else None, base)
        if not url:
            continue
        kind = clean_line(kind).lower()[:100] if isinstance(kind, str) else ""
        length = _length(size)
        got = out.get(url)
        if got is None:
            out[url] = Enclosure(url, kind, length)
        elif not got.type or got.length is None:
            out[url] = Enclosure(url, got.type or kind, got.length if got.length is not None else length)
    return tuple(out.values())


