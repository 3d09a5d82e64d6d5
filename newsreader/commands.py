"""The subcommands behind ``newsreader COMMAND``; each returns an exit status.

Human output goes through Rich ``Text`` objects (never markup strings), so
article text is shown as it is; ``--json`` output is for scripts.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from newsreader.errors import NewsreaderError
from newsreader.store import Filter, Store, open_store
from newsreader.store.timefmt import to_db
from newsreader.text import UNDATED, clean_line


def _console(stderr: bool = False):
    from rich.console import Console

    # Piped output is not wrapped at 80 columns: scripts get whole lines.
    return Console(stderr=stderr, markup=False, highlight=False, emoji=False, soft_wrap=True)


def _dump(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


@contextmanager
def _progress(enabled: bool, label: str):
    """A progress bar on a terminal's stderr; nothing when piped."""
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=_console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total,
                       description=f"{label} {Path(name).name[:40]}" if name else label)

        yield update


def _err(message: str) -> None:
    print(f"newsreader: error: {clean_line(message)}", file=sys.stderr)


def _killfile():
    """The killfile of config.toml; each rule that cannot be read is named on stderr
    (what else config.toml holds that cannot be used is named once by the CLI)."""
    from newsreader.config import load_config
    from newsreader.ingest.killfile import killfile_of

    found = killfile_of(load_config())
    for problem in found.problems:
        print(f"newsreader: warning: {clean_line(problem)}", file=sys.stderr)
    return found


def _category_rules():
    """(the category mapping of config.toml, whether it could all be read). Entries that
    cannot be used are named once by the CLI; while any of the mapping (or the whole
    file) cannot be read, the categories already stored are not chosen again."""
    from newsreader.config import load_config
    from newsreader.ingest.categories import CategoryRules

    config = load_config()
    whole = not any(p.setting == "config.toml" or "categor" in p.setting for p in config.problems)
    return CategoryRules.from_config(config), whole


def _categories_current(store: Store) -> None:
    """Before listing: name the feeds and choose the stored categories again if their
    rules or the user's mapping changed since (not while config.toml cannot be read)."""
    from newsreader.ingest.recategorise import recategorise

    rules, ok = _category_rules()
    if ok:
        recategorise(store, rules)


# --- import, add, feeds, remove, refresh ---------------------------------------


def cmd_import(args) -> int:
    from newsreader.ingest.pipeline import import_paths
    from newsreader.ingest.quotepass import start_if_pending

    killfile = _killfile()
    rules, _ = _category_rules()
    with open_store() as store, _progress(not args.json, "importing") as progress:
        results = import_paths(store, args.paths, args.category, progress, subscribe=args.subscribe,
                               killfile=killfile, rules=rules)
        later = start_if_pending(store)
    failed = [r for r in results if r.error]
    for r in failed:
        _err(f"{r.path}: {r.error}")
    if args.json:
        _dump([r.as_dict() for r in results])
    else:
        out = _console()
        for r in results:
            if r.error:
                continue
            what = (f"{r.subscribed} feeds subscribed" if r.kind == "opml"
                    else f"{r.added} added, {r.updated} updated, {r.unchanged} unchanged")
            if r.killed():
                what += f" ({r.killed()})"
            out.print(clean_line(f"{r.path}: {r.kind}: {what}"))
            for w in r.warnings:
                out.print(f"  warning: {clean_line(w)}")
        if len(results) > 1:
            out.print(f"{len(results) - len(failed)} imported, {len(failed)} failed")
        if later:
            out.print(f"stories and quotes are being found in the background ({later} articles);"
                      " 'newsreader quotes' waits for them")
        loose = [r for r in results if r.kind in ("feed", "jsonfeed") and not r.error and not r.subscription]
        if loose and sys.stdout.isatty():
            out.print(f"feed files are not subscribed; 'newsreader import --subscribe {_arg(loose[0].path)}"
                      f"{' ...' if len(loose) > 1 else ''}' or 'newsreader add PATH' makes refresh read them again")
    return 1 if failed else 0


def _arg(path: str) -> str:
    """A path as it would be typed in a shell."""
    import shlex

    return shlex.quote(clean_line(path))


def cmd_add(args) -> int:
    from newsreader.ingest.subscribe import add_subscription

    if not args.target.strip():
        raise NewsreaderError("add needs a feed URL or file path")
    from newsreader.ingest.fulltext import due_pages, fetch_pages, fetches_pages

    killfile = _killfile()
    rules, _ = _category_rules()
    with open_store() as store:
        try:
            feed, counts = add_subscription(store, args.target, category=args.category, title=args.title,
                                            full_text=args.full_text, killfile=killfile, rules=rules)
        except NewsreaderError as exc:
            raise NewsreaderError(f"{args.target}: {exc}") from None
        with _progress(not args.json, "fetching article pages") as progress:
            pages = fetch_pages(store, due_pages(store, [feed]), progress=progress)
        full = fetches_pages(store, feed)
        from newsreader.ingest.stories import group_new

        group_new(store)  # its articles join the stories other outlets tell
    if args.json:
        _dump({"id": feed.id, "url": feed.url, "title": feed.title, "category": feed.category,
               "added": counts.added, "updated": counts.updated, "hidden": counts.hidden,
               "marked_read": counts.marked_read, "full_text": full,
               "pages": pages.as_dict()})
    else:
        out = _console()
        from newsreader.ingest.killfile import killed_summary

        killed = killed_summary(counts.hidden, counts.marked_read)
        out.print(f"subscribed to {feed.title} ({feed.url}): {counts.added} new articles"
                  + (f" ({killed})" if killed else ""))
        if pages.asked:
            out.print(f"  {pages.summary()}; 'newsreader feeds --full-text {feed.id} off' keeps the"
                      " feed's own text")
    return 0


def _feed_dict(f, full: bool) -> dict:
    return {"id": f.id, "url": f.url, "title": f.title, "own_title": f.own_title or f.title, "renamed": f.renamed,
            "category": f.category, "site": f.site,
            "enabled": f.enabled, "articles": f.article_count, "unread": f.unread_count,
            "full_text": {True: "on", False: "off", None: "auto"}[f.full_text], "fetches_pages": full,
            "last_attempt": to_db(f.last_attempt), "last_success": to_db(f.last_success),
            "last_error": f.last_error, "failures": f.failures, "retry_after": to_db(f.retry_after)}


_SWITCH = {"on": True, "off": False, "auto": None}


def cmd_feeds(args) -> int:
    from newsreader.ingest.fulltext import fetches_pages

    with open_store() as store:
        if args.rename:
            from newsreader.ingest.outlets import rename

            ref, name = args.rename
            feed = rename(store, store.find_feed(ref), name)
            _console().print(f"{feed.url}: named {feed.title}" + ("" if feed.renamed else " (its own name)"))
            return 0
        if args.full_text:
            ref, value = args.full_text
            if value.lower() not in _SWITCH:
                raise NewsreaderError(f"--full-text takes on, off or auto, not {value!r}")
            feed = store.find_feed(ref)
            with store.transaction():
                store.update_feed(feed.id, full_text=_SWITCH[value.lower()])
            feed = store.feed(feed.id)
            state = fetches_pages(store, feed)
            _console().print(f"{feed.title}: full text {value.lower()}"
                             + (" (its pages are fetched on refresh)" if state else " (the feed's own text is kept)"))
            return 0
        _categories_current(store)  # the feeds named as the lists name them
        feeds = [(f, fetches_pages(store, f)) for f in store.feeds()]
    if args.json:
        _dump([_feed_dict(f, full) for f, full in feeds])
        return 0
    out = _console()
    if not feeds:
        out.print("no subscriptions yet: 'newsreader add URL' or 'newsreader import list.opml'")
    hint = False
    for f, full in feeds:
        status = f" [failing: {f.last_error}]" if f.last_error else ""
        pages = ""
        if full:
            pages = "  [full text]" if f.full_text else "  [summaries: full text automatic]"
            hint = hint or f.full_text is None
        out.print(f"{f.id:>4}  {f.title}  ({f.category or '-'})  {f.unread_count}/{f.article_count} unread"
                  f"  {f.url}{pages}{status}")
    if hint:
        out.print("feeds marked 'summaries' have each item's page fetched on refresh;"
                  " 'newsreader feeds --full-text FEED off' keeps a feed's own text")
    return 0


def cmd_remove(args) -> int:
    with open_store() as store:
        feed = store.find_feed(args.feed)
        gone = store.remove_feed(feed.id)
    _console().print(f"removed {feed.title} and {gone} of its articles (favourites kept)")
    return 0


def cmd_refresh(args) -> int:
    from newsreader.ingest.quotepass import start_if_pending
    from newsreader.ingest.refresh import refresh_all

    killfile = _killfile()
    rules, _ = _category_rules()
    with open_store() as store, _progress(not args.json, "refreshing") as progress:
        pages = (lambda done, total, url: progress(done, total, "page " + url)) if progress else None
        report = refresh_all(store, progress=progress, pages_progress=pages, killfile=killfile, rules=rules)
        start_if_pending(store)  # the stories of a refresh of many new articles
    if args.json:
        _dump(report.as_dict())
    else:
        out = _console()
        for name, reason in report.failed:
            _err(f"{name}: {reason}")
        out.print(report.summary())
    if report.total and len(report.failed) == report.total:
        return 1
    return 1 if (args.strict and report.failed) else 0


# --- list, show, mark, quotes, search ------------------------------------------


def _summary_dict(a) -> dict:
    return {"id": a.id, "title": a.title, "category": a.category, "source": a.source,
            "published": to_db(a.published), "read": a.read, "favourite": a.favourite}


def _print_rows(rows) -> None:
    from rich.text import Text

    out = _console()
    for a in rows:
        line = Text()
        line.append(f"{a.id:>6} ", style="dim")
        line.append("*" if a.favourite else " ", style="yellow")
        line.append(" " if a.read else "N", style="cyan")
        line.append(f" {UNDATED:<10} " if a.estimated else f" {a.published:%Y-%m-%d} ", style="dim")
        line.append(a.title, style="dim" if a.read else "bold")
        line.append(f"  [{a.category}]", style="dim")
        out.print(line, soft_wrap=True)


def _list(store: Store, flt: Filter, limit: int | None):
    if limit is not None:
        return store.list_articles(flt, limit=limit)
    return list(store.iter_articles(flt))


def _known_category(store, name: str | None) -> str | None:
    """The stored category called ``name`` (any case); an unknown one is a mistake."""
    if name is None:
        return None
    names = [c.name for c in store.categories()]
    if name in names:
        return name
    folded = [n for n in names if n.casefold() == name.casefold()]
    if folded:
        return folded[0]
    known = ", ".join(names) if names else "none yet"
    raise NewsreaderError(f"no category named {name!r} (categories: {known})")


def _parse(text: str, what: str):
    """A filter expression, or one line naming ``what`` was wrong with it."""
    from newsreader.filters import FilterError, parse

    try:
        return parse(text)
    except FilterError as exc:
        raise NewsreaderError(f"{what}: {exc}") from None


def cmd_list(args) -> int:
    from newsreader.filters import both

    where = _parse(args.where, "--where") if args.where is not None else None
    with open_store() as store:
        _categories_current(store)
        category = _known_category(store, args.category)
        if args.view is not None:
            view = store.saved_view(args.view)
            where = both(_parse(view.expr, f"the view {view.name!r}"), where)
        flt = Filter(category=category, unread=args.unread, favourites=args.favourites, where=where,
                     sort=args.sort)
        rows = _list(store, flt, args.limit)
    if args.json:
        _dump([_summary_dict(a) for a in rows])
    else:
        _print_rows(rows)
    return 0


def cmd_views(args) -> int:
    with open_store() as store:
        if args.views_command == "add":
            flt = Filter(where=_parse(args.expr, f"views add {args.name}"))
            view = store.add_view(args.name, args.expr)
            _console().print(f"saved the view {view.name}: {store.count(flt)} articles,"
                             f" {store.count(replace(flt, unread=True))} unread")
            return 0
        if args.views_command == "remove":
            view = store.remove_view(args.name)
            _console().print(f"removed the view {view.name} (its articles stay)")
            return 0
        listed = []
        for view in store.saved_views():
            try:
                flt = Filter(where=_parse(view.expr, view.name))
                listed.append((view, store.count(flt), store.count(replace(flt, unread=True)), None))
            except NewsreaderError as exc:  # saved by a newsreader that read more
                listed.append((view, 0, 0, str(exc)))
    if args.json:
        _dump([{"name": v.name, "expr": v.expr, "articles": n, "unread": unread, "error": error}
               for v, n, unread, error in listed])
        return 0
    out = _console()
    if not listed:
        out.print("no saved views yet: newsreader views add NAME EXPR (or v, then ctrl+s, in the app)")
    for view, n, unread, error in listed:
        counts = f"unreadable: {error}" if error else f"{unread}/{n} unread"
        out.print(f"{view.name}  ({clean_line(counts)})  {clean_line(view.expr)}")
    return 0


def cmd_search(args) -> int:
    if not args.query.strip():
        raise NewsreaderError("the search is empty: give a word to look for")
    with open_store() as store:
        _categories_current(store)
        rows = _list(store, Filter(search=args.query, relevance=args.sort == "relevance"), args.limit)
    if args.json:
        # score: how well the article matches (higher is better; FTS5's bm25 turned round), null by date
        _dump([{**_summary_dict(a), "score": None if a.rank is None else -a.rank} for a in rows])
    else:
        _print_rows(rows)
        if not rows:
            _console().print(f"nothing matches {args.query!r}")
    return 0


def article_json(art) -> dict:
    """The ``show --json`` record of an article."""
    from newsreader.quoteview import speaker_list

    quotes = [{"start": q.start, "end": q.end, "text": art.body[q.start:q.end], "kind": q.kind,
               "speaker": q.speaker, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end}
              for q in art.quotes]
    return {"id": art.id, "title": art.title, "category": art.category, "byline": art.byline,
            "published": to_db(art.published), "published_estimated": art.published_estimated,
            "link": art.link, "source": art.source,
            "body": art.body, "summary": art.summary, "links": list(art.links),
            "enclosures": [{"url": e.url, "type": e.type, "length": e.length} for e in art.enclosures],
            "full_text": art.full_text, "quotes": quotes,
            "speakers": [{"name": n, "quotes": c} for n, c in speaker_list(art.quotes)],
            "read": art.read, "favourite": art.favourite}


def cmd_show(args) -> int:
    from newsreader.ingest.pipeline import reanalyse

    with open_store() as store:
        reanalyse(store, article_id=args.id)  # quotes an older quote finder found
        _categories_current(store)  # and its feed's name and category, as a list shows them
        art = store.article(args.id)
    if args.json:
        _dump(article_json(art))
        return 0
    from newsreader.render import render_article

    _console().print(render_article(art), soft_wrap=not sys.stdout.isatty())
    return 0


def cmd_mark(args) -> int:
    with open_store() as store:
        if args.state in ("read", "unread"):
            store.set_read(args.ids, args.state == "read")
        else:
            store.set_favourite(args.ids, args.state == "favourite")
    return 0


def cmd_quotes(args) -> int:
    from newsreader.ingest.quotepass import find_stale, pass_lock, wait_for_pass

    with open_store() as store:
        # the quotes a large import left to a background pass, or an older finder found
        with _progress(not args.json, "finding quotes") as progress:
            wait_for_pass(store.path, store, progress)
            with pass_lock(store.path, wait=True):
                find_stale(store, progress=progress)
        keys = None
        if args.speaker:
            from newsreader.analysis.speakers import person_key, same_person

            wanted = person_key(args.speaker)
            keys = [k for k, name in store.speaker_keys()
                    if k == wanted or same_person(args.speaker, name)]
            if not keys:
                raise NewsreaderError(f"no quotes by {args.speaker!r} in the library")
        found = store.quotes(keys, limit=args.limit)
    if args.json:
        _dump([{"article_id": aid, "text": text, "kind": q.kind, "speaker": q.speaker}
               for aid, q, text in found])
        return 0
    from rich.text import Text

    out = _console()
    for aid, q, text in found:
        out.print(Text.assemble((f"{aid:>6} ", "dim"), (q.speaker or "(unattributed)", "bold"),
                                ": “", (text, "italic"), "”"), soft_wrap=True)
    return 0


def cmd_export(args) -> int:
    with open_store() as store, _output(args.file) as out:
        if args.format == "opml":
            from newsreader.ingest.opml import write_opml
            from newsreader.models import Subscription

            from newsreader.ingest.fetch import is_url
            from newsreader.ingest.localfile import file_url

            # a file subscription as a file: URL, which other readers understand and import reads back
            subs = [Subscription(url=f.url if is_url(f.url) else file_url(f.url), title=f.title,
                                 category=f.category, site=f.site, full_text=f.full_text)
                    for f in store.feeds()]
            out.write(write_opml(subs))
        else:
            from newsreader.ingest.backup import write_backup

            write_backup(store, out)
    return 0


def cmd_doctor(args) -> int:
    from newsreader import paths
    from newsreader.doctor import run_doctor

    with _progress(not args.json, "finding quotes again") as progress:
        report = run_doctor(paths.database_path(), progress)
    if args.json:
        _dump(report.as_dict())
        return 0
    out = _console()
    out.print(f"checked {report.path}")
    for c in report.checks:
        out.print(f"  {c.name}: {c.detail}" if c.ok else f"  {c.name}: problem: {c.detail}")
    if report.healthy:
        if len(report.checks) > 1:  # not just "no library yet"
            out.print("the library is healthy; nothing was changed")
        return 0
    for copy in report.backup:
        out.print(f"kept a copy of the file as it was: {copy}")
    for done in report.repairs:
        out.print(f"repaired: {done}")
    out.print("the library opens and passes its checks")
    return 0


@contextmanager
def _output(file: str | None) -> Iterator:
    """Standard output, or ``file`` written whole or not at all."""
    if not file:
        yield sys.stdout
        return
    target = Path(file)
    if target.is_dir():
        raise NewsreaderError(f"{file}: is a directory")
    if not target.parent.is_dir():
        raise NewsreaderError(f"{file}: no such directory")
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".newsreader-")
    except OSError as exc:
        raise NewsreaderError(f"{file}: cannot write there ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
