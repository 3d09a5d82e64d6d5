"""The JSON backup: every article with its state, which ``import`` restores.

Format: ``{"newsreader_backup": 1, "feeds": [...], "views": [...], "articles": [...]}``
(``views``, the saved views, and an article's ``hidden`` came later: a backup
without them restores as before). Quotes are not in it: they are found again
from the bodies on restore.
"""

from __future__ import annotations

import json
from typing import IO

from newsreader import __version__
from newsreader.errors import IngestError
from newsreader.models import Enclosure, ParsedArticle
from newsreader.store import NewArticle, Store, UpsertCounts
from newsreader.store.timefmt import from_db
from newsreader.text import clean_line

FORMAT = 1
_ARTICLE_KEYS = ("id", "source", "feed_url", "guid", "link", "title", "byline", "published",
                 "published_estimated", "imported_at", "category", "tags", "summary", "body",
                 "links", "html", "read", "read_at", "favourite", "favourite_at", "enclosures",
                 "full_text", "page_html", "hidden", "sections")


def write_backup(store: Store, out: IO[str]) -> int:
    """Write the whole library to ``out`` as JSON, a row at a time; returns the article count."""
    feeds = [{"url": f.url, "title": f.title, "category": f.category, "site": f.site,
              "subscribed": True, "full_text": f.full_text, "own_title": f.own_title, "renamed": f.renamed}
             for f in store.feeds()]
    views = [{"name": v.name, "expr": v.expr} for v in store.saved_views()]
    out.write('{"newsreader_backup": %d, "version": %s,\n "feeds": %s,\n "views": %s,\n "articles": [\n'
              % (FORMAT, json.dumps(__version__), json.dumps(feeds, ensure_ascii=False),
                 json.dumps(views, ensure_ascii=False)))
    n = 0
    for row in store.export_rows():
        rec = {k: row.get(k) for k in _ARTICLE_KEYS}
        rec["read"], rec["favourite"] = bool(rec["read"]), bool(rec["favourite"])
        rec["published_estimated"], rec["hidden"] = bool(rec["published_estimated"]), bool(rec["hidden"])
        rec["feed_title"] = row.get("feed_title")
        rec["feed_category"] = row.get("feed_category")
        rec["feed_site"] = row.get("feed_site")
        out.write(("" if n == 0 else ",\n") + json.dumps(rec, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def restore(store: Store, data: dict) -> UpsertCounts:
    """Put a backup's feeds and articles (with read and favourite state) back. They keep
    the backup's categories until the library is next categorised again (at once)."""
    from newsreader.ingest.pipeline import prepare
    from newsreader.ingest.recategorise import forget_rules

    if not isinstance(data, dict) or data.get("newsreader_backup") != FORMAT:
        raise IngestError("not a newsreader backup this version can read")
    feeds, articles = data.get("feeds") or [], data.get("articles") or []
    if not isinstance(feeds, list) or not isinstance(articles, list):
        raise IngestError("the backup's feeds and articles must be lists")
    added = updated = unchanged = 0
    with store.transaction():
        for f in feeds:
            try:
                if not all(isinstance(f.get(k), str) for k in ("url",)) or not all(
                        f.get(k) is None or isinstance(f.get(k), str)
                        for k in ("title", "category", "site", "own_title")):
                    raise TypeError
                # a backup is untrusted text like any feed: no control characters get in
                feed_id = store.ensure_feed(clean_line(f["url"]), clean_line(f.get("title") or f["url"]),
                                            category=clean_line(f.get("category") or "") or None,
                                            site=clean_line(f.get("site") or "") or None,
                                            subscribed=bool(f.get("subscribed", True)),
                                            own_title=clean_line(f.get("own_title") or "") or None)
                if f.get("renamed") is True:  # the user's own name, which naming again leaves alone
                    store.update_feed(feed_id, renamed=1)
                if isinstance(f.get("full_text"), bool):
                    store.update_feed(feed_id, full_text=int(f["full_text"]))
            except (KeyError, TypeError, AttributeError):
                raise IngestError("a feed in the backup has no url or a field that is not text") from None
        for rec in articles:
            try:
                item, url = _article(rec, prepare)
            except (KeyError, TypeError, ValueError) as exc:
                raise IngestError(f"an article in the backup is malformed ({exc})") from None
            feed_id = store.ensure_feed(clean_line(url), clean_line(str(rec.get("feed_title") or url)),
                                        category=clean_line(str(rec.get("feed_category") or "")) or None,
                                        site=clean_line(str(rec.get("feed_site") or "")) or None)
            before = store.last_article_id()
            c = store.upsert_articles(feed_id, rec.get("source") or url, [item])
            if c.added and rec.get("hidden") is True:
                store.hide_after(before)
            added, updated, unchanged = added + c.added, updated + c.updated, unchanged + c.unchanged
        _restore_views(store, data.get("views"))
        forget_rules(store)
    return UpsertCounts(added, updated, unchanged)


def _restore_views(store: Store, views) -> None:
    """The backup's saved views that the library has no view of that name for."""
    from newsreader.errors import NewsreaderError
    from newsreader.filters import parse

    for v in views if isinstance(views, list) else []:
        if not (isinstance(v, dict) and isinstance(v.get("name"), str) and isinstance(v.get("expr"), str)):
            raise IngestError("a view in the backup has no name or expression")
        try:
            parse(v["expr"])
            store.add_view(v["name"], clean_line(v["expr"]))
        except NewsreaderError:
            continue  # a name the library uses already, or what this version cannot read


def _stamp(rec: dict, key: str) -> str | None:
    """A stored timestamp from the backup, checked: a bad one refuses the file."""
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or from_db(value) is None:
        raise ValueError(f"{key} is not a timestamp like 2026-01-31T12:00:00Z: {value!r}")
    return value


def _text(rec: dict, key: str, required: bool = False) -> str | None:
    value = rec.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text")
    return value


def _article(rec: dict, prepare) -> tuple[NewArticle, str]:
    if not isinstance(rec, dict):
        raise ValueError("an article must be an object")
    for key in ("title", "body"):
        _text(rec, key, required=True)
    for key in ("guid", "link", "byline", "summary", "html", "category", "source", "feed_url",
                "feed_title", "feed_category", "feed_site", "full_text", "page_html"):
        _text(rec, key)
    for key in ("published", "read_at", "favourite_at", "imported_at"):
        _stamp(rec, key)
    for key in ("tags", "links", "sections"):
        value = rec.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{key} must be a list of text")
    enclosures = []
    for e in rec.get("enclosures") or []:
        if not isinstance(e, dict) or not isinstance(e.get("url"), str):
            raise ValueError("an enclosure must be an object with a url")
        length = e.get("length")
        enclosures.append(Enclosure(clean_line(e["url"]), clean_line(str(e.get("type") or "")),
                                    length if isinstance(length, int) and length >= 0 else None))
    published = None if rec.get("published_estimated") else from_db(rec.get("published"))
    parsed = ParsedArticle(
        title=rec["title"], body=rec["body"], guid=rec.get("guid"), link=rec.get("link"),
        byline=rec.get("byline"), published=published, tags=tuple(rec.get("tags") or ()),
        categories=tuple(rec.get("sections") or ()),
        summary=rec.get("summary") or "", links=tuple(rec.get("links") or ()), html=rec.get("html"),
        enclosures=tuple(enclosures),
    )
    item = prepare([parsed], rec.get("category") or None)[0]
    from dataclasses import replace

    item = replace(
        item,
        read_at=(rec.get("read_at") or rec.get("imported_at")) if rec.get("read") else None,
        favourite_at=(rec.get("favourite_at") or rec.get("imported_at")) if rec.get("favourite") else None,
        imported_at=rec.get("imported_at") or (rec.get("published") if rec.get("published_estimated") else None),
        estimate=rec.get("published") if rec.get("published_estimated") else None,  # its place, kept
        full_text=rec.get("full_text"), page_html=rec.get("page_html"),
    )
    return item, rec.get("feed_url") or rec.get("source") or "backup"
