"""Feed parsers against feedparser: agreement on real feeds, items/s on a large file.

Four readers of RSS/Atom XML, each turned into the entry dictionaries
``newsreader.ingest.feeds._assemble`` reads, then into ParsedArticles:

- feedparser: the reference, called as newsreader calls it
  (``parse_feed(..., fast=False)``: sanitize_html=False, resolve_relative_uris=False);
- fastfeed: newsreader's lxml shortcut alone (a file it declines is counted
  as declined: newsreader then runs feedparser, so its own path always agrees);
- fastfeedparser, feedparser-rs: PyPI parsers, through a small adapter to
  feedparser's entry shape (the adapter is what adopting one would need).

(a) For every file in the folder given (default ../shared/data/feeds/real),
entry by entry, the fields newsreader keeps are compared with feedparser's:
title, link, guid, published (a datetime), body and summary (plain text after
html_to_text, not raw markup), byline, categories, tags, enclosures. Prints
the share of entries agreeing per field and overall, and the files a parser
failed on (an exception, a declined file, or another number of entries).

(b) On a generated 5,000-item RSS file (import_bench.write_feed), items/s,
best of N runs, for the parse step alone and for the whole path to a ParsedFeed.

    python benchmarks/feed_parsers.py [FOLDER] [--items 5000] [--words 600] [--runs 3]
                                      [--only agreement|speed] [--show N]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import feedparser

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from import_bench import write_feed  # noqa: E402

from newsreader.errors import IngestError  # noqa: E402
from newsreader.ingest import detect, fastfeed  # noqa: E402
from newsreader.ingest.feeds import _assemble, parse_feed  # noqa: E402

FIELDS = ("title", "link", "guid", "published", "body", "summary", "byline", "categories", "tags", "enclosures")
DEFAULT_FOLDER = ROOT.parent / "shared" / "data" / "feeds" / "real"


class Declined(Exception):
    """The parser does not read this document (newsreader would run feedparser)."""


def _plain(value):
    """feedparser-rs's objects (Entry, TextConstruct, Link, ...) as plain dicts and lists."""
    if isinstance(value, (str, int, float, type(None))):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    return value


# --- each parser: bytes -> (feed dict, entry dicts, version) in feedparser's shape ---------------

def run_feedparser(data: bytes):
    result = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    return result.get("feed") or {}, result.get("entries") or [], result.get("version") or ""


def run_fastfeed(data: bytes):
    got = fastfeed.read(data, "")
    if got is None:
        raise Declined
    return got


def run_fastfeedparser(data: bytes):
    import fastfeedparser

    result = fastfeedparser.parse(data)
    entries = []
    for e in result.get("entries") or []:
        e = dict(e)
        if "description" in e and "summary" not in e:
            e["summary"] = e.pop("description")
        if e.get("content") and e["content"][0].get("value") == e.get("summary"):
            # an RSS description copied as content: one text, read once, as HTML
            e["summary_detail"] = {"type": e.pop("content")[0].get("type") or "text/html"}
        links = [dict(link) for link in e.get("links") or () if link.get("rel") != "enclosure"]
        for enc in e.get("enclosures") or ():
            links.append({"rel": "enclosure", "href": enc.get("url"), "type": enc.get("type"),
                          "length": str(enc["length"]) if "length" in enc else None})
        e["links"] = links
        entries.append(e)
    feed = result.get("feed") or {}
    return feed, entries, "atom10" if _atom(data) else "rss20"


def _atom(data: bytes) -> bool:
    return detect.root_element(data) == "feed"


def run_feedparser_rs(data: bytes):
    import feedparser_rs

    result = feedparser_rs.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = [_plain(e) for e in result.entries]
    for e in entries:
        # its links leave out an enclosure's length; its enclosures list has it
        lengths = {enc.get("href"): enc.get("length") for enc in e.get("enclosures") or ()}
        for link in e.get("links") or ():
            if link.get("rel") == "enclosure" and not link.get("length"):
                link["length"] = lengths.get(link.get("href"))
    return _plain(result.feed), entries, result.version or ""


def run_feedparser_rs_raw(data: bytes):
    """The parse step alone: the library's objects, not yet turned into dicts."""
    import feedparser_rs

    result = feedparser_rs.parse(data, sanitize_html=False, resolve_relative_uris=False)
    return result.feed, result.entries, result.version


PARSERS = {
    "feedparser": run_feedparser,
    "fastfeed": run_fastfeed,
    "fastfeedparser": run_fastfeedparser,
    "feedparser-rs": run_feedparser_rs,
}


def _installed(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        print(f"({module} is not installed: pip install {module.replace('_', '-')})", file=sys.stderr)
        return False
    return True


def articles(name: str, data: bytes, source: str):
    """The ParsedArticles newsreader would make from this parser's reading."""
    if name == "feedparser":
        return parse_feed(data, source, fast=False).articles
    feed, entries, version = PARSERS[name](data)
    return _assemble(feed, entries, version, [], source).articles


def _value(article, field: str):
    value = getattr(article, field)
    if field == "enclosures":
        return tuple((e.url, e.type, e.length) for e in value)
    return value


def _references(folder: Path) -> dict[Path, tuple[bytes, tuple]]:
    """Every XML feed in ``folder`` that feedparser reads: its bytes and newsreader's articles."""
    refs = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        data = path.read_bytes()
        if data.startswith(detect.GZIP_MAGIC):
            data = detect.gunzip(data)
        if detect.sniff(data, str(path)) != "feed":
            continue  # JSON Feed: newsreader reads it itself
        try:
            refs[path] = (data, parse_feed(data, str(path), fast=False).articles)
        except IngestError:
            continue
    return refs


def _score(name: str, refs: dict, common: set, examples: dict) -> dict:
    """Entries agreeing with feedparser, per field and on every field, for one parser."""
    score = {"same": Counter(), "all": 0, "common": 0, "taken": 0, "taken_entries": 0, "failed": []}
    for path, (data, ref) in refs.items():
        try:
            got = articles(name, data, str(path))
        except Declined:
            score["failed"].append(f"{path.name} (declined)")
            continue
        except Exception as exc:  # a parser's own error is a result here
            score["failed"].append(f"{path.name} ({type(exc).__name__})")
            continue
        score["taken"] += 1
        score["taken_entries"] += len(ref)
        if len(got) != len(ref):
            score["failed"].append(f"{path.name} ({len(got)} entries, feedparser {len(ref)})")
        for a, b in zip(got, ref):  # entries missing at the end count as disagreeing
            ok = True
            for f in FIELDS:
                if _value(a, f) == _value(b, f):
                    score["same"][f] += 1
                else:
                    ok = False
                    examples.setdefault((name, f, path.name), (_value(a, f), _value(b, f)))
            score["all"] += ok
            score["common"] += ok and path in common
    return score


def agreement(folder: Path, show: int) -> None:
    refs = _references(folder)
    total = sum(len(a) for _, a in refs.values())
    common = {p for p, (data, _) in refs.items() if fastfeed.read(data, "") is not None}
    common_total = sum(len(refs[p][1]) for p in common)
    print(f"agreement with feedparser on {len(refs)} XML feeds, {total} entries ({folder});\n"
          f"share of all entries, a file not read counting as disagreeing")
    print(f"{'parser':<15}" + "".join(f"{f[:10]:>11}" for f in FIELDS) + f"{'all':>8}  files read (all on them)")
    examples: dict[tuple[str, str, str], tuple] = {}
    for name in PARSERS:
        sc = _score(name, refs, common, examples)
        row = f"{name:<15}" + "".join(f"{100 * sc['same'][f] / total:>10.1f}%" for f in FIELDS)
        print(row + f"{100 * sc['all'] / total:>7.1f}%  {sc['taken']}/{len(refs)} "
              f"({100 * sc['all'] / max(sc['taken_entries'], 1):.1f}%)")
        print(f"{'':<15}all fields agree on {100 * sc['common'] / max(common_total, 1):.1f}% of the "
              f"{common_total} entries of the {len(common)} files fastfeed reads")
        if sc["failed"]:
            print(f"{'':<15}not read or another entry count: {', '.join(sc['failed'])}")
    # the first disagreement per parser, field and file
    for (name, field, file), (got, want) in list(examples.items())[:show]:
        print(f"  {name} {file} {field}: {str(got)[:120]!r}\n  {'':>{len(name)}} feedparser: {str(want)[:120]!r}")


def _best(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def speed(items: int, words: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.rss"
        write_feed(path, 0, items, words)
        data = path.read_bytes()
    source = "/tmp/bench.rss"
    print(f"\nitems/s on one RSS file of {items} items x ~{words} words ({len(data) / 1e6:.1f} MB), "
          f"best of {runs}")
    steps = {
        "feedparser": (run_feedparser, lambda: parse_feed(data, source, fast=False)),
        "fastfeed": (run_fastfeed, lambda: parse_feed(data, source)),
        "fastfeedparser": (run_fastfeedparser, None),
        "feedparser-rs": (run_feedparser_rs_raw, None),
    }
    print(f"{'parser':<15}{'parse step':>14}{'to ParsedFeed':>16}")
    for name, (step, whole) in steps.items():
        if name not in PARSERS:
            continue
        n = len(step(data)[1])
        assert n == items, (name, n)
        alone = items / _best(lambda: step(data), runs)
        if whole is None:  # the adapter above, then newsreader's own assembly
            whole = lambda: _assemble(*PARSERS[name](data), [], source)  # noqa: E731
        full = items / _best(whole, runs)
        print(f"{name:<15}{alone:>12,.0f}/s{full:>14,.0f}/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", choices=("agreement", "speed"))
    ap.add_argument("--show", type=int, default=0, help="print N disagreements")
    args = ap.parse_args()
    for name, module in (("fastfeedparser", "fastfeedparser"), ("feedparser-rs", "feedparser_rs")):
        if not _installed(module):
            del PARSERS[name]
    if args.only != "speed":
        if not args.folder.is_dir():
            sys.exit(f"no such folder: {args.folder}")
        agreement(args.folder, args.show)
    if args.only != "agreement":
        speed(args.items, args.words, args.runs)


if __name__ == "__main__":
    main()
