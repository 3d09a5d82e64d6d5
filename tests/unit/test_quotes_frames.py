"""find_quotes: more frame shapes from real reporting, each on sentences written for it."""

from __future__ import annotations

from tests.unit.quoted import said


def test_according_to_a_described_source_is_that_source():
    text = "Over ten years, according to the budget office, the gap “is mainly down to ageing.”"
    assert said(text) == [("is mainly down to ageing.", "the budget office", "the budget office")]
    text = "According to the newsletter, “the mill will close in May.”"
    assert said(text)[0][2] == "the newsletter"


def test_according_to_a_name_keeps_the_name():
    text = "According to Halvard Tønnesen, “the mill will close in May.”"
    assert said(text)[0][1] == "Halvard Tønnesen"


def test_a_lone_quotation_does_not_take_the_frame_of_the_next_quotation():
    text = ("“We are tenants,” Mira Olsen said. “We are not squatters.” "
            "Karl Berg said: “The landlord changed the locks.”")
    assert [s for _, s, _ in said(text)] == ["Mira Olsen", "Mira Olsen", "Karl Berg"]


def test_a_person_set_off_by_commas_after_a_possessive_title():
    text = "“We read every letter,” Orrin’s chief human resources officer, Ana Ruiz, told the Herald."
    assert said(text)[0][1:] == ("Ana Ruiz", "Ana Ruiz")


def test_an_organisation_after_a_persons_role_phrase_is_where_she_works():
    text = ("Tove Lind, the editor of the city’s oldest paper, The Courier, said every mayor "
            "was “both a builder and a talker.”")
    assert said(text)[0][1] == "Tove Lind"
    text = "The developer, Northgate Holdings, said the plan was “final.”"
    assert said(text)[0][1] == "Northgate Holdings"


def test_upon_saying_takes_the_main_clauses_subject():
    text = "Mira Olsen stunned Karl Berg upon saying, “The rent will rise.”"
    assert said(text)[0][1] == "Mira Olsen"


def test_a_noun_like_speech_verb_after_a_document_or_role_phrase():
    assert said("The memo claims “the ferry will run all winter.”")[0][2] == "The memo"
    assert said("The spokeswoman notes “a sharp fall in sales.”")[0][2] == "The spokeswoman"
    assert [s for _, s, _ in said("Her notes “were lost in the move.”")] == [None]
