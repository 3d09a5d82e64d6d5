"""Page metadata read from a saved page's furniture: dates and breadcrumbs."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from newsreader.ingest.dates import month_number

# A month's name or abbreviation in any language dates.month_number reads ("Nov", "dez.",
# "février"); the pattern takes a word and month_number decides.
_MONTH = r"([^\W\d_]{3,12})"
# Each pattern is anchored on digits or a month name and has no nested
# repetition, so matching stays linear in the line length.
_ISO = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
    r"\s?(Z|[+-]\d{2}:?\d{2})?)?\b"
)
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?[\s.](?:(?:of|de)\s)?" + _MONTH
                        + r"\.?,?[\s.](?:de\s)?(\d{4})\b", re.I)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
# 10.15.15, 9/11/13: a two-digit year after day and month (or month and day)
_SHORT_YEAR = re.compile(r"(?<![\d.:/])(\d{1,2})([/.])(\d{1,2})\2(\d{2})(?![\d.:/])")
_US_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?\s?)?[ECMP][SD]?T\b", re.I)  # 8:00 am ET, 10:15 PDT
_CJK_DATE = re.compile(r"(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")  # 05/05/2025: day or month first

_CRUMB_SEP = re.compile(r"\s+(?:»|›|>|→|/|\|)\s+|\s*[»›→]\s*")
_STRONG_SEP = re.compile(r"[»›→]|\s>\s")
_HOME = {"home", "homepage", "home page", "start", "front page", "index", "news home",
         # the same in the languages pages are often saved in
         "inicio", "portada", "startseite", "accueil", "forside", "hjem", "hem", "etusivu",
         "início", "inizio", "strona główna", "главная", "anasayfa", "voorpagina",
         "головна", "página inicial", "pagina iniziale", "page d'accueil"}
# Sections that hold every story: a crumb after one of these says more.
_GENERIC = {"news", "blog", "blogs", "articles", "stories", "newsroom", "latest", "topics", "sections"}
_LINK_MARK = re.compile(r"\[\d{1,4}\]")  # a text browser's numbered link: "[10]Home"
_HERE = re.compile(r"^[^:»›>]{2,30}:\s+(?=\S)")  # "You are here: ", "Sie sind hier: "


_CAPTION = re.compile(
    r"^(?:image|media) ?caption|^fig(?:ure|\.)? ?\d+\s*[:.]|^(?:image|photo|picture|video|caption|foto|bild|file photo)"
    r"(?: \d+ of \d+)?\s*:|\[(?:file|photo|image|picture)\b[^\]]{0,80}\]$|\((?:ap |afp |reuters )?photo\b|"
    r"getty images|/ ?(?:ap|afp|reuters|getty|shutterstock)\)?$|\|\s*(?:foto|photo)\s*:",
    re.I,
)


def is_caption(text: str) -> bool:
    """A photo caption or credit line."""
    return bool(_CAPTION.search(text))


def _build(year: int, month: int, day: int) -> datetime | None:
    if not 1990 <= year <= 2100:
        return None
    try:
        return datetime(year, month, day, tzinfo=timezone.utc)
    except ValueError:
        return None


def _iso(m: re.Match) -> datetime | None:
    when = _build(int(m[1]), int(m[2]), int(m[3]))
    if when is None or m[4] is None:
        return when
    try:
        when = when.replace(hour=int(m[4]), minute=int(m[5]), second=int(m[6] or 0))
    except ValueError:
        return when
    zone = m[7]
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        when -= sign * offset  # the wall time was local to that offset
    return when


def _day_or_month_first(a: int, b: int, year: int, us: bool = False) -> datetime | None:
    if a != b and a <= 12 and b <= 12 and not us:
        return None  # 03/04/2025 is March or April by where the site is: say nothing
    return _build(year, b, a) if a > 12 or a == b else _build(year, a, b)


def find_date(text: str) -> datetime | None:
    """The first calendar date on a line, as a UTC datetime (midnight if no time)."""
    found: list[tuple[int, datetime]] = []
    for m in _ISO.finditer(text):
        when = _iso(m)
        if when:
            found.append((m.start(), when))
            break
    for pattern, order in ((_DAY_MONTH, (3, 2, 1)), (_MONTH_DAY, (3, 1, 2))):
        for m in pattern.finditer(text):
            year, month, day = (m[i] for i in order)
            number = month_number(month)
            when = _build(int(year), number, int(day)) if number else None
            if when:
                found.append((m.start(), when))
                break
    for m in _CJK_DATE.finditer(text):
        when = _build(int(m[1]), int(m[2]), int(m[3]))
        if when:
            found.append((m.start(), when))
            break
    for m in _NUMERIC.finditer(text):
        if m[1]:
            when = _build(int(m[1]), int(m[2]), int(m[3]))
        else:  # 24.09.2018, day first; 10.15.2015 can only be month first
            day, month = int(m[4]), int(m[5])
            when = _build(int(m[6]), month, day) if month <= 12 else _build(int(m[6]), day, month)
        if when:
            found.append((m.start(), when))
            break
    us = bool(_US_CLOCK.search(text))  # "03/09/2010 08:00 am ET": an American page writes the month first
    for m in _SLASHED.finditer(text):
        when = _day_or_month_first(int(m[1]), int(m[2]), int(m[3]), us)
        if when:
            found.append((m.start(), when))
            break
    if not found:
        for m in _SHORT_YEAR.finditer(text):
            year = 2000 + int(m[4])
            when = _day_or_month_first(int(m[1]), int(m[3]), year if year <= datetime.now().year + 1 else year - 100,
                                       us and m[2] == "/")
            if when:
                found.append((m.start(), when))
                break
    return min(found, key=lambda pair: pair[0])[1] if found else None


_YEARLESS = (  # "March 18", "18 mars": no year after them
    (re.compile(r"\b" + _MONTH + r"\.?\s(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s\d{4})", re.I), 1, 2),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s(?:(?:of|de)\s)?" + _MONTH + r"\b(?!\.?,?\s\d{4})", re.I), 2, 1),
)
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)[^0-9]{0,20}(?:\d{4}\s?[-–]\s?)?(\d{4})", re.I)


def yearless_date(candidates: list[str], page: list[str]) -> datetime | None:
    """The first day written without its year among ``candidates`` (a byline's "March 18 at
    3:57 PM", "18 mars"), dated by ``page``: the year of the same day written in full on it,
    else its copyright year."""
    days = [(month, int(m[day_at])) for text in candidates for pattern, month_at, day_at in _YEARLESS
            for m in pattern.finditer(text) if (month := month_number(m[month_at])) and 1 <= int(m[day_at]) <= 31]
    if not days:
        return None
    full = [when for line in page if len(line) < 300 and (when := find_date(line))]
    copyright_years = [int(y) for line in page for y in _COPYRIGHT_YEAR.findall(line)]
    for month, day in days:
        years = [when.year for when in full if (when.month, when.day) == (month, day)] or copyright_years
        if years:
            return _build(max(years), month, day)
    return None


def is_date_line(text: str) -> bool:
    """A line that carries a date (the caller checks that it is short)."""
    return find_date(text) is not None


def breadcrumb(text: str) -> list[str] | None:
    """The crumbs of a breadcrumb line ("Home » World » Title"), else None."""
    if len(text) > 300:
        return None
    text = _LINK_MARK.sub("", text)
    parts = [p.strip() for p in _CRUMB_SEP.split(text)]
    parts = [p for p in parts if p]
    if parts and len(parts) > 1:
        parts[0] = _HERE.sub("", parts[0])
    if len(parts) < 2:
        return None
    # A plain "/" or "|" also separates menu items, so those need a "Home" crumb.
    if not _STRONG_SEP.search(text) and parts[0].lower() not in _HOME:
        return None
    if any(len(p.split()) > 6 for p in parts[:-1]):
        return None
    return parts


def section_crumbs(parts: list[str], title: str) -> list[str]:
    """Every crumb of a breadcrumb that may name a section: not home, not the headline.
    (A site's own name may be among them; the category is chosen from them all.)"""
    return [p for p in parts if p.lower() not in _HOME and not crumb_names(p, title) and len(p.split()) <= 6]


def category_from_crumbs(parts: list[str], title: str) -> str | None:
    """The section a breadcrumb names: first crumb that is neither home nor the title."""
    crumbs = [p for p in parts if p.lower() not in _HOME]
    if len(crumbs) == 1 and (crumb_names(crumbs[0], title) or len(crumbs[0].split()) > 6):
        return None  # "Home » <this article>" names no section
    while len(crumbs) > 2 and crumbs[0].lower() in _GENERIC and not crumb_names(crumbs[1], title) and (
            len(crumbs[1].split()) <= 6):
        crumbs = crumbs[1:]  # "Home › News › Transportation › ...": the section is Transportation
    return crumbs[0] if crumbs else None


_QUOTES_FOLD = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def _folded(text: str) -> str:
    return text.lower().translate(_QUOTES_FOLD).rstrip(".… ")


def crumb_names(crumb: str, line: str) -> bool:
    """Whether a breadcrumb's crumb is ``line`` (a headline), or the start of it cut
    short; case, curly or straight quotes and a trailing ellipsis aside."""
    a, b = _folded(crumb), _folded(line)
    return bool(a) and (a == b or (len(a) > 15 and b.startswith(a)))
