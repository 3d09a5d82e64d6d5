"""Feed dates as publishers write them, read into datetimes.

Most feeds write RFC 822 in English or ISO 8601; two regular expressions read
those at once. Many write the same shapes in their own language
(``Seg, 24 Set 2018 19:42:40 -0300``, ``mer, 16 nov 2022``), put the month
first (``Friday, January 29, 2021 04:42 PM``) or use numbers
(``2020/1/10 14:33:00``): a small reader of words and numbers with month and
weekday names in several languages takes those. What it does not understand
comes back None; for an XML feed, ``feeds`` then takes the date feedparser's
own handlers read (Greek, Korean, W3DTF odd forms, ...), which
``feedparser.parse`` hands back as ``published_parsed`` and the like (public,
unlike the handlers themselves; the lxml shortcut leaves such feeds to it).

A date is returned in the offset it was written in; one written without a
zone comes back naive, so the feed can lend it the zone its other dates use
(``in_feed_zone``). ``dateparser`` reads all of this too, but its first date
takes two seconds and each one after about 45 ms (measured on 1.5.0).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import datetime, timedelta, timezone
from typing import Sequence

_MONTHS = {  # full names without accents; every unambiguous prefix of three letters or more is read too
    "en": "january february march april may june july august september october november december",
    "pt": "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "de": "januar februar marz april mai juni juli august september oktober november dezember",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
_MONTH_ABBREVIATIONS = {"mrz": 3, "mrt": 3, "janner": 1, "setiembre": 9}  # not prefixes of a full name
_WEEKDAYS = (  # read as prefixes of two letters or more (German Mo, Di, ...; Portuguese Seg, Ter, ...)
    "monday tuesday wednesday thursday friday saturday sunday "
    "segunda terca quarta quinta sexta sabado domingo feira "
    "lunes martes miercoles jueves viernes "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lunedi martedi mercoledi giovedi venerdi sabato domenica "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"
).split()
_FILLERS = frozenset("de del di du d le la el the of at on um as a o om uhr h".split())
_ZONES = {  # hours east of UTC; a name that means several zones is left out (except IST, see below)
    "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "met": 1, "mez": 1,
    "cest": 2, "mest": 2, "mesz": 2, "eet": 2, "eest": 3, "msk": 3,
    "ast": -4, "adt": -3, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
    "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "brt": -3, "brst": -2, "art": -3,
    "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "awst": 8, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
    "ist": 5.5,  # India's, by far the commonest in news feeds (Irish and Israeli feeds write offsets)
}


def _month_table() -> dict[str, int]:
    seen: dict[str, set[int]] = {}
    for names in _MONTHS.values():
        for month, name in enumerate(names.split(), 1):
            for end in range(3, len(name) + 1):
                seen.setdefault(name[:end], set()).add(month)
    table = {prefix: months.pop() for prefix, months in seen.items() if len(months) == 1}
    return {**table, **_MONTH_ABBREVIATIONS}


_MONTH = _month_table()
_WEEKDAY = frozenset(name[:end] for name in _WEEKDAYS for end in range(2, len(name) + 1))
_EN_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}

# the two forms nearly every feed uses, read without the general reader
_RFC822 = re.compile(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})"
                     r"(?::(\d{2}))?\s+(GMT|UTC|UT|[+-]\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})")

_TOKEN = re.compile(r"""
    (?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})(?:t(?=\d))?        # 2020-01-10, 2020/1/10 (and ISO's T)
  | (?P<a2>\d{1,2})(?P<sep>[-/.])(?P<b2>\d{1,2})(?P=sep)(?P<y2>\d{4})(?!\d)  # 24.09.2018, 24/09/2018
  | (?P<hh>\d{1,2})[:h](?P<mi>\d{2})(?::(?P<ss>\d{2})(?:[.,]\d+)?)?(?!\d)   # 19:42, 19:42:40.5, 19h42
  | (?P<zone>[+-]\d{2}(?::?\d{2})?)(?!\d)                                  # +0100, -03:00, +03
  | (?P<num>\d{1,4})(?:st|nd|rd|th|º|ª|\.)?(?![\d:])                       # a day or a year
  | (?P<meridiem>[ap])\.?m\.?(?![^\W\d_])                                  # am, p.m.
  | (?P<word>[^\W\d_]+)\.?                                                 # a month, weekday, zone or filler
  | (?P<skip>(?:[\s,;()|/]|-(?!\d))+)                                      # a minus sign starts an offset
""", re.VERBOSE)

_OFFSETS: dict[float, timezone] = {}


def _zone(hours: float) -> timezone:
    """The fixed offset ``hours`` east of UTC; ValueError for none that exists."""
    got = _OFFSETS.get(hours)
    if got is None:
        if abs(hours) > 14:
            raise ValueError(f"no zone is {hours} hours from UTC")
        got = _OFFSETS[hours] = timezone(timedelta(hours=hours))
    return got


def _offset(text: str) -> float:
    """Hours east of UTC of ``+0100``, ``-03:00``, ``+03``; ValueError past an hour's minutes."""
    digits = text[1:].replace(":", "")
    minutes = int(digits[2:4]) if len(digits) > 2 else 0
    if minutes > 59:
        raise ValueError(f"not an offset: {text}")
    hours = int(digits[:2]) + minutes / 60
    return hours if text[0] == "+" else -hours


def _fold(text: str) -> str:
    """Lower case without accents: ``Fév.`` and ``fev.`` are one word."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def month_number(word: str) -> int | None:
    """The month a name or abbreviation means in any of the languages above ("Nov", "dez.",
    "février", "marzo"), else None."""
    return _MONTH.get(_fold(word).rstrip("."))


def parse_date(text: str | None) -> datetime | None:
    """A feed's date: aware in the offset written, naive when no zone was written,
    None when it cannot be read."""
    if not text or len(text) > 200:
        return None
    text = text.strip()
    try:
        if m := _RFC822.fullmatch(text):
            day, mon, year, hh, mm, ss, zone = m.groups()
            month = _EN_MONTHS.get(mon.lower())
            if month:
                tz = _zone(0 if zone[0] not in "+-" else _offset(zone))
                return datetime(int(year), month, int(day), int(hh), int(mm), int(ss or 0), tzinfo=tz)
        elif m := _ISO.fullmatch(text):
            year, month, day, hh, mm, ss, zone = m.groups()
            tz = _zone(0 if zone in "Zz" else _offset(zone))
            return datetime(int(year), int(month), int(day), int(hh), int(mm), int(ss or 0), tzinfo=tz)
    except (ValueError, OverflowError):
        pass  # 30 February: the general reader refuses it too; feedparser's handlers decide
    return _read(_fold(text))


def _read(text: str) -> datetime | None:
    """The general reader: names in several languages, month first, numeric dates, am/pm."""
    year = month = day = None
    clock: list[int] | None = None
    hours: float | None = None  # the zone, east of UTC
    numbers: list[str] = []
    months: list[tuple[int, str, bool]] = []  # (month, word, the first word of the text)
    pos, first_word = 0, True
    for m in _TOKEN.finditer(text):
        if m.start() != pos:
            return None  # something the reader does not know
        pos = m.end()
        g = m.groupdict()
        if g["y1"] or g["a2"]:
            if year is not None:
                return None
            if g["y1"]:
                year, month, day = int(g["y1"]), int(g["m1"]), int(g["d1"])
            else:
                a, b, year = int(g["a2"]), int(g["b2"]), int(g["y2"])
                if g["sep"] == "." or a > 12:
                    day, month = a, b  # dotted dates are day first wherever they are written
                elif b > 12:
                    month, day = a, b
                else:
                    return None  # 03/04/2020 is March or April depending on the country
        elif g["hh"]:
            if clock is not None:
                return None
            clock = [int(g["hh"]), int(g["mi"]), int(g["ss"] or 0)]
        elif g["zone"]:
            if clock is None and g["zone"][0] == "-" and ":" not in g["zone"]:
                numbers.append(g["zone"][1:])  # 24-Sep-2018: a dash, then the year
                continue
            if clock is None or hours:
                return None  # an offset before the time belongs to a form not read here
            try:
                hours = _offset(g["zone"])
            except ValueError:
                return None
        elif g["num"]:
            numbers.append(g["num"])
        elif g["meridiem"]:
            if clock is None or not 1 <= clock[0] <= 12:
                return None
            clock[0] = clock[0] % 12 + (12 if g["meridiem"] == "p" else 0)
        elif g["word"]:
            word = g["word"]
            if word in _MONTH:
                months.append((_MONTH[word], word, first_word))
            elif word in _ZONES and clock is not None:
                hours = _ZONES[word] if hours is None else hours
            elif word not in _WEEKDAY and word not in _FILLERS:
                return None
            first_word = False
    if pos != len(text):
        return None
    if len(months) > 1 and months[0][2] and months[0][1] in _WEEKDAY:
        months = months[1:]  # "mar, 3 mar 2015": Tuesday first, then March
    if months:
        if year is not None or len({mo for mo, _, _ in months}) > 1:
            return None
        month = months[0][0]
        day, year = _day_year(numbers)
    elif numbers:
        return None
    if year is None or day is None:
        return None
    hh, mm, ss = clock or (0, 0, 0)
    try:
        return datetime(year, month, day, hh, mm, ss, tzinfo=None if hours is None else _zone(hours))
    except (ValueError, TypeError, OverflowError):
        return None


def _day_year(numbers: list[str]) -> tuple[int | None, int | None]:
    """The day and the year among the loose numbers of a date with a month name."""
    if len(numbers) != 2:
        return None, None
    long = [n for n in numbers if len(n) == 4]
    if len(long) == 1:
        day = next(n for n in numbers if n is not long[0])
        return (int(day), int(long[0])) if len(day) <= 2 else (None, None)
    if long or any(len(n) > 2 for n in numbers):
        return None, None
    day, year = int(numbers[0]), int(numbers[1])  # RFC 822's two-digit year, day first
    return day, year + (1900 if year >= 90 else 2000)


def in_feed_zone(dates: Sequence[datetime | None]) -> list[datetime | None]:
    """The dates of one feed in UTC; those written without a zone take the offset
    the feed's other dates all share (its publisher's clock), else UTC."""
    offsets = Counter(d.utcoffset() for d in dates if d is not None and d.tzinfo is not None)
    lent = timezone(offsets.most_common(1)[0][0]) if len(offsets) == 1 else timezone.utc
    out = []
    for d in dates:
        if d is None:
            out.append(None)
            continue
        try:
            out.append((d if d.tzinfo else d.replace(tzinfo=lent)).astimezone(timezone.utc))
        except (OverflowError, ValueError):
            out.append(None)
    return out
