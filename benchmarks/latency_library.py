"""A large generated library for the in-app latency benchmark (``app_latency.py``).

Articles of a few hundred words in paragraphs, about a third of which end in a
quotation attributed to a named speaker (stored with its span, as the quote
finder would have found it); words drawn with a Zipf-like distribution so a
search hits anything from a handful to most of the library; eight feeds and
eight categories, the older half read, a few favourites, one article in twenty
part of a story of two to four; and one article of about 2 MB, the newest in
the library. It is stored directly through ``Store.upsert_articles`` (no feed
parsing, no quote finding: that is the import benchmark's business), then its
categories and stories are marked as done, so the app starts with nothing to
catch up on.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsreader.analysis import QUOTES_VERSION
from newsreader.analysis.speakers import person_key
from newsreader.models import Quote
from newsreader.store import NewArticle, Store

T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
STEP = timedelta(minutes=5)
BIG_TITLE = "The long read: a year in the harbour city, in full"
BIG_BYTES = 2_000_000
CATEGORIES = ("World", "Politics", "Business", "Science", "Sport", "Culture", "Technology", "Health")
FEEDS = ("Harbour Times", "The Northern Post", "City Ledger", "Valley Herald", "Coast Daily",
         "Morning Wire", "The Islander", "Metro Review")
COMMON = ("the of and to a in is that for on was with he it as at by said from his be has have are "
          "an they not but had were which this after been who their will one would new more also "
          "year its people two first than there over last about out up when into could before").split()
SYLLABLES = "ka lo mi ren tas vel dor ish um pra ne go lin sa tor bel quo fi zan mur el an po ri".split()
FIRST = "Ada Jonas Mira Tomas Ida Oskar Lena Piet Sara Yusuf Ana Karl Noor Emil Rosa Hugo".split()


def _vocabulary(rng: random.Random, n: int = 6000) -> tuple[list[str], list[float]]:
    """Common words first, then made-up ones; weights fall as 1/rank."""
    words = list(COMMON)
    seen = set(words)
    while len(words) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words, [1.0 / (rank + 1) for rank in range(n)]


class Writer:
    """Sentences, paragraphs and whole articles from one seeded vocabulary."""

    def __init__(self, seed: int = 14) -> None:
        self.rng = random.Random(seed)
        self.words, weights = _vocabulary(self.rng)
        draws = self.rng.choices(self.words, weights, k=400_000)
        self.sentences = []
        at = 0
        while at < len(draws) - 30:
            n = self.rng.randint(8, 24)
            text = " ".join(draws[at:at + n])
            self.sentences.append(text[:1].upper() + text[1:] + ".")
            at += n
        self.names = [f"{f} {''.join(self.rng.choice(SYLLABLES) for _ in range(3)).capitalize()}"
                      for f in FIRST for _ in range(8)]

    def search_words(self) -> list[str]:
        """Queries from rare to common: a speaker's surname, made-up words of falling
        rank, a common word, and two words together."""
        w = self.words
        return [self.names[3].split()[1], w[3000], w[1500], w[800], w[400], w[200], w[120],
                w[len(COMMON) + 5], "said", f"{w[300]} {w[150]}"]

    def title(self) -> str:
        text = " ".join(self.rng.choice(self.sentences).split()[:self.rng.randint(5, 10)]).rstrip(".")
        return text[:1].upper() + text[1:]

    def body(self, words: int) -> tuple[str, list[Quote]]:
        """Paragraphs of about ``words`` words in all; a third end in an attributed quotation."""
        rng = self.rng
        out: list[str] = []
        quotes: list[Quote] = []
        length = 0
        left = words
        while left > 0:
            para = " ".join(rng.choice(self.sentences) for _ in range(rng.randint(2, 5)))
            left -= para.count(" ") + 1
            if rng.random() < 0.35:
                said = rng.choice(self.sentences)[:-1]
                name = rng.choice(self.names)
                head = f"{para} “"
                start = length + len(head)
                end = start + len(said)
                tail = f",” said {name}."
                quotes.append(Quote(start, end, "quote", name, end + len(",” said "),
                                    end + len(",” said ") + len(name), "said"))
                para = head + said + tail
            out.append(para)
            length += len(para) + 2
        return "\n\n".join(out), quotes


def build(db: Path, n: int, seed: int = 14) -> dict:
    """Write ``n`` articles (the last the 2 MB one) to ``db``; returns facts the benchmark needs."""
    from newsreader.config import Config
    from newsreader.ingest.categories import CategoryRules
    from newsreader.ingest.recategorise import recategorise

    w = Writer(seed)
    rng = w.rng
    with Store(db) as store:
        feeds = [store.ensure_feed(f"https://feed{i}.example/rss", title) for i, title in enumerate(FEEDS)]
        batch: dict[int, list[NewArticle]] = {f: [] for f in feeds}

        def flush() -> None:
            for f, items in batch.items():
                if items:
                    store.upsert_articles(f, f"https://feed{feeds.index(f)}.example/rss", items)
                    items.clear()

        for i in range(n):
            big = i == n - 1
            body, quotes = w.body(BIG_BYTES // 8 if big else rng.randint(200, 500))
            if big:
                while len(body.encode()) < BIG_BYTES:  # top it up to at least 2 MB
                    more, more_quotes = w.body(2000)
                    shift = len(body) + 2
                    quotes += [Quote(q.start + shift, q.end + shift, q.kind, q.speaker,
                                     q.speaker_start + shift, q.speaker_end + shift, q.cue) for q in more_quotes]
                    body += "\n\n" + more
            category = rng.choice(CATEGORIES)
            when = (T0 + i * STEP).strftime("%Y-%m-%dT%H:%M:%SZ")
            feed = feeds[i % len(feeds)]
            batch[feed].append(NewArticle(
                guid=f"a{i}", title=BIG_TITLE if big else w.title(), body=body, category=category,
                content_hash=f"h{i}", published=when, link=f"https://feed{i % 8}.example/{i}",
                sections=(category,), tags=(category,), quotes=tuple(quotes),
                speaker_keys=tuple(person_key(q.speaker) for q in quotes), quotes_version=QUOTES_VERSION,
                read_at=when if i < n // 2 and rng.random() < 0.9 else None,
                favourite_at=when if rng.random() < 0.01 else None))
            if (i + 1) % 5000 == 0:
                flush()
        flush()
        recategorise(store, CategoryRules.from_config(Config(refresh_minutes=0)), force=True)
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY id")]
        stories: dict[int, int] = {}
        for k, at in enumerate(range(0, len(ids) - 60, 20)):  # one in twenty, with one to three later ones
            for j in range(rng.randint(2, 4)):
                stories[ids[at + j * 7]] = -(k + 1)
        store.place_in_stories(stories, ids[-1])
    return {"articles": n, "search": w.search_words()}
