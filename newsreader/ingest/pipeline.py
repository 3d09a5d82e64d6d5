"""From files to the library: sniff, parse, choose categories, find quotes, store.

Each file is imported in one transaction, so a bad file leaves the library
exactly as it was; one bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Iterable, Sequence

from newsreader.errors import IngestError, NewsreaderError
from newsreader.ingest.categories import NO_RULES, UNCATEGORISED, CategoryRules
from newsreader.ingest.killfile import Killfile, killed_summary, store_arrivals
from newsreader.models import ParsedArticle, ParsedFeed
from newsreader.store import NewArticle, Store, UpsertCounts
from newsreader.store.timefmt import now_utc, to_db
from newsreader.text import clean_line, clean_text

Progress = Callable[[int, int, str], None]


@dataclass
class FileResult:
    path: str
    kind: str = ""
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    hidden: int = 0  # new articles the killfile hid
    marked_read: int = 0  # and marked read
    subscribed: int = 0
    subscription: bool = False  # a feed that refresh reads again (imported with --subscribe, or before)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}

    def killed(self) -> str:
        """What the killfile did to the new articles, in words ("" when nothing)."""
        return killed_summary(self.hidden, self.marked_read)


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\0{body}".encode("utf-8", "surrogatepass")).hexdigest()


def analyse(body: str):
    """Quotes in ``body`` and each one's cross-article speaker key."""
    from newsreader.analysis import find_quotes
    from newsreader.analysis.speakers import person_key

    quotes = tuple(find_quotes(body))
    # a description ("the company", "the letter", "one") names no one across articles:
    # it keeps its words in the article but no key, so the library's speakers list does
    # not make one "company" of every company
    keys = tuple(person_key(q.speaker) if q.speaker and not q.speaker[:1].islower() else None
                 for q in quotes)
    return quotes, keys


def _analyse_or_keep(body: str):
    """``analyse``, or None for a text the finder fails on: its stored quotes stay (a
    bug there must not stop the pass at that article, nor keep it from opening)."""
    try:
        return analyse(body)
    except Exception:  # noqa: BLE001 - any failure of the finder on any text
        return None, None


def reanalyse(store: Store, *, article_id: int | None = None, progress: Progress | None = None,
              batch: int = 500, should_stop: Callable[[], bool] | None = None) -> int:
    """Find the quotes again in articles an older quote finder read (or in the one
    article given, if it is such), a batch per transaction, in this process;
    returns how many."""
    from newsreader.analysis import QUOTES_VERSION

    if article_id is None:
        from newsreader.ingest.quotepass import find_stale

        return find_stale(store, progress=progress, workers=1, should_stop=should_stop, batch=batch)
    stale = store.stale_quotes(QUOTES_VERSION, 1, article_id)
    store.replace_quotes([(art_id, digest, *_analyse_or_keep(body)) for art_id, body, digest in stale],
                         QUOTES_VERSION)
    if stale and progress:
        progress(1, 1, "")
    return len(stale)


def prepare(articles: Sequence[ParsedArticle], given_category: str | None = None,
            read_at: datetime | None = None, find_quotes: bool = True) -> list[NewArticle]:
    """Parsed articles (one feed's, in its order) made ready to store: clean text, a
    guid, quotes, a place in time for the undated ones (read at ``read_at``), and the
    given category (else Uncategorised): the category is chosen where they are
    written, with their feed as stored (``categorised``). Without ``find_quotes``
    they go without quotes, marked for a later pass (``ingest.quotepass``)."""
    from newsreader.analysis import QUOTES_VERSION
    from newsreader.ingest.undated import estimate_dates

    estimates = estimate_dates([a.published for a in articles], read_at or now_utc())
    out = []
    category = clean_line(given_category or "") or UNCATEGORISED
    for art, estimate in zip(articles, estimates):
        title = clean_line(art.title) or "(untitled)"
        body = art.body if art.body_clean else clean_text(art.body)
        published = to_db(art.published)
        guid = art.guid or art.link or "hash:" + content_hash(title, published or "")
        quotes, keys = analyse(body) if find_quotes else ((), ())
        byline = clean_line(art.byline) or None
        sections = tuple(dict.fromkeys(t for t in (clean_line(t) for t in art.categories) if t))
        tags = tuple(dict.fromkeys((*(t for t in map(clean_line, art.tags) if t), *sections)))  # sections are clean
        # Everything a reader sees goes into the hash, so any change updates the article.
        seen = "\0".join((body, byline or "", art.link or "", published or "", *tags,
                          *(e.url for e in art.enclosures)))
        out.append(NewArticle(
            guid=guid, title=title, body=body, category=category,
            content_hash=content_hash(title, seen), published=published,
            link=art.link or None, byline=byline, tags=tags, sections=sections,
            summary=clean_text(art.summary), links=tuple(art.links), html=art.html,
            enclosures=tuple(art.enclosures), estimate=to_db(estimate),
            quotes=quotes, speaker_keys=keys, quotes_version=QUOTES_VERSION if find_quotes else 0,
        ))
    return out


def store_feed(store: Store, feed: ParsedFeed, url: str, *, category: str | None = None,
               title: str | None = None, subscribed: bool = False,
               killfile: Killfile | None = None, rules: CategoryRules = NO_RULES) -> tuple[int, UpsertCounts]:
    """Put a parsed feed's articles in the library under the source ``url``."""
    items = prepare(feed.articles, category)
    with store.transaction():
        feed_id = store.ensure_feed(url, title or clean_line(feed.title) or url, category=category,
                                    site=feed.link, subscribed=subscribed, own_title=clean_line(feed.title) or None)
        counts = store_arrivals(store, feed_id, url, arriving(store, feed_id, items, rules), killfile)
    return feed_id, counts


PAGE_KINDS = ("html", "text")  # a saved article page, not a feed


def arriving(store: Store, feed_id: int, items: Sequence[NewArticle],
             rules: CategoryRules = NO_RULES) -> list[NewArticle]:
    """The items as they are to be written: categorised, and a feed with no dates at
    all placed under the dated news already stored. Call inside the write's transaction."""
    return _placed(store, feed_id, categorised(store, feed_id, items, rules))


def _placed(store: Store, feed_id: int, items: list[NewArticle]) -> list[NewArticle]:
    """A feed that dates none of its items, read for the first time, goes under the
    newest dated article already stored, not above all of it as "now": an archive
    read today is no news of today. (Its later items, new at a refresh, are the
    newest there is: the time they were read stays theirs.)"""
    from newsreader.store.timefmt import from_db

    if not items or any(it.published or not it.estimate for it in items) or not store.feed_is_empty(feed_id):
        return items
    newest = store.newest_dated(but_feed=feed_id)
    top = max(it.estimate for it in items)
    if newest is None or newest >= top:
        return items
    shift = from_db(top) - from_db(newest) + timedelta(seconds=1)
    return [replace(it, estimate=to_db(from_db(it.estimate) - shift)) for it in items]


def categorised(store: Store, feed_id: int, items: Sequence[NewArticle],
                rules: CategoryRules = NO_RULES) -> list[NewArticle]:
    """The items with the categories their feed, as stored, and the user's mapping give
    them (the feed's subscription category first). Call inside the write's transaction."""
    from newsreader.ingest.outlets import name_feed
    from newsreader.ingest.recategorise import choose_for, note_rules

    note_rules(store, rules)
    chosen = choose_for(name_feed(store, store.feed(feed_id)), items, rules)  # named first, as it is shown
    return [it if it.category == c else replace(it, category=c) for it, c in zip(items, chosen)]


def parse_document(data: bytes, source: str) -> tuple[str, object]:
    """Sniff and parse one document; returns (kind, parsed)."""
    from newsreader.ingest.detect import sniff

    kind = sniff(data, source)
    if kind in ("feed", "jsonfeed"):
        from newsreader.ingest.feeds import parse_feed

        return kind, parse_feed(data, source)
    if kind == "opml":
        from newsreader.ingest.opml import parse_opml

        return kind, parse_opml(data)
    if kind == "backup":
        return kind, _load_json(data)
    from newsreader.ingest.textpage import parse_text_page

    if kind == "html":
        from newsreader.ingest.htmlpage import parse_html_page

        try:
            return kind, parse_html_page(data, None)
        except IngestError:
            if not source.lower().endswith(".txt"):
                raise
            # a page saved as text that holds markup here and there: the text cleaner reads it
            return "text", parse_text_page(_decode(data), source)

    return kind, parse_text_page(_decode(data), source)


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _load_json(data: bytes) -> dict:
    try:
        return json.loads(data)
    except ValueError as exc:
        raise IngestError(f"not valid JSON: {exc}") from None


@dataclass
class Loaded:
    """A file parsed and prepared, not yet stored: the part that can run in another process."""

    result: FileResult
    source: str
    title: str | None = None
    site: str | None = None
    items: list[NewArticle] = field(default_factory=list)
    subs: list = field(default_factory=list)
    backup: dict | None = None
    seen: dict = field(default_factory=dict)  # what refresh compares next time: hash, validators


def load_file(path: str | Path, category: str | None = None, find_quotes: bool = True) -> Loaded:
    """Read, sniff, parse and prepare one file (finding its quotes, with ``find_quotes``);
    errors come back in the result."""
    from newsreader.ingest.detect import read_source_bytes
    from newsreader.ingest.fetch import body_hash, fetch, is_url
    from newsreader.ingest.localfile import local_path, signature

    source = str(path)
    res = FileResult(path=str(path))
    loaded = Loaded(result=res, source=source)
    try:
        if is_url(source):
            got = fetch(source)
            data, loaded.source = got.body, got.url
            loaded.seen = dict(etag=got.etag, last_modified=got.last_modified)
        else:
            p = local_path(source)  # a file: URL is a file too
            source = loaded.source = str(p)
            loaded.seen = dict(last_modified=signature(p))  # before reading, as refresh does
            data = read_source_bytes(p)
        loaded.seen["body_hash"] = body_hash(data)
        res.kind, parsed = parse_document(data, source)
        if res.kind in ("feed", "jsonfeed"):
            feed: ParsedFeed = parsed  # type: ignore[assignment]
            if not feed.articles:
                raise IngestError("the feed has no entries")
            res.warnings = list(feed.warnings)
            loaded.title, loaded.site = clean_line(feed.title) or source, feed.link
            loaded.items = prepare(feed.articles, category, find_quotes=find_quotes)
        elif res.kind == "opml":
            loaded.subs = list(parsed)  # type: ignore[arg-type]
        elif res.kind == "backup":
            loaded.backup = parsed  # type: ignore[assignment]
        else:
            page: ParsedArticle = parsed  # type: ignore[assignment]
            if not page.guid:
                page = _with_guid(page, source)
            # the source is named for the site the page names, else for its file (not for the article)
            loaded.title = page.site or clean_line(Path(source).name)
            loaded.items = prepare([page], category, find_quotes=find_quotes)
    except NewsreaderError as exc:
        res.error = str(exc)
    except (OSError, ValueError, UnicodeError, RecursionError, MemoryError) as exc:
        res.error = f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # a parser bug must not stop the other files
        res.error = f"could not be read ({type(exc).__name__}: {exc})"
    return loaded


def write_loaded(store: Store, loaded: Loaded, category: str | None = None,
                 subscribe: bool = False, killfile: Killfile | None = None,
                 rules: CategoryRules = NO_RULES) -> FileResult:
    """Store what ``load_file`` prepared, in one transaction; with ``subscribe`` a feed
    becomes a subscription that refresh reads again (the killfile judging the new
    articles of a feed or page; a backup's keep the state they had)."""
    res = loaded.result
    if res.error:
        return res
    feed_kind = res.kind in ("feed", "jsonfeed")
    if subscribe and not feed_kind and res.kind not in ("opml", "backup"):
        res.warnings.append("a saved page, not a feed: imported, not subscribed")
    try:
        if res.kind == "opml":
            res.subscribed = subscribe_all(store, loaded.subs, category)
            return res
        if res.kind == "backup":
            from newsreader.ingest.backup import restore

            counts = restore(store, loaded.backup)  # type: ignore[arg-type]
        else:
            with store.transaction():
                known = store.feed_by_url(loaded.source)
                subscribing = subscribe and feed_kind
                # a subscription's own category (kept on the feed) still comes first
                feed_id = store.ensure_feed(loaded.source, loaded.title or loaded.source,
                                            category=category, site=loaded.site, subscribed=subscribing)
                if res.kind in PAGE_KINDS and known is not None and loaded.title and loaded.title != known.title:
                    # a page read again names its site now (its name is made from that)
                    store.update_feed(feed_id, title=loaded.title, own_title=None)
                items = arriving(store, feed_id, loaded.items, rules)
                counts = store_arrivals(store, feed_id, loaded.source, items, killfile)
                if subscribing:
                    now = now_utc()  # read just now: the next refresh asks whether it changed
                    store.update_feed(feed_id, last_attempt=now, last_success=now, last_error=None,
                                      failures=0, **loaded.seen)
                res.subscription = feed_kind and store.feed(feed_id).subscribed
            res.hidden, res.marked_read = counts.hidden, counts.marked_read
        res.added, res.updated, res.unchanged = counts.added, counts.updated, counts.unchanged
    except NewsreaderError as exc:
        res.error = str(exc)
    except sqlite3.IntegrityError as exc:
        res.error = f"could not be stored ({exc})"
    return res


def import_file(store: Store, path: str | Path, category: str | None = None,
                subscribe: bool = False, killfile: Killfile | None = None,
                rules: CategoryRules = NO_RULES, find_quotes: bool = True) -> FileResult:
    """Import one file of any kind newsreader reads (subscribing to a feed, with
    ``subscribe``; its quotes found, with ``find_quotes``); errors come back in the result."""
    return write_loaded(store, load_file(path, category, find_quotes), category, subscribe, killfile, rules)


def _with_guid(page: ParsedArticle, source: str) -> ParsedArticle:
    return replace(page, guid="file:" + source)


def subscribe_all(store: Store, subs, category: str | None = None) -> int:
    """Subscribe to every feed of an OPML list (folders become categories)."""
    from newsreader.ingest.localfile import location

    with store.transaction():
        for sub in subs:
            url = location(sub.url)  # a file: URL is stored as the file's path
            feed_id = store.ensure_feed(url, sub.title or url, category=category or sub.category,
                                        site=sub.site, subscribed=True)
            if sub.full_text is not None:
                store.update_feed(feed_id, full_text=int(sub.full_text))
    return len(subs)


def import_paths(store: Store, paths: Iterable[str | Path], category: str | None = None,
                 progress: Progress | None = None, workers: int | None = None,
                 subscribe: bool = False, killfile: Killfile | None = None,
                 rules: CategoryRules = NO_RULES, defer_quotes: bool | None = None) -> list[FileResult]:
    """Import many files, each on its own; the bad ones are reported, not fatal.
    With ``subscribe`` each feed among them becomes a subscription.

    Parsing is CPU work: with several files it runs in worker processes while
    this thread writes each finished file. Quote finding costs about three
    times what parsing does, so with ``defer_quotes`` (by default, for a large
    import) the articles are stored without it, listable at once, and their
    stories and quotes are found afterwards (``ingest.quotepass``; opening an
    article finds its own quotes at once).
    """
    paths = list(paths)
    large = _total_size(paths) > PARALLEL_BYTES
    find = not (large if defer_quotes is None else defer_quotes)
    if workers is None:
        workers = min(len(paths), os.cpu_count() or 1, 4) if large else 1
    results = []
    if progress:
        progress(0, len(paths), str(paths[0]) if paths else "")
    if workers > 1:
        from newsreader.ingest.pool import process_pool

        # spawn, not fork: the caller may be a thread of the app, and forking a
        # threaded process can copy a held lock into the child.
        with process_pool(workers, "spawn") as pool:
            # written in the files' order, a few files read ahead: every worker stays
            # busy while this thread writes, and a writer slowed down (a busy machine)
            # holds a few parsed files in memory, not all of them (pool.map would)
            ahead = 2 * workers
            pending = deque(pool.submit(load_file, p, category, find) for p in paths[:ahead])
            for i in range(len(paths)):
                loaded = pending.popleft().result()
                if i + ahead < len(paths):
                    pending.append(pool.submit(load_file, paths[i + ahead], category, find))
                results.append(write_loaded(store, loaded, category, subscribe, killfile, rules))
                if progress:
                    progress(i + 1, len(paths), str(paths[i]))
    else:
        for i, path in enumerate(paths):
            results.append(import_file(store, path, category, subscribe, killfile, rules, find))
            if progress:
                progress(i + 1, len(paths), str(path))
    if find:  # else the pass that finds the quotes groups them first (ingest.quotepass)
        from newsreader.ingest.stories import group_new

        group_new(store)  # the new articles join the stories of other outlets, or start them
    return results


PARALLEL_BYTES = 8 * 1024 * 1024


def _total_size(paths: list) -> int:
    total = 0
    for p in paths:
        try:
            total += Path(p).stat().st_size
        except OSError:
            pass
    return total
