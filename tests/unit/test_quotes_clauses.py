"""find_quotes: the speaker mention is the subject of the clause the cue is in, on
sentences written for it (a relative pronoun, a coordinated verb, a participle)."""

from __future__ import annotations

from tests.unit.quoted import said


def test_a_relative_pronoun_after_a_name_is_the_mention_and_the_name_resolves_it():
    text = ("The ferry board met on Monday. Among its critics was Marta Quell, who has in the past "
            "called the timetable “a shambles.”")
    assert said(text) == [("a shambles.", "Marta Quell", "who")]


def test_a_relative_pronoun_past_an_aside_in_commas_is_the_mention():
    text = ("The plan drew fire from Olek Brand, who, at a hearing on Friday, accused the council of "
            "“wasting every penny.”")
    assert said(text) == [("wasting every penny.", "Olek Brand", "who")]


def test_a_relative_pronoun_after_a_role_phrase_stands_for_the_person_described():
    text = ("“We are ready,” said Ines Varga, the port authority's chief engineer, who added that the "
            "cranes were “older than anyone working here.”")
    assert said(text) == [("We are ready,", "Ines Varga", "Ines Varga"),
                          ("older than anyone working here.", "Ines Varga", "who")]


def test_a_relative_clause_inside_an_object_leaves_the_main_subject_speaking():
    text = ("Tomas Ek told a young farmer who suggested giving up that “the land does not forgive quitters.”")
    assert said(text)[0][1] == "Tomas Ek"


def test_a_participle_after_a_relative_clause_belongs_to_the_main_clause():
    text = ("Ana Ruiz refused to pay a builder who said he was owed money, saying, “The work was never finished.”")
    assert said(text) == [("The work was never finished.", "Ana Ruiz", "Ana Ruiz")]


def test_a_verb_after_and_takes_the_subject_of_the_verb_before_it_not_its_object():
    text = ("Ines Varga chaired the meeting. Later, she thanked Olek Brand for his work and said, "
            "“Nobody did more for this harbour.”")
    assert said(text) == [("Nobody did more for this harbour.", "Ines Varga", "she")]


def test_a_verb_after_and_in_a_subordinate_clause_keeps_the_main_subject():
    text = ("Tomas Ek was quick to praise the mayor after she won the vote and said that the port "
            "would be “in safe hands.”")
    assert said(text) == [("in safe hands.", "Tomas Ek", "Tomas Ek")]


def test_two_names_joined_by_and_before_the_verb_are_a_subject():
    text = "Ana Ruiz and Olek Brand said the deal was “a fair one.”"
    assert said(text)[0][0] == "a fair one."
    assert said(text)[0][2] in ("Ana Ruiz", "Olek Brand")


def test_a_lone_quotation_takes_the_frame_closing_the_sentence_before_it():
    text = ("Ines Varga spoke after the vote. Also, Peter Brand is no engineer, she said. "
            "“He has never built a pier.”")
    assert said(text) == [("He has never built a pier.", "Ines Varga", "she")]


def test_a_lone_quotation_after_a_sentence_without_a_speech_verb_keeps_its_subject():
    text = "Ines Varga walked to the pier. “It will hold for another century.”"
    assert said(text) == [("It will hold for another century.", "Ines Varga", "Ines Varga")]


def test_a_credit_line_under_a_quotation_filling_its_paragraph_names_the_speaker():
    text = ("The candidates on the harbour plan, in their own words.\n\n"
            "“Every crane on this quay is older than I am.”\n\n"
            "- Ines Varga.\n\n"
            "“We will rebuild the pier before we rebuild the offices.”\n\n"
            "\u2014 Peter Brand, port director")
    assert [(q, who) for q, who, _ in said(text)] == [
        ("Every crane on this quay is older than I am.", "Ines Varga"),
        ("We will rebuild the pier before we rebuild the offices.", "Peter Brand")]


def test_a_dash_line_that_is_a_sentence_credits_no_one():
    text = "“Every crane on this quay is older than I am.”\n\n- Ines Varga said the cranes are sound."
    assert said(text) == [("Every crane on this quay is older than I am.", None, None)]


def test_a_pronoun_after_initials_opens_a_new_sentence_and_is_the_subject():
    text = ("Peter Brand says the port lost trade to rivals in the U.K. He says the board has been "
            "“asleep at the wheel.”")
    assert said(text) == [("asleep at the wheel.", "Peter Brand", "He")]


def test_initials_inside_a_name_still_run_on():
    text = "“The pier will stand,” said J. R. Ekdahl, the harbour engineer."
    assert said(text)[0][2] == "J. R. Ekdahl"


def test_will_inside_a_sentence_capitalised_is_a_surname_not_the_modal():
    text = ("The columnist Ada Will wrote about the harbour. In her column on Sunday, Will described "
            "the new pier as “a monument to waste.”")
    assert said(text) == [("a monument to waste.", "Ada Will", "Will")]


def test_will_opening_a_question_is_still_the_modal():
    text = "“Will the pier hold?” asked Peter Brand."
    assert said(text) == [("Will the pier hold?", "Peter Brand", "Peter Brand")]


def test_a_share_of_people_is_the_speaker_of_a_poll_answer():
    text = ("The survey asked how the port was run. About four in 10 said it was “badly managed,” "
            "and 12 percent said “very well.”")
    assert said(text) == [("badly managed,", "About four in 10", "About four in 10"),
                          ("very well.", "12 percent", "12 percent")]


def test_a_percentage_after_a_verb_is_no_speaker():
    text = "Peter Brand cut the harbour fees by 20 percent, said the cuts were “overdue.”"
    assert said(text) == [("overdue.", "Peter Brand", "Peter Brand")]


def test_an_inverted_reading_verb_takes_the_document_after_it():
    text = ("“Our harbour has never been busier,” read the council's newsletter. "
            "“Every berth is booked,” reads a notice by the gate.")
    assert said(text) == [("Our harbour has never been busier,", "the council's newsletter", "the council's newsletter"),
                          ("Every berth is booked,", "a notice by the gate", "a notice by the gate")]


def test_a_title_and_a_name_of_a_place_before_the_verb_after_a_quotation():
    text = "Others were unmoved. “The fees must go,” former Gov. Ana Ruiz of Oregon said on Friday."
    assert said(text) == [("The fees must go,", "Ana Ruiz", "Ana Ruiz")]


def test_a_pronoun_in_a_contraction_is_the_subject_of_a_progressive_verb():
    text = ("Ana Ruiz toured the docks on Monday. And she’s predicting that the Harbour Trust “has no "
            "chance” of winning the vote.")
    assert said(text) == [("has no chance", "Ana Ruiz", "she")]


def test_a_word_inside_a_name_is_no_speech_verb():
    from newsreader.analysis import find_quotes
    text = "Ana Ruiz spoke first. She thinks that Olek Brand “has no chance.”"
    assert [q.cue for q in find_quotes(text)] == ["thinks"]  # not "Brand", a naming verb's form


def test_put_it_frames_the_quotation_after_it():
    text = "As Ines Varga, the harbour master, put it, “A port without ships is a car park.”"
    assert said(text) == [("A port without ships is a car park.", "Ines Varga", "Ines Varga")]



def test_a_participle_takes_a_determiner_phrase_opening_the_sentence():
    text = "One engineer at the yard tried to calm the crowd, saying the crane was “perfectly safe.”"
    assert said(text) == [("perfectly safe.", "one engineer at the yard", "One engineer at the yard")]


def test_a_role_with_lower_case_modifiers_after_a_quotation_is_the_speaker():
    text = "Ana Ruiz ran the port for a decade. “Nobody reads the fine print,” the former Oregon governor said."
    assert said(text)[0][2] == "Oregon governor"


def test_a_role_in_a_later_clause_after_a_quotation_is_no_speaker():
    text = ("Peter Brand said the firm would run the pier for “at least 15 years,” a promise the "
            "council later wrote into the permit.")
    assert said(text) == [("at least 15 years,", "Peter Brand", "Peter Brand")]


def test_a_stray_third_mark_after_a_quotation_does_not_hide_its_frame():
    text = "Ana Ruiz spoke. ''We asked for 'fair terms,''' Mr. Brand said."
    assert said(text)[0][2] == "Brand"


def test_a_function_word_that_is_the_surname_of_someone_named_before_is_a_name():
    text = ("Ian Read, the yard's chief, spoke on Monday.\n\n"
            "“The deal is good for the town,” Read said.")
    assert said(text) == [("The deal is good for the town,", "Ian Read", "Read")]


def test_a_function_word_opening_a_sentence_is_not_taken_for_a_surname():
    text = "Ian Read spoke on Monday. Read the plan, he said: “It is all there.”"
    assert said(text)[0][2] == "he"


def test_a_title_with_of_before_a_name_after_the_verb():
    text = "Ports were discussed.\n\n“The first berth opens in May,” said former minister of transport Ana Ruiz."
    assert said(text) == [("The first berth opens in May,", "Ana Ruiz", "Ana Ruiz")]


def test_a_run_of_names_and_titles_before_the_verb_ends_on_the_speaker():
    text = ("It was a long night.\n\n“The cranes are safe,” former ILA inspector Tomas Ek explained. "
            "“We checked every bolt,” former Ana Ruiz deputy Olek Brand wrote in a memo.")
    assert [m for _, _, m in said(text)] == ["Tomas Ek", "Olek Brand"]


def test_a_noun_like_speech_verb_closing_the_sentence_after_its_subject_is_the_cue():
    text = ("The campaign bought time on every station.\n\n“She is the only one who can fix the port,” "
            "a voice-over in the ad states. The crowd at the pier cheered as the mayor arrived for the "
            "“harbour day” fair, the Harbour Gazette reports.")
    got = said(text)
    assert got[0][2] == "a voice-over in the ad"
    assert got[1][1:] == ("Harbour Gazette", "Harbour Gazette")


def test_a_plural_noun_ending_a_phrase_is_no_cue():
    text = "He read the company's reports, and “nothing added up,” Ana Ruiz said."
    assert said(text)[0][2] == "Ana Ruiz"


def test_a_quotation_in_a_sentence_naming_no_one_after_an_attributed_one_keeps_its_speaker():
    text = "“The cranes are older than I am,” Ana Ruiz said. But that is not the same as “unsafe to use.”"
    assert said(text) == [("The cranes are older than I am,", "Ana Ruiz", "Ana Ruiz"),
                          ("unsafe to use.", "Ana Ruiz", "Ana Ruiz")]


def test_a_quotation_in_a_sentence_with_its_own_subject_is_not_carried_over():
    text = "“The cranes are old,” Ana Ruiz said. Peter Brand called them “perfectly sound.”"
    assert said(text)[1][1:] == ("Peter Brand", "Peter Brand")


def test_a_decimal_point_does_not_end_the_sentence():
    text = ("In May, Ana Ruiz called the plan to spend $2.5 billion on a new quay “a monument to waste,” "
            "and asked for a vote.")
    assert said(text) == [("a monument to waste,", "Ana Ruiz", "Ana Ruiz")]


def test_the_writers_i_before_a_speech_verb_is_the_mention_and_names_no_one():
    text = "The clerk frowned at me. “Fine,” I said, “we will wait for the ferry.”"
    got = said(text)
    assert [g[0] for g in got] == ["Fine,", "we will wait for the ferry."]
    assert all(g[1:] == (None, "I") for g in got)


def test_and_i_quote_does_not_take_the_quotation_from_its_speaker():
    text = "Ana Ruiz stood up and said, and I quote, “The cranes are older than I am.”"
    assert said(text)[0][1:] == ("Ana Ruiz", "Ana Ruiz")


def test_a_determiner_phrase_before_a_naming_verb_speaks_a_short_quotation():
    text = "The harbour board calls the new ferries “floating sheds” in its annual report."
    assert said(text) == [("floating sheds", "the harbour board", "The harbour board")]
