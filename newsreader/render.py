"""An article as Rich text for the terminal (``newsreader show``).

Quotes are styled by span with ``Text.stylize``; the body is never parsed
as markup, so whatever the article says is shown, not obeyed. Under the
body come its numbered links (the body's "[n]") and its attachments.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from newsreader.ingest.fulltext import text_state
from newsreader.models import Article, Enclosure
from newsreader.quoteview import speaker_index, speaker_list
from newsreader.text import clean_line, human_size, shown_date

SPEAKER_STYLES = ("cyan", "magenta", "green", "yellow", "blue", "red",
                  "bright_cyan", "bright_magenta", "bright_green", "bright_yellow")


def speaker_style(index: int | None) -> str:
    return "italic" if index is None else f"italic {SPEAKER_STYLES[index % len(SPEAKER_STYLES)]}"


def _attachment(enc: Enclosure) -> Text:
    line = Text(clean_line(enc.url), style="underline")
    details = [d for d in (clean_line(enc.type), human_size(enc.length) if enc.length is not None else "") if d]
    if details:
        line.append(" (" + ", ".join(details) + ")", style="dim")
    return line


def render_article(art: Article) -> Group:
    """Title, metadata, speakers, the body with each quote in its speaker's
    colour, then the body's numbered links and the article's attachments."""
    parts = [Text(art.title, style="bold")]
    meta = [m for m in (art.byline, art.feed_title or art.source,
                        shown_date(art.published, art.published_estimated),
                        art.category) if m]
    parts.append(Text(" · ".join(meta), style="dim"))
    if art.link:
        parts.append(Text(art.link, style="underline dim"))
    state = text_state(art)
    if state is not None:
        feed = f"{art.feed_id}" if art.feed_id is not None else "FEED"
        if state == "failed":
            note = f"(the whole article could not be fetched: {art.full_text})"
        else:
            why = "no text in the feed" if state == "empty" else "only the feed's summary"
            how = (f"'newsreader feeds --full-text {feed} on' fetches whole articles on refresh"
                   if art.feed_subscribed else "W in the app fetches the whole article")
            note = f"({why}; {how})"
        parts.append(Text(note, style="yellow"))
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
    if art.links:
        parts += [Text(""), Text("Links", style="bold")]
        parts += [Text(f"[{n}] {clean_line(url)}", style="dim") for n, url in enumerate(art.links, 1)]
    if art.enclosures:
        parts += [Text(""), Text("Attachments", style="bold")]
        parts += [_attachment(enc) for enc in art.enclosures]
    return Group(*parts)
