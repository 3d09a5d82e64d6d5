"""What a feed's title and address say about its articles: the section it
covers ("BBC News - World"), whether it is general news ("Top Stories",
"Sky News"), a short name for it ("Engadget is a web magazine with ..." is
Engadget), the name a list shows for it (``shown_name``: its title when that
is a name, "BBC News - World", else that short name), and which links are on
its own site (only those have section folders worth reading: a link blog's
links are other people's).

``NAMES_VERSION`` changes whenever ``shown_name`` does, so a stored library's
feeds are named again (``ingest/outlets.py``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import urlsplit

from newsreader.ingest.sections import NEWS, first_section, fold, is_news_words, only_filler, section_of
from newsreader.text import clean_line

NAMES_VERSION = 1
NAME_LEN = 30
LONG_NAME_LEN = 48  # a title in words of capitals alone may run longer: "Off Menu with Ed Gamble and James Acaster"
PART_WORDS = 3  # a name's parts are short: "World news | The Guardian", not "MacRumors: Mac News and Rumors"
# " - ", " | ", " » ", ": ", "--" and the like between a title's parts
_PARTS = re.compile(r"\s*(?:--+|[|»·])\s*|\s+[-–—>/:]\s+|\s*[–—]\s+|:\s+")
# host labels that name no one: "news.sky.com" is Sky's
_GENERIC_LABELS = frozenset("news feeds feed rss blog blogs main mobile online home media web static".split())
_TRIM = " .,;:!?-–—|/!！"
_OPENS, _CLOSES = "([（【", ")]）】"
_EMPTY_BRACKETS = re.compile(r"[(\[（【][\s!！?？.。…*]*[)\]）】]")  # "极客公园（！）"; "[/]" is a name's
# words that open a title without naming anything: "Latest News चीन ...", "All TPM News"
_LEADERS = frozenset("latest all top breaking recent neueste neuesten dernieres ultimas ultime "
                     "последние свежие все всі".split())
# small words a name writes in lower case; any other word in lower case is a sentence's
_SMALL = frozenset("a an and at by de del della der des di do dos du e en et for from in la las le les "
                   "los of on or the to und von y with и в на".split())


@dataclass(frozen=True)
class SourceFacts:
    section: str | None = None  # the one section the title names
    news: bool = False  # a general news feed
    name: str = ""  # a short name, "" when there is none worth showing
    domains: frozenset[str] = frozenset()  # the registrable domains of its site and address


def _host(url: str | None) -> str:
    if not url or "://" not in url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def domain(host: str) -> str:
    """The registrable part of a host name, near enough: "news.bbc.co.uk" -> "bbc.co.uk"."""
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3:
        return ".".join(labels[-3:])  # co.uk, com.au, com.br
    return ".".join(labels[-2:])


def _letters(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalnum())


@lru_cache(maxsize=4096)
def facts(title: str, url: str, site: str | None) -> SourceFacts:
    """The facts of one source (cached: every article of a feed asks)."""
    hosts = [h for h in (_host(site), _host(url)) if h]
    domains = frozenset(domain(h) for h in hosts)
    brands = {_letters(label) for h in hosts for label in h.split(".")[:-1]
              if len(label) > 2 and label not in _GENERIC_LABELS}
    brands |= {_letters(h) for h in hosts} | {_letters(d) for d in domains}
    brands.discard("")
    title = clean_line(title)
    if not title or "://" in title or _is_file_name(title, url):
        return SourceFacts(domains=domains)
    parts = [p for p in (_trimmed(p) for p in _PARTS.split(title)) if p]
    return SourceFacts(section=_title_section(parts, brands),
                       news=is_news_words(title) or any("news" in h.split(".") for h in hosts),
                       name=_name(title, parts, brands, hosts), domains=domains)


def _trimmed(text: str) -> str:
    """A part of a title without the punctuation around it; a bracket stays when the part
    closes or opens it ("Feed [i]X[/i]" keeps its last "]"), an empty pair goes."""
    text = _EMPTY_BRACKETS.sub("", text)
    while True:
        text = text.strip(_TRIM)
        if text[:1] and text[0] in _OPENS and text.count(text[0]) > text.count(_CLOSES[_OPENS.index(text[0])]):
            text = text[1:]
        elif text[-1:] and text[-1] in _CLOSES and \
                text.count(text[-1]) > text.count(_OPENS[_CLOSES.index(text[-1])]):
            text = text[:-1]
        else:
            return text


def shown_name(title: str, url: str, site: str | None) -> str:
    """The name a list shows for a source (its outlet): the feed's own title when that is
    already a name ("BBC News - World", "Londonist"), less the parts that name nothing
    ("Home | Mail Online", "BuzzFeed - Latest"); for a title that is a sentence or a
    tagline, the site's name it holds ("Engadget"), else its address's ("ft.com").
    "" when there is no name (a saved page titled with its file name)."""
    title = clean_line(title)
    if not title or "://" in title or _is_file_name(title, url):
        return ""
    return _as_name(title) or facts(title, url, site).name or title


def _as_name(title: str) -> str:
    """The title as a name, or "" when it is not one: short parts in a name's words."""
    spans, at = [], 0
    for m in [*_PARTS.finditer(title), None]:
        end = m.start() if m else len(title)
        if _trimmed(title[at:end]):
            spans.append((at, end))
        at = m.end() if m else at
    while spans and _names_nothing(title[spans[0][0]:spans[0][1]]):
        spans.pop(0)  # "Home | Mail Online"
    while spans and _names_nothing(title[spans[-1][0]:spans[-1][1]]):
        spans.pop()  # "BuzzFeed - Latest", "NYT > Top Stories"
    if not spans:
        return ""
    parts = [_trimmed(title[s:e]) for s, e in spans]
    words = _trimmed(title[spans[0][0]:spans[-1][1]]).split()
    while len(words) > 1 and (fold(words[0]) in _LEADERS or is_news_words(words[0])) and not words[1][:1].islower():
        words = words[1:]  # "Latest News चीन News18 हिंदी"
    name = " ".join(words)
    if any(_sentence(p) for p in parts):
        return ""
    if len(parts) > 1:
        return name if _width(name) <= NAME_LEN and all(len(p.split()) <= PART_WORDS for p in parts) else ""
    return name if _width(name) <= (LONG_NAME_LEN if _capitalised(name) else NAME_LEN) else ""


def _sentence(part: str) -> bool:
    """Words of a sentence, not of a name: "is a web magazine", "aktuálne spravodajstvo"."""
    lower = [w for w in part.split() if w[:1].islower() and fold(w) not in _SMALL and "." not in w
             and not only_filler(w)]  # "heise online News": a name written in lower case
    return len(lower) >= 2 or part.endswith(".")


def _capitalised(text: str) -> bool:
    return all(not w[:1].islower() or fold(w) in _SMALL for w in text.split())


def _is_file_name(title: str, url: str) -> bool:
    """A saved page's source is titled with its file name, which names nothing."""
    return "://" not in url and bool(url) and title == PurePath(url).name


def _brand(words: list[str], brands: set[str]) -> bool:
    return _letters(" ".join(words)) in brands


def _title_section(parts: list[str], brands: set[str]) -> str | None:
    """The section a part of the title names alone: "World" in "BBC News - World", "Markets"
    in "Bloomberg Markets"; a long part is a description, not a section's name."""
    for part in parts:
        if _letters(part) in brands:
            continue  # "ilmessaggero.it": the site, not its section ("it")
        words = [w for w in fold(part).split() if _letters(w) not in brands]
        if not words or _brand(words, brands) or len(words) > 4:
            continue
        found = section_of(" ".join(words), heads=len(words) <= 3)
        if found and found != NEWS:
            return found
    return None


def _name(title: str, parts: list[str], brands: set[str], hosts: list[str]) -> str:
    """A short name: the part of the title that is the site's name, else a short part that
    holds it ("Sky News"), else a short title's first part, else the words of a long title
    that spell the site's name, else a long title's first part when that is a name, else
    the name of its address."""
    for part in parts:
        if _is_brand(part, brands) and _width(part) <= NAME_LEN:
            return part
    named = [p for p in parts if not _names_nothing(p)]  # not "Home" in "Home | Mail Online"
    for part in named:
        words = part.split()
        if len(words) <= PART_WORDS and _width(part) <= NAME_LEN and not _sentence(part) and any(
                _letters(w) in brands for w in words):
            return part
    if named and _width(title) <= NAME_LEN:
        return named[0]
    words = title.split()
    for size in range(min(len(words), 4), 0, -1):  # "... magazine de psychologie Le Cercle Psy"
        for i in range(len(words) - size + 1):
            run = _trimmed(" ".join(words[i:i + size]))
            if _is_brand(run, brands) and _width(run) <= NAME_LEN:
                return run
    if len(parts) > 1 and named and _width(named[0]) <= NAME_LEN and not _sentence(named[0]):
        return named[0]  # "Wirecutter: Reviews for the Real World", "BBC News اردو - <a headline>"
    said = set(re.findall(r"\w+", title.casefold()))
    for host in hosts:
        site = domain(host)
        label = site.split(".")[0]
        # "www.telegraph.co.uk for the latest news": Telegraph; a name the title never
        # writes is shown as its address ("ft.com"), not guessed at ("Ft", "Bbcurdu")
        return label.capitalize() if label in said and len(label) > 2 else site
    if named and _width(named[0]) <= NAME_LEN:
        return named[0]
    return ""


def _is_brand(text: str, brands: set[str]) -> bool:
    """Whether the text spells the site's name ("The Washington Post" on washingtonpost.com)."""
    letters = _letters(text)
    return letters in brands or letters.startswith("the") and letters[3:] in brands


# words that name no outlet in a title: "Top Stories", "All Posts", "UK homepage", "US edition"
_NOTHING = frozenset("stories story posts articles updates headlines edition editions uk us usa eu "
                     "international global europe asia africa americas 主页 首页 首頁".split())


def _names_nothing(part: str) -> bool:
    """Whether a part of a title holds only news words, filler and an edition's place."""
    return only_filler(part) or all(w in _NOTHING or only_filler(w) for w in fold(part).split())


def _width(text: str) -> int:
    """Cells a text takes: a Chinese or Japanese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def link_section(link: str | None, domains: frozenset[str] = frozenset()) -> str | None:
    """The section a link's folders name, for a link on the source's own site (or any
    link when the source has no site): "/2022/04/05/world/europe/x.html" -> "World".
    The last part is the article's own slug and never counts."""
    if not link:
        return None
    scheme, sep, rest = link.partition("://")  # by hand: urlsplit is a third of a library's pass
    if not sep:
        return None
    rest = rest.split("?", 1)[0].split("#", 1)[0]
    netloc, _, path = rest.partition("/")
    host = _host_of(netloc)
    if domains and domain(host) not in domains:
        return None
    # "tech.slashdot.org/story/...", "sport.aktualne.cz/...": a section's own host name counts first
    sub = host[: -len(domain(host))].rstrip(".").split(".")[0] if host.count(".") > 1 else ""
    folders = [sub, *[p for p in path.split("/") if p][:-1][:6]]  # not the slug, even before a "/"
    return first_section(section_of(f) for f in folders if 3 <= len(f) <= 40 and not f.isdigit())


@lru_cache(maxsize=4096)
def _host_of(netloc: str) -> str:
    return netloc.rpartition("@")[2].split(":", 1)[0].lower().removeprefix("www.")
