"""A feed server on 127.0.0.1 for the fetch/refresh tests and the benchmark.

Routes map a path to a function of the request handler, so each test says
exactly how the server misbehaves. Every request is logged with its headers.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import zlib
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from xml.sax.saxutils import escape

Route = Callable[["Handler"], None]


def rss(title: str, n: int, tag: str = "item", words: int = 60) -> bytes:
    """An RSS 2.0 document with ``n`` items; text is generated, not copied."""
    filler = ("The harbour board met on Tuesday evening to talk about the new ferry timetable "
              "and the repairs to the north pier, which have run late since the spring storms. ")
    body = " ".join(filler.split()[: words])
    items = []
    for i in range(n):
        items.append(
            f"<item><title>{escape(title)} {tag} {i}</title>"
            f"<link>http://news.invalid/{escape(title.replace(' ', '-'))}/{tag}/{i}</link>"
            f"<guid isPermaLink=\"false\">{escape(title)}-{tag}-{i}</guid>"
            f"<pubDate>{formatdate(1_760_000_000 + i * 3600, usegmt=True)}</pubDate>"
            f"<category>Harbour</category>"
            f"<description>{escape(body)} Item {i} of {escape(title)}.</description></item>")
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
            f"<title>{escape(title)}</title><link>http://news.invalid/</link>"
            f"<description>test feed</description>{''.join(items)}</channel></rss>").encode()


# Article pages written for the tests: a headline, a byline, furniture around the text.
PARAGRAPHS = [
    "The harbour board voted on Tuesday night to rebuild the north pier before the winter storms,"
    " ending a year of argument over who should pay for the repairs.",
    "“We cannot wait another season and hope the pier holds,” said Marta Lindqvist, who chairs"
    " the board. “Every month of delay makes the job dearer.”",
    "Fishermen who use the pier said the decision came late. “We have tied up at the south wall"
    " since March,” said Tomas Berg, a trawler skipper.",
    "The work will close the pier to boats from January to May, the board said in a statement,"
    " and the ferry will move to the south quay while it lasts.",
    "Councillors still have to approve the loan that pays for most of the work; they meet again"
    " next week, and several have said they will vote for it.",
]


def article_page(n: int) -> bytes:
    body = "".join(f"<p>{escape(p)} (Story {n}.)</p>" for p in PARAGRAPHS)
    body += "<p>The plans are in <a href='/docs/pier-plan.html'>the board's report</a>, published on Monday.</p>"
    return (f"<!DOCTYPE html><html><head><title>Pier rebuild approved, story {n}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>Pier rebuild approved, story {n}</h1><p class='byline'>By Ines Calder</p>"
            f"{body}</article><footer><p>Harbour Gazette. All rights reserved.</p></footer>"
            "</body></html>").encode()


def summary_feed(server, paths: list[str], text: str = "The harbour board voted to rebuild the pier.") -> bytes:
    """An RSS feed of one-line summaries whose items link to ``paths`` on ``server``."""
    items = "".join(
        f"<item><title>Story {i}</title><link>{server.url(p)}</link><guid isPermaLink='false'>story-{i}</guid>"
        f"<pubDate>{formatdate(1_760_000_000 + i * 3600, usegmt=True)}</pubDate>"
        + (f"<description>{escape(text)} Story {i}.</description>" if text else "") + "</item>"
        for i, p in enumerate(paths))
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Gazette</title>"
            f"<link>{server.url('/')}</link><description>d</description>{items}</channel></rss>").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def setup(self) -> None:
        super().setup()
        # headers and body go out in separate writes; without this, Nagle and
        # delayed ACKs add 40 ms to every response
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        app = self.server.app
        path = self.path.split("?", 1)[0]
        with app.lock:
            app.log.append((path, {k.lower(): v for k, v in self.headers.items()}))
            app.active += 1
            app.max_active = max(app.max_active, app.active)
        try:
            route = app.routes.get(path)
            if route is None:
                self.reply(404, b"no such page", "text/plain")
            else:
                route(self)
        finally:
            with app.lock:
                app.active -= 1

    def reply(self, status: int, body: bytes = b"", ctype: str = "application/rss+xml",
              headers: dict | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256
    app: "FeedServer"

    def handle_error(self, request, client_address) -> None:  # resets are on purpose
        pass


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict]] = []
        self.lock = threading.Lock()
        self.active = self.max_active = 0
        self.stopping = threading.Event()
        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.httpd.app = self
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> "FeedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests(self, path: str) -> list[dict]:
        with self.lock:
            return [h for p, h in self.log if p == path]

    # --- route builders ---------------------------------------------------------

    def feed(self, path: str, body: bytes, *, ctype: str = "application/rss+xml",
             etag: str | None = None, last_modified: str | None = None,
             encoding: str | None = None) -> None:
        """A feed that answers conditional requests with 304 when its validators match."""

        def route(h: Handler) -> None:
            if etag and h.headers.get("If-None-Match") == etag:
                return h.reply(304, ctype="", headers={"ETag": etag})
            if (last_modified and not etag
                    and h.headers.get("If-Modified-Since") == last_modified):
                return h.reply(304, ctype="")
            headers = {}
            if etag:
                headers["ETag"] = etag
            if last_modified:
                headers["Last-Modified"] = last_modified
            data = body
            if encoding == "gzip":
                data, headers["Content-Encoding"] = gzip.compress(body), "gzip"
            elif encoding == "deflate":
                data, headers["Content-Encoding"] = zlib.compress(body), "deflate"
            h.reply(200, data, ctype, headers)

        self.routes[path] = route

    def status(self, path: str, code: int, headers: dict | None = None) -> None:
        self.routes[path] = lambda h: h.reply(code, f"status {code}".encode(), "text/plain", headers)

    def redirect(self, path: str, to: str, code: int = 302) -> None:
        self.routes[path] = lambda h: h.reply(code, b"", "text/plain", {"Location": to})

    def slow(self, path: str, seconds: float, body: bytes = b"") -> None:
        """Headers at once, then a trickle that takes ``seconds``."""

        def route(h: Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Length", str(len(body) + 1000))
            h.end_headers()
            h.wfile.write(body)
            h.wfile.flush()
            end = time.monotonic() + seconds
            while time.monotonic() < end and not self.stopping.is_set():
                time.sleep(0.05)
            h.close_connection = True

        self.routes[path] = route

    def big(self, path: str, size: int, announce: bool = True, chunk: int = 1 << 16) -> None:
        """``size`` bytes of a feed that never ends; with or without Content-Length."""

        def route(h: Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            if announce:
                h.send_header("Content-Length", str(size))
            else:
                h.close_connection = True
            h.end_headers()
            head = b"<?xml version='1.0'?><rss><channel><title>big</title><description>"
            h.wfile.write(head)
            sent, block = len(head), b"x" * chunk
            try:
                while sent < size and not self.stopping.is_set():
                    piece = block[: size - sent]
                    h.wfile.write(piece)
                    sent += len(piece)
            except OSError:
                pass  # the client stopped reading, as it should

        self.routes[path] = route

    def reset(self, path: str, body: bytes) -> None:
        """Promise the whole body, send a part, then reset the connection."""

        def route(h: Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body[: len(body) // 3])
            h.wfile.flush()
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.connection.close()
            h.close_connection = True

        self.routes[path] = route
