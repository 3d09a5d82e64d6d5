"""find_quotes on real-feed shapes (issue 11): a capitalised plural common noun that
opens a sentence ("Critics say", "Wardens were told") is a group described, not a
person's name; a quotation introduced by a passive label ("Billed as “...”") is the
writer's, not the speaker of the next clause's."""

from __future__ import annotations

from newsreader.ingest.pipeline import analyse
from tests.unit.quoted import said


def test_a_plural_noun_opening_a_sentence_is_a_group_in_lower_case():
    text = ("The tramway reopened on Monday. Commuters describe the new timetable as “a slow "
            "joke,” and the union agrees.")
    assert said(text) == [("a slow joke,", "commuters", "Commuters")]


def test_a_group_gets_no_speaker_key():
    text = "Economists say the forecast is “far too rosy” for a country this indebted."
    quotes, keys = analyse(text)
    assert [q.speaker for q in quotes] == ["economists"] and keys == (None,)


def test_a_bare_group_is_not_the_name_before_it_and_keeps_no_time_phrase():
    text = ("The next target is Brindlemark. Inspectors last week threatened to close the "
            "depot unless it removes “unsafe stock” from the yard.")
    assert said(text) == [("unsafe stock", "inspectors", "Inspectors")]


def test_a_surname_ending_like_a_plural_stays_a_name():
    text = ("Councillor Rhian Walters spoke at the meeting. "
            "Walters said the budget was “nowhere near enough”.")
    assert [s for _q, s, _m in said(text)] == ["Rhian Walters"]


def test_a_label_given_by_an_opening_passive_phrase_is_no_ones():
    text = ("Introduced as a coveted “one more thing,” Dana Hill and Omar Reyes praised the "
            "speaker, saying it would “fill the room”.")
    got = said(text)
    assert got[0] == ("one more thing,", None, None) and got[1][1] is not None  # (the frame's own speaks)


def test_an_opening_participle_without_as_still_lets_the_frame_speak():
    text = "Asked about the delay, Dana Hill said the launch was “weeks away”."
    assert said(text) == [("weeks away", "Dana Hill", "Dana Hill")]


def test_staff_named_by_their_employer_are_the_group_not_the_employer():
    text = ("More than a thousand current Brindlemark employees have signed a letter to the board, asking for "
            "the founder's return “in an operational role.”")
    assert [s for _q, s, _m in said(text)] == ["Brindlemark employees"]


def test_a_name_before_a_people_word_stays_capitalised():
    text = "Brindlemark engineers said the rollout was “rushed”."
    assert [s for _q, s, _m in said(text)] == ["Brindlemark engineers"]


def test_a_sentence_adverb_is_no_institution_for_the_company():
    text = ("Brindlemark is testing the feature, he said.\n\n    4/ Therefore, it will take time.\n\n"
            "But the company has said it intends to make some “labs” features available to everyone.")
    assert [s for q, s, _m in said(text) if q == "labs"] != ["Therefore"]
