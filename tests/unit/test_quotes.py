"""find_quotes: shapes of attribution, traps, turns, and the dev-set floor."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsreader.analysis import find_quotes

ROOT = Path(__file__).resolve().parents[2]


def spoken(text: str) -> list[tuple[str, str | None]]:
    return [(text[q.start:q.end], q.speaker) for q in find_quotes(text)]


@pytest.mark.parametrize("text, want", [
    ("“It is over,” said Anna Berg.", [("It is over,", "Anna Berg")]),
    ("“It is over,” Anna Berg said.", [("It is over,", "Anna Berg")]),
    ("Anna Berg said: “It is over.”", [("It is over.", "Anna Berg")]),
    ("Anna Berg, the club chair, stated, “It is over.”", [("It is over.", "Anna Berg")]),
    ("According to Anna Berg, “the season is over.”", [("the season is over.", "Anna Berg")]),
    ("Anna Berg said the club had a “serious problem” with money.", [("serious problem", "Anna Berg")]),
    ("“It is over.” Berg told reporters. “We start again.”",
     [("It is over.", "Berg"), ("We start again.", "Berg")]),
    ('"Straight marks work too," said Omar Said.', [("Straight marks work too,", "Omar Said")]),
    ("«On y va,» said Luc Marchand.", [("On y va,", "Luc Marchand")]),
    ("''An old style,'' said Ruth Kemp.", [("An old style,", "Ruth Kemp")]),
])
def test_attribution_shapes(text, want):
    assert spoken(text) == want


def test_surname_resolves_to_full_name_and_pronoun_to_speaker():
    text = ("Coach Marta Lind spoke after the game.\n\n"
            "“We were poor,” Lind said. “Nobody can hide from that.”\n\n"
            "“I take the blame,” she added.")
    assert spoken(text) == [("We were poor,", "Marta Lind"), ("Nobody can hide from that.", "Marta Lind"),
                            ("I take the blame,", "Marta Lind")]


def test_role_noun_resolves_to_named_person():
    text = ("Government spokesman Piet Claes held a briefing on Monday.\n\n"
            "“There will be no new taxes,” the spokesman said.")
    assert spoken(text) == [("There will be no new taxes,", "Piet Claes")]


def test_case_slip_and_title_are_mended():
    text = ("Interviewer: dr. elena Marsh, welcome. What went wrong?\n\n"
            "Dr.Marsh: Everything that could go wrong did, in the end.\n\n"
            "Interviewer: Thank you, Dr. Marsh, for your time today.")
    got = find_quotes(text)
    assert [q.kind for q in got] == ["turn"] * 3
    assert [q.speaker for q in got] == ["Interviewer", "Elena Marsh", "Interviewer"]


def test_two_people_sharing_a_surname_stay_apart():
    text = ("Joanne Reyes and her brother Daniel Reyes both work nights.\n\n"
            "“It is hard,” Joanne Reyes said.\n\n“It is harder for her,” Daniel Reyes said.")
    assert [s for _, s in spoken(text)] == ["Joanne Reyes", "Daniel Reyes"]


@pytest.mark.parametrize("text", [
    "Lavrov's Warning: Any Foreign Presence Is Unacceptable\n\nBody text follows here.",
    "The so-called “peace plan” was discussed.",
    "It's the teams' best season, and they're happy.",
    "Her book, “The Patient State,” sold well.",
    "Humidity: 85%\n\nWind Speed: 18 km/h",
    "Their banner read “No Deal Is Better Than a Bad Deal”.",
])
def test_traps_are_not_quotations(text):
    assert find_quotes(text) == []


def test_multi_paragraph_quote_is_one_span_per_paragraph():
    text = "Ann Lee said:\n\n“First part of it.\n\n“Second part of it.\n\n“Third.”"
    assert spoken(text) == [("First part of it.", "Ann Lee"), ("Second part of it.", "Ann Lee"),
                            ("Third.", "Ann Lee")]


@pytest.mark.parametrize("text, want", [
    ("‘It is over,’ said Anna Berg. ‘We can’t go on.’",
     [("It is over,", "Anna Berg"), ("We can’t go on.", "Anna Berg")]),
    ("'You can't run a shop on \"maybe\",' said Anna Berg.",
     [('You can\'t run a shop on "maybe",', "Anna Berg")]),
    ("Anna Berg said it was 'a disgrace'.", [("a disgrace", "Anna Berg")]),
    ("It's the players' day, and the fans' too, Anna Berg's team said.", []),
])
def test_single_marks_as_main_marks(text, want):
    assert spoken(text) == want


def test_offsets_cover_content_without_marks_and_the_mention():
    text = "“Fine,” said Dr. Ana Ruiz, “but only once.”"
    for q in find_quotes(text):
        assert text[q.start - 1] == "“" and text[q.end] == "”"
        assert text[q.speaker_start:q.speaker_end] == "Ana Ruiz"
        assert q.cue == "said"






def test_role_after_the_name_and_title_picks_among_shared_surnames():
    text = ("Dr. Priya Rao, the county health commissioner, spoke first.\n\n"
            "“All clear,” the health commissioner said.\n\n"
            "Callum Ross and his wife, Shona Ross, run the shop.\n\n"
            "“Busy,” Mrs Ross said. “Very busy,” Mr Ross said.")
    assert [s for _, s in spoken(text)] == ["Priya Rao", "Shona Ross", "Callum Ross"]


def test_sentence_initial_word_and_dateline_are_not_speakers():
    text = ("OSLO (Wire) - Anna Berg spoke to reporters on Monday.\n\n"
            "Replays suggested little contact. “I never touched him,” she said.")
    assert spoken(text) == [("I never touched him,", "Anna Berg")]




def test_qa_labels_resolve_to_the_interviewer_and_the_interviewee():
    text = ("Nadia Perl runs the harbour. Tom Vale spoke to her on the quay.\n\n"
            "Q: Is the harbour busy this year?\n\n"
            "A: Busier than ever, and short of moorings.\n\n"
            "Q: What will you do?\n\n"
            "A: Dredge the north basin.")
    assert [q.speaker for q in find_quotes(text)] == ["Tom Vale", "Nadia Perl", "Tom Vale", "Nadia Perl"]


def test_quotation_over_paragraphs_keeps_one_speaker_and_pronoun_chains():
    text = ("Rhea Lund has kept the mill for thirty years. Then she talks about her mother.\n\n"
            "“She baked every morning.\n\n"
            "“She never missed a day.”\n\n"
            "She did not mention the sale. But she said what she thought of the buyers: “Tourists.”")
    assert [q.speaker for q in find_quotes(text)] == ["Rhea Lund"] * 3


def test_inch_mark_inside_straight_quotes_does_not_close_them():
    text = '"I\'m 6\'3" and I still could not reach it," said Owen Hale.'
    assert spoken(text) == [('I\'m 6\'3" and I still could not reach it,', "Owen Hale")]




@pytest.mark.parametrize("text, want", [
    # institution, role and name in one run: the person speaks
    ("“No comment,” State Department spokesman Omar Veld told reporters.", "Omar Veld"),
    ("“No comment,” White House press secretary Ida Nolan said.", "Ida Nolan"),
    ("“No comment,” Fed Chair Paul Renn said.", "Paul Renn"),
    ("“No comment,” said Commodore Luis Baro.", "Luis Baro"),
    # an aside after a name is not the subject
    ("Senator Ada Voss, a Republican, called the plan “a gift to lobbyists.”", "Ada Voss"),
])
def test_institution_titles_and_asides_around_the_name(text, want):
    assert [s for _, s in spoken(text)] == [want]


def test_role_of_place_with_name_and_place_apposition_before_pronoun():
    text = ("The mayor of Tarn, Rob Elder, said the bridge was gone. “It fell at night,” he said.\n\n"
            "Speaking in Tarn, North Vale, he said: “We will rebuild.”\n\n"
            "Ann Pike ran the count and said the result was “a landslide.”")
    assert [s for _, s in spoken(text)] == ["Rob Elder", "Rob Elder", "Ann Pike"]


def test_verb_with_an_infinitive_after_a_quote_is_no_attribution():
    text = ("Eva Holm spoke first. She would cut what she called “waste.” "
            "Karl Dunn promised to cut taxes.")
    assert [s for _, s in spoken(text)] == ["Eva Holm"]


def _scorer():
    spec = importlib.util.spec_from_file_location("quotes_score", ROOT / "benchmarks" / "quotes_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# Each held-out set was written before its author read the code; span / span+speaker
# F1 at first -> after general fixes: heldout 167 gold; heldout2 96.7/71.1 -> 98.8/92.0;
# heldout3 (wire copy) 99.6/82.3 -> 99.6/95.2; heldout4 (sport, council, medical,
# Q:/A:, « », „ “) 97.7/77.2 -> 97.7/93.8; heldout5 (wire and newspaper copy)
# 99.0/85.8 -> 99.0/91.0; heldout6 (written by a helper that read neither the code
# nor the other sets) 99.5/85.0 -> 99.6/92.2; heldout7 (the same way, after heldout6's
# fixes; parliament, tabloid, Q:/A: cross-examination, per-paragraph interview turns that
# this finder gives as one span) 94.7/72.3 -> 96.4/87.3; heldout8 (ordinary daily news,
# written after all that and scored once, untouched) 98.0/91.5. A floor sits a little under the figure reached.
@pytest.mark.parametrize("name, gold, span, speaker", [
    ("quotes", 80, 0.95, 0.88),
    ("quotes_heldout", 150, 0.94, 0.90),
    ("quotes_heldout2", 150, 0.96, 0.88),
    ("quotes_heldout3", 150, 0.97, 0.94),
    ("quotes_heldout4", 200, 0.97, 0.92),
    ("quotes_heldout5", 200, 0.98, 0.90),
    ("quotes_heldout6", 250, 0.99, 0.90),
    ("quotes_heldout7", 250, 0.95, 0.85),
    ("quotes_heldout8", 240, 0.97, 0.90),
])
def test_quotation_set_scores_stay_above_floor(name, gold, span, speaker):
    res = _scorer().score(data=ROOT / "tests" / "data" / name)
    assert res["counts"][1] >= gold
    assert res["span"][2] >= span
    assert res["span+speaker"][2] >= speaker
