"""find_quotes: short partial quotations inside reported speech, on sentences written for it.

A few of the speaker's own words quoted inside a sentence that reports them are a
quotation given to that sentence's speaker; a title of a work and a scare quote with
no one speaking are not.
"""

from __future__ import annotations

from tests.unit.quoted import said


def test_partial_quote_in_reported_speech_has_the_reporting_speaker():
    text = "Councillor Ines Varga said the ferry plan was “dead on arrival” and would fail."
    assert said(text) == [("dead on arrival", "Ines Varga", "Ines Varga")]


def test_progressive_speech_verb_frames_a_partial_quote():
    # "is telling" is progressive, not a passive: the subject still speaks
    text = "Senator Pol Arnesen is telling a town hall in Vik that the toll is “peanuts,” compared to the fares."
    assert said(text) == [("peanuts,", "Pol Arnesen", "Pol Arnesen")]


def test_calls_after_its_subject_names_the_speakers_word():
    text = "Mayor Ana Lindqvist calls the budget “a disgrace” and wants a new vote."
    assert said(text) == [("a disgrace", "Ana Lindqvist", "Ana Lindqvist")]


def test_what_she_called_gives_the_sentence_subject_as_the_mention():
    text = "Ana Lindqvist railed on Monday against what she called the “harbour cartel.”."
    assert said(text) == [("harbour cartel.", "Ana Lindqvist", "Ana Lindqvist")]


def test_a_frame_before_a_later_quotation_belongs_to_the_first():
    text = ("The toll’s “excesses” are shameful, Pol Arnesen said Tuesday in Vik, "
            "noting the scheme “makes drivers want to walk.”")
    got = said(text)
    assert got[0] == ("excesses", "Pol Arnesen", "Pol Arnesen")
    assert got[1][1] == "Pol Arnesen"


def test_continuing_to_is_no_speech_frame_for_a_product_name():
    text = "Orrin Labs is continuing to build out its “TideKit” support before the season starts."
    assert said(text) == []


def test_title_of_a_work_is_no_quotation():
    text = "Ines Varga said she rereads the novel “Blue Harbour” every summer."
    assert said(text) == []


def test_so_called_scare_quote_without_a_speaker_is_no_quotation():
    text = "The so-called “experts” were wrong again about the ferry timetable."
    assert said(text) == []
