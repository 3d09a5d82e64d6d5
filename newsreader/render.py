"""An article as Rich text for the terminal (``newsreader show``).

Quotes are styled by span with ``Text.stylize``; the body is never parsed
as markup, so whatever the article says is shown, not obeyed.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from newsreader.models import Article
from newsreader.quoteview import speaker_index, speaker_list

SPEAKER_STYLES = ("cyan", "magenta", "green", "yellow", "blue", "red",
                  "bright_cyan", "bright_magenta", "bright_green", "bright_yellow")


def speaker_style(index: int | None) -> str:
    return "italic" if index is None else f"italic {SPEAKER_STYLES[index % len(SPEAKER_STYLES)]}"


def render_article(art: Article) -> Group:
    """Title, metadata, speakers and the body with each quote in its speaker's colour."""
    parts = [Text(art.title, style="bold")]
    meta = [m for m in (art.byline, art.feed_title or art.source,
                        f"{art.published:%Y-%m-%d %H:%M} UTC" + (" (import time)" if art.published_estimated else ""),
                        art.category) if m]
    parts.append(Text(" · ".join(meta), style="dim"))
    if art.link:
        parts.append(Text(art.link, style="underline dim"))
    index = speaker_index(art.quotes)
    speakers = speaker_list(art.quotes)
    if speakers:
        line = Text("Speakers: ", style="bold")
        for i, (name, n) in enumerate(speakers):
            if i:
                line.append(", ")
            line.append(name, style=speaker_style(index[name]).replace("italic ", "bold "))
            line.append(f" ({n})")
        parts.append(line)
    parts.append(Text(""))
    body = Text(art.body)
    for q in art.quotes:
        body.stylize(speaker_style(index.get(q.speaker) if q.speaker else None), q.start, q.end)
        if q.speaker_start is not None and q.speaker_end is not None:
            body.stylize("underline", q.speaker_start, q.speaker_end)
    parts.append(body)
    return Group(*parts)
