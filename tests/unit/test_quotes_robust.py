"""find_quotes on any text: never an exception, offsets inside the text, linear time."""

from __future__ import annotations

import time

from hypothesis import given, settings, strategies as st

from newsreader.analysis import find_quotes
from newsreader.analysis.speakers import person_key, same_person

MARKS = "“”„«»\"'‘’:.,\n "
pieces = st.one_of(
    st.sampled_from(list(MARKS) + ["''", "``", "\n\n", " said ", " he said", "Dr. ", "Q: ",
                                   "Anna Smith", "Smith", "the spokesman", " told reporters"]),
    st.text(max_size=8),
)


def _check(text: str) -> None:
    quotes = find_quotes(text)
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert q.kind in ("quote", "turn")
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=60).map("".join))
def test_quote_like_noise_never_raises(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_random_unicode_never_raises(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_speaker_keys_never_raise(a, b):
    assert isinstance(person_key(a), str)
    assert same_person(a, b) in (True, False)


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    find_quotes(text)
    return time.perf_counter() - t0


def test_huge_paragraph_with_unbalanced_marks_is_linear():
    unit = "“He said “that ” it was \"fine, Dr. Smith: ok. "
    small, big = unit * 2000, unit * 20000
    t_small, t_big = _timed(small), _timed(big)
    assert t_big < 40 * max(t_small, 0.01)  # ten times the text, far from a hundred times the time


def test_megabyte_paragraph():
    text = ("word " * 200_000) + "“" + ("x " * 10_000)
    assert _timed(text) < 20
    _check(text)


def test_many_colons_and_newlines():
    _check(("A: b\n\n" * 5000) + ("\n" * 10000) + ("“" * 5000) + ("\"" * 5001))
