"""Grouping articles into stories and merging their quotations: pure analysis on our own text."""

from __future__ import annotations

from newsreader.analysis.stories.align import Carried, merge_quotes, same_quotation, words
from newsreader.analysis.stories.group import DAY, Doc, Grouper, Settings, group
from newsreader.analysis.stories.terms import article_terms, term

T0 = 1_800_000_000.0

CRANE = [
    ("Crane collapses onto container ship at Port Wenna",
     "A dockside crane collapsed onto a container ship at Port Wenna early on Monday, injuring two crew "
     "members of the Saltmarsh Trader and closing the northern quay, harbour master Edda Morrow said."),
    ("Two hurt as harbour crane falls on ship in Port Wenna",
     "Two sailors were hurt when a harbour crane collapsed onto the container ship Saltmarsh Trader in Port "
     "Wenna on Monday morning. The northern quay is closed, Edda Morrow said."),
    ("Port Wenna crane collapse: quay closed, inquiry promised",
     "Port Wenna's northern quay was closed after a dockside crane collapsed onto the Saltmarsh Trader, "
     "hurting two of its crew. Harbour master Edda Morrow promised an inquiry."),
]
FESTIVAL = ("Port Wenna lantern festival draws record crowds",
            "More than twelve thousand people walked the harbour front on Sunday night for the Port Wenna "
            "lantern festival, the largest crowd in its forty-year history, organiser Tobin Arle said.")
BUDGET = ("Kestrian budget raises tax on holiday lets",
          "The finance ministry of Kestria will raise the tax on holiday lets from January, minister Tomas "
          "Varga told parliament on Tuesday, to pay for rural bus routes.")


def docs(texts, start=0, times=None, story=None):
    return [Doc(start + i, article_terms(t, b), (times[i] if times else T0 + i * 3600), story)
            for i, (t, b) in enumerate(texts)]


def test_terms_fold_case_accents_plurals_and_transliterations():
    assert term("Zelenskyy") == term("Zelensky") == term("zelenskiy") != term("Zelda")
    assert term("cranes") == term("crane") and term("Café") == term("cafe")
    got = article_terms("Crane collapse", "The crane fell, said Edda Morrow.")
    assert "the" not in got and "said" not in got
    assert got[term("crane")] > got[term("fell")]  # a headline word counts more
    assert got[term("Morrow")] > got[term("fell")]  # so does a name inside a sentence


def test_three_outlets_on_one_event_make_one_story_and_other_news_stays_apart():
    placed = group([], docs([*CRANE, FESTIVAL, BUDGET]))
    assert placed[0] == placed[1] == placed[2]
    assert 3 not in placed and 4 not in placed  # same town, another event; another country


def test_the_same_words_far_apart_in_time_are_two_events():
    placed = group([], docs(CRANE[:2], times=[T0, T0 + 10 * DAY]))
    assert placed == {}


def test_an_undated_article_may_join_any_time():
    placed = group([], docs(CRANE[:2], times=[T0, None]))
    assert placed[0] == placed[1]


def test_a_new_article_joins_a_known_story_and_earlier_stories_stay():
    known = docs(CRANE[:2], story=7) + docs([FESTIVAL], start=2)
    placed = Grouper(known).place(docs([CRANE[2], BUDGET], start=10))
    assert placed == {10: 7}  # joins story 7; the known ones are not placed again


def test_a_new_article_matching_a_lone_one_starts_a_story_with_it():
    known = docs(CRANE[:1])
    placed = Grouper(known).place(docs(CRANE[1:2], start=5))
    assert placed[0] == placed[5] < 0  # a new story (numbered below zero until stored)


def test_a_story_does_not_drift_one_link_at_a_time():
    # each headline shares a name with the next only: a chain, not one event
    chain = [("Morrow opens harbour museum", "Edda Morrow opened the harbour museum in Port Wenna."),
             ("Harbour museum loans Gellick maps", "The Port Wenna harbour museum lent maps to Gellick library."),
             ("Gellick library wins prize", "Gellick library won the Kestrian library prize for its maps.")]
    placed = group([], docs(chain), Settings())
    assert len({placed.get(i) for i in range(3)} - {None}) <= 1 and not (0 in placed and 2 in placed)


# --- quotations -------------------------------------------------------------------


def carried(article, text, speaker=None, start=0):
    key = speaker.split()[-1].lower() if speaker else None
    return Carried(article, start, start + len(text), text, speaker, key)


def test_the_same_words_in_curly_or_straight_quotes_with_other_punctuation_are_one():
    assert same_quotation(words("“We heard a crack, like a rifle shot!”"), words('"we heard a crack like a rifle shot."'))


def test_a_trimmed_or_elided_wording_is_the_same_quotation():
    full = words("We heard a crack like a rifle shot and then the whole arm came down on the deck.")
    assert same_quotation(words("We heard a crack like a rifle shot…"), full)
    assert same_quotation(words("We heard a crack like a rifle shot ... the whole arm came down on the deck"), full)
    assert not same_quotation(words("We heard nothing at all that morning, nothing"), full)


def test_a_word_or_two_is_the_same_only_whole_or_from_one_speaker():
    long_ = words("This is, of course, unacceptable to us.")
    assert not same_quotation(words("unacceptable"), long_)
    assert same_quotation(words("unacceptable"), long_, one_speaker=True)
    assert same_quotation(words("unacceptable."), words("Unacceptable"))


def test_merged_quotations_list_every_article_once_and_mark_the_lone_ones():
    got = merge_quotes([1, 2, 3], [
        carried(1, "We heard a crack like a rifle shot and then the whole arm came down,", "Edda Morrow", 10),
        carried(2, '"We heard a crack like a rifle shot and then the whole arm came down"', "Edda Morrow", 40),
        carried(3, "We heard a crack like a rifle shot…", None, 5),
        carried(2, "We warned them in April that the old cranes were tired,", "Kit Falloway", 90),
    ])
    shared, lone = got
    assert shared.articles == (1, 2, 3) and shared.shared and shared.speaker == "Edda Morrow"
    assert len(shared.places) == 3
    assert lone.articles == (2,) and not lone.shared and lone.speaker == "Kit Falloway"


def test_one_speakers_two_wordings_of_one_point_are_shown_together():
    got = merge_quotes([1, 2], [
        carried(1, "The quay will stay shut until every crane on it has been inspected.", "Edda Morrow"),
        carried(2, "Nothing moves on that quay until the cranes are checked.", "Edda Morrow"),
        carried(2, "We ran out of candles by eight o'clock.", "Edda Morrow", 80),
    ])
    assert got[0].point is not None and got[0].point == got[1].point
    assert got[2].point is None  # the same speaker on another point


def test_two_things_one_outlet_has_are_not_one_point_said_two_ways():
    got = merge_quotes([1], [
        carried(1, "The quay will stay shut until every crane is inspected.", "Edda Morrow"),
        carried(1, "Every crane on the quay will be inspected before it reopens.", "Edda Morrow", 90),
    ])
    assert [q.point for q in got] == [None, None]


def test_an_outlet_carrying_the_words_where_the_finder_saw_no_quotation_is_listed_too():
    from newsreader.analysis.stories.align import carried_elsewhere

    bodies = {1: "“We heard a crack like a rifle shot and then the whole arm came down,” said Edda Morrow.",
              2: "Witnesses described it. We heard a crack like a rifle shot and then the whole arm came down.",
              3: "The quay is closed."}
    merged = merge_quotes([1, 2, 3], [carried(1, bodies[1][1:70], "Edda Morrow", 1)])
    (got,) = carried_elsewhere(merged, bodies)
    assert got.articles == (1, 2)
    place = next(c for c in got.places if c.article == 2)
    assert bodies[2][place.start:place.end] == "We heard a crack like a rifle shot and then the whole arm came down"


def test_one_outlet_alone_needs_more_likeness_to_make_a_story():
    # two outlets' reports a little above the bar join; the same two pieces from one
    # outlet (its beat, its boilerplate) need ``same_outlet`` more
    probe = Grouper([])
    a, b = docs(CRANE[:2])
    probe.place([a, b])
    likeness = sum(v * b.vec.get(t, 0.0) for t, v in a.vec.items())
    settings = Settings(threshold=likeness - 0.05, pair=likeness - 0.05, same_outlet=0.1)

    def placed(first: str, second: str) -> dict[int, int]:
        x, y = docs(CRANE[:2])
        x.outlet, y.outlet = first, second
        return group([], [x, y], settings)

    assert placed("harbour post", "wenna times")[0] == placed("harbour post", "wenna times")[1]
    assert placed("harbour post", "harbour post") == {}
    assert placed(None, None)[0] == placed(None, None)[1]  # unknown outlets are not one outlet


def test_an_outlets_piece_a_day_after_its_own_needs_more_likeness_to_join():
    # an outlet's next-day piece on a story it told is more often the next development
    def placed(outlet: str, after: float, follow_up: float = 1.0) -> dict[int, int]:
        known = docs(CRANE[:2], story=7, times=[T0, T0 + 3600])
        known[0].outlet, known[1].outlet = "harbour post", "wenna times"
        (new,) = docs(CRANE[2:], start=10, times=[T0 + after])
        new.outlet = outlet
        return Grouper(known, Settings(follow_up=follow_up)).place([new])

    assert placed("harbour post", DAY) == {}  # its own follow-up, held to a higher bar
    assert placed("harbour post", DAY, follow_up=0.0) == {10: 7}
    assert placed("gellick news", DAY) == {10: 7}  # another outlet's report a day on
    assert placed("harbour post", 2 * 3600) == {10: 7}  # its own update the same morning


def test_the_lead_counts_whole_at_first_then_half():
    early = "Gellick " + " ".join(["harbour"] * 10)
    late = " ".join(["harbour"] * 80) + " Gellick"
    assert article_terms("", early)[term("Gellick")] == 2 * article_terms("", late)[term("Gellick")]
