"""OPML subscription lists: read (folders become categories) and write.

Parsing goes through lxml with entity resolution, DTD loading and network
access switched off, so an OPML file can neither fetch anything nor expand
entities.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

import lxml.etree

from newsreader.errors import IngestError
from newsreader.ingest.feeds import defuse_doctype
from newsreader.ingest.htmltext import absolute_url
from newsreader.models import Subscription
from newsreader.text import clean_line


def _parser(recover: bool) -> lxml.etree.XMLParser:
    return lxml.etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=recover,
    )


def _attr(el, name: str) -> str | None:
    """Attribute ``name`` of ``el`` whatever its case (xmlUrl, xmlURL, xmlurl)."""
    for key, value in el.attrib.items():
        if isinstance(key, str) and key.lower() == name:
            return value
    return None


def _category_attr(value: str | None) -> str | None:
    # OPML 2.0: a comma-separated list of slash-delimited paths; take the
    # innermost element of the first path, as for nested folders
    if not value:
        return None
    first = value.split(",")[0]
    parts = [clean_line(p) for p in first.split("/")]
    parts = [p for p in parts if p]
    return parts[-1] if parts else None


FULL_TEXT_ATTR = "newsreaderFullText"  # "on" or "off": fetch each item's web page


def _switch(value: str | None) -> bool | None:
    value = (value or "").strip().lower()
    return True if value in ("on", "true", "1", "yes") else False if value in ("off", "false", "0", "no") else None


def parse_opml(data: bytes) -> list[Subscription]:
    """Subscriptions of an OPML document, each feed once, in document order.

    An outline needs ``xmlUrl``; its title is ``title`` or ``text``; its
    category is the title of the innermost folder holding it, else its own
    ``category`` attribute. Raises IngestError for malformed XML that cannot
    be recovered, a non-OPML document, or a list with no feed.
    """
    data = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not data:
        raise IngestError("empty file")
    # libxml2 leaves entities unexpanded here anyway; dropping the declarations
    # keeps a bomb from costing anything at all
    data, _ = defuse_doctype(data)
    try:
        root = lxml.etree.fromstring(data, _parser(recover=False))
    except lxml.etree.XMLSyntaxError as exc:
        try:
            root = lxml.etree.fromstring(data, _parser(recover=True))
        except lxml.etree.XMLSyntaxError:
            root = None
        if root is None:
            raise IngestError(f"XML error at line {exc.lineno}: {clean_line(exc.msg)}") from None
    if not isinstance(root.tag, str) or lxml.etree.QName(root).localname.lower() != "opml":
        raise IngestError("not an OPML file")
    body = next((c for c in root if isinstance(c.tag, str) and c.tag.lower() == "body"), root)
    subs: list[Subscription] = []
    seen: set[str] = set()
    # iterative walk: (element, innermost folder title)
    stack = [(child, None) for child in reversed(list(body))]
    while stack:
        el, folder = stack.pop()
        if not isinstance(el.tag, str) or el.tag.lower() != "outline":
            continue
        title = clean_line(_attr(el, "title") or _attr(el, "text")) or None
        url = clean_line(_attr(el, "xmlurl"))
        if url:
            if url not in seen:
                seen.add(url)
                site = absolute_url(_attr(el, "htmlurl"))
                category = folder or _category_attr(_attr(el, "category"))
                subs.append(Subscription(url=url, title=None if title == url else title, category=category,
                                         site=site, full_text=_switch(_attr(el, FULL_TEXT_ATTR.lower()))))
            continue
        children = [(c, title or folder) for c in reversed(list(el))]
        stack.extend(children)
    if not subs:
        raise IngestError("no feeds in the OPML file (no outline with an xmlUrl)")
    return subs


def write_opml(subs: list[Subscription], title: str = "newsreader subscriptions") -> str:
    """An OPML 2.0 document with one folder per category, feeds without one at the top."""
    folders: dict[str | None, list[Subscription]] = {}
    for sub in subs:
        folders.setdefault(clean_line(sub.category) or None, []).append(sub)

    def outline(sub: Subscription, indent: str) -> str:
        name = clean_line(sub.title) or clean_line(sub.url)
        attrs = f'type="rss" text={quoteattr(name)}'
        if sub.title:
            attrs += f" title={quoteattr(clean_line(sub.title))}"
        attrs += f" xmlUrl={quoteattr(clean_line(sub.url))}"
        if sub.site:
            attrs += f" htmlUrl={quoteattr(clean_line(sub.site))}"
        if sub.full_text is not None:
            attrs += f' {FULL_TEXT_ATTR}="{"on" if sub.full_text else "off"}"'
        return f"{indent}<outline {attrs}/>"

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_escape(clean_line(title))}</title></head>",
        "  <body>",
    ]
    for sub in folders.pop(None, []):
        lines.append(outline(sub, "    "))
    for category, members in folders.items():
        name = quoteattr(category)
        lines.append(f"    <outline text={name} title={name}>")
        lines.extend(outline(sub, "      ") for sub in members)
        lines.append("    </outline>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
