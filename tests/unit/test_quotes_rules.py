"""find_quotes: general attribution rules, each on small sentences written for it."""

from __future__ import annotations

import pytest

from newsreader.analysis import find_quotes


def spoken(text: str) -> list[tuple[str, str | None]]:
    return [(text[q.start:q.end], q.speaker) for q in find_quotes(text)]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text)]


def test_qa_asker_is_the_journalist_met_by_the_pronoun_subject():
    text = ("Ola Brenn has run the ferry since 1990. Her last crossing is in May. "
            "She talked with Gazette correspondent Piet Vos on deck.\n\n"
            "Q: Will you miss it?\n\n"
            "A: Every day, I expect.\n\n"
            "Q: What comes next?\n\n"
            "A: A garden, and no timetables.")
    assert speakers(text) == ["Piet Vos", "Ola Brenn", "Piet Vos", "Ola Brenn"]


def test_qa_answerer_is_the_person_named_most_in_the_introduction():
    text = ("Nils Arvo met Tilde Sand in Bergen. Tilde Sand has kept bees for forty years; "
            "Sand says the hives saved her.\n\n"
            "Q: Why bees?\n\n"
            "A: Because they never ask questions.\n\n"
            "Q: And honey?\n\n"
            "A: A happy accident.")
    assert speakers(text) == ["Nils Arvo", "Tilde Sand", "Nils Arvo", "Tilde Sand"]


def test_british_and_police_honorifics_are_titles_not_name():
    assert speakers("“The road stays shut,” said Cllr Rhian Povey.") == ["Rhian Povey"]
    assert speakers("Det Supt Owen Garside said: “We have made two arrests.”") == ["Owen Garside"]


def test_occupation_noun_opening_a_sentence_is_a_role():
    assert speakers("Cellist Ana Ruiz smiled. “We rehearsed it once,” Ruiz said.") == ["Ana Ruiz"]
    assert speakers("Saxophonist Lee Pardo Vance shrugged. “It was loud,” he said.") == ["Lee Pardo Vance"]


def test_hyphenated_place_modifier_is_not_part_of_the_name():
    text = ("Tallow Foods agreed to buy a rival on Monday.\n\n"
            "Cork-based Tallow said in a statement that the deal was “good for farmers.”")
    assert speakers(text) == ["Tallow Foods"]


def test_bare_first_word_of_a_company_stands_for_the_company():
    text = ("Orrin Labs makes hearing aids.\n\n"
            "“We are not for sale,” Orrin said in a statement.")
    assert speakers(text) == ["Orrin Labs"]


def test_team_name_before_a_role_and_a_name_qualifies_the_person():
    text = "“We were lucky,” Port Ellis coach Mira Sandoval said."
    assert speakers(text) == ["Mira Sandoval"]


def test_given_name_gender_steers_a_pronoun_past_the_other_sex():
    text = ("Helen Marsh played on. Victor Lund missed a cue.\n\n"
            "“It happens,” she said.")
    assert speakers(text) == ["Helen Marsh"]


def test_a_title_of_the_other_sex_rules_out_the_only_bearer_of_the_surname():
    text = ("Rosa Kell runs the bakery with her husband.\n\n"
            "“We open at five,” Mr Kell said.")
    got = speakers(text)
    assert got != ["Rosa Kell"] and got[0].endswith("Kell")


def test_full_stop_before_a_comma_or_lower_case_word_does_not_end_the_sentence():
    text = ("Ms. Rowe was born in Akron, Oh., where her aunt, Lena Gault, kept a shop. "
            "“I grew up behind a counter,” she wrote.")
    assert speakers(text) == ["Rowe"]


def test_name_after_outside_or_across_is_a_place_not_an_antecedent():
    text = ("Mara Ilves told the story of the tour. The van broke down outside Tarrow.\n\n"
            "“We walked,” she said.")
    assert speakers(text) == ["Mara Ilves"]


def test_name_after_an_institution_noun_behind_a_preposition_is_a_person():
    text = ("The head of the nurses’ union in the region, Jean-Luc Amiel, warned of strikes. "
            "“We are ready,” he said.")
    assert speakers(text) == ["Jean-Luc Amiel"]


def test_the_council_said_goes_to_the_council_not_the_last_institution():
    text = ("Dunmere Town Council owns the harbour wall. It will apply to the Coastal Heritage Fund "
            "for repairs.\n\n"
            "The council said in a statement that the wall was “no longer safe.”")
    assert speakers(text) == ["Dunmere Town Council"]


def test_the_company_said_goes_to_the_business_named_most_not_a_charity():
    text = ("Brackwater Devices on Monday launched a phone. Brackwater Devices shares rose.\n\n"
            "The Open Data Trust, a charity, criticised the launch.\n\n"
            "The company said in a statement that the phone was “private by design.”")
    assert speakers(text) == ["Brackwater Devices"]


def test_bare_spokesperson_after_one_for_an_institution_speaks_for_it():
    text = ("A spokesperson for the Harbour Authority said it had not seen the report. "
            "“We will study it,” the spokesperson said.")
    assert speakers(text) == ["Harbour Authority"]


def test_singular_they_for_a_person_who_uses_they_them():
    text = ("The Forecast Service warned of more wind.\n\n"
            "“It was loud,” said Kit Arden, who uses they/them pronouns. "
            "They said the roof had held.\n\n"
            "“We were lucky,” they said.")
    assert speakers(text)[-1] == "Kit Arden"


def test_possessive_family_role_is_the_relative_sharing_the_surname():
    text = ("Nora Bellweather lost her shop in the flood.\n\n"
            "Later, Tom Bellweather said they would reopen. His wife was less sure.\n\n"
            "“We will see,” she said.")
    assert speakers(text) == ["Nora Bellweather"]


def test_interviewer_label_stays_interviewer_when_the_story_before_names_someone_by_by():
    # a news story runs before the transcript; "made by X" names no asker
    text = ("Officials pointed to an earlier statement made by Deputy Minister Tomas Rell. "
            "Rell has not spoken since.\n\n"
            "Interviewer: Dr. Ines Marr, thank you for joining us. What happens now?\n\n"
            "Dr. Marr: Talks, and then more talks.")
    assert speakers(text) == ["Interviewer", "Ines Marr"]


def test_questioning_by_names_the_asker():
    text = ("Under questioning by prosecutor Lena Dahl, Jon Berg described the night.\n\n"
            "Q: Where were you?\n\n"
            "A: At the gate.")
    assert speakers(text) == ["Lena Dahl", "Jon Berg"]


def test_a_demonstrative_statement_after_a_quote_is_the_writer_not_a_speaker():
    text = ("Mara Quist, a council spokeswoman, spoke briefly. "
            "Quist stated, “The bridge will reopen in spring.” "
            "This statement underscores the council’s caution.")
    assert spoken(text) == [("The bridge will reopen in spring.", "Mara Quist")]


def test_person_fronted_behind_for_is_what_the_next_pronoun_stands_for():
    text = ("For Ruth Ekland, 58, of Dover, the ruling is personal. "
            "She spoke at a rally on Sunday.\n\n"
            "“I waited nine years for this.”")
    assert speakers(text) == ["Ruth Ekland"]


def test_us_councilor_is_a_title():
    assert speakers("“We need more officers,” City Councilor Jo Amadi said.") == ["Jo Amadi"]


def test_role_to_a_place_then_the_name_gives_the_person():
    text = "“The talks are over,” Britain’s Ambassador to Lisbon Helen Marsh wrote on X."
    assert speakers(text) == ["Helen Marsh"]


def test_it_said_is_the_institution_named_last():
    text = ("Brightwater Holdings bought the mill in May. "
            "“We will keep every job,” it said in a statement.")
    assert speakers(text) == ["Brightwater Holdings"]


def test_the_council_is_no_institution_whose_name_lacks_the_word():
    text = ("Harbour Electric restored the supply on Friday.\n\n"
            "The town council, which it said in a letter was “the last to be told”, met on Monday.\n\n"
            "“We were the last to know,” the council said.")
    assert speakers(text)[-1] == "council"


def test_french_guillemets_with_spaces_inside():
    text = ("« We counted every ballot twice, » said Anouk Vey, the election commissioner. "
            "« The result is the result. »\n\n"
            "\u00ab\u00a0Bastien ran an honest campaign,\u00a0\u00bb she said.")
    assert spoken(text) == [("We counted every ballot twice,", "Anouk Vey"),
                            ("The result is the result.", "Anouk Vey"),
                            ("Bastien ran an honest campaign,", "Anouk Vey")]


def test_an_abbreviated_title_is_the_role_named_later():
    text = ("Regional Gov. Oleh Marchenko said the attack began at 2 a.m.\n\n"
            "Asked whether residents should leave, the governor said: “People can decide.”")
    assert speakers(text) == ["Oleh Marchenko"]


def test_a_subject_after_a_place_apposition_is_no_place():
    text = ("Tariq Amin, a rescue official, spoke first.\n\n"
            "In a village outside Mingora, the main town in Swat, Gul Zaman, a farmer, "
            "said he had lost his brother.\n\n"
            "“I was on the roof,” he said.")
    assert speakers(text) == ["Gul Zaman"]


def test_role_in_a_place_then_the_name_in_commas_gives_the_person():
    text = "“Children suffer most,” the agency’s representative in Lima, Rosa Quispe, said."
    assert speakers(text) == ["Rosa Quispe"]


def test_first_of_two_surnames_alone_is_the_person():
    text = ("Valentina Ruiz Ortega runs the observatory.\n\n"
            "“The mountain is breathing,” Ruiz said.")
    assert speakers(text) == ["Valentina Ruiz Ortega"]


def test_the_one_spoken_to_is_the_asker():
    text = ("Ines Prado has run the observatory for twenty years. "
            "Prado spoke to Tom Wells between shifts.\n\n"
            "Q: Can you predict eruptions?\n\n"
            "A: No. We forecast them.")
    assert speakers(text) == ["Tom Wells", "Ines Prado"]


def test_a_time_zone_is_no_speaker():
    text = ("20:35 IST\n\n"
            "“We have food for seven days.”\n\n"
            "Relief commissioner Anil Das told reporters the shelters were open.")
    assert "IST" not in speakers(text)


def test_according_to_a_person_then_he():
    text = ("“The numbers are fine,” said Mariana Castillo, an analyst.\n\n"
            "According to Anders Holm, a consultant, the fault “will not be solved soon.” "
            "He said the airline was “better placed than most.”")
    assert speakers(text) == ["Mariana Castillo", "Anders Holm", "Anders Holm"]


def test_a_pronoun_in_a_parenthesis_is_no_company():
    text = ("Priya Rao, the chief executive, spoke on a call. "
            "The company, she said, had “more than enough cash.”")
    assert speakers(text) == ["Priya Rao"]


def test_a_spokeswoman_of_a_company_named_by_its_first_word():
    text = ("Skylark Air cut 4% of its flights.\n\n"
            "A Skylark spokeswoman said the talks were “constructive.”")
    assert speakers(text) == ["Skylark Air"]


def test_reversed_guillemets_and_stray_ones():
    from newsreader.analysis.marks import find_spans, paragraphs

    def spans(t):
        return [t[s.start:s.end] for s in find_spans(t, paragraphs(t))]

    assert spans("»Hallo«, sagte er, »wie geht es dir?« Dann ging er.") == ["Hallo", "wie geht es dir?"]
    assert spans("Text «") == [] and spans("A « B without spaced closers") == []
    assert spans("« Le premier,\n\n« puis le second, » dit-elle.") == ["Le premier,", "puis le second,"]


def test_a_single_letter_after_an_abbreviated_title_holds_no_role():
    assert speakers("Gen Z voters turned out in numbers.\n\n“We won,” the general said.") == ["general"]


def test_a_role_named_before_the_person_is_that_person():
    text = ("Skyway Air returned to profit, but its chief executive warned of a “turbulent” summer.\n\n"
            "“We have eleven jets on the ground,” chief executive Priya Raghunathan said.")
    assert speakers(text) == ["Priya Raghunathan", "Priya Raghunathan"]


def test_an_anonymous_official_is_not_the_official_named_later():
    text = ("A NATO official called the plan “a stretch.”\n\n"
            "Paolo Gentile, an official at the ministry, said: “We disagree.”")
    assert speakers(text)[0] != "Paolo Gentile"


def test_a_headline_with_a_title_word_and_a_colon_is_no_turn():
    text = ("Health minister on waiting lists: “We will get there, but not by Christmas”\n\n"
            "Health Minister Folake Adeyemi conceded the target would be missed.\n\n"
            "Interviewer: Will you resign?\n\n"
            "Adeyemi: No.")
    assert [q.kind for q in find_quotes(text)].count("turn") == 2


def test_the_attorney_who_pressed_a_witness_asks_and_the_witness_answers():
    text = ("Prosecutors say Dale Prentiss set the fire. Prentiss denies it. Prentiss, 58, is on bail.\n\n"
            "Defense attorney Monica Reyes pressed Gary Thibodeaux on what he could see. "
            "The exchange went as follows:\n\n"
            "Q: Did you see his face?\n\n"
            "A: No.")
    assert speakers(text) == ["Monica Reyes", "Gary Thibodeaux"]


@pytest.mark.parametrize("text, want", [
    ("“Fine figures,” said Tomasz Wierzbicki of Harbour Point Securities.", "Tomasz Wierzbicki"),
    ("“We won,” said Jonathan Whitcombe KC.", "Jonathan Whitcombe"),
    ("“He was quiet,” said Mum-of-three Shannon Birtles.", "Shannon Birtles"),
    ("“We were told it was a done deal,” said Parent Joanne Fairclough.", "Joanne Fairclough"),
])
def test_descriptions_and_post_nominals_stay_out_of_the_name(text, want):
    assert speakers(text) == [want]


def test_a_place_or_a_qualifier_before_the_person_is_no_antecedent():
    text = ("In Beira's low-lying Munhava neighborhood, Amélia Nhantumbo, 47, said she woke early.\n\n"
            "“The water came like a wall,” she said.\n\n"
            "On the beach at Praia Nova, fisherman Joaquim Zandamela, 61, stood by his boat.\n\n"
            "“Thirty years I have fished here,” he said.")
    assert speakers(text) == ["Amélia Nhantumbo", "Joaquim Zandamela"]


def test_the_role_for_a_portfolio_then_the_name_in_commas():
    text = ("The minister for local transport, Priya Ramanathan, spoke first.\n\n"
            "‘I have heard the strength of feeling,’ the minister said.")
    assert speakers(text) == ["Priya Ramanathan"]


def test_a_spokesperson_for_a_named_body_or_person():
    assert speakers("A spokesperson for Veridian said the company “welcomes competition.”") == ["Veridian"]
    assert speakers("Jada Monroe, the singer, sued.\n\n"
                    "A spokesperson for the singer said she was “relieved to be heard”.") == ["Jada Monroe"]


def test_a_closing_single_mark_after_an_s_before_and_ends_the_quote():
    text = ("The department said funding ‘has been protected in real terms’ and that councils "
            "‘are best placed to decide’.")
    assert [t for t, _ in spoken(text)] == ["has been protected in real terms", "are best placed to decide"]


def test_an_infinitive_after_the_quote_is_no_attribution():
    text = "A backbencher could be heard shouting ‘Shame!’ as the minister rose to respond."
    assert speakers(text) == ["backbencher"]


def test_a_party_mp_for_a_seat_then_the_name():
    text = ("The Liberal Democrat MP for Tiverton Vale, Fiona Bramwell, said her constituents "
            "had been ‘abandoned’ by the system.")
    assert speakers(text) == ["Fiona Bramwell"]


def test_a_headline_quotation_that_the_body_repeats_is_the_body_speakers():
    text = ("Minister insists ‘the money is there’ as MPs condemn bus cuts\n\n"
            "The minister, Priya Ramanathan, said that ‘the money is there – it is how it is spent’.\n\n"
            "Students at ‘The Weaver of Lune’ workshop\n\n"
            "Nobody quoted a title here.")
    assert spoken(text)[0] == ("the money is there", "Priya Ramanathan")
    assert [t for t, _ in spoken(text)] == ["the money is there", "the money is there – it is how it is spent"]


def test_a_first_name_alone_opening_a_sentence_is_a_person():
    text = ("“It took years,” says Dr Helen Marsh, a consultant.\n\n"
            "Claire, 41, from Nottingham, was diagnosed last year. She describes a life of painkillers.\n\n"
            "“You learn to plan your whole life around it.”")
    assert speakers(text) == ["Helen Marsh", "Claire"]


def mentions(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quotation, speaker mention as written, resolved speaker) for each quotation."""
    return [(text[q.start:q.end], None if q.speaker_start is None else text[q.speaker_start:q.speaker_end],
             q.speaker) for q in find_quotes(text)]


def test_a_determiner_phrase_before_the_verb_is_the_speaker():
    text = "The Harlow Courier ran a long piece on Sunday.\n\n“The pier must be saved,” the editorial read."
    assert mentions(text) == [("The pier must be saved,", "the editorial", "the editorial")]
    text = "Neighbours gathered at the gate. “We never saw him,” one resident said. Another added, “Nor did I.”"
    got = mentions(text)
    assert [m for _, m, _ in got] == ["one resident", "Another"]
    assert got[0][2] == "one resident"


def test_a_determiner_phrase_after_the_verb_is_the_speaker():
    text = "Talks went on past midnight.\n\n“We are close,” said a person close to the negotiations."
    assert mentions(text)[0][1:] == ("a person close to the negotiations", "a person close to the negotiations")


def test_a_document_speaks_for_itself_and_an_institution_noun_for_the_institution():
    text = ("The Hollin Valley Water Board met on Monday.\n\n"
            "The report says “the reservoir is at a third of its capacity.”\n\n"
            "“Use less water,” the water board said.")
    got = mentions(text)
    assert got[0][1:] == ("The report", "the report")
    assert got[1][1:] == ("the water board", "Hollin Valley Water Board")


def test_a_definite_description_stands_for_the_person_named_with_it_or_just_before():
    text = ("Wexford goalkeeper Ines Maroto saved two penalties.\n\n"
            "“I guessed right twice,” the goalkeeper said.")
    assert mentions(text)[0][1:] == ("the goalkeeper", "Ines Maroto")
    text = "Paulo Brandt limped off in the second half. “It is only a knock,” the 24-year-old said."
    assert mentions(text)[0][1:] == ("the 24-year-old", "Paulo Brandt")


def test_the_next_sentence_attributes_only_a_quotation_standing_alone():
    text = "Dana Kell says that “the line will open in May.” And she added that the fares would fall."
    assert mentions(text)[0][1:] == ("Dana Kell", "Dana Kell")
    text = "Rudi Ambler spoke for an hour. “We will build it.” Ambler told the crowd it would take a year."
    assert mentions(text)[0][2] == "Rudi Ambler"


def test_an_object_after_a_naming_verb_is_no_speaker():
    text = "Oren Vail dismissed the plan as “a holiday dressed up as reform.”"
    assert mentions(text)[0][2] == "Oren Vail"


def test_a_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker():
    text = "Tomas Reyl, who has called the tunnel “a monument to waste,” spoke first."
    assert mentions(text) == [("a monument to waste,", "who", "Tomas Reyl")]


def test_a_word_that_may_be_a_noun_is_a_cue_after_a_subject():
    assert mentions("Ilse Marr smiled. He jokes, “It is a never-ending queue!”")[0][1] == "He"
    assert mentions("“We will appeal,” Ilse Marr notes.")[0][1:] == ("Ilse Marr", "Ilse Marr")


def test_an_unknown_verb_right_after_the_speaker_is_a_cue():
    assert mentions("“This is a farce,” Ilse Marr fumed.")[0][1:] == ("Ilse Marr", "Ilse Marr")
    assert mentions("Jon Pell spoke. Ilse Marr shot back, “Not true.”")[0][2] == "Ilse Marr"


def test_a_statement_issued_by_someone_is_theirs():
    text = "Mayor Ilse Marr issued a statement saying the vote was “a victory for the valley.”"
    assert mentions(text)[0][1:] == ("Ilse Marr", "Ilse Marr")


def test_a_participle_after_a_quotation_is_no_inverted_speaker():
    text = "Ilse Marr said it was a “distortion,” describing the security team as able."
    assert mentions(text)[0][2] == "Ilse Marr"


def test_single_newlines_part_paragraphs_unless_the_text_is_wrapped():
    from newsreader.analysis.marks import paragraphs

    lines = "Ana Berg spoke first.\n“We will build it,” she said.\nRolf Dahl disagreed."
    assert len(paragraphs(lines)) == 3
    wrapped = ("Ana Berg spoke first and then the minister\nrose to say that the bridge would\n"
               "be built by the spring.")
    assert paragraphs(wrapped) == [(0, len(wrapped))]
    assert len(paragraphs("One.\n\nTwo.\n\n\nThree.")) == 3


def test_a_party_and_state_tag_is_no_name_and_ends_no_sentence():
    text = "Sen. Ilse Marr (D-Ore.), noting the size of the crowd, said, “We have the numbers.”"
    assert mentions(text)[0][1:] == ("Ilse Marr", "Ilse Marr")
    text = "“We have the numbers,” said Rep. Ilse Marr, R-Ky., on Monday."
    assert mentions(text)[0][2] == "Ilse Marr"


def test_an_attribution_closing_the_sentence_covers_a_quotation_inside_it():
    text = ("That would bring a “summer of agony” for the governor, forcing her to fight on two "
            "fronts, said Bram Holt, a pollster and consultant.")
    assert mentions(text)[0][1:] == ("Bram Holt", "Bram Holt")


def test_the_reporting_verb_outside_a_pronoun_clause_is_the_cue():
    text = "Defence Secretary Ilse Marr said she would welcome a “principled security network” for the region."
    assert mentions(text)[0][1:] == ("Ilse Marr", "Ilse Marr")


def test_a_clause_after_a_conjunction_does_not_frame_the_quotation():
    text = "Ilse Marr said the plan was “one of commitment and strength,” but she also warned Jon Pell."
    assert mentions(text)[0][1] == "Ilse Marr"


def test_a_long_appositive_between_name_and_verb():
    text = ("“Both of them scare me,” Harry Bond, 30, of Raleigh, N.C., who was among those polled, "
            "said in an interview.")
    assert mentions(text)[0][1:] == ("Harry Bond", "Harry Bond")


def test_a_capitalised_quotation_after_a_possessive_or_on_is_a_title():
    text = "Ilse Marr said on Sunday’s “Meet the Press.” that the count was fair, and on “Face the Nation,” she agreed."
    assert find_quotes(text) == []
    text = "Speaking on Channel Nine’s “Morning Hour,” Ilse Marr said the count was fair."
    assert find_quotes(text) == []


def test_a_short_capitalised_quotation_opening_a_sentence_is_speech():
    text = "The judge looked up. “Your Honor,” Ilse Marr said, “I would like to answer.”"
    got = mentions(text)
    assert [q for q, _, _ in got] == ["Your Honor,", "I would like to answer."]
    assert all(who == "Ilse Marr" for _, _, who in got)


def test_labelled_lines_each_said_once_are_a_listing_not_an_interview():
    listing = ("Things to do this week\n\n"
               "CANAL WALK: Follow the towpath from the lock to the old mill with a guide who knows "
               "every bridge. Meet at the basin, free, 10am.\n\n"
               "NIGHT MARKET: Forty stalls of street food and records under the railway arches. "
               "Arch Yard, £3 entry, 6pm-11pm.\n\n"
               "HARBOUR FESTIVAL: Tall ships, a brass band and a rowing race across the bay. "
               "The Quay, free, all day.")
    sponsors = ("Sponsored by:\n\n"
                "Glowlamp: Desk lights that follow the sun. Get 20% off with code SHOW.\n\n"
                "Tern Books: Audiobooks read by their authors, first month free.")
    assert [q.kind for q in find_quotes(listing)].count("turn") == 0
    assert [q.kind for q in find_quotes(sponsors)].count("turn") == 0


def test_an_exchange_where_a_speaker_comes_back_is_an_interview():
    text = ("Mira Olsen: The bridge has to close for a year. There is no way round that.\n\n"
            "Jon Krag: A year is too long for the shops on the east bank.\n\n"
            "Olsen: Then we phase it, one lane at a time.")
    assert [(q.kind, q.speaker) for q in find_quotes(text)] == [
        ("turn", "Mira Olsen"), ("turn", "Jon Krag"), ("turn", "Mira Olsen")]


def test_a_department_after_of_is_no_part_of_the_name_and_no_phrase():
    text = ("Brightwell Senior Director of Corporate Affairs Charlie Dunmore wants to answer the critics. "
            "“We are building as fast as we can,” he told reporters.")
    assert speakers(text) == ["Charlie Dunmore"]


def test_the_role_noun_takes_the_subject_named_sentences_before():
    text = ("Greta Lindahl, fresh from her last film, is now to play a lighthouse keeper. "
            "The story is set on an island off the coast.\n\n"
            "“It is the loneliest part I have played,” the actress told the Courier.")
    assert speakers(text) == ["Greta Lindahl"]


def test_with_a_name_before_the_participle_that_name_speaks():
    text = ("Councillors from every party condemned the closure, with the veteran councillor "
            "Ruth Amberley saying the town had been “left behind”.")
    assert speakers(text) == ["Ruth Amberley"]


def test_an_acronym_stands_for_the_institution_it_spells():
    text = ("The Northern Rivers Authority said it had opened an inquiry. "
            "“Nobody should drink from the creek,” the NRA said.")
    assert speakers(text) == ["Northern Rivers Authority"]


def test_a_list_line_above_a_lone_quotation_lends_it_no_speaker():
    text = "Harbour Lights\n\nMorning Tide\n\n“Bright, loud and over too soon.”\n\nEvening Tide"
    assert speakers(text) in ([], [None])


def test_list_items_are_paragraphs_of_their_own():
    # show notes: a term in quotes on one bullet takes no speaker from the bullet above
    text = ("• Follow-up:\n  • Notebook post [7]\n  • Radiator [8]\n"
            "• The “slow fade” display fault [10] and repairs\n• Listener mail")
    assert speakers(text) in ([], [None])


def test_an_ampersand_between_capitals_is_inside_one_name():
    text = "The Ledger, citing two people “close to the talks,” said that B&Q and Halvard had agreed."
    assert "Q" not in speakers(text) and "that B" not in speakers(text)


def test_a_word_that_may_be_a_noun_is_the_cue_right_after_the_quotation():
    assert speakers("“The vote was close,” notes Marit Osei, a lecturer.") == ["Marit Osei"]
    assert speakers("“Tickets are gone,” reports The Harbour Post.") == ["Harbour Post"]


def test_title_words_before_a_name_after_the_cue():
    text = "“Nobody goes back to gas,” says food writer and broadcaster Tove Lindqvist. It is true."
    assert speakers(text) == ["Tove Lindqvist"]


def test_an_infinitive_acting_on_a_quoted_term_reports_nothing():
    text = ("Harlow Apps shipped an update. The change allows outside developers "
            "to add a “share sheet” button to their apps.")
    assert speakers(text) in ([], [None])


def mentioned(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker mention as written, resolved speaker) for every quotation."""
    return [(text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None, q.speaker)
            for q in find_quotes(text)]


def test_the_phrase_in_the_subject_slot_beats_a_name_earlier_in_the_sentence():
    text = "As Mayor Lund thanked Ivo Brandt, the crowd chanted, “One more term!”"
    assert mentioned(text) == [("the crowd", "the crowd")]


def test_with_a_described_speaker_and_a_participle():
    text = "The film ends with a narrator saying: “Nobody came back.”"
    assert mentioned(text) == [("a narrator", "a narrator")]


def test_a_subject_without_a_determiner_opening_the_sentence():
    text = "Tenants of the block say the lifts are “a daily lottery.”"
    assert mentioned(text) == [("Tenants of the block", "tenants of the block")]  # a description: lower case, no key


def test_went_on_to_say_keeps_the_subject_before_it():
    text = "The letter went on to say: “We will not be moved.”"
    assert mentioned(text) == [("The letter", "the letter")]


def test_a_quotation_framed_by_no_speech_verb_belongs_to_the_sentence_subject():
    text = "At the hearing, Councillor Ama Osei blamed the “fog of paperwork” for the delay."
    assert mentioned(text) == [("Ama Osei", "Ama Osei")]
    text = "The agency declined to detail the inquiry’s “scope or likely targets.”"
    assert mentioned(text) == [("The agency", "agency")]


def test_no_sentence_subject_for_it_or_a_passive():
    assert speakers("It was not the “quiet week” anyone had hoped for at all.") in ([], [None])
    assert speakers("Mr Dale was asked about the “missing millions and the audit” on Friday.") == [None]


def test_a_speech_verb_inside_a_reported_clause_gives_way_to_the_outer_one():
    text = "Ana Berg said in her closing remarks that the council should reiterate its “oldest promise.”"
    assert mentioned(text) == [("Ana Berg", "Ana Berg")]
    text = "Piet Vos said the harbour board had described the plan as “a lifeline for the town.”"
    assert mentioned(text) == [("Piet Vos", "Piet Vos")]


def test_an_exclamation_inside_the_marks_does_not_end_the_frame_and_said_to_is_no_infinitive():
    text = "“We won!” Rep. Joe Sample (D-N.Y.) said to cheers."
    assert mentioned(text) == [("Joe Sample", "Joe Sample")]
    assert speakers("“Sometimes we need our fix!” Ola Brenn said to the magazine. She laughed.") == ["Ola Brenn"]


def test_went_on_after_a_question_is_a_cue():
    text = ("Nils Arvo paused. Mia Holm said nothing.\n\n"
            "“You know, it happens, right?” Arvo went on, as if nobody had spoken.")
    assert mentioned(text) == [("Arvo", "Nils Arvo")]


def test_an_unknown_verb_between_the_quotation_and_a_name_is_a_cue():
    assert speakers("“This is fantastic!” beamed Dora Vance of Lisburn, who had queued all night.") == ["Dora Vance"]


def test_a_qualifier_of_the_name_before_the_verb():
    text = "“Big tax cuts do not work,” Tove Lind of the Harbour Policy Institute wrote recently."
    assert mentioned(text) == [("Tove Lind", "Tove Lind")]


def test_a_possessive_and_lower_case_titles_before_the_name():
    text = "“It is about unity,” the campaign’s senior communications adviser Jason Mill said."
    assert mentioned(text) == [("Jason Mill", "Jason Mill")]
    text = "“It is about unity,” Brenn’s senior communications adviser Jason Mill said."
    assert mentioned(text) == [("Jason Mill", "Jason Mill")]


def test_a_name_closing_a_described_speaker_is_the_speaker():
    text = "Joe Sample spoke first.\n\n“Is it over?” asked a visibly tired Sample."
    assert mentioned(text) == [("Sample", "Joe Sample")]


def test_a_given_name_ending_in_ly_opening_a_sentence_is_a_name():
    assert speakers("Kelly responded pointedly, with a smile: “Can happen when you’re 45.”") == ["Kelly"]


def test_an_opening_participle_or_adverb_is_no_speaker_but_a_surname_like_one_is():
    text = "Speaking at a town hall in Salem, Ivo Brandt went after Lund, calling him “a total stiff.”"
    assert mentioned(text) == [("Ivo Brandt", "Ivo Brandt")]
    assert speakers("Fielding told the station: “I replied to the post. I did not write it.”") == ["Fielding"]


def test_a_name_after_the_verb_is_inverted_only_before_a_comma_or_colon():
    text = "On Monday evening the office assured the Danish people that the claims were “entirely false.”"
    assert "Danish" not in [m for m, _ in mentioned(text)]


def test_a_quantifier_opens_a_described_speaker():
    text = "Many reporters noted on Twitter the change of slogan, “Make It Work Again.”"
    assert mentioned(text) == [("Many reporters", "many reporters")]


def test_appeared_to_after_a_quotation_is_no_cue():
    text = "It ended with “Build it now, build it high,” the audience appeared to cheer."
    assert [m for m, _ in mentioned(text)] != ["the audience"]


def test_a_curly_opening_mark_may_close_with_a_straight_one_and_the_other_way_round():
    text = "“Our roads are crumbling,\" Mayor Ines Roa said. \"Families endure blackouts.” Then she left."
    assert spoken(text) == [("Our roads are crumbling,", "Ines Roa"), ("Families endure blackouts.", "Ines Roa")]


def test_a_headline_label_speaks_the_quotations_of_its_line():
    text = ("Ola Brenn: Harbour Plan Is a ‘Proven Failure’ for Fishermen.\n\n"
            "Councillor Ola Brenn attacked the plan on Monday.")
    assert mentioned(text) == [("Ola Brenn", "Ola Brenn")]


def test_a_headline_in_title_case_makes_no_subject_of_its_capitals():
    text = ("‘Port Truther’ Ivo Brandt Is Like A Lawyer’s Dumbest Client Ever, Tove Lind Says.\n\n"
            "The mayor did not reply.")
    assert speakers(text) == ["Tove Lind"]


def test_a_name_before_its_verb_in_a_title_case_line_speaks():
    text = ("Brenn Says Harbour Board Lied, Calls Port Plan ‘Troubling.’\n\n"
            "Councillor Ola Brenn spoke on Monday.")
    assert mentioned(text) == [("Brenn", "Ola Brenn")]
    assert speakers("According to Anna Berg, “the season is over.”") == ["Anna Berg"]


@pytest.mark.parametrize("text", [
    "Ola Brenn is on tour with ‘Harbour Lights’ in 2023. Tickets are online.",
    "The company introduced a new “sharing to Boards” [1] feature to allow users to post.",
    "The service is introducing “tip protection for shoppers” this week.",
    "We close out the year in “typical” podcasting fashion.",
    "Harbour Point co-founder's stance on the war has sparked “deep indignation” in town.",
    "Ivo Brandt, who died in 2013, was positively ID'd as “the harbour killer” in May.",
    "O Presidente dos Estados Unidos declarou o “estado de desastre” no sul do país.",
])
def test_no_sentence_subject_for_titles_names_of_things_and_other_languages(text):
    assert speakers(text) in ([], [None])


def test_code_and_paths_in_marks_are_no_quotations():
    assert find_quotes('Redirect permanent "/source" "/target"\nRedirect permanent "/index" "/"') == []


def test_a_nickname_inside_a_name_is_neither_a_quotation_nor_a_break_in_the_name():
    text = "Meta CTO Andrew “Boz” Bosworth weighed in. “You just include an indicator,” he wrote."
    assert speakers(text) == ["Andrew Bosworth"]


def test_an_auxiliary_ends_a_described_speaker_after_the_quotation():
    assert [m for m, _ in mentioned("“He was a hero,” a coroner has ruled.")] == ["a coroner"]


def test_a_demonstrative_after_the_verb_is_no_inverted_speaker():
    text = "Via Jim Coudal, who summarizes this perfectly: “Poetry, in data.”"
    assert [m for m, _ in mentioned(text)] != ["this perfectly"]


def test_began_after_the_quotation_is_a_cue():
    text = "In his address he spoke to soldiers.\n\n“Nowadays people are not executed,” Zelenskiy began."
    assert speakers(text) == ["Zelenskiy"]


def test_a_pronoun_prefers_a_name_of_its_sex_over_an_unknown_one_in_the_same_sentence():
    text = ("Harlow Inc.’s Cloud Nine sells office software to schools, but some buyers were "
            "confused, said Diane Whitlock, Harlow’s head of cloud. “We will make it plain,” she said.")
    assert speakers(text) == ["Diane Whitlock"]


def test_a_name_in_a_clause_opening_the_sentence_is_no_antecedent():
    text = ("“Last year was the first year the campus leaked more,” Ivo Rice told the room.\n\n"
            "In the years since Tom Crane pledged to tighten things, Rice’s team has got better. "
            "“In 2014 we had 387 enclosures stolen,” he says.")
    assert speakers(text) == ["Ivo Rice", "Ivo Rice"]


def test_a_continuation_after_x_said_keeps_x():
    text = ("Under a new policy, the company will no longer “recommend such accounts,” Ana Roth said. "
            "“This measure reduces the reach of these accounts.”")
    assert speakers(text) == ["Ana Roth", "Ana Roth"]


def test_the_company_is_no_public_body():
    text = ("Government accounts sharing such images must delete them.\n\n"
            "In a blog post, the company added that it would weigh a “compelling public interest” case.")
    assert "Government" not in speakers(text)


def test_a_relative_that_or_an_unknown_verb_after_a_comma_is_no_frame():
    text = "It does not offer the “AI reading companion” that several rivals have rushed out this year."
    assert speakers(text) in ([], [None])
    text = ("Kaminski — “Lolly” to anyone who knows her — played on at least 40 records, "
            "most of them uncredited.")
    assert speakers(text) in ([], [None])


def test_an_opening_participle_phrase_is_passed_for_the_subject():
    text = ("Cross-examining her, Jon Whitcombe, for the label, put it to Monroe that she had "
            "“never once” asked to see the accounts.")
    assert speakers(text) == ["Jon Whitcombe"]


def test_quotations_in_another_language_keep_no_speaker():
    text = ("Kim Kardashian revelou que o filho Saint West está agora a recuperar em casa depois "
            "de três dias de internamento.\n\n\"O meu bebé é tão forte!\", afirmou.")
    assert speakers(text) in ([], [None])


def test_a_party_tag_initials_or_a_single_letter_are_never_speakers():
    text = "Attorney General Lisa M. Madigan (D) asserted that “trust in the police is broken.”"
    assert mentioned(text) == [("Lisa M. Madigan", "Lisa M Madigan")]
    text = "The U.S. media has always claimed that its reporters are “only reporting the news.”"
    assert mentioned(text) == [("The U.S. media", "the U.S. media")]
    text = "The C of E said its actions were “in line with the current guidance on marriage”."
    assert all(s is None or len(s) > 1 for s in speakers(text))


def test_a_place_named_alone_is_no_antecedent_but_a_surname_like_one_is():
    text = ("Sergei Lavrov spoke at the forum in India on Friday. India hosted the talks.\n\n"
            "He attacked what he termed a “grotesque campaign” against Moscow.")
    assert speakers(text) == ["Sergei Lavrov"]
    text = ("Lucía Montenegro grew up in Seville.\n\n"
            "“My mother said nobody would give me work,” Montenegro said.")
    assert speakers(text) == ["Lucía Montenegro"]


def test_a_clause_word_between_a_name_and_the_verb_ends_the_search():
    text = "Grenfell Tower fundraiser axed when venue objected to “crap trap music all night”."
    assert "Grenfell Tower" not in speakers(text)


def test_terms_after_a_name_is_a_noun():
    text = "Opting in to new App Store terms gives developers “an unworkable choice” overall."
    assert "App Store" not in speakers(text)


@pytest.mark.parametrize("text", [
    "Emily Vance co-wrote ‘The Big Sick’ with her husband.",
    "Workers may not use terms such as ‘fire’, ‘slave labor’ and ‘injustice’ at all.",
])
def test_titles_and_listed_terms_are_no_quotations(text):
    assert find_quotes(text) == []


def test_a_term_is_no_speaker():
    text = "This year’s theme is ‘an invincible summer for everyone’, a term attributed to the poet."
    assert all(s is None or "term" not in s for s in speakers(text))


def test_an_occupation_after_a_given_name_is_a_surname():
    text = "Anthony Painter, the director of policy at the institute, said: “Women could lose out.”"
    assert speakers(text) == ["Anthony Painter"]


def test_lower_case_words_between_a_company_and_a_name_after_the_quotation():
    text = "“That’s our baseline for this,” Anker spokeperson Eric Villines tells me."
    assert speakers(text) == ["Eric Villines"]
    text = "“Promise you’ll keep your hands in sight,” Mary Blige sings to Clinton."
    assert speakers(text) == ["Mary Blige"]


def test_an_acronym_is_no_antecedent_and_we_no_sentence_subject():
    text = ("A former employee at DeepMind, the Google-owned AI research lab, accuses its human "
            "resources department of delays. During this time, she was allegedly harassed.\n\n"
            "“Whether it was 10 months or 7, it was far, far too long.”")
    assert "AI" not in speakers(text)
    assert speakers("We close out the year in “typical podcasting fashion” this week.") in ([], [None])


def test_the_subject_of_a_clause_inside_the_sentence_says_an_unframed_quotation():
    text = ("It has become such a presence on the trail that Senator Ola Brenn during a "
            "rally thanked its members “for their support in my campaign”.")
    assert speakers(text) == ["Ola Brenn"]
    text = "Back in May, Governor Ivo Brandt is promising to “bomb the hell out” of the dunes."
    assert speakers(text) == ["Ivo Brandt"]


def test_a_form_of_be_makes_the_quotation_a_description_not_speech():
    assert speakers("It is silly to argue that the Surface Laptop is “not a laptop at all”.") in ([], [None])
    assert speakers("The broadcaster is a “wonderful company doing a fantastic job”, one insider said.") != [
        "broadcaster"]
    text = "One of the returned notebooks had the same stated battery life–“up to 10 hours”–as before."
    assert speakers(text) in ([], [None])


def test_a_participle_after_a_comma_takes_the_subject_after_an_opening_phrase():
    text = ("In response to Ivo Brandt’s plan to bar visitors from the island, Ola Brenn’s deputy "
            "rallied supporters, saying: “We have to be ready to stop him.”")
    assert "Ivo Brandt" not in speakers(text)
    text = "Like Corker, Menendez also rejected the notion, arguing that there is “flexibility for the administration”."
    assert speakers(text) == ["Menendez"]


def test_and_then_before_the_verb_keeps_the_sentence_subject():
    text = ("Ivo Brandt blasted the instructor during a campaign rally, calling her a liar, and then "
            "tweeted that she was “Disgraceful!”")
    assert speakers(text)[-1] == "Ivo Brandt"


def test_a_party_tag_inside_a_named_subject_between_commas():
    text = ("In a speech at the college in Berea, OH, after winning Ohio, Gov. Jon Kasich (R-OH), "
            "said, “I’m getting ready to rent a covered wagon.”")
    assert speakers(text) == ["Jon Kasich"]


def test_a_statement_released_on_a_day_is_the_speakers():
    text = "In Washington, President Ola Brenn released a statement Thursday night condemning “what appears to be an attack.”"
    assert speakers(text) == ["Ola Brenn"]


def test_said_he_is_certain_that_reports_the_clause_after_it():
    text = "Cruz said he’s certain Rubio will continue to be “a champion for opportunity in America.”"
    assert speakers(text) == ["Cruz"]


def test_lower_case_titles_open_the_frame_after_the_quotation():
    text = ("Ivo Brandt and Ola Brenn led the field.\n\n"
            "“Our friends no longer fear us,” former Florida governor Tove Lind said. It got worse.")
    assert speakers(text) == ["Tove Lind"]
    text = ("Ivo Brandt took the files.\n\n"
            "“The harm caused by his conduct is incalculable,” federal prosecutors wrote in the filing.")
    assert mentioned(text) == [("federal prosecutors", "federal prosecutors")]


def test_a_capitalised_short_qualifier_before_title_and_name_after_an_exclamation():
    text = "“The great state is proud to cast its votes!” US Senator Tove Lind said as she began."
    assert speakers(text) == ["Tove Lind"]


def test_two_quotations_joined_by_and_share_the_frame_after_the_second():
    text = ("Guns are “the ultimate public health crisis” and “stunt children’s growth,” Ola Brenn, "
            "the former governor of Vermont, proclaimed to a cheering crowd.")
    assert mentioned(text) == [("Ola Brenn", "Ola Brenn"), ("Ola Brenn", "Ola Brenn")]


def test_a_quotation_inside_an_aside_does_not_end_the_frame():
    text = ("“We’ve had better conventions than this one,” delegate Bill Eastland, wearing a cowboy "
            "hat and “Vote Lind” pins, said matter-of-factly.")
    assert speakers(text)[0] == "Bill Eastland"


def test_a_speaker_in_the_sentence_beats_according_to_after_the_quotation():
    text = ("Asked about the offer, the chief executive, Randall Stone, said “I have never offered "
            "to sell the network,” according to CNN’s Brian Stelter.")
    assert speakers(text) == ["Randall Stone"]


def test_initials_after_the_make_an_institution_named_as_written():
    text = "Havana denies it. The U.S. says 24 Americans are “medically confirmed” to have been affected."
    assert speakers(text) == ["the U.S."]


def test_a_lone_quotation_keeps_the_speaker_before_when_the_next_sentence_reports_its_own_clause():
    text = ("“It is perfect,” Tom Abbott said. “It could really help local people.” "
            "The company said the study could take a year.")
    assert speakers(text) == ["Tom Abbott", "Tom Abbott"]


def test_a_gerund_after_of_and_the_writers_we_are_no_frame():
    text = ("If we make people nicer through a combination of demanding, begging or cajoling, "
            "then we are “doing the real work”.")
    assert speakers(text) in ([], [None])


def test_a_holder_of_a_title_of_the_house_is_no_object_of_a_preposition():
    text = "Speaker of the House Paul Ryan (R-WI) said his party would be “saying the same kind of thing”."
    assert speakers(text) == ["Paul Ryan"]


def test_two_particles_run_on_to_the_surname():
    text = "“We all saw the pictures,” the head of the commission, Ursula von der Leyen, said."
    assert speakers(text) == ["Ursula von der Leyen"]


def test_it_in_the_sentence_before_passes_no_speaker_to_a_lone_quotation():
    text = ("Cannabis is considered a “less dangerous drug” by the UN. But an announcement that it is to "
            "be delisted could change things.\n\n“A lot of people come here to get their faces fixed.”")
    assert speakers(text)[-1] is None


def test_no_inverted_speaker_past_ordinary_words_after_the_verb():
    text = ("Rep. Scott Tyler spoke. Tyler, who has said he backs the mayor, but “not blindly,” said last "
            "night’s Democratic wins were a referendum.")
    assert "Democratic" not in speakers(text)


def test_the_holder_of_a_title_of_a_department_after_the_quotation():
    text = "“Our actions send a message today,” Secretary of Treasury Janet L. Yellen said."
    assert speakers(text) == ["Janet L Yellen"]


@pytest.mark.parametrize("text", [
    "In 2019, a Ledger report said the co-founder Ivo Brandt, also known as “Moose,” was placed on leave.",
    "Yes, the service actually added a “short-ass” movie category in response to the sketch.",
])
def test_nicknames_and_names_of_features_are_no_quotations(text):
    assert find_quotes(text) == []


def test_a_continuation_keeps_the_holder_named_in_the_frame_before():
    text = ("“Our actions send a message today,” Secretary of Treasury Janet L. Yellen said. "
            "“In coordination with allies, we will continue to disrupt these networks.”")
    assert speakers(text) == ["Janet L Yellen", "Janet L Yellen"]


def test_according_to_his_book_is_the_owners_word():
    text = ("Tiger Woods never got an answer out of Nicklaus but, according to his book Unprecedented, "
            "this is the way he has come to think about it: “He did what he needed to do.”")
    assert speakers(text) == ["Tiger Woods"]


def test_a_name_qualifying_a_plural_noun_before_a_modal_is_no_subject():
    text = "Lawn bowls might not usually scream “festival atmosphere”, but Festibowl is changing that."
    assert "Lawn" not in speakers(text)


def test_a_long_name_after_aka_is_no_quotation():
    text = "Actor and writer Asim Chaudhry – aka ‘People Just Do Nothing’s Chabuddy G’ – has a table booked."
    assert find_quotes(text) == []


def test_an_all_caps_listing_label_is_no_speaker():
    text = "BRITISH BOWLS: Lawn bowls might not usually scream “festival atmosphere”, but it is changing."
    assert all(s is None or "BOWLS" not in s.upper() for s in speakers(text))


def test_according_to_a_thread_by_a_named_person():
    text = ("There will be exceptions for “compelling public interest or newsworthy content,” according to "
            "a thread [1] by Twitter’s head of site integrity, Yoel Roth.")
    assert speakers(text) == ["Yoel Roth"]


def test_a_link_marker_inside_a_title_is_ignored():
    text = "Artwork by Paul Gilbey and Amy Browne. ‘Only Connect [3]’ is on BBC Two, Mondays."
    assert find_quotes(text) == []


def test_according_to_after_a_quotation_far_from_the_sentences_verb():
    text = ("While Twitter will ask accounts to remove such media, there will be exceptions for "
            "“compelling public interest or newsworthy content,” according to a thread by Twitter’s "
            "head of site integrity, Yoel Roth.")
    assert speakers(text) == ["Yoel Roth"]


def test_a_scare_quote_after_so_called_is_no_quotation():
    text = "Judge Walls rejected arguments that the ruling invalidated the so-called “stream of benefits” theory."
    assert find_quotes(text) == []


def test_a_short_quoted_name_as_a_subject_takes_no_speaker_from_before():
    text = ("Plex can even bounce you right to the streaming service, Ana Ruiz said.\n\n"
            "“Watch from these locations” makes it so you don’t have to search through apps.")
    assert speakers(text)[-1:] in ([], [None])


def test_a_quoted_name_as_the_subject_of_is_takes_no_sentence_subject():
    text = ("Johnny Lin wrote about it.\n\n"
            "Lin shows that “Mobile protection :Clean & Security VPN” is not alone. Others are worse.")
    assert speakers(text) in ([], [None])


def test_they_is_no_demonym():
    text = ("Spanish fans flooded the channel. The Vevo spokesperson asked not to be named.\n\n"
            "They said in a statement that “some videos were uploaded by an unauthorized source.”")
    assert "Spanish" not in speakers(text)


def test_a_second_title_joined_by_and_belongs_to_the_same_person():
    text = "Tim Armstrong, Chairman and CEO said in a statement: “We continue to build strong experiences.”"
    assert speakers(text) == ["Tim Armstrong"]


def test_by_saying_that_reports_the_clause_after_it():
    text = ("Twitter explained the rationale behind the decision by saying that a government blocking "
            "access to a service while continuing to post on it creates a “severe information imbalance.”")
    assert speakers(text) == ["Twitter"]


def test_the_company_is_no_demonym():
    text = ("Russian government accounts will be affected. The company also said it would "
            "“drastically” reduce the reach of those accounts.")
    assert "Russian" not in speakers(text)


def test_a_title_after_for_or_of_with_the_full_stop_inside():
    text = "Apple posted a listing describing an engineering project manager position for “Apple Search.”"
    assert find_quotes(text) == []


def test_initials_after_a_party_tag_do_not_end_the_sentence():
    text = ("Sen. Maggie Hassan, D-N.H., urged Nielsen to “educate yourself” about climate change, adding "
            "“What I heard in your answer is politics before science.”")
    assert speakers(text) == ["Maggie Hassan", "Maggie Hassan"]


def test_a_participle_aside_with_a_list_of_names_after_the_subject():
    text = ("Justice Cote, writing on behalf of justices Richard Wagner and Michelle Bonsawin, acknowledged "
            "that IP addresses “are not sought for their own sake” at all.")
    assert speakers(text) == ["Cote"]
