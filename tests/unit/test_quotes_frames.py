"""find_quotes: more frame shapes from real reporting, each on sentences written for it."""

from __future__ import annotations

from newsreader.analysis import find_quotes


def said(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quotation, resolved speaker, the mention's text) for every quotation."""
    return [(text[q.start:q.end], q.speaker,
             text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None)
            for q in find_quotes(text)]


def test_according_to_a_described_source_is_that_source():
    text = "Over ten years, according to the budget office, the gap “is mainly down to ageing.”"
    assert said(text) == [("is mainly down to ageing.", "the budget office", "the budget office")]
    text = "According to the newsletter, “the mill will close in May.”"
    assert said(text)[0][2] == "the newsletter"


def test_according_to_a_name_keeps_the_name():
    text = "According to Halvard Tønnesen, “the mill will close in May.”"
    assert said(text)[0][1] == "Halvard Tønnesen"
