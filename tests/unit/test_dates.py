"""Feed dates in the forms publishers write them (ingest/dates.py), and through parse_feed."""

from datetime import datetime, timedelta, timezone

import pytest

from newsreader.ingest import fastfeed
from newsreader.ingest.dates import in_feed_zone, parse_date
from newsreader.ingest.feeds import parse_feed

UTC = timezone.utc


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def as_utc(text: str) -> datetime | None:
    got = parse_date(text)
    return got.astimezone(UTC) if got is not None and got.tzinfo else got


@pytest.mark.parametrize("text, expected", [
    # RFC 822 in English, and ISO 8601
    ("Tue, 05 Apr 2022 22:04:14 GMT", utc(2022, 4, 5, 22, 4, 14)),
    ("Mon, 04 Apr 2022 18:34:02 -0400", utc(2022, 4, 4, 22, 34, 2)),
    ("Tue, 05 Apr 2022 06:27 EDT", utc(2022, 4, 5, 10, 27)),
    ("Wed, 5 Nov 2025 13:52:10  EST", utc(2025, 11, 5, 18, 52, 10)),
    ("2025-01-03T10:14:24+01:00", utc(2025, 1, 3, 9, 14, 24)),
    ("2019-05-18 10:58:46 +0300", utc(2019, 5, 18, 7, 58, 46)),
    ("2024-03-06T10:00:00.5Z", utc(2024, 3, 6, 10)),
    # Portuguese, Spanish, French, German, Italian, Dutch
    ("Seg, 24 Set 2018 19:42:40 -0300", utc(2018, 9, 24, 22, 42, 40)),
    ("Sáb, 02 Fev 2019 08:00:00 -0200", utc(2019, 2, 2, 10)),
    ("quinta-feira, 7 de fevereiro de 2019 às 14h30 -0200", utc(2019, 2, 7, 16, 30)),
    ("mar, 3 mar 2015 10:00:00 +0100", utc(2015, 3, 3, 9)),  # martes, then marzo
    ("miércoles, 14 de agosto de 2019 09:15 CEST", utc(2019, 8, 14, 7, 15)),
    ("Vie, 20 Dic 2019 23:59:59 -0600", utc(2019, 12, 21, 5, 59, 59)),
    ("lun., 5 janv. 2015 10:00:00 +0100", utc(2015, 1, 5, 9)),
    ("jeu. 13 août 2020 18:05 +0200", utc(2020, 8, 13, 16, 5)),
    ("Di, 3 Mär 2015 10:00:00 +0100", utc(2015, 3, 3, 9)),
    ("Donnerstag, 24. Oktober 2019 14:33 MESZ", utc(2019, 10, 24, 12, 33)),
    ("Fr, 6 Dez 2019 07:00:00 +0100", utc(2019, 12, 6, 6)),
    ("mer, 16 nov 2022 00:38:15 +0100", utc(2022, 11, 15, 23, 38, 15)),
    ("Gio, 12 Dicembre 2019 12:00:00 +0100", utc(2019, 12, 12, 11)),
    ("dinsdag 5 maart 2019 10:00 +0100", utc(2019, 3, 5, 9)),
    # month first, am/pm, ordinals, numbers, two-digit years
    ("Friday, January 29, 2021 04:42 PM +0530", utc(2021, 1, 29, 11, 12)),
    ("Sat, Dec 16 2023 02:02:33 PM -0500", utc(2023, 12, 16, 19, 2, 33)),
    ("January 1st, 2021 12:05 a.m. GMT", utc(2021, 1, 1, 0, 5)),
    ("24 Sep 18 10:00 GMT", utc(2018, 9, 24, 10)),
    ("24-Sep-2018 10:00 -0100", utc(2018, 9, 24, 11)),
    ("24.09.2018 19:42 +0200", utc(2018, 9, 24, 17, 42)),
    ("Sun, 17 Dec 2023 00:58:40 -0500 (EST)", utc(2023, 12, 17, 5, 58, 40)),
    ("Seg, 24 Set 2018 19:42:40 GMT-03:00", utc(2018, 9, 24, 22, 42, 40)),
])
def test_written_forms(text, expected):
    assert as_utc(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("2020/1/10 14:33:00", datetime(2020, 1, 10, 14, 33)),  # feedparser made this 1 December
    ("Friday, January 29, 2021 04:42 PM", datetime(2021, 1, 29, 16, 42)),  # feedparser: nothing
    ("Sat, Dec 16 2023 02:02:33 PM", datetime(2023, 12, 16, 14, 2, 33)),  # feedparser: 02:02
    ("12 Dicembre 2019", datetime(2019, 12, 12)),
])
def test_a_date_without_a_zone_comes_back_naive(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "", "garbage", "03/04/2020",  # March or April depends on the country
    "Mon, 31 Feb 2020 10:00:00 GMT", "Wed, 06 Mar 2024 25:00:00 GMT",
    "Dom, 16 Jun 2024 14:09:05 +0000 2024-06-16 14:09:05",  # two dates in one
    "3 Jan Feb 2020", "Seg, 24 Set 2018 19:42:40 +1500", "x" * 500,
])
def test_unreadable_dates_are_none(text):
    assert parse_date(text) is None


def test_undated_forms_take_the_zone_the_feed_uses():
    minus5 = timezone(timedelta(hours=-5))
    dates = [datetime(2023, 12, 17, 0, 58, tzinfo=minus5), datetime(2023, 12, 16, 14, 2), None]
    assert in_feed_zone(dates) == [utc(2023, 12, 17, 5, 58), utc(2023, 12, 16, 19, 2), None]
    # the feed's zones disagree (or there are none): UTC, as feedparser reads them
    mixed = [datetime(2023, 1, 1, tzinfo=minus5), datetime(2023, 1, 1, tzinfo=UTC), datetime(2023, 1, 2)]
    assert in_feed_zone(mixed)[2] == utc(2023, 1, 2)
    assert in_feed_zone([datetime(2023, 1, 2)]) == [utc(2023, 1, 2)]


RDF = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://kiosk.example/"><title>Kiosk</title><link>https://kiosk.example/</link></channel>
  <item rdf:about="https://kiosk.example/1"><title>One</title><link>https://kiosk.example/1</link>
    <dc:date>2024-04-02T08:00:00+02:00</dc:date></item>
  <item rdf:about="https://kiosk.example/2"><title>Two</title><link>https://kiosk.example/2</link>
    <dc:date>2024-04-01 18:30</dc:date></item>
  <item rdf:about="https://kiosk.example/3"><title>Three</title><link>https://kiosk.example/3</link>
    <dc:date>Seg, 01 Abr 2024 09:00:00 +0200</dc:date></item>
</rdf:RDF>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Jornal</title><link>https://jornal.example/</link>
  <item><title>A</title><guid>a</guid><pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item>
  <item><title>B</title><guid>b</guid><pubDate>Dom, 23 Set 2018 08:00 -0300</pubDate></item>
  <item><title>C</title><guid>c</guid><pubDate>sábado, 22 de setembro de 2018 07:00 PM</pubDate></item>
</channel></rss>"""


@pytest.mark.parametrize("fast", [True, False])
def test_rdf_dc_dates(fast):
    feed = parse_feed(RDF.encode(), "https://kiosk.example/rss.rdf", fast=fast)
    assert [a.published for a in feed.articles] == [
        utc(2024, 4, 2, 6), utc(2024, 4, 1, 16, 30), utc(2024, 4, 1, 7)]


@pytest.mark.parametrize("fast", [True, False])
def test_portuguese_rss_dates_both_paths(fast):
    feed = parse_feed(RSS.encode(), "https://jornal.example/rss", fast=fast)
    # the zone-less third date is on the clock the other two show (-03:00)
    assert [a.published for a in feed.articles] == [
        utc(2018, 9, 24, 22, 42, 40), utc(2018, 9, 23, 11), utc(2018, 9, 22, 22)]


GREEK = """<rss version="2.0"><channel><title>Nea</title><link>https://nea.example/</link>
  <item><title>A</title><guid>a</guid><pubDate>Κυρ, 11 Ιούλ 2004 12:00:00 EST</pubDate></item>
</channel></rss>"""


def test_a_date_only_feedparser_reads_is_taken_as_it_reads_it():
    """The general reader leaves Greek names to feedparser's own handlers: the lxml
    shortcut declines such a feed, and feedparser's published_parsed (UTC) is kept."""
    assert parse_date("Κυρ, 11 Ιούλ 2004 12:00:00 EST") is None
    data = GREEK.encode()
    assert fastfeed.read(data, "") is None
    for fast in (True, False):
        assert parse_feed(data, "https://nea.example/rss", fast=fast).articles[0].published == utc(2004, 7, 11, 17)


def test_real_feeds_leave_few_articles_undated(shared):
    """Measured on the 56 real feeds: 77 undated before the general reader, 60 after
    (all in one RSS 0.90 feed that has no dates at all)."""
    undated = total = 0
    for path in sorted((shared / "data" / "feeds" / "real").iterdir()):
        feed = parse_feed(path.read_bytes(), str(path))
        total += len(feed.articles)
        undated += sum(a.published is None for a in feed.articles)
    assert total > 2000
    assert undated <= 60
