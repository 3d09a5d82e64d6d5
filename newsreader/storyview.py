"""What a story's views need: its articles, its quotations merged across outlets,
and its speakers with the outlets that quote each (the CLI's ``story`` and the
app's story screen both read this)."""

from __future__ import annotations

from dataclasses import dataclass

from newsreader.analysis.stories.align import Carried, MergedQuote, carried_elsewhere, merge_quotes
from newsreader.models import Story


@dataclass(frozen=True)
class StorySpeaker:
    """A person quoted in a story, and the articles (and so outlets) quoting them."""

    name: str
    key: str
    articles: tuple[int, ...]
    quotes: int


@dataclass(frozen=True)
class Comparison:
    story: Story
    quotes: tuple[MergedQuote, ...]
    speakers: tuple[StorySpeaker, ...]

    def outlets_of(self, article_ids) -> list[str]:
        """The outlets of these articles, each once, in the story's order."""
        wanted = set(article_ids)
        return list(dict.fromkeys(a.outlet for a in self.story.articles if a.id in wanted))

    def speaker_of(self, quote: MergedQuote) -> str | None:
        """The name a quotation's speaker goes by in this story: the one ``speakers`` gives
        every wording of that person ("Sergei Lavrov" for a "Sergey Lavrov" elsewhere)."""
        for sp in self.speakers:
            if quote.speaker_key and sp.key == quote.speaker_key:
                return sp.name
        return quote.speaker


def compare(store, story_id: int) -> Comparison:
    """The story ``story_id`` with its quotations merged and its speakers."""
    story = store.story(story_id)
    carried = [Carried(aid, q.start, q.end, text, q.speaker, key)
               for aid, q, key, text in store.story_quotes(story_id) if text.strip()]
    order = [a.id for a in story.articles]
    merged = merge_quotes(order, carried)
    # words an outlet carries where the finder saw no quotation count too
    merged = tuple(carried_elsewhere(merged, store.story_bodies(story_id)))
    return Comparison(story, merged, speakers_of(merged))


def speakers_of(quotes) -> tuple[StorySpeaker, ...]:
    """Every named speaker of the merged quotations, the most quoted first."""
    by_key: dict[str, dict] = {}
    for q in quotes:
        if not q.speaker_key:
            continue
        got = by_key.setdefault(q.speaker_key, {"names": {}, "articles": [], "quotes": 0})
        for c in q.places:
            if c.speaker and c.speaker_key == q.speaker_key:
                got["names"][c.speaker] = got["names"].get(c.speaker, 0) + 1
            if c.article not in got["articles"]:
                got["articles"].append(c.article)
        got["quotes"] += 1
    out = []
    for key, got in by_key.items():
        # the fullest of the names used most: "Dmitry Peskov" over "Peskov"
        name = max(got["names"], key=lambda n: (got["names"][n], len(n))) if got["names"] else key
        out.append(StorySpeaker(name, key, tuple(got["articles"]), got["quotes"]))
    out.sort(key=lambda s: (-len(s.articles), -s.quotes, s.name))
    return tuple(out)
