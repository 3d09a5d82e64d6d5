"""find_quotes: where a quotation starts and ends, on sentences written for these tests."""

from __future__ import annotations

from tests.unit.quoted import said


def quoted(text: str) -> list[str]:
    return [q for q, _, _ in said(text)]


def test_the_space_before_a_closing_mark_is_no_part_of_the_quotation():
    # a nested quotation's mark, a space, then the closing mark (a typesetting habit)
    text = ("\"We call it the 'harbour tax,' \" said Ola Brenn, a fisherman.\n\n"
            "''Nobody wants the 'night ferry,' '' the captain said.\n\n"
            "\"The bridge will open in May, \" Mayor Ines Roa said.")
    assert quoted(text) == ["We call it the 'harbour tax,'", "Nobody wants the 'night ferry,'",
                            "The bridge will open in May,"]


def test_a_straight_opening_mark_may_close_with_a_left_curly_mark_after_a_word():
    text = ("\"The tolls will rise next year,“ said Ola Brenn, a fisherman. "
            "\"We cannot pay them.“\n\n"
            "The council did not reply.")
    assert quoted(text) == ["The tolls will rise next year,", "We cannot pay them."]



def test_a_short_quotation_in_a_clause_a_speech_verb_reports_is_a_quotation():
    text = ("The harbour plan went to the council on Monday. Her chief aide, Jon Vale, calls the plan "
            "a “blueprint” for the town. Ola Brenn told reporters the delays were “bureaucratic” at best.")
    assert [(q, who) for q, who, _ in said(text)] == [("blueprint", "Jon Vale"), ("bureaucratic", "Ola Brenn")]


def test_a_short_quotation_without_a_verb_of_speech_or_with_a_passive_one_is_none():
    text = ("The “express” lane opened on Monday. The mayor is said to be “furious” about it. "
            "Drivers used what is called a “zipper” merge.")
    assert said(text) == []


def test_a_line_wholly_in_single_marks_is_a_subheading_where_quotations_take_double_marks():
    text = ("The ferry will stop in May, the council said on Monday.\n\n"
            "\"We have no money left,\" said Ola Brenn, who chairs the board.\n\n"
            "'A decision nobody wanted.'\n\n"
            "\"It is a sad day for the island,\" said Ines Roa, a fisherman.")
    assert quoted(text) == ["We have no money left,", "It is a sad day for the island,"]
    # where single marks are the article's quotation marks, such a line is a quotation
    british = text.replace('"', "'").replace("'A decision nobody wanted.'", "'We will fight it.'")
    assert "We will fight it." in quoted(british)


def test_a_title_with_short_lower_case_words_after_a_title_slot_is_no_quotation():
    text = ("Ines Roa was the first guest on “Breakfast with Ola Brenn.” "
            "\"I talked about the ferry,\" Roa said later.")
    assert quoted(text) == ["I talked about the ferry,"]


def test_a_title_set_off_by_a_comma_after_its_noun_is_no_quotation():
    text = ("Ola Brenn wrote about the ferry in her memoir, “Salt and Timetables.” "
            "\"I loved that boat,\" Brenn said on Monday.")
    assert quoted(text) == ["I loved that boat,"]


def test_words_a_crowd_calls_out_are_quoted_speech_not_a_title():
    text = ("Ola Brenn walked on stage to chants of “Ferry Now, Ferry Now” from the harbour crowd. "
            "The band then played the chorus of “Salt Road Blues” twice.")
    assert quoted(text) == ["Ferry Now, Ferry Now"]


def test_a_single_mark_after_an_s_closes_before_a_wh_word():
    # "terms’ where" is no plural possessive: the quotation ends at the mark
    text = ("Ola Brenn said the council had set ‘new terms’ where the ferry was concerned, "
            "and the board called it ‘a dreadful idea from the start’ on Monday.")
    assert quoted(text)[:1] == ["new terms"]


def test_a_quotation_in_double_marks_inside_another_is_part_of_it():
    text = ("Ola Brenn said that “the board kept its “harbour list” secret until May” and left. "
            "Ines Roa said “the ferry is safe.”")
    assert quoted(text) == ["the board kept its “harbour list” secret until May", "the ferry is safe."]


def test_no_one_reports_a_short_quotation_after_an_adjective_a_passive_or_a_participle_naming_it():
    text = ("The proposed regulation would close the “family glitch” in the law. "
            "Bakers sell a cross of doughnut and muffin; it's called a “duffin” in the trade. "
            "Each clerk has a handheld device called an “ibis” for stock. "
            "Ola Brenn also called the plan “a mistake” on Monday.")
    assert quoted(text) == ["a mistake"]


def test_a_left_curly_mark_followed_by_a_space_opens_where_a_right_mark_follows():
    text = ("The Courier reported, “ … if the vote were held today, the ferry would stay,” "
            "and Ola Brenn agreed. Nobody said “ so.")
    assert quoted(text) == ["… if the vote were held today, the ferry would stay,"]
