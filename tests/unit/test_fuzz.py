"""Fuzzing the readers of untrusted input with hypothesis: feed import, the
page-text importer, HTML to text and the quote finder, fed real documents
mutated (tests/data, and ../shared when present) and random bytes.

Only the project's own one-line errors (NewsreaderError) may come out, and time
grows about linearly with the input. Kept small for the suite (a few seconds);
``benchmarks/fuzz_bench.py`` runs thousands and prints the figures.
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsreader.analysis import find_quotes
from newsreader.errors import NewsreaderError
from newsreader.ingest.feeds import parse_feed
from newsreader.ingest.htmltext import html_to_text
from newsreader.ingest.pipeline import prepare
from newsreader.ingest.textpage import parse_text_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
import fuzzing  # noqa: E402

SMALL = 24_000  # seeds up to this size keep an example to milliseconds
FUZZ = settings(max_examples=60, deadline=timedelta(seconds=2), derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_edit = st.tuples(st.sampled_from(fuzzing.OPS), st.floats(0, 1), st.integers(1, 64),
                  st.binary(min_size=1, max_size=16))


def inputs(kind: str) -> st.SearchStrategy[bytes]:
    """Real documents of ``kind`` with up to eight edits, or random bytes."""
    found = fuzzing.seeds(kind, SMALL)
    mutated = st.builds(lambda seed, edits: fuzzing.mutate(seed, edits, found),
                        st.sampled_from(found), st.lists(_edit, min_size=1, max_size=8))
    return st.one_of(mutated, st.binary(max_size=2048))


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def import_feed(data: bytes) -> None:
    """What import and refresh do with a feed body: parse, then clean and find quotes."""
    prepare(parse_feed(data, "https://fuzz.example/feed.xml").articles)


def import_page(data: bytes) -> None:
    prepare([parse_text_page(_text(data), "page.txt")])


def html_text(data: bytes) -> None:
    text, links = html_to_text(_text(data), "https://fuzz.example/a/")
    assert isinstance(text, str) and all(isinstance(u, str) for u in links)


def quotes(data: bytes) -> None:
    text = _text(data)
    for q in find_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)


def _only_our_errors(target, data: bytes) -> None:
    try:
        target(data)
    except NewsreaderError as exc:
        assert str(exc) and "\n" not in str(exc)  # one line for the user


@FUZZ
@given(inputs("feed"))
def test_feed_import(data):
    _only_our_errors(import_feed, data)


@FUZZ
@given(inputs("text"))
def test_page_text_import(data):
    _only_our_errors(import_page, data)


@FUZZ
@given(inputs("html"))
def test_html_to_text(data):
    html_text(data)  # returns text for anything: no error at all


@FUZZ
@given(inputs("text") | inputs("html"))
def test_quote_finder(data):
    quotes(data)


@pytest.mark.parametrize("data", [
    b"</height>",  # feedparser: int(None)
    b"<content<media:player/>",  # feedparser: KeyError 'media_credit'
    b"<?xml version='1.0' encoding='\xe9'?><rss/>",  # feedparser: UnicodeDecodeError
    b"<item<itunes:keywords n>",  # ours: keywords left as a dict
], ids=["height", "credit", "encoding", "keywords"])
def test_what_fuzzing_found(data):
    """Inputs the fuzzing found, cut down to what still failed (each raised a
    TypeError, KeyError, UnicodeDecodeError or AttributeError)."""
    _only_our_errors(import_feed, data)


def _best_of(target, data: bytes, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        _only_our_errors(target, data)
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.parametrize("target, kind", [(import_feed, "feed"), (import_page, "text"),
                                          (html_text, "html"), (quotes, "text")],
                         ids=["feed", "page", "html", "quotes"])
def test_time_grows_about_linearly(target, kind):
    """Ten times a document (its middle repeated, mutated or not) takes far less than
    a hundred times as long; a quadratic step would."""
    import random

    rng = random.Random(18)
    found = sorted(fuzzing.seeds(kind, 8_000), key=len)[-3:]
    for seed in found + [fuzzing.mutate(s, fuzzing.random_edits(rng, 4), found) for s in found]:
        one, ten = _best_of(target, seed), _best_of(target, fuzzing.scaled(seed, 10))
        assert ten < 30 * one + 0.05, (len(seed), one, ten)
