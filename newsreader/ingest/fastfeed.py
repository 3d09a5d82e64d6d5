"""A shortcut through lxml for ordinary, well-formed RSS 2.0 / RSS 1.0 / Atom 1.0.

feedparser is the reference reader for XML feeds, but its SAX callbacks cost
about a millisecond an item, most of a first refresh. lxml (libxml2, in C)
builds the tree in a fraction of that. ``read`` walks the tree and produces
the same entry dictionaries feedparser would for the fields ``feeds`` uses,
reproducing feedparser's rules (first title wins, a permalink guid is the
link until a <link> comes, descriptions are HTML, RSS titles are guessed,
cp1252 repairs, xml:base). Anything it does not model (a DOCTYPE, a parse
error or warning, an element feedparser treats specially that is not handled
here, nested markup, an odd encoding, a date ``dates`` cannot read) makes it
return None, and the caller runs feedparser as before. What it knows of
feedparser's rules is written in ``feedrules``, not imported from feedparser's
private modules. tests/unit/test_fastfeed.py checks both agree.
"""

from __future__ import annotations

import re
import lxml.etree as etree

from newsreader.ingest import detect
from newsreader.ingest.dates import parse_date
from newsreader.ingest.feedrules import CP1252, HANDLED as _HANDLED, PREFIXES as _PREFIXES
from newsreader.ingest.feedrules import join as _urljoin, looks_like_html as _looks_like_html


_ATOM = "http://www.w3.org/2005/Atom"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DECL = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_ENCODINGS = frozenset(("utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1"))
_C1 = re.compile("[\x80-\x9f]")
_AMP_NAME = re.compile("&([A-Za-z0-9_]+);")

# feedparser keys (prefix_local) read by the entry code here, by role
_TITLE = {"title", "dc_title"}
_SUMMARY = {"description", "summary", "dc_description", "media_description", "itunes_summary"}
_CONTENT = {"content", "content_encoded"}
_AUTHOR = {"author", "dc_creator", "dc_author", "itunes_author"}
_CATEGORY = {"category", "dc_subject"}
_KEYWORDS = {"media_keywords": None, "itunes_keywords": "http://www.itunes.com/"}
# dates are kept as written, under feedparser's key; feeds.py reads them (ingest/dates.py)
_DATES = {"pubdate": "published", "published": "published", "issued": "published",
          "dcterms_issued": "published", "updated": "updated",
          "modified": "updated", "lastbuilddate": "updated", "dc_date": "updated",
          "dcterms_modified": "updated", "created": "created",
          "dcterms_created": "created"}
# feedparser handles these specially, but never touches a field read here
_HARMLESS = frozenset(
    "media_thumbnail media_credit media_player media_rating media_restriction "
    "media_license itunes_explicit itunes_block itunes_image itunes_subtitle geom "
    "georssgeom georss_box georss_line georss_point georss_polygon georss_where where gml_exterior "
    "gml_linearring gml_linestring gml_point gml_polygon gml_pos gml_poslist psc_chapter psc_chapters "
    "cc_license creativecommons_license creativeCommons_license rights copyright dc_rights dc_language "
    "language dc_publisher webmaster expirationdate newlocation generator info "
    "feedburner_browserfriendly dcterms_valid cloud width height".split()
)
# at the feed level, nearly everything is harmless: only the title and link are read
_FEED_HARMLESS = _HARMLESS | frozenset(
    "enclosure media_content description subtitle tagline itunes_summary itunes_owner itunes_name itunes_email itunes_category "
    "itunes_author itunes_keywords author managingeditor contributor dc_contributor name email uri url "
    "homepage category keywords dc_subject dc_creator dc_author media_category media_credit "
    "media_keywords media_description icon logo".split()
) | frozenset(_DATES)
_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class _Decline(Exception):
    """The document has a shape this shortcut does not model."""


def read(data: bytes, source_base: str) -> tuple[dict, list[dict], str] | None:
    """(feed dict, entry dicts, version) as feedparser would give them, or None.

    ``source_base`` is the base feedparser starts from: the document's URL,
    or "" for a file.
    """
    if detect.text_encoding(data) not in (None, "utf-8"):
        return None
    decl = _DECL.match(data)
    if decl and decl.group(1).decode("ascii", "replace").lower() not in _ENCODINGS:
        return None
    if b"<!DOCTYPE" in data[:4096] or b"<!doctype" in data[:4096]:
        return None
    parser = etree.XMLParser(**_PARSER_OPTIONS)  # one per call: a parser is not thread-safe
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if parser.error_log or root.getroottree().docinfo.doctype:
        return None  # libxml2 recovered from something (e.g. an undeclared prefix): feedparser would not
    try:
        return _Walk(source_base).document(root)
    except (_Decline, ValueError, TypeError, UnicodeError):
        return None


_KEYS: dict[tuple[str, str | None], str] = {}


def _key(el) -> str:
    """feedparser's name for an element: standard prefix + '_' + lower-case local name."""
    tag = el.tag
    if not isinstance(tag, str):
        raise _Decline
    if tag[0] != "{":
        return tag.lower()  # no namespace, no prefix
    cache = (tag, el.prefix)
    got = _KEYS.get(cache)
    if got is None:
        if len(_KEYS) > 4096:  # a document inventing namespaces must not grow it for ever
            _KEYS.clear()
        got = _KEYS[cache] = _key_of(el)
    return got


def _key_of(el) -> str:
    qn = etree.QName(el)
    ns = (qn.namespace or "").lower()
    if "backend.userland.com/rss" in ns:
        ns = "http://backend.userland.com/rss"
    prefix = _PREFIXES.get(ns, el.prefix) if ns else ""
    local = qn.localname.lower()
    return f"{prefix}_{local}" if prefix else local


def _text(el) -> str:
    """The element's text as feedparser pops it (no child elements allowed)."""
    if len(el):
        raise _Decline  # markup or comments inside a text element
    return (el.text or "").strip()


def _repair(text: str) -> str:
    """feedparser's repairs of every text value: UTF-8 read as Latin-1, then cp1252."""
    if not text.isascii():
        try:
            text = text.encode("iso-8859-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        if _C1.search(text):
            text = text.translate(CP1252)
    return text


class _Walk:
    def __init__(self, source_base: str):
        self.source_base = source_base
        self.title_depth = -1
        self.version = ""
        self._bases: dict[tuple[str, str | None], str] = {}

    def base(self, parent: str, el) -> str:
        """feedparser's base URI inside ``el`` given the parent's (see its unknown_starttag)."""
        attr = el.get(_XML_BASE)
        if attr is None and el.get("base") is not None:
            raise _Decline
        key = (parent, attr)
        got = self._bases.get(key)
        if got is None:
            wanted = attr or parent
            if parent:
                got = _urljoin(parent, wanted)
                if got.strip().split(":", 1)[0] not in ("http", "https"):
                    raise _Decline  # feedparser keeps some other schemes and drops the rest
            else:
                if attr:
                    raise _Decline  # feedparser keeps such a base after the element ends
                got = _urljoin(parent, wanted)
            self._bases[key] = got
        return got

    def document(self, root) -> tuple[dict, list[dict], str]:
        qn = etree.QName(root)
        base = self.base(self.source_base, root)
        feed: dict = {}
        entries: list[dict] = []
        if qn.namespace is None and qn.localname == "rss":
            self.version = "rss20" if (root.get("version") or "").startswith("2.") else ""
            if not self.version:
                raise _Decline
            channels = [c for c in root if isinstance(c.tag, str)]
            if len(channels) != 1 or channels[0].tag != "channel" or len(channels[0].attrib):
                raise _Decline
            self.channel(channels[0], self.base(base, channels[0]), 3, feed, entries)
        elif qn.namespace == _RDF and qn.localname == "RDF":
            self.version = "rss10"
            for child in root:
                if not isinstance(child.tag, str):
                    continue
                if child.tag == "{http://purl.org/rss/1.0/}channel":
                    if any(k in child.attrib for k in ("href", "lastmod")):
                        raise _Decline
                    self.channel(child, self.base(base, child), 3, feed, entries)
                elif child.tag == "{http://purl.org/rss/1.0/}item":
                    entries.append(self.entry(child, self.base(base, child), 2))
                elif _key(child) in _HANDLED:
                    raise _Decline
        elif qn.namespace == _ATOM and qn.localname == "feed" and root.prefix is None:
            self.version = "atom10"
            self.channel(root, base, 2, feed, entries)
        else:
            raise _Decline
        if not entries:
            raise _Decline  # let feedparser say why
        return feed, entries, self.version

    def channel(self, ch, base: str, depth: int, feed: dict, entries: list) -> None:
        """Children of <channel> or <feed> at ``depth``: its title, link and entries."""
        for el in ch:
            if not isinstance(el.tag, str):
                continue
            key = _key(el)
            el_base = self.base(base, el)
            if key in ("item", "entry"):
                entries.append(self.entry(el, el_base, depth))
            elif key in ("title", "dc_title"):
                self.title(el, el_base, depth, feed)
            elif key == "link":
                self.link(el, el_base, feed, in_entry=False)
            elif key in ("id", "guid"):
                value = _text(el)
                permalink = _attrs(el).get("ispermalink", "true") == "true"
                if permalink:
                    feed.setdefault("link", _repair(_urljoin(el_base, value) if value else value))
            elif key == "image":
                self.image(el)
            elif key in _FEED_HARMLESS or key not in _HANDLED:
                self.check_subtree(el, _FEED_HARMLESS)
            else:
                raise _Decline

    def image(self, el) -> None:
        # feedparser forgets it is inside <image> at an unexpected child: then the
        # child's title and link would land on the feed
        self.title_depth = -1
        for child in el:
            if not isinstance(child.tag, str) or len(child):
                raise _Decline
            if _key(child) not in ("title", "link", "description", "url", "width", "height"):
                raise _Decline

    def check_subtree(self, el, allowed) -> None:
        """Elements below a skipped one must not be ones feedparser reads into our fields."""
        for sub in el.iterdescendants():
            if not isinstance(sub.tag, str):
                continue
            key = _key(sub)
            if key in _HANDLED and key not in allowed:
                raise _Decline

    def title(self, el, base: str, depth: int, ctx: dict, e: "_Entry | None" = None) -> None:
        kind = _content_type(el, "text/plain")
        value = self.content_value(el, kind)
        if kind == "text/plain" and not self.version.startswith("atom") and _looks_like_html(value):
            kind = "text/html"
        if -1 < self.title_depth <= depth:
            return  # feedparser keeps the first title
        detail = {"type": kind, "base": base, "value": value}
        if e is None:
            ctx["title"], ctx["title_detail"] = value, detail
        else:
            e.store("title", value, depth, detail)
        if value:
            self.title_depth = depth

    def link(self, el, base: str, ctx: dict, in_entry: bool) -> None:
        attrs = _attrs(el)
        if ("url" in attrs or "uri" in attrs) and "href" not in attrs:
            raise _Decline
        if "href" in attrs:
            rel = (attrs.get("rel") or "alternate").lower()
            kind = (attrs.get("type") or ("application/atom+xml" if rel == "self" else "text/html")).lower()
            if rel == "alternate" and _map_type(kind) in _HTML_TYPES:
                ctx["link"] = _urljoin(base, attrs["href"])
            elif rel == "enclosure" and in_entry:
                if "url" in attrs or "uri" in attrs:
                    raise _Decline  # feedparser would prefer them to href
                link = {**attrs, "rel": rel, "href": _urljoin(base, attrs["href"])}
                link["type"] = attrs["type"].lower() if "type" in attrs else "text/html"
                ctx.setdefault("links", []).append(link)
            if len(el):
                raise _Decline
            return
        value = _text(el)
        value = _repair(_urljoin(base, value) if value else value)
        if in_entry:
            value = _AMP_NAME.sub(r"&\g<1>", value.replace("&amp;", "&"))
        else:
            value = _AMP_NAME.sub(r"&\g<1>", value)
        ctx["link"] = value

    def enclosure(self, el, entry: dict) -> None:
        """An RSS <enclosure>, filed among the entry's links as feedparser files it."""
        attrs = _attrs(el)
        if "type" in attrs:
            attrs["type"] = attrs["type"].lower()
        href = attrs.get("url", attrs.get("uri", attrs.get("href")))
        if href:
            attrs.pop("url", None)
            attrs.pop("uri", None)
            attrs["href"] = href
        attrs["rel"] = "enclosure"
        entry.setdefault("links", []).append(attrs)
        self.check_subtree(el, _HARMLESS)

    def entry(self, item, base: str, depth: int) -> dict:
        """One <item> or <entry>, as feedparser's entry dict (the keys ``feeds`` reads)."""
        if any(k in item.attrib for k in ("href", "lastmod")):
            raise _Decline
        e = _Entry()
        about = item.get(f"{{{_RDF}}}about")
        if about:
            e.data["id"] = about
        self.title_depth = -1
        self.children(item, base, depth + 1, e, top=True)
        entry = e.data
        if e.tags:
            entry["tags"] = e.tags
        if e.authors:
            if e.emails and len(e.authors) > 1:
                raise _Decline
            entry["authors"] = e.authors
        return entry

    def children(self, parent, base: str, depth: int, e: "_Entry", top: bool) -> None:
        """The children of an entry (``top``) or of a container inside it, at ``depth``."""
        entry = e.data
        for el in parent:
            if not isinstance(el.tag, str):
                continue
            key = _key(el)
            el_base = self.base(base, el)
            if key in _TITLE or key == "media_title":
                saved = self.title_depth
                self.title(el, el_base, depth, entry, e)
                if key == "media_title":
                    self.title_depth = saved  # feedparser: a media title never blocks the entry's
            elif key in _SUMMARY:
                self.summary(el, key, el_base, depth, e)
            elif key in _CONTENT:
                self.content(el, key, el_base, e)
            elif key in _CATEGORY or key == "media_category":
                attrs = _attrs(el)
                if key == "media_category":
                    attrs.setdefault("scheme", "http://search.yahoo.com/mrss/category_schema")
                _add_tag(e.tags, attrs.get("term"), attrs.get("scheme", attrs.get("domain")), attrs.get("label"))
                value = _repair(_text(el))
                if value:
                    if e.tags and not e.tags[-1]["term"]:
                        e.tags[-1]["term"] = value
                    else:
                        _add_tag(e.tags, value, None, None)
            elif key in _KEYWORDS:
                if len(el.attrib):
                    raise _Decline
                value = _repair(_text(el))
                if key == "media_keywords":
                    e.store("media_keywords", value, depth)  # itunes:keywords is not kept as a field
                for term in value.split(","):
                    if term.strip():
                        _add_tag(e.tags, term.strip(), _KEYWORDS[key], None)
            elif key == "enclosure":
                self.enclosure(el, entry)
            elif key == "media_content":
                attrs = _attrs(el)
                if "type" in attrs:
                    attrs["type"] = attrs["type"].lower()  # feedparser lower-cases rel and type
                entry.setdefault("media_content", []).append(attrs)
                self.children(el, el_base, depth + 1, e, top=False)  # feedparser reads inside
            elif key in _HARMLESS or (key not in _HANDLED and key not in _READ):
                if key == "media_group" or key not in _HANDLED:
                    self.children(el, el_base, depth + 1, e, top=False)  # feedparser reads inside
                else:
                    self.check_subtree(el, _HARMLESS)
            elif not top:
                raise _Decline  # links, ids, authors, dates below the entry: not modelled
            elif key == "link":
                self.link(el, el_base, entry, in_entry=True)
            elif key in ("guid", "id"):
                permalink = _attrs(el).get("ispermalink", "true") == "true"
                value = _text(el)
                if permalink and value:
                    value = _urljoin(el_base, value)
                value = _repair(value)
                e.store("id", value, depth)
                if permalink:
                    entry.setdefault("link", value)
            elif key in _AUTHOR:
                e.emails |= self.author(el, entry, e.authors)
            elif key in _DATES:
                value = _repair(_text(el))
                if value and parse_date(value) is None:
                    raise _Decline  # feedparser's own date handlers may read it (feeds._when)
                entry[_DATES[key]] = value
            elif key == "source":
                self.title_depth = -1
            elif key == "image":
                self.entry_image(el, el_base, depth, e)
            else:
                raise _Decline

    def entry_image(self, el, base: str, depth: int, e: "_Entry") -> None:
        """<image> inside an item: feedparser still files its <title> as the entry's."""
        self.title_depth = -1
        for child in el:
            if not isinstance(child.tag, str) or len(child):
                raise _Decline
            key = _key(child)
            if key == "title":
                self.title(child, self.base(base, child), depth + 1, e.data, e)
            elif key not in ("link", "url", "width", "height"):
                raise _Decline

    def summary(self, el, key: str, base: str, depth: int, e: "_Entry") -> None:
        if "summary" in e.data and not e.has_content:
            self.content(el, "content", base, e)  # feedparser: a second summary is content
            return
        kind = _content_type(el, "text/plain" if key in ("summary", "itunes_summary") else "text/html")
        value = self.content_value(el, kind)
        if kind == "text/plain" and not self.version.startswith("atom") and _looks_like_html(value):
            kind = "text/html"
        e.store("summary", value, depth, {"type": kind, "base": base, "value": value})

    def content(self, el, key: str, base: str, e: "_Entry") -> None:
        if el.get("src") is not None:
            raise _Decline
        e.has_content = True
        kind = _content_type(el, "text/html" if key == "content_encoded" else "text/plain")
        value = self.content_value(el, kind)
        to_summary = kind in ("text/plain", *_HTML_TYPES)
        if kind == "text/plain" and not self.version.startswith("atom") and _looks_like_html(value):
            kind = "text/html"
        e.data.setdefault("content", []).append({"type": kind, "base": base, "value": value})
        if to_summary:
            e.data.setdefault("summary", value)

    def content_value(self, el, kind: str) -> str:
        if kind == "application/xhtml+xml" or len(el):
            raise _Decline  # inline markup: feedparser re-serialises it its own way
        return _repair(_text(el))

    def author(self, el, entry: dict, authors: list) -> bool:
        """An RSS author/dc:creator (text) or an Atom author (name, email, uri)."""
        detail: dict = {}
        authors.append(detail)
        children = [c for c in el if isinstance(c.tag, str)]
        if len(children) != len(el):
            raise _Decline
        if not children:
            value = _repair(_text(el))
            entry["author"] = value
            if value:
                detail["name"] = value
            # feedparser splits "email (Name)" for the authors list; a lone author is read whole
            return "@" in value
        if (el.text or "").strip() or any((c.tail or "").strip() for c in children):
            raise _Decline
        keys = [_key(c) for c in children]
        if "name" not in keys or any(k not in ("name", "email", "uri") for k in keys):
            raise _Decline
        for child, key in zip(children, keys):
            if len(child):
                raise _Decline
            detail["href" if key == "uri" else key] = (child.text or "").strip()
        name, email = detail.get("name"), detail.get("email")
        entry["author"] = f"{name} ({email})" if name and email else name or email or ""
        return False


class _Entry:
    """An entry being read, with feedparser's rule that a deeper element never
    overwrites a value set by a shallower one (its property_depth_map)."""

    def __init__(self) -> None:
        self.data: dict = {}
        self.depths: dict[str, int] = {}
        self.tags: list[dict] = []
        self.authors: list[dict] = []
        self.has_content = False
        self.emails = False

    def store(self, key: str, value, depth: int, detail: dict | None = None) -> None:
        old = self.depths.get(key)
        if old is None or depth <= old:
            self.depths[key] = depth
            self.data[key] = value
        if detail is not None:
            self.data[key + "_detail"] = detail  # feedparser replaces the detail regardless


_READ = frozenset(("title", "link", "links", "id", "summary", "content", "author", "authors", "tags",
                   "published", "updated", "created", "title_detail",
                   "summary_detail", "media_keywords", "itunes_keywords", "media_content"))


def _map_type(kind: str) -> str:
    kind = kind.lower()
    return {"text": "text/plain", "plain": "text/plain", "html": "text/html",
            "xhtml": "application/xhtml+xml"}.get(kind, kind)


def _content_type(el, default: str) -> str:
    kind = el.get("type")
    if el.get("mode") is not None:
        raise _Decline  # Atom 0.3 base64/escaped modes
    kind = _map_type(kind if kind is not None else default)
    if not (kind.startswith("text/") or kind.endswith(("+xml", "/xml"))):
        raise _Decline  # feedparser would try base64 on it
    return kind


def _attrs(el) -> dict:
    return {k.lower(): v for k, v in el.attrib.items()}


def _add_tag(tags: list, term, scheme, label) -> None:
    if not term and not scheme and not label:
        return
    tag = {"term": term, "scheme": scheme, "label": label}
    if tag not in tags:
        tags.append(tag)
