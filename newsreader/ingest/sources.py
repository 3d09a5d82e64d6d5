"""What a feed's title and address say about its articles: the section it
covers ("BBC News - World"), whether it is general news ("Top Stories",
"Sky News"), a short name for it ("Engadget is a web magazine with ..." is
Engadget), and which links are on its own site (only those have section
folders worth reading: a link blog's links are other people's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import urlsplit

from newsreader.ingest.sections import NEWS, first_section, fold, is_news_words, only_filler, section_of
from newsreader.text import clean_line

NAME_LEN = 30
# " - ", " | ", " » ", ": ", "--" and the like between a title's parts
_PARTS = re.compile(r"\s*(?:--+|[|»·])\s*|\s+[-–—>/:]\s+|\s*[–—]\s+|:\s+")
# host labels that name no one: "news.sky.com" is Sky's
_GENERIC_LABELS = frozenset("news feeds feed rss blog blogs main mobile online home media web static".split())
_TRIM = " .,;:!?-–—|/()（）[]【】!！"


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
    parts = [p.strip(_TRIM) for p in _PARTS.split(title)]
    parts = [p for p in parts if p]
    return SourceFacts(section=_title_section(parts, brands),
                       news=is_news_words(title) or any("news" in h.split(".") for h in hosts),
                       name=_name(title, parts, brands, hosts), domains=domains)


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
    """A short name: the part of the title that is the site's name, else a short title's
    first part, else the words of a long title that spell the site's name, else that
    name from its address."""
    for part in parts:
        if _letters(part) in brands and len(part) <= NAME_LEN:
            return part
    named = [p for p in parts if not only_filler(p)]  # not "Home" in "Home | Mail Online"
    if named and len(title) <= NAME_LEN:
        return named[0]
    words = title.split()
    for size in range(min(len(words), 4), 0, -1):  # "... magazine de psychologie Le Cercle Psy"
        for i in range(len(words) - size + 1):
            run = " ".join(words[i:i + size]).strip(_TRIM)
            if _letters(run) in brands and len(run) <= NAME_LEN:
                return run
    for host in hosts:
        label = domain(host).split(".")[0]
        if len(label) > 2:
            return label if any(c.isdigit() for c in label) else label.capitalize()
    if named and len(named[0]) <= NAME_LEN:
        return named[0]
    return ""


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
