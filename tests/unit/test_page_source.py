"""Saved pages: the site they come from (not the file's name) and a byline that is only names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsreader.ingest.byline import clean_byline, find_byline, tail_byline
from newsreader.ingest.htmlpage import parse_html_page
from newsreader.ingest.pipeline import import_file, load_file
from newsreader.ingest.site import host_name, site_in_title, text_page_site, tidy_name
from newsreader.ingest.textpage import parse_text_page
from newsreader.store import Store

ROOT = Path(__file__).resolve().parents[2]
PROSE = ("The harbour board voted on Tuesday to rebuild the north pier before winter. "
         "Fishermen had asked for the work for years, and the board said the money was now in place. ")


@pytest.mark.parametrize("raw, clean", [
    ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
    ("By Ines Marlow, Tobias Quint and Ana Ruiz, Associated Press", "Ines Marlow, Tobias Quint and Ana Ruiz"),
    ("INES MARLOW; TOBIAS QUINT Associated Press", "Ines Marlow and Tobias Quint"),
    ("Username", None), ("admin", None), ("", None), (None, None),
    ("Petra Holm is a reporter for the Harbour Gazette", "Petra Holm"),
    ("Petra Holm News reporter", "Petra Holm"),
    ("Petra Holm, Transport Correspondent", "Petra Holm"),
    ("Analysis by Petra Holm; Gazette Editor-at-large", "Petra Holm"),
    ("Petra Holm | 3 March 2025 | 6 min read", "Petra Holm"),
    ("Posted on March 3, 2025 by Petra Holm · 4 min read", "Petra Holm"),
    ("Written by Petra Holm | Edited by Olaf Brand", "Petra Holm"),
    ("Petra Holm petra.holm@gazette.example", "Petra Holm"),
    ("By Petra Holm at Quay Park", "Petra Holm"),
    ("Jana Dvořáková před", "Jana Dvořáková"),  # a word of the page's language after the name
    ("Текст Анна Петрова", "Анна Петрова"),
    ("Von Anna Becker", "Anna Becker"),
    ("By Willem van der Berg", "Willem van der Berg"),
    ("Gazette Sport", "Gazette Sport"), ("Staff Reporter", "Staff Reporter"), ("Gazette reporter", "Gazette reporter"),
    ("By the Gazette politics team", "Gazette politics team"),
])
def test_clean_byline_keeps_the_names(raw, clean):
    assert clean_byline(raw) == clean


def test_find_byline_reads_the_forms_around_a_headline():
    assert find_byline(["The board meets again in May", "Petra Holm, Harbour Correspondent", "Tue 4 March"]) == \
        "Petra Holm"
    assert find_byline(["A standfirst that says what happened.", "Petra Holm", "4 March 2025, 09:12"]) == "Petra Holm"
    assert find_byline(["4 March 2025 · 09:12 · Petra Holm"]) == "Petra Holm"
    assert find_byline(["Harbour Gazette", "Sunny, 14°C"]) is None  # a masthead over the weather: no byline
    assert tail_byline(["Share this", "Written by Petra Holm"]) == "Petra Holm"
    assert tail_byline(["HG Staff Writers", "Writers at the Harbour Gazette come from many backgrounds and"
                        " cover the port, the council and the islands."]) == "HG Staff Writers"
    assert tail_byline(["By signing up you agree to our terms.", "Related"]) is None


def test_site_names_from_metadata_titles_and_addresses():
    assert tidy_name("THE HARBOUR GAZETTE") == "The Harbour Gazette"
    assert tidy_name("Harbour Gazette | News from the quay") == "Harbour Gazette"
    assert tidy_name("Harbour Gazette Ltd.") == "Harbour Gazette"
    assert tidy_name("Hosted") is None and tidy_name("  ") is None
    assert site_in_title("Pier to be rebuilt | Harbour Gazette") == "Harbour Gazette"
    assert site_in_title("Pier to be rebuilt — www.gazette.example") == "gazette.example"
    assert site_in_title("Pier to be rebuilt") is None
    assert host_name("https://www.gazette.example/news/pier") == "gazette.example"
    assert host_name("not a url") is None


def _page(head: str, top: str = "", foot: str = "") -> str:
    return (f"{top}\n\nHome » Local » Pier\n\nPier to be rebuilt before winter\n\n{head}\n\n"
            + "\n\n".join([PROSE] * 4) + f"\n\n{foot}\n")


def test_text_page_site_from_masthead_footer_or_what_its_furniture_repeats():
    masthead = _page("By Petra Holm", top="Skip to content\nTuesday, 4 March 2025\nTHE HARBOUR GAZETTE\n"
                     "News  Sport  Opinion")
    assert text_page_site(masthead, "Pier to be rebuilt before winter") == "The Harbour Gazette"
    footer = _page("By Petra Holm", top="Menu\nNews\nWhat's On\nJobs", foot="© 2025 Quayside Media Ltd. All rights reserved.")
    assert text_page_site(footer) == "Quayside Media"
    part_of = _page("By Petra Holm", foot="Quay Times is part of Quayside Media. © 2025")
    assert text_page_site(part_of) == "Quay Times"
    said = ["Subscribe to get every story from Quay Times.", "Quay Times is free to read.",
            "As a paper of record, Quay Times keeps its archive open."]
    assert text_page_site(_page("By Petra Holm"), chrome=said) == "Quay Times"
    assert text_page_site(_page("By Petra Holm")) is None
    parsed = parse_text_page(masthead)
    assert (parsed.site, parsed.byline) == ("The Harbour Gazette", "Petra Holm")


def test_html_page_site_in_order_of_trust():
    body = f"<article><h1>Pier to be rebuilt</h1><p>{PROSE}</p><p>{PROSE}</p></article>"

    def page(head: str) -> str:
        return f"<html><head>{head}</head><body>{body}</body></html>"

    og = page('<title>Pier | Wrong Name</title><meta property="og:site_name" content="Harbour Gazette">')
    assert parse_html_page(og).site == "Harbour Gazette"
    titled = page("<title>Pier to be rebuilt | Quay Times</title>")
    assert parse_html_page(titled).site == "Quay Times"
    canonical = page('<title>Pier to be rebuilt</title><link rel="canonical" href="https://www.quay.example/pier">')
    assert parse_html_page(canonical).site == "quay.example"
    assert parse_html_page(page("<title>Pier to be rebuilt</title>")).site is None
    marked = page('<meta name="author" content="Username">').replace(
        "<article>", '<article><span class="story-byline">By Petra Holm</span>')
    assert parse_html_page(marked).byline == "Petra Holm"


def test_imported_pages_are_listed_under_their_site(tmp_path):
    page = tmp_path / "saved-page-0042.txt"
    page.write_text(_page("By Petra Holm", top="THE HARBOUR GAZETTE"), encoding="utf-8")
    bare = tmp_path / "no-site.txt"
    bare.write_text(_page("By Petra Holm"), encoding="utf-8")
    with Store(tmp_path / "lib.sqlite3") as store:
        assert import_file(store, page).error is None and import_file(store, bare).error is None
        listed = {Path(a.source).name: a.feed_title for a in store.iter_articles()}
        assert listed == {"saved-page-0042.txt": "The Harbour Gazette", "no-site.txt": "no-site.txt"}
        # a page imported before sites were read gets its site's name when imported again
        feed = store.feed_by_url(str(page.resolve()))
        with store.transaction():
            store.update_feed(feed.id, title="saved-page-0042.txt")
        import_file(store, page)
        assert store.feed(feed.id).title == "The Harbour Gazette"


_ROLE_WORDS = re.compile(r"\b(?:reporter|correspondent|editor|writer|staff|username|admin)\b", re.I)


def _clean(byline: str) -> bool:
    """Names only: no digits, address, label, trailing lower-case word or role (a desk that signs
    so, "Staff Reporter", is allowed when it is all there is)."""
    if any(c.isdigit() for c in byline) or "@" in byline or byline.lower().startswith(("by ", "words", "text")):
        return False
    last = byline.split()[-1]
    return (last[:1].isupper() or not last[:1].isalpha() or last in ("team", "newsroom", "reporter")) and (
        not _ROLE_WORDS.search(byline) or len(byline.split()) <= 4)


def _check_pages(paths: list[Path], share: float) -> None:
    signed = named = 0
    for path in paths:
        loaded = load_file(path)
        assert loaded.result.error is None, path
        byline = loaded.items[0].byline
        if byline is not None:
            signed += 1
            assert _clean(byline), (path.name, byline)
        named += loaded.title != path.name
    # most pages sign their articles and name their site, and are read so
    assert signed >= share * len(paths) and named >= 0.8 * len(paths), (signed, named, len(paths))


def test_own_pages_have_names_only_bylines_and_a_site():
    _check_pages(sorted((ROOT / "tests" / "data").glob("textpages*/*.txt")), 0.8)


def test_shared_pages_have_names_only_bylines_and_a_site(shared):
    # (a few of these pages are signed by nobody: a wire story, an account named "admin")
    _check_pages(sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "data/articles/html").glob("*.html")),
                 0.7)


def test_text_page_site_from_its_title_bar_or_the_address_it_prints():
    title = "Pier to be rebuilt before winter"

    def site(top: str, foot: str = "") -> str | None:
        text = f"{top}\n\n" + "\n\n".join([PROSE] * 4) + f"\n\n{foot}\n"
        return parse_text_page(text, "/saved/page.txt").site

    assert site(f"{title} | Quay Times\n\nHome » Local » Pier\n\n{title}\n\nBy Petra Holm") == "Quay Times"
    assert site(f"Quay Times: {title}\n\n{title}\n\nBy Petra Holm") == "Quay Times"
    assert site(f"{title} - The Quay Times\n\n{title}\n\nBy Petra Holm") == "The Quay Times"
    # the bar alone, read as the headline: the headline loses the bar, the site is the bar's
    bare = parse_text_page(f"{title} | Quay Times\n\nBy Petra Holm\n\n" + "\n\n".join([PROSE] * 4), "/p.txt")
    assert (bare.title, bare.site) == (title, "Quay Times")
    # an address a browser printed at the top, or a "Source:" line at the foot
    assert site(f"https://www.quay.example/local/2025/03/04/pier-to-be-rebuilt-before-winter\n\n{title}\n\n"
                "By Petra Holm") == "quay.example"
    assert site(f"{title}\n\nBy Petra Holm", "Source: https://news.quay.example/a/123") == "news.quay.example"
    # not a site: a breadcrumb that ends with the headline, a share link, a bar of furniture
    assert site(f"Home » Local » {title}\n\n{title}\n\nBy Petra Holm") is None
    assert site(f"{title}\n\nBy Petra Holm", "Share on https://social.example/intent?text=x") is None
    assert site(f"{title} | Subscribe\n\n{title}\n\nBy Petra Holm") is None
    assert site(f"{title}\n\nBy Petra Holm") is None


def test_a_page_that_names_no_site_keeps_its_file_name(tmp_path):
    bar = tmp_path / "saved-0042.txt"
    bar.write_text("Pier to be rebuilt before winter | Quay Times\n\n" + "\n\n".join([PROSE] * 4), encoding="utf-8")
    bare = tmp_path / "saved-0043.txt"
    bare.write_text("Pier to be rebuilt before winter\n\n" + "\n\n".join([PROSE] * 4), encoding="utf-8")
    with Store(tmp_path / "lib.sqlite3") as store:
        assert import_file(store, bar).error is None and import_file(store, bare).error is None
        listed = {Path(a.source).name: a.feed_title for a in store.iter_articles()}
    assert listed == {"saved-0042.txt": "Quay Times", "saved-0043.txt": "saved-0043.txt"}
