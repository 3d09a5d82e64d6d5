"""The saved-page cleaner on page structures found in real dumps: stray tags, headlines among
furniture, comment threads, teaser cards, articles cut by boxes, pages without full stops,
dates in several languages. Every page here is written for these tests."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsreader.errors import IngestError
from newsreader.ingest.detect import sniff
from newsreader.ingest.pipeline import parse_document
from newsreader.ingest._textpage_lines import classify, split_lines
from newsreader.ingest._textpage_stretch import split_at_gaps
from newsreader.ingest._textpage_meta import is_date_line
from newsreader.ingest.textpage import parse_text_page

NAV = ["Home", "News", "Sport", "Weather", "Business", "Culture", "Subscribe", "Sign in"]
TITLE = "Lighthouse keepers return to Corran Point after forty years"
BODY = [
    "The lighthouse at Corran Point will have keepers living in it again from next spring, forty "
    "years after the last family left, the trust that owns the tower said on Thursday.",
    "Two keepers will share the work of guiding visitors, recording the weather and looking after "
    "the lamp, which was automated in 1985 and has been tended since by a crew from the mainland.",
    "The trust said the lighthouse keepers would also run a small museum in the old store rooms, "
    "where the logbooks kept at Corran Point since 1860 will be shown for the first time.",
    "Residents of the village below the lighthouse welcomed the plan, saying the tower had felt "
    "empty since the keepers left and that visitors often asked who had lived there.",
]
FOOT = ["Share this article", "Facebook", "Twitter", "© 2025 The Corran Herald. All rights reserved."]


def page(head: list[str], body: list[str] = BODY, tail: list[str] = FOOT) -> str:
    return "\n\n".join([*head, *body, *tail]) + "\n"


# --- refused pages ------------------------------------------------------------------


PIXEL = '<img src="https://stats.example.net/p.gif?id=7" width="1" height="1" alt="" />'


def test_a_text_dump_under_a_stray_tag_is_text_not_html():
    text = PIXEL + "\n" + page([*NAV, TITLE])
    assert sniff(text.encode(), "saved.txt") == "text"
    kind, article = parse_document(text.encode(), "saved.txt")
    assert (kind, article.title) == ("text", TITLE)
    assert "<img" not in article.body


@pytest.mark.parametrize("doc", [
    b"<div><p>One paragraph.</p>\n<p>Another paragraph of the page.</p></div>",
    b"<html><body><p>Hello</p></body></html>",
    b"<!DOCTYPE html>\n" + page([*NAV, TITLE]).encode(),
])
def test_markup_with_structure_is_still_html(doc):
    assert sniff(doc, "page.html") == "html"


def test_a_txt_file_the_html_reader_finds_nothing_in_goes_to_the_text_cleaner(monkeypatch):
    import newsreader.ingest.htmlpage as htmlpage

    def nothing(data, url=None):
        raise IngestError("no article text found in the HTML page")

    monkeypatch.setattr(htmlpage, "parse_html_page", nothing)
    text = "<html>\n" + page([*NAV, TITLE])  # markup enough to sniff as HTML
    assert sniff(text.encode(), "saved.txt") == "html"
    kind, article = parse_document(text.encode(), "saved.txt")
    assert kind == "text" and article.title == TITLE
    with pytest.raises(IngestError, match="HTML page"):
        parse_document(text.encode(), "saved.html")  # a file named as HTML keeps the HTML reader's word


def test_a_page_without_a_full_stop_is_read_not_refused():
    post = "Photographs from the harbour festival on Saturday with the boats lit up after dark"
    article = parse_text_page(page([*NAV, "Harbour festival in pictures", "June 2, 2025"], [post]))
    assert article.body == post
    with pytest.raises(IngestError):
        parse_text_page("\n\n".join(NAV))  # menus alone are still no article


# --- headlines ------------------------------------------------------------------------


def test_the_headline_is_the_heading_whose_words_come_back_in_the_lead():
    head = [*NAV, "Most read", "Council approves new bus lanes for the high street",
            "Storm warning issued for the west coast", "Weather", TITLE, "By Ann Lee", "June 2, 2025"]
    assert parse_text_page(page(head)).title == TITLE


def test_a_section_label_the_menus_repeat_is_no_headline():
    head = ["News", "Local News", "News Home", "Local", "Local - News", "Lighthouse News",
            TITLE, "June 2, 2025"]
    assert parse_text_page(page(head)).title == TITLE


def test_a_title_bar_is_no_headline_when_the_headline_stands_alone():
    for bar in (f"{TITLE} | The Corran Herald", f"The Corran Herald - {TITLE}"):
        article = parse_text_page(page([bar, *NAV, TITLE, "June 2, 2025"]))
        assert article.title == TITLE, bar


def test_the_headline_over_its_standfirst_leads():
    dek = "The trust that owns the tower says the keepers will also run a museum in the old store rooms"
    article = parse_text_page(page([*NAV, TITLE, "Updated 3 hours ago", dek, "By Ann Lee"]))
    assert article.title == TITLE


def test_share_lines_captions_and_dates_are_no_headline():
    head = [*NAV, "Share on Facebook Share on Twitter Email", "Image 1 of 5",
            "Photo: The lamp room at Corran Point. (Corran Herald)", "Thursday, June 2, 2025"]
    article = parse_text_page(page([*NAV, TITLE, *head]))
    assert article.title == TITLE


def test_a_headline_whose_words_the_lead_does_not_repeat_sits_over_the_byline():
    pun = "Bright future for an old flame"
    article = parse_text_page(page([*NAV, "Newsletter sign-up", pun, "ANN LEE"]))
    assert article.title == pun


def test_a_trails_section_with_a_byline_further_down_is_no_headline():
    # the trail ends in a section, not the headline; the byline belongs to the heading over it
    headline = "Keepers tell of the return"
    head = [*NAV, "Home > News > Lighthouse - Wire", "Lighthouse - Wire", "print email", headline,
            "By ANN LEE", "Corran Herald"]
    assert parse_text_page(page(head)).title == headline


def test_a_short_headline_over_a_long_standfirst_is_the_headline():
    headline = "A light in the window once more"
    dek = ("Trust to put two keepers in the lighthouse tower at Corran Point again, forty years after "
           "the last family left")
    assert parse_text_page(page([*NAV, headline, dek, "By Ann Lee", "June 2, 2025"])).title == headline


def test_a_series_label_over_a_long_headline_is_not_taken_for_it():
    label = "Coastlines: keepers of the lighthouse towers"
    article = parse_text_page(page([*NAV, label, TITLE, "By Ann Lee", "June 2, 2025"]))
    assert article.title == TITLE


def test_a_title_bar_with_the_sites_name_and_a_colon_is_no_headline():
    for bar in (f"The Corran Herald: {TITLE}", f"{TITLE} : Coast News"):
        article = parse_text_page(page([bar, "Go to the front page", TITLE, "2 days ago"]))
        assert article.title == TITLE, bar


def test_share_buttons_run_into_the_headline_are_cut_from_it():
    article = parse_text_page(page([*NAV, TITLE + " Save Email Print", "Posted: June 2, 2025"]))
    assert article.title == TITLE


def test_a_headline_with_one_word_of_site_furniture_or_a_camel_cased_name_is_still_a_headline():
    for headline in ("Home for lighthouse keepers", "eBike trail opens to Corran Point lighthouse"):
        article = parse_text_page(page([*NAV, "Most read", "Storm warning issued for the west coast",
                                        headline, "By Ann Lee", "June 2, 2025"]))
        assert article.title == headline


def test_the_headline_said_again_in_a_share_line_is_not_body():
    article = parse_text_page(page([*NAV, TITLE, "June 2, 2025", "Share all options for: " + TITLE]))
    assert article.title == TITLE
    assert article.body.split("\n\n") == BODY


# --- comment threads and teaser cards ---------------------------------------------------


def _comments(n: int) -> list[str]:
    out = [f"{n} responses to “{TITLE}”"]
    for k in range(n):
        out += [f"Reader {k} says:", f"June {k + 2}, 2025 at 4:1{k} pm",
                f"I grew up near the point and remember watching the lamp from my bedroom window "
                f"every night, so this is wonderful news for all of us in the village, number {k}.",
                "Reply"]
    return out


def test_a_comment_thread_is_not_kept_after_the_article():
    article = parse_text_page(page([*NAV, TITLE, "June 2, 2025"], BODY, _comments(3) + FOOT))
    assert article.body.split("\n\n") == BODY


def test_a_long_comment_thread_does_not_win_over_a_short_article():
    article = parse_text_page(page([*NAV, TITLE, "June 2, 2025"], BODY[:2], _comments(8) + FOOT))
    assert article.body.split("\n\n") == BODY[:2]
    assert article.title == TITLE


TEASERS = [
    ("Ferry timetable changes from Monday", "The island ferry will leave twenty minutes earlier on "
     "weekdays from Monday, the operator said, because of work on the harbour wall at Elm Quay."),
    ("School choir wins national prize", "Pupils from the primary school in Dunmore sang their way "
     "to first place at the national children's choir competition in Cardiff on Saturday night."),
    ("New bakery opens on the square", "A family bakery selling sourdough and oat cakes opened on "
     "the market square this week in the old bank building, which had stood empty since 2019."),
    ("Road closed for bridge repairs", "The coast road between Kilbride and Mossend will be closed "
     "for three weeks while engineers replace the joints of the river bridge near the mill."),
]


def test_teaser_cards_appended_to_an_article_are_not_body():
    cards = ["More from the Herald"]
    for headline, teaser in TEASERS:
        cards += [headline, "Local news", teaser]
    article = parse_text_page(page([*NAV, TITLE, "June 2, 2025"], BODY, cards + FOOT))
    assert article.body.split("\n\n") == BODY


def test_teaser_cards_outweighing_a_short_article_do_not_win():
    cards = []
    for k, (headline, teaser) in enumerate(TEASERS):
        cards += [headline, f"June {k + 3}, 2025", teaser + " " + teaser]
    article = parse_text_page(page([*NAV, TITLE, "June 2, 2025"], BODY[:2], cards + FOOT))
    assert article.body.split("\n\n") == BODY[:2]


# --- articles cut short -----------------------------------------------------------------


def test_an_article_cut_by_a_box_of_furniture_is_joined_back_without_the_box():
    box = ["Visitor numbers", "2019", "2020", "2021", "2022", "2023", "12,400", "9,100", "15,800",
           "Source: Corran Lighthouse Trust", "Read more: the last keepers of Corran Point",
           "Watch: inside the lamp room"]
    article = parse_text_page(page([*NAV, TITLE, "June 2, 2025"], BODY[:3] + box + BODY[3:]))
    assert article.body.split("\n\n") == BODY


def test_an_article_cut_by_a_video_player_with_its_own_sentences_is_joined_back():
    controls = ["Play Video", "Play", "Mute", "Current Time 0:00", "/", "Duration Time 0:00", "Loaded: 0%",
                "Progress: 0%", "Remaining Time -0:00", "Share", "Playback Rate", "1", "Chapters",
                "Descriptions", "Subtitles", "Captions", "Fullscreen"]
    dialog = ["Foreground", "Background", "Window", "Font Size", "Text Edge Style", "Font Family",
              "Defaults Done", "Close"]
    player = [*controls, "This is a modal window.", *dialog,
              "This is a modal window. This dialog can be closed with the Escape key.", "Lamp room tour"]
    article = parse_text_page(page([*NAV, TITLE, "June 2, 2025"], BODY[:2] + player + BODY[2:]))
    paragraphs = article.body.split("\n\n")
    assert [p for p in paragraphs if p in BODY] == BODY  # the prose beyond the player is joined back
    assert not set(paragraphs) & {*controls, *dialog, "This is a modal window."}


def test_an_article_cut_by_a_long_chart_is_joined_back_without_its_labels():
    years = ["’%02d" % y for y in range(10, 30)]
    chart = ["Visitors to the lighthouse each year", *years, "12,400", "9,100", "15,800", "0", "5,000",
             "10,000", "15,000", "Visitors to the lighthouse each year", *years, "Source: Corran Lighthouse Trust"]
    assert len(chart) > 40
    article = parse_text_page(page([*NAV, TITLE, "June 2, 2025"], BODY[:3] + chart + BODY[3:]))
    assert article.body.split("\n\n") == BODY


def test_another_story_beyond_a_gap_is_not_joined():
    other = ["Related stories", *["Item %d of the list" % k for k in range(9)],
             "The county council has approved a plan to resurface every road in the northern "
             "district before winter, at a cost of four million pounds over two years."]
    article = parse_text_page(page([*NAV, TITLE, "June 2, 2025"], BODY, other + FOOT))
    assert article.body.split("\n\n") == BODY


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "day"), [
    ("Publié le 24 novembre 2017 à 18:42", (2017, 11, 24)),
    ("21.dez.2018 às 12h55", (2018, 12, 21)),
    ("12 de diciembre de 2018", (2018, 12, 12)),
    ("Aktualisiert am 3. März 2024", (2024, 3, 3)),
    ("2017年03月10日 08:51", (2017, 3, 10)),
    ("10.15.15", (2015, 10, 15)),
    ("10.15.2015", (2015, 10, 15)),
])
def test_dates_in_other_languages_and_forms(line, day):
    assert parse_text_page(page([*NAV, TITLE, line])).published == datetime(*day, tzinfo=timezone.utc)


def test_ambiguous_short_dates_say_nothing():
    assert parse_text_page(page([*NAV, TITLE, "Posted 03.04.25"])).published is None
    assert parse_text_page(page([*NAV, TITLE, "Posted 03/04/2025 08:00"])).published is None


@pytest.mark.parametrize("line", ["03/09/2010 08:00 am ET", "Updated 3/9/10 8:00 PM EST", "03/09/2010 10:15 PDT"])
def test_a_slashed_date_beside_an_american_time_zone_is_month_first(line):
    assert parse_text_page(page([*NAV, TITLE, line])).published == datetime(2010, 3, 9, tzinfo=timezone.utc)


def test_a_byline_day_without_its_year_takes_the_pages_year():
    head = [*NAV, TITLE, "By Ann Lee June 2 at 4:10 PM"]
    assert parse_text_page(page(head)).published == datetime(2025, 6, 2, tzinfo=timezone.utc)
    foot = ["Copyright 2019 The Corran Herald"]
    assert parse_text_page(page(head, BODY, foot)).published == datetime(2019, 6, 2, tzinfo=timezone.utc)


ABOUT_US = [
    "We are an independent newsroom owned by our readers, and every one of our reporters lives "
    "in the towns we cover, which is why we can tell you what happens on your street before anyone else.",
    "Our journalism is free to read because members pay what they can each month; members also "
    "get our weekend magazine, early tickets to our events and a vote on the stories we pursue next year.",
    "If you would like to support independent local reporting, becoming a member takes two minutes "
    "and you can stop at any time; thank you to the thousands of people who already do so every month.",
]


def test_a_short_article_under_its_head_wins_over_a_longer_block_of_furniture():
    menus = ["Most read", *(headline for headline, _ in TEASERS), "Sections", "Local", "Culture", "About us"]
    text = page([*NAV, TITLE, "By Ann Lee", "June 2, 2025"], BODY[:2], menus + ABOUT_US + FOOT)
    article = parse_text_page(text)
    assert article.title == TITLE
    assert article.body.split("\n\n") == BODY[:2]


@pytest.mark.parametrize("caption", [
    "Keepers will live in the lighthouse tower at Corran Point again from next spring. John Smith",
    "The trust that owns the lighthouse tower at Corran Point said keepers would return.AFP",
])
def test_a_caption_with_its_pictures_credit_is_no_headline(caption):
    # right over the date and sharing the lead's words where the headline plays on words,
    # the caption would read as the headline but for its credit
    headline = "A light in the window once more"
    article = parse_text_page(page([*NAV, headline, "By Ann Lee", caption, "June 2, 2025"]))
    assert article.title == headline


def test_a_headline_ending_in_a_titled_name_is_no_caption():
    headline = "Lighthouse trust thanks keepers' champion Rep. Ann Lee"
    article = parse_text_page(page([*NAV, headline, "By Tom Reid", "June 2, 2025"]))
    assert article.title == headline


def test_a_breadcrumb_run_into_the_headline_is_cut_when_the_page_gives_it_bare():
    glued = "HomeNews" + TITLE
    head = [*NAV, glued, "By Ann Lee", "June 2, 2025", "Share this article", TITLE]
    assert parse_text_page(page(head)).title == TITLE
    # without the bare headline nearby there is nothing to say where the crumbs end
    assert parse_text_page(page([*NAV, glued, "By Ann Lee", "June 2, 2025"])).title == glued


def test_a_series_label_set_before_the_headline_with_a_colon_is_not_cut_as_a_crumb():
    from newsreader.ingest._textpage_head import unglued
    from newsreader.ingest._textpage_lines import split_lines

    for front, kept in (("Keepers' Diary: ", True), ("HomeNews", False), ("Home News ", False)):
        lines = split_lines("\n\n".join([front + TITLE, "By Ann Lee", TITLE]))
        assert unglued(lines, 0) == (front + TITLE if kept else TITLE)


def test_a_headline_that_asks_over_its_byline_is_the_headline_not_the_first_body_line():
    question = "Will the keepers of the Corran Point lighthouse ever come back to the tower?"
    dek = "The trust says two keepers will share the work of guiding visitors."
    for head in ([question, "By Ann Lee", "June 2, 2025"], [question, dek, "By Ann Lee · June 2, 2025"]):
        article = parse_text_page(page([*NAV, *head]))
        assert article.title == question, head
        assert article.body.split("\n\n")[0] == BODY[0]


def test_a_question_headline_under_its_title_bar_with_a_long_byline_and_date_line_is_the_headline():
    # the page's "Headline? | Site" bar opens the prose, a section label under it, then the
    # headline, the standfirst and a byline row long enough to read as a heading
    question = "Will the keepers of the Corran Point lighthouse ever come back to the tower?"
    head = [question + " | Corran Herald Loaded", "Coast", question,
            "The trust says two keepers will share the work of guiding visitors, recording the weather.",
            "Ann Lee · Corran Herald · Posted: June 2, 2025 4:00 AM BST | Last Updated: June 3, 2025"]
    article = parse_text_page(page([*NAV, "About the Herald", "Our Journalism", *head]))
    assert article.title == question


def test_a_search_title_that_asks_over_a_kicker_leaves_the_question_headline_under_them():
    # the search engine's title (a question) opens the prose, then a kicker, the headline (a
    # question too) and a standfirst that states two sentences before its own question; the
    # logo's text given twice is no headline either
    question = "Keepers at Corran Point: back for good or only for a summer?"
    head = ["Lighthouse keepers: home at Corran Point – will they stay this time?", "Coast", question,
            "Corran. The trust has found two keepers for the tower. But will they stay longer than a summer?",
            "Ann Lee", "By Ann Lee, reporter", "02.06.2025, 09:58"]
    assert parse_text_page(page([*NAV, "Logo Corran Herald Logo Corran Herald", *head])).title == question


def test_a_standfirst_that_states_sentences_before_its_question_is_no_headline():
    headline = "Keepers at Corran Point: back for good"
    head = [headline, "Corran. The trust has found two keepers for the lighthouse. But will they stay "
            "longer than a summer?", "By Ann Lee, reporter", "02.06.2025, 09:58"]
    assert parse_text_page(page([*NAV, *head])).title == headline
    # a short headline may still state before it asks
    short = "Keepers leave. Who will tend the lamp?"
    assert parse_text_page(page([*NAV, short, "By Ann Lee", "June 2, 2025"])).title == short


def test_a_headline_closing_a_guillemet_quotation_is_no_link_arrow():
    from newsreader.ingest._textpage_lines import split_lines
    from newsreader.ingest._textpage_title import _candidate

    quoted = "Keepers warn the trust of « the state of the tower at Corran Point »"
    lines = split_lines("\n\n".join([quoted, "Back to the front page »", "‹ Previous story"]))
    assert [_candidate(ln) for ln in lines] == [True, False, False]
    # kept among furniture: the account prompt under the byline is no headline
    head = [quoted, "The trust said the keepers would share the work.", "By Ann Lee", "June 2, 2025",
            "Save this article", "Already have an account ?", "Sign in", "Already have an account ?"]
    assert parse_text_page(page([*NAV, *head])).title == quoted


def test_a_related_story_card_over_the_body_gives_its_byline_no_weight():
    # "On the same subject" cards of headline and byline sit between the article's head (far
    # up, a headline that plays on few of the lead's words) and its body
    headline = "A new family for the old lamp on the headland"
    furniture = ["Share", "Print this article", "Read in zen mode", "Font size", "Listen", "Comments",
                 "Save for later", "Gift this article", "Follow the Herald", "Newsletter", "Our podcasts",
                 "Corrections", "Puzzles", "Crosswords", "Obituaries", "Events", "Jobs", "Archive",
                 "Contact us", "Advertise", "Careers", "Print edition"]
    cards = ["On the same subject", "Storm damage closes the harbour road below Corran Point", "By Tom Hart",
             "Interview", "Trust chief: « the lighthouse keepers will bring visitors back »", "By Rose Bell"]
    head = [headline, "By Ann Lee", "June 2, 2025", *furniture, *cards]
    assert parse_text_page(page([*NAV, *head])).title == headline


def test_a_kicker_chosen_over_the_headline_gives_way_to_the_headline_under_it():
    from newsreader.ingest._textpage_lines import split_lines
    from newsreader.ingest._textpage_title import _under_kicker

    headline = 'Keepers back at Corran Point: "We never really left it. It waited for us"'
    lines = split_lines("\n\n".join(["Corran Point", headline, "Corran Point", "Storm warning tonight"]))
    # the headline says at least as much of the lead: the kicker gives way; a headline that
    # says less, or a kicker of a headline's length, stays
    assert _under_kicker(lines, 0, {0: 1.0, 1: 2.0}) == 1
    assert _under_kicker(lines, 0, {0: 2.0, 1: 1.0}) == 0
    assert _under_kicker(lines, 1, {1: 2.0, 2: 2.0}) == 1
    assert _under_kicker(lines, 2, {2: 1.0, 3: 1.0}) == 2  # the line under it is no longer by enough


_AD_SLOT = ["Advertisement 2", "Story continues below",
            "This advertisement has not loaded yet, but your article continues below.", "Article content"]
_MORE = ["The keepers will also cook for visitors: the trust is turning the old store rooms at Corran Point "
         "into a small cafe with a menu of fish landed in the harbour each morning.",
         "Bread will be baked in the village, and the garden walls of the tower were repaired by masons "
         "who learned the craft on the harbour wall last summer, the trust said."]


@pytest.mark.parametrize("box", [
    ["Loading...", "We apologize, but this video has failed to load.", "Try refreshing your browser.",
     "Close sticky video"],
    ["Newsletter", "Sign up", "By signing up you consent to receive the above newsletter from Corran Media Inc."],
])
def test_an_advert_slot_that_says_the_article_continues_below_is_crossed(box):
    # a video player or a newsletter box next to the slot would end the article, and the part
    # under it shares too few words with the part above to be joined on its words alone
    text = page([*NAV, TITLE, "By Ann Lee", "June 2, 2025"], [*BODY[:2], *box, *_AD_SLOT, *_MORE])
    assert parse_text_page(text).body.split("\n\n") == [*BODY[:2], *_MORE]


_SIGN_UP = ["Get the Herald's morning briefing with the day's news, weather and sport from around the county.",
            "Sign up", "By signing up you consent to receive the above newsletter from Corran Media Inc.",
            "Interested in more newsletters? Browse here.", "Article content", "Advertisement 3",
            "This advertisement has not loaded yet, but the article goes on", "Article content",
            "harbour, boats, pier", "Article content"]


def test_a_newsletter_and_advert_gap_does_not_split_the_article_like_a_teaser_list():
    # the gap's long lines are notices, not headlines of other stories: the stretch is not cut
    # there, so the article above the sign-up box is not left out
    text = page([*NAV, TITLE, "By Ann Lee", "June 2, 2025"], [*BODY[:2], *_SIGN_UP, *BODY[2:], *_MORE])
    lines = split_lines(text)
    for ln in lines:
        classify(ln, is_date_line)
    texts = [ln.text for ln in lines]
    s, e = texts.index(BODY[0]), texts.index(_MORE[-1])  # a stretch across the box
    assert split_at_gaps(lines, s, e) == (s, e)


_MOST_READ = ["Popular this week", "Travel", "Ten quiet beaches to visit before the summer crowds arrive",
              "By Tom Hale", "Food", "The bakery that sells out of sourdough before seven each morning",
              "By Mia Park", "Homes", "A cottage made from an old ferry goes on sale for the first time",
              "By Ray Cole"]
_LATER = ["Inside the lighthouse, the spiral stair of iron climbs past small rooms painted white, each with "
          "one window looking over the sea toward the islands, where the keepers once slept.",
          "Volunteers from the trust have spent the winter sanding the brass fittings of the lighthouse, "
          "oiling hinges and clearing nests from the gallery, so that the first visitors can climb to the "
          "lamp in April."]


def test_a_box_the_page_repeats_between_paragraphs_does_not_end_the_article():
    # the same box of popular stories stands twice inside the article: the page's furniture dropped
    # between paragraphs, so the prose past it is joined although it shares fewer words
    text = page([*NAV, TITLE, "By Ann Lee", "June 2, 2025"],
                [*BODY, *_MOST_READ, _LATER[0], *_MOST_READ, _LATER[1]])
    assert parse_text_page(text).body.split("\n\n") == [*BODY, *_LATER]
