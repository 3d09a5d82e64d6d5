"""``newsreader stories`` and ``newsreader story ID``: stories told by several outlets."""

from __future__ import annotations

from newsreader.commands import _console, _dump
from newsreader.store import open_store
from newsreader.store.timefmt import to_db
from newsreader.text import clean_line, counted, shown_date


def _grouped(store) -> None:
    from newsreader.commands import _categories_current
    from newsreader.ingest.stories import group_new

    _categories_current(store)  # outlets named as the lists name them
    group_new(store)  # articles stored by an older newsreader, or still waiting


def cmd_stories(args) -> int:
    with open_store() as store:
        _grouped(store)
        stories = store.stories(limit=args.limit)
    if args.json:
        _dump([{"id": s.id, "title": s.title, "articles": [a.id for a in s.articles],
                "outlets": list(s.outlets), "first": to_db(s.first), "last": to_db(s.last)}
               for s in stories])
        return 0
    from rich.text import Text

    out = _console()
    if not stories:
        out.print("no stories yet: a story is one event told by several articles")
        return 0
    for s in stories:
        span = shown_date(s.first) if s.first.date() == s.last.date() else \
            f"{shown_date(s.first)} – {shown_date(s.last)}"
        out.print(Text.assemble((f"{s.id:>5} ", "dim"), (clean_line(s.title), "bold"),
                                f"  ({len(s.articles)} articles)"), soft_wrap=True)
        out.print(Text(f"      {', '.join(clean_line(o) for o in s.outlets)} · {span}", style="dim"),
                  soft_wrap=True)
    return 0


def story_json(cmp) -> dict:
    """The ``story --json`` record of a compared story."""
    s = cmp.story
    return {
        "id": s.id, "title": s.title,
        "articles": [{"id": a.id, "outlet": a.outlet, "title": a.title, "published": to_db(a.published),
                      "words": a.length} for a in s.articles],
        "quotes": [{"text": q.text, "speaker": cmp.speaker_of(q), "articles": list(q.articles),
                    "outlets": cmp.outlets_of(q.articles), "shared": q.shared, "point": q.point,
                    "wordings": [{"article": c.article, "text": c.text} for c in q.places]}
                   for q in cmp.quotes],
        "speakers": [{"name": sp.name, "articles": list(sp.articles), "outlets": cmp.outlets_of(sp.articles)}
                     for sp in cmp.speakers],
    }


def cmd_story(args) -> int:
    from newsreader.storyview import compare

    with open_store() as store:
        _grouped(store)
        cmp = compare(store, args.id)
    if args.json:
        _dump(story_json(cmp))
        return 0
    _console().print(render_story(cmp), soft_wrap=True)
    return 0


def render_story(cmp):
    """A compared story for the terminal: its articles, then its quotations, each
    once with the outlets carrying it; one speaker's wordings of one point together."""
    from rich.console import Group
    from rich.text import Text

    s = cmp.story
    lines = [Text(clean_line(s.title), style="bold"),
             Text(f"story {s.id} · {counted(len(s.articles), 'article')} from {counted(len(s.outlets), 'outlet')}",
                  style="dim"),
             Text(""), Text("Articles", style="bold underline")]
    for a in s.articles:
        lines.append(Text.assemble((f"{a.id:>6}  ", "dim"), (clean_line(a.outlet), "bold"),
                                   f"  {shown_date(a.published, a.estimated)}  {a.length:,} words  ",
                                   clean_line(a.title)))
    shared = sum(q.shared for q in cmp.quotes)
    lines += [Text(""), Text(f"Quotations ({len(cmp.quotes)}, {shared or 'none'} carried by several articles)"
                             if cmp.quotes else "Quotations (none)", style="bold underline")]
    shown: set[int] = set()
    for q in cmp.quotes:
        if q.point is not None:
            if q.point in shown:
                continue
            shown.add(q.point)
            lines.append(Text(f"  {clean_line(cmp.speaker_of(q) or '')}, one point in different words:",
                              style="italic"))
            for p in (p for p in cmp.quotes if p.point == q.point):
                lines += _quote_lines(cmp, p, "    ")
            continue
        lines += _quote_lines(cmp, q, "  ")
    if cmp.speakers:  # as the app's story view lists them: one line a person, whatever each outlet spelt
        lines += [Text(""), Text("Speakers and the outlets quoting them", style="bold underline")]
        for sp in cmp.speakers:
            lines.append(Text.assemble("  ", (clean_line(sp.name), "bold"),
                                       (" · " + ", ".join(clean_line(o) for o in cmp.outlets_of(sp.articles)),
                                        "dim")))
    return Group(*lines)


def _quote_lines(cmp, q, indent: str) -> list:
    from rich.text import Text

    who = clean_line(cmp.speaker_of(q) or "") or "(unattributed)"
    outlets = ", ".join(clean_line(o) for o in cmp.outlets_of(q.articles))
    where = f"{outlets}" if q.shared else f"only {outlets}"
    return [Text.assemble(indent, ("“" + clean_line(q.text) + "”", "italic")),
            Text.assemble(indent, "   — ", (who, "bold"), (f" · {where}", "green" if q.shared else "dim"))]
