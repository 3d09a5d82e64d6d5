"""The saved-page cleaner on small dumps written for these tests, and on the shared seeds."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsreader.errors import IngestError
from newsreader.ingest.textpage import parse_text_page

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"

NAV = ["Home", "News", "Sport", "Weather", "Business", "Culture", "Subscribe", "Sign in"]
TITLE = "Harbour town votes to close its old ferry pier after storm damage"
BODY = [
    "Councillors in the harbour town of Elmsby voted on Tuesday to close the ferry pier that has "
    "served the island route for more than sixty years, after surveyors found deep cracks in its "
    "supports following last month's storm.",
    "The decision means the morning ferry will dock at the fishing quay from next week, a change "
    "that harbour staff said would add about ten minutes to each crossing while repairs are planned.",
    "Residents who packed the town hall were divided. Some called the pier a landmark worth saving "
    "at any cost, while others argued that the money would be better spent on a new landing stage "
    "built to survive the winters that now arrive with more force than they used to.",
    "The council will publish the surveyors' full report next month and has promised a public "
    "meeting before any contract for demolition or repair is signed.",
]
TAIL = [
    "Share this article",
    "Facebook",
    "Twitter",
    "Newsletter",
    "Sign up to our morning newsletter and get the day's headlines delivered to your inbox.",
    "Privacy & Cookie Notice",
    "This website uses cookies to improve your browsing experience. By continuing to browse you "
    "consent to our use of cookies as described in our privacy policy and cookie settings.",
    "Leave a Comment",
    "Your email address will not be published. Required fields are marked.",
    "© 2025 Elmsby Gazette. All rights reserved.",
]


def page(head: list[str], body: list[str] = BODY, tail: list[str] = TAIL) -> str:
    """A dump in the seeds' style: one block a line, blank lines between blocks."""
    return "\n\n".join([*head, *body, *tail]) + "\n"


def test_title_date_breadcrumb_and_body_edges():
    text = page([*NAV, "Home » World » " + TITLE, TITLE, "Friday, 12 September, 2025"])
    article = parse_text_page(text)
    assert article.title == TITLE
    assert article.categories == ("World",)
    assert article.published == datetime(2025, 9, 12, tzinfo=timezone.utc)
    assert article.body.split("\n\n") == BODY


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Friday, 12 September, 2025", datetime(2025, 9, 12, tzinfo=timezone.utc)),
        ("September 12, 2025", datetime(2025, 9, 12, tzinfo=timezone.utc)),
        ("Published Sept. 3, 2024 at 9:15 AM", datetime(2024, 9, 3, tzinfo=timezone.utc)),
        ("2025-09-12", datetime(2025, 9, 12, tzinfo=timezone.utc)),
        ("Updated 2025-09-12T08:30:00+02:00", datetime(2025, 9, 12, 6, 30, tzinfo=timezone.utc)),
        ("Posted 2025-01-02T23:10:00Z", datetime(2025, 1, 2, 23, 10, tzinfo=timezone.utc)),
    ],
)
def test_date_formats(line, expected):
    article = parse_text_page(page([*NAV, TITLE, line]))
    assert article.published == expected
    assert article.published.tzinfo is not None


def test_no_date_no_breadcrumb_no_byline():
    article = parse_text_page(page([*NAV, TITLE]))
    assert article.published is None
    assert article.categories == ()
    assert article.byline is None
    assert article.title == TITLE


def test_breadcrumb_without_title_crumb_and_byline():
    text = page(["Home › Local › Coast", TITLE, "By Maren Holt", "March 3, 2024"])
    article = parse_text_page(text)
    assert article.categories == ("Local",)
    assert article.byline == "Maren Holt"
    assert article.published == datetime(2024, 3, 3, tzinfo=timezone.utc)


def test_furniture_before_and_after_is_removed():
    article = parse_text_page(page([*NAV, "Weather: 14°C", "Humidity: 70%", TITLE]))
    for word in ("Subscribe", "cookies", "Leave a Comment", "rights reserved", "Humidity", "Facebook"):
        assert word not in article.body
    assert article.body.startswith("Councillors in the harbour town")
    assert article.body.endswith("is signed.")


def test_standfirst_is_not_body():
    standfirst = "Repairs would cost more than the pier is worth, surveyors told the council."
    text = "\n\n".join([*NAV, TITLE, standfirst, "", "", *BODY, *TAIL])
    article = parse_text_page(text)
    assert article.body.startswith("Councillors in the harbour town")
    assert article.summary == standfirst


def test_author_blurb_is_cut():
    blurb = [
        "Tomas Brede",
        "Tomas Brede is a staff reporter who has covered the coast and its harbours for the "
        "Gazette since 2015, writing mostly about fishing, ferries and the weather.",
    ]
    article = parse_text_page(page([*NAV, TITLE], BODY + blurb))
    assert "staff reporter" not in article.body
    assert article.body.endswith("is signed.")


def test_interview_turns_and_colon_headings_are_kept():
    body = BODY[:2] + [
        "The Harbour Master: A Life Among Ferries",
        "Host: How long have you worked on this pier?",
        "Ilse Varga: Thirty-one years this spring, and I have never seen cracks like these before.",
        "Host: Will you miss it?",
        "Ilse Varga: Of course I will, but a pier that might fall is no place for passengers.",
    ] + BODY[2:]
    article = parse_text_page(page([*NAV, TITLE], body))
    paras = article.body.split("\n\n")
    assert "The Harbour Master: A Life Among Ferries" in paras
    assert "Host: Will you miss it?" in paras
    assert paras[0] == BODY[0] and paras[-1] == BODY[-1]


def test_lists_are_kept():
    body = BODY[:2] + [
        "The surveyors listed three options for the council:",
        "* Repair the supports and reopen the pier within a year",
        "* Demolish the pier and build a floating landing stage",
        "* Move the ferry service to the fishing quay for good",
    ] + BODY[2:]
    article = parse_text_page(page([*NAV, TITLE], body))
    assert "* Demolish the pier and build a floating landing stage" in article.body.split("\n\n")


def test_closing_list_after_colon_is_kept():
    body = BODY + [
        "Ferry times from next week:",
        "Morning crossing at 7.10",
        "Midday crossing at 12.40",
        "Evening crossing at 18.05",
    ]
    tail = ["", "", "Related stories", "Storm closes coast road for second time this year", *TAIL]
    article = parse_text_page(page([*NAV, TITLE], body, tail))
    assert article.body.split("\n\n")[-1] == "Evening crossing at 18.05"


def test_related_links_inside_body_are_dropped():
    body = BODY[:2] + [
        "Read more:",
        "Island school wins national science prize",
        "Lifeboat crew rescues two kayakers off Elm Point",
    ] + BODY[2:]
    article = parse_text_page(page([*NAV, TITLE], body))
    assert "kayakers" not in article.body
    assert article.body.split("\n\n") == BODY


def test_comment_thread_is_not_body():
    comments = [
        "3 Comments",
        "Harriet W.",
        "June 2, 2025",
        "I crossed on that ferry every week as a child and I will be sad to see the old pier go, "
        "but safety has to come first for everyone who uses it.",
        "Reply",
        "Old Sailor",
        "June 3, 2025",
        "The council has known about those cracks for years and did nothing until a storm forced "
        "its hand, which is typical of how this town is run.",
        "Reply",
    ]
    article = parse_text_page(page([*NAV, TITLE], BODY, comments + TAIL))
    assert article.body.split("\n\n") == BODY


@pytest.mark.parametrize("text", ["", "   \n\n \t\n", "\x00\x1b[31m\n", "\n".join(NAV), "Home » World"])
def test_nothing_article_like_raises(text):
    with pytest.raises(IngestError):
        parse_text_page(text)


def test_hostile_text_comes_out_clean():
    evil_title = "Pier \x1b[31mclosed\x1b[0m \u202eafter\u202c storm\x07 damage report"
    body = [p.replace("storm", "storm\x1b]8;;http://x\x07link\x1b]8;;\x07\x08") for p in BODY]
    body[1] = body[1] + " \u200f\x9b2J\u2066"
    article = parse_text_page(page([*NAV, evil_title], body))
    for field in (article.title, article.body):
        assert not any(ord(c) < 32 and c != "\n" for c in field)
        assert not any(0x7F <= ord(c) <= 0x9F for c in field)
        assert not any(c in field for c in "\u202e\u202c\u200f\u2066")
        assert "[31m" not in field and "[0m" not in field and "2J" not in field
    assert article.title == "Pier closed after storm damage report"
    assert "storm" in article.body


def test_large_and_pathological_input_is_fast():
    huge = page(NAV * 500 + [TITLE], BODY * 200, TAIL * 200)
    nasty = "a" * 200_000 + "\n\n" + "-" * 100_000 + " 2025-" * 20_000 + "\n\n" + "» / " * 30_000
    start = time.perf_counter()
    parse_text_page(huge)
    parse_text_page(page([nasty, TITLE]))
    assert time.perf_counter() - start < 3.0


# --- the two seed pages ----------------------------------------------------------


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_000():
    article = parse_text_page(_seed("000"))
    assert article.title == "Putin rejects European peacekeepers in Ukraine, contradicting Trump"
    assert article.published == datetime(2025, 9, 12, tzinfo=timezone.utc)
    paras = article.body.split("\n\n")
    assert paras[0].startswith("Russia on Wednesday rejected the idea")
    assert paras[-1].endswith("springboard for a future invasion.")
    for furniture in ("LP Staff Writers", "Writers at", "Newsletter", "cookie", "Privacy", "Sponsors"):
        assert furniture not in article.body


def test_seed_003():
    article = parse_text_page(_seed("003"))
    assert article.title.startswith("Russia Refutes Trump: Putin")
    assert article.categories == ("World",)
    assert article.published is None
    paras = article.body.split("\n\n")
    assert paras[0].startswith("Moscow has firmly rejected")
    assert paras[-1].startswith("Dr. Petrova: The pleasure was all mine.")
    assert paras[-1].endswith("Let the conversation continue!")
    assert "Lavrov’s Warning: Any Foreign Military Presence is Unacceptable" in paras
    assert any(p.startswith("* Utilizing third-party mediation") for p in paras)
    assert sum(p.startswith("Interviewer:") for p in paras) == 5
    for furniture in ("Leave a Comment", "Akismet", "Home »"):
        assert furniture not in article.body


def test_hard_wrapped_page_is_joined_back_into_paragraphs():
    import textwrap

    blocks = [*NAV, TITLE, *BODY, *TAIL]
    text = "\n\n".join("\n".join(textwrap.wrap(b, 72)) for b in blocks) + "\n"
    article = parse_text_page(text)
    assert article.title == TITLE
    assert article.body.split("\n\n") == BODY


def test_short_lines_without_blank_lines_are_not_joined():
    head = ["Friday, 12 September, 2025", "London, UK", "Humidity: 85%", "Wind Speed: 18.5 km/h"]
    text = "\n".join(head) + "\n\n" + page([TITLE])
    article = parse_text_page(text)
    assert article.body.split("\n\n") == BODY
    assert article.published == datetime(2025, 9, 12, tzinfo=timezone.utc)


def test_off_topic_prose_after_the_article_is_cut():
    tail = [
        "Quarry Road",
        "The regional orchestra announced on Monday that its winter season would open with three "
        "concerts of music by young composers, with tickets going on general release next month.",
        "Melodie K.",
        "Honestly I think both sides are missing the point entirely, and nothing will change until "
        "somebody in charge actually has to live with the consequences of what gets decided.",
    ]
    article = parse_text_page(page([*NAV, TITLE], BODY, tail + TAIL))
    assert article.body.split("\n\n") == BODY


def test_hard_wrapped_text_browser_dump_with_long_link_lines():
    import textwrap

    def wrap(blocks):  # a text browser wraps every block, chrome too
        return ["\n".join(textwrap.wrap(b, 70)) for b in blocks]

    refs = ["References", "1. https://elmsby.example/",
            "2.\nhttps://www.facebook.com/sharer.php?u=https://elmsby.example/news/ferry-pier-closure-vote",
            "3.\nhttps://x.example/intent/post?url=https://elmsby.example/news/ferry-pier-closure-vote-2025"]
    article = parse_text_page(page(["[1]Home > [2]News > Ferry pier", TITLE], wrap(BODY), wrap(TAIL) + refs))
    assert article.body == "\n\n".join(BODY)
    assert article.categories == ("News",)


@pytest.mark.parametrize("crumb, section", [
    ("Inicio » Sociedad » " + TITLE, "Sociedad"),
    ("Sie sind hier: Startseite › Lokales › Brücke", "Lokales"),
    ("[10]Home > [11]Environment > " + TITLE, "Environment"),
    ("Home › News › Transportation › " + TITLE, "Transportation"),
    ("Home / Newsroom / Press Releases / Ferry pier to close", "Press Releases"),
])
def test_breadcrumb_sections_in_other_languages_and_shapes(crumb, section):
    assert parse_text_page(page([*NAV, crumb, TITLE])).categories == (section,)


def test_headline_under_the_breadcrumb_beats_a_longer_standfirst_and_share_lines():
    dek = "Surveyors found deep cracks in the supports after last month's storm, the council says"
    head = [*NAV, "Local › Council", TITLE, dek, "By Ann Lee", "Listen · 5 min", "Tags: ferries, council"]
    assert parse_text_page(page(head)).title == TITLE


def test_slashed_dates_only_when_day_and_month_cannot_be_confused():
    for line, want in (("Publicado: 13/05/2025", datetime(2025, 5, 13, tzinfo=timezone.utc)),
                       ("Posted 05/13/2025", datetime(2025, 5, 13, tzinfo=timezone.utc)),
                       ("Posted 03/04/2025", None)):
        assert parse_text_page(page([*NAV, TITLE, line])).published == want, line


@pytest.mark.parametrize("name, pages, floor, titles_min", [
    # written without reading the cleaner: body F1 0.928 (one page below 0.5) and 17/24
    # titles at first, 0.974 and 22/24 after general fixes, 0.976 and 24/24 with the
    # headline read from the lead's words (issue 13)
    ("textpages_heldout", 24, 0.96, 23),
    # in the seeds' style: 0.976 and 23/30 titles at first, 0.976 and 29/30 after, 0.976
    # and 30/30 with issue 13's headline
    ("textpages_heldout2", 30, 0.96, 29),
])
def test_held_out_page_dumps_stay_above_floor(name, pages, floor, titles_min):
    import importlib.util
    import json

    root = Path(__file__).parents[2]
    spec = importlib.util.spec_from_file_location("heldout_f1", root / "benchmarks" / "textpage_heldout_f1.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    scores, titles = [], 0
    for txt in sorted((root / "tests" / "data" / name).glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        art = parse_text_page(txt.read_text(encoding="utf-8"), txt.name)
        scores.append(mod.f1(art.body, gold["body"])[2])
        titles += art.title == gold["title"]
    assert len(scores) >= pages
    assert sum(scores) / len(scores) >= floor and min(scores) >= 0.5
    assert titles >= titles_min


def test_section_bars_tickers_and_deal_strips_are_no_headline():
    for bar in ("FILM TV MUSIC BOOKS STAGE ART", "MARKETS Dow 41,208 ▲ 0.3% | Gold $2,391 ▼ 0.2%",
                "Deals: Save 20% on headphones | Best phones of 2025 | Laptop guide"):
        assert parse_text_page(page([*NAV, "Home » Local » Pier", bar, TITLE])).title == TITLE, bar


def test_of_two_headings_one_above_the_other_the_upper_is_the_headline():
    dek = "The vote leaves the island route with a ten-minute detour for at least a year"
    head = [*NAV, "The Elmsby Courier", TITLE, dek, "By Ann Lee — September 17, 2025"]
    assert parse_text_page(page(head)).title == TITLE


def test_a_long_headline_without_a_full_stop_may_open_the_stretch():
    long_title = ("The Quiet Harbour review – a slow, luminous portrait of a fishing town "
                  "in its last season of boats")
    head = ["Saturday, 14 June, 2025", "FILM TV MUSIC BOOKS STAGE ART", long_title, "June 14, 2025"]
    assert parse_text_page(page(head)).title == long_title
