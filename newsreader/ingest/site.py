"""Which site a saved page comes from, so the library names the outlet and not the file.

A web page names itself in its metadata (``og:site_name``), in its title
("Headline | Site") or by its address (the canonical URL's host). A page saved
as text keeps its masthead at the top ("THE WETHERBY VALE COURIER") and its
footer ("© 2025 The Aotearoa Gazette", "Fieldside Sport is part of Fieldside
Media"). Pure functions over text.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsreader.ingest._textpage_lines import is_byline
from newsreader.ingest._textpage_meta import breadcrumb, find_date
from newsreader.text import clean_line

MAX_WORDS = 6
# Words that alone name no outlet (a CMS's placeholder, a section), and words of site furniture.
_VACANT = frozenset("hosted home homepage index article articles news blog page website site untitled default "
                    "live latest".split())
_FURNITURE = frozenset(
    "menu search skip sign log login subscribe subscribed register newsletter newsletters privacy cookies "
    "cookie consent accept terms contact about careers advertise accessibility help imprint impressum "
    "datenschutz sitemap trending".split())
_SMALL = frozenset("of the and & de del la le les du des di da van von y e et für und a an in on at for".split())
_LEGAL = re.compile(
    r"(?:,?\s+(?:ltd|limited|inc|llc|llp|plc|gmbh|ag|s\.?l\.?|s\.?a\.?|b\.?v\.?|pty|pvt|co|corp|corporation|"
    r"community interest company|media inc))+\.?$", re.I)
_OWNER_NOISE = re.compile(
    r"\ball rights reserved\b.*|\ball content\b|\bcopyright\b|©|\(c\)|\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b",
    re.I)
_PART_OF = re.compile(r"^(.{2,60}?)(?:,| is)\s+(?:part of|published by|a member of|owned by|a division of)\b", re.I)
_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s*\|\s*")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|—|–|::|•|·)\s+")


def tidy_name(name: str | None) -> str | None:
    """A site's name as a list shows it, or None when it names nothing: the first part of
    "Site | tagline", no legal form ("Ltd"), words in capitals put in ordinary case."""
    name = clean_line(name)
    if not name:
        return None
    name = _TITLE_SEPARATORS.split(name)[0]
    name = _LEGAL.sub("", name).strip(" .,;:_-|")
    words = name.split()
    if not words or len(words) > MAX_WORDS or not any(c.isalpha() for c in name):
        return None
    if all(w.lower().strip(".,") in _VACANT or w.lower() in _SMALL for w in words):
        return None
    if name.isupper() and len(name) > 4:
        name = " ".join(w.lower() if i and w.lower() in _SMALL else w.capitalize() for i, w in enumerate(words))
    return name


def host_name(url: str | None) -> str | None:
    """The host of a web address without "www." ("https://www.bbc.com/news/x" -> "bbc.com")."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def _says_furniture(name: str) -> bool:
    """Whether any word of ``name`` is a word of page furniture ("Home", "Subscribe", ...):
    then it names no outlet."""
    return any(w.lower() in _FURNITURE for w in re.findall(r"\w+", name))


def site_in_title(title: str | None, headline: str | None = None) -> str | None:
    """The outlet a page's title ends with ("Headline | Site", "Headline - Site")."""
    parts = _TITLE_SEPARATORS.split(clean_line(title))
    if len(parts) < 2:
        return None
    last = parts[-1]
    if headline and last.casefold() == clean_line(headline).casefold():
        return None
    if "." in last and " " not in last:
        return host_name("http://" + last)  # "— www.wday.ru"
    return tidy_name(last) if len(last.split()) <= 4 else None


def split_title_bar(title: str | None) -> tuple[str | None, str | None]:
    """A headline read from a browser's title bar, and the site the bar names after a pipe:
    "Pier to be rebuilt | Quay Times" -> ("Pier to be rebuilt", "Quay Times"); any other
    title comes back whole, with no site (a dash or a colon is common in headlines)."""
    head, sep, last = (title or "").rpartition(" | ")
    name = tidy_name(last) if sep and len(last.split()) <= 4 and len(head.split()) >= 3 else None
    if name is None or _says_furniture(name):
        return title, None
    return head.strip(), name


# --- pages saved as text ---------------------------------------------------------


def _masthead_like(raw: str) -> bool:
    """A line a masthead can be: a short name alone, not a menu, a date or a notice."""
    if re.search(r"\S\s{2,}\S", raw):  # items spaced apart: a menu
        return False
    text = " ".join(raw.split())
    words = text.split()
    if not 2 <= len(words) <= MAX_WORDS or any(c.isdigit() for c in text) or re.search(r"[,:;|·•»›/<>!?]", text):
        return False
    if find_date(text) or breadcrumb(text) or text.endswith(".") or is_byline(text):
        return False
    if any(w.lower() in _FURNITURE for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL or not w[:1].isalpha() for w in words)


def _owner(line: str) -> str | None:
    """The name a footer line gives: "X is part of Y" -> X, "© 2025 X Ltd." -> X, or the line's
    first item before the ©."""
    text = " ".join(line.split())
    for sentence in re.split(r"(?<=[a-z)])\.\s+", text):
        m = _PART_OF.match(sentence)
        if m:
            return tidy_name(m[1])
    items = [i.strip() for i in _SEPARATORS.split(text) if i.strip()]
    first = re.split(r",\s+|\.\s+", items[0])[0] if items else ""  # "Ashgrove Echo, Unit 4, ..."
    if first and not re.search(r"©|\(c\)|copyright", first, re.I):
        named = tidy_name(first) if not any(c.isdigit() for c in first) else None
        if named and not _says_furniture(named):
            return named
    for item in items:
        if re.search(r"©|\(c\)|copyright", item, re.I):
            for sentence in re.split(r"(?<=\w)\.\s+", item):
                if re.search(r"©|\(c\)|copyright", sentence, re.I):
                    owner = _OWNER_NOISE.sub(" ", sentence)
                    owner = re.split(r",\s+(?:a|an|the)\s+|\.\s|\s+[-–—]\s+", owner)[0]
                    named = tidy_name(owner)
                    if named:
                        return named
    return None


_PROPER = re.compile(r"\b[A-Z][\w’'&.-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w’'&.-]*){1,3}")
REPEATS = 3  # a name the furniture says this often is the site's


def _repeated_name(chrome: list[str]) -> str | None:
    """The name the page's furniture keeps saying ("... stories from Lord’s Press", "As a
    journal of record, Lord’s Press ..."), if one is said ``REPEATS`` times."""
    counts: dict[str, int] = {}
    for line in chrome:
        for m in _PROPER.finditer(line):
            name = m[0].rstrip(".")
            if not any(w.lower() in _FURNITURE or w.lower() in _VACANT for w in re.findall(r"\w+", name)):
                counts[name] = counts.get(name, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return tidy_name(best[0]) if best and best[1] >= REPEATS else None


def text_page_site(text: str, headline: str | None = None, chrome: list[str] = ()) -> str | None:
    """The outlet of a page saved as text: its masthead (a name alone in the first lines,
    above the headline), else the browser's title bar kept at its top ("Headline | Site"),
    else the name its footer gives (the last ©-line, "X is part of"), else a name its
    furniture (``chrome``: the lines that are not the article) keeps saying, else the host
    of the address the page prints (a browser's header or footer, "Source: https://...")."""
    raw_lines = [ln for ln in text.splitlines() if ln.strip()]
    return (_masthead(raw_lines, headline) or _title_bar(raw_lines, headline) or _footer(raw_lines)
            or _repeated_name(list(chrome)) or _printed_host(raw_lines, headline))


def _masthead(raw_lines: list[str], headline: str | None) -> str | None:
    for i, raw in enumerate(raw_lines[:6]):
        if headline and " ".join(raw.split()) == headline:
            break
        around = [raw_lines[j] for j in (i - 1, i + 1) if 0 <= j < len(raw_lines)]
        if len(around) == 2 and all(_menu_item(a) for a in around):
            continue  # an item of a menu laid out a line each ("News", "What's On", "Jobs")
        if _masthead_like(raw) and (name := tidy_name(raw)):
            return name
    return None


def _footer(raw_lines: list[str]) -> str | None:
    foot = len(raw_lines) * 3 // 4
    for i in range(len(raw_lines) - 1, -1, -1):
        raw = raw_lines[i]
        # a ©-line, or a footer's row of links ("Ashgrove Echo, Unit 4 ... Contact us | Terms | Privacy")
        links = i >= foot and len(_SEPARATORS.findall(raw)) >= 3 and len(
            {w.lower() for w in re.findall(r"\w+", raw)} & _FURNITURE) >= 2
        if len(raw) < 300 and (_FOOTER.search(raw) or links):
            owner = _owner(raw)
            if owner:
                return owner
    return None


HEAD_LINES = 6  # where a masthead or a title bar sits


def _title_bar(raw_lines: list[str], headline: str | None) -> str | None:
    """The site a title bar names beside the headline: "Headline | Site", "Site: Headline"
    (a breadcrumb that ends with the headline names sections, not the site)."""
    if not headline:
        return None
    for raw in raw_lines[:HEAD_LINES]:
        line = " ".join(raw.split())
        if line == headline or headline not in line or breadcrumb(line) or re.search(r"[»›>/]", line):
            continue
        before, _, after = line.partition(headline)
        if before.strip() and after.strip():
            continue  # words on both sides: a sentence about it, not a bar
        if before.strip():  # "Site: Headline", "Site | Headline"
            m = re.search(r"(?:\s+[|:·•–—-]|\s*[|·•]|:)\s*$", before)
            name = before[:m.start()].strip() if m else ""
        else:  # "Headline | Site", "Headline - Site", "Headline : Site"
            m = re.match(r"\s*(?:[|·•]|\s[:–—-]|:)\s*", after)
            name = after[m.end():].strip() if m else ""
        if name and len(name.split()) <= 4 and not find_date(name) and not _says_furniture(name):
            return tidy_name(name)
    return None


_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.I)
_LABEL = re.compile(r"^(?:url|source|link|permalink|address|originally published (?:at|on)|read online at)\s*:?\s*$",
                    re.I)
EDGE_LINES = 8  # a browser prints the address in the page's header or footer


def _printed_host(raw_lines: list[str], headline: str | None) -> str | None:
    """The host of the page's own address, printed at its top or bottom: a line that is the
    address alone (or after "Source:", "URL:"), or one whose path spells the headline's words."""
    words = {w for w in re.findall(r"\w+", (headline or "").casefold()) if len(w) > 3}
    for raw in [*raw_lines[:EDGE_LINES], *raw_lines[-EDGE_LINES:]]:
        line = " ".join(raw.split())
        for m in _URL.finditer(line):
            url = m[0].rstrip(".,;")
            alone = _LABEL.match(line[:m.start()]) or not line[:m.start()].strip()
            alone = alone and not line[m.end():].strip(" .,;")
            slug = set(re.findall(r"\w+", url.split("://", 1)[1].partition("/")[2].casefold()))
            if (alone or len(words & slug) >= 2) and (host := host_name(url)):
                return host
    return None


_FOOTER = re.compile(r"©|\(c\)\s*\d|copyright|\b(?:is part of|is published by)\b", re.I)


def _menu_item(raw: str) -> bool:
    words = raw.split()
    return len(words) <= 2 and not re.search(r"[.,:;!?]", raw)
