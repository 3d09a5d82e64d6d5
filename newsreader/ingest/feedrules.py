"""How feedparser names, repairs and guesses, written down for the lxml shortcut.

``fastfeed`` must hand ``feeds`` the entry dictionaries feedparser would. The
facts it needs about feedparser's reading live here, in the project, rather
than being imported from feedparser's private modules, which any release may
move or rename: the prefix feedparser gives each well-known namespace, the
elements it reads specially, its repair of C1 characters as cp1252, its guess
that a plain-text value is HTML, and its URL join. They describe feedparser
6.0; tests/unit/test_fastfeed.py checks them against the installed feedparser
wherever its internals can still be reached, and compares the two readers on
real and ill-formed feeds through public ``feedparser.parse``.
"""

from __future__ import annotations

import html.entities
import re
from urllib.parse import urljoin

from newsreader.ingest.htmltext import plain_absolute

# Namespace URI -> the prefix feedparser files its elements under ("" for the
# feed formats' own namespaces), whatever prefix the document itself uses.
_NAMESPACES = """
    http://backend.userland.com/rss http://blogs.law.harvard.edu/tech/rss
    http://purl.org/rss/1.0/ http://my.netscape.com/rdf/simple/0.9/ http://purl.org/rss/1.0/modules/rss091#
    http://www.w3.org/2005/Atom http://purl.org/atom/ns# http://purl.org/echo/ http://purl.org/pie/
    http://example.com/newformat# http://example.com/necho uri/of/echo/namespace#
admin http://webns.net/mvcb/
ag http://purl.org/rss/1.0/modules/aggregation/
annotate http://purl.org/rss/1.0/modules/annotate/
audio http://media.tangent.org/rss/1.0/
blogChannel http://backend.userland.com/blogChannelModule
cc http://web.resource.org/cc/ http://creativecommons.org/ns#license
creativeCommons http://backend.userland.com/creativeCommonsRssModule
    http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html
co http://purl.org/rss/1.0/modules/company
content http://purl.org/rss/1.0/modules/content/
cp http://my.theinfo.org/changed/1.0/rss/
dc http://purl.org/dc/elements/1.1/
dcterms http://purl.org/dc/terms/
email http://purl.org/rss/1.0/modules/email/
ev http://purl.org/rss/1.0/modules/event/
feedburner http://rssnamespace.org/feedburner/ext/1.0
fm http://freshmeat.net/rss/fm/
foaf http://xmlns.com/foaf/0.1/
geo http://www.w3.org/2003/01/geo/wgs84_pos#
georss http://www.georss.org/georss
gml http://www.opengis.net/gml
icbm http://postneo.com/icbm/
image http://purl.org/rss/1.0/modules/image/
itunes http://www.itunes.com/DTDs/PodCast-1.0.dtd http://example.com/DTDs/PodCast-1.0.dtd
l http://purl.org/rss/1.0/modules/link/
media http://search.yahoo.com/mrss/ http://search.yahoo.com/mrss
pingback http://madskills.com/public/xml/rss/module/pingback/
prism http://prismstandard.org/namespaces/1.2/basic/
psc http://podlove.org/simple-chapters
rdf http://www.w3.org/1999/02/22-rdf-syntax-ns#
rdfs http://www.w3.org/2000/01/rdf-schema#
ref http://purl.org/rss/1.0/modules/reference/
reqv http://purl.org/rss/1.0/modules/richequiv/
search http://purl.org/rss/1.0/modules/search/
slash http://purl.org/rss/1.0/modules/slash/
soap http://schemas.xmlsoap.org/soap/envelope/
ss http://purl.org/rss/1.0/modules/servicestatus/
str http://hacks.benhammersley.com/rss/streaming/
sub http://purl.org/rss/1.0/modules/subscription/
sy http://purl.org/rss/1.0/modules/syndication/
szf http://schemas.pocketsoap.com/rss/myDescModule/
taxo http://purl.org/rss/1.0/modules/taxonomy/
thr http://purl.org/rss/1.0/modules/threading/
ti http://purl.org/rss/1.0/modules/textinput/
trackback http://madskills.com/public/xml/rss/module/trackback/
wfw http://wellformedweb.org/commentAPI/
wiki http://purl.org/rss/1.0/modules/wiki/
xhtml http://www.w3.org/1999/xhtml
xlink http://www.w3.org/1999/xlink
xml http://www.w3.org/XML/1998/namespace
"""


def _prefix_table(text: str) -> dict[str, str]:
    """Lines of "prefix uri ..." (an indented line continues the one above; the
    first lines, indented from the start, have no prefix) -> {uri in lower case: prefix}."""
    table: dict[str, str] = {}
    prefix = ""
    for line in text.strip("\n").splitlines():
        words = line.split()
        if not line[:1].isspace():
            prefix, words = words[0], words[1:]
        for uri in words:
            table[uri.lower()] = prefix
    return table


PREFIXES = _prefix_table(_NAMESPACES)

# Elements feedparser reads with handlers of its own, under the names above
# (prefix_localname). An element outside this set is only ever kept as text
# under its name, so the shortcut may skip it; one inside it may change the
# fields the shortcut fills, so the shortcut must model it or decline.
HANDLED = frozenset("""
    rss channel feed item entry image textinput textInput cloud fullitem
    title subtitle tagline description summary abstract content body info
    link id guid source enclosure category keywords tags where
    author contributor name email uri url homepage managingeditor webmaster
    pubdate published issued updated modified created lastbuilddate expirationdate
    generator language rights copyright newlocation width height
    content_encoded xhtml_body
    dc_author dc_contributor dc_creator dc_date dc_description dc_language
    dc_publisher dc_rights dc_subject dc_title
    dcterms_created dcterms_issued dcterms_modified dcterms_valid
    cc_license creativecommons_license creativeCommons_license feedburner_browserfriendly
    georss_box georss_line georss_point georss_polygon georss_where geom georssgeom
    gml_exterior gml_linearring gml_linestring gml_point gml_polygon gml_pos gml_poslist
    itunes_author itunes_block itunes_category itunes_email itunes_explicit itunes_image
    itunes_keywords itunes_link itunes_name itunes_owner itunes_subtitle itunes_summary
    media_category media_content media_credit media_description media_group media_keywords
    media_license media_player media_rating media_restriction media_thumbnail media_title
    psc_chapter psc_chapters
""".split())


def _c1_as_cp1252() -> dict[int, str]:
    table = {}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            pass  # the five bytes cp1252 leaves undefined stay as they are
    return table


# feedparser reads a C1 control character in text (U+0080-U+009F) as the cp1252
# character with that byte: publishers' "smart quotes" sent as Latin-1
CP1252 = _c1_as_cp1252()

# element names feedparser accepts in text it guesses is HTML (its sanitizer's list)
_HTML_ELEMENTS = frozenset("""
    a abbr acronym address area article aside audio b big blockquote br button
    canvas caption center cite code col colgroup command datagrid datalist dd del
    details dfn dialog dir div dl dt em fieldset figcaption figure font footer form
    h1 h2 h3 h4 h5 h6 header hr i img input ins kbd keygen label legend li m map
    menu meter multicol nav nextid noscript ol optgroup option output p pre progress
    q s samp section select small sound source spacer span strike strong sub sup
    table tbody td textarea tfoot th thead time tr tt u ul var video
""".split())
_CLOSING_TAG = re.compile(r"</\w+>")
_REFERENCE = re.compile(r"&#?\w+;")
_TAG_NAME = re.compile(r"</?(\w+)")
_ENTITY_NAME = re.compile(r"&(\w+);")


def looks_like_html(text: str) -> bool:
    """feedparser's guess that text declared plain is HTML after all: it closes a
    tag or has a character reference, every tag is an ordinary HTML element and
    every named reference is an HTML entity."""
    if not (_CLOSING_TAG.search(text) or _REFERENCE.search(text)):
        return False
    if any(name.lower() not in _HTML_ELEMENTS for name in _TAG_NAME.findall(text)):
        return False
    return all(name in html.entities.entitydefs for name in _ENTITY_NAME.findall(text))


# feedparser drops any slashes beyond the two after "scheme://" before joining
# (its scheme pattern admits a comma, so this one does too)
_EXTRA_SLASHES = re.compile(r"^([A-Za-z][A-Za-z0-9+,.-]*://)/+")


def join(base: str, uri: str) -> str:
    """A link or xml:base resolved the way feedparser resolves it: urljoin after
    the slashes fix, "" where urljoin refuses the text."""
    if base and plain_absolute(uri):
        return uri  # urljoin would hand it back unchanged; it costs ~50 us a call
    uri = _EXTRA_SLASHES.sub(r"\1", uri, count=1)
    try:
        return urljoin(base, uri)
    except ValueError:
        return ""
