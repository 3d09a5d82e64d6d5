"""benchmarks/polnear_score.py reads brat standoff as PolNeAR ships it and scores
find_quotes on it. The fixture is written here in the corpus's shapes (the corpus
itself is not part of the project)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "polnear_like"


def _bench():
    if "polnear_score" not in sys.modules:  # its dataclasses need the module registered
        spec = importlib.util.spec_from_file_location("polnear_score", ROOT / "benchmarks" / "polnear_score.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules["polnear_score"] = mod
        spec.loader.exec_module(mod)
    return sys.modules["polnear_score"]


def test_gold_quotations_are_the_quoted_stretches_inside_annotated_content():
    bench = _bench()
    [(name, text, gold)] = bench.load_split(DATA, None)
    assert name == "paper_2016-01-01_ferry-vote"
    got = [(text[g.start:g.end], " ".join(text[a:b] for a, b in g.source) or None) for g in gold]
    assert got == [
        ("a promise kept to every family on the island.", None),  # Attribution-no-source
        ("We listened, and we changed our minds,", "Ostrova"),
        ("Nobody here wanted to be the council that cut them off.", "Ostrova"),
        ("loses money every winter.", "The report, which ran to 40 pages,"),  # '' as a double mark
        ("lifeline", "Critics"),
        ("Nobody asked the crews.", "One skipper"),
    ]  # the headline's ‘The Ferry Stays.’ lies in no Content: no gold quotation


def test_discontinuous_spans_notes_and_discuss_lines_are_read_or_skipped():
    bench = _bench()
    ann = ("T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 10 20;25 30\tx y\n"
           "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\nT4\tDiscuss 0 8\tAna said\n"
           "#1\tAnnotatorNotes T4\tcheck this\n")
    [att] = bench.parse_ann(ann)
    assert att.content == [(10, 20), (25, 30)] and att.source == [(0, 3)] and att.cue == [(4, 8)]


def test_every_part_of_a_role_belongs_to_its_attribution():
    # "“We will,” Ana said. “Soon.”": one attribution, its Content in two parts
    bench = _bench()
    ann = ("T1\tContent 0 10\t“We will,”\nT2\tSource 11 14\tAna\nT3\tCue 15 19\tsaid\n"
           "T4\tAttribution 15 19\tsaid\nE1\tAttribution:T4 Cue:T3 Source:T2 Content:T1 Content2:T5\n"
           "T5\tContent 21 28\t“Soon.”\n")
    [att] = bench.parse_ann(ann)
    assert att.content == [(0, 10), (21, 28)] and att.source == [(11, 14)] and att.cue == [(15, 19)]


def test_scores_count_exact_spans_and_overlapping_speaker_mentions():
    bench = _bench()
    res = bench.score(bench.load_split(DATA, None))
    assert (res["gold"], res["pred"], res["span"]) == (6, 7, 6)
    # the headline quotation is not annotated (a false quotation by the corpus's
    # lights); the no-source attribution is given the mayor, which cannot overlap
    assert dict(res["errors"]) == {"false-quote": 1, "speaker-where-none": 1}
    assert res["both"] == 5


def test_a_directory_without_the_corpus_layout_is_a_clear_error(tmp_path):
    bench = _bench()
    try:
        bench.load_split(tmp_path, None)
    except SystemExit as exc:
        assert "text/ and attributions/" in str(exc)
    else:
        raise AssertionError("no error for a directory without text/ and attributions/")


def test_a_left_curly_mark_right_after_the_words_closes_a_quotation():
    # a typo the corpus has: “…“ for “…”; after a space the mark opens a quotation
    bench = _bench()
    text = "She said the plan was “a real mess“ and left. He called it “fine” too.\n“Not so,“ Ana said."
    got = [text[a:b] for a, b in bench.quote_segments(text)]
    assert got == ["a real mess", "fine", "Not so,"]


def test_a_quotation_in_double_marks_inside_another_is_read_as_part_of_it():
    bench = _bench()
    text = "Ana said that “the board kept its “harbour list” secret” and left. “Go,” she said."
    got = [text[a:b] for a, b in bench.quote_segments(text)]
    assert got == ["the board kept its “harbour list” secret", "Go,"]
