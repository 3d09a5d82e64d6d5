"""Choosing one short, useful category per article.

In order: the user's mapping for the whole feed (``[feed_categories]`` key
``"*"``); the category given to the subscription (an OPML folder,
``--category``); a term the user mapped (``[categories]``); then a news section
(see ``sections.py``) named by the entry's own categories, its audio (a
podcast episode), the section folder of its link on the feed's own site, its
other tags, or the feed's title ("BBC News - World", "Bloomberg Markets"). A
general news feed gives the rest "News". What is left takes the feed's own
short name when most of the feed is like that ("Daring Fireball", a link
blog), or the section most of the feed's other articles have; else
"Uncategorised" (never a category of one article). The mapping also renames
what was chosen ("World" = "International"). Every raw term stays in the
article's tags.

``CATEGORIES_VERSION`` changes whenever these rules do, so a stored library
is categorised again (``recategorise.py``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from newsreader.ingest.sections import NEWS, PODCASTS, first_section, section_of
from newsreader.ingest.sources import NAMES_VERSION, SourceFacts, facts, link_section
from newsreader.models import Enclosure
from newsreader.store.categories import UNCATEGORISED
from newsreader.text import clean_line

CATEGORIES_VERSION = 3  # 1 was the feed-wide pool of terms before the sections; 2 lost "[Sport]", cut names' "]"
MAX_LEN = 40
EVERY = "*"  # a feed mapping's key for every article of the feed
_AUDIO_EXT = (".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac")


@dataclass(frozen=True)
class Entry:
    """What the chooser reads of one article."""

    sections: tuple[str, ...] = ()  # the entry's own categories or breadcrumb
    tags: tuple[str, ...] = ()  # every term, keywords included
    link: str | None = None
    audio: bool = False  # it carries a sound file: a podcast episode


@dataclass(frozen=True)
class Source:
    """The feed or file the articles come from, as the library knows it."""

    title: str = ""
    url: str = ""
    site: str | None = None
    category: str | None = None  # the subscription's own, which comes first
    id: int | None = None
    name: str = ""  # the name the library shows for it, when not its title


def has_audio(enclosures: Iterable[Enclosure]) -> bool:
    """Whether any attachment is a sound file (by its type, or its name when untyped)."""
    for e in enclosures:
        kind = (e.type or "").lower()
        if kind.startswith("audio/") or not kind and e.url.lower().split("?")[0].endswith(_AUDIO_EXT):
            return True
    return False


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class CategoryRules:
    """The user's mapping: ``terms`` for every feed, ``feeds`` by feed title, URL or id;
    each maps an entry term or a category (any case) to the category to use."""

    terms: Mapping[str, str] = field(default_factory=dict)
    feeds: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config) -> "CategoryRules":
        """The mapping a :class:`Config` holds (none with a config that predates it)."""
        return cls(dict(getattr(config, "categories", None) or {}),
                   {k: dict(v) for k, v in (getattr(config, "feed_categories", None) or {}).items()})

    def for_source(self, source: Source) -> dict[str, str]:
        """The mapping that applies to one source: its own entries over the common ones."""
        out = {_key(k): clean_line(v) for k, v in self.terms.items() if clean_line(v)}
        titles = {_key(source.title), _key(source.name or source.title)}
        for ref, table in self.feeds.items():
            ref = ref.strip()
            if ref and (ref == source.url or _key(ref) in titles or
                        source.id is not None and ref == str(source.id)):
                out.update((_key(k), clean_line(v)) for k, v in table.items() if clean_line(v))
        return out

    def stamp(self) -> str:
        """What the stored categories were chosen under: the version and this mapping."""
        text = json.dumps([CATEGORIES_VERSION, NAMES_VERSION, sorted(self.terms.items()),
                           sorted((k, sorted(v.items())) for k, v in self.feeds.items())])
        return hashlib.sha256(text.encode()).hexdigest()[:16]


NO_RULES = CategoryRules()


def choose(entries: Sequence[Entry], source: Source = Source(), rules: CategoryRules = NO_RULES) -> list[str]:
    """One category for each entry, in order. The entries are the source's articles
    seen together (a feed document, or all a feed's stored articles): what the
    recognised ones are decides for the rest."""
    mapping = rules.for_source(source)
    known = facts(source.title, source.url, source.site)
    given = clean_line(source.category or "")
    picks = [_pick(e, given, mapping, known) for e in entries]
    rest = sum(1 for c in picks if c is _NAME)
    if rest:
        fill = _fill(picks, rest, known.name)
        fill = mapping.get(_key(fill), fill)
        picks = [fill if c is _NAME else c for c in picks]
    return [c[:MAX_LEN] for c in picks]


def _fill(picks: list[str], rest: int, name: str) -> str:
    """The category of a source's ``rest`` articles that name no section. A source that is
    mostly such articles gives its own name; one whose sections are mostly one lends it;
    else its own name again if a third of it is left, else Uncategorised (a name needs
    two articles: a category of one is no help)."""
    named = bool(name) and rest >= 2
    if named and rest * 3 >= len(picks) * 2:
        return name
    counts = Counter(c for c in picks if c is not _NAME and c != UNCATEGORISED).most_common()
    if counts:
        (top, n), runner_up = counts[0], counts[1][1] if len(counts) > 1 else 0
        if n >= 2 and n > runner_up and n * 3 >= len(picks) - rest:
            return top
    if named and rest * 3 >= len(picks):
        return name
    return UNCATEGORISED


class _Name(str):
    """The marker for "the source's own name", decided once the whole batch is seen."""


_NAME = _Name("")


def _pick(entry: Entry, given: str, mapping: dict[str, str], known: SourceFacts) -> str:
    if not mapping:
        return given or _section(entry, known) or _NAME
    if EVERY in mapping:
        return mapping[EVERY]
    if given:
        return mapping.get(_key(given), given)
    for term in (*entry.sections, *entry.tags):
        if _key(term) in mapping:
            return mapping[_key(term)]
    found = _section(entry, known)
    if found:
        return mapping.get(_key(found), found)
    return _NAME


def _section(entry: Entry, known: SourceFacts) -> str | None:
    """The news section the entry names, else what its feed says."""
    news = False
    steps = (
        lambda: _first(entry.sections),
        lambda: PODCASTS if entry.audio else None,
        lambda: link_section(entry.link, known.domains),
        # keywords (or a site's menu kept as tags) only when nothing else said anything
        lambda: None if news else _first(entry.tags),
    )
    for step in steps:
        found = step()
        if found == NEWS:
            news = True  # "News" is the weakest: a plainer section from the link still wins
        elif found:
            return found
    if known.section:
        return known.section  # "Bloomberg Markets", "BBC News - World"
    if news or known.news:
        return NEWS
    return None


def _first(terms: Sequence[str]) -> str | None:
    """The first section the terms name, a specific one before "News"."""
    return first_section(term_section(t) for t in terms)


@lru_cache(maxsize=65536)
def term_section(term: str) -> str | None:
    """The section one entry term names: a machine tag's value counts when its key
    names a section ("structure:news/world-news"), other machine tags not at all. A term in
    brackets is the term ("[Sport]", "【体育】")."""
    wrapped = _WRAPPED.fullmatch(term.strip())
    if wrapped:
        term = next(g for g in wrapped.groups() if g)
    for sep in (":", "|"):
        head, mark, value = term.partition(sep)
        if mark and value[:1].isalnum() and " " not in head.strip():
            if head.strip().casefold() not in _SECTION_KEYS:
                return None  # "storytype:standard", "author_name|Jane Doe", "ASX:NVX"
            return first_section(section_of(p) for p in value.split("/") if p)
    return section_of(term)


_WRAPPED = re.compile(r"\[([^\[\]]+)\]|【([^【】]+)】|\(([^()]+)\)|（([^（）]+)）")
_SECTION_KEYS = frozenset(
    "section sections structure category categories channel rubrik rubrique ressort desk department "
    "vertical kategorie categorie seccion secao sezione rubrica".split())

