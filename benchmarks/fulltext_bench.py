"""Whole articles on real feeds: body length and the share of articles with a
quotation, from the feed alone and after fetching each item's page.

    python benchmarks/fulltext_bench.py [FEEDS_DIR] [PAGES_DIR]

FEEDS_DIR holds real feed files (default ../shared/data/feeds/real), PAGES_DIR
saved article pages with ground truth (default ../shared/data/articles, its
``html`` and ``ground_truth`` folders). A feed takes part when its items link
to an outlet that has a saved page; a loopback server on 127.0.0.1 serves the
feed with its links pointed at itself and answers every item's link with a
saved page of that outlet (no network is used; links to other outlets fail
as unknown hosts). Each feed is subscribed with
full text on and refreshed, as a user would; the figures are printed per feed
and in total.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsreader.ingest.feeds import parse_feed  # noqa: E402
from newsreader.ingest.fetch import FetchSettings  # noqa: E402
from newsreader.ingest.fulltext import PAGE_SETTINGS  # noqa: E402
from newsreader.ingest.refresh import refresh_all  # noqa: E402
from newsreader.ingest.subscribe import add_subscription  # noqa: E402
from newsreader.store import Store  # noqa: E402


def outlet(host: str) -> str:
    """The outlet's name in a host: news.sky.com -> sky, www.bbc.co.uk -> bbc."""
    labels = [x for x in host.lower().split(".") if x not in ("www", "com", "co", "uk", "org", "net", "br", "kr", "ru")]
    return labels[-1] if labels else host


def saved_pages(pages_dir: Path) -> dict[str, list[bytes]]:
    by_outlet: dict[str, list[bytes]] = {}
    for truth in sorted((pages_dir / "ground_truth").glob("*.json")):
        url = json.loads(truth.read_text(encoding="utf-8")).get("url")
        html = pages_dir / "html" / (truth.stem + ".html")
        if url and html.exists():
            by_outlet.setdefault(outlet(urlsplit(url).hostname or ""), []).append(html.read_bytes())
    return by_outlet


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    feeds: dict[str, bytes] = {}
    pages: dict[str, list[bytes]] = {}

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        parts = self.path.split("/", 3)  # '', 'feed'|'page', name, rest
        body, ctype = b"not here", "text/plain"
        status = 404
        if len(parts) >= 3 and parts[1] == "feed" and parts[2] in self.feeds:
            body, ctype, status = self.feeds[parts[2]], "application/xml", 200
        elif len(parts) >= 3 and parts[1] == "page" and parts[2] in self.pages:
            choices = self.pages[parts[2]]
            body = choices[zlib.crc32(self.path.encode()) % len(choices)]
            ctype, status = "text/html; charset=utf-8", 200
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main(argv: list[str]) -> int:
    feeds_dir = Path(argv[0]) if argv else ROOT.parent / "shared" / "data" / "feeds" / "real"
    pages_dir = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data" / "articles"
    pages = saved_pages(pages_dir)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()

    chosen = {}
    for path in sorted(feeds_dir.iterdir()):
        try:
            parsed = parse_feed(path.read_bytes(), str(path))
        except Exception:  # noqa: BLE001 - a feed the reader refuses takes no part
            continue
        names = {outlet(urlsplit(a.link).hostname or "") for a in parsed.articles if a.link}
        hit = sorted(names & pages.keys())
        if hit:
            chosen[path] = hit
    if not chosen:
        print("no feed links to an outlet with a saved page")
        return 1
    for path, hit in chosen.items():
        data = path.read_bytes()
        for name in hit:
            # every link to the outlet now points at the loopback server
            host = rf"https?://(?:[a-z0-9-]+\.)*{re.escape(name)}\.[a-z.]+".encode()
            data = re.sub(host, f"{base}/page/{name}".encode(), data)
        Handler.feeds[path.stem] = data
    Handler.pages = pages

    settings = FetchSettings(deadline=PAGE_SETTINGS.deadline, max_bytes=PAGE_SETTINGS.max_bytes,
                             concurrency=PAGE_SETTINGS.concurrency, per_host=PAGE_SETTINGS.per_host,
                             accept=PAGE_SETTINGS.accept)
    rows, before_all, after_all = [], [], []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "lib.db") as store:
        started = time.perf_counter()
        for path in chosen:
            add_subscription(store, f"{base}/feed/{path.stem}", full_text=True)
        before = snapshot(store)
        # a refresh fetches at most fulltext.PER_FEED pages a feed: refresh until none is left
        asked, fetched, failed = 0, 0, []
        for _ in range(20):
            report = refresh_all(store, page_settings=settings)
            if report.pages is None:
                break
            asked, fetched = asked + report.pages.asked, fetched + report.pages.fetched
            failed += report.pages.failed
        elapsed = time.perf_counter() - started
        after = snapshot(store)
        for feed in store.feeds():
            b, a = before.get(feed.id, []), after.get(feed.id, [])
            rows.append((feed.title[:34], len(a), stats(b), stats(a)))
            before_all += b
            after_all += a
    print(f"{len(chosen)} feeds link to outlets with saved pages ({', '.join(sorted(pages))})")
    print(f"{'feed':34} {'arts':>5}  {'median chars':>18}  {'with a quote':>18}")
    for title, n, b, a in rows:
        print(f"{title:34} {n:5}  {b[0]:8.0f} -> {a[0]:7.0f}  {b[1]:7.0%} -> {a[1]:7.0%}")
    b, a = stats(before_all), stats(after_all)
    print(f"{'all':34} {len(after_all):5}  {b[0]:8.0f} -> {a[0]:7.0f}  {b[1]:7.0%} -> {a[1]:7.0%}")
    reasons: dict[str, int] = {}
    for _, why in failed:
        reasons[why] = reasons.get(why, 0) + 1
    print(f"pages: {fetched} of {asked} kept; subscribing and refreshing took {elapsed:.1f} s")
    for why, n in sorted(reasons.items(), key=lambda x: -x[1]):
        print(f"  {n:4}  {why}")
    server.shutdown()
    return 0


def snapshot(store: Store) -> dict[int, list[tuple[int, bool]]]:
    """Per feed: (body length, has a quotation) of each article."""
    out: dict[int, list[tuple[int, bool]]] = {}
    for summary in store.list_articles(limit=None):
        art = store.article(summary.id)
        out.setdefault(art.feed_id, []).append((len(art.body), any(q.kind == "quote" for q in art.quotes)))
    return out


def stats(items: list[tuple[int, bool]]) -> tuple[float, float]:
    if not items:
        return 0.0, 0.0
    return statistics.median(n for n, _ in items), sum(q for _, q in items) / len(items)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
