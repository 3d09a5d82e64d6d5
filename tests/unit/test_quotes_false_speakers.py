"""find_quotes: no false speakers (issue 11, point 7). A speaker is never a place, a
product or a headline; a description resolves to the institution the text names."""

from __future__ import annotations

from tests.unit.quoted import said


def test_a_place_keeps_its_first_word_after_in_and_is_no_appositive():
    text = ("Lena Marsh met Oskar Brandt on the margins of the assembly in New York, "
            "a US official told reporters, in talks called “direct and honest”.")
    assert said(text) == [("direct and honest", "US official", "a US official")]


def test_a_place_keeps_its_first_word_at_a_sentence_start():
    text = "New York officials said the storm was “the worst in years”, the mayor added."
    assert [s for _q, s, _m in said(text)] != ["York"]


def test_a_newspaper_named_after_a_city_keeps_the_city_whole():
    text = "According to The New York Times, the talks were “tense”, it said."
    assert [s for _q, s, _m in said(text)] == ["New York Times"]


def test_a_role_after_a_place_of_a_preposition_is_not_the_places():
    text = "The deal was signed at Harbour Point, the envoy said, calling it “historic”."
    assert said(text) == [("historic", "envoy", "the envoy")]


def test_a_word_used_alone_as_a_name_is_not_the_first_word_of_a_place():
    text = ("Corvia says its event is full. Corvia plans to invite students to Corvia Park. "
            "Corvia says that it is putting together a “special day” for them.")
    assert [s for _q, s, _m in said(text)] == ["Corvia"]


def test_a_title_case_headline_run_is_no_long_form_of_its_first_word():
    text = ("Related: Corvia Backtracks on Removing EU Home Screen Web Apps\n\n"
            "Developers wrote to the regulator. Corvia's plans “meet no requirement,” "
            "Dana Whitfield said. Corvia's changes were “a mockery,” Corvia's critics said.")
    assert all("Backtracks" not in (s or "") for _q, s, _m in said(text))


def test_the_company_is_the_one_word_name_used_as_a_business_before_it():
    text = ("After years of requests, Twitter has confirmed it is working on an edit button. "
            "The company said it had been “working on an edit feature since last year.”")
    assert said(text) == [("working on an edit feature since last year.", "Twitter", "The company")]


def test_the_company_is_no_person_named_before_it():
    text = ("After years of requests, Dana Whitfield opened a bakery. "
            "The company said sales were “up a lot”.")
    assert [s for _q, s, _m in said(text)] != ["Dana Whitfield"]


def test_a_product_is_no_speaker_nor_what_he_stands_for():
    text = ("Lars Moen showed it off. A Corvia Slate sat on the desk. Slate Pro owners are happy. "
            "He said it was “the best laptop we have made.”")
    assert [s for _q, s, _m in said(text)] == ["Lars Moen"]
    text = ("Jobs had a plan for the device. The new iTab Pro debuted alongside new Tabs and "
            "Corvia Pros. Unveiling it, he remarked that people would “need nothing else.”")
    assert all(s is None or "Pro" not in s for _q, s, _m in said(text))


def test_a_capital_that_speaks_speaks_as_its_government_does():
    # the place a speaker stands in is no speaker ("to Apple Park", "in New York"); a capital
    # or country as the subject of a speech verb is its government, as places.py says
    text = "Moscow has firmly rejected the plan, calling it “unacceptable.”"
    assert said(text) == [("unacceptable.", "Moscow", "Moscow")]


def test_a_capitalised_head_noun_the_text_also_writes_lower_case_is_a_noun():
    text = ("Rebels say troops fight alongside government forces "
            "Forces in the region said an “all-out offensive” had begun.")
    assert [s for _q, s, _m in said(text)] == ["forces"]


def test_a_description_gets_no_speaker_key_so_the_library_keeps_no_company_speaker():
    from newsreader.analysis.speakers import person_key
    from newsreader.ingest.pipeline import analyse

    text = ("The company said sales were “up a lot”. "
            "“We are pleased,” said Dana Whitfield, its founder.")
    quotes, keys = analyse(text)
    assert [(q.speaker, k) for q, k in zip(quotes, keys)] == [("company", None), ("Dana Whitfield", person_key("Whitfield"))]


def test_a_name_after_a_product_and_a_comma_still_speaks():
    text = "Last year, with the new iTab Pro, Phil Schiller said “you can’t go back.”"
    assert [s for _q, s, _m in said(text)] == ["Phil Schiller"]


def test_the_company_is_no_place_listed_before_it():
    text = ("Growth came from the states of Goa, Karnataka and Kerala. "
            "The company said it saw a “supply growth” of 68%.")
    assert [s for _q, s, _m in said(text)] == ["company"]
