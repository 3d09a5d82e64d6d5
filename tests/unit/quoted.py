"""What the quote finder reports of a text, in the shape the quote tests compare."""

from __future__ import annotations

from newsreader.analysis import find_quotes


def said(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quotation, resolved speaker, the mention's text) for every quotation."""
    return [(text[q.start:q.end], q.speaker,
             text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None)
            for q in find_quotes(text)]
